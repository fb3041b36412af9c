/**
 * Extraction on pages that are not news: WCXB (Foley 2026, CC-BY-4.0), 1,497 development pages of
 * seven kinds, copied into `.cache/extraction/wcxb` by `scripts/fetch-extraction-sets.ts` (absent
 * on a clean machine: the rows are then skipped with a note). Scored as the benchmark's
 * `evaluate.py` does: per-page bag-of-words precision/recall/F1 (src/extract/score.ts `wordScore`)
 * of the extracted text against the gold main text, averaged over pages, and the share of its
 * "with" snippets found and "without" snippets kept.
 *
 * The development split is halved by file number: odd pages are the ones we look at when fixing
 * the extractor, even pages are never looked at, so their score is one the rules were not tuned on.
 * The benchmark's own test split is held back and never copied.
 *
 * Run alone: `node --import tsx eval/wcxb.ts [--pages TYPE]` (lists the worst odd pages of a kind),
 * `--errors ID` (the paragraphs an odd page's text lacks, `-`, and those it has beyond the gold, `+`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { decodeBytes } from '../src/input/decode.js'
import { extractHtml } from '../src/extract/html.js'
import { wordScore, type WordScore } from '../src/extract/score.js'

interface Row {
  name: string
  value: number
}

/** Where the fetch script copies the collection. */
export const WCXB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache/extraction/wcxb')

/** Page kinds in the order of the benchmark's tables. */
const KINDS = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'] as const

interface GoldPage {
  id: string
  kind: string
  text: string
  with: string[]
  without: string[]
}

interface PageResult extends WordScore {
  id: string
  kind: string
  withRate: number
  withoutRate: number
  /** F1 of the title line and the text together (how this suite scored pages before 2026-12-07). */
  f1WithTitle: number
}

/** The benchmark's page kind (its reader maps the old name "category" to "collection"). */
function kindOf(data: { _internal?: { page_type?: { primary?: string } | string } }): string {
  const type = data._internal?.page_type
  const kind = (typeof type === 'string' ? type : type?.primary) ?? 'article'
  return kind === 'category' ? 'collection' : kind
}

function readGold(dir: string): GoldPage[] {
  const goldDir = join(dir, 'dev', 'ground-truth')
  return readdirSync(goldDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as Parameters<typeof kindOf>[0] & {
        ground_truth?: { main_content?: string | null; with?: string[] | null; without?: string[] | null }
      }
      const gold = data.ground_truth ?? {}
      return { id: name.slice(0, -5), kind: kindOf(data), text: gold.main_content ?? '', with: gold.with ?? [], without: gold.without ?? [] }
    })
}

/** Share of `snippets` found in `text`, case-insensitively (1 when there are none). */
function snippetRate(text: string, snippets: readonly string[]): number {
  if (snippets.length === 0) return 1
  const lower = text.toLowerCase()
  return snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length
}

/**
 * What Parallax extracts from a page: its main text, which is what `evaluate.py` compares with the
 * gold `main_content` (the gold title is a field of its own, and on four in five odd pages the gold
 * text does not repeat it); and the title it read.
 */
function parallaxText(dir: string, id: string): { text: string; title: string } {
  try {
    const html = decodeBytes(gunzipSync(readFileSync(join(dir, 'dev', 'html', `${id}.html.gz`)))).text
    // Accuracy, not speed: a page is not cut short because six processes share the machine.
    const page = extractHtml(html, { limits: { maxPageMillis: 60_000 } })
    return { text: page.text, title: page.meta.title?.value ?? '' }
  } catch {
    return { text: '', title: '' }
  }
}

/** Every development page scored, or those `keep` selects. */
export function scoreWcxb(dir = WCXB_DIR, keep: (page: GoldPage) => boolean = () => true): PageResult[] {
  return readGold(dir).filter(keep).map((page) => {
    const { text, title } = parallaxText(dir, page.id)
    return {
      id: page.id,
      kind: page.kind,
      ...wordScore(page.text, text),
      withRate: snippetRate(text, page.with),
      withoutRate: snippetRate(text, page.without),
      f1WithTitle: wordScore(page.text, `${title}\n${text}`).f1,
    }
  })
}

