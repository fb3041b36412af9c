/**
 * JSON Lines exports of crawlers and archives, one article per line, read by field name:
 * news-please (`maintext`, `date_publish`, `source_domain`), trafilatura (`text`, `raw_text`,
 * `date`, `sitename`, `hostname`), Media Cloud (`story_text`, `publish_date`, `media_name`).
 */
import { normaliseDate } from '../text/calendar.js'
import type { RawDocument } from '../types.js'

/** One record's article fields, under Parallax names. */
export interface JsonlRecord {
  line: number
  title: string | null
  text: string | null
  html: string | null
  url: string | null
  publishedAt: string | null
  outlet: string | null
  authors: string[]
}

/** Candidate field names, most specific first (the first present, non-empty string wins). */
const FIELDS = {
  text: ['maintext', 'text', 'raw_text', 'story_text', 'content', 'body'],
  html: ['html', 'raw_html', 'source_html'],
  title: ['title', 'headline'],
  url: ['url', 'source_url', 'link', 'canonical_url'],
  publishedAt: ['date_publish', 'publish_date', 'published_at', 'publishedAt', 'date', 'publication_date'],
  outlet: ['media_name', 'sitename', 'source_domain', 'hostname', 'outlet', 'source'],
} as const

function first(obj: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const v = obj[name]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
  }
  return null
}

function authorsOf(obj: Record<string, unknown>): string[] {
  const v = obj.authors ?? obj.author
  if (Array.isArray(v)) return v.filter((a): a is string => typeof a === 'string')
  return typeof v === 'string' && v.trim() ? v.split(/\s*(?:;|,| and )\s*/).filter(Boolean) : []
}

/** True when the text looks like JSON Lines: its first line is a whole JSON object. */
export function looksLikeJsonl(head: string): boolean {
  if (!/^\s*\{/.test(head)) return false
  const first = head.trimStart().split(/\r?\n/, 1)[0]
  try {
    const value: unknown = JSON.parse(first)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  } catch {
    return false
  }
}

/**
 * Parses JSON Lines into records; a line that is not a JSON object becomes an error for that line.
 * @example parseJsonl('{"title":"T","maintext":"Body"}\n')
 */
export function parseJsonl(text: string, { maxRecords = 100_000 } = {}): { records: JsonlRecord[]; errors: { line: number; message: string }[] } {
  const records: JsonlRecord[] = []
  const errors: { line: number; message: string }[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length && records.length < maxRecords; i++) {
    if (lines[i].trim() === '') continue
    let obj: unknown
    try {
      obj = JSON.parse(lines[i])
    } catch {
      errors.push({ line: i + 1, message: 'not valid JSON' })
      continue
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      errors.push({ line: i + 1, message: 'not a JSON object' })
      continue
    }
    records.push(recordOf(obj as Record<string, unknown>, i + 1))
  }
  return { records, errors }
}

/** One export object read by field name (also what the HTTP API's ingest accepts). */
export function recordOf(o: Record<string, unknown>, line: number): JsonlRecord {
  return {
    line, title: first(o, FIELDS.title), text: first(o, FIELDS.text), html: first(o, FIELDS.html),
    url: first(o, FIELDS.url), publishedAt: normaliseDate(first(o, FIELDS.publishedAt)), outlet: first(o, FIELDS.outlet), authors: authorsOf(o),
  }
}

/** A record as a raw document for extraction: its HTML when it has some, else title and text. */
export function jsonlRecordToRaw(record: JsonlRecord, path: string, defaults: { publishedAt?: string | null; outlet?: string | null } = {}): RawDocument | null {
  const body = record.html ?? (record.text ? (record.title ? `${record.title}\n\n${record.text}` : record.text) : null)
  if (!body) return null
  return {
    source: { kind: 'jsonl', path: `${path}#L${record.line}`, ...(record.url ? { url: record.url } : {}) },
    bytes: new TextEncoder().encode(body),
    publishedAt: defaults.publishedAt ?? null,
    outlet: record.outlet ?? defaults.outlet ?? null,
    given: { from: 'jsonl', title: record.title, authors: record.authors, publishedAt: record.publishedAt },
  }
}
