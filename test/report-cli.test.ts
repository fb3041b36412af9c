/**
 * The CLI additions of the reader-first report: names for every article (house marks, file names,
 * per-input --outlet), CSV output, and usage errors caught before any input is read.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { openSqliteStore } from '../src/store/sqlite/driver.js'
import { cli } from './helpers/cli.js'
import { poolStoryBuilder } from '../src/cli/serve.js'
import { StagePool } from '../src/threads/pool.js'
import { seedsDir } from './helpers/shared.js'

const PIER_A = `Harbour council closes ferry pier for repairs

The harbour council voted on Tuesday to close the old ferry pier for three months of repairs, council leader Ana Brook said.

"The pier is no longer safe for the morning crowds," Brook told reporters after the vote.

The work will cost $2 million, the council said.
`
const PIER_B = `The old ferry pier will close for repairs after a council vote on Tuesday, officials said.

Council leader Ana Brook said the pier was "no longer safe for the morning crowds."

The repairs will cost $3 million and take three months, according to the harbour engineer.

Why It Matters
Most commuters cross the harbour by ferry.

What To Know
The pier reopens in the summer.
`

let dir: string
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-report-cli-'))
  writeFileSync(join(dir, 'a.txt'), PIER_A)
  writeFileSync(join(dir, 'b.txt'), PIER_B)
})
after(() => rmSync(dir, { recursive: true, force: true }))

describe('analyze: names, CSV and usage errors', () => {
  it('--summary-sentences out of range is a usage error before any input is read', async () => {
    const { code, stderr } = await cli('analyze', join(dir, 'no-such-file.txt'), '--summary-sentences', '12')
    assert.equal(code, 2)
    assert.match(stderr, /--summary-sentences.*12.*from 3 to 7/)
    assert.doesNotMatch(stderr, /no-such-file|inputs|summarize/)
  })

  it('--outlet file=name names one input; a bare --outlet fills the others that name none', async () => {
    const { code, stdout, stderr } = await cli('extract', join(dir, 'a.txt'), join(dir, 'b.txt'), '--outlet', 'a.txt=Harbour Gazette', '--outlet', 'Ferry Weekly')
    assert.equal(code, 0, stderr)
    const names = (JSON.parse(stdout) as { articles: { outlet: { name: string } | null; provenance: { outlet?: string } }[] }).articles.map((a) => [a.outlet?.name, a.provenance.outlet])
    // b.txt carries Newsweek's house headings: those win over the default --outlet
    assert.deepEqual(names, [['Harbour Gazette', 'user'], ['Newsweek', 'text:house-marks']])
    const bad = await cli('extract', join(dir, 'a.txt'), '--outlet', '=Reuters')
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--outlet wants input=name/)
  })

  it('--format csv prints the fact x outlet matrix; --csv quotes the quotes', async () => {
    const facts = await cli('analyze', join(dir, 'a.txt'), join(dir, 'b.txt'), '--published', '2026-03-03', '--outlet', 'a.txt=Harbour Gazette', '--format', 'csv')
    assert.equal(facts.code, 0, facts.stderr)
    const header = facts.stdout.split('\r\n')[0]
    assert.equal(header, 'story_id,story_title,fact_id,status,outlets,independent_sources,fact,Harbour Gazette,Newsweek')
    assert.ok(facts.stdout.split('\r\n').length > 2)
    const quotes = await cli('analyze', join(dir, 'a.txt'), join(dir, 'b.txt'), '--published', '2026-03-03', '--format', 'csv', '--csv', 'quotes')
    assert.equal(quotes.code, 0, quotes.stderr)
    assert.match(quotes.stdout, /^story_id,quote_id,speaker,quote,outlet,article_id,words\r\n/)
    assert.match(quotes.stdout, /Ana Brook/)
  })

  it('on the seeds every article shows an outlet, never a hash, and the money discrepancy reads as money', async () => {
    const md = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'md')
    assert.equal(md.code, 0, md.stderr)
    const articles = md.stdout.split('### Articles')[1].split('###')[0]
    const rows = articles.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Outlet') && !l.startsWith('| ---'))
    assert.equal(rows.length, 5)
    for (const row of rows) assert.doesNotMatch(row.split('|')[1], /^\s*[0-9a-f]{16}\s*$/)
    for (const outlet of ['Newsweek', 'The Wall Street Journal', 'Fox News', 'CNN']) assert.ok(articles.includes(`| ${outlet} |`), outlet)
    const html = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'html')
    assert.doesNotMatch(html.stdout, /class="outlet">[0-9a-f]{16}</)
    assert.doesNotMatch(html.stdout, /USD: \d{5,}/)
  })
})

describe('ingest', () => {
  it('takes --outlet input=name too, and the library lists the outlet', async () => {
    const db = join(dir, 'lib.db')
    const { code, stderr } = await cli('ingest', join(dir, 'a.txt'), join(dir, 'b.txt'), '--db', db, '--outlet', 'a.txt=Harbour Gazette')
    assert.equal(code, 0, stderr)
    assert.match(stderr, /read 2, new 2, duplicate 0, failed 0; 1 story updated/)
    const store = openSqliteStore(db)
    assert.deepEqual((await store.outlets()).map((o) => o.name).sort(), ['Harbour Gazette', 'Newsweek'])
    await store.close()
  })
})

describe('serve', () => {
  it('serves a story report over HTTP (built by its worker pool), and stops cleanly on SIGTERM', async () => {
    const bin = new URL('../bin/parallax.js', import.meta.url).pathname
    const server = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'served.db'), '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] })
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
    try {
      let stderr = ''
      const base = await new Promise<string>((resolve, reject) => {
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8')
          const at = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)
          if (at) resolve(at[1])
        })
        server.once('exit', () => reject(new Error(`serve exited before listening: ${stderr}`)))
        setTimeout(() => reject(new Error(`serve did not listen within 30 s: ${stderr}`)), 30_000).unref()
      })
      const posted = await fetch(`${base}/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ articles: [{ text: PIER_A, outlet: 'Harbour Gazette' }, { text: PIER_B, outlet: 'Coast Courier' }] }),
      })
      assert.equal(posted.status, 200, await posted.clone().text())
      const stories = (await (await fetch(`${base}/v1/stories`)).json()) as { items: { id: string }[] }
      assert.equal(stories.items.length, 1)
      const response = await fetch(`${base}/v1/stories/${stories.items[0].id}/report`)
      assert.equal(response.status, 200)
      const report = (await response.json()) as { articleIds: string[]; facts: { text: string; articleIds: string[] }[] }
      assert.equal(report.articleIds.length, 2)
      // The pier closing for repairs, which both write, is one fact of both articles.
      assert.ok(report.facts.some((f) => f.articleIds.length === 2 && /pier/i.test(f.text)), JSON.stringify(report.facts.map((f) => f.text)))
      assert.equal((await fetch(`${base}/healthz`)).status, 200)
    } finally {
      server.kill('SIGTERM')
    }
    assert.equal(await exited, 0)
  })

  it('exits with an error, not hanging on its worker threads, when its port is taken', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    try {
      const port = (taken.address() as AddressInfo).port
      const bin = new URL('../bin/parallax.js', import.meta.url).pathname
      const server = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'taken.db'), '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
      const hung = setTimeout(() => server.kill('SIGKILL'), 30_000)
      const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => server.once('exit', (c, s) => resolve([c, s])))
      clearTimeout(hung)
      assert.equal(signal, null, `serve hung and was killed: ${stderr}`)
      assert.notEqual(code, 0)
      assert.match(stderr, /EADDRINUSE|in use/i)
    } finally {
      taken.close()
    }
  })

  it('names the story whose report its worker pool could not build', async () => {
    const pool = new StagePool({ threads: 1 })
    await pool.close()
    const build = poolStoryBuilder(pool)
    await assert.rejects(async () => build({ id: 's_closed', articleIds: [], why: [] }, [], {}), /building the report of story s_closed failed: the worker pool was closed/)
  })

  it('refuses a library path in a directory that does not exist', async () => {
    const { code, stderr } = await cli('serve', '--db', '/no/such/dir/lib.db', '--port', '0')
    assert.equal(code, 2)
    assert.match(stderr, /--db \/no\/such\/dir\/lib\.db: no directory \/no\/such\/dir/)
  })
})
