/**
 * WARC archives (ISO 28500; uncompressed, as `wget --warc-file` without gzip or after `gunzip`):
 * the `response` records of HTML pages become raw documents with their target URL.
 */

export interface WarcRecord {
  type: string
  url: string | null
  date: string | null
  /** HTTP body of a response record (headers stripped). */
  body: Uint8Array
  contentType: string | null
}

import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

const WARC_MAGIC = 'WARC/1.'
/** Largest decoded HTTP body taken from one record (a compressed body can expand a lot). */
const MAX_BODY_BYTES = 10 * 1024 * 1024
const decoder = new TextDecoder('latin1')

/** True when the bytes start like a WARC file. */
export function looksLikeWarc(bytes: Uint8Array): boolean {
  return decoder.decode(bytes.subarray(0, 8)).startsWith(WARC_MAGIC)
}

function indexOfCrlf2(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i
  }
  return -1
}

function headers(block: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of block.split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return out
}

/**
 * Reads the records of a WARC file; `response` records have their HTTP headers split off.
 * Stops at the first malformed record (the ones before it are kept) or at `maxRecords`.
 */
export function parseWarc(bytes: Uint8Array, { maxRecords = 100_000 } = {}): { records: WarcRecord[]; error: string | null } {
  const records: WarcRecord[] = []
  let at = 0
  while (at < bytes.length && records.length < maxRecords) {
    while (at < bytes.length && (bytes[at] === 13 || bytes[at] === 10)) at++
    if (at >= bytes.length) break
    const end = indexOfCrlf2(bytes, at)
    const head = end < 0 ? '' : decoder.decode(bytes.subarray(at, end))
    if (!head.startsWith(WARC_MAGIC)) return { records, error: `malformed WARC record at byte ${at}` }
    const h = headers(head)
    const length = Number(h.get('content-length'))
    if (!Number.isFinite(length) || end + 4 + length > bytes.length) return { records, error: `truncated WARC record at byte ${at}` }
    const block = bytes.subarray(end + 4, end + 4 + length)
    at = end + 4 + length
    records.push(record(h, block))
  }
  return { records, error: null }
}

function record(h: Map<string, string>, block: Uint8Array): WarcRecord {
  const type = h.get('warc-type') ?? ''
  let body = block
  let contentType = h.get('content-type') ?? null
  if (type === 'response' && /application\/http/i.test(contentType ?? '')) {
    const split = indexOfCrlf2(block, 0)
    const http = split < 0 ? new Map<string, string>() : headers(decoder.decode(block.subarray(0, split)))
    body = split < 0 ? new Uint8Array() : httpBody(block.subarray(split + 4), http)
    contentType = http.get('content-type') ?? null
  }
  return { type, url: h.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null, date: h.get('warc-date') ?? null, body, contentType }
}

/** The HTTP body as the server meant it: chunks joined, compression undone (empty when it cannot be). */
function httpBody(body: Uint8Array, http: Map<string, string>): Uint8Array {
  let out = /chunked/i.test(http.get('transfer-encoding') ?? '') ? dechunk(body) : body
  const encoding = (http.get('content-encoding') ?? '').toLowerCase()
  try {
    const opts = { maxOutputLength: MAX_BODY_BYTES }
    if (encoding === 'gzip' || encoding === 'x-gzip') out = gunzipSync(out, opts)
    else if (encoding === 'deflate') out = inflateSync(out, opts)
    else if (encoding === 'br') out = brotliDecompressSync(out, opts)
  } catch {
    return new Uint8Array()
  }
  return out
}

function dechunk(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = []
  let at = 0
  while (at < body.length) {
    let eol = at
    while (eol + 1 < body.length && !(body[eol] === 13 && body[eol + 1] === 10)) eol++
    const size = parseInt(decoder.decode(body.subarray(at, eol)), 16)
    if (!Number.isFinite(size) || size <= 0) break
    parts.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
  return new Uint8Array(Buffer.concat(parts))
}

/** The records worth extracting: responses whose body is HTML or text. */
export function warcDocuments(records: readonly WarcRecord[]): WarcRecord[] {
  return records.filter((r) => (r.type === 'response' || r.type === 'resource') && r.body.length > 0 && /html|text\/plain/i.test(r.contentType ?? 'text/html'))
}
