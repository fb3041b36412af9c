/**
 * The four pipeline commands. Each reads its inputs through `processInputs`, renders in the chosen
 * format to stdout and returns the exit code.
 */
import type { Annotated, Article, Report, Story } from '../types.js'
import type { StoryCluster } from '../cluster/index.js'
import type { StoryOptions } from '../pipeline.js'
import { type PerArticleStage, StagePool, batchThreads } from '../threads/pool.js'
import { jsonElementPieces, jsonlPieces, jsonlRecordPieces, jsonPieces, writePieces } from './stream.js'
import { CROSS_ARTICLE, exitCodeOf, type InputOptions, type Io, type Outcome, PARALLEL_FROM, processInputs, successes, write } from './run.js'

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

/**
 * `parallax analyze`: the cross-checked report, one story per event. A large batch's stories
 * (`STORY_THREADS_FROM` inputs or more; `PARALLEL_FROM` with `--threads` given) are built in
 * worker threads: the ones that annotated the batch when it ran on every core, else threads started
 * while this thread reads and annotates, so they are ready when clustering ends; this thread
 * meanwhile writes the stories out, in the same order and the same bytes.
 */
export async function analyzeCommand(specs: string[], options: InputOptions & { summarySentences?: number; refine?: boolean; csv?: 'facts' | 'quotes' }, io: Io): Promise<number> {
  const threads = options.threads ?? batchThreads()
  let pool: StagePool | null = null
  try {
    const outcomes = await processInputs(specs, options, io, 'annotate', CROSS_ARTICLE, {
      // Threads asked for by name are started as for the per-article step.
      from: options.threads === undefined ? STORY_THREADS_FROM : PARALLEL_FROM,
      start: () => {
        if (threads > 1 && !pool) pool = new StagePool({ threads, stories: true })
      },
      // The workers that annotated a batch of `STORY_THREADS_FROM` documents or more build its
      // stories too, when there are as many as the stories would have (not a smaller batch's, which
      // annotates on 8 threads on 9 cores or more): no second set of threads starts, and the modules
      // both steps share are loaded and compiled once (2,000 generated articles on 2 cores: 7.95 ->
      // 7.62 s median wall, 14.2 -> 13.6 s CPU). The cross-article stages load with the first story.
      pool: (annotators, documents) => {
        if (options.threads !== undefined || documents < STORY_THREADS_FROM || annotators.size < threads) return false
        pool = annotators
        return true
      },
    })
    const workers = pool as StagePool | null
    if (options.format === 'json' || options.format === 'jsonl') return await analyzeStreamed(outcomes, options, io, workers, threads)
    const [{ buildStory, planStories }, { renderFactsCsv, renderQuotesCsv, renderReportHtml, renderReportMarkdown }] = await Promise.all([crossArticle(), renderers()])
    const articles = uniqueArticles(successes(outcomes).map((s) => s.value))
    const texts = new Map(articles.map((a) => [a.id, a.text]))
    const sentences = new Map(articles.map((a) => [a.id, a.sentences]))
    const storyOptions: StoryOptions = { summarySentences: options.summarySentences, refine: options.refine }
    const plan = planStories(articles, storyOptions)
    const report: Report = { schemaVersion: 1, articles: plan.articles, stories: [] }
    for await (const story of storiesOf(plan, storyOptions, buildStory, workers, threads)) report.stories.push(story)
    const output =
      options.format === 'md' ? renderReportMarkdown(report, texts, { sentences })
      : options.format === 'html' ? renderReportHtml(report, texts, { sentences })
      : options.csv === 'quotes' ? renderQuotesCsv(report)
      : renderFactsCsv(report)
    return await finish(io, outcomes, output)
  } finally {
    await (pool as StagePool | null)?.close()
  }
}

/**
 * Inputs from which `analyze` builds its stories in worker threads. Each worker loads the
 * cross-article stages (about half a second of CPU): on 120 BASIL pages (40 stories of three
 * articles) two of them made `analyze` slower, 5.0-5.2 s against 5.2-5.7 s; on 2,000 generated
 * articles (244 stories) faster, 17.8-20.2 s against 14.5-16.0 s (alternating runs, 2 cores).
 */
const STORY_THREADS_FROM = 200

type BuildStory = (cluster: StoryCluster, articles: Annotated[], options: StoryOptions) => Story

/** The planned stories in their order: built by `workers` when there are several, else here, one at a time. */
function storiesOf(plan: { clusters: StoryCluster[]; take: (cluster: StoryCluster) => Annotated[] }, options: StoryOptions, buildStory: BuildStory, workers: StagePool | null, threads: number): AsyncGenerator<Story> {
  return workers && plan.clusters.length >= 2 ? storiesFrom(workers, plan.clusters, plan.take, options, buildStory, 2 * threads) : syncStories(plan.clusters, (c) => buildStory(c, plan.take(c), options))
}

/**
 * `analyze` in json or jsonl: each story is written as it is built, and the articles are let go
 * as their stories are written (the outcomes keep their source and status only), so a large batch
 * never holds every story, nor every article to the end.
 */
