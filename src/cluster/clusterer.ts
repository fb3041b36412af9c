/**
 * Online story clustering. Articles are taken in publication order; each goes to the best open
 * story when its similarity reaches the threshold, else it founds a new story.
 *
 * Per article, in order:
 * 1. near-duplicates: MinHash band lookup; a syndicated copy always joins its original's story;
 * 2. candidates: stories sharing entity or top-term keys, via an inverted index with bounded
 *    posting lists (cost per article does not grow with the archive; see postings.ts);
 * 3. scoring: weighted TF-IDF cosine, entity, date, number overlap and publication-time proximity
 *    against each candidate's summed features (see scoring.ts); best at or above threshold wins;
 * 4. bookkeeping: update the story's sums, the indexes and the document frequencies;
 * 5. window: every `CLOSE_EVERY` articles, stories older than the window (or beyond
 *    `maxOpenStories`, least recently changed first) are closed and leave the indexes (their
 *    records stay in `clusters()` and go to `onClose`), and every `vocabularyHalfLife` articles the
 *    document frequencies halve and terms no open story holds and the stream no longer uses are
 *    forgotten, so memory is bounded by the window, not the archive.
 */
import type { Annotated } from '../types.js'
import { defaultBackground } from './background.js'
import { articleFeatures, type ArticleFeatures } from './features.js'
import { similarity } from './fingerprint.js'
import { decodeState, encodeState, type ClustererInternals, type ClustererState } from './persist.js'
import { BoundedIndex, HitCounter } from '../text/postings.js'
import { closestMember, prepareMember, score, sharedWith, termNorm, type ClusterWeights, type Member, type ScoringContext, type Side } from './scoring.js'
import { addMember, addSums, newStory, snapshot, storyIdOf, subtractMember, type OpenStory, type StoryCluster, type Why } from './story-state.js'
import { TermTable } from './term-table.js'
import { Vocabulary } from './vocabulary.js'

export interface ClusterOptions {
  /** Lowest similarity at which an article joins a story. */
  threshold?: number
  /** MinHash similarity at which two texts are copies of one article. */
  nearDuplicate?: number
  /** Stories scored per article (the best by index hits). */
  maxCandidates?: number
  /** Stories kept per index key (the most recent); bounds retrieval cost. */
  maxPostings?: number
  /** Postings read per article at most, shortest lists first; bounds retrieval cost however common its words. */
  maxHits?: number
  /** Top terms per article used as index keys. */
  maxKeys?: number
  /** Terms kept per article and (twice that) per story. */
  maxTerms?: number
  /** Recent members per story compared one by one to name `joinedBy`. */
  maxMembersCompared?: number
  /** Days between publication and a story beyond which the score is halved. */
  maxGapDays?: number
  /** Days after its last article a dated story stays open to new articles. */
  windowDays?: number
  /** Open stories kept at most (undated streams close the least recently changed beyond it). */
  maxOpenStories?: number
  /**
   * Articles after which document frequencies are halved and terms no longer seen nor held by an
   * open story are forgotten: frequencies follow the recent stream and the vocabulary stays bounded.
   */
  vocabularyHalfLife?: number
  /**
   * Pseudo-documents the background document frequencies (background.ts) weigh as, blended with
   * the stream's own counts: they decide the IDF of a small batch, and a long stream outgrows them.
   * 0: the stream's counts alone.
   */
  backgroundDocuments?: number
  /** Called with each story as it closes; closed stories are also kept for `clusters()` unless `keepClosed` is false. */
  onClose?: (story: StoryCluster) => void
  keepClosed?: boolean
  weights?: Partial<ClusterWeights>
}

/** The result of adding one article. */
export interface Assignment extends Why {
  storyId: string
}

type Match = { story: OpenStory; joinedBy: string; score: number; shared: string[]; copy: boolean }

export const DEFAULT_MAX_TERMS = 150
/**
 * The background weighs as this many documents: BASIL bundles of one event in three articles came
 * out as one story 64% of the time without it and 96% with 300 to 3,000 (the same from 300 up).
 */
