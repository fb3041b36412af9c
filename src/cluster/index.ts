/**
 * Online story clustering. Articles are taken in publication order; each goes to the best
 * existing story when its similarity reaches the threshold, else it founds a new story.
 *
 * Per article, in order:
 * 1. near-duplicates: MinHash band lookup; a syndicated copy always joins its original's story;
 * 2. candidates: stories sharing entity or top-term keys, via an inverted index with bounded
 *    posting lists (cost per article does not grow with the archive);
 * 3. scoring: weighted TF-IDF cosine, entity, date, number overlap and publication-time proximity
 *    against each candidate's summed features; best at or above threshold wins;
 * 4. bookkeeping: update the story's sums, the index and the document frequencies.
 */
import { createHash } from 'node:crypto'
import type { Annotated } from '../types.js'
import { addInto, articleFeatures, cosine, prune, type ArticleFeatures, type Vector } from './features.js'
import { bandKeys, similarity } from './fingerprint.js'

/** A story: its articles and why each joined. */
export interface StoryCluster {
  id: string
  articleIds: string[]
  why: { articleId: string; joinedBy: string | null; score: number; shared: string[] }[]
}

export interface ClusterWeights {
  text: number
  entities: number
  dates: number
  numbers: number
  time: number
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
const DAY = 86_400_000

interface Story {
  cluster: StoryCluster
  terms: Vector
  entities: Vector
  dates: Vector
  numbers: Vector
  labels: Map<string, string>
  first: number | null
  last: number | null
  recent: Member[]
  /** IDF-weighted norm of `terms`, and the document count it was computed at (null: stale). */
  norm: number
  normDocs: number | null
}

/**
 * An article as scored: its features, its IDF-weighted term norm, its terms as parallel arrays
 * with tf * idf² precomputed (so a dot product is one lookup per term), and its index keys.
 */
type Member = ArticleFeatures & { norm: number; termKeys: string[]; termWeights: Float64Array; keys: string[] }

/** What scoring compares on either side; `norm` is the IDF-weighted norm of `terms`. */
interface Side {
  terms: Vector
  norm: number
  entities: Vector
  dates: Vector
  numbers: Vector
  first: number | null
  last: number | null
}

/** The result of adding one article. */
export interface Assignment {
  storyId: string
  articleId: string
  joinedBy: string | null
  score: number
  shared: string[]
}

/** `s_` + the first 12 hex of sha256 of the founding article's id: stable across re-runs. */
export function storyIdOf(firstArticleId: string): string {
  return 's_' + createHash('sha256').update(firstArticleId).digest('hex').slice(0, 12)
}

/** Incremental clusterer: feed articles in publication order with `add`; read stories with `clusters`. */
export class StoryClusterer {
  private readonly opts: Required<Omit<ClusterOptions, 'weights'>> & { weights: ClusterWeights }
  private readonly stories: Story[] = []
  private readonly byArticle = new Map<string, { story: Story; fp: Uint32Array }>()
  private readonly postings = new Map<string, Story[]>()
  private readonly bands = new Map<string, string[]>()
  private readonly df = new Map<string, number>()
  private docs = 0

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
  }

