/** Row mapping and small SQL helpers of the SQLite driver. */
import type { ArticleSummary, FeedRecord } from '../store.js'

export type Row = Record<string, unknown>

export const FEED_COLUMNS = 'id, url, title, etag, last_modified, error_count, last_error, next_poll_at, last_polled_at'

export function articleSummary(r: Row): ArticleSummary {
  return {
    id: r.id as string, seq: r.seq as number, title: r.title as string | null, outlet: r.outlet as string | null,
    url: r.url as string | null, publishedAt: r.published_at as string | null, storyId: r.story_id as string | null,
    ingestedAt: r.ingested_at as string,
  }
}

export function feedRecord(r: Row): FeedRecord {
  return {
    id: r.id as string, url: r.url as string, title: r.title as string | null, etag: r.etag as string | null,
    lastModified: r.last_modified as string | null, errorCount: r.error_count as number, lastError: r.last_error as string | null,
    nextPollAt: r.next_poll_at as string | null, lastPolledAt: r.last_polled_at as string | null,
  }
}

/** Cursors are opaque to clients: base64url of a JSON value. */
export function encodeCursor(value: number): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function decodeCursor(cursor: string | null | undefined): number | null {
  if (!cursor) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    return typeof value === 'number' && Number.isFinite(value) ? value : null
  } catch {
    return null
  }
}

const WORD = /[\p{L}\p{N}]+/gu
const MAX_TERMS = 12

/**
 * A user's search words as an FTS5 query: each word quoted (so `AND`, `*` or quotes in the input
 * are words, never syntax), all required; the last one also matches as a prefix.
 */
export function ftsQuery(text: string): string | null {
  const words = (text.match(WORD) ?? []).slice(0, MAX_TERMS)
  if (words.length === 0) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? ' *' : ''}`).join(' ')
}
