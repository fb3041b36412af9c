/**
 * Runs the per-article stages (extract, then annotate) and the building of stories in worker
 * threads, so a large batch uses every core. Both are pure functions of what they are sent (one
 * article; one story's cluster and articles), so the result does not depend on which worker ran
 * it; callers read the results in their own order.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { StoryCluster } from '../cluster/index.js'
import type { DocumentOptions } from '../document.js'
import type { StoryOptions } from '../pipeline.js'
import type { Annotated, Article, RawDocument, Story } from '../types.js'

export type PerArticleStage = 'extract' | 'annotate'

/** What a worker sends back for one job: the article, or why it failed. */
export type JobResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** One article through a per-article stage, or one story built (`buildStory`) from its cluster and articles. */
export type JobRequest =
  | { id: number; stage: PerArticleStage; raw: RawDocument; options: DocumentOptions }
  | { id: number; stage: 'story'; cluster: StoryCluster; articles: Annotated[]; options: StoryOptions }

export interface PoolOptions {
  /** Worker threads; default: the cores this process may use, at most 8. */
  threads?: number
  /**
   * Longest one document may take, in ms: past it the worker running it is ended (synchronous
   * work cannot be interrupted any other way), the document fails as `limit` and a new worker
   * takes its place. Default: no budget. Story jobs (`runStory`) have none.
   */
  jobTimeoutMs?: number
  /**
   * The pool will build stories: each worker loads the cross-article stages as it starts, so that
   * a pool started early (while this thread reads and annotates) has them ready when the stories come.
   */
  stories?: boolean
}

// From dist/ the worker is the built .js. Under tsx (tests, development) it is the .ts source,
// and the worker thread registers tsx itself: loader hooks of the main thread do not carry over.
const fromSource = import.meta.url.endsWith('.ts')
const workerUrl = new URL(fromSource ? './stage.worker.ts' : './stage.worker.js', import.meta.url)

/** What a worker is told when it starts: `stories`, load the cross-article stages at once (for a pool that will build stories). */
export interface WorkerStart {
  stories: boolean
}

