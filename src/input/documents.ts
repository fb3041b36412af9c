/**
 * One input can hold many articles: a JSON Lines export, a WARC archive, an RSS/Atom file. This
 * splits an input's bytes into raw documents by content (never by file name); anything else is one
 * document as it is.
 */
import type { RawDocument } from '../types.js'
import { feedEntryToRaw, looksLikeFeed, parseFeed } from './feed.js'
import { jsonlRecordToRaw, looksLikeJsonl, parseJsonl } from './jsonl.js'
import { looksLikeWarc, parseWarc, warcDocuments } from './warc.js'

export interface SplitResult {
  container: 'single' | 'jsonl' | 'warc' | 'feed'
  documents: RawDocument[]
  /** Parts that could not be read (a bad line, a truncated record), each with where and why. */
  errors: { where: string; message: string }[]
}

const HEAD_CHARS = 4096
/** A JSON Lines record holds a whole article, so its first line may be long; this bounds the look. */
const MAX_FIRST_LINE = 4 * 1024 * 1024
const utf8 = new TextDecoder('utf-8', { fatal: false })

function firstLine(bytes: Uint8Array): string {
  if (bytes[0] !== 0x7b && !/^\s*\{/.test(utf8.decode(bytes.subarray(0, 64)))) return ''
  const end = bytes.indexOf(0x0a)
  return utf8.decode(bytes.subarray(0, end < 0 ? Math.min(bytes.length, MAX_FIRST_LINE) : Math.min(end, MAX_FIRST_LINE)))
}

/** Splits one input into its documents; `raw` carries the path and the user's defaults. */
export function splitDocuments(raw: RawDocument): SplitResult {
  const path = raw.source.path ?? raw.source.url ?? '-'
  const defaults = { publishedAt: raw.publishedAt, outlet: raw.outlet }
  if (looksLikeWarc(raw.bytes)) {
    const { records, error } = parseWarc(raw.bytes)
    const documents = warcDocuments(records).map((r, i): RawDocument => ({
      source: { kind: 'warc', path: `${path}#${i}`, ...(r.url ? { url: r.url } : {}) }, bytes: r.body, ...defaults,
    }))
    return { container: 'warc', documents, errors: error ? [{ where: path, message: error }] : [] }
  }
  const head = utf8.decode(raw.bytes.subarray(0, HEAD_CHARS))
  if (looksLikeJsonl(firstLine(raw.bytes))) {
    const { records, errors } = parseJsonl(utf8.decode(raw.bytes))
    const documents: RawDocument[] = []
    const skipped: SplitResult['errors'] = errors.map((e) => ({ where: `${path}#L${e.line}`, message: e.message }))
    for (const r of records) {
      const doc = jsonlRecordToRaw(r, path, defaults)
      if (doc) documents.push(doc)
      else skipped.push({ where: `${path}#L${r.line}`, message: 'record has no text or html field' })
    }
    return { container: 'jsonl', documents, errors: skipped }
  }
  if (looksLikeFeed(head)) {
    const feed = parseFeed(utf8.decode(raw.bytes))
    const documents = feed.entries.flatMap((e, i) => {
      const doc = feedEntryToRaw(e, `${path}#${i}`, defaults)
      return doc ? [doc] : []
    })
    return { container: 'feed', documents, errors: [] }
  }
  return { container: 'single', documents: [raw], errors: [] }
}
