// Two processes ingesting into one library at once must share its stories: the second to take
// the write lock sees the first's assignments (saved clusterer state) and joins them.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { assertCopiesShareStories, raceChild as child, RACE_ARTICLES as ARTICLES } from './helpers/ingest-race.js'

const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-race-'))
after(() => rmSync(dir, { recursive: true, force: true }))



describe('two ingest processes on one library', () => {
  it('put both copies of every article in one story, whichever process stored it first', async () => {
    const db = join(dir, 'race.db')
    // both start at the same moment, well after their (similar) start-up time
    const startAt = Date.now() + 5000
    const [a, b] = await Promise.all([child(db, 'a', startAt), child(db, 'b', startAt)])
    assert.deepEqual([a.new, b.new, a.failed, b.failed], [ARTICLES, ARTICLES, 0, 0])
    const sql = new Database(db, { readonly: true })
    const rows = sql.prepare('SELECT data, story_id FROM articles').all() as { data: string; story_id: string | null }[]
    const version = sql.prepare("SELECT version FROM cluster_states WHERE slot = 'library'").pluck().get() as number
    sql.close()
    assertCopiesShareStories(rows, Number(version), ARTICLES)
  })
})
