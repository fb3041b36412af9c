/**
 * `npm run bench -- hostile [--sizes 256KB,1MB] [--timeout SECONDS] [--only NAME]`: `analyze` on crafted
 * inputs (long runs without spaces, of punctuation, quote marks, capitals, digits, "1." repeated,
 * commas; deep, unclosed and very many HTML elements) at two sizes, so that super-linear growth
 * shows as seconds per MB rising with the size. Each input runs in a worker thread that is ended
 * after `--timeout` seconds, so one stuck input cannot stall the bench. Prints the outcome of each
 * (a named result or error) and the worst seconds per MB over the corpus.
 */
import { parseArgs } from 'node:util'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

/** One crafted input: what class of hostile text it is, and whether it is text or HTML. */
export interface HostileInput {
  name: string
  kind: 'text' | 'html'
  text: string
}

/** `unit` repeated to about `bytes` bytes (never cut inside a unit). */
function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))))
}

/** Deep nesting: `open` repeated, then closed in reverse, to about `bytes`. */
function nested(open: string, close: string, bytes: number): string {
  const n = Math.max(1, Math.floor(bytes / (open.length + close.length)))
  return open.repeat(n) + 'x' + close.repeat(n)
}

/** React streaming placeholders with no comment closing their fallbacks, then their segments, to about `bytes`. */
function streamedBoundaries(bytes: number): string {
  const n = Math.max(1, Math.floor(bytes / 80))
  let shell = ''
  let segments = ''
  for (let i = 0; i < n; i++) {
    shell += `<template id="B:${i}"></template><i>Loading</i>`
    segments += `<div hidden id="S:${i}">w </div>`
  }
  return `<main>${shell}</main>${segments}`
}

/** The crafted corpus at about `bytes` bytes per input. Every class of the README's hostile-input table. */
export function hostileInputs(bytes: number): HostileInput[] {
  const text = (name: string, value: string): HostileInput => ({ name, kind: 'text', text: value })
  const html = (name: string, value: string): HostileInput => ({ name, kind: 'html', text: `<!doctype html><html><body>${value}</body></html>` })
  return [
    text('letters, no spaces', repeatTo('abcdefghij', bytes)),
    text('capitals, no spaces', repeatTo('ABCDEFGHIJ', bytes)),
    text('capitalised words', repeatTo('Alpha Bravo Charlie Delta ', bytes)),
    text('digits, no spaces', repeatTo('0123456789', bytes)),
    text('"1." repeated', repeatTo('1.', bytes)),
    text('"1. " repeated', repeatTo('1. ', bytes)),
    text('periods', repeatTo('.', bytes)),
    text('commas', repeatTo(',', bytes)),
    text('mixed punctuation', repeatTo('.,;:!?-()', bytes)),
    text('straight double quotes', repeatTo('"', bytes)),
    text('curly quotes', repeatTo('“”', bytes)),
    text('single quotes and apostrophes', repeatTo("'’", bytes)),
    text('quoted words', repeatTo('"a" ', bytes)),
    text('inch marks after single quotes', repeatTo('\'A 55" set. ', bytes)),
    text('unclosed quote, long', `He said "${repeatTo('word ', bytes)}`),
    text('one huge sentence', repeatTo('word ', bytes)),
    text('newlines', `Title\n${repeatTo('a\n', bytes)}`),
    text('said-cues', repeatTo('"Yes," said Smith. ', bytes)),
    text('dates', repeatTo('on Monday 3 March 2025, ', bytes)),
    text('numbers with units', repeatTo('12 people, 3.5 km, $4 million; ', bytes)),
    text('text with two <script> elements', `A plain report.\n\n<script>alert(1)</script>\n\nIt went on.\n\n<script>alert(2)</script>\n\n${repeatTo('Some words here. ', bytes)}`),
    html('unclosed <div>', repeatTo('<div>', bytes)),
    html('nested <div>', nested('<div>', '</div>', bytes)),
    html('many <b> elements', repeatTo('<b>x</b>', bytes)),
    html('unclosed <p>', repeatTo('<p>a', bytes)),
    html('many attributes', `<p ${repeatTo('a=b ', bytes)}>x</p>`),
    html('unclosed comment', `<!--${repeatTo('a', bytes)}`),
    html('unclosed <script>', `<script>${repeatTo('a', bytes)}`),
    html('many unclosed <script>', repeatTo('<script>a', bytes)),
    html('many unclosed comments', repeatTo('<!--a', bytes)),
    html('unclosed tag bracket', repeatTo('<a', bytes)),
    html('long paragraph', `<article><p>${repeatTo('word ', bytes)}</p></article>`),
    html('unclosed streamed segments', `<template id="B:0"></template>${repeatTo('<div hidden id="S:0">', bytes)}<script>$RC("B:0","S:0")</script>`),
    html('streamed boundaries without their closing comment', `${streamedBoundaries(bytes)}<script>$RC(b,s)</script>`),
  ]
}

