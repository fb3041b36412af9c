/**
 * Accuracy of HTML extraction. Two parts:
 * - AEB (../shared/datasets/aeb): main-text F1 over word 4-grams with the benchmark's own method
 *   (src/extract/score.ts), for Parallax and, from `aeb/output/`, the saved outputs of the other
 *   extractors (which checks the scorer: Readability.js must come out at its published 0.947).
 * - readability-pages: all pages extracted without a crash; title and byline agreement with
 *   Mozilla Readability's `expected-metadata.json`.
 * - WCXB (eval/wcxb.ts): the second collection, pages of seven kinds beyond news, when fetched.
 *
 * Run alone: `node --import tsx eval/extraction.ts [sharedDir] [--pages]` (`--pages` lists the
 * AEB pages where Parallax scores under Readability.js).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { decodeBytes } from '../src/input/decode.js'
import { extractHtml } from '../src/extract/html.js'
import { extractArticle } from '../src/extract/index.js'
import { parseHTML } from 'linkedom'
import { collectBlocks, type DomNode } from '../src/extract/dom.js'
import { aggregateScores, pageF1, scorePage, wordScore, type PageCounts } from '../src/extract/score.js'
import { evalWcxb } from './wcxb.js'

interface Row {
  name: string
  value: number
}

/** Saved systems printed beside Parallax (file stem in aeb/output and the published F1). */
export const AEB_SYSTEMS: readonly { file: string; published: number }[] = [
  { file: 'rs_trafilatura', published: 0.970 },
  { file: 'go_trafilatura', published: 0.960 },
  { file: 'trafilatura', published: 0.958 },
  { file: 'readability_js', published: 0.947 },
  { file: 'go_readability_fork', published: 0.947 },
  { file: 'readability', published: 0.922 },
  { file: 'goose3', published: 0.896 },
  { file: 'justext', published: 0.804 },
  { file: 'html-text', published: 0.665 },
]

type Bodies = Record<string, { articleBody?: string }>

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** A saved output file's bodies (some files wrap them as `{ version, output }`). */
function readOutput(path: string): Bodies {
  const data = readJson(path) as { output?: Bodies } & Bodies
  return (data.output && typeof data.output === 'object' ? data.output : data) as Bodies
}

