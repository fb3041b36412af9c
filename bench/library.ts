/**
 * `npm run bench -- library [--articles N] [--rate R] [--seconds S]`: the library's targets (issue 7).
 *
 * 1. ingest: generated ~5 KB articles through extract, annotate, store and story assignment into a
 *    SQLite file, in this one thread (articles/s);
 * 2. GET /v1/stories/{id}: latency percentiles at a fixed request rate from autocannon on
 *    loopback, against `parallax serve` in its own process (so the load generator does not share
 *    its event loop);
 * 3. search: store.search latency percentiles for words drawn from the corpus.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { parseArgs } from 'node:util'
import { annotate } from '../src/enrich/index.js'
import { describeError } from '../src/errors.js'
import { extractArticle } from '../src/extract/index.js'
import { Ingestor, type AnnotateRunner } from '../src/app/ingest.js'
import { openSqliteStore } from '../src/store/sqlite/driver.js'
import { Library } from '../src/app/library.js'
import { StagePool } from '../src/threads/pool.js'
import { generateCorpus, type CorpusArticle } from './corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** ~5 KB articles: each generated article followed by two more reports of the same event. */
function fiveKbArticles(n: number, seed: number): CorpusArticle[] {
  const corpus = generateCorpus(n, seed).articles
  const byEvent = new Map<number, CorpusArticle[]>()
  for (const a of corpus) byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), a])
  return corpus.map((a) => {
    const mates = byEvent.get(a.eventId)!.filter((m) => m !== a)
    const extra = [mates[0], mates[1] ?? corpus[(corpus.indexOf(a) + 1) % corpus.length]].filter(Boolean).map((m) => m.text)
    return { ...a, text: [a.text, ...extra].join('\n\n') }
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/serve-main.ts'), db], { stdio: ['ignore', 'ignore', 'pipe'] })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let err = ''
    child.stderr.on('data', (d: Buffer) => {
      err += d
      const m = /at (http:\/\/\S+)/.exec(err)
      if (m) resolveUrl(m[1])
    })
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

/** Time spent in extract + annotate in this thread, ms (the rest of ingest is the library's). */
let annotateMs = 0
const timedAnnotate: AnnotateRunner = async (raw, options) => {
  const t = performance.now()
  try {
    return { ok: true, value: annotate(extractArticle(raw, options)) }
  } catch (error) {
    return { ok: false, error: describeError(error) }
  } finally {
    annotateMs += performance.now() - t
  }
}

/** Ingests the corpus through `Ingestor` (what `parallax ingest` runs); articles per second. */
async function timeIngest(library: Library, corpus: CorpusArticle[], threads: number): Promise<number> {
  const pool = threads > 1 ? new StagePool({ threads }) : null
  const ingestor = new Ingestor(library, pool ? { annotate: (raw, o) => pool.run('annotate', raw, o), maxInFlight: threads * 8 } : { annotate: timedAnnotate })
  const encoder = new TextEncoder()
  const t0 = performance.now()
  for (const a of corpus) await ingestor.add({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt })
  const tally = await ingestor.finish()
  const seconds = (performance.now() - t0) / 1000
  await pool?.close()
  if (tally.failed.length > 0) console.error(`bench: ${tally.failed.length} articles failed, first: ${tally.failed[0].message}`)
  return tally.new / seconds
}

/** Runs the three measurements and prints a table. */
export async function benchLibrary({ articles = 10_000, rate = 500, seconds = 10, seed = 1, threads = 0 } = {}): Promise<{ name: string; value: number; target: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-lib-'))
  const db = join(dir, 'library.db')
  try {
    const corpus = fiveKbArticles(articles, seed)
    const meanBytes = Math.round(corpus.reduce((s, a) => s + Buffer.byteLength(a.text), 0) / corpus.length)
    const library = new Library(openSqliteStore(db))
    // one thread on a first share of the corpus (the target's "one core"), then the rest with workers
    const oneThreadShare = threads > 1 ? Math.min(corpus.length, 1000) : corpus.length
    const ingestPerSecond = await timeIngest(library, corpus.slice(0, oneThreadShare), 1)
    const split = { ...library.timings, annotate: annotateMs }
    const threadedPerSecond = threads > 1 ? await timeIngest(library, corpus.slice(oneThreadShare), threads) : null
    const store = library.store
    const state = JSON.stringify((await store.getClusterState('library'))?.state ?? {})
    const reopened = new Library(openSqliteStore(db))
    const t0 = performance.now()
    await reopened.ingestMany([])
    const startMs = performance.now() - t0
    await reopened.store.close()
    const storyIds = (await store.listStories({ limit: 200 })).items.map((s) => s.id)

    const words = ['ceasefire', 'minister', 'election', 'talks', 'percent', 'officials said', 'million', 'court', 'police', 'budget']
    const times: number[] = []
    for (let i = 0; i < 500; i++) {
      const t = performance.now()
      await store.search(words[i % words.length])
      times.push(performance.now() - t)
    }
    times.sort((x, y) => x - y)
    await store.close()

    const server = await startServer(db)
    let i = 0
    const request = { method: 'GET', setupRequest: (req: { path?: string }) => ({ ...req, path: `/v1/stories/${storyIds[i++ % storyIds.length]}` }) }
    // warm-up: the server process compiles its hot paths before it is measured
    await autocannon({ url: server.url, duration: 2, overallRate: rate, connections: 20, requests: [request] })
    const result = await autocannon({
      url: server.url, duration: seconds, overallRate: rate, connections: 20,
      requests: [request],
    })
    server.stop()
    const rows = [
      { name: `ingest articles/s (${meanBytes} B mean, one thread)`, value: Math.round(ingestPerSecond), target: '>= 300' },
      ...(['annotate', 'store', 'cluster', 'saveState', 'load'] as const).map((k) => ({
        name: `  ingest ms per article: ${k === 'annotate' ? 'extract + annotate' : k === 'store' ? 'store (SQL, FTS)' : k === 'saveState' ? 'save cluster state' : k === 'load' ? 'lock + load state' : k}`,
        value: Number((split[k] / oneThreadShare).toFixed(3)), target: '',
      })),
      { name: 'cluster state saved, KB', value: Math.round(Buffer.byteLength(state) / 1024), target: '' },
      { name: 'library start (lock + restore state), ms', value: Math.round(startMs), target: '' },
      ...(threadedPerSecond === null ? [] : [{ name: `ingest articles/s (${threads} worker threads)`, value: Math.round(threadedPerSecond), target: '' }]),
      { name: `GET /v1/stories/{id} p99 ms at ${rate} rps (${articles} articles)`, value: result.latency.p99, target: '< 50' },
      { name: 'GET /v1/stories/{id} requests/s achieved', value: Math.round(result.requests.average), target: `${rate}` },
      { name: 'GET /v1/stories/{id} non-2xx', value: result.non2xx + result.errors, target: '0' },
      { name: `search p95 ms (${articles} articles)`, value: Number(percentile(times, 95).toFixed(2)), target: '< 20' },
      { name: `search p50 ms (${articles} articles)`, value: Number(percentile(times, 50).toFixed(2)), target: '' },
    ]
    console.log(`Parallax library bench: ${articles} articles, ${storyIds.length}+ stories\n`)
    for (const r of rows) console.log(`${r.name.padEnd(60)} ${String(r.value).padStart(10)}   target ${r.target}`)
    return rows
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `npm run bench -- library [--articles N] [--rate R] [--seconds S] [--threads T]` */
export async function benchLibraryCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { articles: { type: 'string', default: '10000' }, rate: { type: 'string', default: '500' }, seconds: { type: 'string', default: '10' }, threads: { type: 'string', default: '0' } },
  })
  await benchLibrary({ articles: Number(values.articles), rate: Number(values.rate), seconds: Number(values.seconds), threads: Number(values.threads) })
}
