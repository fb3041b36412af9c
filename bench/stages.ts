/**
 * The pipeline stages the benchmark times, loaded from their modules when those exist, and the
 * two ways to time them: per article (extract, enrich) and over the whole batch (cluster, analyze).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Annotated, Article, DateMention, EntityMention, NumberMention, QuoteMention, RawDocument, Report, Span } from '../src/types.js'
import { articlesWithinBudget, ratioToFloor, throughput, type RssSampler, type StageResult } from './measure.js'

/** The stage functions, each undefined until its module is written (see `missing` for why). */
export interface Pipeline {
  extractArticle?: (raw: RawDocument) => Article
  splitSentences?: (text: string) => Span[]
  findEntities?: (text: string, sentences: Span[]) => EntityMention[]
  findQuotes?: (text: string, sentences: Span[], entities: EntityMention[]) => QuoteMention[]
  findNumbers?: (text: string) => NumberMention[]
  findDates?: (text: string, publishedAt: string | null) => DateMention[]
  annotate?: (article: Article) => Annotated
  clusterArticles?: (articles: Annotated[]) => unknown[]
  analyzeRaw?: (raws: RawDocument[]) => Report
  /** Export name -> why it could not be loaded. */
  missing: Record<string, string>
}

/** Where each stage function lives, relative to the repo root. */
export const STAGE_MODULES: readonly { path: string; exportName: Exclude<keyof Pipeline, 'missing'> }[] = [
  { path: 'src/extract/index.ts', exportName: 'extractArticle' },
  { path: 'src/enrich/sentences/index.ts', exportName: 'splitSentences' },
  { path: 'src/enrich/entities/index.ts', exportName: 'findEntities' },
  { path: 'src/enrich/quotes/index.ts', exportName: 'findQuotes' },
  { path: 'src/enrich/numbers/index.ts', exportName: 'findNumbers' },
  { path: 'src/enrich/dates/index.ts', exportName: 'findDates' },
  { path: 'src/enrich/index.ts', exportName: 'annotate' },
  { path: 'src/cluster/index.ts', exportName: 'clusterArticles' },
  { path: 'src/pipeline.ts', exportName: 'analyzeRaw' },
]

/** Imports every stage module that exists; a missing file or a failed import is recorded, not thrown. */
export async function loadPipeline(root: string): Promise<Pipeline> {
  const pipeline: Pipeline = { missing: {} }
  for (const { path, exportName } of STAGE_MODULES) {
    const file = join(root, path)
    if (!existsSync(file)) {
      pipeline.missing[exportName] = `${path} does not exist yet`
      continue
    }
    try {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
      if (typeof mod[exportName] === 'function') (pipeline as unknown as Record<string, unknown>)[exportName] = mod[exportName]
      else pipeline.missing[exportName] = `${path} has no export ${exportName}`
    } catch (error) {
      pipeline.missing[exportName] = `${path} failed to load: ${String((error as Error).message).split('\n')[0]}`
    }
  }
  return pipeline
}

export interface TimingContext {
  floorPerSecond: number
  /** Time budget per stage; a slower stage is timed on a prefix of the corpus. */
  budgetMs: number
  rss: RssSampler
}

const WARMUP_ARTICLES = 200
const BATCH_WARMUP_ARTICLES = 100
const RSS_EVERY = 64

/** A row for a stage that was not run. */
export function missingRow(stage: string, reason: string | undefined): StageResult {
  return { stage, status: 'missing', articles: 0, ms: 0, perSecond: 0, ratio: null, peakRssMb: 0, note: reason }
}

function row(stage: string, articles: number, ms: number, partial: boolean, ctx: TimingContext, note?: string): StageResult {
  const perSecond = throughput(articles, ms)
  return {
    stage,
    status: partial ? 'partial' : 'ok',
    articles,
    ms,
    perSecond,
    ratio: ratioToFloor(perSecond, ctx.floorPerSecond),
    peakRssMb: ctx.rss.stagePeakMb(),
    ...(note ? { note } : {}),
  }
}

/**
 * Times `fn` over each input after warm-up passes over the first few. Returns the row and the
 * outputs (for the next stage); an exception ends the stage with an `error` row.
 */
export function timePerArticle<I, O>(stage: string, fn: ((input: I) => O) | undefined, inputs: I[], ctx: TimingContext, reason?: string): { result: StageResult; outputs: O[] } {
  if (!fn) return { result: missingRow(stage, reason), outputs: [] }
  ctx.rss.resetStage()
  const outputs: O[] = []
  let at = 0
  try {
    const warm = Math.min(WARMUP_ARTICLES, inputs.length)
    // The first pass compiles; the second, warm, is what the budget estimate is made from.
    for (at = 0; at < warm; at++) fn(inputs[at])
    const w0 = performance.now()
    for (at = 0; at < warm; at++) fn(inputs[at])
    const count = articlesWithinBudget(inputs.length, warm, performance.now() - w0, ctx.budgetMs)
    const t0 = performance.now()
    for (at = 0; at < count; at++) {
      outputs.push(fn(inputs[at]))
      if (at % RSS_EVERY === 0) ctx.rss.sample()
    }
    const ms = performance.now() - t0
    ctx.rss.sample()
    const partial = count < inputs.length
    return { result: row(stage, count, ms, partial, ctx, partial ? `timed on the first ${count} of ${inputs.length} to stay within the budget` : undefined), outputs }
  } catch (error) {
    return { result: { ...missingRow(stage, `threw on article ${at}: ${(error as Error).message}`), status: 'error' }, outputs }
  }
}

/**
 * Times one call of a cross-article stage over the corpus (or the prefix that fits the budget,
 * estimated from warm-up calls on the first 100 articles).
 */
export function timeBatch<I, O>(stage: string, fn: ((inputs: I[]) => O) | undefined, inputs: I[], ctx: TimingContext, reason?: string): { result: StageResult; output: O | undefined } {
  if (!fn) return { result: missingRow(stage, reason), output: undefined }
  ctx.rss.resetStage()
  try {
    const warm = inputs.slice(0, BATCH_WARMUP_ARTICLES)
    fn(warm)
    const w0 = performance.now()
    fn(warm)
    const count = articlesWithinBudget(inputs.length, warm.length, performance.now() - w0, ctx.budgetMs)
    ctx.rss.sample()
    const t0 = performance.now()
    const output = fn(inputs.slice(0, count))
    const ms = performance.now() - t0
    ctx.rss.sample()
    const partial = count < inputs.length
    return { result: row(stage, count, ms, partial, ctx, partial ? `timed on the first ${count} of ${inputs.length} to stay within the budget` : undefined), output }
  } catch (error) {
    return { result: { ...missingRow(stage, `threw: ${(error as Error).message}`), status: 'error' }, output: undefined }
  }
}