/** Per-page counts of one system's bodies against the gold ones, in gold key order. */
export function scoreSystem(gold: Bodies, predicted: Bodies): Map<string, PageCounts> {
  const pages = new Map<string, PageCounts>()
  for (const key of Object.keys(gold)) pages.set(key, scorePage(gold[key].articleBody ?? '', predicted[key]?.articleBody ?? ''))
  return pages
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000

/** Parallax's text for every AEB page (pages are gzipped UTF-8, per the benchmark's README). */
function parallaxBodies(dir: string, keys: string[]): { bodies: Bodies; errors: number } {
  const bodies: Bodies = {}
  let errors = 0
  for (const key of keys) {
    try {
      const html = decodeBytes(gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`)))).text
      bodies[key] = { articleBody: extractHtml(html).text }
    } catch {
      errors++
      bodies[key] = { articleBody: '' }
    }
  }
  return { bodies, errors }
}

/** AEB rows: Parallax's precision/recall/F1, pages lost vs Readability.js, and the saved systems. */
export function evalAeb(sharedDir: string, listPages = false): Row[] {
  const dir = join(sharedDir, 'datasets', 'aeb')
  const gold = readJson(join(dir, 'ground-truth.json')) as Bodies
  const keys = Object.keys(gold)
  const { bodies, errors } = parallaxBodies(dir, keys)
  const ours = scoreSystem(gold, bodies)
  const score = aggregateScores([...ours.values()])
  const readabilityPages = scoreSystem(gold, readOutput(join(dir, 'output', 'readability_js.json')))
  // Pages Readability.js gets mostly right (F1 >= 0.5) that Parallax keeps (F1 >= 0.1, not lost).
  let right = 0
  let kept = 0
  const worse: string[] = []
  for (const key of keys) {
    const mine = pageF1(ours.get(key) as PageCounts)
    const theirs = pageF1(readabilityPages.get(key) as PageCounts)
    if (theirs >= 0.5) right++
    if (theirs >= 0.5 && mine >= 0.1) kept++
    if (mine < theirs - 0.02) worse.push(`${key.slice(0, 12)} parallax ${mine.toFixed(3)} readability_js ${theirs.toFixed(3)}`)
  }
  if (listPages) console.log(worse.join('\n'))
  const rows: Row[] = [
    { name: 'aeb pages', value: keys.length },
    { name: 'aeb errors', value: errors },
    { name: 'aeb precision', value: round3(score.precision) },
    { name: 'aeb recall', value: round3(score.recall) },
    { name: 'aeb F1', value: round3(score.f1) },
    // Floored at 100: no page Readability.js gets right may come out empty or wrong here.
    { name: 'aeb pages readability_js gets right kept %', value: right ? Math.round((kept / right) * 1000) / 10 : 100 },
  ]
  for (const system of AEB_SYSTEMS) {
    const path = join(dir, 'output', `${system.file}.json`)
    if (!existsSync(path)) continue
    const f1 = aggregateScores([...scoreSystem(gold, readOutput(path)).values()]).f1
    rows.push({ name: `aeb F1 ${system.file} (saved output)`, value: round3(f1) })
  }
  return rows
}

/** Lower-case words, for comparing a title or byline without punctuation and spacing noise. */
function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

/** Metadata agreement counters: pages where the expected value is stated, and where ours agrees. */
interface Agreement {
  stated: number
  agree: number
}

/**
 * Language and publication day of the whole metadata resolution (`extractArticle`) against the
 * expected `lang` (primary subtag) and `publishedTime` (its day), where the page states them.
 */
function countArticleMeta(bytes: Uint8Array, expected: { lang?: string | null; publishedTime?: string | null }, lang: Agreement, published: Agreement): void {
  let article: ReturnType<typeof extractArticle> | null = null
  try {
    article = extractArticle({ source: { kind: 'html', path: 'source.html' }, bytes })
  } catch {
    // A page with no article text left counts as disagreeing below.
  }
  if (expected.lang) {
    lang.stated++
    if (article?.language === expected.lang.toLowerCase().split(/[-_]/)[0]) lang.agree++
  }
  if (expected.publishedTime) {
    published.stated++
    if (article?.publishedAt && article.publishedAt.slice(0, 10) === expected.publishedTime.slice(0, 10)) published.agree++
  }
}

/** The text of Readability.js's expected article markup, block by block. */
function expectedText(path: string): string {
  if (!existsSync(path)) return ''
  const { document } = parseHTML(`<!doctype html><html><body>${readFileSync(path, 'utf8')}</body></html>`) as unknown as { document: { body: DomNode } }
  return collectBlocks(document.body).map((block) => block.text).join('\n\n')
}

/**
 * readability-pages rows: pages, crashes, title, byline, language and publication-day agreement
 * (percent), and the mean bag-of-words F1 (as WCXB scores) of our text against Readability.js's
 * expected article: a second collection of 130 pages of many kinds, always in ../shared.
 */
export function evalReadabilityPages(sharedDir: string): Row[] {
  const dir = join(sharedDir, 'datasets', 'readability-pages', 'test', 'test-pages')
  const names = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'source.html'))).sort()
  let crashes = 0
  let titles = 0
  let titleAgree = 0
  let bylines = 0
  let bylineAgree = 0
  const lang: Agreement = { stated: 0, agree: 0 }
  const published: Agreement = { stated: 0, agree: 0 }
  const textF1: number[] = []
  for (const name of names) {
    const expected = readJson(join(dir, name, 'expected-metadata.json')) as { title?: string | null; byline?: string | null; lang?: string | null; publishedTime?: string | null }
    const bytes = readFileSync(join(dir, name, 'source.html'))
    countArticleMeta(bytes, expected, lang, published)
    let page: ReturnType<typeof extractHtml>
    try {
      page = extractHtml(decodeBytes(bytes).text)
    } catch {
      crashes++
      textF1.push(0)
      continue
    }
    textF1.push(wordScore(expectedText(join(dir, name, 'expected.html')), page.text).f1)
    if (expected.title) {
      titles++
      if (words(page.meta.title?.value ?? '') === words(expected.title)) titleAgree++
    }
    if (expected.byline) {
      bylines++
      const ours = words((page.meta.authors?.value ?? []).join(' '))
      const theirs = words(expected.byline)
      if (ours && (theirs.includes(ours) || ours.includes(theirs))) bylineAgree++
    }
  }
  const pct = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 10 : 0)
  return [
    { name: 'readability-pages pages', value: names.length },
    { name: 'readability-pages extracted without crash', value: names.length - crashes },
    { name: 'readability-pages title agreement %', value: pct(titleAgree, titles) },
    { name: 'readability-pages byline agreement %', value: pct(bylineAgree, bylines) },
    { name: `readability-pages language agreement % (of ${lang.stated})`, value: pct(lang.agree, lang.stated) },
    { name: `readability-pages published day agreement % (of ${published.stated})`, value: pct(published.agree, published.stated) },
    { name: 'readability-pages text F1 (bag of words, vs expected.html)', value: Math.round((textF1.reduce((a, b) => a + b, 0) / (textF1.length || 1)) * 1000) / 1000 },
  ]
}

/** The `extraction` eval suite. */
export async function evalExtraction(sharedDir: string): Promise<{ rows: Row[] }> {
  return { rows: [...evalAeb(sharedDir), ...evalReadabilityPages(sharedDir), ...evalWcxb()] }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const sharedDir = args.find((a) => !a.startsWith('--')) ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
  const rows = [...evalAeb(sharedDir, args.includes('--pages')), ...evalReadabilityPages(sharedDir)]
  const width = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value}`)
}
