/**
 * HTML extraction speed next to Mozilla Readability alone, on the same real pages in the same run:
 * the AEB benchmark pages (../shared/datasets/aeb/html). Readability alone is what a user of it
 * runs: linkedom's parseHTML on the page, then `new Readability(document).parse()`. Parallax is
 * `extractHtml` (markup pruning, parse, metadata, page blocks, Readability, furniture passes).
 * The two are timed alternately, several rounds, and the median round of each is reported.
 *
 * `npm run bench -- html [--pages N] [--rounds N]`; the default bench prints the same rows on a
 * smaller sample.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { extractHtml } from '../src/extract/html.js'
import { median } from './measure.js'

/** One timed system. */
export interface HtmlBenchRow {
  name: string
  pages: number
  ms: number
  pagesPerSecond: number
}

/** Both rows and Parallax's speed as a share of Readability's (the target is >= 0.8). */
export interface HtmlBenchResult {
  rows: HtmlBenchRow[]
  ratio: number
}

/** The first `limit` AEB pages (sorted by file name), decoded; empty when the dataset is absent. */
export function loadAebPages(sharedDir: string, limit: number): string[] {
  const dir = join(sharedDir, 'datasets', 'aeb', 'html')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .slice(0, limit)
    .map((name) => gunzipSync(readFileSync(join(dir, name))).toString('utf8'))
}

function readabilityAlone(html: string): number {
  const { document } = parseHTML(html)
  return new Readability(document as never).parse()?.textContent?.length ?? 0
}

function parallax(html: string): number {
  return extractHtml(html).text.length
}

function timeOnce(pages: readonly string[], run: (html: string) => number): number {
  let sink = 0
  const t0 = performance.now()
  for (const html of pages) {
    try {
      sink += run(html)
    } catch {
      sink -= 1 // a page over a limit still counts as handled
    }
  }
  const ms = performance.now() - t0
  if (sink === Number.MIN_SAFE_INTEGER) console.error(sink) // keeps the work observable
  return ms
}

/** Times both extractors on `pages`, alternating, `rounds` times after one warm-up round. */
export function benchHtml(pages: readonly string[], rounds = 3): HtmlBenchResult {
  const times = { readability: [] as number[], parallax: [] as number[] }
  timeOnce(pages.slice(0, 10), readabilityAlone)
  timeOnce(pages.slice(0, 10), parallax)
  for (let i = 0; i < rounds; i++) {
    times.readability.push(timeOnce(pages, readabilityAlone))
    times.parallax.push(timeOnce(pages, parallax))
  }
  const row = (name: string, ms: number): HtmlBenchRow => ({ name, pages: pages.length, ms: Math.round(ms), pagesPerSecond: Math.round((pages.length / ms) * 10000) / 10 })
  const readability = row('Readability alone (linkedom + Readability.parse)', median(times.readability))
  const ours = row('Parallax extractHtml', median(times.parallax))
  return { rows: [readability, ours], ratio: Math.round((ours.pagesPerSecond / readability.pagesPerSecond) * 100) / 100 }
}

/** Prints the rows as a table and the ratio line. */
export function printHtmlBench(result: HtmlBenchResult): void {
  console.log('| HTML extraction (AEB pages) | pages | ms | pages/s |\n|---|---|---|---|')
  for (const r of result.rows) console.log(`| ${r.name} | ${r.pages} | ${r.ms} | ${r.pagesPerSecond} |`)
  console.log(`Parallax / Readability speed ratio: ${result.ratio} (target >= 0.8; same pages, same run, median of alternating rounds)`)
}
