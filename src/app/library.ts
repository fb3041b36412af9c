/**
 * A library: a store plus the story clusterer, so stories are updated as articles arrive.
 *
 * Each batch runs under the store's write lock, in order: read the saved clusterer state's version
 * (restoring the state when another process moved it on), store and assign the batch, save the
 * state, commit. So startup costs O(window), not the archive, and two processes never found two
 * stories for one event. With no saved state, the clusterer is rebuilt from the stored articles.
 */
import { StoryClusterer, type ClusterOptions, type ClustererState, type StoryCluster } from '../cluster/index.js'
import { buildStory, type StoryOptions } from '../pipeline.js'
import type { Annotated, RawDocument, Story } from '../types.js'
import type { PutResult, Store } from '../store/store.js'

export type IngestResult = PutResult & { storyId: string | null }

/** One article to ingest, with the URL it came from (a unique key besides its content hash). */
export interface IngestItem {
  article: Annotated
  url?: string | null
  /** The raw document it was made from, kept with it (so `reprocess` can run a newer pipeline on it). */
  raw?: RawDocument
}

/** Builds one story's comparison: `buildStory` here, or the same in a worker thread (`StagePool.runStory`). */
export type StoryBuilder = (cluster: StoryCluster, articles: Annotated[], options: StoryOptions) => Story | Promise<Story>

export interface LibraryOptions {
  /** Clusterer options; every process writing one library must use the same. */
  cluster?: ClusterOptions
  story?: StoryOptions
  /** Largest story (in articles) whose report is built on request; bigger ones use their newest articles. */
  maxReportArticles?: number
  /**
   * Builds a story report (default: `buildStory` in this thread). A server passes its worker pool's,
   * so that building a large story's report never holds up the other requests.
   */
  buildStory?: StoryBuilder
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
    return this.store.writeLocked(async () => {
      try {
        return await this.assignBatch(items)
      } catch (error) {
        // the transaction rolls back; the clusterer in memory has moved on, so drop it
        this.clusterer = null
        this.version = -1
        throw error
      }
    })
  }

  private async assignBatch(items: readonly IngestItem[]): Promise<IngestResult[]> {
    let t = performance.now()
    const clusterer = await this.current()
    const results: IngestResult[] = []
    this.timings.load += performance.now() - t
    for (const { article, url = null } of items) {
      t = performance.now()
      let clusterMs = 0
      // duplicate check, then clustering (new articles only), then the store writes
      results.push(await this.store.putAssignedArticle(article, { url }, () => {
        const c = performance.now()
        const { storyId, ...why } = clusterer.add(article)
        clusterMs = performance.now() - c
        return { storyId, why }
      }))
      this.timings.cluster += clusterMs
      this.timings.store += performance.now() - t - clusterMs
    }
    // the raw bytes stay with the article, also on a duplicate (an earlier ingest may have kept none)
    const raws = items.flatMap(({ raw }, i) => (raw ? [{ articleId: results[i].id, raw }] : []))
    t = performance.now()
    if (raws.length > 0) await this.store.putRaws(raws)
    this.timings.store += performance.now() - t
    if (results.some((r) => r.status === 'new')) {
      t = performance.now()
      this.version = (await this.store.putClusterState('library', clusterer.snapshot())).version
      this.timings.saveState += performance.now() - t
    }
    return results
  }

  /** The clusterer at the saved state: kept when no other process saved since, else restored. */
  private async current(): Promise<StoryClusterer> {
    const version = await this.store.clusterStateVersion('library')
    if (this.clusterer && version === this.version) return this.clusterer
    const saved = version > 0 ? await this.store.getClusterState('library') : null
    this.clusterer = (saved && this.restore(saved.state)) ?? (await this.rebuild())
    this.version = saved?.version ?? 0
    return this.clusterer
  }

  private restore(state: Record<string, unknown>): StoryClusterer | null {
    try {
      return StoryClusterer.restore(state as unknown as ClustererState, this.clusterOptions)
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

  /**
   * A story's full comparison, built from its stored articles and cached until the story grows.
   * Requests for a report being built wait for that build rather than start another (readers
   * asking at once would otherwise queue one build each in the worker pool, ahead of ingest).
   */
  async storyReport(storyId: string): Promise<Story | null> {
    const head = await this.store.getStory(storyId, { maxArticles: 0 })
    if (!head) return null
    const cached = await this.store.getStoryReport(storyId)
    if (cached && cached.articleCount === head.articleCount) return cached.report as Story
    const key = `${storyId}\u0000${head.articleCount}`
    let building = this.building.get(key)
    if (!building) {
      building = this.buildReport(storyId, head.title).finally(() => this.building.delete(key))
      this.building.set(key, building)
    }
    return building
  }

  /** Reports being built, by story and article count (`storyReport`). */
  private readonly building = new Map<string, Promise<Story | null>>()

  private async buildReport(storyId: string, title: string | null): Promise<Story | null> {
    const story = await this.store.getStory(storyId, { withWhy: true })
    if (!story) return null
    const max = this.options.maxReportArticles ?? 200
    const ids = story.articleIds.slice(-max)
    const kept = new Set(ids)
    const articles = await this.store.getArticles(ids)
    const why = (story.why ?? []).filter((w) => kept.has(w.articleId))
    const build = this.options.buildStory ?? buildStory
    const computed = await build({ id: storyId, articleIds: articles.map((a) => a.id), why }, articles, this.options.story ?? {})
    // The title the story list already shows stays the story's title, so list and page agree on every load.
    const built = title ? { ...computed, title } : computed
    // A build of more articles that finished first keeps its place in the cache.
    const newer = await this.store.getStoryReport(storyId)
    if (!newer || newer.articleCount <= story.articleCount) await this.store.putStoryReport(storyId, story.articleCount, built.title, built)
    return built
  }
}
