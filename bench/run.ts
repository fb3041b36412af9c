/**
 * `npm run bench [-- stages] [-- --articles N] [-- --seed N] [-- --budget SECONDS]`;
 * `npm run bench -- workers [--articles N]` times queue workers over PostgreSQL + NATS, 1 then 2 processes (bench/workers.ts).
 * `npm run bench -- clustering [--articles N]` runs the story-assignment stream bench (bench/clustering.ts).
 * `npm run bench -- library [--articles N] [--rate R] [--seconds S] [--threads T]` runs the library bench (bench/library.ts).
 * `npm run bench -- annotation [--articles N]` times sentences + entities + quotes on 5 KB articles, then the
 * whole annotate() (numbers and dates too) on the same articles (bench/annotation.ts).
 * `npm run bench -- story [--articles N] [--runs N]` times `analyze` on one generated N-article story (bench/story.ts).
 * `npm run bench -- scale [--articles 1000,4000] [--formats json,jsonl]` times the built `parallax analyze` per batch
 * size, with peak memory (bench/scale.ts).
 * `npm run bench -- cli [--articles N] [--runs N]` times whole CLI processes (annotate, analyze) against a floor
 * process on the generated corpus and real articles (bench/cli.ts); the default run prints it too when built.
 * `npm run bench -- hostile [--sizes 256KB,1MB] [--timeout S]` runs `analyze` on crafted inputs at two sizes and
 * reports seconds per MB and each outcome (bench/hostile.ts).
 * `npm run bench -- html [--pages N] [--rounds N]` times HTML extraction against Readability alone on
 * the AEB pages (bench/html.ts); the default run prints the same rows on a smaller sample.
 *
 * Times every pipeline stage on a generated corpus, next to a floor measured in the same run
 * (decoding the bytes and splitting on a sentence regex), prints a table and writes
 * bench/out/latest.json. `stages` times the per-stage part only, without the whole analyze.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Annotated, Article, RawDocument, Span } from '../src/types.js'
import { pairwiseAgreement } from './agreement.js'
import { generateCorpus, type CorpusArticle } from './corpus.js'
import { RATIO_DEFINITION, RssSampler, formatTable, median, throughput, toMb, type StageResult } from './measure.js'
import { loadPipeline, timeBatch, timePerArticle, type Pipeline, type TimingContext } from './stages.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FLOOR_SPLIT = /(?<=[.!?])\s+/
const FLOOR_RUNS = 5

export interface BenchOptions {
  articles: number
  seed: number
  /** Seconds per stage before it is timed on a prefix of the corpus instead. */
  budgetSeconds: number
  /** Skip the whole-analyze row. */
  stagesOnly: boolean
}

/** Reads the command line; throws a message a person can act on for a bad value. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { articles: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, budget: { type: 'string', default: '10' } },
  })
  const number = (name: string, raw: string, min: number): number => {
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}, got ${JSON.stringify(raw)}`)
    return value
  }
  const unknown = positionals.filter((p) => p !== 'stages')
  if (unknown.length > 0) throw new Error(`unknown argument ${JSON.stringify(unknown[0])}; the only mode is "stages"`)
  return {
    articles: Math.floor(number('articles', values.articles, 1)),
    seed: Math.floor(number('seed', values.seed, 0)),
    budgetSeconds: number('budget', values.budget, 0.1),
    stagesOnly: positionals.includes('stages'),
  }
}

/** The floor: decode every article's bytes and split on a sentence regex; median of several runs. */
function measureFloor(raws: RawDocument[], rss: RssSampler): StageResult {
  const decoder = new TextDecoder()
  let sink = 0
  const run = (): number => {
    const t0 = performance.now()
    for (const raw of raws) sink += decoder.decode(raw.bytes).split(FLOOR_SPLIT).length
    return performance.now() - t0
  }
  run() // warm-up
  const ms = median(Array.from({ length: FLOOR_RUNS }, run))
  rss.sample()
  if (sink < 0) console.error(sink) // keeps the work observable so it cannot be optimised away
  const perSecond = throughput(raws.length, ms)
  return { stage: 'floor (decode + split)', status: 'ok', articles: raws.length, ms, perSecond, ratio: 1, peakRssMb: toMb(rss.peak) }
}

/** When extract is not written yet, enrich still runs: on the generated text as it is. */
function stubArticle(a: CorpusArticle): Article {
  return { id: a.path, source: { kind: 'text', path: a.path }, outlet: null, title: null, authors: [], publishedAt: a.publishedAt, language: 'en', text: a.text, removed: [] }
}