export const DEFAULT_BACKGROUND_DOCUMENTS = 300
export const DEFAULT_WEIGHTS: ClusterWeights = { text: 0.45, entities: 0.3, dates: 0.1, numbers: 0.05, time: 0.1 }
const DAY = 86_400_000
/**
 * How far under the story's own score its closest recent member may score without lowering it.
 * Chosen on ECB+ train (online pass alone: 88.6 with no member check, 85.6 with margin 0, 88.1 with
 * 0.05; dev 87.3, 85.9, 87.1) against 40,000 generated articles (BCubed F1 0.784, 0.938, 0.919).
 */
const MEMBER_MARGIN = 0.05
/** Closing stale stories scans the open ones, so it runs once per this many articles. */
const CLOSE_EVERY = 512

type Resolved = Required<Omit<ClusterOptions, 'weights' | 'onClose'>> & { weights: ClusterWeights; onClose?: (story: StoryCluster) => void }

/** Incremental clusterer: feed articles in publication order with `add`; read stories with `clusters`. */
export class StoryClusterer {
  private readonly opts: Resolved
  private readonly ctx: ScoringContext
  private readonly vocabulary: Vocabulary
  private readonly open = new Map<number, OpenStory>()
  private readonly byId = new Map<string, OpenStory>()
  /** Ids of stories merged away -> the story that took them in (user edits may still name them). */
  private readonly mergedInto = new Map<string, string>()
  private readonly closed: StoryCluster[] = []
  private readonly byArticle = new Map<string, { story: OpenStory; fp: Uint32Array; bands: string[] }>()
  /** Entity keys and term ids -> story numbers; MinHash band keys -> article ids. */
  private readonly entityIndex: BoundedIndex<string, number>
  private readonly termIndex: BoundedIndex<number, number>
  private readonly bands: BoundedIndex<string, string>
  private readonly hits = new HitCounter()
  /**
   * The term ids `primeDocumentFrequencies` interned, per article, until `addFeatures` takes them
   * (so a primed batch is interned once); emptied when the vocabulary halves (ids renumbered).
   */
  private primed = new WeakMap<ArticleFeatures, Int32Array>()
  private founded = 0
  private seen = 0
  private postingsRead = 0
  private latest: number | null = null

  constructor(options: ClusterOptions = {}) {
    const {
      threshold = 0.25, nearDuplicate = 0.7, maxCandidates = 8, maxPostings = 64, maxHits = 1024, maxKeys = 24, maxTerms = DEFAULT_MAX_TERMS,
      maxMembersCompared = 6, maxGapDays = 7, windowDays = 14, maxOpenStories = 50_000, vocabularyHalfLife = 100_000,
      backgroundDocuments = DEFAULT_BACKGROUND_DOCUMENTS, keepClosed = true, onClose, weights = {},
    } = options
    this.opts = {
      threshold, nearDuplicate, maxCandidates, maxPostings, maxHits, maxKeys, maxTerms, maxMembersCompared, maxGapDays, windowDays,
      maxOpenStories, vocabularyHalfLife, backgroundDocuments, keepClosed, onClose, weights: { ...DEFAULT_WEIGHTS, ...weights },
    }
    this.vocabulary = new Vocabulary(backgroundDocuments > 0 ? defaultBackground(backgroundDocuments) : null)
    this.ctx = { vocabulary: this.vocabulary, weights: this.opts.weights, maxGapDays }
    this.entityIndex = new BoundedIndex(maxPostings)
    this.termIndex = new BoundedIndex(maxPostings)
    this.bands = new BoundedIndex(maxPostings)
  }

  /** Assigns one article to a story (an article still open keeps its story). */
  add(article: Annotated): Assignment {
    return this.addFeatures(articleFeatures(article, this.opts.maxTerms), true)
  }

  /**
   * Counts a batch's document frequencies before any of it is assigned, so the first articles of a
   * batch are scored with the same IDF as the last (`addFeatures(f, false)` then skips the count).
   */
  primeDocumentFrequencies(batch: readonly ArticleFeatures[]): void {
    for (const f of batch) {
      const ids = Int32Array.from(f.terms.keys(), (t) => this.vocabulary.intern(t))
      this.vocabulary.addDocument(ids)
      this.primed.set(f, ids)
    }
  }

