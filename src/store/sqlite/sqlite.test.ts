import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { storeContract } from '../store.contract.js'
import { openSqliteStore } from './driver.js'
import { MIGRATIONS } from './migrations.js'
import { generateCorpus } from '../../../bench/corpus.js'
import { annotate } from '../../enrich/index.js'
import { extractArticle } from '../../extract/index.js'
import { Library } from '../../app/library.js'
import type { Store } from '../store.js'

storeContract('sqlite', () => openSqliteStore(':memory:'))

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('sqlite driver', () => {
  it('creates the file with WAL and every migration applied, and reopens without rerunning them', async () => {
    const path = join(dir, 'nested', 'lib.db')
    await (await openSqliteStore(path)).close()
    await (await openSqliteStore(path)).close()
    const db = new Database(path, { readonly: true })
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length)
    db.close()
  })

  it('carries a library state saved as one JSON text (migration 3) over into the parts format', async () => {
    const path = join(dir, 'old-state.db')
    const old = new Database(path)
    for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql)
    old.pragma('user_version = 3')
    const state = { format: 2, open: [{ id: 's_1', terms: ['harbour'] }], flag: true, none: null, name: 'x', n: 1.5 }
    old.prepare('INSERT INTO cluster_state (id, version, state) VALUES (1, 7, ?)').run(JSON.stringify(state))
    old.close()
    const store = openSqliteStore(path)
    assert.deepEqual(await store.getClusterState('library'), { version: 7, seq: 0, state })
    await store.close()
  })

  it('keeps one row when two processes put the same article at the same time', async () => {
    const path = join(dir, 'race.db')
    const script = fileURLToPath(new URL('./race.fixture.ts', import.meta.url))
    const run = () => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, path], { stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
    })
    const results = (await Promise.all([run(), run()])).map((o) => JSON.parse(o) as Record<string, number>)
    // each process tried 50 articles; between them every article is new exactly once
    assert.equal(results[0].new + results[1].new, 50)
    assert.equal(results[0].duplicate + results[1].duplicate, 50)
    const store = openSqliteStore(path)
    assert.equal(await store.countArticles(), 50)
    await store.close()
  })
})

describe('sqlite: a new article stored with its story in one INSERT', () => {
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
