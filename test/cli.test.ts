/**
 * The CLI as a user meets it: inputs of every kind, every output format, exit codes, and bad input
 * that is named on stderr while the rest of the batch goes on.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { cli } from './helpers/cli.js'
import { seedsDir } from './helpers/shared.js'
import { generateCorpus } from '../bench/corpus.js'

const GOOD_ARTICLE = `Harbour workers end strike after pay deal

The dockworkers' union in Port Averly ended its nine-day strike on Tuesday after the harbour board agreed to a 6% pay rise, union leader Mara Quint said.

"We won what we came for," Quint told reporters outside the union hall. "The cranes will be moving by Thursday."

The board's chair, Tobias Wren, said in a statement that the agreement would cost about $4 million a year.
`

let dir: string
const commands = ['extract', 'annotate', 'cluster', 'analyze'] as const

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'))
  mkdirSync(join(dir, 'batch'))
  writeFileSync(join(dir, 'batch', 'good.txt'), GOOD_ARTICLE)
  writeFileSync(join(dir, 'batch', 'empty.txt'), '')
  writeFileSync(join(dir, 'batch', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))
  writeFileSync(join(dir, 'batch', 'latin.txt'), Buffer.concat([Buffer.from('The mayor of S'), Buffer.from([0xe3, 0x6f]), Buffer.from(' Paulo said the bridge reopens on Friday, after three weeks of repairs to its deck.\n')]))
  writeFileSync(join(dir, 'batch', 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'The council met again today. '))
  mkdirSync(join(dir, 'page'))
  writeFileSync(join(dir, 'page', 'article.txt'), `<!doctype html><html><head><title>Harbour strike ends | Averly Gazette</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour strike ends</h1>${GOOD_ARTICLE.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('')}</article><footer>© 2026 Averly Gazette</footer></body></html>`)
})

after(() => rmSync(dir, { recursive: true, force: true }))

describe('bad input in a batch', () => {
  for (const command of commands) {
    it(`${command}: names each bad file with its reason, processes the good one, exits 1`, async () => {
      const { code, stdout, stderr } = await cli(command, join(dir, 'batch'), '--format', 'json', '--published', '2026-03-03')
      assert.equal(code, 1)
      assert.match(stderr, /empty\.txt: .*empty/i)
      assert.match(stderr, /image\.png: .*binary/i)
      assert.match(stderr, /latin\.txt: .*UTF-8/i)
      assert.match(stderr, /huge\.txt: .*50\.0 MB.*limit/i)
      assert.doesNotMatch(stderr, /good\.txt/)
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace')
      const doc = JSON.parse(stdout) as { articles: { title: string | null; source: { path?: string } }[] }
      assert.equal(doc.articles.length, 1)
      assert.ok(doc.articles[0].source.path?.endsWith('good.txt'))
    })
  }

  it('jsonl has one record per input, failures included, each with its source', async () => {
    const { code, stdout } = await cli('extract', join(dir, 'batch'), '--format', 'jsonl')
    assert.equal(code, 1)
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { source: string; article?: unknown; error?: { code: string } })
    assert.equal(records.length, 5)
    const bySource = new Map(records.map((r) => [r.source.split('/').pop(), r]))
    assert.ok(bySource.get('good.txt')?.article)
    assert.equal(bySource.get('empty.txt')?.error?.code, 'empty')
    assert.equal(bySource.get('image.png')?.error?.code, 'binary')
    assert.equal(bySource.get('latin.txt')?.error?.code, 'encoding')
    assert.equal(bySource.get('huge.txt')?.error?.code, 'too-large')
  })

  it('worker threads give the same records, in the same order, as one thread', async () => {
    const one = await cli('annotate', join(dir, 'batch'), join(dir, 'page'), '--format', 'jsonl', '--threads', '1', '--published', '2026-03-03')
    const two = await cli('annotate', join(dir, 'batch'), join(dir, 'page'), '--format', 'jsonl', '--threads', '2', '--published', '2026-03-03')
    assert.equal(two.code, 1)
    assert.match(two.stderr, /2 threads/)
    assert.equal(two.stdout, one.stdout)
    assert.equal(two.stdout.trim().split('\n').length, 6)
  })

  it('a batch of 200 documents or more (files, or an export\'s records) runs on every core by default, a smaller one on all but one', async () => {
    const cores = Math.min(8, availableParallelism())
    const large = join(dir, 'large-batch')
    mkdirSync(large, { recursive: true })
    for (let i = 0; i < 200; i++) writeFileSync(join(large, `n${String(i).padStart(3, '0')}.txt`), `Harbor notice ${i}. The ferry to Port Maravel sails at ${i % 12 + 1} p.m. on weekdays.`)
    const many = await cli('extract', large, '--format', 'jsonl')
    assert.equal(many.code, 0)
    if (cores > 1) assert.match(many.stderr, new RegExp(`200 processed, 0 failed \\(\\d+ ms, ${cores} threads\\)`))
    else assert.doesNotMatch(many.stderr, /threads\)/)
    // The documents of one export count one by one.
    const exported = join(dir, 'export-200.jsonl')
    writeFileSync(exported, Array.from({ length: 200 }, (_, i) => JSON.stringify({ text: `Harbor notice ${i}. The ferry to Port Maravel sails at noon on weekdays.`, url: `https://example.org/n${i}` })).join('\n') + '\n')
    const fromExport = await cli('extract', exported, '--format', 'jsonl')
    assert.equal(fromExport.code, 0)
    if (cores > 1) assert.match(fromExport.stderr, new RegExp(`200 processed, 0 failed \\(\\d+ ms, ${cores} threads\\)`))
    const few = join(dir, 'small-batch')
    mkdirSync(few, { recursive: true })
    for (let i = 0; i < 30; i++) writeFileSync(join(few, `n${i}.txt`), `Harbor notice ${i}. The ferry sails at noon.`)
    const some = await cli('extract', few, '--format', 'jsonl')
    assert.equal(some.code, 0)
    const spare = Math.min(8, availableParallelism() - 1)
    if (spare > 1) assert.match(some.stderr, new RegExp(`\\(\\d+ ms, ${spare} threads\\)`))
    else assert.doesNotMatch(some.stderr, /threads\)/)
  })

  it('analyze builds several stories in worker threads into the same report, byte for byte, as in one thread', async () => {
    const many = join(dir, 'many')
    mkdirSync(many)
    // Our generated articles (bench/corpus.ts): 40 articles of 5 events, a bad file among them.
    generateCorpus(40, 3, { articlesPerEvent: 8 }).articles.forEach((a, k) => writeFileSync(join(many, `${String(k).padStart(2, '0')}.txt`), a.text))
    writeFileSync(join(many, 'empty.txt'), '')
    for (const format of ['json', 'jsonl']) {
      const one = await cli('analyze', many, '--format', format, '--threads', '1', '--published', '2026-03-03')
      const two = await cli('analyze', many, '--format', format, '--threads', '2', '--published', '2026-03-03')
      assert.equal(one.code, 1, one.stderr)
      assert.equal(two.code, 1, two.stderr)
      assert.match(two.stderr, /empty\.txt/)
      const stories = format === 'json' ? (JSON.parse(two.stdout) as { stories: unknown[] }).stories.length : two.stdout.trim().split('\n').length
      assert.ok(stories >= 3, `${format}: ${stories} stories`)
      assert.equal(two.stdout, one.stdout, format)
      // Written story by story, the report is still exactly the JSON a single stringify gives.
      if (format === 'json') assert.equal(two.stdout, `${JSON.stringify(JSON.parse(two.stdout), null, 2)}\n`)
      else for (const line of two.stdout.trim().split('\n')) assert.equal(line, JSON.stringify(JSON.parse(line)))
    }
    // A batch of 200 or more, by default: the workers that annotated it build its stories (on a
    // machine of several cores), into the same report as one thread makes.
    const large = join(dir, 'many-large')
    mkdirSync(large)
    generateCorpus(200, 5, { articlesPerEvent: 8 }).articles.forEach((a, k) => writeFileSync(join(large, `${String(k).padStart(3, '0')}.txt`), a.text))
    const alone = await cli('analyze', large, '--format', 'json', '--threads', '1', '--published', '2026-03-03')
    const shared = await cli('analyze', large, '--format', 'json', '--published', '2026-03-03')
    assert.equal(shared.code, 0, shared.stderr)
    assert.ok((JSON.parse(shared.stdout) as { stories: unknown[] }).stories.length >= 20)
    assert.equal(shared.stdout, alone.stdout)
    // An outlet named like the place the stories are written into (a JSON Lines export may carry
    // any characters) stays the outlet's name.
    const odd = join(dir, 'odd.jsonl')
    const mark = '\u0000parallax:stories\u0000'
    writeFileSync(odd, [
      { title: 'Ferry resumes', maintext: 'The island ferry resumed sailing on Monday after a week of storms, the harbour office said.', media_name: mark, date_publish: '2026-03-03' },
      { title: 'Ferry back', maintext: 'Sailings of the island ferry resumed on Monday, the harbour office said after a stormy week.', media_name: 'Coast Daily', date_publish: '2026-03-03' },
    ].map((r) => JSON.stringify(r)).join('\n'))
    const marked = await cli('analyze', odd, '--format', 'json')
    const report = JSON.parse(marked.stdout) as { articles: { outlet: { name: string } | null }[]; stories: unknown[] }
    assert.ok(report.articles.some((a) => a.outlet?.name === mark), marked.stdout.slice(0, 400))
    assert.ok(Array.isArray(report.stories) && report.stories.length >= 1)
    // No input: the report is still whole, with no story.
    const none = await cli('analyze', join(dir, 'batch', 'empty.txt'), '--format', 'json', '--threads', '2')
    assert.deepEqual((JSON.parse(none.stdout) as { stories: unknown[] }).stories, [])
  })

  it('a missing file and a glob that matches nothing are errors, the rest goes on', async () => {
    const { code, stdout, stderr } = await cli('extract', join(dir, 'nope.txt'), join(dir, 'batch', '*.xml'), join(dir, 'batch', 'good.txt'))
    assert.equal(code, 1)
    assert.match(stderr, /nope\.txt: no such file/)
    assert.match(stderr, /\*\.xml: the pattern matched no file/)
    assert.equal((JSON.parse(stdout) as { articles: unknown[] }).articles.length, 1)
  })
})

describe('inputs and formats', () => {
  it('detects HTML by content, not by the .txt name', async () => {
    const { code, stdout } = await cli('extract', join(dir, 'page', 'article.txt'))
    assert.equal(code, 0)
    const [article] = (JSON.parse(stdout) as { articles: { text: string; title: string }[] }).articles
    assert.match(article.text, /nine-day strike/)
    assert.doesNotMatch(article.text, /<p>|Home\s+News/)
    assert.match(article.title, /Harbour strike ends/)
  })

  it('globs expand to the files they match', async () => {
    const { code, stdout } = await cli('extract', join(dir, 'batch', 'good.*'), join(dir, 'page', '*.txt'))
    assert.equal(code, 0)
    assert.equal((JSON.parse(stdout) as { articles: unknown[] }).articles.length, 2)
  })

  it('usage errors exit 2 with a message', async () => {
    const badFormat = await cli('analyze', seedsDir, '--format', 'pdf')
    assert.equal(badFormat.code, 2)
    assert.match(badFormat.stderr, /format/)
    assert.match(badFormat.stderr, /Allowed choices are json, jsonl, md, html, csv/)
    const badDate = await cli('analyze', seedsDir, '--published', 'last Tuesday')
    assert.equal(badDate.code, 2)
    assert.match(badDate.stderr, /--published wants an ISO 8601 date/)
    const unknown = await cli('compare-all', seedsDir)
    assert.equal(unknown.code, 2)
    // checked before any connection is tried: no server needed
    const badConcurrency = await cli('worker', '--db', 'postgres://127.0.0.1:1/none', '--queue', 'nats://127.0.0.1:1', '--concurrency', '0')
    assert.equal(badConcurrency.code, 2)
    assert.match(badConcurrency.stderr, /--concurrency must be a whole number from 1 to 10000, not 0/)
  })

  it('analyze --format json on the seeds validates against the report schema', async () => {
    const { code, stdout, stderr } = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'json')
    assert.equal(code, 0, stderr)
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object
    const ajv = new Ajv2020.default({ allErrors: true, strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    const report = JSON.parse(stdout) as unknown
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 2))
  })

  it('takes the names users type for a format: markdown for md, ndjson for jsonl', async () => {
    const md = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'markdown')
    assert.equal(md.code, 0, md.stderr)
    assert.match(md.stdout, /^# Parallax report/)
    const lines = await cli('extract', seedsDir, '-f', 'ndjson')
    assert.equal(lines.code, 0, lines.stderr)
    assert.equal(lines.stdout.trim().split('\n').length, 5)
  })

  it('stories show takes the same names: markdown for md; an unknown format exits 2', async () => {
    const edits = join(dir, 'edits.json')
    const md = await cli('stories', 'show', seedsDir, '--edits', edits, '--format', 'markdown')
    assert.equal(md.code, 0, md.stderr)
    assert.match(md.stdout, /^# Stories/)
    const bad = await cli('stories', 'show', seedsDir, '--edits', edits, '--format', 'html')
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /Allowed choices are json, md/)
  })

  it('markdown and html reports carry the outlets; html loads nothing from outside', async () => {
    const md = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'md')
    assert.equal(md.code, 0)
    for (const outlet of ['CNN', 'Fox News', 'Wall Street Journal']) assert.ok(md.stdout.includes(outlet), `md names ${outlet}`)
    const html = await cli('analyze', seedsDir, '--published', '2025-08-06', '--format', 'html')
    assert.equal(html.code, 0)
    assert.match(html.stdout, /^<!doctype html>/i)
    assert.match(html.stdout, /Content-Security-Policy/)
    assert.doesNotMatch(html.stdout, /<(?:script|link|img|iframe)[^>]+(?:src|href)=["']?(?:https?:)?\/\//i)
    for (const outlet of ['CNN', 'Fox News']) assert.ok(html.stdout.includes(outlet))
  })

  it('cluster and analyze refine by default, take --no-refine (the online pass alone) and still take --refine; the seeds stay one story each way', async () => {
    for (const command of ['cluster', 'analyze']) {
      for (const flag of [[], ['--refine'], ['--no-refine']]) {
        const out = await cli(command, seedsDir, '--published', '2025-08-06', ...flag)
        assert.equal(out.code, 0, out.stderr)
        assert.equal((JSON.parse(out.stdout) as { stories: unknown[] }).stories.length, 1)
      }
    }
    const help = await cli('cluster', '--help')
    assert.match(help.stdout, /--no-refine/)
  })

  it('reads stdin through the installed binary', () => {
    const bin = new URL('../bin/parallax.js', import.meta.url).pathname
    const result = spawnSync(process.execPath, [bin, 'annotate', '-', '--published', '2026-03-03', '--format', 'jsonl'], { input: GOOD_ARTICLE, encoding: 'utf8' })
    assert.equal(result.status, 0, result.stderr)
    const record = JSON.parse(result.stdout.trim()) as { source: string; article: { quotes: { speaker: { name: string } | null }[] } }
    assert.equal(record.source, '-')
    assert.ok(record.article.quotes.some((q) => q.speaker?.name === 'Mara Quint'))
  })

  it('starts the installed binary with V8 flags this Node knows (an unknown one is named on stderr)', () => {
    const bin = new URL('../bin/parallax.js', import.meta.url).pathname
    const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })
    assert.equal(result.status, 0)
    assert.equal(result.stderr, '')
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/)
  })
})