  /** `add` for features already computed; `countDocument` false when the batch was primed. */
  addFeatures(features: ArticleFeatures, countDocument: boolean): Assignment {
    const seen = this.byArticle.get(features.id)
    if (seen) return { storyId: seen.story.cluster.id, articleId: features.id, joinedBy: null, score: 1, shared: [] }
    this.seen++
    const interned = countDocument ? undefined : this.primed.get(features)
    if (interned) this.primed.delete(features)
    const f = prepareMember(features, this.vocabulary, this.opts.maxKeys, countDocument, interned)
    const match = this.nearDuplicateOf(f) ?? this.bestStory(f)
    const story = match?.story ?? this.found(f.id)
    const why: Why = match
      ? { articleId: f.id, joinedBy: match.joinedBy, score: round(match.score), shared: match.shared }
      : { articleId: f.id, joinedBy: null, score: 1, shared: [] }
    if (match?.copy) (story.cluster.copies ??= []).push({ articleId: f.id, of: match.joinedBy })
    this.join(story, f, why)
    if (f.time !== null && (this.latest === null || f.time > this.latest)) this.latest = f.time
    if (this.seen % CLOSE_EVERY === 0) this.closeStale()
    if (this.seen % this.opts.vocabularyHalfLife === 0) this.halveVocabulary()
    return { storyId: story.cluster.id, ...why }
  }

  /**
   * The open state (stories in the window, indexes, vocabulary) as a JSON-serialisable value:
   * bounded by the window, not the archive. `restore` with the same options continues exactly.
   */
  snapshot(): ClustererState {
    return encodeState(this as unknown as ClustererInternals)
  }

  /** A clusterer continuing from `snapshot()`'s state (closed stories are not part of it). */
  static restore(state: ClustererState, options: ClusterOptions = {}): StoryClusterer {
    const clusterer = new StoryClusterer(options)
    // persist.ts is the one place outside the class that touches its private fields
    decodeState(state, clusterer as unknown as ClustererInternals)
    return clusterer
  }

  /** Every story so far (closed ones kept, then open ones), in founding order. */
  clusters(): StoryCluster[] {
    const open = [...this.open.values()].sort((a, b) => a.index - b.index).map(snapshot)
    return [...this.closed, ...open]
  }

  /** The open story holding `articleId`, or null. */
  storyOf(articleId: string): string | null {
    return this.byArticle.get(articleId)?.story.cluster.id ?? null
  }

  /** Open stories and index sizes (for memory accounting), and the postings read so far (retrieval work). */
  stats(): { openStories: number; openArticles: number; indexKeys: number; vocabulary: number; postingsRead: number } {
    return {
      openStories: this.open.size, openArticles: this.byArticle.size, indexKeys: this.entityIndex.size + this.termIndex.size + this.bands.size,
      vocabulary: this.vocabulary.size, postingsRead: this.postingsRead,
    }
  }

  /**
   * The user's merge: `other` joins `target` (the target keeps its id; later articles that would
   * have joined either join it). Returns the surviving id, or null when either story is not open.
   */
  merge(targetId: string, otherId: string, by: 'user' | 'auto' = 'user', at: number | null = null): string | null {
    const target = this.openStory(targetId)
    const other = this.openStory(otherId)
    if (!target || !other) return null
    if (target === other) return target.cluster.id
    addSums(target, other, this.opts.maxTerms)
    target.recent = [...target.recent, ...other.recent].slice(-this.opts.maxMembersCompared)
    target.cluster.articleIds.push(...other.cluster.articleIds)
    target.cluster.why.push(...other.cluster.why)
    if (other.cluster.copies) (target.cluster.copies ??= []).push(...other.cluster.copies)
    ;(target.cluster.merged ??= []).push({ storyId: other.cluster.id, by, score: at }, ...(other.cluster.merged ?? []))
    for (const a of other.apart) target.apart.add(a)
    for (const id of other.cluster.articleIds) this.byArticle.get(id)!.story = target
    this.unfile(other)
    for (const key of other.entityKeys) (target.entityKeys.add(key), this.entityIndex.add(key, target.index))
    for (const id of other.termKeys) (target.termKeys.add(id), this.termIndex.add(id, target.index))
    this.open.delete(other.index)
    this.byId.delete(other.cluster.id)
    this.mergedInto.set(other.cluster.id, target.cluster.id)
    target.touched = this.seen
    return target.cluster.id
  }

