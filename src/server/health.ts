/**
 * Health routes and the "dependency down" answer. `/healthz`: the process is up (no I/O).
 * `/readyz`: the database answers and, when the server publishes to a queue, the queue does too,
 * and the worker pool (when it has one) still runs jobs; 503 with which one failed otherwise (load balancers stop sending traffic). A request that needs a
 * dependency which is down answers 503 problem+json too, within the drivers' connect timeouts.
 */
import type { FastifyInstance } from 'fastify'
import type { Queue } from '../queue/queue.js'
import { StoreError, type Store } from '../store/store.js'

/** A dependency (database, queue) could not be reached; the server answers 503. */
export class ServiceUnavailable extends Error {
  override name = 'ServiceUnavailable'
  constructor(readonly dependency: 'database' | 'queue' | 'workers', cause: unknown) {
    super(`${dependency} unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }
}

/** Opens the queue on first use and again after a failure, so a server starts while NATS is down. */
export class LazyQueue {
  private opening: Promise<Queue> | null = null
  constructor(private readonly open: () => Promise<Queue>) {}

  /** The open queue; rejects with `ServiceUnavailable` when it cannot be opened. */
  get(): Promise<Queue> {
    this.opening ??= this.open().catch((error: unknown) => {
      this.opening = null
      throw new ServiceUnavailable('queue', error)
    })
    return this.opening
  }

  /** Runs `fn` on the queue; any failure is the queue being unavailable. */
  async use<T>(fn: (queue: Queue) => Promise<T>): Promise<T> {
    const queue = await this.get()
    try {
      return await fn(queue)
    } catch (error) {
      throw new ServiceUnavailable('queue', error)
    }
  }

  async close(): Promise<void> {
    const queue = await this.opening?.catch(() => null)
    await queue?.close()
  }
}

/** Whether `error` means a dependency is down (the answer is 503, not 500). */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ServiceUnavailable || error instanceof StoreError
}

/** A cheap round trip to the store: the driver's `ping` when it has one, else a count. */
async function pingStore(store: Store): Promise<void> {
  const s = store as Store & { ping?: () => Promise<void> }
  await (s.ping ? s.ping() : s.countArticles())
}

/** What `/readyz` asks of a worker pool: why it runs no more jobs, or null while it does (`StagePool.stopped`). */
export interface WorkerHealth {
  readonly stopped: string | null
}

/** Adds `/healthz` and `/readyz` (outside `/v1` and the OpenAPI document: they are for operators). */
export function registerHealth(app: FastifyInstance, store: Store, queue: LazyQueue | null, workers: WorkerHealth | null = null): void {
  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, string> = {}
    const probe = async (name: string, fn: () => Promise<unknown>) => {
      try {
        await fn()
        checks[name] = 'ok'
      } catch (error) {
        checks[name] = (error as Error).message
      }
    }
    const workersUp = async () => {
      if (workers?.stopped) throw new ServiceUnavailable('workers', new Error(workers.stopped))
    }
    await Promise.all([probe('database', () => pingStore(store)), ...(queue ? [probe('queue', () => queue.use((q) => q.stats()))] : []), ...(workers ? [probe('workers', workersUp)] : [])])
    const ready = Object.values(checks).every((v) => v === 'ok')
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks })
  })
}
