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