  /**
   * The user's split: `articles` (members of `storyId`) leave it for a new story, whose id comes
   * from the earliest of them. The two are kept apart: never merged back automatically. Returns
   * the new story's id, or null when the story is not open or none of the articles is in it.
   */
  split(storyId: string, articles: readonly Annotated[]): string | null {
    const source = this.openStory(storyId)
    if (!source) return null
    const moving = articles.filter((a) => this.byArticle.get(a.id)?.story === source)
    if (moving.length === 0 || moving.length === source.cluster.articleIds.length) return null
    const leaving = new Set(moving.map((a) => a.id))
    const whyOf = new Map(source.cluster.why.map((w) => [w.articleId, w]))
    const story = this.found(source.cluster.articleIds.find((id) => leaving.has(id))!)
    story.cluster.splitFrom = source.cluster.id
    for (const a of moving) {
      // Prepared without counting the document again: the vocabulary has it already.
      const f = prepareMember(articleFeatures(a, this.opts.maxTerms), this.vocabulary, this.opts.maxKeys, false)
      subtractMember(source, f)
      this.join(story, f, whyOf.get(a.id)!)
    }
    source.cluster.articleIds = source.cluster.articleIds.filter((id) => !leaving.has(id))
    source.cluster.why = source.cluster.why.filter((w) => !leaving.has(w.articleId))
    if (source.cluster.copies) source.cluster.copies = source.cluster.copies.filter((c) => !leaving.has(c.articleId))
    source.apart.add(story.cluster.id)
    story.apart.add(source.cluster.id)
    return story.cluster.id
  }

