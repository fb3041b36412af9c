/**
 * The pipeline wired end to end, as DESIGN.md draws it:
 *
 *   raw -> extract -> enrich -> cluster -> compare -> story -> report
 *
 * Per-article stages (extract, enrich) are pure functions of one article; the cross-article stages
 * read annotated articles and never re-parse text.
 */
import { clusterArticles, type StoryCluster } from './cluster/index.js'
import { tallyDiscrepancies } from './compare/discrepancies.js'
import { mergeEntities } from './compare/entities.js'
import { alignFacts } from './compare/facts.js'
import { alignQuotes } from './compare/quotes.js'
import { CROSS_ARTICLE, processDocument } from './document.js'
import { anchorUndated } from './story/anchor.js'
import { buildCoverage } from './story/coverage.js'
import { summarize } from './story/summary.js'
import { buildTimeline } from './story/timeline.js'
import { storyTitle } from './story/title.js'
import type { Annotated, Article, RawDocument, Report, ReportArticle, Story } from './types.js'

export interface StoryOptions {
  /** Sentences in the summary (3 to 7). */
  summarySentences?: number
  /** Refine the stories with the whole batch at hand (`clusterArticles`' `refine`, on unless false). */
  refine?: boolean
}

/**
 * Builds one story's comparison. The order matters: undated articles take the story's day first
 * (their relative dates are read from it), quotes resolve speakers against the merged entities,
 * and the summary and coverage read the aligned facts.
 */
export function buildStory(cluster: StoryCluster, articles: Annotated[] | ReadonlyMap<string, Annotated>, { summarySentences = 5 }: StoryOptions = {}): Story {
  const byId = articles instanceof Map ? articles : new Map((articles as Annotated[]).map((a) => [a.id, a]))
  // Undated articles read "Wednesday" from the day their story's other outlets were published.
  const members = anchorUndated(
    cluster.articleIds.map((id) => {
      const article = byId.get(id)
      if (!article) throw new Error(`buildStory: article ${id} of story ${cluster.id} is not among the articles given`)
      return article
    }),
  )
  const entities = mergeEntities(members)
  const quotes = alignQuotes(members, entities)
  const facts = alignFacts(members, { copies: cluster.copies, entities, quotes: quotes.quotes })
  const timeline = buildTimeline(members, { facts: facts.facts })
  const summary = summarize(members, facts.facts, { maxSentences: summarySentences })
  return {
    id: cluster.id,
    title: storyTitle(members, facts.facts),
    articleIds: cluster.articleIds,
    why: cluster.why,
    entities: entities.entities,
    quotes: quotes.quotes,
    facts: facts.facts,
    discrepancies: [...entities.discrepancies, ...quotes.discrepancies, ...facts.discrepancies, ...tallyDiscrepancies(members), ...timeline.discrepancies],
    timeline: timeline.timeline,
    summary: summary.summary,
    summaryRejected: summary.rejected,
    coverage: buildCoverage(members, facts.facts),
  }
}

/** An article as the report lists it: everything but its text. */
export function reportArticle(article: Article | Annotated): ReportArticle {
  return {
    id: article.id,
    source: article.source,
    outlet: article.outlet,
    title: article.title,
    authors: article.authors,
    publishedAt: article.publishedAt,
    ...(article.modifiedAt !== undefined ? { modifiedAt: article.modifiedAt } : {}),
    ...(article.canonicalUrl !== undefined ? { canonicalUrl: article.canonicalUrl } : {}),
    language: article.language,
    ...(article.encoding !== undefined ? { encoding: article.encoding } : {}),
    removed: article.removed,
    ...(article.provenance ? { provenance: article.provenance } : {}),
    ...(article.messages ? { messages: article.messages } : {}),
  }
}

/**
 * Clusters annotated articles into stories and compares each story's articles.
 * Articles with the same id (the same clean text) are counted once.
 */
export function analyzeArticles(articles: Annotated[], options: StoryOptions = {}): Report {
  const analysis = analyzeStream(articles, options)
  return { schemaVersion: 1, articles: analysis.articles, stories: [...analysis.stories] }
}

/**
 * `analyzeArticles` for a writer that takes one story at a time (the CLI's json and jsonl): the
 * articles are clustered at once, then each story is built as it is read, and its articles are
 * let go once it is built, so memory shrinks while the report is written instead of holding every
 * story. Same stories, same order.
 */
export function analyzeStream(articles: Annotated[], options: StoryOptions = {}): { articles: ReportArticle[]; stories: Iterable<Story> } {
  const plan = planStories(articles, options)
  function* stories(): Generator<Story> {
    for (const cluster of plan.clusters) yield buildStory(cluster, plan.take(cluster), options)
  }
  return { articles: plan.articles, stories: stories() }
}

/**
 * The stories to build, before any is built: the articles clustered at once, and `take`, which
 * hands over a cluster's articles and lets them go (each is asked for once, in any order), for a
 * caller that builds the stories itself, one at a time or several at once (the CLI's worker threads).
 */
export function planStories(articles: Annotated[], options: StoryOptions = {}): { articles: ReportArticle[]; clusters: StoryCluster[]; take: (cluster: StoryCluster) => Annotated[] } {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const unique = [...byId.values()]
  const clusters = clusterArticles(unique, { refine: options.refine ?? true })
  const take = (cluster: StoryCluster): Annotated[] => {
    const members = cluster.articleIds.map((id) => {
      const article = byId.get(id)
      if (!article) throw new Error(`planStories: article ${id} of story ${cluster.id} was taken already or is not among the articles given`)
      return article
    })
    for (const id of cluster.articleIds) byId.delete(id)
    return members
  }
  return { articles: unique.map(reportArticle), clusters, take }
}

/**
 * The whole pipeline from raw documents; throws on the first input that cannot be extracted. The
 * articles are annotated as the comparison reads them (`CROSS_ARTICLE`: without the TimeML reading).
 */
export function analyzeRaw(raws: RawDocument[], options: StoryOptions = {}): Report {
  return analyzeArticles(raws.map((raw) => processDocument(raw, { annotate: CROSS_ARTICLE })), options)
}
