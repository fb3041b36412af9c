import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { ensureService, NATS_URL } from '../../test/helpers/services.js'
import { backoffDelay, consume } from './consume.js'
import { LocalQueue } from './local.js'
import { openNatsQueue, type NatsQueue } from './nats.js'
import type { Queue } from './queue.js'

const bytes = (s: string) => new TextEncoder().encode(s)
const text = (b: Uint8Array) => new TextDecoder().decode(b)
const opened: NatsQueue[] = []

before(() => ensureService('nats'))
after(async () => {
  for (const q of opened) {
    const jsm = await q.nc.jetstreamManager()
    await jsm.streams.delete(q.stream).catch(() => {})
    await jsm.streams.delete(`${q.stream}_DEAD`).catch(() => {})
    await q.close()
  }
})

/** A NATS queue on streams of its own, removed after the run. */
async function natsQueue(ackWaitMs: number): Promise<NatsQueue> {
  const q = await openNatsQueue(NATS_URL, { stream: `PARALLAX_T_${randomBytes(4).toString('hex').toUpperCase()}`, ackWaitMs })
  opened.push(q)
  return q
}

const kinds: [string, (ackWaitMs: number) => Promise<Queue>][] = [
  ['local', async (ackWaitMs) => new LocalQueue({ ackWaitMs })],
  ['nats', natsQueue],
]

for (const [kind, make] of kinds) {
  describe(`queue: ${kind}`, () => {
    it('accepts a re-sent message id once and delivers in publish order', async () => {
      const q = await make(5000)
      const a = await q.publish('hash-a', bytes('first'))
      assert.equal(a.duplicate, false)
      assert.equal((await q.publish('hash-a', bytes('first again'))).duplicate, true)
      await q.publish('hash-b', bytes('second'))
      const m1 = await q.next()
      const m2 = await q.next()
      assert.deepEqual([m1?.id, text(m1!.data), m2?.id], ['hash-a', 'first', 'hash-b'])
      assert.ok(m1!.seq < m2!.seq)
      await m1!.ack()
      await m2!.ack()
      assert.deepEqual(await q.stats(), { pending: 0, inFlight: 0, deadLetters: 0 })
      assert.equal(await q.next({ waitMs: 1000 }), null)
    })

    it('redelivers a message given back, and one whose worker went silent', async () => {
      const q = await make(1000)
      await q.publish('hash-r', bytes('x'))
      const m1 = (await q.next())!
      await m1.retry(100)
      const m2 = (await q.next({ waitMs: 2000 }))!
      assert.deepEqual([m2.id, m2.attempt], ['hash-r', 2])
      // no ack: after the ack wait it comes back
      const m3 = (await q.next({ waitMs: 3000 }))!
      assert.deepEqual([m3.id, m3.attempt], ['hash-r', 3])
      await m3.ack()
    })

    it('retries a failing job with back-off, dead-letters it after the limit, and can retry it', async () => {
      const q = await make(5000)
      await q.publish('hash-bad', bytes('poison'))
      await q.publish('hash-ok', bytes('fine'))
      const seen: string[] = []
      const tally = await consume(q, async (m) => {
        seen.push(`${m.id}#${m.attempt}`)
        if (text(m.data) === 'poison') throw new Error('cannot parse')
      }, { maxAttempts: 3, backoffMs: 50, waitMs: 1000, exitWhenIdle: true })
      assert.deepEqual(tally, { done: 1, retried: 2, dead: 1, held: 0 })
      assert.deepEqual(seen.filter((s) => s.startsWith('hash-bad')), ['hash-bad#1', 'hash-bad#2', 'hash-bad#3'])
      const dead = await q.deadLetters()
      assert.deepEqual(dead.map((d) => [d.id, d.reason, d.attempts, text(d.data)]), [['hash-bad', 'cannot parse', 3, 'poison']])
      assert.equal(await q.retryDeadLetter('hash-bad'), true)
      assert.equal(await q.retryDeadLetter('hash-none'), false)
      const again = (await q.next())!
      assert.deepEqual([again.id, again.attempt, text(again.data)], ['hash-bad', 1, 'poison'])
      await again.ack()
      assert.equal((await q.stats()).deadLetters, 0)
    })
  })
}

