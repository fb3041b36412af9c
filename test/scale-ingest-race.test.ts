// Two processes ingesting directly (no queue) into one PostgreSQL library at once must share its
// stories, as with SQLite: the store's advisory write lock and saved clusterer state make the
// second writer see the first's assignments and join them.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openPostgresStore } from '../src/store/postgres/driver.js'
import { dropSchemas, ensureService, freshSchema, PG_URL } from './helpers/services.js'
import { assertCopiesShareStories, raceChild as child, RACE_ARTICLES as ARTICLES } from './helpers/ingest-race.js'

const schemas: string[] = []

before(() => ensureService('postgres'))
after(() => dropSchemas(schemas))


describe('two ingest processes on one PostgreSQL library', { timeout: 120_000 }, () => {
  it('put both copies of every article in one story, whichever process stored it first', async () => {
    const schema = freshSchema()
    schemas.push(schema)
    const db = `${PG_URL}?schema=${schema}`
    // migrate before the race, so both children start equally fast
    const store = openPostgresStore(db)
    assert.equal(await store.clusterStateVersion('library'), 0)
    const startAt = Date.now() + 5000
    const [a, b] = await Promise.all([child(db, 'a', startAt), child(db, 'b', startAt)])
    assert.deepEqual([a.new, b.new, a.failed, b.failed], [ARTICLES, ARTICLES, 0, 0])
    const rows = await store.query<{ data: string; story_id: string | null }>('SELECT data, story_id FROM articles')
    const version = await store.clusterStateVersion('library')
    const stories = await store.query<{ id: string; article_count: number; n: string }>(
      'SELECT s.id, s.article_count, (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n FROM stories s')
    await store.close()
    assertCopiesShareStories(rows, Number(version), ARTICLES)
    assert.ok(stories.every((s) => s.article_count === Number(s.n)), 'story counters match their members')
  })
})
