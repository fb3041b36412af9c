/**
 * The library's storage contract. Drivers (`sqlite/`, `postgres/`) implement `Store`; one
 * shared suite (`store.contract.ts`) runs against each. Every method is async so a networked
 * driver fits the same shape; the SQLite driver answers synchronously underneath.
 *
 * Articles are stored once: the content hash (`Article.id`) and the normalised URL are unique keys.
 */
import type { Annotated, RawDocument } from '../types.js'

/** How an article came into its story, as the store records it (the clusterer's `Why`). */
export interface StoryWhy {
  articleId: string
  /** The member it was most like (or its original, for a near-duplicate); null for the founder. */
  joinedBy: string | null
  score: number
  /** What it shares with the story (`entity:…`, `term:…`, `near-duplicate`, ...). */
  shared: string[]
}

/** Result of putting one article. `duplicate` names the stored article it matched and by which key. */
export type PutResult = { status: 'new'; id: string; seq: number } | { status: 'duplicate'; id: string; by: 'hash' | 'url' }

/** An article as lists show it (no text, no annotations). */
export interface ArticleSummary {
  id: string
  seq: number
  title: string | null
  outlet: string | null
  url: string | null
  publishedAt: string | null
  storyId: string | null
  ingestedAt: string
}

export interface ArticleQuery {
  outlet?: string
  storyId?: string
  /** ISO date bounds on `publishedAt`, inclusive. */
  since?: string
  until?: string
  limit?: number
  /** Opaque cursor from the previous page's `next`. */
  cursor?: string | null
}

export interface Page<T> {
  items: T[]
  next: string | null
}

export interface SearchHit {
  id: string
  title: string | null
  outlet: string | null
  storyId: string | null
  /** A short excerpt around the match, plain text (callers escape it). */
  snippet: string
}

export interface StorySummary {
  id: string
  title: string | null
  articleCount: number
  outletCount: number
  /** The newest `publishedAt` among its articles; "" when none states one (never the ingest time). */
  updatedAt: string
}

export interface StoryDetailOptions {
  maxArticles?: number
  withWhy?: boolean
}

export interface StoryDetail extends StorySummary {
  articleIds: string[]
  /** Present when asked for with `withWhy`. */
  why?: StoryWhy[]
}

export type StorySort = 'newest' | 'outlets'

export interface StoryQuery {
  sort?: StorySort
  limit?: number
  cursor?: string | null
}

export interface FeedRecord {
  id: string
  url: string
  title: string | null
  etag: string | null
  lastModified: string | null
  errorCount: number
  lastError: string | null
  /** ISO time before which the feed is not polled again (back-off after errors). */
  nextPollAt: string | null
  lastPolledAt: string | null
}

export type FeedUpdate = Partial<Omit<FeedRecord, 'id' | 'url'>>

/** What every driver stores and answers: articles, stories, reports, outlets, feeds. */
export interface StoreBase {
  readonly driver: string
  putArticle(article: Annotated, options?: { url?: string | null }): Promise<PutResult>
  getArticle(id: string): Promise<Annotated | null>
  /** Many articles by id, in the order asked (missing ids are left out). */
  getArticles(ids: readonly string[]): Promise<Annotated[]>
  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>
  /** Every stored article in insertion order (to rebuild in-memory indexes such as the clusterer). */
  eachArticle(): AsyncIterable<Annotated>
  countArticles(): Promise<number>
  search(text: string, options?: { limit?: number }): Promise<SearchHit[]>

  /** Records which story an article joined, and why. */
  assignStory(articleId: string, storyId: string, why: StoryWhy): Promise<void>
  /**
   * One story with its article ids in joining order (the first `maxArticles`, all by default) and,
   * when asked, why each joined. `articleCount` is always the full count.
   */
  getStory(id: string, options?: StoryDetailOptions): Promise<StoryDetail | null>
  listStories(query?: StoryQuery): Promise<Page<StorySummary>>
  /** Caches a story's built report, tagged with the article count it was built from. */
  putStoryReport(storyId: string, articleCount: number, title: string, report: unknown): Promise<void>
  getStoryReport(storyId: string): Promise<{ articleCount: number; report: unknown } | null>

  outlets(): Promise<{ name: string; articleCount: number }[]>

  addFeed(url: string): Promise<FeedRecord>
  listFeeds(): Promise<FeedRecord[]>
  getFeed(idOrUrl: string): Promise<FeedRecord | null>
  updateFeed(id: string, update: FeedUpdate): Promise<void>
  /** Marks a feed entry key (guid, link or content hash) seen; false when it was seen before. */
  markEntrySeen(feedId: string, key: string): Promise<boolean>
  /** Whether a feed entry key was marked seen. */
  entrySeen(feedId: string, key: string): Promise<boolean>

  close(): Promise<void>
}

/** The story a new article joins, and why (what `assignStory` records). */
export interface AssignedStory {
  storyId: string
  why: StoryWhy
}

