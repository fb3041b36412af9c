/**
 * Online story clustering. Articles are taken in publication order; each goes to the best
 * existing story when its similarity reaches the threshold, else it founds a new story.
 *
 * Per article, in order:
 * 1. near-duplicates: MinHash band lookup; a syndicated copy always joins its original's story;
 * 2. candidates: stories sharing entity or top-term keys, via an inverted index with bounded
 *    posting lists (cost per article does not grow with the archive; see postings.ts);
 * 3. scoring: weighted TF-IDF cosine, entity, date, number overlap and publication-time proximity
 *    against each candidate's summed features (see scoring.ts); best at or above threshold wins;
 * 4. bookkeeping: update the story's sums, the indexes and the document frequencies.
 */
import { createHash } from 'node:crypto'
import type { Annotated } from '../types.js'
import { addInto, articleFeatures, prune } from './features.js'
import { similarity } from './fingerprint.js'
import { BoundedIndex, HitCounter } from './postings.js'
import { TermTable } from './term-table.js'
import { closestMember, prepareMember, score, sharedWith, termNorm, type ClusterWeights, type Member, type ScoringContext, type Side } from './scoring.js'
import { Vocabulary } from './vocabulary.js'

export type { ClusterWeights } from './scoring.js'

/** A story: its articles and why each joined. */
export interface StoryCluster {
  id: string
  articleIds: string[]
  why: { articleId: string; joinedBy: string | null; score: number; shared: string[] }[]
}

export interface ClusterOptions {
  /** Lowest similarity at which an article joins a story. */
  threshold?: number
  /** MinHash similarity at which two texts are copies of one article. */
  nearDuplicate?: number
  /** Stories scored per article (the best by index hits). */
  maxCandidates?: number
  /** Stories kept per index key (the most recent); bounds retrieval cost. */
  maxPostings?: number
  /** Top terms per article used as index keys. */
  maxKeys?: number
  /** Terms kept per article and (twice that) per story. */
  maxTerms?: number
  /** Recent members per story compared one by one to name `joinedBy`. */
  maxMembersCompared?: number
  /** Days between publication and a story beyond which the score is halved. */
  maxGapDays?: number
  weights?: Partial<ClusterWeights>
}

const DEFAULT_WEIGHTS: ClusterWeights = { text: 0.45, entities: 0.3, dates: 0.1, numbers: 0.05, time: 0.1 }

/** A story being built: its summed features (a `Side` for scoring) and its recent members. */
interface Story extends Side {
  /** Position in founding order: the story's number in the indexes. */
  index: number
  cluster: StoryCluster
  recent: Member[]
  /** The document count `norm` was computed at (null: stale since the last join). */
  normDocs: number | null
}

/** The result of adding one article. */
export interface Assignment {
  storyId: string
  articleId: string
  joinedBy: string | null
  score: number
  shared: string[]
}

type Match = { story: Story; joinedBy: string; score: number; shared: string[] }

/** `s_` + the first 12 hex of sha256 of the founding article's id: stable across re-runs. */
export function storyIdOf(firstArticleId: string): string {
  return 's_' + createHash('sha256').update(firstArticleId).digest('hex').slice(0, 12)
}

/** Incremental clusterer: feed articles in publication order with `add`; read stories with `clusters`. */
export class StoryClusterer {
  private readonly opts: Required<Omit<ClusterOptions, 'weights'>> & { weights: ClusterWeights }
  private readonly ctx: ScoringContext
  private readonly vocabulary = new Vocabulary()
  private readonly stories: Story[] = []
  private readonly byArticle = new Map<string, { story: Story; fp: Uint32Array }>()
  /** Entity keys and term ids -> story numbers; MinHash band keys -> article ids. */
  private readonly entityIndex: BoundedIndex<string, number>
  private readonly termIndex: BoundedIndex<number, number>
  private readonly bands: BoundedIndex<string, string>
  private readonly hits = new HitCounter()

  constructor(options: ClusterOptions = {}) {
    const {
      threshold = 0.3,
      nearDuplicate = 0.7,
      maxCandidates = 8,
      maxPostings = 64,
      maxKeys = 24,
      maxTerms = 150,
      maxMembersCompared = 6,
      maxGapDays = 7,
      weights = {},
    } = options
    this.opts = {
      threshold, nearDuplicate, maxCandidates, maxPostings, maxKeys, maxTerms, maxMembersCompared, maxGapDays,
      weights: { ...DEFAULT_WEIGHTS, ...weights },
    }
    this.ctx = { vocabulary: this.vocabulary, weights: this.opts.weights, maxGapDays }
    this.entityIndex = new BoundedIndex(maxPostings)
    this.termIndex = new BoundedIndex(maxPostings)
    this.bands = new BoundedIndex(maxPostings)
  }

