/**
 * The one way inputs come in, for every command that takes them (`extract`, `annotate`, `cluster`,
 * `analyze`, `ingest`): files, directories and globs (expandInputs), `-` for stdin, and http(s)
 * URLs through the guarded fetcher; each read with the size limit, then split by content into its
 * documents (a JSON Lines export, a WARC archive or an RSS/Atom file holds many: documents.ts).
 * What cannot be read is an item with its error, named by where it came from, and the rest goes on.
 */
import { InputError } from '../errors.js'
import type { RawDocument } from '../types.js'
import { splitDocuments } from './documents.js'
import { safeFetch } from './fetch.js'
import { expandInputs, loadRaw, sourceName } from './sources.js'

export interface InputReadOptions {
  maxBytes: number
  /** The user's `--published` and `--outlet`, for documents that carry none. */
  publishedAt?: string | null
  outlet?: string | null
  /** Let URLs reach private and loopback addresses (`--allow-private`). */
  allowPrivate?: boolean
  /** Time limit per URL, in ms. */
  timeoutMs?: number
  /**
   * Told how many documents the inputs hold, as far as known: once they are expanded, before any
   * is read, the files and URLs; again whenever a container read (a JSON Lines export, a feed, a
   * WARC file) turns out to hold several.
   */
  onCount?: (documents: number) => void
}

/** One document to process, or why an input (or a part of one) could not be read. */
export type InputItem = { name: string; raw: RawDocument } | { name: string; error: unknown }

const URL_SPEC = /^https?:\/\//i

/** True for an input spec that is an http(s) URL. */
export function isUrlSpec(spec: string): boolean {
  return URL_SPEC.test(spec)
}

/** Fetches a URL (guarded: see fetch.ts) into a raw document carrying the user's defaults. */
export async function fetchRaw(url: string, { maxBytes, publishedAt = null, outlet = null, allowPrivate, timeoutMs }: InputReadOptions): Promise<RawDocument> {
  const page = await safeFetch(url, { allowPrivate, maxBytes, timeoutMs })
  return { source: { kind: 'url', url: page.url }, bytes: page.bytes, publishedAt, outlet }
}

/** A raw input's documents, each named (`export.jsonl#L3`, `crawl.warc#2`, the input itself); `more` is told how many documents past one it holds (its malformed parts need no work). */
function* documentsOf(name: string, raw: RawDocument, more?: (extra: number) => void): Generator<InputItem> {
  const { container, documents, errors } = splitDocuments(raw)
  if (documents.length > 1) more?.(documents.length - 1)
  for (const e of errors) yield { name: e.where, error: new InputError('malformed', e.message, e.where) }
  if (container !== 'single' && documents.length === 0 && errors.length === 0) {
    yield { name, error: new InputError('no-text', `the ${container} input holds no documents`, name) }
    return
  }
  for (const doc of documents) yield { name: container === 'single' ? name : doc.source.path ?? doc.source.url ?? name, raw: doc }
}

/**
 * Every document of the inputs, in order: file inputs first (as expanded), then URLs; stdin when
 * there are none.
 * @example for await (const item of inputDocuments(['news/', 'https://example.org/a'], { maxBytes })) ...
 */
export async function* inputDocuments(specs: readonly string[], options: InputReadOptions): AsyncGenerator<InputItem> {
  const urls = specs.filter(isUrlSpec)
  const files = specs.filter((s) => !isUrlSpec(s))
  const { sources, problems } = await expandInputs(files.length > 0 || urls.length > 0 ? files : ['-'])
  let count = sources.length + urls.length
  options.onCount?.(count)
  // A container holding several documents counts as that many.
  const more = (extra: number) => options.onCount?.((count += extra))
  for (const p of problems) yield { name: p.spec, error: p.error }
  for (const source of sources) {
    const name = sourceName(source)
    let raw: RawDocument
    try {
      raw = await loadRaw(source, options)
    } catch (error) {
      yield { name, error }
      continue
    }
    yield* documentsOf(name, raw, more)
  }
  for (const url of urls) {
    let raw: RawDocument
    try {
      raw = await fetchRaw(url, options)
    } catch (error) {
      yield { name: url, error }
      continue
    }
    yield* documentsOf(url, raw, more)
  }
}