/** The cluster row's note: how the stories found compare with the generated events. */
function clusterAgreement(output: unknown, annotated: Annotated[], corpus: CorpusArticle[]): string | null {
  if (!Array.isArray(output)) return null
  const groups = output.map((story: { articleIds?: unknown }) => (Array.isArray(story?.articleIds) ? story.articleIds.map(String) : []))
  // Outputs keep input order, so the i-th annotated article is the i-th generated one.
  const eventOf = new Map(annotated.map((a, i) => [a.id, corpus[i].eventId]))
  const { precision, recall, stories, events } = pairwiseAgreement(groups, eventOf)
  return `${stories} stories for ${events} generated events; pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`
}

/** Times the stages in pipeline order; each stage's outputs are the next one's inputs. */
function timeStages(pipeline: Pipeline, corpus: CorpusArticle[], raws: RawDocument[], ctx: TimingContext, stagesOnly: boolean): StageResult[] {
  const why = pipeline.missing
  const rows: StageResult[] = []
  const extract = timePerArticle('extract', pipeline.extractArticle, raws, ctx, why.extractArticle)
  rows.push(extract.result)
  const articles = extract.outputs.length > 0 ? extract.outputs : corpus.map(stubArticle)
  if (extract.outputs.length === 0) extract.result.note = [extract.result.note, 'enrich stages ran on the generated text'].filter(Boolean).join('; ')

  const sentences = timePerArticle('enrich/sentences', pipeline.splitSentences && ((a: Article) => pipeline.splitSentences!(a.text)), articles, ctx, why.splitSentences)
  const withSentences = articles.map((a, i) => ({ a, s: sentences.outputs[i] ?? ([] as Span[]) }))
  const entities = timePerArticle('enrich/entities', pipeline.findEntities && ((x: (typeof withSentences)[number]) => pipeline.findEntities!(x.a.text, x.s)), withSentences, ctx, why.findEntities)
  const withEntities = withSentences.map((x, i) => ({ ...x, e: entities.outputs[i] ?? [] }))
  const quotes = timePerArticle('enrich/quotes', pipeline.findQuotes && ((x: (typeof withEntities)[number]) => pipeline.findQuotes!(x.a.text, x.s, x.e)), withEntities, ctx, why.findQuotes)
  const numbers = timePerArticle('enrich/numbers', pipeline.findNumbers && ((a: Article) => pipeline.findNumbers!(a.text)), articles, ctx, why.findNumbers)
  const dates = timePerArticle('enrich/dates', pipeline.findDates && ((a: Article) => pipeline.findDates!(a.text, a.publishedAt)), articles, ctx, why.findDates)
  const enrich = timePerArticle('enrich (annotate, all five)', pipeline.annotate, articles, ctx, why.annotate)
  rows.push(sentences.result, entities.result, quotes.result, numbers.result, dates.result, enrich.result)

  // Cluster reads annotated articles: from annotate, and where annotate did not run (missing, or
  // timed on a prefix) assembled from the single stages above, so cluster always sees the corpus.
  const annotated: Annotated[] = articles.map(
    (a, i) => enrich.outputs[i] ?? { ...a, sentences: sentences.outputs[i] ?? [], entities: entities.outputs[i] ?? [], quotes: quotes.outputs[i] ?? [], numbers: numbers.outputs[i] ?? [], dates: dates.outputs[i] ?? [] },
  )
  const cluster = timeBatch('cluster', pipeline.clusterArticles, annotated, ctx, why.clusterArticles)
  const agreement = clusterAgreement(cluster.output, annotated, corpus)
  if (agreement) cluster.result.note = [cluster.result.note, agreement].filter(Boolean).join('; ')
  rows.push(cluster.result)
  if (!stagesOnly) {
    const analyze = timeBatch('analyze (raw -> report)', pipeline.analyzeRaw, raws, { ...ctx, budgetMs: ctx.budgetMs * 2.5 }, why.analyzeRaw)
    rows.push(analyze.result)
  }
  return rows
}

function toRaw(article: CorpusArticle, encoder: { encode(text: string): Uint8Array }): RawDocument {
  return { source: { kind: 'text', path: article.path }, bytes: encoder.encode(article.text), publishedAt: null }
}