function startWorker(start: WorkerStart): Worker {
  if (!fromSource) return new Worker(workerUrl, { workerData: start })
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}) })`
  return new Worker(boot, { eval: true, workerData: start })
}

/**
 * Worker threads for a large command-line batch (`LARGE_BATCH_FROM` inputs or more in the CLI), the
 * per-article stages and the stories alike: every core the process may use, at most 8. The main
 * thread only reads the inputs, hands them over and takes the results, so a core kept for it idles:
 * on 2 cores, 2 workers annotate 2,000 generated articles in 3.3-3.6 s of wall time against
 * 4.2-4.3 s in the main thread alone (2026-12-07), while on 30 or 60 inputs starting them costs
 * about 0.1 s more than it saves.
 */
export function batchThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()))
}

/**
 * Worker threads for a long-running process whose main thread has work of its own (the server
 * answers requests and runs the cross-article stages): one core is left to it.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1))
}

/** Workers that may fail one after another (not by a time budget) before the pool stops starting new ones. */
const MAX_FAILURES_IN_A_ROW = 4

interface Job {
  request: JobRequest
  resolve: (result: JobResult<Article | Annotated | Story>) => void
}

interface Slot {
  worker: Worker
  /** The worker has loaded its modules: a job's time budget starts when it is handed over, not while the worker boots. */
  ready: boolean
  job: Job | null
  timer: NodeJS.Timeout | null
}

/**
 * A fixed set of worker threads running per-article stages, one document per worker at a time, so
 * that a document over its time budget can be stopped by ending its worker alone.
 * @example const pool = new StagePool(); const r = await pool.run('annotate', raw, {}); await pool.close()
 */
export class StagePool {
  readonly #slots: Slot[] = []
  readonly #waiting: Job[] = []
  readonly #jobTimeoutMs: number | null
  readonly #start: WorkerStart
  #next = 0
  /** Workers that failed one after another without finishing a job: past a few, the pool gives up. */
  #failuresInARow = 0
  /** Set once the pool is closed: later jobs fail at once instead of waiting forever. */
  #closed: string | null = null

  constructor({ threads = defaultThreads(), jobTimeoutMs, stories = false }: PoolOptions = {}) {
    this.#jobTimeoutMs = jobTimeoutMs ?? null
    this.#start = { stories }
    for (let i = 0; i < threads; i++) this.#slots.push(this.#startSlot())
  }

  /** Worker threads the pool runs. */
  get size(): number {
    return this.#slots.length
  }

  /** Runs one article through `stage` on the next free worker. */
  run<S extends PerArticleStage>(stage: S, raw: RawDocument, options: DocumentOptions = {}): Promise<JobResult<S extends 'annotate' ? Annotated : Article>> {
    if (this.#closed) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.#closed } })
    return new Promise((resolve) => {
      this.#waiting.push({ request: { id: this.#next++, stage, raw, options }, resolve: resolve as Job['resolve'] })
      this.#dispatch()
    })
  }

  /** Builds one story (`buildStory`) on the next free worker. */
  runStory(cluster: StoryCluster, articles: Annotated[], options: StoryOptions = {}): Promise<JobResult<Story>> {
    if (this.#closed) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.#closed } })
    return new Promise((resolve) => {
      this.#waiting.push({ request: { id: this.#next++, stage: 'story', cluster, articles, options }, resolve: resolve as Job['resolve'] })
      this.#dispatch()
    })
  }

  /** Why the pool runs no more jobs (closed, or its workers kept failing), or null while it does. */
  get stopped(): string | null {
    return this.#closed
  }

  /** Stops every worker; jobs still pending fail. */
  async close(): Promise<void> {
    this.#closed ??= 'the worker pool was closed'
    const workers = this.#slots.map((slot) => {
      this.#settle(slot, { ok: false, error: { code: 'internal', message: 'the worker pool was closed' } })
      return slot.worker
    })
    for (const job of this.#waiting.splice(0)) job.resolve({ ok: false, error: { code: 'internal', message: 'the worker pool was closed' } })
    await Promise.all(workers.map((w) => w.terminate()))
  }

  #startSlot(): Slot {
    const slot: Slot = { worker: startWorker(this.#start), ready: false, job: null, timer: null }
    slot.worker.on('message', (message: { ready: true } | { id: number; result: JobResult<Article | Annotated | Story> }) => {
      if ('ready' in message) slot.ready = true
      else if (slot.job?.request.id === message.id) {
        this.#failuresInARow = 0
        this.#settle(slot, message.result)
      }
      this.#dispatch()
    })
    slot.worker.on('error', (error) => this.#replace(slot, `worker thread failed: ${error.message}`, 'internal'))
    slot.worker.on('exit', () => this.#replace(slot, 'a worker thread stopped', 'internal'))
    return slot
  }

  /** Hands waiting jobs to free workers. */
  #dispatch(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job || this.#waiting.length === 0) continue
      const job = this.#waiting.shift()!
      slot.job = job
      // The budget is per document: a story's build has none (it is as long as its articles make it).
      if (this.#jobTimeoutMs !== null && job.request.stage !== 'story') {
        const ms = this.#jobTimeoutMs
        slot.timer = setTimeout(() => this.#replace(slot, `document took over ${ms} ms (jobTimeoutMs); stopped`, 'limit'), ms)
      }
      slot.worker.postMessage(job.request)
    }
  }

  #settle(slot: Slot, result: JobResult<Article | Annotated | Story>): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    const job = slot.job
    slot.job = null
    job?.resolve(result)
  }

  /** Fails the slot's job, ends its worker and starts another in its place (unless the pool is closed). */
  #replace(slot: Slot, message: string, code: string): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    this.#settle(slot, { ok: false, error: { code, message } })
    if (code === 'internal' && ++this.#failuresInARow > MAX_FAILURES_IN_A_ROW) {
      this.#closed ??= message
      for (const job of this.#waiting.splice(0)) job.resolve({ ok: false, error: { code: 'internal', message } })
    }
    if (this.#closed) return
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => {})
    void slot.worker.terminate()
    this.#slots[index] = this.#startSlot()
    this.#dispatch()
  }
}
