/**
 * A library: a store plus the story clusterer, so stories are updated as articles arrive.
 *
 * Each batch runs under the store's write lock, in order: read the saved clusterer state's version
 * (restoring the state when another process moved it on), store and assign the batch, save the
 * state, commit. So startup costs O(window), not the archive, and two processes never found two
 * stories for one event. A store without shared state rebuilds the clusterer from its articles.
 */
import { StoryClusterer, type ClusterOptions, type ClustererState } from '../cluster/index.js'
import { buildStory, type StoryOptions } from '../pipeline.js'
import type { Annotated, Story } from '../types.js'
import { sharesClusterState, type PutResult, type SharedClusterState, type Store, type StoryWhy } from '../store/store.js'

export type IngestResult = PutResult & { storyId: string | null }

/**
 * A driver that can store a new article with its story in one write (SQLite): `assign` runs only
 * when the article is new, between the duplicate check and the INSERT.
 */
interface AssignsOnInsert {
  putAssignedArticle(article: Annotated, options: { url?: string | null }, assign: () => { storyId: string; why: StoryWhy }): Promise<IngestResult>
}

function assignsOnInsert(store: Store): store is Store & AssignsOnInsert {
  return typeof (store as Partial<AssignsOnInsert>).putAssignedArticle === 'function'
}

/** One article to ingest, with the URL it came from (a unique key besides its content hash). */
export interface IngestItem {
  article: Annotated
  url?: string | null
}

export interface LibraryOptions {
  /** Clusterer options; every process writing one library must use the same. */
  cluster?: ClusterOptions
  story?: StoryOptions
  /** Largest story (in articles) whose report is built on request; bigger ones use their newest articles. */
  maxReportArticles?: number
}

/** Where the time of `ingestMany` went, in ms, summed over calls (for the bench). */
export interface LibraryTimings {
  load: number
  store: number
  cluster: number
  saveState: number
}

/** Ingests annotated articles into a store and builds story reports on demand (cached by size). */
export class Library {
  private clusterer: StoryClusterer | null = null
  /** The saved state version `clusterer` is at (-1: none loaded). */
  private version = -1
  readonly timings: LibraryTimings = { load: 0, store: 0, cluster: 0, saveState: 0 }
  private readonly clusterOptions: ClusterOptions
  private fallbackQueue: Promise<unknown> = Promise.resolve()

  constructor(readonly store: Store, private readonly options: LibraryOptions = {}) {
    // closed stories live in the store; keeping them in memory too would grow with the archive
    this.clusterOptions = { ...options.cluster, keepClosed: false }
  }

  /** Stores one article (once) and, when new, assigns it to a story. */
  async ingest(article: Annotated, options: { url?: string | null } = {}): Promise<IngestResult> {
    return (await this.ingestMany([{ article, url: options.url }]))[0]
  }

  /** Stores a batch of articles (each once) and assigns the new ones to stories, in one transaction. */
  ingestMany(items: readonly IngestItem[]): Promise<IngestResult[]> {
    const store = this.store
    if (!sharesClusterState(store)) return this.serially(() => this.assignBatch(items, null))
    return store.writeLocked(async () => {
      try {
        return await this.assignBatch(items, store)
      } catch (error) {
        // the transaction rolls back; the clusterer in memory has moved on, so drop it
        this.clusterer = null
        this.version = -1
        throw error
      }
    })
  }

  private async assignBatch(items: readonly IngestItem[], shared: SharedClusterState | null): Promise<IngestResult[]> {
    let t = performance.now()
    const clusterer = await this.current(shared)
    const results: IngestResult[] = []
    this.timings.load += performance.now() - t
    const assigning = assignsOnInsert(this.store) ? this.store : null
    for (const { article, url = null } of items) {
      t = performance.now()
      if (assigning) {
        results.push(await this.putAssigned(assigning, clusterer, article, url))
        continue
      }
      const put = await this.store.putArticle(article, { url })
      const t1 = performance.now()
      this.timings.store += t1 - t
      if (put.status === 'duplicate') {
        results.push({ ...put, storyId: null })
        continue
      }
      const { storyId, ...why } = clusterer.add(article)
      const t2 = performance.now()
      this.timings.cluster += t2 - t1
      await this.store.assignStory(article.id, storyId, why)
      this.timings.store += performance.now() - t2
      results.push({ ...put, storyId })
    }
    if (shared && results.some((r) => r.status === 'new')) {
      t = performance.now()
      this.version = await shared.putClusterState(JSON.stringify(clusterer.snapshot()))
      this.timings.saveState += performance.now() - t
    }
    return results
  }

  /** Duplicate check, then clustering, then one INSERT with the story (no row rewrite). */
  private async putAssigned(store: AssignsOnInsert, clusterer: StoryClusterer, article: Annotated, url: string | null): Promise<IngestResult> {
    const t0 = performance.now()
    let clusterMs = 0
    const result = await store.putAssignedArticle(article, { url }, () => {
      const t = performance.now()
      const { storyId, ...why } = clusterer.add(article)
      clusterMs = performance.now() - t
      return { storyId, why }
    })
    this.timings.cluster += clusterMs
    this.timings.store += performance.now() - t0 - clusterMs
    return result
  }

  /** The clusterer at the saved state: kept when no other process saved since, else restored. */
  private async current(shared: SharedClusterState | null): Promise<StoryClusterer> {
    if (!shared) return this.clusterer ?? (this.clusterer = await this.rebuild())
    const version = await shared.clusterStateVersion()
    if (this.clusterer && version === this.version) return this.clusterer
    const saved = version > 0 ? await shared.getClusterState() : null
    this.clusterer = (saved && this.restore(saved.state)) ?? (await this.rebuild())
    this.version = saved?.version ?? 0
    return this.clusterer
  }

  private restore(text: string): StoryClusterer | null {
    try {
      return StoryClusterer.restore(JSON.parse(text) as ClustererState, this.clusterOptions)
    } catch {
      // a state of an older format: rebuilding from the articles replaces it
      return null
    }
  }

  /** Replays every stored article (in insertion order, which repeats the same assignments). */
  private async rebuild(): Promise<StoryClusterer> {
    const clusterer = new StoryClusterer(this.clusterOptions)
    for await (const article of this.store.eachArticle()) clusterer.add(article)
    return clusterer
  }

  /** Without a store lock, callers in this process still take turns. */
  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.fallbackQueue.then(fn, fn)
    this.fallbackQueue = result.catch(() => undefined)
    return result
  }

  /** A story's full comparison, built from its stored articles and cached until the story grows. */
  async storyReport(storyId: string): Promise<Story | null> {
    const head = await this.store.getStory(storyId, { maxArticles: 0 })
    if (!head) return null
    const cached = await this.store.getStoryReport(storyId)
    if (cached && cached.articleCount === head.articleCount) return cached.report as Story
    const story = (await this.store.getStory(storyId, { withWhy: true }))!
    const max = this.options.maxReportArticles ?? 200
    const ids = story.articleIds.slice(-max)
    const kept = new Set(ids)
    const articles = await this.store.getArticles(ids)
    const why = (story.why ?? []).filter((w) => kept.has(w.articleId))
    const computed = buildStory({ id: storyId, articleIds: articles.map((a) => a.id), why }, articles, this.options.story)
    // The title the story list already shows stays the story's title, so list and page agree on every load.
    const built = head.title ? { ...computed, title: head.title } : computed
    await this.store.putStoryReport(storyId, story.articleCount, built.title, built)
    return built
  }
}
