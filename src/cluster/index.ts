/**
 * Story clustering: near-duplicates, online assignment to stories (clusterer.ts), the user's
 * merges and splits (edits.ts), and the batch entry point used by `parallax cluster` and analyze.
 */
import type { Annotated } from '../types.js'
import { articleFeatures } from './features.js'
import { DEFAULT_MAX_TERMS, StoryClusterer, type ClusterOptions } from './clusterer.js'
import { EditQueue, type StoryEdit } from './edits.js'
import type { StoryCluster } from './story-state.js'

export type { ClusterWeights } from './scoring.js'
export { StoryClusterer, type Assignment, type ClusterOptions } from './clusterer.js'
export { STATE_FORMAT, type ClustererState } from './persist.js'
export { storyIdOf, type MergeRecord, type StoryCluster, type Why } from './story-state.js'
export { applyEdits, EditQueue, parseEdits, type StoryEdit } from './edits.js'
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

/** `clusterArticles` options: the clusterer's, plus the user's edits to apply as their stories appear. */
export interface BatchOptions extends ClusterOptions {
  edits?: readonly StoryEdit[]
}

/**
 * Groups articles into stories (online, in publication order; document frequencies counted over
 * the whole batch first). User edits apply as soon as the stories and articles they name are in,
 * so the articles after them respect them.
 * @example clusterArticles(articles).map((s) => s.articleIds)
 */
export function clusterArticles(articles: Annotated[], options: BatchOptions = {}): StoryCluster[] {
  const clusterer = new StoryClusterer(options)
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS
  const unique = [...new Map(articles.map((a) => [a.id, a])).values()].sort(byPublication)
  const batch = unique.map((a) => articleFeatures(a, maxTerms))
  clusterer.primeDocumentFrequencies(batch)
  const edits = options.edits?.length ? new EditQueue(options.edits, new Map(unique.map((a) => [a.id, a]))) : null
  for (const f of batch) {
    const assignment = clusterer.addFeatures(f, false)
    edits?.afterAdd(clusterer, assignment)
  }
  return clusterer.clusters()
}
