// Two processes ingesting into one library at once must share its stories: the second to take
// the write lock sees the first's assignments (saved clusterer state) and joins them.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { assertCopiesShareStories } from './helpers/ingest-race.js'

const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-race-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const script = fileURLToPath(new URL('./ingest-race.fixture.ts', import.meta.url))
const ARTICLES = 40

function child(db: string, copy: 'a' | 'b', startAt: number): Promise<{ new: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, db, copy, String(startAt), String(ARTICLES)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    proc.stdout.on('data', (d) => (out += d))
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { new: number; failed: number }) : reject(new Error(`exit ${code}`))))
  })
}

describe('two ingest processes on one library', () => {
  it('put both copies of every article in one story, whichever process stored it first', async () => {
    const db = join(dir, 'race.db')
    // both start at the same moment, well after their (similar) start-up time
    const startAt = Date.now() + 5000
    const [a, b] = await Promise.all([child(db, 'a', startAt), child(db, 'b', startAt)])
    assert.deepEqual([a.new, b.new, a.failed, b.failed], [ARTICLES, ARTICLES, 0, 0])
    const sql = new Database(db, { readonly: true })
    const rows = sql.prepare('SELECT data, story_id FROM articles').all() as { data: string; story_id: string | null }[]
    const version = sql.prepare('SELECT version FROM cluster_state').pluck().get() as number
    sql.close()
    assertCopiesShareStories(rows, Number(version), ARTICLES)
  })
})
