/** Row mapping and small helpers both drivers share (rows as plain objects, cursors, feeds, stories). */
import type { Annotated, RawDocument } from '../types.js'
import type { ArticleSummary, FeedRecord, LedgerEntry, StorySummary } from './store.js'

export type Row = Record<string, unknown>

export const FEED_COLUMNS = 'id, url, title, etag, last_modified, error_count, last_error, next_poll_at, last_polled_at'

/** An `articles` row as a summary (PostgreSQL returns a bigint `seq` as a string). */
export function articleSummary(r: Row): ArticleSummary {
  return {
    id: r.id as string, seq: Number(r.seq), title: r.title as string | null, outlet: r.outlet as string | null,
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

/** A `stories` row as a summary. */
export function storySummary(row: Row): StorySummary {
  return { id: row.id as string, title: row.title as string | null, articleCount: Number(row.article_count), outletCount: Number(row.outlet_count), updatedAt: row.updated_at as string }
}

export type ArticleRow = { text: string; data: string }

/** The text lives in its own column (the search index reads it); the rest of the article is JSON. */
export function articleOf(row: ArticleRow): Annotated {
  return { ...(JSON.parse(row.data) as Omit<Annotated, 'text'>), text: row.text } as Annotated
}

/** The `data` column of an article: everything but its text, as JSON. */
export function articleData(article: Annotated): string {
  return JSON.stringify({ ...article, text: undefined })
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

/** The words of a user's search (letters and digits only, so no input is ever query syntax), at most a dozen. */
export function searchWords(text: string): string[] {
  return (text.match(WORD) ?? []).slice(0, MAX_TERMS)
}

/**
 * A user's search words as an FTS5 query: each word quoted (so `AND`, `*` or quotes in the input
 * are words, never syntax), all required; the last one also matches as a prefix.
 */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text)
  if (words.length === 0) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? ' *' : ''}`).join(' ')
}

/** A raw document without its bytes, as the `meta` column keeps it. */
export function rawMeta(raw: RawDocument): string {
  return JSON.stringify({ source: raw.source, publishedAt: raw.publishedAt ?? null, outlet: raw.outlet ?? null, ...(raw.outletForced ? { outletForced: true } : {}), ...(raw.given ? { given: raw.given } : {}) })
}

/** A kept raw document from its `meta` and `bytes` columns. */
export function rawOf(meta: string, bytes: Uint8Array): RawDocument {
  return { ...(JSON.parse(meta) as Omit<RawDocument, 'bytes'>), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
}

/** A raw document's bytes as a Buffer view (no copy), as drivers bind binary values. */
export function rawBytes(raw: RawDocument): Buffer {
  return Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength)
}

/** A `work_ledger` row as an entry. */
export function ledgerEntry(r: Row): LedgerEntry {
  return { seq: Number(r.seq), articleId: r.article_id as string | null, outcome: r.outcome as string, detail: r.detail as string | null, features: r.features as string | null }
}
