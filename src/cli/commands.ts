/**
 * The four pipeline commands. Each reads its inputs through `processInputs`, renders in the chosen
 * format to stdout and returns the exit code.
 */
import type { Annotated, Article } from '../types.js'
import type { PerArticleStage } from '../threads/pool.js'
import { jsonlPieces, jsonPieces, writePieces } from './stream.js'
import { CROSS_ARTICLE, exitCodeOf, type InputOptions, type Io, type Outcome, processInputs, successes, write } from './run.js'

// The cross-article stages and the renderers are loaded by the commands that use them: `annotate`
// and `extract` in JSON never run them, and compiling their modules cost each such process about
// a tenth of a second of CPU.
const crossArticle = () => import('../pipeline.js')
const renderers = () => import('../render/index.js')


/** `JSON.stringify(value, null, 2)` and a newline, in pieces (./stream.ts). */
function* json(value: unknown): Generator<string> {
  yield* jsonPieces(value)
  yield '\n'
}

/** jsonl: one record per input, in input order, failures included, each with its `source`. */
function perInputJsonl<T>(outcomes: Outcome<T>[], key: string): Generator<string> {
  return jsonlPieces(outcomes.map((o) => (o.ok ? { source: o.source, [key]: o.value } : { source: o.source, error: o.error })))
}

/** Writes the output (JSON and JSON Lines piece by piece, never as one string) and gives the exit code. */
async function finish(io: Io, outcomes: Outcome<unknown>[], output: string | Iterable<string>): Promise<number> {
  if (outcomes.length === 0) io.stderr.write('parallax: no input found\n')
  if (typeof output === 'string') await write(io.stdout, output)
  else await writePieces(io.stdout, output)
  return exitCodeOf(outcomes)
}

/** Prints per-article records (extract, annotate) in the chosen format. */
async function articleCommand(specs: string[], options: InputOptions, io: Io, stage: PerArticleStage): Promise<number> {
  const outcomes = await processInputs(specs, options, io, stage)
  const articles = successes(outcomes).map((s) => s.value)
  const output =
    options.format === 'jsonl' ? perInputJsonl(outcomes, 'article')
    : options.format === 'md' ? (await renderers()).renderArticlesMarkdown(articles)
    : options.format === 'html' ? (await renderers()).renderArticlesHtml(articles)
    : json({ schemaVersion: 1, articles })
  return finish(io, outcomes, output)
}

/** `parallax extract`: clean text and metadata per input. */
export function extractCommand(specs: string[], options: InputOptions, io: Io): Promise<number> {
  return articleCommand(specs, options, io, 'extract')
}

/** `parallax annotate`: the article plus sentences, entities, quotes, numbers, dates. */
export function annotateCommand(specs: string[], options: InputOptions, io: Io): Promise<number> {
  return articleCommand(specs, options, io, 'annotate')
}

/** `parallax cluster`: the stories, each with its articles and why they were grouped. */
export async function clusterCommand(specs: string[], options: InputOptions & { refine?: boolean }, io: Io): Promise<number> {
  const outcomes = await processInputs(specs, options, io, 'annotate', CROSS_ARTICLE)
  const [{ clusterArticles }, { reportArticle }, { renderClustersHtml, renderClustersMarkdown }] = await Promise.all([import('../cluster/index.js'), crossArticle(), renderers()])
  const articles = uniqueArticles(successes(outcomes).map((s) => s.value))
  const clusters = clusterArticles(articles, { refine: options.refine ?? true })
  const byId = new Map(articles.map((a) => [a.id, a]))
  const sourceOf = new Map(successes(outcomes).map((s) => [s.value.id, s.source]))
  const output =
    options.format === 'jsonl' ? jsonlPieces(clusters.map((c) => ({ source: c.articleIds.map((id) => sourceOf.get(id)), story: c })))
    : options.format === 'md' ? renderClustersMarkdown(clusters, byId)
    : options.format === 'html' ? renderClustersHtml(clusters, byId)
    : json({ schemaVersion: 1, articles: articles.map(reportArticle), stories: clusters })
  return finish(io, outcomes, output)
}

/** `parallax analyze`: the cross-checked report, one story per event. */
export async function analyzeCommand(specs: string[], options: InputOptions & { summarySentences?: number; refine?: boolean; csv?: 'facts' | 'quotes' }, io: Io): Promise<number> {
  const outcomes = await processInputs(specs, options, io, 'annotate', CROSS_ARTICLE)
  if (options.format === 'json' || options.format === 'jsonl') return analyzeStreamed(outcomes, options, io)
  const [{ analyzeArticles }, { renderFactsCsv, renderQuotesCsv, renderReportHtml, renderReportMarkdown }] = await Promise.all([crossArticle(), renderers()])
  const articles = uniqueArticles(successes(outcomes).map((s) => s.value))
  const report = analyzeArticles(articles, { summarySentences: options.summarySentences, refine: options.refine })
  const texts = new Map(articles.map((a) => [a.id, a.text]))
  const output =
    options.format === 'md' ? renderReportMarkdown(report, texts)
    : options.format === 'html' ? renderReportHtml(report, texts)
    : options.csv === 'quotes' ? renderQuotesCsv(report)
    : renderFactsCsv(report)
  return finish(io, outcomes, output)
}

/**
 * `analyze` in json or jsonl: each story is written as it is built, and the articles are let go
 * as their stories are written (the outcomes keep their source and status only), so a large batch
 * never holds every story, nor every article to the end.
 */
async function analyzeStreamed(outcomes: Outcome<Annotated>[], options: InputOptions & { summarySentences?: number; refine?: boolean }, io: Io): Promise<number> {
  const [{ analyzeStream }, { normalizeReport, normalizeStory }] = await Promise.all([crossArticle(), renderers()])
  const ok = successes(outcomes)
  const sourceOf = new Map(ok.map((s) => [s.value.id, s.source]))
  const analysis = analyzeStream(uniqueArticles(ok.map((s) => s.value)), { summarySentences: options.summarySentences, refine: options.refine })
  ok.length = 0
  const statuses: Outcome<null>[] = outcomes.map((o) => (o.ok ? { source: o.source, ok: true, value: null } : o))
  outcomes.length = 0
  const output =
    options.format === 'jsonl' ? jsonlPieces(map(analysis.stories, (story) => ({ source: story.articleIds.map((id) => sourceOf.get(id)), story })))
    : json({ ...normalizeReport({ schemaVersion: 1, articles: analysis.articles, stories: [] }), stories: map(analysis.stories, normalizeStory) })
  return finish(io, statuses, output)
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item)
}

/** The same clean text read twice (a file given twice, a copy) is one article. */
function uniqueArticles<T extends Article | Annotated>(articles: T[]): T[] {
  return [...new Map(articles.map((a) => [a.id, a])).values()]
}
