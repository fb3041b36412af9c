import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { openNatsQueue } from '../src/queue/nats.js'
import { buildServer } from '../src/server/app.js'
import { LazyQueue } from '../src/server/health.js'
import { openStore } from '../src/store/index.js'
import { Library } from '../src/app/library.js'
import { openPostgresStore } from '../src/store/postgres/driver.js'
import { PIPELINE_VERSION } from '../src/store/version.js'
import { cli } from './helpers/cli.js'
import { dropSchemas, ensureService, freshSchema, NATS_URL, PG_URL } from './helpers/services.js'
import { seedsDir } from './helpers/shared.js'

const schemas: string[] = []
const streams: string[] = []
/** Nothing listens on port 1: a database or queue that is down. */
const CLOSED_PG = 'postgres://postgres@127.0.0.1:1/test'
const CLOSED_NATS = 'nats://127.0.0.1:1'

before(async () => (await ensureService('postgres'), await ensureService('nats')))
after(async () => {
  await dropSchemas(schemas)
  const q = await openNatsQueue(NATS_URL, { stream: 'PARALLAX_T_OPS_CLEANUP' })
  const jsm = await q.nc.jetstreamManager()
  for (const s of [...streams, 'PARALLAX_T_OPS_CLEANUP']) for (const name of [s, `${s}_DEAD`]) await jsm.streams.delete(name).catch(() => {})
  await q.close()
})

function freshDb(): string {
  const schema = freshSchema()
  schemas.push(schema)
  return `${PG_URL}?schema=${schema}`
}

function freshStream(): string {
  const stream = `PARALLAX_T_${randomBytes(4).toString('hex').toUpperCase()}`
  streams.push(stream)
  return stream
}

/** A fresh stream holding one message that a worker dead-lettered with `reason`. */
async function deadLetterOne(id: string, source: Record<string, string>, reason: string) {
  const stream = freshStream()
  const q = await openNatsQueue(NATS_URL, { stream })
  await q.publish(id, Buffer.concat([Buffer.from(JSON.stringify({ source }) + '\n'), Buffer.from('some text')]))
  const m = await q.next({ waitMs: 2000 })
  assert.ok(m)
  await m.deadLetter(reason)
  return { stream, q }
}

