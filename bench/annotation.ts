/**
 * `npm run bench -- annotation [--articles N]`: speed of the annotation that quotes depend on
 * (sentences, entities, quotes), on articles of about 5 KB (issue target: at least 1,000 articles/s
 * per core), beside the floor measured in the same run. Articles are generated ones joined until
 * they reach the size, so the run needs no data; when ../shared/datasets/polnear is there, real
 * political news is timed too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { annotate } from '../src/enrich/index.js'
import { findEntities } from '../src/enrich/entities/index.js'
import { findQuotes } from '../src/enrich/quotes/index.js'
import { splitSentences } from '../src/enrich/sentences/index.js'
import { generateCorpus } from './corpus.js'
import { median } from './measure.js'

const ARTICLE_CHARS = 5_000
const ROUNDS = 3
const FLOOR_SPLIT = /(?<=[.!?])\s+/
/** The target: articles of 5 KB per second on one core. */
export const TARGET_PER_SECOND = 1_000

/** One row of the annotation bench. */
export interface AnnotationRow {
  corpus: string
  /** `quote stages`: sentences + entities + quotes (issue 4's target); `all five`: annotate() with numbers and dates (ingest's budget). */
  stages: 'quote stages' | 'all five'
  articles: number
  charsPerArticle: number
  perSecond: number
  /** Articles/s of the annotation ÷ articles/s of the floor on the same texts. */
  ratio: number
}

/** Generated articles joined into texts of about `chars` characters each. */
export function joinedArticles(count: number, chars = ARTICLE_CHARS, seed = 1): string[] {
  const pieces = generateCorpus(Math.ceil((count * chars) / 1500) + 8, seed).articles.map((a) => a.text)
  const out: string[] = []
  let current = ''
  for (const piece of pieces) {
    current += (current ? '\n\n' : '') + piece
    if (current.length < chars) continue
    out.push(current)
    current = ''
    if (out.length === count) break
  }
  return out
}

function annotateAll(texts: readonly string[]): number {
  let found = 0
  for (const text of texts) {
    const sentences = splitSentences(text)
    const entities = findEntities(text, sentences)
    found += findQuotes(text, sentences, entities).length
  }
  return found
}

/** The whole enrich stage, as ingest runs it on each article. */
function annotateFully(texts: readonly string[]): number {
  let found = 0
  for (const text of texts) {
    const article = { id: 'bench', source: { kind: 'text' as const, path: 'bench' }, outlet: null, title: null, authors: [], publishedAt: '2025-08-06T12:00:00Z', language: 'en', text, removed: [] }
    found += annotate(article).dates.length
  }
  return found
}

function floorAll(texts: readonly string[]): number {
  let n = 0
  for (const text of texts) n += new TextEncoder().encode(text).length > 0 ? text.split(FLOOR_SPLIT).length : 0
  return n
}

function timeMs(fn: () => number): number {
  fn() // warm-up
  return median(
    Array.from({ length: ROUNDS }, () => {
      const t0 = performance.now()
      if (fn() < 0) console.error('unreachable')
      return performance.now() - t0
    }),
  )
}

/** Times sentences + entities + quotes (or, with `stages: 'all five'`, the whole annotate()) on `texts`, next to the floor. */
export function benchAnnotationOn(corpus: string, texts: readonly string[], stages: AnnotationRow['stages'] = 'quote stages'): AnnotationRow {
  const ms = timeMs(() => (stages === 'all five' ? annotateFully(texts) : annotateAll(texts)))
  const floorMs = timeMs(() => floorAll(texts))
  const chars = texts.reduce((n, t) => n + t.length, 0)
  return {
    corpus,
    stages,
    articles: texts.length,
    charsPerArticle: Math.round(chars / Math.max(1, texts.length)),
    perSecond: Math.round((texts.length * 1000) / ms),
    ratio: Math.round((floorMs / ms) * 10_000) / 10_000,
  }
}

/** PolNeAR train texts when the shared datasets are there (real news), else none. */
export function polnearTexts(sharedDir: string, limit: number): string[] {
  const dir = join(sharedDir, 'datasets/polnear/data/train/text')
  if (!existsSync(dir)) return []
  return readdirSync(dir).sort().slice(0, limit).map((name) => readFileSync(join(dir, name), 'utf8'))
}

/** Prints the rows as a table with the targets. */
export function printAnnotationBench(rows: readonly AnnotationRow[]): void {
  console.log('| annotation, one core | stages | articles | chars/article | articles/s | ratio to floor | 5 KB-equivalent articles/s | ms per 5 KB |')
  console.log('|---|---|---|---|---|---|---|---|')
  for (const r of rows) {
    const per5k = Math.round((r.perSecond * r.charsPerArticle) / ARTICLE_CHARS)
    const msPer5k = per5k > 0 ? (1000 / per5k).toFixed(2) : '-'
    console.log(`| ${r.corpus} | ${r.stages} | ${r.articles} | ${r.charsPerArticle} | ${r.perSecond.toLocaleString('en-US')} | ${r.ratio} | ${per5k.toLocaleString('en-US')} | ${msPer5k} |`)
  }
  console.log('targets: quote stages >= 1,000 5 KB articles/s per core (issue 4); ingest >= 300/s needs extract + all five <= ~2.5 ms per 5 KB (issue 7)')
}

/**
 * The sub-bench: generated 5 KB articles, then PolNeAR's real ones when present; with `allFive`,
 * each corpus is also timed through the whole annotate() (numbers and dates too).
 */
export function benchAnnotation(articles: number, sharedDir: string, allFive = false): AnnotationRow[] {
  const corpora: [string, string[]][] = [['generated, joined to 5 KB', joinedArticles(articles)]]
  const real = polnearTexts(sharedDir, articles)
  if (real.length > 0) corpora.push(['PolNeAR train (real news)', real])
  const rows = corpora.map(([name, texts]) => benchAnnotationOn(name, texts))
  if (allFive) for (const [name, texts] of corpora) rows.push(benchAnnotationOn(name, texts, 'all five'))
  return rows
}
