/**
 * Story clustering: near-duplicates, online assignment to stories (clusterer.ts), the user's
 * merges and splits (edits.ts), and the batch entry point used by `parallax cluster` and analyze.
 */
import type { Annotated } from '../types.js'
import { articleFeatures } from './features.js'
import { DEFAULT_MAX_TERMS, DEFAULT_WEIGHTS, StoryClusterer, type ClusterOptions } from './clusterer.js'
import { EditQueue, editStories, type StoryEdit } from './edits.js'
import { refineStories, type RefineOptions } from './refine.js'
import type { StoryCluster } from './story-state.js'

export type { ClusterWeights } from './scoring.js'
export { StoryClusterer, type Assignment, type ClusterOptions } from './clusterer.js'
export { STATE_FORMAT, type ClustererState } from './persist.js'
export { storyIdOf, type MergeRecord, type StoryCluster, type Why } from './story-state.js'
export { applyEdits, EditQueue, editStories, parseEdits, type StoryEdit } from './edits.js'
export type { RefineOptions } from './refine.js'
export { DEFAULT_FAMILIES, independentSources, parseFamilies, type PublisherFamilies } from './families.js'

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

/** `clusterArticles` options: the clusterer's, the batch refinement's, and the user's edits. */
export interface BatchOptions extends ClusterOptions {
  edits?: readonly StoryEdit[]
  /**
   * Refine the online stories with the whole batch at hand (see refine.ts); on by default. It finds
   * the events of a batch of few subjects with several events each (ECB+), and keeps apart events
   * of one kind written from shared phrases (the generated bench corpus) because words common in
   * news at large weigh little there. `false`: the online pass alone.
   */
  refine?: boolean | RefineOptions
  /** Batches larger than this are clustered online only (refinement compares pairs of stories). */
  maxRefineArticles?: number
}

/**
 * Groups articles into stories: online, in publication order (document frequencies counted over
 * the whole batch first), then refined with the whole batch at hand (topic groups split into
 * events by the group's own word frequencies; see refine.ts), then the user's edits. Without
 * refinement (or over `maxRefineArticles`), edits apply as soon as the stories and articles they
 * name are in, so the articles after them respect them.
 * @example clusterArticles(articles).map((s) => s.articleIds)
 */
export function clusterArticles(articles: Annotated[], options: BatchOptions = {}): StoryCluster[] {
  const { edits = [], refine = true, maxRefineArticles = 3000, ...clusterOptions } = options
  const clusterer = new StoryClusterer(clusterOptions)
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS
  const unique = [...new Map(articles.map((a) => [a.id, a])).values()].sort(byPublication)
  const batch = unique.map((a) => articleFeatures(a, maxTerms))
  clusterer.primeDocumentFrequencies(batch)
  const refining = refine !== false && unique.length <= maxRefineArticles
  const queue = edits.length > 0 && !refining ? new EditQueue(edits, new Map(unique.map((a) => [a.id, a]))) : null
  for (const f of batch) {
    const assignment = clusterer.addFeatures(f, false)
    queue?.afterAdd(clusterer, assignment)
  }
  if (!refining) return clusterer.clusters()
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights }
  const refined = refineStories(clusterer.clusters(), batch, { weights, maxGapDays: options.maxGapDays ?? 7 }, refine === true ? {} : refine)
  return edits.length > 0 ? editStories(refined, edits) : refined
}