describe('consume through outages', () => {
  it('holds a message while a dependency is down (no attempt used, nothing dead-lettered) and runs it when it is back', async () => {
    const q = new LocalQueue({ ackWaitMs: 5000 })
    await q.publish('hash-1', bytes('one'))
    await q.publish('hash-2', bytes('two'))
    // the dependency is down during the first three runs, then back
    const runs: string[] = []
    const available = async (): Promise<boolean> => runs.length > 3
    const events: string[] = []
    const tally = await consume(q, async (m) => {
      runs.push(`${m.id}#${m.attempt}`)
      if (runs.length <= 3) throw new Error('connection refused')
    }, { maxAttempts: 1, waitMs: 100, exitWhenIdle: true, available, maxOutageWaitMs: 20, onEvent: (e) => events.push(e.kind) })
    assert.deepEqual([tally.done, tally.dead, tally.retried], [2, 0, 0])
    assert.equal(tally.held, 3)
    // every run is the first delivery: an outage does not count against the message
    assert.ok(runs.every((r) => r.endsWith('#1')), runs.join(' '))
    assert.ok(events.includes('unavailable') && events.includes('recovered'))
    assert.deepEqual(await q.stats(), { pending: 0, inFlight: 0, deadLetters: 0 })
  })

  it('counts a failure as an attempt when the dependencies answer', async () => {
    const q = new LocalQueue({ ackWaitMs: 5000 })
    await q.publish('hash-bad', bytes('bad'))
    const tally = await consume(q, async () => {
      throw new Error('malformed')
    }, { maxAttempts: 1, waitMs: 100, exitWhenIdle: true, available: async () => true })
    assert.deepEqual(tally, { done: 0, retried: 0, dead: 1, held: 0 })
  })

  it('keeps asking a queue that fails instead of ending', async () => {
    const inner = new LocalQueue({ ackWaitMs: 5000 })
    await inner.publish('hash-1', bytes('one'))
    let failures = 2
    const flaky: Queue = Object.assign(Object.create(inner) as Queue, {
      next: (o?: { waitMs?: number }) => (failures-- > 0 ? Promise.reject(new Error('connection closed')) : inner.next(o)),
    })
    const seen: string[] = []
    const tally = await consume(flaky, async (m) => void seen.push(m.id), { waitMs: 100, exitWhenIdle: true, maxOutageWaitMs: 20 })
    assert.deepEqual([tally.done, seen], [1, ['hash-1']])
  })

  /** Drains `q` with a handler that takes 10 ms; how many it did, and the most it held at once. */
  async function drainCounting(q: LocalQueue, options: { concurrency: number; maxBytes?: number }): Promise<{ done: number; most: number }> {
    let open = 0
    let most = 0
    const tally = await consume(q, async () => {
      most = Math.max(most, ++open)
      await new Promise((r) => setTimeout(r, 10))
      open--
    }, { waitMs: 100, exitWhenIdle: true, ...options })
    return { done: tally.done, most }
  }

  it('handles several messages at once up to its concurrency, and all of them', async () => {
    const q = new LocalQueue({ ackWaitMs: 5000 })
    for (let i = 0; i < 10; i++) await q.publish(`hash-${i}`, bytes(String(i)))
    assert.deepEqual(await drainCounting(q, { concurrency: 4 }), { done: 10, most: 4 })
  })

  it('takes no further message once the bytes in hand reach maxBytes, but always one', async () => {
    const q = new LocalQueue({ ackWaitMs: 5000 })
    for (let i = 0; i < 8; i++) await q.publish(`hash-${i}`, bytes(String(i).repeat(100)))
    const run = (maxBytes: number) => drainCounting(q, { concurrency: 10, maxBytes })
    // 100 bytes each: two in hand (200) are under 250, a third (300) is not
    assert.deepEqual(await run(250), { done: 8, most: 3 })
    for (let i = 0; i < 4; i++) await q.publish(`big-${i}`, bytes('x'.repeat(1000)))
    // every message is larger than the bound: one at a time, and still all of them
    assert.deepEqual(await run(500), { done: 4, most: 1 })
  })
})

describe('back-off', () => {
  it('doubles per attempt up to the cap', () => {
    assert.deepEqual([1, 2, 3, 10].map((a) => backoffDelay(a, 100, 1000)), [100, 200, 400, 1000])
  })
})
