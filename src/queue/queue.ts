/**
 * The work queue between ingest and workers. Two implementations share this shape: `local.ts`
 * (in-process, the default) and `nats.ts` (NATS JetStream, many processes on many machines).
 * Messages carry an id (the content hash) that makes a re-sent message a duplicate, a stream
 * sequence (publish order, which the single clustering consumer follows) and a delivery count.
 */

/** One delivery of a message; exactly one of `ack`, `retry` or `deadLetter` ends it. */
export interface QueueMessage {
  readonly id: string
  /** Position in publish order (1, 2, ...); stable across redeliveries. */
  readonly seq: number
  readonly data: Uint8Array
  /** 1 on first delivery, 2 on the first redelivery, ... */
  readonly attempt: number
  /** Done: never delivered again. */
  ack(): Promise<void>
  /** Give the message back, delivered again after `delayMs`. */
  retry(delayMs: number): Promise<void>
  /** Tell the queue the job is still running, so it is not redelivered to another worker yet. */
  extend(): void
  /** Move the message to the dead-letter list with a reason; it is not delivered again. */
  deadLetter(reason: string): Promise<void>
}

/** A message that failed too often, kept for inspection and manual retry. */
export interface DeadLetter {
  id: string
  seq: number
  reason: string
  attempts: number
  /** ISO time it was dead-lettered. */
  at: string
  data: Uint8Array
}

/** What is left to do: `pending` never delivered, `inFlight` delivered and not yet acknowledged. */
export interface QueueStats {
  pending: number
  inFlight: number
  deadLetters: number
}

/** A durable (or in-process) queue of raw articles. */
export interface Queue {
  readonly kind: 'local' | 'nats'
  /** Adds a message; a message whose id was published before is dropped (`duplicate: true`). */
  publish(id: string, data: Uint8Array): Promise<{ seq: number; duplicate: boolean }>
  /** The next message to work on, or null when none came within `waitMs`. */
  next(options?: { waitMs?: number }): Promise<QueueMessage | null>
  stats(): Promise<QueueStats>
  deadLetters(options?: { limit?: number }): Promise<DeadLetter[]>
  /** Puts a dead letter back on the queue as a fresh message; false when there is no such dead letter. */
  retryDeadLetter(id: string): Promise<boolean>
  close(): Promise<void>
}

/** Whether `location` names a NATS server. */
export function isNatsUrl(location: string): boolean {
  return /^nats:\/\//i.test(location)
}