/** One row of the ingest ledger: what became of queue message `seq` (once per message). */
export interface LedgerEntry {
  seq: number
  /** The stored article (new, or the one it duplicates); null when it failed. */
  articleId: string | null
  /** `new`, `duplicate`, `failed` or `dead`. */
  outcome: string
  detail: string | null
  /** The article's clustering features as its worker encoded them (new articles only), else null. */
  features: string | null
}

/**
 * A saved clusterer state, in one format (`state.ts`: parts of bounded size) whoever saved it.
 * Two slots: the library's (saved with every batch) and the queue's clustering consumer's (saved
 * now and then, as of ledger sequence `seq`).
 */
export type StateSlot = 'library' | 'consumer'
export interface SavedState {
  /** Goes up by one with every save of the slot. */
  version: number
  /** The ledger sequence the state is as of (0 for the library's). */
  seq: number
  state: Record<string, unknown>
}

/** Which stored articles to re-process: a page after `after` (by `seq`). */
export interface ReprocessQuery {
  after: number
  limit: number
  /** The pipeline version to bring articles to; those already at it are left out unless `all`. */
  version: string
  all?: boolean
  /** Only articles whose `seq` is `index` modulo `count`. */
  shard?: { index: number; count: number }
}

/**
 * A storage driver. Methods reject with `StoreError` for failures below (wrapped with context).
 *
 * Several processes may share one library: `writeLocked` makes one of them the writer at a time,
 * and the saved clusterer state lets each start from (and notice) the others' assignments.
 */
export interface Store extends StoreBase {
  /**
   * Stores a new article already assigned to a story: the duplicate check runs first and `assign`
   * (the clusterer) only for a new article. Same outcome as `putArticle` then `assignStory`.
   */
  putAssignedArticle(article: Annotated, options: { url?: string | null }, assign: () => AssignedStory): Promise<PutResult & { storyId: string | null }>

  /**
   * Runs `fn` as the library's only writer, across processes, in one transaction: committed when
   * `fn` resolves, rolled back when it rejects. Writes made while it runs join that transaction.
   * Callers in one process are served one at a time, in call order.
   */
  writeLocked<T>(fn: () => Promise<T>): Promise<T>
  /** The version of the saved state in `slot` (0: none saved); cheap, read before every batch. */
  clusterStateVersion(slot: StateSlot): Promise<number>
  getClusterState(slot: StateSlot): Promise<SavedState | null>
  /**
   * Saves a clusterer state in `slot`, replacing the previous one (in one transaction); returns the
   * new version and the characters of state written.
   */
  putClusterState(slot: StateSlot, state: object, seq?: number): Promise<{ version: number; chars: number }>

  /** Keeps the raw document each article was made from (the first one kept stays), for `reprocess`. */
  putRaws(items: readonly { articleId: string; raw: RawDocument }[]): Promise<void>
  /** The kept raw documents of `articleIds` (articles stored without one are missing from the map). */
  getRaws(articleIds: readonly string[]): Promise<Map<string, RawDocument>>

  /** Writes ledger rows; a row whose `seq` is recorded already keeps its first version. */
  recordOutcomes(entries: readonly LedgerEntry[]): Promise<void>
  /**
   * Ledger rows after `after` in sequence order, at most `limit`; `contiguous` stops before the
   * first gap in the sequence (a message still being worked on).
   */
  readLedger(after: number, options?: { limit?: number; contiguous?: boolean }): Promise<LedgerEntry[]>
  /**
   * The ledger rows after `after` whose article is in a story, the first row of each article only,
   * in sequence order, at most `limit` (how the clustering consumer replays its assignments).
   */
  assignedLedger(after: number, limit: number): Promise<LedgerEntry[]>
  /** The ledger sequence the clustering consumer has assigned up to (0: none). */
  ledgerCursor(): Promise<number>
  setLedgerCursor(seq: number): Promise<void>
  /** Those of `ids` that are stored and in no story yet. */
  unassigned(ids: readonly string[]): Promise<string[]>
  /** Assigns many articles not yet in a story, in one transaction (an article already in one keeps it). */
  assignStories(items: readonly ({ articleId: string } & AssignedStory)[]): Promise<void>

  /** A page of articles to re-process, by `seq`. */
  articlesToReprocess(query: ReprocessQuery): Promise<{ seq: number; id: string }[]>
  /**
   * Replaces re-processed articles' derived data (text, annotations, title, outlet, dates) and
   * stamps `version`, in one transaction; the stories they are in lose their cached reports.
   */
  updateArticles(updates: readonly { id: string; article: Annotated }[], version: string): Promise<void>
}

/** A failure inside a driver, with the operation and the underlying error as `cause`. */
export class StoreError extends Error {
  override name = 'StoreError'
  constructor(readonly operation: string, cause: unknown) {
    super(`store: ${operation} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }
}