/** What one crafted input gave. */
export interface HostileResult {
  name: string
  kind: 'text' | 'html'
  bytes: number
  seconds: number
  /** `ok: …` with the report's size, `error <code>: reason`, or `timeout`. */
  outcome: string
}

/** Runs `analyze` (extract, annotate, cluster, compare) on one input in this thread: the outcome named, and the seconds it took. */
export async function analyzeOutcome(input: HostileInput): Promise<{ outcome: string; seconds: number }> {
  const [{ extractArticle }, { annotate }, { analyzeArticles }, { describeError }] = await Promise.all([
    import('../src/extract/index.js'),
    import('../src/enrich/index.js'),
    import('../src/pipeline.js'),
    import('../src/errors.js'),
  ])
  const bytes = new TextEncoder().encode(input.text)
  const t0 = performance.now()
  let outcome: string
  try {
    const article = annotate(extractArticle({ source: { kind: input.kind, path: 'hostile' }, bytes, publishedAt: '2025-03-05T12:00:00Z' }))
    const report = analyzeArticles([article])
    outcome = `ok: ${article.source.kind}, ${article.text.length} chars, ${article.sentences.length} sentences, ${article.quotes.length} quotes, ${article.dates.length} dates, ${report.stories.length} story`
  } catch (error) {
    const { code, message } = describeError(error)
    outcome = `error ${code}: ${message.slice(0, 90)}`
  }
  return { outcome, seconds: (performance.now() - t0) / 1000 }
}

/** Runs one input in a worker thread ended after `timeoutMs`. */
function runIsolated(input: HostileInput, timeoutMs: number): Promise<HostileResult> {
  return new Promise((resolve) => {
    const t0 = performance.now()
    // Loader hooks of the main thread do not carry over: the worker registers tsx itself.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}) })`
    const worker = new Worker(boot, { eval: true, workerData: input })
    // The clock of a finished run is the worker's own (loading the modules is not counted).
    const finish = (outcome: string, seconds = (performance.now() - t0) / 1000): void => {
      clearTimeout(timer)
      void worker.terminate()
      resolve({ name: input.name, kind: input.kind, bytes: Buffer.byteLength(input.text), seconds, outcome })
    }
    const timer = setTimeout(() => finish('timeout'), timeoutMs)
    worker.once('message', (done: { outcome: string; seconds: number }) => finish(done.outcome, done.seconds))
    worker.once('error', (error) => finish(`worker error: ${error.message}`))
  })
}

/** Every crafted input at every size; results in size order. */
export async function benchHostile(sizes: number[], timeoutMs: number, only?: string): Promise<HostileResult[]> {
  const results: HostileResult[] = []
  for (const size of sizes) {
    for (const input of hostileInputs(size)) {
      if (only && !input.name.includes(only)) continue
      const result = await runIsolated(input, timeoutMs)
      results.push(result)
      console.error(`${(result.bytes / 1024).toFixed(0).padStart(6)} KB  ${result.seconds.toFixed(2).padStart(7)} s  ${result.name}: ${result.outcome}`)
    }
  }
  return results
}

function parseSize(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|B)?$/i.exec(raw.trim())
  if (!match) throw new Error(`bad size ${JSON.stringify(raw)}`)
  const unit = (match[2] ?? 'B').toUpperCase()
  return Math.round(Number(match[1]) * (unit === 'MB' ? 1024 * 1024 : unit === 'KB' ? 1024 : 1))
}

/** Prints one row per input: outcome and seconds per MB at each size; then the worst. */
export function printHostile(results: HostileResult[]): void {
  const byName = new Map<string, HostileResult[]>()
  for (const r of results) byName.set(r.name, [...(byName.get(r.name) ?? []), r])
  console.log('| input | size | seconds | s/MB | outcome |')
  console.log('|---|---:|---:|---:|---|')
  let worst: HostileResult | null = null
  for (const [name, rows] of byName) {
    for (const r of rows) {
      const perMb = r.seconds / (r.bytes / (1024 * 1024))
      if (!worst || perMb > worst.seconds / (worst.bytes / (1024 * 1024))) worst = r
      console.log(`| ${name} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.seconds.toFixed(2)} | ${perMb.toFixed(2)} | ${r.outcome.replace(/\|/g, '\\|')} |`)
    }
  }
  if (worst) console.log(`\nworst: ${(worst.seconds / (worst.bytes / (1024 * 1024))).toFixed(2)} s/MB (${worst.name}, ${(worst.bytes / 1024).toFixed(0)} KB)`)
}