  /** Assigns one article to a story (an article seen before keeps its story). */
  add(article: Annotated): Assignment {
    const seen = this.byArticle.get(article.id)
    if (seen) return { storyId: seen.story.cluster.id, articleId: article.id, joinedBy: null, score: 1, shared: [] }
    const f = prepareMember(articleFeatures(article, this.opts.maxTerms), this.vocabulary, this.opts.maxKeys)
    const match = this.nearDuplicateOf(f) ?? this.bestStory(f)
    const story = match?.story ?? this.found(f)
    const why = match
      ? { articleId: f.id, joinedBy: match.joinedBy, score: round(match.score), shared: match.shared }
      : { articleId: f.id, joinedBy: null, score: 1, shared: [] }
    this.join(story, f, why)
    return { storyId: story.cluster.id, ...why }
  }

  /** The stories so far, in the order they were founded. */
  clusters(): StoryCluster[] {
    return this.stories.map((s) => ({ id: s.cluster.id, articleIds: [...s.cluster.articleIds], why: [...s.cluster.why] }))
  }

  private nearDuplicateOf(f: Member): Match | null {
    let best: Match | null = null
    const checked = new Set<string>()
    for (const key of f.bands) {
      for (const id of this.bands.get(key)) {
        if (checked.has(id)) continue
        checked.add(id)
        const other = this.byArticle.get(id)!
        const score = similarity(f.fp, other.fp)
        if (score >= this.opts.nearDuplicate && (!best || score > best.score)) {
          best = { story: other.story, joinedBy: id, score, shared: ['near-duplicate'] }
        }
      }
    }
    return best
  }

  /** The stories sharing the most index keys with the article (entity keys first, then top terms). */
  private candidates(f: Member): Story[] {
    for (const key of f.entityKeys) this.hits.hitAll(this.entityIndex.get(key))
    for (const id of f.topTerms) this.hits.hitAll(this.termIndex.get(id))
    return this.hits.top(this.opts.maxCandidates).map((s) => this.stories[s])
  }

  /** The story as scored; its term norm is refreshed after a join or when the archive grew by a tenth. */
  private storySide(story: Story): Side {
    const docs = this.vocabulary.documents
    if (story.normDocs === null || docs > story.normDocs * 1.1) {
      story.norm = termNorm(story.terms, this.vocabulary)
      story.normDocs = docs
    }
    return story
  }

  private bestStory(f: Member): Match | null {
    let best: { story: Story; score: number } | null = null
    for (const story of this.candidates(f)) {
      const s = score(f, this.storySide(story), this.ctx)
      if (s >= this.opts.threshold && (!best || s > best.score)) best = { story, score: s }
    }
    if (!best) return null
    return { ...best, joinedBy: closestMember(f, best.story.recent, this.ctx), shared: sharedWith(f, best.story, this.vocabulary) }
  }

  private found(f: Member): Story {
    const story: Story = {
      index: this.stories.length,
      cluster: { id: storyIdOf(f.id), articleIds: [], why: [] },
      terms: new TermTable(), entities: new Map(), dates: new Map(), numbers: new Map(),
      first: null, last: null, recent: [], norm: 0, normDocs: null,
    }
    this.stories.push(story)
    return story
  }

  private join(story: Story, f: Member, why: StoryCluster['why'][number]): void {
    story.cluster.articleIds.push(f.id)
    story.cluster.why.push(why)
    story.terms.addAll(f.terms)
    addInto(story.entities, f.entities)
    addInto(story.dates, f.dates)
    addInto(story.numbers, f.numbers)
    story.terms.prune(this.opts.maxTerms)
    prune(story.entities, this.opts.maxTerms)
    story.normDocs = null
    if (f.time !== null) {
      story.first = story.first === null ? f.time : Math.min(story.first, f.time)
      story.last = story.last === null ? f.time : Math.max(story.last, f.time)
    }
    story.recent.push(f)
    if (story.recent.length > this.opts.maxMembersCompared) story.recent.shift()
    this.byArticle.set(f.id, { story, fp: f.fp })
    for (const key of f.bands) this.bands.add(key, f.id)
    for (const key of f.entityKeys) this.entityIndex.add(key, story.index)
    for (const id of f.topTerms) this.termIndex.add(id, story.index)
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** Sort key: publication order, undated articles last, ties and undated by id. */
function byPublication(a: Annotated, b: Annotated): number {
  const ta = a.publishedAt ? Date.parse(a.publishedAt) : NaN
  const tb = b.publishedAt ? Date.parse(b.publishedAt) : NaN
  const na = Number.isNaN(ta)
  const nb = Number.isNaN(tb)
  if (na !== nb) return na ? 1 : -1
  if (!na && ta !== tb) return ta - tb
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Groups articles into stories (online, in publication order).
 * @example clusterArticles(articles).map((s) => s.articleIds)
 */
export function clusterArticles(articles: Annotated[], options: ClusterOptions = {}): StoryCluster[] {
  const clusterer = new StoryClusterer(options)
  for (const article of [...articles].sort(byPublication)) clusterer.add(article)
  return clusterer.clusters()
}