/** Runs the benchmark and returns what latest.json holds. */
export async function runBench(options: BenchOptions): Promise<Record<string, unknown>> {
  const rss = new RssSampler()
  const t0 = performance.now()
  const { articles: corpus } = generateCorpus(options.articles, options.seed)
  const generateMs = performance.now() - t0
  const encoder = new TextEncoder()
  const raws = corpus.map((a) => toRaw(a, encoder))
  const pipeline = await loadPipeline(root)
  const floor = measureFloor(raws, rss)
  const ctx: TimingContext = { floorPerSecond: floor.perSecond, budgetMs: options.budgetSeconds * 1000, rss }
  const rows = [floor, ...timeStages(pipeline, corpus, raws, ctx, options.stagesOnly)]
  rss.sample()
  const events = new Set(corpus.map((a) => a.eventId)).size
  const meanChars = Math.round(corpus.reduce((n, a) => n + a.text.length, 0) / Math.max(1, corpus.length))
  return {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    // Other work on the machine slows every row; the ratio to the floor only partly corrects for it.
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    options,
    corpus: { articles: corpus.length, events, meanChars, generateMs: Math.round(generateMs) },
    ratioDefinition: RATIO_DEFINITION,
    peakRssMb: toMb(rss.peak),
    stages: rows,
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'library') {
    const { benchLibraryCli } = await import('./library.js')
    return void (await benchLibraryCli(process.argv.slice(3)))
  }
  if (process.argv[2] === 'workers') {
    const { benchWorkersCli } = await import('./workers.js')
    return void (await benchWorkersCli(process.argv.slice(3)))
  }
  if (process.argv[2] === 'clustering') {
    const { values } = parseArgs({ args: process.argv.slice(3), options: { articles: { type: 'string', default: '200000' } } })
    const { benchClustering } = await import('./clustering.js')
    return void (await benchClustering(Number(values.articles)))
  }
  if (process.argv[2] === 'grouping') {
    const { benchGroupingCli } = await import('./grouping.js')
    return benchGroupingCli(process.argv.slice(3))
  }
  if (process.argv[2] === 'annotation') {
    const { values } = parseArgs({ args: process.argv.slice(3), options: { articles: { type: 'string', default: '1000' } } })
    const { benchAnnotation, printAnnotationBench } = await import('./annotation.js')
    return printAnnotationBench(benchAnnotation(Number(values.articles), join(root, '..', 'shared'), true))
  }
  if (process.argv[2] === 'story') {
    const { benchStoryCli } = await import('./story.js')
    return benchStoryCli(process.argv.slice(3))
  }
  if (process.argv[2] === 'scale') {
    const { benchScaleCli } = await import('./scale.js')
    return benchScaleCli(process.argv.slice(3))
  }
  if (process.argv[2] === 'cli') {
    const { benchCliCli } = await import('./cli.js')
    return benchCliCli(process.argv.slice(3))
  }
  if (process.argv[2] === 'hostile') {
    const { benchHostileCli } = await import('./hostile.js')
    return benchHostileCli(process.argv.slice(3))
  }
  if (process.argv[2] === 'html') {
    const { values } = parseArgs({ args: process.argv.slice(3), options: { pages: { type: 'string', default: '181' }, rounds: { type: 'string', default: '3' } } })
    const { benchHtml, loadAebPages, printHtmlBench } = await import('./html.js')
    return printHtmlBench(benchHtml(loadAebPages(join(root, '..', 'shared'), Number(values.pages)), Number(values.rounds)))
  }
  let options: BenchOptions
  try {
    options = parseBenchArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`)
    process.exit(2)
  }
  const result = await runBench(options)
  const corpus = result.corpus as { articles: number; events: number; meanChars: number }
  console.log(`Parallax bench: ${corpus.articles} articles, ${corpus.events} events, ${corpus.meanChars} chars/article on average (seed ${options.seed}, ${result.node})`)
  console.log(`machine: ${result.cpuCount} × ${result.cpu}, load average ${(result.loadAverage as number[]).join(' ')}\n`)
  console.log(formatTable(result.stages as StageResult[]))
  console.log(`\n${RATIO_DEFINITION}`)
  console.log(`peak RSS: ${result.peakRssMb} MB`)
  // HTML extraction next to Readability alone, on a sample of real pages (all of them: `-- html`).
  const { benchHtml, loadAebPages, printHtmlBench } = await import('./html.js')
  const htmlPages = loadAebPages(join(root, '..', 'shared'), 40)
  if (htmlPages.length > 0) {
    const html = benchHtml(htmlPages, 2)
    console.log('')
    printHtmlBench(html)
    result.html = html
  }
  // Sentences + entities + quotes on 5 KB articles (issue target 1,000/s per core; all of it: `-- annotation`).
  const { benchAnnotation, printAnnotationBench } = await import('./annotation.js')
  const annotation = benchAnnotation(200, join(root, '..', 'shared'))
  console.log('')
  printAnnotationBench(annotation)
  result.annotation = annotation
  // Whole CLI processes against a floor process (issue 15's throughput check), when the CLI is built.
  if (!options.stagesOnly && existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    const { benchCli, printCliBench } = await import('./cli.js')
    const cli = await benchCli(options.articles, 1, join(root, '..', 'shared'))
    console.log('')
    printCliBench(cli)
    result.cli = cli
  }
  const outDir = join(root, 'bench', 'out')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(result, null, 2) + '\n')
  console.error(`wrote ${join('bench', 'out', 'latest.json')}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
