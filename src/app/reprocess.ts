/**
 * Re-processing: runs the current pipeline over stored articles made by another pipeline version
 * and updates their derived data in place (text, annotations, title, outlet, dates, version).
 *
 * Order per page of articles: read the page (by `seq`, so the archive is never held whole), find
 * each one's raw document, run extract + annotate (from the raw bytes when kept, else annotate
 * again from the stored clean text), then write the page in one transaction. An article keeps its
 * id and its story: ids are what stories, reports and outside links point at, and re-clustering an
 * archive is a separate, deliberate step.
 */
import { annotate } from '../enrich/index.js'
import { processDocument } from '../document.js'
import { DEFAULT_LIMITS } from '../input/limits.js'
import type { Store } from '../store/store.js'
import type { Annotated, Article } from '../types.js'
import { PIPELINE_VERSION } from '../store/version.js'

export interface ReprocessOptions {
  /** The version to bring articles to (the records already at it are skipped). */
  version?: string
  /** Re-process articles already at `version` too. */
  all?: boolean
  /** Articles read, processed and written per transaction. */
  batch?: number
  /** Stop after this many articles (a trial run on part of an archive). */
  limit?: number
  /**
   * Only the articles whose sequence number is `index` modulo `count`: `count` processes, on as
   * many machines, each given one index, re-process an archive together without overlapping.
   */
  shard?: { index: number; count: number }
  onProgress?: (tally: ReprocessTally) => void
}

/** What a run did: articles updated (from raw bytes or from stored text) and failed with reasons. */
export interface ReprocessTally {
  updated: number
  fromRaw: number
  fromText: number
  failed: { id: string; message: string }[]
}

type Update = { id: string; article: Annotated }

/** Brings stored articles (in any store) to the current pipeline version; returns what it did. */
export async function reprocessStore(store: Store, options: ReprocessOptions = {}): Promise<ReprocessTally> {
  const { version = PIPELINE_VERSION, all = false, batch = 200, limit = Infinity, shard = { index: 0, count: 1 }, onProgress } = options
  const tally: ReprocessTally = { updated: 0, fromRaw: 0, fromText: 0, failed: [] }
  let after = 0
  while (tally.updated + tally.failed.length < limit) {
    const n = Math.max(1, Math.min(batch, limit - tally.updated - tally.failed.length))
    const rows = await store.articlesToReprocess({ after, limit: n, version, all, shard })
    if (rows.length === 0) break
    after = rows[rows.length - 1].seq
    const updates = await rerun(store, rows.map((r) => r.id), tally)
    await store.updateArticles(updates, version)
    tally.updated += updates.length
    onProgress?.(tally)
  }
  return tally
}

/** The page's articles through the current pipeline (failures are counted, not thrown). */
async function rerun(store: Store, ids: string[], tally: ReprocessTally): Promise<Update[]> {
  const [stored, raws] = await Promise.all([store.getArticles(ids), store.getRaws(ids)])
  const updates: Update[] = []
  for (const old of stored) {
    try {
      const raw = raws.get(old.id)
      const article = raw ? processDocument(raw, { limits: { maxBytes: DEFAULT_LIMITS.maxBytes } }) : annotate(cleanPart(old))
      if (raw) tally.fromRaw++
      else tally.fromText++
      updates.push({ id: old.id, article: { ...article, id: old.id } })
    } catch (error) {
      tally.failed.push({ id: old.id, message: (error as Error).message })
    }
  }
  return updates
}

/** The extracted article without the annotations an older pipeline added. */
function cleanPart(a: Annotated): Article {
  const { sentences: _s, entities: _e, quotes: _q, numbers: _n, dates: _d, ...article } = a
  return article
}
