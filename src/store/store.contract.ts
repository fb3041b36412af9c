/**
 * The shared test suite every store driver must pass. A driver's test calls
 * `storeContract('sqlite', () => openSqliteStore(':memory:'))`; a driver with a known gap names it
 * in `skip` (drizzle's `skipTests`) so the gap is visible, not silent.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Annotated } from '../types.js'
import type { Store } from './store.js'

/** A small annotated article written for these tests (no seed text). */
export function fakeArticle(id: string, over: Partial<Annotated> = {}): Annotated {
  return {
    id, source: { kind: 'text' }, outlet: { name: 'Daily Example' }, title: `Title ${id}`, authors: [],
    publishedAt: '2025-08-06', language: 'en', text: `The harbour council met on Tuesday about ${id}.`, removed: [],
    sentences: [[0, 40]], entities: [], quotes: [], numbers: [], dates: [], ...over,
  }
}

/** Runs the store contract against a driver; `make` opens an empty store. */
export function storeContract(name: string, make: () => Store | Promise<Store>, { skip = [] as string[] } = {}): void {
  const test = (title: string, fn: (store: Store) => Promise<void>) =>
    it(title, { skip: skip.includes(title) ? `known gap of ${name}` : false }, async () => {
      const store = await make()
      try {
        await fn(store)
      } finally {
        await store.close()
      }
    })

  describe(`store contract: ${name}`, () => {
    test('stores an article once by content hash', async (store) => {
      const a = fakeArticle('aaaa000000000001')
      assert.equal((await store.putArticle(a)).status, 'new')
      assert.deepEqual(await store.putArticle(a), { status: 'duplicate', id: a.id, by: 'hash' })
      assert.equal(await store.countArticles(), 1)
      assert.deepEqual(await store.getArticle(a.id), a)
      assert.equal(await store.getArticle('missing'), null)
    })

    test('stores an article once by normalised URL', async (store) => {
      const a = fakeArticle('aaaa000000000002')
      const b = fakeArticle('bbbb000000000002', { text: 'An edited version of the page.' })
      await store.putArticle(a, { url: 'https://www.example.com/news/1?utm_source=feed' })
      const again = await store.putArticle(b, { url: 'http://example.com/news/1/#comments' })
      assert.deepEqual(again, { status: 'duplicate', id: a.id, by: 'url' })
      assert.equal(await store.countArticles(), 1)
    })

    test('lists articles newest first with filters and cursor paging', async (store) => {
      for (let i = 0; i < 5; i++) await store.putArticle(fakeArticle(`cccc00000000000${i}`, { outlet: { name: i % 2 ? 'Odd Times' : 'Even Post' } }))
      const first = await store.listArticles({ limit: 2 })
      assert.deepEqual(first.items.map((a) => a.id), ['cccc000000000004', 'cccc000000000003'])
      assert.ok(first.next)
      const second = await store.listArticles({ limit: 2, cursor: first.next })
      assert.deepEqual(second.items.map((a) => a.id), ['cccc000000000002', 'cccc000000000001'])
      const odd = await store.listArticles({ outlet: 'Odd Times' })
      assert.deepEqual(odd.items.map((a) => a.id), ['cccc000000000003', 'cccc000000000001'])
      assert.equal(odd.next, null)
      assert.deepEqual(await store.outlets(), [{ name: 'Even Post', articleCount: 3 }, { name: 'Odd Times', articleCount: 2 }])
    })

    test('searches text with words, not query syntax', async (store) => {
      await store.putArticle(fakeArticle('dddd000000000001', { text: 'Envoys discussed a ceasefire in the capital.' }))
      await store.putArticle(fakeArticle('dddd000000000002', { text: 'Farmers discussed grain prices.' }))
      const hits = await store.search('ceasefire')
      assert.deepEqual(hits.map((h) => h.id), ['dddd000000000001'])
      assert.match(hits[0].snippet, /ceasefire/)
      assert.deepEqual((await store.search('discuss')).map((h) => h.id).sort(), ['dddd000000000001', 'dddd000000000002'])
      assert.deepEqual(await store.search('AND OR "*'), [])
      assert.deepEqual(await store.search('   '), [])
    })

    test('assigns stories and counts their articles and outlets', async (store) => {
      await store.putArticle(fakeArticle('eeee000000000001', { outlet: { name: 'A' } }))
      await store.putArticle(fakeArticle('eeee000000000002', { outlet: { name: 'B' } }))
      await store.putArticle(fakeArticle('eeee000000000003', { outlet: { name: 'A' }, publishedAt: '2025-09-01' }))
      await store.assignStory('eeee000000000001', 's_1', { articleId: 'eeee000000000001', joinedBy: null, score: 1, shared: [] })
      await store.assignStory('eeee000000000002', 's_1', { articleId: 'eeee000000000002', joinedBy: 'eeee000000000001', score: 0.5, shared: ['x'] })
      await store.assignStory('eeee000000000003', 's_2', { articleId: 'eeee000000000003', joinedBy: null, score: 1, shared: [] })
      const story = await store.getStory('s_1', { withWhy: true })
      assert.equal(story?.articleCount, 2)
      assert.equal(story?.outletCount, 2)
      assert.deepEqual(story?.articleIds, ['eeee000000000001', 'eeee000000000002'])
      assert.equal(story?.why?.[1].joinedBy, 'eeee000000000001')
      const head = await store.getStory('s_1', { maxArticles: 1 })
      assert.deepEqual([head?.articleIds, head?.articleCount, head?.why], [['eeee000000000001'], 2, undefined])
      assert.deepEqual((await store.listStories({ sort: 'newest' })).items.map((s) => s.id), ['s_2', 's_1'])
      assert.deepEqual((await store.listStories({ sort: 'outlets' })).items.map((s) => s.id), ['s_1', 's_2'])
      const page = await store.listStories({ limit: 1 })
      assert.deepEqual((await store.listStories({ limit: 1, cursor: page.next })).items.map((s) => s.id), ['s_1'])
      assert.deepEqual((await store.listArticles({ storyId: 's_1' })).items.length, 2)
    })

    test('caches story reports with the article count they were built from', async (store) => {
      await store.putArticle(fakeArticle('ffff000000000001'))
      await store.assignStory('ffff000000000001', 's_r', { articleId: 'ffff000000000001', joinedBy: null, score: 1, shared: [] })
      assert.equal(await store.getStoryReport('s_r'), null)
      await store.putStoryReport('s_r', 1, 'Harbour council meets', { facts: [1, 2] })
      assert.deepEqual(await store.getStoryReport('s_r'), { articleCount: 1, report: { facts: [1, 2] } })
      assert.equal((await store.getStory('s_r'))?.title, 'Harbour council meets')
    })

    test('keeps feeds with their conditional-request state and seen entries', async (store) => {
      const feed = await store.addFeed('https://example.org/rss.xml')
      assert.equal((await store.addFeed('https://example.org/rss.xml')).id, feed.id)
      await store.updateFeed(feed.id, { etag: '"v1"', errorCount: 2, lastError: 'timeout' })
      const got = await store.getFeed('https://example.org/rss.xml')
      assert.equal(got?.etag, '"v1"')
      assert.equal(got?.errorCount, 2)
      assert.equal((await store.listFeeds()).length, 1)
      assert.equal(await store.entrySeen(feed.id, 'guid:1'), false)
      assert.equal(await store.markEntrySeen(feed.id, 'guid:1'), true)
      assert.equal(await store.entrySeen(feed.id, 'guid:1'), true)
      assert.equal(await store.markEntrySeen(feed.id, 'guid:1'), false)
    })

    test('iterates every article in insertion order', async (store) => {
      for (const id of ['gggg000000000002', 'gggg000000000001']) await store.putArticle(fakeArticle(id))
      const ids: string[] = []
      for await (const a of store.eachArticle()) ids.push(a.id)
      assert.deepEqual(ids, ['gggg000000000002', 'gggg000000000001'])
    })

    test('keeps the raw document of an article, the first one kept', async (store) => {
      const a = fakeArticle('hhhh000000000001')
      await store.putArticle(a)
      const raw = { source: { kind: 'url' as const, url: 'https://news.example/a' }, bytes: new Uint8Array([0, 255, 10, 13, 80]), publishedAt: '2025-08-06', outlet: 'Daily Example', outletForced: true }
      await store.putRaws([{ articleId: a.id, raw }])
      await store.putRaws([{ articleId: a.id, raw: { ...raw, bytes: new Uint8Array([1]) } }])
      const got = await store.getRaws([a.id, 'missing'])
      assert.deepEqual([...got.keys()], [a.id])
      const kept = got.get(a.id)!
      assert.deepEqual([...kept.bytes], [0, 255, 10, 13, 80])
      assert.deepEqual({ ...kept, bytes: null }, { ...raw, bytes: null })
    })

    test('records the ledger once per message and reads it in order, up to a gap when asked', async (store) => {
      const entry = (seq: number, outcome = 'new') => ({ seq, articleId: outcome === 'failed' ? null : `a${seq}`, outcome, detail: outcome === 'failed' ? 'no text' : null, features: null })
      await store.recordOutcomes([entry(2), entry(1, 'failed'), entry(4)])
      await store.recordOutcomes([entry(1, 'duplicate')])
      assert.deepEqual(await store.readLedger(0), [entry(1, 'failed'), entry(2), entry(4)])
      assert.deepEqual((await store.readLedger(0, { contiguous: true })).map((e) => e.seq), [1, 2])
      assert.deepEqual(await store.readLedger(2, { contiguous: true }), [])
      assert.deepEqual((await store.readLedger(1, { limit: 1 })).map((e) => e.seq), [2])
      assert.equal(await store.ledgerCursor(), 0)
      await store.setLedgerCursor(2)
      await store.setLedgerCursor(4)
      assert.equal(await store.ledgerCursor(), 4)
    })

    test('replays the ledger of assigned articles and assigns only articles in no story', async (store) => {
      const [a, b] = [fakeArticle('iiii000000000001'), fakeArticle('iiii000000000002')]
      await store.putArticle(a)
      await store.putArticle(b)
      await store.recordOutcomes([
        { seq: 1, articleId: a.id, outcome: 'new', detail: null, features: 'f1' },
        { seq: 2, articleId: b.id, outcome: 'new', detail: null, features: null },
        { seq: 3, articleId: a.id, outcome: 'duplicate', detail: null, features: null },
      ])
      const why = (id: string) => ({ articleId: id, joinedBy: null, score: 1, shared: [] })
      await store.assignStory(a.id, 's_a', why(a.id))
      assert.deepEqual(await store.unassigned([a.id, b.id, 'missing']), [b.id])
      assert.deepEqual((await store.assignedLedger(0, 10)).map((e) => [e.seq, e.features]), [[1, 'f1']])
      await store.assignStories([{ articleId: b.id, storyId: 's_a', why: why(b.id) }, { articleId: a.id, storyId: 's_other', why: why(a.id) }])
      assert.deepEqual((await store.getStory('s_a'))?.articleIds, [a.id, b.id])
      assert.equal(await store.getStory('s_other'), null)
      assert.deepEqual((await store.getStory('s_a'))?.articleCount, 2)
      assert.deepEqual((await store.assignedLedger(1, 10)).map((e) => e.seq), [2])
    })

    test('saves clusterer states in slots, in parts, and gives them back whole', async (store) => {
      const state = { format: 3, founded: 12_345, open: Array.from({ length: 12_001 }, (_, i) => ({ i, terms: [`t${i}`] })), empty: [], name: 'x' }
      assert.equal(await store.clusterStateVersion('library'), 0)
      assert.equal(await store.getClusterState('library'), null)
      const first = await store.putClusterState('library', state)
      assert.equal(first.version, 1)
      assert.ok(first.chars > 12_000 * 10)
      assert.deepEqual(await store.getClusterState('library'), { version: 1, seq: 0, state })
      assert.equal((await store.putClusterState('library', { ...state, open: [] })).version, 2)
      assert.deepEqual((await store.getClusterState('library'))?.state, { ...state, open: [] })
      await store.putClusterState('consumer', { format: 3, n: 1 }, 700)
      assert.deepEqual(await store.getClusterState('consumer'), { version: 1, seq: 700, state: { format: 3, n: 1 } })
      assert.equal(await store.clusterStateVersion('library'), 2)
    })

    test('runs a write-locked batch as one transaction', async (store) => {
      await store.writeLocked(async () => void (await store.putArticle(fakeArticle('jjjj000000000001'))))
      await assert.rejects(store.writeLocked(async () => {
        await store.putArticle(fakeArticle('jjjj000000000002'))
        await store.putClusterState('library', { n: 1 })
        throw new Error('later step failed')
      }), /later step failed/)
      assert.deepEqual([await store.countArticles(), await store.clusterStateVersion('library')], [1, 0])
      // callers take turns: a second batch sees the first one's writes
      const counts = await Promise.all([1, 2, 3].map((i) => store.writeLocked(async () => {
        await store.putArticle(fakeArticle(`jjjj00000000001${i}`))
        return store.countArticles()
      })))
      assert.deepEqual(counts, [2, 3, 4])
    })

    test('stores a new article with its story, and a duplicate without asking for one', async (store) => {
      const a = fakeArticle('kkkk000000000001', { outlet: { name: 'A' } })
      let asked = 0
      const assign = () => (asked++, { storyId: 's_k', why: { articleId: a.id, joinedBy: null, score: 1, shared: [] } })
      const put = await store.putAssignedArticle(a, { url: 'https://news.example/k' }, assign)
      assert.deepEqual([put.status, put.id, put.storyId, asked], ['new', a.id, 's_k', 1])
      const again = await store.putAssignedArticle(fakeArticle('kkkk000000000002'), { url: 'https://news.example/k' }, assign)
      assert.deepEqual(again, { status: 'duplicate', id: a.id, by: 'url', storyId: null })
      assert.equal(asked, 1)
      const story = await store.getStory('s_k', { withWhy: true })
      assert.deepEqual([story?.articleIds, story?.articleCount, story?.outletCount, story?.why?.[0].articleId], [[a.id], 1, 1, a.id])
    })

    test('pages articles to re-process by version and shard, and updates them in place', async (store) => {
      for (let i = 1; i <= 4; i++) await store.putArticle(fakeArticle(`llll00000000000${i}`, { text: `The old harbour text ${i}.` }))
      const all = await store.articlesToReprocess({ after: 0, limit: 10, version: 'parallax@test-next' })
      assert.deepEqual(all.map((r) => r.id), ['llll000000000001', 'llll000000000002', 'llll000000000003', 'llll000000000004'])
      assert.deepEqual((await store.articlesToReprocess({ after: all[0].seq, limit: 2, version: 'parallax@test-next' })).map((r) => r.id), ['llll000000000002', 'llll000000000003'])
      const shards = await Promise.all([0, 1].map((index) => store.articlesToReprocess({ after: 0, limit: 10, version: 'v', shard: { index, count: 2 } })))
      assert.deepEqual(shards.flat().map((r) => r.id).sort(), all.map((r) => r.id))
      assert.ok(shards.every((s) => s.length === 2))
      await store.assignStory('llll000000000001', 's_l', { articleId: 'llll000000000001', joinedBy: null, score: 1, shared: [] })
      await store.putStoryReport('s_l', 1, 'Old', { old: true })
      const updated = fakeArticle('llll000000000001', { text: 'The lighthouse reopened.', title: 'Lighthouse' })
      await store.updateArticles([{ id: updated.id, article: updated }], 'parallax@test-next')
      assert.deepEqual(await store.getArticle(updated.id), updated)
      assert.deepEqual((await store.search('lighthouse')).map((h) => h.id), [updated.id])
      assert.deepEqual((await store.search('harbour')).map((h) => h.id).sort(), ['llll000000000002', 'llll000000000003', 'llll000000000004'])
      assert.equal(await store.getStoryReport('s_l'), null, 'the story\'s cached report was built from the old article')
      assert.equal((await store.getArticle(updated.id)) !== null && (await store.getStory('s_l'))?.articleIds[0], updated.id)
      const left = await store.articlesToReprocess({ after: 0, limit: 10, version: 'parallax@test-next' })
      assert.deepEqual(left.map((r) => r.id), ['llll000000000002', 'llll000000000003', 'llll000000000004'])
      assert.equal((await store.articlesToReprocess({ after: 0, limit: 10, version: 'parallax@test-next', all: true })).length, 4)
    })
  })
}
