// End to end: `parallax feeds` against an RSS server on 127.0.0.1.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { openSqliteStore } from '../src/store/sqlite/driver.js'
import { cli } from './helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'parallax-feeds-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const item = (guid: string, title: string, body: string | null, link: string) =>
  `<item><guid>${guid}</guid><title>${title}</title><link>${link}</link><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>${body ? `<description><![CDATA[<p>${body}</p>]]></description>` : ''}</item>`

const state = { items: [] as string[], fail: false, requests: 0, conditional: 0 }
let server: Server
let base = ''
before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') {
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1><p>The island ferry service resumed on Monday after the strike ended, the operator said.</p><p>Crossings will run every two hours until the spring timetable begins in April.</p></article></body></html>')
    }
    state.requests++
    if (state.fail) return res.writeHead(503).end()
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>${state.items.join('')}</channel></rss>`
    const etag = `"${state.items.length}"`
    if (req.headers['if-none-match'] === etag) return (state.conditional++, res.writeHead(304).end())
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => server.close())

describe('parallax feeds', () => {
  const db = join(dir, 'feeds.db')
  const poll = (...extra: string[]) => cli('feeds', 'poll', '--db', db, '--allow-private', ...extra)

  it('adds a feed, ingests its entries (fetching link-only ones), then polls conditionally', async () => {
    assert.equal((await cli('feeds', 'add', `${base}/rss`, '--db', db)).code, 0)
    state.items = [
      item('g1', 'Bridge reopens', 'The harbour bridge reopened on Monday after six weeks of repairs, the city council said in a statement.', `${base}/bridge`),
      item('g2', 'Ferry service resumes', null, `${base}/page`),
    ]
    const first = await poll()
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stderr, /polled: read 2, new 2, duplicate 0, failed 0/)
    const second = await poll()
    assert.match(second.stderr, /not-modified/)
    assert.equal(state.conditional, 1)
  })

  it('skips entries seen before by GUID and takes only the new one', async () => {
    state.items = [item('g3', 'Rail strike ends', 'Rail workers ended their strike on Friday after the union accepted a pay offer of five percent.', `${base}/rail`), ...state.items]
    const result = await poll()
    assert.match(result.stderr, /read 1, new 1/)
  })

  it('counts errors with growing back-off and keeps the earlier entries', async () => {
    state.fail = true
    const failed = await poll()
    assert.equal(failed.code, 1)
    assert.match(failed.stderr, /failed: HTTP 503/)
    const requests = state.requests
    assert.match((await poll()).stderr, /backing-off/)
    assert.equal(state.requests, requests, 'a feed backing off is not fetched')
    await poll('--force')
    const errors = await cli('feeds', 'errors', '--db', db)
    assert.match(errors.stdout, /errors 2, next try/)
    const store = openSqliteStore(db)
    const [feed] = await store.listFeeds()
    // second failure waits twice as long as the first (5 then 10 minutes by default)
    const wait = Date.parse(feed.nextPollAt!) - Date.parse(feed.lastPolledAt!)
    assert.ok(wait > 9 * 60_000 && wait <= 10 * 60_000, String(wait))
    assert.equal(await store.countArticles(), 3)
    await store.close()
    assert.equal((await cli('feeds', 'reset-errors', '--db', db)).code, 0)
    assert.equal((await cli('feeds', 'errors', '--db', db)).stdout, '')
    state.fail = false
  })
})
