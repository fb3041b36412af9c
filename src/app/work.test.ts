import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generateCorpus } from '../../bench/corpus.js'
import { dropSchemas, ensureService, freshSchema, PG_URL } from '../../test/helpers/services.js'
import { StoryClusterer } from '../cluster/index.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { openPostgresStore, type PostgresStore } from '../store/postgres/driver.js'
import type { RawDocument } from '../types.js'
import { encodeRaw } from '../queue/message.js'
import type { QueueMessage } from '../queue/queue.js'
import { stateOfParts, stateParts } from '../store/state.js'
import { ClusterConsumer, GroupWriter, processMessage, type Takeover } from './work.js'

const schemas: string[] = []
const stores: PostgresStore[] = []
before(() => ensureService('postgres'))
after(async () => {
  for (const store of stores) await store.close()
  await dropSchemas(schemas)
})

const encoder = new TextEncoder()
const raws: RawDocument[] = generateCorpus(240, 11).articles.map((a) => ({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt }))

/** A queue message as a worker receives it (only `seq` and `data` matter to the handler). */
function message(raw: RawDocument, seq: number): QueueMessage {
  const { id, data } = encodeRaw(raw)
  const nothing = async () => {}
  return { id, seq, data, attempt: 1, ack: nothing, retry: nothing, extend: () => {}, deadLetter: nothing }
}

/** A fresh schema with every raw article processed as workers do (ledger rows with features). */
async function processedLibrary(): Promise<PostgresStore> {
  const schema = freshSchema()
  schemas.push(schema)
  const store = openPostgresStore(PG_URL, { schema })
  stores.push(store)
  const writer = new GroupWriter(store)
  await Promise.all(raws.map((raw, i) => processMessage(store, message(raw, i + 1), writer)))
  return store
}

async function storiesOf(store: PostgresStore): Promise<Map<string, string>> {
  const rows = await store.query<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles')
  return new Map(rows.map((r) => [r.id, r.story_id ?? 'none']))
}

/** The stories one process makes from the same articles in the same order. */
function oneProcess(): Map<string, string> {
  const clusterer = new StoryClusterer()
  const out = new Map<string, string>()
  for (const raw of raws) {
    const article = annotate(extractArticle(raw))
    out.set(article.id, clusterer.add(article).storyId)
  }
  return out
}

describe('clustering consumer', () => {
  it('a snapshot in parts of bounded size comes back as the same state', () => {
    const clusterer = new StoryClusterer({ keepClosed: false })
    for (const raw of raws) clusterer.add(annotate(extractArticle(raw)))
    const state = clusterer.snapshot()
    const parts = [...stateParts(state, 7)]
    assert.ok(parts.length > Object.keys(state).length * 3, 'large fields are cut into slices')
    for (const part of parts) {
      const value: unknown = JSON.parse(part.json)
      if (Array.isArray(value)) assert.ok(value.length <= 7)
    }
    assert.deepEqual(stateOfParts(parts), state)
    // and a clusterer restored from it goes on as the original
    const restored = StoryClusterer.restore(stateOfParts(parts) as unknown as typeof state)
    const next = annotate(extractArticle(raws[0]))
    assert.deepEqual(restored.add({ ...next, id: 'later-copy' }), clusterer.add({ ...next, id: 'later-copy' }))
  })

  it('a process taking over the lead restores the last snapshot, replays only the rows after it, and assigns as one process', async () => {
    const store = await processedLibrary()
    const snapshots: unknown[] = []
    const first = new ClusterConsumer(store, { batch: 50, snapshotEvery: 100, onSnapshot: (r) => snapshots.push(r) })
    // three steps: 150 rows, a snapshot after the second (100 rows), 50 rows after it
    for (let i = 0; i < 3; i++) assert.equal(await first.step(false), 50)
    assert.equal(snapshots.length, 1)
    assert.equal((snapshots[0] as { seq: number }).seq, 100)
    assert.ok((snapshots[0] as { bytes: number }).bytes > 1000, 'the open state was written')
    assert.deepEqual(first.takeover && { seq: first.takeover.snapshotSeq, replayed: first.takeover.replayed }, { seq: 0, replayed: 0 })
    await first.release()

    const leads: Takeover[] = []
    const second = new ClusterConsumer(store, { batch: 50, snapshotEvery: 100, onLead: (t) => leads.push(t), onSnapshot: (r) => snapshots.push(r) })
    // to row 200: 50 replayed + 50 new rows make the next snapshot, which replaces the first
    assert.equal(await second.step(false), 50)
    assert.equal(leads.length, 1)
    assert.equal(leads[0].snapshotSeq, 100, 'restored from the snapshot taken after 100 rows')
    assert.equal(leads[0].replayed, 50, 'replayed the 50 rows assigned after it, not all 150')
    assert.equal((snapshots[1] as { seq: number }).seq, 200)
    await second.release()

    const third = new ClusterConsumer(store, { batch: 50, snapshotEvery: 100, onLead: (t) => leads.push(t) })
    while ((await third.step(true)) > 0);
    assert.deepEqual([leads[1].snapshotSeq, leads[1].replayed], [200, 0], 'the newer snapshot, nothing after it yet')
    await third.release()

    const assigned = await storiesOf(store)
    assert.equal(assigned.size, raws.length)
    assert.deepEqual(assigned, oneProcess())
    assert.ok(new Set(assigned.values()).size < raws.length / 2, 'the corpus makes multi-article stories')
  })

  it('without a snapshot, a new leader replays every assignment and goes on as one process', async () => {
    const store = await processedLibrary()
    const first = new ClusterConsumer(store, { batch: 60, snapshotEvery: 0 })
    assert.equal(await first.step(false), 60)
    await first.release()
    const second = new ClusterConsumer(store, { batch: 60, snapshotEvery: 0 })
    while ((await second.step(true)) > 0);
    assert.deepEqual(second.takeover && { seq: second.takeover.snapshotSeq, replayed: second.takeover.replayed }, { seq: 0, replayed: 60 })
    await second.release()
    assert.deepEqual(await storiesOf(store), oneProcess())
  })

  it('a worker draining a fully assigned ledger does not take the lead', async () => {
    const store = await processedLibrary()
    const leader = new ClusterConsumer(store)
    while ((await leader.step(true)) > 0);
    await leader.release()
    const late = new ClusterConsumer(store)
    assert.equal(await late.step(true), 0)
    assert.equal(late.takeover, null, 'nothing to assign: no replay')
  })
})
