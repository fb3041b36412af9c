/**
 * `parallax feeds add|list|poll|errors|reset-errors`: follow RSS and Atom feeds into the library.
 */
import type { Command } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { defaultDbPath } from '../store/location.js'
import type { FeedRecord, Store } from '../store/store.js'
import { type Io, write } from './run.js'

interface FeedsOptions {
  db?: string
  allowPrivate?: boolean
  force?: boolean
  timeout?: number
}

async function withStore(options: FeedsOptions, fn: (store: Store) => Promise<number>): Promise<number> {
  // Loaded here, not at start: `annotate` and `analyze` never open a library.
  const { openStore } = await import('../store/index.js')
  const store = openStore(options.db ?? defaultDbPath())
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

function feedLine(f: FeedRecord): string {
  const state = f.errorCount > 0 ? `errors ${f.errorCount}, next try ${f.nextPollAt ?? 'now'}: ${f.lastError ?? ''}` : `last polled ${f.lastPolledAt ?? 'never'}`
  return `${f.id}\t${f.url}\t${f.title ?? ''}\t${state}\n`
}

async function add(url: string, options: FeedsOptions, io: Io): Promise<number> {
  if (!/^https?:\/\//i.test(url)) throw new ParallaxUsageError(`a feed URL must start with http:// or https://, not ${JSON.stringify(url)}`)
  return withStore(options, async (store) => {
    const feed = await store.addFeed(url)
    await write(io.stdout, feedLine(feed))
    return 0
  })
}

async function list(options: FeedsOptions, io: Io, onlyErrors: boolean): Promise<number> {
  return withStore(options, async (store) => {
    const feeds = (await store.listFeeds()).filter((f) => !onlyErrors || f.errorCount > 0)
    await write(io.stdout, feeds.map(feedLine).join(''))
    return 0
  })
}

async function poll(options: FeedsOptions, io: Io): Promise<number> {
  const [{ pollFeed }, { formatTally }, { Library }] = await Promise.all([import('../app/feeds.js'), import('../app/ingest.js'), import('../app/library.js')])
  return withStore(options, async (store) => {
    const library = new Library(store)
    let failed = 0
    for (const feed of await store.listFeeds()) {
      const result = await pollFeed(library, feed, { force: options.force, fetch: { allowPrivate: options.allowPrivate, timeoutMs: options.timeout } })
      const detail = result.status === 'polled' ? formatTally(result.tally) : result.status === 'failed' ? result.error : ''
      if (result.status === 'failed' || (result.status === 'polled' && result.tally.failed.length > 0)) failed++
      if (result.status === 'polled') for (const f of result.tally.failed) io.stderr.write(`parallax: ${f.where}: ${f.message}\n`)
      io.stderr.write(`parallax: feed ${feed.url}: ${result.status}${detail ? `: ${detail}` : ''}\n`)
    }
    return failed > 0 ? 1 : 0
  })
}

async function resetErrors(id: string | undefined, options: FeedsOptions): Promise<number> {
  return withStore(options, async (store) => {
    const feeds = id ? [await store.getFeed(id)] : await store.listFeeds()
    if (id && !feeds[0]) throw new ParallaxUsageError(`no feed ${JSON.stringify(id)}`)
    for (const f of feeds) if (f) await store.updateFeed(f.id, { errorCount: 0, lastError: null, nextPollAt: null })
    return 0
  })
}

/** Adds `feeds` and its subcommands to the program. */
export function registerFeeds(program: Command, io: Io, setResult: (code: number) => void): void {
  const feeds = program.command('feeds').description('follow RSS and Atom feeds into the library')
  const db = (c: Command) => c.option('--db <file>', `library file (default: ${defaultDbPath()})`)
  db(feeds.command('add').argument('<url>').description('follow a feed'))
    .action(async (url: string, o: FeedsOptions) => setResult(await add(url, o, io)))
  db(feeds.command('list').description('the followed feeds'))
    .action(async (o: FeedsOptions) => setResult(await list(o, io, false)))
  db(feeds.command('errors').description('feeds whose last polls failed'))
    .action(async (o: FeedsOptions) => setResult(await list(o, io, true)))
  db(feeds.command('reset-errors').argument('[feed]', 'feed id or URL (default: all)').description('clear error counts and back-off'))
    .action(async (id: string | undefined, o: FeedsOptions) => setResult(await resetErrors(id, o)))
  db(feeds.command('poll').description('fetch every feed not backing off and ingest new entries'))
    .option('--force', 'poll feeds that are backing off too')
    .option('--allow-private', 'let feeds and links reach private and loopback addresses')
    .option('--timeout <ms>', 'time limit per fetch, in ms', Number)
    .action(async (o: FeedsOptions) => setResult(await poll(o, io)))
}
