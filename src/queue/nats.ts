/**
 * The NATS JetStream queue: a durable stream of raw articles with the content hash as message id
 * (JetStream drops a re-sent id within the duplicate window), one durable pull consumer shared by
 * all workers (explicit ack, redelivery after `ackWaitMs`), and a dead-letter stream keyed by id.
 */
import { AckPolicy, connect, DeliverPolicy, headers, JSONCodec, type Consumer, type JetStreamClient, type JetStreamManager, type JsMsg, nanos, type NatsConnection, RetentionPolicy, StorageType } from 'nats'
import type { DeadLetter, Queue, QueueMessage, QueueStats } from './queue.js'

export interface NatsQueueOptions {
  /** Stream of raw articles; the dead-letter stream is `<stream>_DEAD`. */
  stream?: string
  /** Durable consumer shared by all workers. */
  consumer?: string
  /** An unacknowledged delivery is given to another worker after this time, in ms. */
  ackWaitMs?: number
  /** How long JetStream remembers message ids for dedup, in ms. */
  duplicateWindowMs?: number
  /**
   * How long the stream keeps a message, in ms (set when the stream is created): long enough for
   * workers to catch up after an outage; stored articles keep their raw bytes in the database, so
   * the stream is not the archive.
   */
  maxAgeMs?: number
  /** Connect (and publish) timeout, so a down server is an error rather than a hang, in ms. */
  timeoutMs?: number
  /**
   * Messages one pull request asks for: more saves round trips in a busy worker, but holds messages
   * in this process until its pull ends (1 suits callers that take one message now and then).
   */
  fetchBatch?: number
}

interface DeadMeta { reason: string; attempts: number; seq: number; at: string }
const codec = JSONCodec<DeadMeta>()

/** Connects to `url` (`nats://host:4222`) and makes sure the streams and the consumer exist. */
export async function openNatsQueue(url: string, options: NatsQueueOptions = {}): Promise<NatsQueue> {
  const { stream = 'PARALLAX_RAW', consumer = 'parallax-workers', ackWaitMs = 30_000, duplicateWindowMs = 24 * 3600_000, maxAgeMs = 7 * 24 * 3600_000, timeoutMs = 5000, fetchBatch = 1 } = options
  const u = new URL(url)
  const nc = await connect({ servers: `${u.hostname}:${u.port || 4222}`, timeout: timeoutMs, maxReconnectAttempts: -1 })
  const jsm = await nc.jetstreamManager({ timeout: timeoutMs })
  const subject = subjectOf(stream)
  await ensureStream(jsm, { name: stream, subjects: [subject], retention: RetentionPolicy.Limits, storage: StorageType.File, duplicate_window: nanos(duplicateWindowMs), max_age: nanos(maxAgeMs) })
  // one subject per dead id, keeping the last: listing and retrying by id need no scan
  await ensureStream(jsm, { name: `${stream}_DEAD`, subjects: [`${subject}.dead.>`], storage: StorageType.File, max_msgs_per_subject: 1 })
  await jsm.consumers.add(stream, {
    durable_name: consumer, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: nanos(ackWaitMs),
    // unlimited here: the worker loop counts deliveries and dead-letters, so no message silently stops
    max_deliver: -1, max_ack_pending: 10_000,
  })
  return new NatsQueue(nc, jsm, nc.jetstream({ timeout: timeoutMs }), stream, consumer, fetchBatch)
}

function subjectOf(stream: string): string {
  return `parallax.${stream.toLowerCase()}`
}

async function ensureStream(jsm: JetStreamManager, config: Parameters<JetStreamManager['streams']['add']>[0]): Promise<void> {
  try {
    await jsm.streams.info(config.name!)
  } catch {
    await jsm.streams.add(config)
  }
}

/** A queue on a JetStream server. */
export class NatsQueue implements Queue {
  readonly kind = 'nats'
  private readonly subject: string
  private handle: Consumer | null = null
  /** Delivered by the open pull request, not yet handed out by `next`. */
  private buffer: JsMsg[] = []
  private pumping: Promise<void> | null = null
  private pumpError: unknown = null
  private wake: (() => void) | null = null
  constructor(readonly nc: NatsConnection, private readonly jsm: JetStreamManager, private readonly js: JetStreamClient, readonly stream: string, private readonly consumer: string, private readonly fetchBatch = 1) {
    this.subject = subjectOf(stream)
  }

