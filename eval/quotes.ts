/**
 * Accuracy of the quotes stage on PolNeAR (../shared/datasets/polnear), direct quotes, scored as
 * the datasets README says:
 *   - gold quotes are the quoted stretches (two or more words between double quotation marks)
 *     inside the `Content` spans of attributions, one annotator per article (the first `.ann`
 *     file by name);
 *   - a system quote matches a gold one when the tokens they share divided by the longer one's
 *     token count reach the threshold (0.3 and 0.8); F1 from precision and recall;
 *   - speaker accuracy is over matched gold quotes (at 0.3) whose `Source` span holds a capitalised
 *     name: right when one of those names appears in the system's speaker name.
 * The baseline marks every quoted stretch in the text, with no speaker (0.939 / 0.936 on dev).
 *
 * Run alone: `node --import tsx eval/quotes.ts [sharedDir]`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { annotate } from '../src/enrich/index.js'
import type { Article } from '../src/types.js'

type Span = readonly [number, number]

/** One brat attribution: its content pieces and source pieces (may be discontinuous). */
export interface BratAttribution {
  content: Span[]
  source: Span[]
}

/** A quote to score: its span and, for gold, the source's capitalised names; for system, the speaker. */
export interface ScoredQuote {
  span: Span
  names?: string[]
  speaker?: string | null
}