/** What `/healthz` answered while one crafted `POST /v1/ingest` ran. */
export interface ServerLatency {
  input: string
  postBytes: number
  postSeconds: number
  postAnswer: string
  healthzChecks: number
  healthzMaxMs: number
  /** Longest time between two `/healthz` answers (`probeHealthz`). */
  healthzGapMs: number
}

/**
 * Asks `/healthz` every 20 ms until stopped; `stop` gives how many answers came, the slowest, and
 * the longest time between two answers (from the start to the stop), in ms. The server runs in this
 * process: while its thread is busy no request is even sent, so only the gap shows that wait.
 */
function probeHealthz(base: string): { stop: () => Promise<{ checks: number; worst: number; gap: number }> } {
  let running = true
  let checks = 0
  let worst = 0
  let gap = 0
  let last = performance.now()
  const probe = (async () => {
    while (running) {
      const t0 = performance.now()
      await fetch(`${base}/healthz`)
      const now = performance.now()
      worst = Math.max(worst, now - t0)
      gap = Math.max(gap, now - last)
      last = now
      checks++
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  return {
    stop: async () => {
      gap = Math.max(gap, performance.now() - last)
      running = false
      await probe
      return { checks, worst, gap }
    },
  }
}

/**
 * Serves an in-memory library on loopback with the per-article work in a worker pool (as `parallax
 * serve` does for ingest, with one thread and 5 s per document), POSTs each crafted input as one
 * article and asks `/healthz` every 20 ms meanwhile: the slowest answer and the longest gap between
 * answers say whether one request blocks the rest.
 */
export async function benchServerLatency(inputs: HostileInput[]): Promise<ServerLatency[]> {
  const [{ buildServer }, { Library }, { openSqliteStore }, { StagePool }] = await Promise.all([
    import('../src/server/app.js'),
    import('../src/app/library.js'),
    import('../src/store/sqlite/driver.js'),
    import('../src/threads/pool.js'),
  ])
  const pool = new StagePool({ threads: 1, jobTimeoutMs: 5000 })
  const app = buildServer(new Library(openSqliteStore(':memory:')), { bodyLimit: 16 * 1024 * 1024, annotate: (raw, extract) => pool.run('annotate', raw, extract) })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const results: ServerLatency[] = []
  try {
    const warm = (n: number) => fetch(`${base}/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: [{ text: `Warm-up report ${n} about a dam inspection on Tuesday, officials said.` }] }) })
    for (const [n, input] of [{ name: 'no POST (baseline: the machine itself)', kind: 'text' as const, text: '' }, ...inputs].entries()) {
      // A worker stopped by the budget is replaced: the new one loads its modules before the next measured request.
      await warm(n)
      const body = JSON.stringify({ articles: [{ [input.kind === 'html' ? 'html' : 'text']: input.text, url: `https://example.com/${encodeURIComponent(input.name)}` }] })
      const probe = probeHealthz(base)
      const t0 = performance.now()
      const answer = input.text ? await fetch(`${base}/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }) : await new Promise<null>((r) => setTimeout(() => r(null), 3000))
      const json = ((await answer?.json()) ?? {}) as { new?: number; failed?: { message: string }[]; title?: string }
      const postSeconds = (performance.now() - t0) / 1000
      const { checks, worst, gap } = await probe.stop()
      const postAnswer = !answer ? '(3 s idle)' : json.failed?.length ? `failed: ${json.failed[0].message.slice(0, 70)}` : json.new !== undefined ? `stored (${json.new} new)` : `${answer.status} ${json.title ?? ''}`
      results.push({ input: input.name, postBytes: Buffer.byteLength(body), postSeconds, postAnswer, healthzChecks: checks, healthzMaxMs: worst, healthzGapMs: gap })
      console.error(`server: ${input.name}: POST ${postSeconds.toFixed(2)} s (${postAnswer}); /healthz max ${worst.toFixed(0)} ms, longest gap ${gap.toFixed(0)} ms over ${checks} checks`)
    }
  } finally {
    await app.close()
    await pool.close()
  }
  return results
}

/** What `/healthz` answered while one story report was built. */
export interface ReportLatency {
  where: string
  articles: number
  reportSeconds: number
  healthzChecks: number
  healthzMaxMs: number
  /** Longest time between two `/healthz` answers (`probeHealthz`). */
  healthzGapMs: number
}

/**
 * Builds the report of one generated story of `articles` articles through `GET
 * /v1/stories/:id/report`, twice: in the server's own thread (a `Library` without a builder) and
 * in a worker (the builder `parallax serve` gives it, `StagePool.runStory`), asking `/healthz`
 * every 20 ms meanwhile.
 */
export async function benchReportLatency(articles = 200): Promise<ReportLatency[]> {
  const [{ buildServer }, { Library }, { openSqliteStore }, { StagePool }, { generateCorpus }, { processDocument, CROSS_ARTICLE }] = await Promise.all([
    import('../src/server/app.js'),
    import('../src/app/library.js'),
    import('../src/store/sqlite/driver.js'),
    import('../src/threads/pool.js'),
    import('./corpus.js'),
    import('../src/document.js'),
  ])
  const corpus = generateCorpus(articles, 1, { articlesPerEvent: articles })
  const annotated = corpus.articles.map((a) => processDocument({ source: { kind: 'text', path: a.path }, bytes: new TextEncoder().encode(a.text), publishedAt: a.publishedAt }, { annotate: CROSS_ARTICLE }))
  const pool = new StagePool({ threads: 1, stories: true })
  const out: ReportLatency[] = []
  try {
    for (const where of ['this thread', 'a worker thread'] as const) {
      const store = openSqliteStore(':memory:')
      const library = new Library(store, where === 'this thread' ? {} : {
        buildStory: async (cluster, members, options) => {
          const built = await pool.runStory(cluster, members, options)
          if (!built.ok) throw new Error(built.error.message)
          return built.value
        },
      })
      await library.ingestMany(annotated.map((article) => ({ article })))
      const stories = (await store.listStories({ limit: 200 })).items.sort((a, b) => b.articleCount - a.articleCount)
      const app = buildServer(library)
      const base = await app.listen({ host: '127.0.0.1', port: 0 })
      try {
        const probe = probeHealthz(base)
        const t0 = performance.now()
        const answer = await fetch(`${base}/v1/stories/${stories[0].id}/report`)
        if (answer.status !== 200) throw new Error(`report: ${answer.status} ${await answer.text()}`)
        await answer.json()
        const reportSeconds = (performance.now() - t0) / 1000
        const { checks, worst, gap } = await probe.stop()
        out.push({ where, articles: stories[0].articleCount, reportSeconds, healthzChecks: checks, healthzMaxMs: worst, healthzGapMs: gap })
        console.error(`server: report of ${stories[0].articleCount} articles built in ${where}: ${reportSeconds.toFixed(2)} s; /healthz max ${worst.toFixed(0)} ms, longest gap ${gap.toFixed(0)} ms over ${checks} checks`)
      } finally {
        await app.close()
        await store.close()
      }
    }
  } finally {
    await pool.close()
  }
  return out
}

/** Prints the report rows. */
export function printReportLatency(rows: ReportLatency[]): void {
  console.log('\n| GET /v1/stories/:id/report, built in | articles | seconds | /healthz checks | /healthz slowest | longest gap between answers |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.where} | ${r.articles} | ${r.reportSeconds.toFixed(2)} | ${r.healthzChecks} | ${r.healthzMaxMs.toFixed(0)} ms | ${r.healthzGapMs.toFixed(0)} ms |`)
}

/** Prints the server rows. */
export function printServerLatency(rows: ServerLatency[]): void {
  console.log('\n| crafted POST /v1/ingest | body | POST seconds | answer | /healthz checks | /healthz slowest | longest gap between answers |')
  console.log('|---|---:|---:|---|---:|---:|---:|')
  for (const r of rows) console.log(`| ${r.input} | ${(r.postBytes / 1024).toFixed(0)} KB | ${r.postSeconds.toFixed(2)} | ${r.postAnswer.replace(/\|/g, '\\|')} | ${r.healthzChecks} | ${r.healthzMaxMs.toFixed(0)} ms | ${r.healthzGapMs.toFixed(0)} ms |`)
}

/** The inputs POSTed in the server part: the slowest classes at 1 MB. */
const SERVER_INPUTS = ['"1." repeated', 'dates', 'many <b> elements', 'unclosed <p>', 'said-cues']

/** `npm run bench -- hostile`. */
export async function benchHostileCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { sizes: { type: 'string', default: '256KB,1MB' }, timeout: { type: 'string', default: '60' }, only: { type: 'string' }, server: { type: 'boolean', default: true }, 'no-server': { type: 'boolean' } } })
  const sizes = values.sizes.split(',').map(parseSize)
  const rows = values.only === 'server' ? [] : await benchHostile(sizes, Number(values.timeout) * 1000, values.only)
  if (rows.length > 0) printHostile(rows)
  if (!values['no-server']) {
    const inputs = hostileInputs(sizes[sizes.length - 1]).filter((i) => SERVER_INPUTS.includes(i.name))
    printServerLatency(await benchServerLatency(inputs))
    printReportLatency(await benchReportLatency())
  }
}

if (!isMainThread && parentPort && workerData && typeof (workerData as HostileInput).text === 'string') {
  parentPort.postMessage(await analyzeOutcome(workerData as HostileInput))
}