  async publish(id: string, data: Uint8Array): Promise<{ seq: number; duplicate: boolean }> {
    const ack = await this.js.publish(this.subject, data, { msgID: id })
    return { seq: ack.seq, duplicate: ack.duplicate }
  }

  async next({ waitMs = 1000 }: { waitMs?: number } = {}): Promise<QueueMessage | null> {
    const deadline = Date.now() + waitMs
    // a pull request opened by an earlier call may end empty before this call's wait is over
    do {
      if (this.buffer.length === 0 && !this.pumping) {
        this.pumpError = null
        this.pumping = this.pump(Math.max(0, deadline - Date.now())).catch((error: unknown) => void (this.pumpError = error)).finally(() => (this.pumping = null))
      }
      // the first message of a batch is handed out as soon as it arrives; the rest follow into the buffer
      if (this.buffer.length === 0) await Promise.race([this.pumping, new Promise<void>((resolve) => (this.wake = resolve))])
      if (this.buffer.length === 0 && this.pumpError) throw this.pumpError
    } while (this.buffer.length === 0 && Date.now() < deadline)
    const m = this.buffer.shift()
    return m ? this.wrap(m) : null
  }

  /** One pull request of up to `fetchBatch` messages, appended to the buffer as they arrive. */
  private async pump(waitMs: number): Promise<void> {
    this.handle ??= await this.js.consumers.get(this.stream, this.consumer)
    const batch = await this.handle.fetch({ max_messages: this.fetchBatch, expires: Math.max(1000, waitMs) })
    for await (const m of batch) {
      this.buffer.push(m)
      this.wake?.()
      this.wake = null
    }
  }

  async stats(): Promise<QueueStats> {
    const [info, dead] = await Promise.all([this.jsm.consumers.info(this.stream, this.consumer), this.jsm.streams.info(`${this.stream}_DEAD`)])
    return { pending: info.num_pending, inFlight: info.num_ack_pending, deadLetters: dead.state.messages }
  }

  async deadLetters({ limit = 100 }: { limit?: number } = {}): Promise<DeadLetter[]> {
    const info = await this.jsm.streams.info(`${this.stream}_DEAD`)
    const out: DeadLetter[] = []
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && out.length < limit; seq++) {
      const m = await this.jsm.streams.getMessage(`${this.stream}_DEAD`, { seq }).catch(() => null)
      if (m) out.push(this.deadOf(m.subject, m.data, m.header.get('Parallax-Meta')))
    }
    return out
  }

  async retryDeadLetter(id: string): Promise<boolean> {
    const dead = `${this.stream}_DEAD`
    const m = await this.jsm.streams.getMessage(dead, { last_by_subj: `${this.subject}.dead.${id}` }).catch(() => null)
    if (!m) return false
    // a new message id: the original id is still inside the duplicate window
    await this.js.publish(this.subject, m.data, { msgID: `${id}:retry:${m.seq}` })
    await this.jsm.streams.deleteMessage(dead, m.seq)
    return true
  }

  async close(): Promise<void> {
    // messages fetched but never started go back at once rather than after the ack wait
    for (const m of this.buffer.splice(0)) m.nak()
    await this.nc.drain().catch(() => this.nc.close())
  }

  private deadOf(subject: string, data: Uint8Array, meta: string): DeadLetter {
    const parsed = codec.decode(new TextEncoder().encode(meta))
    return { id: subject.slice(`${this.subject}.dead.`.length), seq: parsed.seq, reason: parsed.reason, attempts: parsed.attempts, at: parsed.at, data }
  }

  private wrap(m: JsMsg): QueueMessage {
    // a retried dead letter carries `<id>:retry:<n>`; the article id is the part before
    const id = (m.headers?.get('Nats-Msg-Id') ?? '').split(':')[0]
    return {
      id, seq: m.seq, data: m.data, attempt: m.info.deliveryCount,
      ack: async () => void (await m.ackAck()),
      retry: async (delayMs) => m.nak(delayMs),
      extend: () => m.working(),
      deadLetter: async (reason) => {
        const h = headers()
        h.set('Parallax-Meta', new TextDecoder().decode(codec.encode({ reason, attempts: m.info.deliveryCount, seq: m.seq, at: new Date().toISOString() })))
        await this.js.publish(`${this.subject}.dead.${id}`, m.data, { headers: h })
        m.term()
      },
    }
  }
}
