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
import { openPostgresStore } from '../src/store/postgres/driver.js'
import type { RawDocument } from '../src/types.js'
import { dropSchemas, ensureService, freshSchema, NATS_URL, PG_URL } from './helpers/services.js'

const N = Number(process.env.PARALLAX_SCALE_N ?? 2000)
const SCRIPT = fileURLToPath(new URL('./helpers/worker-process.ts', import.meta.url))
const schemas: string[] = []
const streams: string[] = []

before(async () => (await ensureService('postgres'), await ensureService('nats')))
after(async () => {
  await dropSchemas(schemas)
  const q = await openNatsQueue(NATS_URL, { stream: 'PARALLAX_T_CLEANUP' })
  const jsm = await q.nc.jetstreamManager()
  for (const s of [...streams, 'PARALLAX_T_CLEANUP']) for (const name of [s, `${s}_DEAD`]) await jsm.streams.delete(name).catch(() => {})
  await q.close()
})

const raws: RawDocument[] = generateCorpus(N, 7).articles.map((a) => ({ source: { kind: 'text', path: a.path }, bytes: new TextEncoder().encode(a.text) }))

/** A fresh schema and stream with every document published in input order. */
async function setup(): Promise<{ db: string; stream: string }> {
  const schema = freshSchema()
  const stream = `PARALLAX_T_${randomBytes(4).toString('hex').toUpperCase()}`
  schemas.push(schema)
  streams.push(stream)
  const q = await openNatsQueue(NATS_URL, { stream })
  for (const raw of raws) {
    const { id, data } = encodeRaw(raw)
    await q.publish(id, data)
  }
  await q.close()
  return { db: `${PG_URL}?schema=${schema}`, stream }
}

function worker(db: string, stream: string, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, 'worker', '--db', db, '--queue', NATS_URL, '--stream', stream, '--exit-when-idle', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, done, stderr: () => err }
}

/** Stories as a canonical partition: sorted lists of article ids. */
async function partition(db: string): Promise<string[]> {
  const store = openPostgresStore(db)
  const rows = await store.query<{ story_id: string | null; ids: string[] }>('SELECT story_id, array_agg(id ORDER BY id) AS ids FROM articles GROUP BY story_id')
  await store.close()
  assert.ok(rows.every((r) => r.story_id !== null), 'every stored article is in a story')
  return rows.map((r) => r.ids.join(',')).sort()
}

/** The same documents clustered in one process, in input order. */
function oneProcess(): string[] {
  const clusterer = new StoryClusterer()
  const groups = new Map<string, string[]>()
  const seen = new Set<string>()
  for (const raw of raws) {
    const article = annotate(extractArticle(raw))
    if (seen.has(article.id)) continue
    seen.add(article.id)
    const { storyId } = clusterer.add(article)
    groups.set(storyId, [...(groups.get(storyId) ?? []), article.id])
  }
  return [...groups.values()].map((ids) => ids.sort().join(',')).sort()
}

describe(`scale: workers over PostgreSQL and NATS (${N} articles)`, { timeout: 600_000 }, () => {
  const expected = oneProcess()

  it('two workers give the same stories as one process', async () => {
    const { db, stream } = await setup()
    const workers = [worker(db, stream), worker(db, stream)]
    const codes = await Promise.all(workers.map((w) => w.done))
    assert.deepEqual(codes, [0, 0], workers.map((w) => w.stderr()).join('\n'))
    const got = await partition(db)
    assert.equal(got.flatMap((s) => s.split(',')).length, expected.flatMap((s) => s.split(',')).length)
    assert.deepEqual(got, expected)
  })

  it('a worker killed with SIGKILL mid-job loses and duplicates nothing', async () => {
    const { db, stream } = await setup()
    const victim = worker(db, stream, ['--ack-wait', '2000'])
    // let it get going, then kill it without warning
    await new Promise((r) => setTimeout(r, 2500))
    victim.child.kill('SIGKILL')
    await victim.done
    const survivor = worker(db, stream, ['--ack-wait', '2000'])
    assert.equal(await survivor.done, 0, survivor.stderr())
    const got = await partition(db)
    const ids = got.flatMap((s) => s.split(','))
    assert.equal(new Set(ids).size, ids.length, 'no article in two stories')
    assert.deepEqual(got, expected)
  })
})
