/**
 * The library's storage contract. Drivers (`sqlite/`, later `postgres/`) implement `Store`; one
 * shared suite (`store.contract.ts`) runs against each. Every method is async so a networked
 * driver fits the same shape; the SQLite driver answers synchronously underneath.
 *
 * Articles are stored once: the content hash (`Article.id`) and the normalised URL are unique keys.
 */
import type { Annotated } from '../types.js'

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

/** A storage driver. Methods reject with `StoreError` for failures below (wrapped with context). */
export interface Store {
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

/**
 * What a driver adds so several processes share one library's stories: a cross-process write
 * lock and the clusterer's saved state. A driver without it still works; the library then
 * rebuilds its clusterer from the stored articles once per process and cannot tell another
 * process's assignments (one writer at a time is then the user's job).
 */
export interface SharedClusterState {
  /**
   * Runs `fn` as the library's only writer, across processes (SQLite: `BEGIN IMMEDIATE`), in one
   * transaction: committed when `fn` resolves, rolled back when it rejects. Writes made while it
   * runs join that transaction. Callers in one process are served one at a time, in call order.
   */
  writeLocked<T>(fn: () => Promise<T>): Promise<T>
  /** The version of the saved clusterer state (0: none saved); cheap, read before every batch. */
  clusterStateVersion(): Promise<number>
  /** The saved clusterer state (serialised by the library) with its version, or null. */
  getClusterState(): Promise<{ version: number; state: string } | null>
  /** Saves the clusterer state, replacing the previous one; returns the new version. */
  putClusterState(state: string): Promise<number>

}

/** Whether `store` implements `SharedClusterState`. */
export function sharesClusterState(store: Store): store is Store & SharedClusterState {
  const s = store as Partial<SharedClusterState>
  return typeof s.writeLocked === 'function' && typeof s.putClusterState === 'function'
}

/** A failure inside a driver, with the operation and the underlying error as `cause`. */
export class StoreError extends Error {
  override name = 'StoreError'
  constructor(readonly operation: string, cause: unknown) {
    super(`store: ${operation} failed: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }
}