  /** The open story known by `id` (following merges), or null. */
  private openStory(id: string): OpenStory | null {
    let current = id
    for (let hops = 0; hops < 64 && this.mergedInto.has(current); hops++) current = this.mergedInto.get(current)!
    return this.byId.get(current) ?? null
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
          best = { story: other.story, joinedBy: id, score, shared: ['near-duplicate'], copy: true }
        }
      }
    }
    return best
  }

  /**
   * The open stories sharing the most index keys with the article. Posting lists are read shortest
   * first (the rarest keys say most about which event it is; entity keys before terms on ties), and
   * reading stops after `maxHits` postings, so the work of one article has a bound whatever its
   * words. The default sits above what its keys' capped lists hold on the bench stream: cut to 384
   * there, grouping got worse (BCubed against the generated events 96.8 -> 93.9) for no speed.
   */
  private candidates(f: Member): OpenStory[] {
    const lists: (readonly number[])[] = []
    for (const key of f.entityKeys) {
      const list = this.entityIndex.get(key)
      if (list.length > 0) lists.push(list)
    }
    for (const id of f.topTerms) {
      const list = this.termIndex.get(id)
      if (list.length > 0) lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    let budget = this.opts.maxHits
    for (const list of lists) {
      if (budget <= 0) break
      this.hits.hitAll(list, budget)
      this.postingsRead += Math.min(budget, list.length)
      budget -= list.length
    }
    return this.hits.top(this.opts.maxCandidates).map((s) => this.open.get(s)!)
  }

  /** The story as scored; its term norm is refreshed after a change or when the archive grew by a tenth. */
  private storySide(story: OpenStory): Side {
    const docs = this.vocabulary.documents
    if (story.normDocs === null || docs > story.normDocs * 1.1) {
      story.norm = termNorm(story.terms, this.vocabulary)
      story.normDocs = docs
    }
    return story
  }

  /**
   * The candidate story the article is most like, when that reaches the threshold. A story scores
   * the lower of its summed features' score and its closest recent member's: a story that took in
   * several events of one kind sums to that kind's common words and recurring names, which every
   * new article of the kind matches (on 40,000 generated articles such stories grew to thousands of
   * articles and drew in the first article of each new event), while a member of the article's own
   * event matches it on names, figures and dates. The closest member is also who it "joined by".
   */
  private bestStory(f: Member): Match | null {
    let best: { story: OpenStory; score: number; joinedBy: string } | null = null
    for (const story of this.candidates(f)) {
      const whole = score(f, this.storySide(story), this.ctx)
      if (whole < this.opts.threshold || (best && whole <= best.score)) continue
      const closest = closestMember(f, story.recent, this.ctx)
      const s = Math.min(whole, closest.score + MEMBER_MARGIN)
      if (s >= this.opts.threshold && (!best || s > best.score)) best = { story, score: s, joinedBy: closest.id }
    }
    if (!best) return null
    return { ...best, shared: sharedWith(f, best.story, this.vocabulary), copy: false }
  }

  private found(firstArticleId: string): OpenStory {
    const story = newStory(this.founded++, storyIdOf(firstArticleId))
    this.open.set(story.index, story)
    this.byId.set(story.cluster.id, story)
    return story
  }

  private join(story: OpenStory, f: Member, why: Why): void {
    story.cluster.articleIds.push(f.id)
    story.cluster.why.push(why)
    addMember(story, f, this.opts.maxTerms, this.opts.maxMembersCompared)
    story.touched = this.seen
    this.byArticle.set(f.id, { story, fp: f.fp, bands: f.bands })
    for (const key of f.bands) this.bands.add(key, f.id)
    for (const key of f.entityKeys) this.entityIndex.add(key, story.index)
    for (const id of f.topTerms) this.termIndex.add(id, story.index)
  }

  /** Takes the story's keys out of the retrieval indexes. */
  private unfile(story: OpenStory): void {
    for (const key of story.entityKeys) this.entityIndex.remove(key, story.index)
    for (const id of story.termKeys) this.termIndex.remove(id, story.index)
  }

  /**
   * Halves the document frequencies and forgets terms gone from the stream (see `Vocabulary.halve`),
   * then renumbers the term ids the open stories, their recent members and the term index hold.
   */
  private halveVocabulary(): void {
    // only terms whose frequency halves to zero can be forgotten: mark which of those are still held
    const fading = this.vocabulary.fading()
    const held = new Uint8Array(fading.length)
    const hold = (ids: ArrayLike<number>, n = ids.length) => {
      for (let i = 0; i < n; i++) if (fading[ids[i]] === 1) held[ids[i]] = 1
    }
    if (fading.includes(1)) {
      for (const story of this.open.values()) {
        hold(story.terms.ids, story.terms.size)
        for (const m of story.recent) (hold(m.terms.ids, m.terms.size), hold(m.termIds), hold(m.topTerms))
        hold([...story.termKeys])
      }
    }
    const remap = this.vocabulary.halve({ has: (id) => held[id] === 1 })
    this.primed = new WeakMap()
    if (remap.every((to, from) => to === from)) {
      // nothing forgotten: ids stay, only the frequencies (hence the cached norms) changed
      for (const story of this.open.values()) story.normDocs = null
      return
    }
    const table = (t: TermTable) => TermTable.from(Array.from(t.ids.subarray(0, t.size), (id) => remap[id]), t.values.subarray(0, t.size))
    const recentDone = new Set<Member>() // a member may sit in two stories' recent lists after a merge
    for (const story of this.open.values()) {
      story.terms = table(story.terms)
      story.termKeys = new Set(Array.from(story.termKeys, (id) => remap[id]))
      story.normDocs = null
      for (const m of story.recent) {
        if (recentDone.has(m)) continue
        recentDone.add(m)
        m.terms = table(m.terms)
        m.termIds = m.termIds.map((id) => remap[id])
        m.topTerms = m.topTerms.map((id) => remap[id])
      }
    }
    this.termIndex.rekey((id) => (remap[id] >= 0 ? remap[id] : null))
  }

  /** Closes stories past the window, then the least recently changed beyond `maxOpenStories`. */
  private closeStale(): void {
    const cutoff = this.latest === null ? null : this.latest - this.opts.windowDays * DAY
    const stale = [...this.open.values()].filter((s) => cutoff !== null && s.last !== null && s.last < cutoff)
    for (const story of stale) this.close(story)
    const excess = this.open.size - this.opts.maxOpenStories
    if (excess > 0) for (const story of [...this.open.values()].sort((a, b) => a.touched - b.touched).slice(0, excess)) this.close(story)
  }

  private close(story: OpenStory): void {
    this.unfile(story)
    for (const id of story.cluster.articleIds) {
      const entry = this.byArticle.get(id)
      if (entry) for (const key of entry.bands) this.bands.remove(key, id)
      this.byArticle.delete(id)
    }
    this.open.delete(story.index)
    this.byId.delete(story.cluster.id)
    const record = snapshot(story)
    if (this.opts.keepClosed) this.closed.push(record)
    this.opts.onClose?.(record)
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
