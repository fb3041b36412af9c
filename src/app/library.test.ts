import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { loadSeeds } from '../../test/helpers/shared.js'
import { Library } from './library.js'
import { openSqliteStore } from '../store/sqlite/driver.js'
import { generateCorpus } from '../../bench/corpus.js'
import type { Store } from '../store/store.js'
import { StagePool } from '../threads/pool.js'

const seeds = loadSeeds().map((s) => annotate(extractArticle({ source: { kind: 'text', path: s.path }, bytes: new TextEncoder().encode(s.text) })))

describe('Library', () => {
  it('puts the seed articles into one story, incrementally, and builds its report', async () => {
    const library = new Library(openSqliteStore(':memory:'))
    const results = []
    for (const a of seeds) results.push(await library.ingest(a))
    assert.ok(results.every((r) => r.status === 'new'))
    const storyIds = new Set(results.map((r) => r.storyId))
    assert.equal(storyIds.size, 1)
    const [storyId] = storyIds
    const story = await library.store.getStory(storyId!)
    assert.equal(story?.articleCount, seeds.length)
    const report = await library.storyReport(storyId!)
    assert.equal(report?.articleIds.length, seeds.length)
    assert.ok((report?.facts.length ?? 0) > 0)
    assert.equal((await library.store.getStory(storyId!))?.title, report?.title)
    await library.store.close()
  })

  it('builds a story report with the builder it is given (a worker pool, as the server does), the same report; a failed build is an error and caches nothing', async () => {
    const local = new Library(openSqliteStore(':memory:'))
    for (const a of seeds) await local.ingest(a)
    const storyId = (await local.store.listStories({})).items[0].id
    const expected = await local.storyReport(storyId)
    const pool = new StagePool({ threads: 1, stories: true })
    let built = 0
    try {
      const store = openSqliteStore(':memory:')
      const pooled = new Library(store, {
        buildStory: async (cluster, articles, options) => {
          built++
          const result = await pool.runStory(cluster, articles, options)
          if (!result.ok) throw new Error(result.error.message)
          return result.value
        },
      })
      for (const a of seeds) await pooled.ingest(a)
      const id = (await store.listStories({})).items[0].id
      const broken = new Library(store, {
        buildStory: () => {
          throw new Error('no worker left')
        },
      })
      await assert.rejects(broken.storyReport(id), /no worker left/)
      assert.equal(await store.getStoryReport(id), null, 'a failed build leaves no report cached')
      // Three readers at once: one build, three answers.
      const three = await Promise.all([pooled.storyReport(id), pooled.storyReport(id), pooled.storyReport(id)])
      for (const report of three) assert.deepEqual(report, expected)
      assert.equal(built, 1)
      // Cached until the story grows: asked again, it is not built again.
      assert.deepEqual(await pooled.storyReport(id), expected)
      assert.equal(built, 1)
      await store.close()
    } finally {
      await pool.close()
      await local.store.close()
    }
  })

  it('gives a duplicate no story and keeps assignments when a new process reopens the library', async () => {
    const store = openSqliteStore(':memory:')
    const first = new Library(store)
    for (const a of seeds.slice(0, 3)) await first.ingest(a)
    assert.deepEqual({ ...(await first.ingest(seeds[0])) }, { status: 'duplicate', id: seeds[0].id, by: 'hash', storyId: null })
    // a second Library over the same store rebuilds its clusterer from what is stored
    const second = new Library(store)
    const more = await second.ingest(seeds[3])
    const before = await store.getArticles([seeds[0].id])
    assert.equal((await store.listArticles({ storyId: more.storyId! })).items.some((a) => a.id === before[0].id), true)
    await store.close()
  })

  it('restarts from the saved clusterer state, without reading the archive, and assigns as if never stopped', async () => {
    const encoder = new TextEncoder()
    const articles = generateCorpus(80, 5).articles.map((a, i) =>
      annotate(extractArticle({ source: { kind: 'text', path: `g/${i}.txt` }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt })))
    const items = articles.map((article) => ({ article }))
    const once = new Library(openSqliteStore(':memory:'))
    const expected = (await once.ingestMany(items)).map((r) => r.storyId)
    await once.store.close()

    const store = openSqliteStore(':memory:')
    const firstRun = await new Library(store).ingestMany(items.slice(0, 50))
    // the second "process" counts every read of the whole archive
    let archiveReads = 0
    const watched = new Proxy(store, {
      get: (target, key, receiver) => (key === 'eachArticle' ? () => (archiveReads++, target.eachArticle()) : Reflect.get(target, key, receiver) as unknown),
    }) as Store
    const secondRun = await new Library(watched).ingestMany(items.slice(50))
    assert.equal(archiveReads, 0)
    assert.deepEqual([...firstRun, ...secondRun].map((r) => r.storyId), expected)
    // the corpus has stories spanning both runs, so the second run did join the first's stories
    const firstStories = new Set(firstRun.map((r) => r.storyId))
    assert.ok(secondRun.some((r) => firstStories.has(r.storyId)))
    await store.close()
  })

  it('rolls back a failed batch: nothing of it is stored and the next batch starts from the saved state', async () => {
    const store = openSqliteStore(':memory:')
    const library = new Library(store)
    await library.ingestMany([{ article: seeds[0] }])
    const version = await store.clusterStateVersion('library')
    // an article the store cannot take (no text column value) fails the batch after the first put
    const broken = { ...seeds[2], id: 'broken0000000001', text: null } as unknown as typeof seeds[0]
    await assert.rejects(library.ingestMany([{ article: seeds[1] }, { article: broken }]))
    assert.equal(await store.countArticles(), 1)
    assert.equal(await store.clusterStateVersion('library'), version)
    const again = await library.ingestMany([{ article: seeds[1] }])
    assert.equal(again[0].status, 'new')
    assert.equal(again[0].storyId, (await store.listArticles()).items.find((a) => a.id === seeds[0].id)?.storyId)
    await store.close()
  })
})

