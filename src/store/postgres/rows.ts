/** Row mapping and query helpers of the PostgreSQL driver. */
import type { StorySummary } from '../store.js'
import type { Row } from '../sqlite/rows.js'

/** A `stories` row as a summary. */
export function storySummary(row: Row): StorySummary {
  return { id: row.id as string, title: row.title as string | null, articleCount: row.article_count as number, outletCount: row.outlet_count as number, updatedAt: row.updated_at as string }
}

const WORD = /[\p{L}\p{N}]+/gu
const MAX_TERMS = 12

/**
 * A user's search words as a `to_tsquery('simple', …)` string: only letters and digits survive (so
 * `&`, `|`, `!` or quotes in the input are never syntax), all words required, the last also as a prefix.
 */
export function tsQuery(text: string): string | null {
  const words = (text.toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS)
  if (words.length === 0) return null
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ')
}