describe('scale-out operations', { timeout: 120_000 }, () => {
  it('openStore picks PostgreSQL for a postgres:// URL, and ingest --db stores and clusters there', async () => {
    const db = freshDb()
    const run = await cli('ingest', seedsDir, '--db', db, '--quiet')
    assert.equal(run.code, 0, run.stderr)
    const store = openStore(db)
    assert.equal(store.driver, 'postgres')
    const n = await store.countArticles()
    assert.ok(n >= 5, `seeds stored: ${n}`)
    const stories = await store.listStories()
    assert.ok(stories.items.length >= 1 && stories.items.length < n, 'the seeds share a story')
    await store.close()
  })

  it('ingest --queue publishes and returns (a re-sent article is accepted once); a worker stores it with its pipeline version', async () => {
    const db = freshDb()
    const stream = freshStream()
    const first = await cli('ingest', seedsDir, '--queue', NATS_URL, '--stream', stream)
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stderr, /(\d+) read, \1 queued, 0 duplicate/)
    const again = await cli('ingest', seedsDir, '--queue', NATS_URL, '--stream', stream)
    assert.match(again.stderr, /(\d+) read, 0 queued, \1 duplicate/)
    const store = openPostgresStore(db)
    assert.equal(await store.countArticles(), 0, 'ingest with a queue leaves the work to workers')
    const worker = await cli('worker', '--db', db, '--queue', NATS_URL, '--stream', stream, '--exit-when-idle')
    assert.equal(worker.code, 0, worker.stderr)
    const rows = await store.query<{ v: string | null; raw: boolean; story: string | null }>(
      'SELECT a.pipeline_version AS v, r.article_id IS NOT NULL AS raw, a.story_id AS story FROM articles a LEFT JOIN raw_documents r ON r.article_id = a.id')
    assert.ok(rows.length >= 5)
    assert.ok(rows.every((r) => r.v === PIPELINE_VERSION && r.raw && r.story !== null), JSON.stringify(rows))
    await store.close()
  })

  it('reprocess brings articles made by another pipeline version up to date, in place', async () => {
    const db = freshDb()
    const stream = freshStream()
    await cli('ingest', seedsDir, '--queue', NATS_URL, '--stream', stream, '--quiet')
    await cli('worker', '--db', db, '--queue', NATS_URL, '--stream', stream, '--exit-when-idle')
    const store = openPostgresStore(db)
    const before = await store.query<{ id: string; story_id: string }>('SELECT id, story_id FROM articles ORDER BY id')
    // an older pipeline: a different version and no quotes or entities found
    const old = await store.getArticles(before.map((r) => r.id))
    for (const a of old) await store.query(`UPDATE articles SET pipeline_version = 'old', data = $2 WHERE id = $1`, [a.id, JSON.stringify({ ...a, text: undefined, quotes: [], entities: [] })])
    const run = await cli('reprocess', '--db', db)
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, new RegExp(`${before.length} updated .* \\(${before.length} from raw bytes`))
    const after = await store.query<{ id: string; story_id: string; pipeline_version: string }>('SELECT id, story_id, pipeline_version FROM articles ORDER BY id')
    assert.deepEqual(after.map((r) => [r.id, r.story_id]), before.map((r) => [r.id, r.story_id]), 'ids and stories are kept')
    assert.ok(after.every((r) => r.pipeline_version === PIPELINE_VERSION))
    const fresh = await store.getArticles(before.map((r) => r.id))
    assert.ok(fresh.some((a) => a.quotes.length > 0) && fresh.every((a) => a.entities.length > 0), 'annotations are back')
    const nothing = await cli('reprocess', '--db', db)
    assert.match(nothing.stderr, / 0 updated/, 'articles at the current version are skipped')
    // shards split the archive without overlap: together they cover every article once
    const counts = []
    for (const shard of ['0/2', '1/2']) {
      const part = await cli('reprocess', '--db', db, '--all', '--shard', shard)
      assert.equal(part.code, 0, part.stderr)
      counts.push(Number(/(\d+) updated to/.exec(part.stderr)?.[1]))
    }
    assert.equal(counts[0] + counts[1], before.length)
    assert.ok(counts.every((n) => n > 0 && n < before.length), counts.join(' '))
    assert.equal((await cli('reprocess', '--db', db, '--shard', '2/2')).code, 2, 'a shard index out of range is a usage error')
    await store.close()
  })

  it('dead-letters lists what the workers gave up on and puts it back with --retry', async () => {
    const { stream, q } = await deadLetterOne('deadbeef', { kind: 'text', path: 'broken.txt' }, 'store down')
    const list = await cli('dead-letters', '--queue', NATS_URL, '--stream', stream)
    assert.equal(list.code, 0, list.stderr)
    const entries = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; reason: string; source: string })
    assert.deepEqual(entries.map((e) => [e.id, e.reason, e.source]), [['deadbeef', 'store down', 'broken.txt']])
    assert.equal((await cli('dead-letters', '--queue', NATS_URL, '--stream', stream, '--retry', 'nosuch')).code, 1)
    const retry = await cli('dead-letters', '--queue', NATS_URL, '--stream', stream, '--retry', 'deadbeef')
    assert.equal(retry.code, 0, retry.stderr)
    assert.deepEqual(await q.stats(), { pending: 1, inFlight: 0, deadLetters: 0 })
    await q.close()
  })

  it('the API lists dead letters and retries one (a write: the API key is needed when set); without a queue it says so', async () => {
    const { stream, q } = await deadLetterOne('feedface', { kind: 'url', url: 'https://news.example/broken' }, 'cannot parse')
    const store = openStore(freshDb())
    const queue = new LazyQueue(() => openNatsQueue(NATS_URL, { stream }))
    const app = buildServer(new Library(store), { queue, apiKey: 'sesame' })
    const list = await app.inject({ method: 'GET', url: '/v1/dead-letters' })
    assert.equal(list.statusCode, 200, list.body)
    assert.deepEqual(list.json().items.map((d: { id: string; reason: string; source: string }) => [d.id, d.reason, d.source]), [['feedface', 'cannot parse', 'https://news.example/broken']])
    assert.equal((await app.inject({ method: 'POST', url: '/v1/dead-letters/feedface/retry' })).statusCode, 401)
    const retry = await app.inject({ method: 'POST', url: '/v1/dead-letters/feedface/retry', headers: { authorization: 'Bearer sesame' } })
    assert.deepEqual([retry.statusCode, retry.json().requeued], [200, true])
    assert.deepEqual(await q.stats(), { pending: 1, inFlight: 0, deadLetters: 0 })
    const again = await app.inject({ method: 'POST', url: '/v1/dead-letters/feedface/retry', headers: { authorization: 'Bearer sesame' } })
    assert.equal(again.statusCode, 404)
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths)
    assert.ok(paths.includes('/v1/dead-letters') && paths.includes('/v1/dead-letters/{id}/retry'), paths.join(' '))
    await app.close()
    await queue.close()
    const noQueue = buildServer(new Library(store))
    const none = await noQueue.inject({ method: 'GET', url: '/v1/dead-letters' })
    assert.deepEqual([none.statusCode, none.json().title], [404, 'No queue'])
    await noQueue.close()
    await q.close()
    await store.close()
  })

  it('/healthz answers while the database is down; /readyz and POST /v1/ingest answer 503', async () => {
    const store = openStore(CLOSED_PG)
    const app = buildServer(new Library(store))
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)
    const ready = await app.inject({ method: 'GET', url: '/readyz' })
    assert.equal(ready.statusCode, 503)
    assert.notEqual(ready.json().checks.database, 'ok')
    const post = await app.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [{ text: 'A council met on Tuesday and voted.' }] } })
    assert.equal(post.statusCode, 503)
    assert.equal(post.headers['content-type'], 'application/problem+json; charset=utf-8')
    await app.close()
    await store.close().catch(() => {})
  })

  it('with a queue that is down, POST /v1/ingest answers 503; with both up, /readyz is 200 and ingest publishes', async () => {
    const store = openStore(freshDb())
    const down = buildServer(new Library(store), { queue: new LazyQueue(() => openNatsQueue(CLOSED_NATS, { timeoutMs: 1000 })) })
    const post = await down.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [{ text: 'A council met on Tuesday and voted.' }] } })
    assert.equal(post.statusCode, 503, post.body)
    assert.match(post.json().detail, /queue unavailable/)
    assert.equal((await down.inject({ method: 'GET', url: '/readyz' })).json().checks.database, 'ok')
    await down.close()
    const stream = freshStream()
    const queue = new LazyQueue(() => openNatsQueue(NATS_URL, { stream }))
    const up = buildServer(new Library(store), { queue })
    assert.equal((await up.inject({ method: 'GET', url: '/readyz' })).statusCode, 200)
    const ok = await up.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [{ text: 'A council met on Tuesday and voted.' }, { text: 'A council met on Tuesday and voted.' }] } })
    assert.deepEqual([ok.statusCode, ok.json().new, ok.json().duplicate], [200, 1, 1])
    await up.close()
    await queue.close()
    await store.close()
  })
})
