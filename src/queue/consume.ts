/**
 * The worker loop shared by every queue: take a message, run the handler, acknowledge; on failure
 * retry with exponential back-off, and after `maxAttempts` deliveries move it to the dead letters.
 * A message redelivered because its worker died counts as an attempt too.
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
  /** Stop taking messages; the job in hand is finished first. */
  signal?: AbortSignal
  /** While a job runs, tell the queue it is alive this often, in ms. */
  heartbeatMs?: number
  onEvent?: (event: ConsumeEvent) => void
}

/** What happened to one delivery. */
export type ConsumeEvent =
  | { kind: 'done'; id: string; seq: number; attempt: number }
  | { kind: 'retry'; id: string; seq: number; attempt: number; delayMs: number; error: string }
  | { kind: 'dead'; id: string; seq: number; attempt: number; error: string }

/** Counts of what a `consume` run did. */
export interface ConsumeTally {
  done: number
  retried: number
  dead: number
}

/** Back-off before the retry that follows delivery `attempt`. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
}

/** Runs `handler` on messages until stopped (or idle, with `exitWhenIdle`). */
export async function consume(queue: Queue, handler: (message: QueueMessage) => Promise<void>, options: ConsumeOptions = {}): Promise<ConsumeTally> {
  const { waitMs = 1000, exitWhenIdle = false, signal } = options
  const tally: ConsumeTally = { done: 0, retried: 0, dead: 0 }
  while (!signal?.aborted) {
    const message = await queue.next({ waitMs })
    if (!message) {
      if (exitWhenIdle && (await isIdle(queue))) break
      continue
    }
    await handleOne(message, handler, options, tally)
  }
  return tally
}

async function isIdle(queue: Queue): Promise<boolean> {
  const s = await queue.stats()
  return s.pending === 0 && s.inFlight === 0
}

async function handleOne(message: QueueMessage, handler: (m: QueueMessage) => Promise<void>, options: ConsumeOptions, tally: ConsumeTally): Promise<void> {
  const { maxAttempts = 5, backoffMs = 1000, maxBackoffMs = 60_000, heartbeatMs = 5000, onEvent = () => {} } = options
  const base = { id: message.id, seq: message.seq, attempt: message.attempt }
  if (message.attempt > maxAttempts) {
    // redelivered after timeouts (its workers died or hung) more often than allowed
    const error = `gave up after ${maxAttempts} deliveries without an acknowledgement`
    await message.deadLetter(error)
    tally.dead++
    return onEvent({ kind: 'dead', ...base, error })
  }
  const beat = setInterval(() => message.extend(), heartbeatMs)
  try {
    await handler(message)
    await message.ack()
    tally.done++
    onEvent({ kind: 'done', ...base })
  } catch (failure) {
    const error = (failure as Error)?.message ?? String(failure)
    if (message.attempt >= maxAttempts) {
      await message.deadLetter(error)
      tally.dead++
      return onEvent({ kind: 'dead', ...base, error })
    }
    const delayMs = backoffDelay(message.attempt, backoffMs, maxBackoffMs)
    await message.retry(delayMs)
    tally.retried++
    onEvent({ kind: 'retry', ...base, delayMs, error })
  } finally {
    clearInterval(beat)
  }
}