/** Normalised words of a text, for finding one paragraph inside another text. */
function wordsOf(text: string): string {
  return (text.toLowerCase().match(/\w+/g) ?? []).join(' ')
}

/**
 * The paragraphs of an odd page's gold text that Parallax's text lacks (`-`), and those of Parallax's
 * text that the gold lacks (`+`). Even pages are refused: their errors are never read.
 */
export function pageErrors(id: string, dir = WCXB_DIR): string[] {
  if (!isOdd({ id })) throw new Error(`wcxb: page ${id} is even; even pages are scored only, their errors are never read`)
  const gold = readGold(dir).find((page) => page.id === id)
  if (!gold) throw new Error(`wcxb: no page ${id}`)
  const { text } = parallaxText(dir, id)
  const ours = wordsOf(text)
  const theirs = wordsOf(gold.text)
  const missing = gold.text.split('\n').filter((line) => wordsOf(line) && !ours.includes(wordsOf(line))).map((line) => `- ${line}`)
  const extra = text.split('\n').filter((line) => wordsOf(line) && !theirs.includes(wordsOf(line))).map((line) => `+ ${line}`)
  return [...missing, ...extra]
}

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)
const round3 = (x: number): number => Math.round(x * 1000) / 1000
const isOdd = (page: { id: string }): boolean => Number.parseInt(page.id, 10) % 2 === 1

/** WCXB rows, or none (with a note on stdout) when the collection has not been fetched. */
export function evalWcxb(dir = WCXB_DIR): Row[] {
  if (!existsSync(join(dir, 'dev', 'ground-truth'))) {
    console.log(`extraction: WCXB not found in ${dir}; run node --import tsx scripts/fetch-extraction-sets.ts to score it`)
    return []
  }
  const pages = scoreWcxb(dir)
  const f1 = (list: PageResult[]): number => round3(mean(list.map((p) => p.f1)))
  const rows: Row[] = [
    { name: 'wcxb dev pages', value: pages.length },
    { name: 'wcxb dev F1', value: f1(pages) },
    { name: 'wcxb dev F1 of the title line and the text (the measure before 2026-12-07)', value: round3(mean(pages.map((p) => p.f1WithTitle))) },
    { name: 'wcxb dev precision', value: round3(mean(pages.map((p) => p.precision))) },
    { name: 'wcxb dev recall', value: round3(mean(pages.map((p) => p.recall))) },
    { name: 'wcxb dev odd pages F1 (looked at)', value: f1(pages.filter(isOdd)) },
    { name: 'wcxb dev even pages F1 (never looked at)', value: f1(pages.filter((p) => !isOdd(p))) },
    { name: 'wcxb dev with-snippets found %', value: Math.round(mean(pages.map((p) => p.withRate)) * 1000) / 10 },
    { name: 'wcxb dev without-snippets kept % (lower is better)', value: Math.round(mean(pages.map((p) => p.withoutRate)) * 1000) / 10 },
  ]
  for (const kind of KINDS) {
    const ofKind = pages.filter((p) => p.kind === kind)
    if (ofKind.length > 0) rows.push({ name: `wcxb dev ${kind} F1 (${ofKind.length} pages)`, value: f1(ofKind) })
  }
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const kindAt = args.indexOf('--pages')
  const errorsAt = args.indexOf('--errors')
  if (errorsAt >= 0) {
    for (const line of pageErrors(args[errorsAt + 1] ?? '')) console.log(line.slice(0, 200))
  } else if (kindAt >= 0) {
    const kind = args[kindAt + 1]
    const worst = scoreWcxb(WCXB_DIR, (p) => isOdd(p) && (!kind || p.kind === kind)).sort((a, b) => a.f1 - b.f1)
    for (const p of worst.slice(0, 40)) console.log(`${p.id} ${p.kind.padEnd(13)} F1 ${p.f1.toFixed(3)} P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)}`)
  } else {
    for (const r of evalWcxb()) console.log(`${r.name}  ${r.value}`)
  }
}
