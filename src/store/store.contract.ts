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
  })
}
