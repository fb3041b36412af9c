/**
 * Outages: a worker and an API server reach PostgreSQL and NATS through proxies that the test cuts
 * and restores (the real servers keep running for the other tests). While a service is away the
 * API answers 503 instead of hanging and the worker waits rather than failing its jobs; when the
 * service is back the work resumes, and at the end every article is stored once, in the same
 * stories as one process would make, with nothing dead-lettered.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { generateCorpus } from '../bench/corpus.js'
import { StoryClusterer } from '../src/cluster/index.js'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { openNatsQueue } from '../src/queue/nats.js'
import { encodeRaw } from '../src/queue/message.js'
import { buildServer } from '../src/server/app.js'
import { LazyQueue } from '../src/server/health.js'
import { Library } from '../src/app/library.js'
import { openPostgresStore } from '../src/store/postgres/driver.js'
import type { RawDocument } from '../src/types.js'
import { TcpProxy } from './helpers/proxy.js'
import { dropSchemas, ensureService, freshSchema, NATS_URL, PG_URL } from './helpers/services.js'

const SCRIPT = fileURLToPath(new URL('./helpers/worker-process.ts', import.meta.url))
const schema = freshSchema()
const stream = `PARALLAX_T_${randomBytes(4).toString('hex').toUpperCase()}`
const raws: RawDocument[] = generateCorpus(90, 11).articles.map((a) => ({ source: { kind: 'text', path: a.path }, bytes: new TextEncoder().encode(a.text) }))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

before(async () => (await ensureService('postgres'), await ensureService('nats')))
after(async () => {
  await dropSchemas([schema])
  const q = await openNatsQueue(NATS_URL, { stream })
  const jsm = await q.nc.jetstreamManager()
  for (const name of [stream, `${stream}_DEAD`]) await jsm.streams.delete(name).catch(() => {})
  await q.close()
})

/** Publishes documents straight to the real NATS server (not through the proxy). */
async function publish(docs: readonly RawDocument[]): Promise<void> {
  const q = await openNatsQueue(NATS_URL, { stream })
  for (const raw of docs) {
    const { id, data } = encodeRaw(raw)
    await q.publish(id, data)
  }
  await q.close()
}

/** Polls `check` until it holds (or fails the test after `ms`). */
async function waitFor(what: string, check: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(250)
  }
}

/** The stories one process makes of `docs`, in order, as sorted id lists. */
function oneProcess(docs: readonly RawDocument[]): string[] {
  const clusterer = new StoryClusterer()
  const groups = new Map<string, string[]>()
  for (const raw of docs) {
    const article = annotate(extractArticle(raw))
    const { storyId } = clusterer.add(article)
    groups.set(storyId, [...(groups.get(storyId) ?? []), article.id])
  }
  return [...groups.values()].map((ids) => ids.sort().join(',')).sort()
}

describe('scale: outages of PostgreSQL and NATS', { timeout: 300_000 }, () => {
  it('answers 503 while a service is away, and the worker resumes when it is back: all stored once, same stories, nothing dead', async () => {
    const pgProxy = await TcpProxy.start(Number(new URL(PG_URL).port || 5432))
    const natsProxy = await TcpProxy.start(Number(new URL(NATS_URL).port || 4222))
    const viaPg = `postgres://postgres@127.0.0.1:${pgProxy.port}/${new URL(PG_URL).pathname.slice(1)}?schema=${schema}`
    const viaNats = `nats://127.0.0.1:${natsProxy.port}`
    const direct = openPostgresStore(`${PG_URL}?schema=${schema}`)
    const stored = async () => Number((await direct.query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0]?.n ?? 0)
    const [first, second, third] = [raws.slice(0, 30), raws.slice(30, 60), raws.slice(60)]
    await publish(first)

    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, 'worker', '--db', viaPg, '--queue', viaNats, '--stream', stream, '--ack-wait', '5000'], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    const store = openPostgresStore(viaPg, { connectTimeoutMs: 1000 })
    const queue = new LazyQueue(() => openNatsQueue(viaNats, { stream, timeoutMs: 2000 }))
    const app = buildServer(new Library(store), { queue })
    try {
      await waitFor('the first articles', async () => (await stored()) >= 5)

      // PostgreSQL away: readiness says so, the worker holds its jobs, more work arrives meanwhile
      await pgProxy.cut()
      const notReady = await app.inject({ method: 'GET', url: '/readyz' })
      assert.equal(notReady.statusCode, 503)
      assert.notEqual(notReady.json().checks.database, 'ok')
      await publish(second)
      await sleep(2500)
      assert.equal(child.exitCode, null, `the worker keeps running through the outage: ${stderr}`)
      await pgProxy.restore()

      // NATS away: ingest answers 503 within its timeout, the worker waits for the queue
      await waitFor('the API to be ready again', async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, 30_000)
      await natsProxy.cut()
      const started = Date.now()
      const refused = await app.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [{ text: 'The harbour board met on Monday and voted to close the north pier for repairs.' }] } })
      assert.equal(refused.statusCode, 503, refused.body)
      assert.ok(Date.now() - started < 15_000, 'a down queue is an answer, not a hang')
      await publish(third)
      await sleep(2500)
      assert.equal(child.exitCode, null, `the worker keeps running through the outage: ${stderr}`)
      await natsProxy.restore()

      // both back: ingest publishes again and the worker finishes everything
      const late = { text: 'The lighthouse keepers union said on Friday that its members would return to work next week after the dispute ended.' }
      await waitFor('ingest to publish again', async () => (await app.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [late] } })).statusCode === 200, 30_000)
      await waitFor('every article stored and in a story', async () => {
        const rows = await direct.query<{ n: string; a: string }>('SELECT count(*) AS n, count(story_id) AS a FROM articles')
        return Number(rows[0].n) === raws.length + 1 && Number(rows[0].a) === raws.length + 1
      })

      child.kill('SIGTERM')
      assert.equal(await exited, 0, stderr)
      // the worker saw the database go and come back (a queue outage may pass unseen: the client reconnects)
      assert.match(stderr, /database unavailable[^]*database back/)
      const ledger = await direct.query<{ outcome: string; n: string }>('SELECT outcome, count(*) AS n FROM work_ledger GROUP BY outcome')
      assert.deepEqual(ledger.filter((r) => r.outcome === 'dead' || r.outcome === 'failed'), [])
      const q = await openNatsQueue(NATS_URL, { stream })
      assert.equal((await q.stats()).deadLetters, 0)
      await q.close()

      // the corpus articles are in the stories one process makes (the late API article came last)
      const groups = await direct.query<{ ids: string[] }>('SELECT array_agg(id ORDER BY id) AS ids FROM articles GROUP BY story_id')
      const corpusIds = new Set(raws.map((raw) => annotate(extractArticle(raw)).id))
      const partition = groups.map((g) => g.ids.filter((id) => corpusIds.has(id))).filter((ids) => ids.length > 0).map((ids) => ids.join(',')).sort()
      assert.deepEqual(partition, oneProcess(raws))
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      await pgProxy.restore()
      await natsProxy.restore()
      await app.close()
      await queue.close()
      await store.close().catch(() => {})
      await direct.close()
      await pgProxy.cut()
      await natsProxy.cut()
    }
  })
})