describe('Library on SQLite: a new article stored with its story in one INSERT', () => {
  const corpus = generateCorpus(60, 3).articles.map((a) => ({
    article: annotate(extractArticle({ source: { kind: 'text', path: a.path }, bytes: new TextEncoder().encode(a.text), publishedAt: a.publishedAt })),
    url: `https://example.com/${a.path}`,
  }))

  /** What a user sees of the library: stories with counts and members, and each article's story and why. */
  async function snapshot(store: Store) {
    const stories = (await store.listStories({ limit: 200 })).items
    const details = await Promise.all(stories.map((s) => store.getStory(s.id, { withWhy: true })))
    const articles = (await store.listArticles({ limit: 200 })).items.map((a) => [a.id, a.storyId])
    return { stories: stories.map(({ updatedAt, ...s }) => ({ ...s, updatedAt: updatedAt.slice(0, 10) })), details: details.map((d) => ({ ...d, updatedAt: null })), articles }
  }

  it('gives the same stories, counts, members and reasons as putArticle then assignStory', async () => {
    const fast = openSqliteStore(':memory:')
    // the same driver with its one-INSERT method replaced by putArticle, then assignStory for a new article
    const plain = openSqliteStore(':memory:')
    const putAssigned: Store['putAssignedArticle'] = async (article, options, assign) => {
      const put = await plain.putArticle(article, options)
      if (put.status === 'duplicate') return { ...put, storyId: null }
      const { storyId, why } = assign()
      await plain.assignStory(article.id, storyId, why)
      return { ...put, storyId }
    }
    Object.defineProperty(plain, 'putAssignedArticle', { value: putAssigned })
    const batch = [...corpus, corpus[0], { ...corpus[1], article: { ...corpus[1].article, id: 'ffffffff00000001' } }]
    const fastResults = await new Library(fast).ingestMany(batch)
    const plainResults = await new Library(plain).ingestMany(batch)
    assert.deepEqual(fastResults, plainResults)
    // the repeated article is a duplicate by hash, the re-keyed one by URL, and neither joins a story
    assert.deepEqual(fastResults.slice(-2).map((r) => [r.status, r.storyId]), [['duplicate', null], ['duplicate', null]])
    assert.ok(new Set(fastResults.map((r) => r.storyId)).size > 2)
    assert.deepEqual(await snapshot(fast), await snapshot(plain))
    assert.equal(await fast.countArticles(), corpus.length)
    await fast.close()
    await plain.close()
  })
})
