/**
 * `npm run bench -- workers [--articles N] [--seed N]`: scale-out throughput. Publishes the same
 * generated articles to a fresh JetStream stream and PostgreSQL schema, then times
 * `parallax worker --exit-when-idle` with 1 process and with 2 processes until the stream is
 * drained and every article is in a story. Prints articles/s for each and the ratio (issue 8
 * target: >= 1.7 on a 2-core machine). Needs the machine's PostgreSQL and NATS (started if down).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpus } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openNatsQueue } from '../src/queue/nats.js'
import { encodeRaw } from '../src/queue/work.js'
import type { RawDocument } from '../src/types.js'
import { dropSchemas, ensureService, NATS_URL, PG_URL } from '../test/helpers/services.js'
import { generateCorpus } from './corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = resolve(root, 'test/helpers/worker-process.ts')

/** One timed run: `processes` workers over `articles` published documents. */
export interface WorkersRow {
  processes: number
  articles: number
  seconds: number
  perSecond: number
  stored: number
  assigned: number
}

/** Publishes `raws` to a fresh stream; returns the stream name and a fresh schema URL. */
async function prepare(raws: readonly RawDocument[]): Promise<{ stream: string; schema: string; db: string }> {
  const tag = randomBytes(4).toString('hex')
  const stream = `PARALLAX_BENCH_${tag.toUpperCase()}`
  const schema = `parallax_bench_${tag}`
  const q = await openNatsQueue(NATS_URL, { stream })
  for (const raw of raws) {
    const { id, data } = encodeRaw(raw)
    await q.publish(id, data)
  }
  await q.close()
  return { stream, schema, db: `${PG_URL}?schema=${schema}` }
}

function runWorker(db: string, stream: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--db', db, '--queue', NATS_URL, '--stream', stream, '--exit-when-idle'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`worker exit ${code}: ${err.slice(-2000)}`))))
  })
}

async function dropStream(stream: string): Promise<void> {
  const q = await openNatsQueue(NATS_URL, { stream })
  const jsm = await q.nc.jetstreamManager()
  for (const name of [stream, `${stream}_DEAD`]) await jsm.streams.delete(name).catch(() => {})
  await q.close()
}

/** Times `processes` workers draining a fresh stream of `raws`. */
export async function timeWorkers(raws: readonly RawDocument[], processes: number): Promise<WorkersRow> {
  const { stream, schema, db } = await prepare(raws)
  try {
    const started = performance.now()
    await Promise.all(Array.from({ length: processes }, () => runWorker(db, stream)))
    const seconds = (performance.now() - started) / 1000
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    const { rows } = await client.query<{ n: string; a: string }>(`SELECT count(*) AS n, count(story_id) AS a FROM "${schema}".articles`)
    await client.end()
    return { processes, articles: raws.length, seconds, perSecond: raws.length / seconds, stored: Number(rows[0].n), assigned: Number(rows[0].a) }
  } finally {
    await dropSchemas([schema])
    await dropStream(stream)
  }
}

/** Runs the bench and prints the table. */
export async function benchWorkersCli(argv: string[]): Promise<{ rows: WorkersRow[]; ratio: number }> {
  const { values } = parseArgs({ args: argv, options: { articles: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } } })
  await ensureService('postgres')
  await ensureService('nats')
  const encoder = new TextEncoder()
  const raws: RawDocument[] = generateCorpus(Number(values.articles), Number(values.seed)).articles
    .map((a) => ({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt }))
  const rows = [await timeWorkers(raws, 1), await timeWorkers(raws, 2)]
  const ratio = rows[1].perSecond / rows[0].perSecond
  console.log(`workers bench: ${raws.length} generated articles (seed ${values.seed}), ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`)
  console.log('processes  seconds  articles/s  stored  in a story')
  for (const r of rows) console.log(`${String(r.processes).padStart(9)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.perSecond.toFixed(0).padStart(10)}  ${String(r.stored).padStart(6)}  ${String(r.assigned).padStart(10)}`)
  console.log(`ratio 2 / 1 processes: ${ratio.toFixed(2)} (target >= 1.7)`)
  return { rows, ratio }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await benchWorkersCli(process.argv.slice(2))
