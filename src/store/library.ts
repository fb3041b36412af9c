/**
 * A library: a store plus the story clusterer, so stories are updated as articles arrive. The
 * clusterer lives in memory and is rebuilt from the stored articles (in insertion order, which
 * replays the same assignments) the first time this process ingests.
 */
import { StoryClusterer, type ClusterOptions } from '../cluster/index.js'
import { buildStory, type StoryOptions } from '../pipeline.js'
import type { Annotated, Story } from '../types.js'
import type { PutResult, Store } from './store.js'

export type IngestResult = PutResult & { storyId: string | null }

export interface LibraryOptions {
  cluster?: ClusterOptions
  story?: StoryOptions
  /** Largest story (in articles) whose report is built on request; bigger ones use their newest articles. */
  maxReportArticles?: number
}

/** Ingests annotated articles into a store and builds story reports on demand (cached by size). */
export class Library {
  private clusterer: StoryClusterer | null = null
  constructor(readonly store: Store, private readonly options: LibraryOptions = {}) {}

  private async ready(): Promise<StoryClusterer> {
    if (this.clusterer) return this.clusterer
    const clusterer = new StoryClusterer(this.options.cluster)
    for await (const article of this.store.eachArticle()) clusterer.add(article)
    return (this.clusterer = clusterer)
  }

  /** Stores one article (once) and, when new, assigns it to a story. */
  async ingest(article: Annotated, options: { url?: string | null } = {}): Promise<IngestResult> {
    const clusterer = await this.ready()
    const put = await this.store.putArticle(article, options)
    if (put.status === 'duplicate') return { ...put, storyId: null }
    const assignment = clusterer.add(article)
    const { storyId, ...why } = assignment
    await this.store.assignStory(article.id, storyId, why)
    return { ...put, storyId }
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
    const built = buildStory({ id: storyId, articleIds: articles.map((a) => a.id), why }, articles, this.options.story)
    await this.store.putStoryReport(storyId, story.articleCount, built.title, built)
    return built
  }
}
