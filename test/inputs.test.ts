/**
 * Every input kind through every pipeline command: a JSON Lines export is read as the articles it
 * holds (not as one article of raw JSON), and http(s) URLs go through the guarded fetcher.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { cli } from './helpers/cli.js'

const EXAMPLES = new URL('../examples/harbour-ferry', import.meta.url).pathname

interface Report {
  articles: { id: string; title: string | null; outlet: { name: string } | null; source: { kind: string; path?: string; url?: string } }[]
  stories: { articleIds: string[]; facts: { status: string }[] }[]
}

let dir: string
let server: Server
let base: string

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-inputs-'))
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1)
    if (!/^0\d\.html$/.test(name)) return void res.writeHead(404).end('not here')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(EXAMPLES, name)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(async () => {
  rmSync(dir, { recursive: true, force: true })
  await new Promise((resolve) => server.close(resolve))
})

/** The example bundle as a crawler's JSON Lines export (trafilatura's field names). */
async function exportOfExamples(): Promise<string> {
  const { code, stdout } = await cli('extract', EXAMPLES, '--format', 'json', '-q')
  assert.equal(code, 0)
  const articles = JSON.parse(stdout) as { articles: { title: string; text: string; outlet: { name: string } | null; publishedAt: string | null }[] }
  const lines = articles.articles.map((a) => JSON.stringify({ title: a.title, text: a.text, sitename: a.outlet?.name, date: a.publishedAt }))
  const path = join(dir, 'export.jsonl')
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

describe('JSON Lines inputs', () => {
  it('analyze reads an export as its articles and tells the same stories as the files', async () => {
    const exported = await exportOfExamples()
    const fromFiles = JSON.parse((await cli('analyze', EXAMPLES, '-q')).stdout) as Report
    const run = await cli('analyze', exported, '-q')
    assert.equal(run.code, 0, run.stderr)
    const fromExport = JSON.parse(run.stdout) as Report
    assert.equal(fromExport.articles.length, fromFiles.articles.length, 'one article per line, not one for the file')
    assert.ok(fromExport.articles.every((a) => a.source.kind === 'jsonl' && /export\.jsonl#L\d+$/.test(a.source.path ?? '')))
    assert.ok(fromExport.articles.every((a) => a.title && !a.title.startsWith('{')), 'titles are the records\' titles')
    const titles = (r: Report) => r.stories.map((s) => s.articleIds.map((id) => r.articles.find((a) => a.id === id)?.title).sort().join(' | ')).sort()
    assert.deepEqual(titles(fromExport), titles(fromFiles))
    const corroborated = (r: Report) => r.stories.flatMap((s) => s.facts).filter((f) => f.status === 'corroborated').length
    assert.ok(corroborated(fromExport) > 0 && Math.abs(corroborated(fromExport) - corroborated(fromFiles)) <= 2)
  })

  it('keeps the fields a record states (title, authors, date) instead of guessing them from the text', async () => {
    const path = join(dir, 'fields.jsonl')
    const record = {
      headline: 'Ferry sailings resume',
      maintext: 'Posted on 3 January 2020. The ferry operator resumed sailings to the island on Monday after repairs to the damaged hull were finished.',
      authors: ['Jo Marsh', 'Lee Wren'],
      date_publish: '2024-05-06T08:30:00Z',
    }
    writeFileSync(path, `${JSON.stringify(record)}\n`)
    const { code, stdout, stderr } = await cli('extract', path, '--format', 'jsonl')
    assert.equal(code, 0, stderr)
    const { article } = JSON.parse(stdout.trim()) as { article: { title: string; authors: string[]; publishedAt: string; provenance: Record<string, string> } }
    assert.equal(article.title, 'Ferry sailings resume')
    assert.deepEqual(article.authors, ['Jo Marsh', 'Lee Wren'], 'the record\'s authors are carried, not dropped')
    assert.equal(article.publishedAt?.slice(0, 10), '2024-05-06', 'the record\'s date wins over a date the text mentions')
    assert.equal(article.provenance.authors, 'jsonl:authors')
    assert.equal(article.provenance.publishedAt, 'jsonl:publishedAt')
  })

  it('names a bad line and goes on with the rest', async () => {
    const path = join(dir, 'broken.jsonl')
    writeFileSync(path, `${JSON.stringify({ title: 'Ferry sailings resume', text: 'The ferry operator resumed sailings to the island on Monday after repairs to the damaged hull were finished.' })}\n{"title": "cut off\n`)
    const { code, stdout, stderr } = await cli('extract', path, '--format', 'jsonl')
    assert.equal(code, 1)
    assert.match(stderr, /broken\.jsonl#L2: /)
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; article?: { title: string } })
    assert.equal(records.filter((r) => r.article).length, 1)
  })
})

describe('large batches', () => {
  it('processes every input of a batch larger than the thread threshold', async () => {
    const batch = join(dir, 'many')
    const text = readFileSync(join(EXAMPLES, '01.txt'), 'utf8')
    for (let i = 0; i < 40; i++) {
      mkdirSync(join(batch, String(i % 3)), { recursive: true })
      writeFileSync(join(batch, String(i % 3), `${i}.txt`), `${text}\n\nCorrection number ${i} was appended to this copy.`)
    }
    const { code, stdout, stderr } = await cli('extract', batch, '--format', 'jsonl', '--threads', '1', '-q')
    assert.equal(code, 0, stderr)
    assert.equal(stdout.trim().split('\n').length, 40)
  })
})

describe('URL inputs', () => {
  for (const command of ['extract', 'annotate', 'cluster', 'analyze']) {
    it(`${command} reads an http URL (loopback allowed with --allow-private)`, async () => {
      const { code, stdout, stderr } = await cli(command, `${base}/02.html`, '--allow-private', '-q')
      assert.equal(code, 0, stderr)
      assert.ok(stdout.includes(`${base}/02.html`), 'the article names the URL it came from')
    })
  }

  it('refuses a loopback URL without --allow-private, naming it, and goes on with the files', async () => {
    const { code, stdout, stderr } = await cli('analyze', `${base}/02.html`, join(EXAMPLES, '01.txt'), '-q')
    assert.equal(code, 1)
    assert.match(stderr, /127\.0\.0\.1.*(private|loopback)/i)
    assert.equal((JSON.parse(stdout) as Report).articles.length, 1)
  })

  it('names a URL that answers 404', async () => {
    const { code, stderr } = await cli('extract', `${base}/missing.html`, '--allow-private', '-q')
    assert.equal(code, 1)
    assert.match(stderr, /missing\.html: .*404/)
  })
})