const T_LINE = /^(T\d+)\t(\w+) ([\d ;]+)\t/
const E_LINE = /^E\d+\t(.*)$/
const TOKEN = /\w+/gu
const NAME_WORD = /\b\p{Lu}[\p{L}'’-]+/gu
/** Capitalised words that are not names (sentence starts, pronouns, titles). */
const NOT_NAMES = new Set(
  'The A An He She His Her Hers It Its They Their Them We Our Us I My You Your This That These Those Some Many Most Several Both Other Another Mr Mrs Ms Dr Sen Rep Gov President Senator Secretary Former Top One Two'.split(' '),
)

/** Attributions of one brat `.ann` file. */
export function readBrat(ann: string): BratAttribution[] {
  const spans = new Map<string, { type: string; pieces: Span[] }>()
  const out: BratAttribution[] = []
  const lines = ann.split('\n')
  for (const line of lines) {
    const t = T_LINE.exec(line)
    if (!t) continue
    const pieces = t[3].split(';').map((p): Span => {
      const [a, b] = p.trim().split(' ').map(Number)
      return [a, b]
    })
    spans.set(t[1], { type: t[2], pieces })
  }
  for (const line of lines) {
    const e = E_LINE.exec(line)
    if (!e) continue
    const roles = new Map(e[1].split(' ').map((r) => r.split(':') as [string, string]))
    const piecesOf = (role: string): Span[] => spans.get(roles.get(role) ?? '')?.pieces ?? []
    out.push({ content: piecesOf('Content'), source: piecesOf('Source') })
  }
  return out
}

/**
 * Every stretch of two or more words between double quotation marks, inner span (marks excluded).
 * Curly marks pair by direction and straight marks toggle, each kind on its own, so a curly quote
 * nested in a straight one is found too; a quote left open ends with its paragraph.
 */
export function quotedStretches(text: string): Span[] {
  const out: Span[] = []
  let curly = -1
  let straight = -1
  const push = (open: number, close: number): void => {
    const inner = text.slice(open + 1, close)
    if ((inner.match(TOKEN)?.length ?? 0) >= 2) out.push([open + 1, close])
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') {
      if (curly >= 0) push(curly, i)
      if (straight >= 0) push(straight, i)
      curly = straight = -1
    } else if (ch === '“') curly = i
    else if (ch === '”' && curly >= 0) {
      push(curly, i)
      curly = -1
    } else if (ch === '"') {
      if (straight < 0) straight = i
      else {
        push(straight, i)
        straight = -1
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0])
}

/** Gold quotes of one article: stretches inside a content span, with the capitalised names of its source. */
export function goldQuotes(text: string, attributions: readonly BratAttribution[]): ScoredQuote[] {
  const stretches = quotedStretches(text)
  const out: ScoredQuote[] = []
  for (const [a, b] of stretches) {
    const owner = attributions.find((at) => at.content.some(([s, e]) => a >= s - 1 && b <= e + 1))
    if (!owner) continue
    const source = owner.source.map(([s, e]) => text.slice(s, e)).join(' ')
    const names = [...source.matchAll(NAME_WORD)].map((m) => m[0]).filter((w) => !NOT_NAMES.has(w))
    out.push({ span: [a, b], names })
  }
  return out
}

/** Token `[start, end)` ranges of `text`, for overlap in tokens. */
function tokenStarts(text: string): number[] {
  return [...text.matchAll(TOKEN)].map((m) => m.index)
}

function tokensIn(starts: readonly number[], [a, b]: Span): [number, number] {
  return [lowerBound(starts, a), lowerBound(starts, b)]
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Shared tokens over the longer quote's token count. */
function overlap(starts: readonly number[], x: Span, y: Span): number {
  const [xa, xb] = tokensIn(starts, x)
  const [ya, yb] = tokensIn(starts, y)
  const shared = Math.max(0, Math.min(xb, yb) - Math.max(xa, ya))
  const longer = Math.max(xb - xa, yb - ya)
  return longer === 0 ? 0 : shared / longer
}

/** Counts for one article at one threshold. */
export interface Counts {
  tp: number
  goldFound: number
  gold: number
  system: number
  speakerRight: number
  speakerScored: number
}

/** Scores one article's system quotes against its gold quotes at `threshold`. */
export function scoreArticle(text: string, gold: readonly ScoredQuote[], system: readonly ScoredQuote[], threshold: number): Counts {
  const starts = tokenStarts(text)
  const counts: Counts = { tp: 0, goldFound: 0, gold: gold.length, system: system.length, speakerRight: 0, speakerScored: 0 }
  for (const s of system) if (gold.some((g) => overlap(starts, g.span, s.span) >= threshold)) counts.tp++
  for (const g of gold) {
    const match = best(starts, g, system)
    if (!match || overlap(starts, g.span, match.span) < threshold) continue
    counts.goldFound++
    if (!g.names || g.names.length === 0) continue
    counts.speakerScored++
    const said = match.speaker ?? ''
    if (g.names.some((n) => new RegExp(String.raw`(?:^|\P{L})${n}(?:$|\P{L})`, 'u').test(said))) counts.speakerRight++
  }
  return counts
}

function best(starts: readonly number[], g: ScoredQuote, system: readonly ScoredQuote[]): ScoredQuote | null {
  let top: ScoredQuote | null = null
  let score = 0
  for (const s of system) {
    const o = overlap(starts, g.span, s.span)
    if (o > score) [top, score] = [s, o]
  }
  return top
}

/** Sums counts over articles. */
export function addCounts(a: Counts, b: Counts): Counts {
  return {
    tp: a.tp + b.tp,
    goldFound: a.goldFound + b.goldFound,
    gold: a.gold + b.gold,
    system: a.system + b.system,
    speakerRight: a.speakerRight + b.speakerRight,
    speakerScored: a.speakerScored + b.speakerScored,
  }
}

/** F1 from summed counts: precision over system quotes, recall over gold quotes. */
export function f1(c: Counts): number {
  const p = c.system === 0 ? 0 : c.tp / c.system
  const r = c.gold === 0 ? 0 : c.goldFound / c.gold
  return p + r === 0 ? 0 : (2 * p * r) / (p + r)
}

interface Doc {
  name: string
  text: string
  gold: ScoredQuote[]
}

/** The articles of one split with their gold quotes (first annotator by file name). */
export function readSplit(dir: string): Doc[] {
  const anns = readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()
  const out: Doc[] = []
  for (const name of readdirSync(join(dir, 'text')).filter((n) => n.endsWith('.txt')).sort()) {
    const stem = name.slice(0, -4)
    const ann = anns.find((a) => a.startsWith(`${stem}_`))
    if (!ann) continue
    const text = readFileSync(join(dir, 'text', name), 'utf8')
    out.push({ name, text, gold: goldQuotes(text, readBrat(readFileSync(join(dir, 'attributions', ann), 'utf8'))) })
  }
  return out
}

const ZERO: Counts = { tp: 0, goldFound: 0, gold: 0, system: 0, speakerRight: 0, speakerScored: 0 }

type System = (text: string) => ScoredQuote[]

/**
 * Parallax's direct and partial quotes, on the gold's terms: a quotation over several paragraphs
 * is scored as one quote per paragraph (as the gold stretches are), and only quotes of two or more
 * words count (as in the gold).
 */
export const parallax: System = (text) => {
  const article: Article = { id: '', source: { kind: 'text' }, outlet: null, title: null, authors: [], publishedAt: null, language: 'en', text, removed: [] }
  const out: ScoredQuote[] = []
  for (const q of annotate(article).quotes) {
    if (q.kind === 'indirect') continue
    for (const span of paragraphPieces(text, q.span)) out.push({ span, speaker: q.speaker?.name ?? null })
  }
  return out
}

/** The paragraphs of a span holding two or more words each. */
function paragraphPieces(text: string, [start, end]: Span): Span[] {
  const out: Span[] = []
  let from = start
  while (from < end) {
    const nl = text.indexOf('\n', from)
    const to = nl < 0 || nl >= end ? end : nl
    if ((text.slice(from, to).match(TOKEN)?.length ?? 0) >= 2) out.push([from, to])
    from = to + 1
  }
  return out
}

/** The every-quoted-stretch baseline. */
export const baseline: System = (text) => quotedStretches(text).map((span) => ({ span, speaker: null }))

function run(docs: readonly Doc[], system: System): { at3: Counts; at8: Counts } {
  let at3 = ZERO
  let at8 = ZERO
  for (const d of docs) {
    const out = system(d.text)
    at3 = addCounts(at3, scoreArticle(d.text, d.gold, out, 0.3))
    at8 = addCounts(at8, scoreArticle(d.text, d.gold, out, 0.8))
  }
  return { at3, at8 }
}

const pct = (x: number): number => Math.round(x * 1000) / 10

/** The quotes suite: F1 at 0.3 and 0.8 and speaker accuracy on dev and train, beside the baseline. */
export async function evalQuotes(sharedDir: string): Promise<{ rows: { name: string; value: number }[] }> {
  const rows: { name: string; value: number }[] = []
  for (const split of ['dev', 'train']) {
    const docs = readSplit(resolve(sharedDir, 'datasets/polnear/data', split))
    const base = run(docs, baseline)
    const ours = run(docs, parallax)
    rows.push(
      { name: `polnear ${split} quote F1 @0.3`, value: pct(f1(ours.at3)) },
      { name: `polnear ${split} quote F1 @0.8`, value: pct(f1(ours.at8)) },
      { name: `polnear ${split} speaker accuracy`, value: pct(ours.at3.speakerRight / Math.max(1, ours.at3.speakerScored)) },
      { name: `polnear ${split} baseline F1 @0.3`, value: pct(f1(base.at3)) },
      { name: `polnear ${split} baseline F1 @0.8`, value: pct(f1(base.at8)) },
    )
  }
  return { rows }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const here = fileURLToPath(new URL('.', import.meta.url))
  const { rows } = await evalQuotes(process.argv[2] ?? resolve(here, '../../shared'))
  for (const r of rows) console.log(`${r.name}\t${r.value}`)
}
