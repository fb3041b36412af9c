/**
 * The in-process queue: the same semantics as the JetStream one (dedup by id, redelivery after an
 * ack timeout or a retry delay, dead letters), kept in memory for single-process use and tests.
 */
import type { DeadLetter, Queue, QueueMessage, QueueStats } from './queue.js'

export interface LocalQueueOptions {
  /** A delivered message not acknowledged within this time is delivered again, in ms. */
  ackWaitMs?: number
  /** Ids remembered for dedup (oldest forgotten first). */
  maxRememberedIds?: number
}

interface Entry {
  id: string
  seq: number
  data: Uint8Array
  deliveries: number
  /** Bumped on each delivery so a stale delivery's ack or timer does nothing. */
  token: number
  timer: NodeJS.Timeout | null
}

/** An in-memory queue. */
export class LocalQueue implements Queue {
  readonly kind = 'local'
  private seq = 0
  private readonly ids = new Set<string>()
  private ready: Entry[] = []
  private readonly inFlight = new Map<number, Entry>()
  private readonly dead: DeadLetter[] = []
  private waiters: (() => void)[] = []
  private readonly ackWaitMs: number
  private readonly maxIds: number

  constructor({ ackWaitMs = 30_000, maxRememberedIds = 1_000_000 }: LocalQueueOptions = {}) {
    this.ackWaitMs = ackWaitMs
    this.maxIds = maxRememberedIds
  }

  async publish(id: string, data: Uint8Array): Promise<{ seq: number; duplicate: boolean }> {
    if (this.ids.has(id)) return { seq: 0, duplicate: true }
    this.ids.add(id)
    // a Set iterates in insertion order, so the first key is the oldest
    if (this.ids.size > this.maxIds) this.ids.delete(this.ids.values().next().value as string)
    this.enqueue({ id, seq: ++this.seq, data, deliveries: 0, token: 0, timer: null })
    return { seq: this.seq, duplicate: false }
  }

  async next({ waitMs = 1000 }: { waitMs?: number } = {}): Promise<QueueMessage | null> {
    if (this.ready.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => ((this.waiters = this.waiters.filter((w) => w !== wake)), resolve()), waitMs)
        const wake = () => (clearTimeout(timer), resolve())
        this.waiters.push(wake)
      })
    }
    const entry = this.ready.shift()
    return entry ? this.deliver(entry) : null
  }

  async stats(): Promise<QueueStats> {
    return { pending: this.ready.length, inFlight: this.inFlight.size, deadLetters: this.dead.length }
  }

  async deadLetters({ limit = 100 }: { limit?: number } = {}): Promise<DeadLetter[]> {
    return this.dead.slice(0, limit)
  }

  async retryDeadLetter(id: string): Promise<boolean> {
    const i = this.dead.findIndex((d) => d.id === id)
    if (i < 0) return false
    const [d] = this.dead.splice(i, 1)
    this.enqueue({ id, seq: ++this.seq, data: d.data, deliveries: 0, token: 0, timer: null })
    return true
  }

  async close(): Promise<void> {
    for (const e of this.inFlight.values()) if (e.timer) clearTimeout(e.timer)
    this.inFlight.clear()
    for (const wake of this.waiters.splice(0)) wake()
  }

  private enqueue(entry: Entry): void {
    this.ready.push(entry)
    this.waiters.shift()?.()
  }

  private deliver(entry: Entry): QueueMessage {
    entry.deliveries++
    const token = ++entry.token
    const live = () => entry.token === token && this.inFlight.get(entry.seq) === entry
    const settle = () => {
      if (entry.timer) clearTimeout(entry.timer)
      this.inFlight.delete(entry.seq)
    }
    const arm = () => {
      if (entry.timer) clearTimeout(entry.timer)
      entry.timer = setTimeout(() => live() && (settle(), this.enqueue(entry)), this.ackWaitMs)
      entry.timer.unref()
    }
    this.inFlight.set(entry.seq, entry)
    arm()
    return {
      id: entry.id, seq: entry.seq, data: entry.data, attempt: entry.deliveries,
      ack: async () => void (live() && settle()),
      extend: () => void (live() && arm()),
      retry: async (delayMs) => {
        if (!live()) return
        // stays in flight (as JetStream counts a delayed nak) until it is ready again
        if (entry.timer) clearTimeout(entry.timer)
        entry.timer = setTimeout(() => live() && (settle(), this.enqueue(entry)), delayMs)
        entry.timer.unref()
      },
      deadLetter: async (reason) => {
        if (!live()) return
        settle()
        this.dead.push({ id: entry.id, seq: entry.seq, reason, attempts: entry.deliveries, at: new Date().toISOString(), data: entry.data })
      },
    }
  }
}
