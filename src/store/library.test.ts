import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { loadSeeds } from '../../test/helpers/shared.js'
import { Library } from './library.js'
import { openSqliteStore } from './sqlite/driver.js'

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
})
