import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import pg from 'pg'
import { dropSchemas, ensureService, freshSchema, PG_URL } from '../../../test/helpers/services.js'
import { fakeArticle, storeContract } from '../store.contract.js'
import { isPostgresUrl, openPostgresStore } from './driver.js'
import { MIGRATIONS } from './migrations.js'
import { tsQuery } from './rows.js'

const schemas: string[] = []
before(() => ensureService('postgres'))
after(() => dropSchemas(schemas))

/** Each contract test gets its own empty schema. */
function make() {
  const schema = freshSchema()
  schemas.push(schema)
  return openPostgresStore(PG_URL, { schema })
}

storeContract('postgres', make)

describe('postgres driver', () => {
  it('recognises PostgreSQL URLs', () => {
    assert.equal(isPostgresUrl('postgres://u@h/db'), true)
    assert.equal(isPostgresUrl('postgresql://h/db'), true)
    assert.equal(isPostgresUrl('/home/me/library.db'), false)
  })

  it('builds tsqueries from words only', () => {
    assert.equal(tsQuery('Ceasefire talks'), "'ceasefire' & 'talks':*")
    assert.equal(tsQuery("it's & !x"), "'it' & 's' & 'x':*")
    assert.equal(tsQuery(' ;; '), null)
  })

  it('runs every migration once, even when two stores open a fresh schema at once', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const [a, b] = [openPostgresStore(PG_URL, { schema }), openPostgresStore(PG_URL, { schema })]
    await Promise.all([a.countArticles(), b.countArticles()])
    await Promise.all([a.close(), b.close()])
    const c = openPostgresStore(`${PG_URL}?schema=${schema}`)
    assert.deepEqual((await c.query<{ version: number }>('SELECT version FROM parallax_migrations ORDER BY version')).map((r) => r.version), MIGRATIONS.map((_, i) => i + 1))
    await c.close()
  })

  it('carries both saved clusterer states of migrations 4 and 7 over into the one parts format', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    await client.query(`CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`)
    await client.query('CREATE TABLE parallax_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    for (const [i, sql] of MIGRATIONS.slice(0, 7).entries()) await client.query(sql).then(() => client.query('INSERT INTO parallax_migrations (version) VALUES ($1)', [i + 1]))
    const library = { format: 2, open: [{ id: 's_1', terms: ['harbour'] }], flag: true, none: null, n: 1.5 }
    await client.query('INSERT INTO cluster_state (version, state) VALUES (5, $1)', [JSON.stringify(library)])
    await client.query(`INSERT INTO consumer_snapshot (part, seq, key, json) VALUES (0, 40, 'format', '2'), (1, 40, 'open', '[1,2]'), (2, 40, 'open', '[3]')`)
    await client.end()
    const store = openPostgresStore(PG_URL, { schema })
    assert.deepEqual(await store.getClusterState('library'), { version: 5, seq: 0, state: library })
    assert.deepEqual(await store.getClusterState('consumer'), { version: 1, seq: 40, state: { format: 2, open: [1, 2, 3] } })
    await store.close()
  })

  it('keeps one row and right counts when many connections put and assign at once', async () => {
    const store = make()
    const articles = Array.from({ length: 40 }, (_, i) => fakeArticle(`race${String(i).padStart(12, '0')}`, { outlet: { name: `O${i % 3}` } }))
    const puts = await Promise.all([...articles, ...articles].map((a) => store.putArticle(a)))
    assert.equal(puts.filter((p) => p.status === 'new').length, 40)
    await Promise.all(articles.map((a) => store.assignStory(a.id, 's_race', { articleId: a.id, joinedBy: null, score: 1, shared: [] })))
    const story = await store.getStory('s_race', { maxArticles: 0 })
    assert.deepEqual([story?.articleCount, story?.outletCount], [40, 3])
    await store.close()
  })

  it('putArticles stores a batch in one transaction with the answers putArticle would give one by one', async () => {
    const store = make()
    await store.putArticle(fakeArticle('old'), { url: 'https://news.example/old' })
    const batch = [
      { article: fakeArticle('a'), url: 'https://news.example/a' },
      { article: fakeArticle('a'), url: 'https://news.example/a-again' }, // the same text again
      { article: fakeArticle('b'), url: 'https://news.example/old' }, // another text at a stored address
      { article: fakeArticle('old') }, // stored before
      { article: fakeArticle('c'), url: null },
    ]
    const results = await store.atomically(() => store.putArticles(batch))
    assert.deepEqual(results.map((r) => [r.status, r.id, r.status === 'duplicate' ? r.by : null]),
      [['new', 'a', null], ['duplicate', 'a', 'hash'], ['duplicate', 'old', 'url'], ['duplicate', 'old', 'hash'], ['new', 'c', null]])
    assert.equal(await store.countArticles(), 3)
    await store.putRaws([{ articleId: 'a', raw: { source: { kind: 'text', path: 'a.txt' }, bytes: new TextEncoder().encode('raw a') } }])
    assert.equal(new TextDecoder().decode((await store.getRaws(['a'])).get('a')!.bytes), 'raw a')
    // a failure inside the transaction stores nothing of the batch
    await assert.rejects(store.atomically(async () => {
      await store.putArticles([{ article: fakeArticle('d') }])
      throw new Error('later step failed')
    }))
    assert.equal(await store.getArticle('d'), null)
    await store.close()
  })

  it('keeps the search vector in step with the article text, outside the row story assignment updates', async () => {
    const store = make()
    await store.putArticle(fakeArticle('s1', { title: 'Harbour vote', text: 'The harbour council voted on the pier.' }))
    assert.deepEqual((await store.search('pier')).map((h) => h.id), ['s1'])
    // re-processing rewrites the text: search follows
    await store.query(`UPDATE articles SET text = 'The lighthouse reopened after repairs.' WHERE id = 's1'`)
    assert.deepEqual((await store.search('pier')).map((h) => h.id), [])
    assert.deepEqual((await store.search('lighthouse')).map((h) => h.id), ['s1'])
    // assigning a story leaves the search row alone (no recomputation on that update)
    const before = await store.query<{ xmin: string }>(`SELECT xmin::text FROM article_search`)
    await store.query(`UPDATE articles SET story_id = 'st1' WHERE id = 's1'`)
    assert.deepEqual(await store.query<{ xmin: string }>(`SELECT xmin::text FROM article_search`), before)
    await store.query(`DELETE FROM articles WHERE id = 's1'`)
    assert.equal(Number((await store.query<{ n: string }>('SELECT count(*) AS n FROM article_search'))[0].n), 0)
    await store.close()
  })

  it('fails fast with a StoreError when the server cannot be reached', async () => {
    const store = openPostgresStore('postgres://postgres@127.0.0.1:1/test', { connectTimeoutMs: 500 })
    await assert.rejects(store.countArticles(), { name: 'StoreError' })
    await store.close()
  })
})

