/**
 * `parallax worker`: pulls raw articles from a NATS JetStream queue, runs extract + annotate,
 * stores them in PostgreSQL and acknowledges; one worker at a time also assigns stories (see
 * app/work.ts). SIGTERM/SIGINT: the job in hand is finished and acknowledged, then it exits.
 */
import type { Command } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { isNatsUrl } from '../queue/queue.js'
import { isPostgresUrl } from '../store/location.js'
import type { Io } from './run.js'

/**
 * Messages a worker handles at once (default): while one group of them commits, the next group is
 * processed, and each group's store writes share one commit (app/work.ts GroupWriter). Groups of
 * ~64 instead of ~4 (8 at once) cut PostgreSQL's CPU per article by 30-45% and NATS's by 40-60% on the
 * workers bench: most of a commit's cost is per statement and per flush, not per row.
 */
export const WORKER_CONCURRENCY = 128
/** Raw bytes a worker holds at once, whatever the count: a stream of huge documents cannot exhaust its memory. */
const WORKER_MAX_BYTES = 64 * 1024 * 1024
/** Messages a worker pulls per request: half its concurrency, so the next batch arrives while one is processed. */
const fetchBatchOf = (concurrency: number) => Math.max(1, Math.min(64, Math.ceil(concurrency / 2)))

export interface WorkerOptions {
  db?: string
  queue?: string
  exitWhenIdle?: boolean
  maxAttempts?: number
  ackWait?: number
  stream?: string
  concurrency?: number
}

/** Runs one worker until stopped (or idle); returns the exit code. */
export async function runWorker(options: WorkerOptions, io: Io, signal?: AbortSignal): Promise<number> {
  const db = options.db ?? process.env.PARALLAX_DB ?? ''
  const queueUrl = options.queue ?? process.env.PARALLAX_QUEUE ?? ''
  if (!isPostgresUrl(db)) throw new ParallaxUsageError('worker needs --db postgres://... (or PARALLAX_DB)')
  if (!isNatsUrl(queueUrl)) throw new ParallaxUsageError('worker needs --queue nats://host:4222 (or PARALLAX_QUEUE)')
  const concurrency = options.concurrency ?? WORKER_CONCURRENCY
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 10_000) throw new ParallaxUsageError(`--concurrency must be a whole number from 1 to 10000, not ${options.concurrency}`)
  // Loaded here, not at start: only a worker needs the queue and PostgreSQL drivers.
  const [{ consume }, { openNatsQueue }, { ClusterConsumer, GroupWriter, processMessage, recordOutcome }, { openPostgresStore }] = await Promise.all([
    import('../queue/consume.js'),
    import('../queue/nats.js'),
    import('../app/work.js'),
    import('../store/postgres/driver.js'),
  ])
  const store = openPostgresStore(db)
  const queue = await openNatsQueue(queueUrl, { ackWaitMs: options.ackWait ?? 30_000, fetchBatch: fetchBatchOf(concurrency), ...(options.stream ? { stream: options.stream } : {}) })
  const clusterer = new ClusterConsumer(store, {
    onLead: (t) => io.stderr.write(`worker: assigning stories (${t.snapshotSeq > 0 ? `from the snapshot at ledger row ${t.snapshotSeq}, ` : ''}${t.replayed} assignments replayed in ${t.ms} ms)\n`),
    onSnapshot: (r) => void ('error' in r && io.stderr.write(`worker: could not save the clustering snapshot at ledger row ${r.seq} (${r.error}); a takeover replays from the previous one\n`)),
  })
  const stop = new AbortController()
  signal?.addEventListener('abort', () => stop.abort())
  const onSignal = () => stop.abort()
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
  // the clustering consumer follows the ledger while messages are processed (one step at a time:
  // a tick that comes while a step runs is skipped, not queued)
  let clustering: Promise<void> | null = null
  const tick = setInterval(() => {
    clustering ??= clusterer.step(false).then(() => {}, () => {}).finally(() => (clustering = null))
  }, 200)
  const writer = new GroupWriter(store)
  try {
    let lastOutageLine = 0
    let outage = false
    const tally = await consume(queue, (m) => processMessage(store, m, writer), {
      maxAttempts: options.maxAttempts ?? 5, exitWhenIdle: options.exitWhenIdle, signal: stop.signal, concurrency, maxBytes: WORKER_MAX_BYTES,
      // a store that does not answer is an outage: messages wait for it instead of using up attempts
      available: () => store.ping().then(() => true, () => false),
      onEvent: (e) => {
        if (e.kind === 'dead') void recordOutcome(store, e.seq, null, 'dead', e.error).catch(() => {})
        if (e.kind === 'retry' || e.kind === 'dead') io.stderr.write(`worker: ${e.kind} ${e.id} (attempt ${e.attempt}): ${e.error}\n`)
        const what = e.kind === 'unavailable' || e.kind === 'recovered' ? (e.what === 'dependency' ? 'database' : 'queue') : ''
        if (e.kind === 'unavailable' && (!outage || Date.now() - lastOutageLine > 5000)) {
          // several jobs in hand see one outage: one line when it starts, then one every few seconds
          outage = true
          lastOutageLine = Date.now()
          io.stderr.write(`worker: ${what} unavailable (${e.error}); waiting for it\n`)
        }
        if (e.kind === 'recovered' && outage) {
          outage = false
          io.stderr.write(`worker: ${what} back; resuming\n`)
        }
      },
    })
    clearInterval(tick)
    await clustering
    // drained: the last worker standing (or the leader) assigns whatever the ledger still holds
    if (options.exitWhenIdle && !stop.signal.aborted) while ((await clusterer.step(true)) > 0);
    const cpu = process.cpuUsage()
    io.stderr.write(`worker: done ${tally.done}, retried ${tally.retried}, dead ${tally.dead}, held through an outage ${tally.held}; ${writer.groups} commits of ${(writer.written / Math.max(1, writer.groups)).toFixed(1)} messages on average; cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms\n`)
    return 0
  } finally {
    clearInterval(tick)
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    await clusterer.release()
    await queue.close()
    await store.close()
  }
}

/** Adds `worker` to the program. */
export function registerWorker(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('worker')
    .description('process queued raw articles: extract, annotate, store, assign stories (PostgreSQL + NATS JetStream)')
    .option('--db <url>', 'PostgreSQL URL (default: $PARALLAX_DB)')
    .option('--queue <url>', 'NATS URL, e.g. nats://127.0.0.1:4222 (default: $PARALLAX_QUEUE)')
    .option('--exit-when-idle', 'stop once the stream is drained')
    .option('--max-attempts <n>', 'deliveries before a message goes to the dead letters', Number)
    .option('--ack-wait <ms>', 'redeliver a job whose worker is silent this long', Number)
    .option('--stream <name>', 'JetStream stream name (default PARALLAX_RAW)')
    .option('--concurrency <n>', `messages handled at once, their store writes committed together (default ${WORKER_CONCURRENCY})`, Number)
    .action(async (options: WorkerOptions) => setResult(await runWorker(options, io)))
}
