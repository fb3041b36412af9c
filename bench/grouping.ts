/**
 * Grouping on a dense generated stream: `npm run bench -- grouping [--articles 40000] [--batch 2500]`.
 * Generates the corpus (events of a dozen kinds, names drawn from small pools, nine events a day at
 * 40,000 articles), extracts and annotates it, then clusters it as `clusterArticles` does and prints
 * BCubed against the generated events and the largest stories:
 *   - the online pass over all of it (a batch over 3,000 articles is not refined);
 *   - its first `--batch` articles (most events reported once or twice), online alone and refined.
 * A quality bench, not a speed one: the times printed are for orientation only.
 */
import { parseArgs } from 'node:util'
import { bcubed } from '../eval/clustering.js'
import { clusterArticles } from '../src/cluster/index.js'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import type { Annotated } from '../src/types.js'
import { generateCorpus } from './corpus.js'

interface GroupingRow {
  run: string
  articles: number
  events: number
  stories: number
  precision: number
  recall: number
  f1: number
  largest: number[]
  seconds: number
}

function measure(run: string, articles: Annotated[], eventOf: ReadonlyMap<string, number>, refine: boolean): GroupingRow {
  const t0 = performance.now()
  const stories = clusterArticles(articles, { refine })
  const seconds = (performance.now() - t0) / 1000
  const made = new Map<string, string>()
  for (const s of stories) for (const id of s.articleIds) made.set(id, s.id)
  const gold = new Map(articles.map((a) => [a.id, String(eventOf.get(a.id))]))
  const { precision, recall, f1 } = bcubed(made, gold)
  const largest = stories.map((s) => s.articleIds.length).sort((a, b) => b - a).slice(0, 3)
  return { run, articles: articles.length, events: new Set(gold.values()).size, stories: stories.length, precision, recall, f1, largest, seconds }
}

export function benchGrouping(n: number, batch: number): GroupingRow[] {
  const corpus = generateCorpus(n, 1)
  const encoder = new TextEncoder()
  const annotated: Annotated[] = []
  const eventOf = new Map<string, number>()
  for (const [i, a] of corpus.articles.entries()) {
    const article = annotate(extractArticle({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt }))
    annotated.push(article)
    eventOf.set(article.id, a.eventId)
    if ((i + 1) % 5000 === 0) process.stderr.write(`grouping bench: ${i + 1} of ${n} articles annotated\n`)
  }
  const head = annotated.slice(0, Math.min(batch, annotated.length))
  return [
    measure(`all ${n}, online pass`, annotated, eventOf, false),
    measure(`first ${head.length}, online pass`, head, eventOf, false),
    measure(`first ${head.length}, refined (the default up to 3,000)`, head, eventOf, true),
  ]
}

export function benchGroupingCli(args: string[]): void {
  const { values } = parseArgs({ args, options: { articles: { type: 'string', default: '40000' }, batch: { type: 'string', default: '2500' } } })
  const rows = benchGrouping(Number(values.articles), Number(values.batch))
  console.log('| run | articles | events | stories | BCubed P | R | F1 | largest stories | seconds |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---:|')
  for (const r of rows) {
    console.log(`| ${r.run} | ${r.articles} | ${r.events} | ${r.stories} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.f1.toFixed(3)} | ${r.largest.join(', ')} | ${r.seconds.toFixed(1)} |`)
  }
}