async function analyzeStreamed(outcomes: Outcome<Annotated>[], options: InputOptions & { summarySentences?: number; refine?: boolean }, io: Io, workers: StagePool | null, threads: number): Promise<number> {
  const [{ buildStory, planStories }, { normalizeReport, normalizeStory }] = await Promise.all([crossArticle(), renderers()])
  const ok = successes(outcomes)
  const sourceOf = new Map(ok.map((s) => [s.value.id, s.source]))
  const storyOptions: StoryOptions = { summarySentences: options.summarySentences, refine: options.refine }
  const plan = planStories(uniqueArticles(ok.map((s) => s.value)), storyOptions)
  ok.length = 0
  const statuses: Outcome<null>[] = outcomes.map((o) => (o.ok ? { source: o.source, ok: true, value: null } : o))
  outcomes.length = 0
  if (statuses.length === 0) io.stderr.write('parallax: no input found\n')
  const stories = storiesOf(plan, storyOptions, buildStory, workers, threads)
  if (options.format === 'jsonl') {
    for await (const story of stories) await writePieces(io.stdout, jsonlRecordPieces({ source: story.articleIds.map((id) => sourceOf.get(id)), story }))
  } else {
    // The report's pieces with a mark where its stories go, written around the stories as they come.
    const tail: string[] = []
    await writePieces(io.stdout, beforeMark(json({ ...normalizeReport({ schemaVersion: 1, articles: plan.articles, stories: [] }), stories: STORIES_MARK }), JSON.stringify(STORIES_MARK), tail))
    let n = 0
    for await (const story of stories) await writePieces(io.stdout, withLead(n++ === 0 ? '[\n    ' : ',\n    ', jsonElementPieces(normalizeStory(story))))
    await writePieces(io.stdout, withLead(n === 0 ? '[]' : '\n  ]', tail))
  }
  return exitCodeOf(statuses)
}

/** Stands in the report for its stories, to find where they go in its pieces. */
const STORIES_MARK = '\u0000parallax:stories\u0000'

/**
 * The pieces of `pieces` before `mark`, read lazily, the ones after it kept in `tail`. The mark is
 * looked for among the last few pieces only: the stories are the report's last member, so only the
 * report's close comes after them (an article's text or outlet, from a JSON Lines export, may hold
 * the mark's characters too, earlier).
 */
function* beforeMark(pieces: Iterable<string>, mark: string, tail: string[]): Generator<string> {
  const held: string[] = []
  for (const piece of pieces) {
    held.push(piece)
    if (held.length > MARK_WINDOW) yield held.shift()!
  }
  let k = held.length - 1
  while (k >= 0 && !held[k].includes(mark)) k--
  if (k < 0) throw new Error('analyze: the report has no place for its stories')
  const at = held[k].lastIndexOf(mark)
  yield* held.slice(0, k)
  yield held[k].slice(0, at)
  tail.push(held[k].slice(at + mark.length), ...held.slice(k + 1))
}

// Pieces after the stories' value, at most: the report's closing brace and the final newline.
const MARK_WINDOW = 4

function* withLead(lead: string, pieces: Iterable<string>): Generator<string> {
  yield lead
  yield* pieces
}

async function* syncStories(clusters: StoryCluster[], build: (cluster: StoryCluster) => Story): AsyncGenerator<Story> {
  for (const cluster of clusters) yield build(cluster)
}

/** Articles of one story, at most, that are copied to a worker to build it (`storiesFrom`). */
const MAX_SENT_ARTICLES = 1000

/**
 * The stories of `clusters` in their order, built by the pool's workers with at most `ahead` in
 * progress; a story a worker could not build (a worker that failed) is built in this thread.
 */
async function* storiesFrom(
  pool: StagePool,
  clusters: StoryCluster[],
  take: (cluster: StoryCluster) => Annotated[],
  options: StoryOptions,
  buildStory: BuildStory,
  ahead: number,
): AsyncGenerator<Story> {
  const pending: Promise<Story>[] = []
  let next = 0
  // Once the reader stops (a write failed), stories still in the workers are not built again here.
  let stopped = false
  const submit = () => {
    const cluster = clusters[next++]
    const members = take(cluster)
    // A story of very many articles is built here: a copy of them all in a worker would hold its
    // memory twice, and such a story is slow wherever it is built.
    const sent = members.length <= MAX_SENT_ARTICLES ? pool.runStory(cluster, members, options) : Promise.resolve(null)
    const story = sent.then((r) => {
      if (r === null) return buildStory(cluster, members, options)
      if (r.ok) return r.value
      if (stopped) throw new Error(r.error.message)
      return buildStory(cluster, members, options)
    })
    // Read in order below; a story that fails while an earlier one is awaited is not an unhandled rejection meanwhile.
    story.catch(() => {})
    pending.push(story)
  }
  try {
    while (next < clusters.length && pending.length < ahead) submit()
    while (pending.length > 0) {
      const story = await pending.shift()!
      if (next < clusters.length) submit()
      yield story
    }
  } finally {
    stopped = true
  }
}

/** The same clean text read twice (a file given twice, a copy) is one article. */
function uniqueArticles<T extends Article | Annotated>(articles: T[]): T[] {
  return [...new Map(articles.map((a) => [a.id, a])).values()]
}
