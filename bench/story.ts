/**
 * `npm run bench -- story [--articles N] [--seed N] [--runs N]`: `analyze` on one generated story
 * (every article about one event), whole pipeline (extract, annotate, cluster, compare, story) and
 * the cross-article part alone, median of several runs on one thread. The target: a
 * 200-article story in under 2 s on one core.
 */
import { parseArgs } from 'node:util'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { analyzeArticles } from '../src/pipeline.js'
import type { Annotated, RawDocument } from '../src/types.js'
import { generateCorpus } from './corpus.js'
import { median } from './measure.js'

export interface StoryBenchResult {
  articles: number
  stories: number
  facts: number
  runs: number
  /** Median wall-clock milliseconds: extract + annotate, then cluster + compare + story, then the sum. */
  perArticleMs: number
  crossArticleMs: number
  totalMs: number
  /** Median CPU milliseconds (user + system) of the whole analyze: steadier than wall time on a shared machine. */
  cpuMs: number
  /** Median CPU milliseconds of the cross-article part alone. */
  crossCpuMs: number
}

/** Generates one event's `articles` reports and times `analyze` on them `runs` times. */
export function benchStory(articles = 200, seed = 1, runs = 5): StoryBenchResult {
  const corpus = generateCorpus(articles, seed, { articlesPerEvent: articles })
  const encoder = new TextEncoder()
  const raws: RawDocument[] = corpus.articles.map((a) => ({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt }))
  const per: number[] = []
  const cross: number[] = []
  const cpu: number[] = []
  const crossCpu: number[] = []
  let stories = 0
  let facts = 0
  // One warm-up run compiles the code paths, as a long-running process would have them.
  for (let run = -1; run < runs; run++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const annotated: Annotated[] = raws.map((raw) => annotate(extractArticle(raw)))
    const t1 = performance.now()
    const cx = process.cpuUsage()
    const report = analyzeArticles(annotated)
    const t2 = performance.now()
    const c2 = process.cpuUsage(cx)
    const c1 = process.cpuUsage(c0)
    if (run < 0) continue
    per.push(t1 - t0)
    cross.push(t2 - t1)
    cpu.push((c1.user + c1.system) / 1000)
    crossCpu.push((c2.user + c2.system) / 1000)
    stories = report.stories.length
    facts = report.stories.reduce((n, s) => n + s.facts.length, 0)
  }
  const perArticleMs = median(per)
  const crossArticleMs = median(cross)
  return { articles, stories, facts, runs, perArticleMs, crossArticleMs, totalMs: median(per.map((p, i) => p + cross[i])), cpuMs: median(cpu), crossCpuMs: median(crossCpu) }
}

/** `npm run bench -- story`: prints the figures. */
export function benchStoryCli(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { articles: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '5' } } })
  const int = (name: string, raw: string, min: number): number => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min) {
      console.error(`bench story: --${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`)
      process.exit(2)
    }
    return n
  }
  const r = benchStory(int('articles', values.articles, 1), int('seed', values.seed, 0), int('runs', values.runs, 1))
  const ms = (x: number) => `${Math.round(x)} ms`
  console.log(`Parallax story bench: ${r.articles} articles of one event -> ${r.stories} story, ${r.facts} facts (median of ${r.runs} runs, one thread)`)
  console.log(`  extract + annotate        ${ms(r.perArticleMs)}`)
  console.log(`  cluster + compare + story ${ms(r.crossArticleMs)}`)
  console.log(`  analyze, whole            ${ms(r.totalMs)}   (target: under 2000 ms)`)
  console.log(`  analyze, CPU time         ${ms(r.cpuMs)}   (user + system; includes garbage collection threads)`)
  console.log(`  cross-article, CPU time   ${ms(r.crossCpuMs)}`)
}
