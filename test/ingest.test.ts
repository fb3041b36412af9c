// End to end: `parallax ingest` into a SQLite library, from seed files, JSON Lines, WARC and a URL.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { openSqliteStore } from '../src/store/sqlite/driver.js'
import { PIPELINE_VERSION } from '../src/store/version.js'
import { cli } from './helpers/cli.js'
import { loadSeeds, seedsDir } from './helpers/shared.js'

const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const PAGE = '<!doctype html><html><head><title>Harbour bridge reopens after repairs</title></head><body><article><h1>Harbour bridge reopens after repairs</h1>' +
  '<p>The harbour bridge reopened on Monday after six weeks of repairs, the city council said.</p>' +
  '<p>"Traffic will flow normally from tomorrow," council engineer Mara Linde told reporters on Monday.</p>' +
  '<p>Repairs cost 4.2 million euros, according to the council, which said the work had finished two days early.</p></article></body></html>'

let server: Server
let base = ''
before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    // with a query the page changes a little, so only the URL can tell it is the same article
    const page = url.search ? PAGE.replace('six weeks', 'seven weeks') : PAGE
    if (url.pathname === '/bridge') res.writeHead(200, { 'content-type': 'text/html' }).end(page)
    else res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => server.close())

describe('parallax ingest', () => {
  it('stores the seeds once, in one story, and says so in the summary', async () => {
    const db = join(dir, 'seeds.db')
    const first = await cli('ingest', seedsDir, '--db', db)
    assert.equal(first.code, 0, first.stderr)
    const n = loadSeeds().length
    assert.match(first.stderr, new RegExp(`read ${n}, new ${n}, duplicate 0, failed 0; 1 story updated`))
    const again = await cli('ingest', seedsDir, '--db', db)
    assert.match(again.stderr, new RegExp(`read ${n}, new 0, duplicate ${n}, failed 0`))
    const store = openSqliteStore(db)
    assert.equal(await store.countArticles(), n)
    assert.equal((await store.listStories()).items[0].articleCount, n)
    await store.close()
  })

  it('assigns the same stories when worker threads annotate', async () => {
    const db = join(dir, 'threads.db')
    const result = await cli('ingest', seedsDir, '--db', db, '--threads', '2')
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, new RegExp(`new ${loadSeeds().length}, duplicate 0, failed 0; 1 story updated .*2 threads`))
    const one = openSqliteStore(join(dir, 'seeds.db'))
    const two = openSqliteStore(db)
    const stories = async (s: typeof one) => (await s.listArticles()).items.map((a) => [a.id, a.storyId]).sort()
    assert.deepEqual(await stories(two), await stories(one))
    await one.close()
    await two.close()
  })

  it('reads JSON Lines with news-please, trafilatura and Media Cloud names, naming bad lines', async () => {
    const file = join(dir, 'export.jsonl')
    const body = 'The regional parliament voted 61 to 40 on Thursday to approve the new water law after a long debate.'
    writeFileSync(file, [
      JSON.stringify({ title: 'Water law passes', maintext: body, date_publish: '2025-03-06 10:00:00', source_domain: 'example-news.org', url: 'https://example-news.org/a' }),
      JSON.stringify({ title: 'Council fixes bridge', text: 'The city council finished the bridge repairs two days early and reopened it on Monday morning.', date: '2025-03-03', sitename: 'Town Courier' }),
      'not json',
      JSON.stringify({ title: 'Rail strike ends', story_text: 'Rail workers ended their strike on Friday after the union accepted a pay offer of five percent.', publish_date: '2025-03-07', media_name: 'Metro Wire' }),
      JSON.stringify({ title: 'Nothing here' }),
    ].join('\n'))
    const db = join(dir, 'jsonl.db')
    const result = await cli('ingest', file, '--db', db)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /export\.jsonl#L3: not valid JSON/)
    assert.match(result.stderr, /export\.jsonl#L5: record has no text or html field/)
    assert.match(result.stderr, /read 3, new 3, duplicate 0, failed 2/)
    const store = openSqliteStore(db)
    const outlets = (await store.outlets()).map((o) => o.name).sort()
    assert.deepEqual(outlets.length, 3)
    assert.ok((await store.search('parliament water')).length === 1)
    await store.close()
  })

  it('reads the HTML responses of a WARC file and skips its request records', async () => {
    const record = (headers: string[], block: string) => {
      const bytes = Buffer.from(block)
      return `WARC/1.0\r\n${headers.join('\r\n')}\r\nContent-Length: ${bytes.length}\r\n\r\n${block}\r\n\r\n`
    }
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${PAGE}`
    const warc = record(['WARC-Type: warcinfo'], 'software: test') +
      record(['WARC-Type: request', 'WARC-Target-URI: https://example.org/bridge', 'Content-Type: application/http; msgtype=request'], 'GET /bridge HTTP/1.1\r\n\r\n') +
      record(['WARC-Type: response', 'WARC-Target-URI: https://example.org/bridge', 'Content-Type: application/http; msgtype=response'], http)
    const file = join(dir, 'crawl.warc')
    writeFileSync(file, warc)
    const db = join(dir, 'warc.db')
    const result = await cli('ingest', file, '--db', db)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /read 1, new 1/)
    const store = openSqliteStore(db)
    const [a] = (await store.listArticles()).items
    assert.equal(a.url, '//example.org/bridge')
    assert.match(a.title ?? '', /Harbour bridge reopens/)
    await store.close()
  })

  it('fetches URLs only when private addresses are allowed, and dedups by URL', async () => {
    const db = join(dir, 'url.db')
    const refused = await cli('ingest', `${base}/bridge`, '--db', db)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /refusing private or loopback address/)
    const ok = await cli('ingest', `${base}/bridge`, '--db', db, '--allow-private')
    assert.match(ok.stderr, /read 1, new 1/)
    const again = await cli('ingest', `${base}/bridge?utm_source=x`, '--db', db, '--allow-private')
    assert.match(again.stderr, /read 1, new 0, duplicate 1/)
  })

  it('keeps each document\'s raw bytes, so reprocess brings a SQLite library up to date in place, losing nothing', async () => {
    const db = join(dir, 'reprocess.db')
    const texts = [
      'Harbour bridge reopens\n\nThe harbour bridge reopened on Monday after six weeks of repairs, the city council said. "Traffic will flow normally from tomorrow," council engineer Mara Linde told reporters.',
      'Bridge open again\n\nCouncil engineer Mara Linde said on Monday that the harbour bridge had reopened. "Traffic will flow normally from tomorrow," Linde said, after repairs that cost 4.2 million euros.',
      'Grain prices climb\n\nGrain prices rose 3 percent on Tuesday, traders in Rotterdam said, as dry weather cut harvest forecasts across the region.',
    ]
    const files = texts.map((t, i) => join(dir, `reprocess-${i}.txt`))
    files.forEach((f, i) => writeFileSync(f, texts[i]))
    const jsonl = join(dir, 'reprocess.jsonl')
    writeFileSync(jsonl, JSON.stringify({ title: 'Ferry timetable changes', text: 'The ferry company said on Wednesday that winter timetables start in November, with two fewer crossings a day.', url: 'https://news.example/ferry' }) + '\n')
    const ingest = await cli('ingest', ...files, jsonl, '--db', db, '--quiet')
    assert.equal(ingest.code, 0, ingest.stderr)
    const sql = new Database(db)
    const before = sql.prepare('SELECT a.id, a.story_id, a.pipeline_version AS v, r.article_id IS NOT NULL AS raw FROM articles a LEFT JOIN raw_documents r ON r.article_id = a.id ORDER BY a.seq').all() as { id: string; story_id: string; v: string; raw: number }[]
    assert.equal(before.length, 4)
    assert.ok(before.every((r) => r.raw === 1 && r.v === PIPELINE_VERSION && r.story_id), JSON.stringify(before))
    const original = sql.prepare('SELECT text, data FROM articles ORDER BY seq').all()
    // an older pipeline made them: another version, and no quotes, entities or numbers found
    for (const { id } of before) {
      const row = sql.prepare('SELECT data FROM articles WHERE id = ?').get(id) as { data: string }
      sql.prepare(`UPDATE articles SET pipeline_version = 'old', data = ? WHERE id = ?`).run(JSON.stringify({ ...JSON.parse(row.data), quotes: [], entities: [], numbers: [] }), id)
    }
    sql.close()
    const run = await cli('reprocess', '--db', db)
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, /4 updated .* \(4 from raw bytes, 0 from stored text\), 0 failed/)
    const store = openSqliteStore(db)
    const after = (await store.listArticles({ limit: 10 })).items.reverse()
    assert.deepEqual(after.map((a) => [a.id, a.storyId]), before.map((r) => [r.id, r.story_id]), 'ids and stories are kept')
    const articles = await store.getArticles(after.map((a) => a.id))
    assert.ok(articles.some((a) => a.quotes.length > 0) && articles.some((a) => a.numbers.length > 0) && articles.some((a) => a.entities.length > 0), 'annotations are back')
    const reread = new Database(db, { readonly: true })
    assert.deepEqual(reread.prepare('SELECT text, data FROM articles ORDER BY seq').all(), original, 'the same pipeline over the kept bytes gives the articles ingest made')
    reread.close()
    assert.equal(articles.find((a) => a.source.url === 'https://news.example/ferry')?.title, 'Ferry timetable changes', 'a JSON Lines record keeps its own fields')
    assert.deepEqual((await store.search('ferry')).length, 1, 'search follows the updated text')
    await store.close()
    assert.match((await cli('reprocess', '--db', db)).stderr, / 0 updated/, 'articles at the current version are skipped')
  })
})
