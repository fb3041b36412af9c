/**
 * The worker loop shared by every queue: take a message, run the handler, acknowledge; on failure
 * retry with exponential back-off, and after `maxAttempts` deliveries move it to the dead letters.
 * A message redelivered because its worker died counts as an attempt too.
 *
 * Outages are not the message's fault. When the queue cannot be reached, the loop waits and asks
 * again (the client reconnects by itself) instead of ending. When a handler fails while
 * `available()` says a dependency is down, the message is held (kept alive, not counted as an
 * attempt) and run again once the dependency answers, so an outage sends nothing to the dead letters.
 */
import type { Queue, QueueMessage } from './queue.js'

export interface ConsumeOptions {
  /** Deliveries before a message is dead-lettered. */
  maxAttempts?: number
  /** Delay before the first retry; doubles on each further attempt, in ms. */
  backoffMs?: number
  maxBackoffMs?: number
  /** How long one `next` waits for a message, in ms. */
  waitMs?: number
  /** Return once the queue has nothing pending and nothing in flight. */
  exitWhenIdle?: boolean
  /** Stop taking messages; the jobs in hand are finished first. */
  signal?: AbortSignal
  /** While a job runs, tell the queue it is alive this often, in ms. */
  heartbeatMs?: number
  /**
   * Messages handled at once. The handlers' CPU work still runs one at a time; what overlaps is
   * their waiting (database commits, acknowledgements), which a group-committing handler turns
   * into fewer, larger commits.
   */
  concurrency?: number
  /** Message bytes in hand at once: no further message is taken past this (one always is). */
  maxBytes?: number
  /**
   * Whether the handler's dependencies answer (e.g. a database ping). Asked after a failure: false
   * holds the message until it turns true again. Without it every failure counts as an attempt.
   */
  available?: () => Promise<boolean>
  /** Longest wait between checks while the queue or a dependency is down, in ms. */
  maxOutageWaitMs?: number
  onEvent?: (event: ConsumeEvent) => void
}

/** What happened to one delivery, or to the loop's dependencies. */
export type ConsumeEvent =
  | { kind: 'done'; id: string; seq: number; attempt: number }
  | { kind: 'retry'; id: string; seq: number; attempt: number; delayMs: number; error: string }
  | { kind: 'dead'; id: string; seq: number; attempt: number; error: string }
  | { kind: 'unavailable'; what: 'queue' | 'dependency'; error: string; waitMs: number }
  | { kind: 'recovered'; what: 'queue' | 'dependency' }

/** Counts of what a `consume` run did. */
export interface ConsumeTally {
  done: number
  retried: number
  dead: number
  /** Handler runs repeated because a dependency was down (not counted as attempts). */
  held: number
}

/** Back-off before the retry that follows delivery `attempt`. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

/** Runs `handler` on messages until stopped (or idle, with `exitWhenIdle`). */
export async function consume(queue: Queue, handler: (message: QueueMessage) => Promise<void>, options: ConsumeOptions = {}): Promise<ConsumeTally> {
  const { waitMs = 1000, exitWhenIdle = false, signal, concurrency = 1, maxBytes = Infinity, maxOutageWaitMs = 10_000, onEvent = () => {} } = options
  const tally: ConsumeTally = { done: 0, retried: 0, dead: 0, held: 0 }
  const running = new Set<Promise<void>>()
  let bytes = 0
  let queueDown = 0
  const queueFailed = async (error: unknown): Promise<void> => {
    const wait = Math.min(maxOutageWaitMs, 250 * 2 ** queueDown++)
    onEvent({ kind: 'unavailable', what: 'queue', error: (error as Error)?.message ?? String(error), waitMs: wait })
    await sleep(wait, signal)
  }
  while (!signal?.aborted) {
    if (running.size >= Math.max(1, concurrency) || (running.size > 0 && bytes >= maxBytes)) {
      await Promise.race(running)
      continue
    }
    let message: QueueMessage | null
    try {
      // a batch job ends as soon as the queue is drained, not after another wait for messages
      if (exitWhenIdle && running.size === 0 && (await isIdle(queue))) break
      // with jobs in hand, do not block on an empty queue: finish them first
      message = await queue.next({ waitMs: running.size > 0 ? 0 : waitMs })
      if (queueDown > 0) onEvent({ kind: 'recovered', what: 'queue' })
      queueDown = 0
    } catch (error) {
      await queueFailed(error)
      continue
    }
    if (!message) {
      if (running.size > 0) {
        await Promise.race(running)
        continue
      }
      try {
        if (exitWhenIdle && (await isIdle(queue))) break
      } catch (error) {
        await queueFailed(error)
      }
      continue
    }
    const size = message.data.length
    bytes += size
    const job: Promise<void> = handleOne(message, handler, options, tally).finally(() => {
      running.delete(job)
      bytes -= size
    })
    running.add(job)
  }
  await Promise.all(running)
  return tally
}

async function isIdle(queue: Queue): Promise<boolean> {
  const s = await queue.stats()
  return s.pending === 0 && s.inFlight === 0
}

async function handleOne(message: QueueMessage, handler: (m: QueueMessage) => Promise<void>, options: ConsumeOptions, tally: ConsumeTally): Promise<void> {
  const { maxAttempts = 5, backoffMs = 1000, maxBackoffMs = 60_000, heartbeatMs = 5000, maxOutageWaitMs = 10_000, available, signal, onEvent = () => {} } = options
  const base = { id: message.id, seq: message.seq, attempt: message.attempt }
  // the queue may be down as well: a failed acknowledgement only means a later redelivery, which
  // the handler treats as a duplicate
  const settle = (op: Promise<void>): Promise<void> => op.catch(() => {})
  if (message.attempt > maxAttempts) {
    // redelivered after timeouts (its workers died or hung) more often than allowed
    const error = `gave up after ${maxAttempts} deliveries without an acknowledgement`
    await settle(message.deadLetter(error))
    tally.dead++
    return onEvent({ kind: 'dead', ...base, error })
  }
  const beat = setInterval(() => message.extend(), heartbeatMs)
  try {
    for (let outage = 0; ; outage++) {
      try {
        await handler(message)
        if (outage > 0) onEvent({ kind: 'recovered', what: 'dependency' })
        await settle(message.ack())
        tally.done++
        return onEvent({ kind: 'done', ...base })
      } catch (failure) {
        const error = (failure as Error)?.message ?? String(failure)
        if (available && !(await available().catch(() => false))) {
          // not this message's fault: keep it (the heartbeat keeps it ours) and run it again later
          const wait = Math.min(maxOutageWaitMs, 250 * 2 ** outage)
          onEvent({ kind: 'unavailable', what: 'dependency', error, waitMs: wait })
          tally.held++
          await sleep(wait, signal)
          if (signal?.aborted) {
            // stopping: give the message back at once rather than after the ack wait
            await settle(message.retry(0))
            return
          }
          continue
        }
        if (message.attempt >= maxAttempts) {
          await settle(message.deadLetter(error))
          tally.dead++
          return onEvent({ kind: 'dead', ...base, error })
        }
        const delayMs = backoffDelay(message.attempt, backoffMs, maxBackoffMs)
        await settle(message.retry(delayMs))
        tally.retried++
        return onEvent({ kind: 'retry', ...base, delayMs, error })
      }
    }
  } finally {
    clearInterval(beat)
  }
}