  /** Assigns one article to a story (an article seen before keeps its story). */
  add(article: Annotated): Assignment {
    const seen = this.byArticle.get(article.id)
    if (seen) return { storyId: seen.story.cluster.id, articleId: article.id, joinedBy: null, score: 1, shared: [] }
    const features = articleFeatures(article, this.opts.maxTerms)
    this.docs++
    for (const t of features.terms.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1)
    const f = this.prepare(features)
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

  private idf = (term: string): number => Math.log(1 + this.docs / (this.df.get(term) ?? 1))

  private nearDuplicateOf(f: ArticleFeatures): { story: Story; joinedBy: string; score: number; shared: string[] } | null {
    let best: { story: Story; joinedBy: string; score: number; shared: string[] } | null = null
    const checked = new Set<string>()
    for (const key of bandKeys(f.fp)) {
      for (const id of this.bands.get(key) ?? []) {
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

  /** Precomputes the article's weighted terms, norm and index keys (entities, then top terms by tf-idf). */
  private prepare(features: ArticleFeatures): Member {
    const termKeys = [...features.terms.keys()]
    const idfs = termKeys.map(this.idf)
    const tfidf = termKeys.map((t, i) => features.terms.get(t)! * idfs[i])
    const termWeights = Float64Array.from(tfidf, (v, i) => v * idfs[i])
    const norm = Math.sqrt(tfidf.reduce((sum, v) => sum + v * v, 0))
    const top = termKeys
      .map((t, i) => [t, tfidf[i]] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.opts.maxKeys)
      .map(([t]) => `t:${t}`)
    return { ...features, norm, termKeys, termWeights, keys: [...features.entities.keys(), ...top] }
  }

  private candidates(f: Member): Story[] {
    const hits = new Map<Story, number>()
    for (const key of f.keys) {
      for (const story of this.postings.get(key) ?? []) hits.set(story, (hits.get(story) ?? 0) + 1)
    }
    return [...hits].sort((a, b) => b[1] - a[1]).slice(0, this.opts.maxCandidates).map(([s]) => s)
  }

  /** IDF-weighted term norm; a story's is cached and refreshed when the archive grew by a tenth. */
  private termNorm(terms: Vector): number {
    let sum = 0
    for (const [t, v] of terms) sum += (v * this.idf(t)) ** 2
    return Math.sqrt(sum)
  }

  private storySide(story: Story): Side {
    if (story.normDocs === null || this.docs > story.normDocs * 1.1) {
      story.norm = this.termNorm(story.terms)
      story.normDocs = this.docs
    }
    return story
  }

  /** Text cosine: IDF-weighted dot product over the article's terms, norms precomputed. */
  private textCosine(a: Member, b: Side): number {
    if (a.norm === 0 || b.norm === 0) return 0
    let dot = 0
    for (let i = 0; i < a.termKeys.length; i++) {
      const o = b.terms.get(a.termKeys[i])
      if (o !== undefined) dot += a.termWeights[i] * o
    }
    return Math.min(1, dot / (a.norm * b.norm))
  }

  /** Weighted similarity; a component counts only when both sides have something of that kind. */
  private score(a: Member, b: Side): number {
    const w = this.opts.weights
    let total = 0
    let weight = 0
    if (a.terms.size > 0 && b.terms.size > 0) {
      total += w.text * this.textCosine(a, b)
      weight += w.text
    }
    const part = (wi: number, x: Vector, y: Vector) => {
      if (x.size === 0 || y.size === 0) return
      total += wi * cosine(x, y)
      weight += wi
    }
    part(w.entities, a.entities, b.entities)
    part(w.dates, a.dates, b.dates)
    part(w.numbers, a.numbers, b.numbers)
    let gapDays = 0
    if (a.time !== null && b.first !== null && b.last !== null) {
      gapDays = Math.max(0, b.first - a.time, a.time - b.last) / DAY
      total += w.time * Math.exp(-gapDays / 2)
      weight += w.time
    }
    const value = weight === 0 ? 0 : total / weight
    return gapDays > this.opts.maxGapDays ? value / 2 : value
  }

  private bestStory(f: Member): { story: Story; joinedBy: string; score: number; shared: string[] } | null {
    let best: { story: Story; score: number } | null = null
    for (const story of this.candidates(f)) {
      const score = this.score(f, this.storySide(story))
      if (score >= this.opts.threshold && (!best || score > best.score)) best = { story, score }
    }
    if (!best) return null
    return { ...best, joinedBy: this.closestMember(f, best.story), shared: this.sharedWith(f, best.story) }
  }

  /** The recent member most like the article: who it "joined by", for the explanation. */
  private closestMember(f: Member, story: Story): string {
    let best = { id: story.recent[0].id, score: -1 }
    for (const m of story.recent) {
      const score = this.score(f, memberSide(m))
      if (score > best.score) best = { id: m.id, score }
    }
    return best.id
  }

  /** What the article shares with the story: entities by name, dates, numbers, then the weightiest terms. */
  private sharedWith(f: ArticleFeatures, story: Story): string[] {
    const entities = [...f.entities.keys()]
      .filter((k) => story.entities.has(k) && !k.startsWith('s:'))
      .map((k) => `entity:${f.labels.get(k) ?? k.slice(2)}`)
    const dates = [...f.dates.keys()].filter((k) => story.dates.has(k)).map((k) => `date:${k.slice(2)}`)
    const numbers = [...f.numbers.keys()].filter((k) => story.numbers.has(k)).map((k) => `number:${k.slice(2)}`)
    const terms = [...f.terms]
      .filter(([t]) => story.terms.has(t))
      .map(([t, v]) => [t, v * story.terms.get(t)! * this.idf(t) ** 2] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([t]) => `term:${t}`)
    return [...entities.slice(0, 8), ...dates.slice(0, 3), ...numbers.slice(0, 3), ...terms]
  }

  private found(f: ArticleFeatures): Story {
    const story: Story = {
      cluster: { id: storyIdOf(f.id), articleIds: [], why: [] },
      terms: new Map(), entities: new Map(), dates: new Map(), numbers: new Map(), labels: new Map(),
      first: null, last: null, recent: [], norm: 0, normDocs: null,
    }
    this.stories.push(story)
    return story
  }

  private join(story: Story, f: Member, why: StoryCluster['why'][number]): void {
    story.cluster.articleIds.push(f.id)
    story.cluster.why.push(why)
    addInto(story.terms, f.terms)
    addInto(story.entities, f.entities)
    addInto(story.dates, f.dates)
    addInto(story.numbers, f.numbers)
    prune(story.terms, this.opts.maxTerms)
    prune(story.entities, this.opts.maxTerms)
    story.normDocs = null
    if (f.time !== null) {
      story.first = story.first === null ? f.time : Math.min(story.first, f.time)
      story.last = story.last === null ? f.time : Math.max(story.last, f.time)
    }
    story.recent.push(f)
    if (story.recent.length > this.opts.maxMembersCompared) story.recent.shift()
    this.byArticle.set(f.id, { story, fp: f.fp })
    for (const key of bandKeys(f.fp)) pushBounded(this.bands, key, f.id, this.opts.maxPostings)
    for (const key of f.keys) pushBounded(this.postings, key, story, this.opts.maxPostings)
  }
}

function memberSide(m: Member): Side {
  return { ...m, first: m.time, last: m.time }
}

/** Appends to a posting list unless already last; drops the oldest beyond `max`. */
function pushBounded<T>(index: Map<string, T[]>, key: string, value: T, max: number): void {
  const list = index.get(key)
  if (!list) return void index.set(key, [value])
  if (list.includes(value)) return
  list.push(value)
  if (list.length > max) list.shift()
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
