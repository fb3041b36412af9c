/**
 * Polling followed feeds into the library. Conditional requests (ETag, Last-Modified) so an
 * unchanged feed costs one 304; entries deduplicated by GUID, then link, then content; a failing
 * feed counts its errors and waits longer each time (its earlier entries stay in the library).
 */
import { createHash } from 'node:crypto'
import { describeError } from '../errors.js'
import { feedEntryToRaw, parseFeed, type FeedEntry } from '../input/feed.js'
import { safeFetch, type FetchOptions } from '../input/fetch.js'
import { ingestDocuments, newTally, type IngestTally } from './ingest.js'
import type { Library } from './library.js'
import type { RawDocument } from '../types.js'
import type { FeedRecord } from '../store/store.js'
import { normalizeUrl } from '../store/url.js'

export interface PollOptions {
  fetch?: FetchOptions
  /** Poll even while a feed is backing off. */
  force?: boolean
  /** First back-off after an error; doubles with each further error. */
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** Entries taken from one poll (the newest first, as feeds list them). */
  maxEntries?: number
  now?: () => Date
}

export type PollResult =
  | { feed: FeedRecord; status: 'polled'; tally: IngestTally }
  | { feed: FeedRecord; status: 'not-modified' | 'backing-off' }
  | { feed: FeedRecord; status: 'failed'; error: string }

/** The dedup key of an entry: GUID, else normalised link, else a hash of its content. */
export function entryKey(e: FeedEntry): string {
  if (e.guid) return `guid:${e.guid}`
  const link = normalizeUrl(e.link)
  if (link) return `link:${link}`
  return `hash:${createHash('sha256').update(`${e.title ?? ''}\n${e.html ?? ''}`).digest('hex').slice(0, 32)}`
}

/** Back-off after `errors` consecutive failures: base x 2^(errors-1), capped. */
export function backoffMs(errors: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, errors - 1))
}

/** Polls one feed and ingests its new entries; entries without content are fetched by link. */
export async function pollFeed(library: Library, feed: FeedRecord, options: PollOptions = {}): Promise<PollResult> {
  const { force = false, backoffBaseMs = 5 * 60_000, backoffMaxMs = 24 * 3_600_000, maxEntries = 200, now = () => new Date() } = options
  const store = library.store
  if (!force && feed.nextPollAt && Date.parse(feed.nextPollAt) > now().getTime()) return { feed, status: 'backing-off' }
  const headers: Record<string, string> = {}
  if (feed.etag) headers['if-none-match'] = feed.etag
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified
  try {
    const res = await safeFetch(feed.url, { ...options.fetch, headers })
    const polledAt = now().toISOString()
    if (res.status === 304) {
      await store.updateFeed(feed.id, { lastPolledAt: polledAt, errorCount: 0, lastError: null, nextPollAt: null })
      return { feed, status: 'not-modified' }
    }
    const parsed = parseFeed(new TextDecoder().decode(res.bytes), { maxEntries })
    const tally = newTally()
    const pending: { key: string; raw: RawDocument }[] = []
    for (const entry of parsed.entries) {
      const next = await entryDocument(library, feed, entry, tally, options.fetch)
      if (next) pending.push(next)
    }
    // one batch for the whole poll; an entry is marked seen only once stored, so a failure is retried
    const stored = await ingestDocuments(library, pending.map((p) => p.raw), tally)
    for (const [i, p] of pending.entries()) if (stored[i]) await store.markEntrySeen(feed.id, p.key)
    await store.updateFeed(feed.id, {
      title: parsed.title ?? feed.title, etag: header(res.headers.etag), lastModified: header(res.headers['last-modified']),
      lastPolledAt: polledAt, errorCount: 0, lastError: null, nextPollAt: null,
    })
    return { feed, status: 'polled', tally }
  } catch (error) {
    const message = describeError(error).message
    const errorCount = feed.errorCount + 1
    const nextPollAt = new Date(now().getTime() + backoffMs(errorCount, backoffBaseMs, backoffMaxMs)).toISOString()
    await store.updateFeed(feed.id, { errorCount, lastError: message, nextPollAt, lastPolledAt: now().toISOString() })
    return { feed, status: 'failed', error: message }
  }
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null
}

/** The document of an entry not seen before (fetched by link when the feed carries no content), or null. */
async function entryDocument(library: Library, feed: FeedRecord, entry: FeedEntry, tally: IngestTally, fetchOptions: FetchOptions = {}): Promise<{ key: string; raw: RawDocument } | null> {
  const key = entryKey(entry)
  if (await library.store.entrySeen(feed.id, key)) return null
  const where = entry.link ?? key
  let raw = feedEntryToRaw(entry, `${feed.url}#${key}`)
  if (!raw && entry.link) {
    try {
      const page = await safeFetch(entry.link, fetchOptions)
      raw = { source: { kind: 'url', url: page.url }, bytes: page.bytes, publishedAt: entry.publishedAt }
    } catch (error) {
      tally.read++
      tally.failed.push({ where, message: describeError(error).message })
      return null
    }
  }
  return raw ? { key, raw } : null
}
