/**
 * Accuracy of the quotes stage on PolNeAR (../shared/datasets/polnear), direct quotes, scored as
 * the datasets README says:
 *   - gold quotes are the quoted stretches (two or more `\w+` words between double quotation
 *     marks) inside the `Content` spans of attributions, one annotator per article (the first
 *     `.ann` file by name). Marks are straight, curly, or the doubled apostrophes (`''`) the New
 *     York Times articles use, and pair by position whatever their kind (see quotedStretches).
 *     A content span is all of its pieces (PolNeAR cuts a content span into one piece per
 *     sentence, and some attributions have a second content, `Content2`): a stretch is inside it
 *     when every word token of the stretch lies in one of those pieces;
 *   - a system quote matches a gold one when the tokens they share divided by the longer one's
 *     token count reach the threshold (0.3 and 0.8); matching is one to one, best overlaps first,
 *     so one long quote cannot count for several; precision over system quotes, recall over gold;
 *   - speaker accuracy is over matched gold quotes (at 0.3) whose `Source` span holds a capitalised
 *     name (see sourceNames): right when one of those names appears in the system's speaker name.
 * The baseline marks every quoted stretch with no speaker. The README gives it as 0.939 / 0.936 on
 * dev; no reading of the rules we tried reproduces that (the per-piece containment this scorer
 * used to have gave 95.4 / 95.3), and this scorer gives it 96.8 / 96.8.
 *
 * Train is also scored in two halves (see trainHalf): the odd half, whose errors we study, and the
 * even half, never looked at, whose rows show whether a rule generalises.
 *
 * Run alone: `node --import tsx eval/quotes.ts [sharedDir] [--errors FILE]` (FILE: a TSV of the
 * speaker misses, missed and spurious quotes of dev and the odd train half; see articleErrors,
 * which refuses an even-half file).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { annotate } from '../src/enrich/index.js'
import type { Article } from '../src/types.js'
import { lowerBound } from '../src/text/spans.js'

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
  /** For the error dump: the source span as written (gold), the cue and the speaker as written (system). */
  source?: string
  cue?: string
  written?: string
  /** For the error dump: the speaker rule that read the quote (system). */
  via?: string
}

const T_LINE = /^(T\d+)\t(\w+) ([\d ;]+)\t/
const E_LINE = /^E\d+\t(.*)$/
const TOKEN = /\w+/gu
/** The opening mark of a single-quoted stretch (the quotes stage pairs only curly single marks). */
const SINGLE_OPEN = /^[‘’]$/
const NAME_WORD = /\b\p{Lu}[\p{L}'’-]+/gu
/** Capitalised words that are not names (sentence starts, pronouns, titles, parties, months, days). */
const NOT_NAMES = new Set(
  [
    'The A An He She His Her Hers It Its They Their Them We Our Us I My You Your This That These Those Some Many Most Several Both Other Another',
    'Mr Mrs Ms Dr Sen Rep Gov President Senator Secretary Former Top One Two',
    'Republican Republicans Democrat Democrats Democratic GOP',
    'Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec January February March April May June July August September October November December',
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
  ]
    .join(' ')
    .split(' '),
)
const POSSESSIVE = /['’]s?$/u

/**
 * The capitalised names in a source span: possessives stripped ("Clinton’s aide" names Clinton),
 * and a first word that is capitalised only because it starts the sentence ("Supporters", "At least
 * half of voters": it is written in lower case elsewhere in the article) left out.
 */
export function sourceNames(text: string, source: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(NAME_WORD)) {
    const word = m[0].replace(POSSESSIVE, '')
    if (word.length < 2 || NOT_NAMES.has(word)) continue
    if (m.index === 0 && new RegExp(String.raw`(?:^|\P{L})${word.toLowerCase()}(?:$|\P{L})`, 'u').test(text)) continue
    out.push(word)
  }
  return out
}

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
    const roles = new Map(e[1].split(' ').filter((r) => r.includes(':')).map((r) => r.split(':') as [string, string]))
    const piecesOf = (role: string): Span[] => spans.get(roles.get(role) ?? '')?.pieces ?? []
    // "Content2": the second content of an attribution that has two.
    const content = [...roles.keys()].filter((r) => /^Content\d*$/.test(r)).flatMap(piecesOf)
    out.push({ content: content.sort((a, b) => a[0] - b[0]), source: piecesOf('Source') })
  }
  return out
}

/**
 * Every stretch of two or more words between double quotation marks, inner span (marks excluded).
 * Marks are straight, curly, or doubled apostrophes (`''`), and many texts mix them (“...," she
 * said), so a mark opens or closes by where it stands, whatever its kind: a curly opening mark
 * opens (unless it stands between a word and a space: “Really?“ he asked), a curly closing mark
 * closes, and a straight or doubled mark opens after a space or bracket and before a word, else
 * closes. A closing mark closes the innermost open quote, so nested quotes are found too; quotes
 * left open end with their paragraph.
 */
export function quotedStretches(text: string): Span[] {
  const out: Span[] = []
  const open: number[] = [] // inner starts of the open quotes, innermost last
  const push = (innerStart: number, close: number): void => {
    if ((text.slice(innerStart, close).match(TOKEN)?.length ?? 0) >= 2) out.push([innerStart, close])
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') {
      while (open.length > 0) push(open.pop()!, i)
      continue
    }
    const width = ch === "'" && text[i + 1] === "'" ? 2 : 1
    if (ch !== '“' && ch !== '”' && ch !== '"' && width === 1) continue
    const before = text[i - 1] ?? ' '
    const after = text[i + width] ?? ' '
    const opens =
      ch === '“' ? !(/\S/.test(before) && /[\s,.;:!?)]/.test(after)) : ch === '”' ? false : /[\s([{—–/-]/.test(before) && /\S/.test(after)
    if (opens) open.push(i + width)
    else if (open.length > 0) push(open.pop()!, i)
    i += width - 1
  }
  return out.sort((a, b) => a[0] - b[0])
}

/** Whether every word token of `[a, b)` lies in one of `pieces`. */
function covered(text: string, [a, b]: Span, pieces: readonly Span[]): boolean {
  if (pieces.length === 0) return false
  for (const m of text.slice(a, b).matchAll(TOKEN)) {
    const at = a + m.index
    if (!pieces.some(([s, e]) => at >= s && at < e)) return false
  }
  return true
}

/** Gold quotes of one article: stretches inside a content span, with the capitalised names of its source. */
export function goldQuotes(text: string, attributions: readonly BratAttribution[]): ScoredQuote[] {
  const stretches = quotedStretches(text)
  const out: ScoredQuote[] = []
  for (const span of stretches) {
    const owner = attributions.find((at) => covered(text, span, at.content))
    if (!owner) continue
    const source = owner.source.map(([s, e]) => text.slice(s, e)).join(' ')
    const names = sourceNames(text, source)
    out.push({ span, names, source })
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

/**
 * Pairs gold and system quotes one to one at `threshold`, best overlaps first (ties: text order),
 * so a system quote covering several gold quotes counts for one of them only.
 */
export function matchQuotes(text: string, gold: readonly ScoredQuote[], system: readonly ScoredQuote[], threshold: number): Map<ScoredQuote, ScoredQuote> {
  const starts = tokenStarts(text)
  const pairs: { g: number; s: number; o: number }[] = []
  for (let g = 0; g < gold.length; g++) {
    for (let s = 0; s < system.length; s++) {
      const o = overlap(starts, gold[g].span, system[s].span)
      if (o >= threshold && o > 0) pairs.push({ g, s, o })
    }
  }
  pairs.sort((x, y) => y.o - x.o || x.g - y.g || x.s - y.s)
  const out = new Map<ScoredQuote, ScoredQuote>()
  const used = new Set<number>()
  for (const { g, s } of pairs) {
    if (out.has(gold[g]) || used.has(s)) continue
    out.set(gold[g], system[s])
    used.add(s)
  }
  return out
}

/** Whether one of the gold source's names appears as a word in the system's speaker name. */
export function speakerRight(names: readonly string[], speaker: string | null | undefined): boolean {
  const said = speaker ?? ''
  return names.some((n) => new RegExp(String.raw`(?:^|\P{L})${n}(?:$|\P{L})`, 'u').test(said))
}

/** Scores one article's system quotes against its gold quotes at `threshold`. */
export function scoreArticle(text: string, gold: readonly ScoredQuote[], system: readonly ScoredQuote[], threshold: number): Counts {
  const matches = matchQuotes(text, gold, system, threshold)
  const counts: Counts = { tp: matches.size, goldFound: matches.size, gold: gold.length, system: system.length, speakerRight: 0, speakerScored: 0 }
  for (const [g, s] of matches) {
    if (!g.names || g.names.length === 0) continue
    counts.speakerScored++
    if (speakerRight(g.names, s.speaker)) counts.speakerRight++
  }
  return counts
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

export interface Doc {
  name: string
  text: string
  gold: ScoredQuote[]
  /** The file's half of its split (see trainHalf); only train's halves are scored apart. */
  half: 'odd' | 'even'
}

/** The articles of one split with their gold quotes (first annotator by file name). */
export function readSplit(dir: string): Doc[] {
  const anns = readdirSync(join(dir, 'attributions')).filter((n) => n.endsWith('.ann')).sort()
  const out: Doc[] = []
  const names = readdirSync(join(dir, 'text')).filter((n) => n.endsWith('.txt')).sort()
  for (const [position, name] of names.entries()) {
    const stem = name.slice(0, -4)
    const ann = anns.find((a) => a.startsWith(`${stem}_`))
    if (!ann) continue
    const text = readFileSync(join(dir, 'text', name), 'utf8')
    out.push({ name, text, gold: goldQuotes(text, readBrat(readFileSync(join(dir, 'attributions', ann), 'utf8'))), half: trainHalf(name, position) })
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
    // The gold holds double-marked quotes only: a quote in single marks (a headline's) is not scored.
    if (q.kind === 'indirect' || SINGLE_OPEN.test(text[q.span[0] - 1] ?? '')) continue
    const written = q.speaker?.span ? text.slice(q.speaker.span[0], q.speaker.span[1]) : undefined
    for (const span of paragraphPieces(text, q.span)) out.push({ span, speaker: q.speaker?.name ?? null, cue: q.cue, written, via: q.via })
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

/** One line of the error dump (tab-separated, newlines and tabs in text flattened). */
function errorLine(fields: readonly (string | null | undefined)[]): string {
  return fields.map((f) => (f ?? '').replace(/[\t\n]+/g, ' ')).join('\t')
}

/**
 * The errors of one article at 0.3: speaker misses (`speaker`), gold quotes not found (`missed`),
 * system quotes matching no gold one (`spurious`). Columns: kind, split, doc, quote text, gold
 * source, gold names, our speaker, our speaker as written, our cue, our speaker rule. An even-half train file is
 * refused: that half is scored only.
 */
export function articleErrors(split: string, doc: Doc, system: readonly ScoredQuote[]): string[] {
  if (split === 'train' && doc.half === 'even') throw new Error(`quotes: ${doc.name} is in the even train half; its errors are never read`)
  const { text } = doc
  const matches = matchQuotes(text, doc.gold, system, 0.3)
  const out: string[] = []
  const quote = (q: ScoredQuote): string => text.slice(q.span[0], q.span[1]).slice(0, 200)
  for (const g of doc.gold) {
    const s = matches.get(g)
    if (!s) out.push(errorLine(['missed', split, doc.name, quote(g), g.source, g.names?.join('|'), '', '', '', '']))
    else if (g.names && g.names.length > 0 && !speakerRight(g.names, s.speaker))
      out.push(errorLine(['speaker', split, doc.name, quote(g), g.source, g.names.join('|'), s.speaker, s.written, s.cue, s.via]))
  }
  const used = new Set(matches.values())
  for (const s of system) if (!used.has(s)) out.push(errorLine(['spurious', split, doc.name, quote(s), '', '', s.speaker, s.written, s.cue, s.via]))
  return out
}

/**
 * The train half of a file: odd or even by the numeric id in its name, or, when the name has none
 * (PolNeAR names are `outlet_date_slug`, the date being no id), by its 1-based position in the
 * sorted file list. The odd half is the one whose errors we study; the even half is scored only,
 * never read, so its rows say whether a rule learnt on the odd half holds on articles it was not
 * made from.
 */
export function trainHalf(name: string, position: number): 'odd' | 'even' {
  const id = /^(\d+)(?:\D|$)/.exec(name)
  const n = id ? Number.parseInt(id[1], 10) : position + 1
  return n % 2 === 1 ? 'odd' : 'even'
}

/** Sums the counts of `docs` with one system output each; with `errors`, the errors of the docs `errors.keep` accepts. */
function run(
  docs: readonly Doc[],
  outputs: readonly ScoredQuote[][],
  errors?: { split: string; lines: string[]; keep: (i: number) => boolean },
): { at3: Counts; at8: Counts } {
  let at3 = ZERO
  let at8 = ZERO
  docs.forEach((d, i) => {
    const out = outputs[i]
    at3 = addCounts(at3, scoreArticle(d.text, d.gold, out, 0.3))
    at8 = addCounts(at8, scoreArticle(d.text, d.gold, out, 0.8))
    if (errors?.keep(i)) errors.lines.push(...articleErrors(errors.split, d, out))
  })
  return { at3, at8 }
}

const pct = (x: number): number => Math.round(x * 1000) / 10

/**
 * The quotes suite: F1 at 0.3 and 0.8 and speaker accuracy on dev and train, beside the baseline,
 * then the same rows for the odd train half (studied) and the even half (never looked at).
 * `errorsFile`: also write the errors (see articleErrors) there, one TSV line each: dev and the
 * odd train half only, the even half's errors are never written.
 */
export async function evalQuotes(sharedDir: string, errorsFile?: string): Promise<{ rows: { name: string; value: number }[] }> {
  const rows: { name: string; value: number }[] = []
  const lines: string[] = []
  const push = (label: string, docs: readonly Doc[], outputs: ScoredQuote[][], base: ScoredQuote[][] | null, errors?: { split: string; keep: (i: number) => boolean }): void => {
    const ours = run(docs, outputs, errorsFile && errors ? { ...errors, lines } : undefined)
    rows.push(
      { name: `polnear ${label} quote F1 @0.3`, value: pct(f1(ours.at3)) },
      { name: `polnear ${label} quote F1 @0.8`, value: pct(f1(ours.at8)) },
      { name: `polnear ${label} speaker accuracy`, value: pct(ours.at3.speakerRight / Math.max(1, ours.at3.speakerScored)) },
    )
    if (!base) return
    const b = run(docs, base)
    rows.push({ name: `polnear ${label} baseline F1 @0.3`, value: pct(f1(b.at3)) }, { name: `polnear ${label} baseline F1 @0.8`, value: pct(f1(b.at8)) })
  }
  for (const split of ['dev', 'train']) {
    const docs = readSplit(resolve(sharedDir, 'datasets/polnear/data', split))
    const outputs = docs.map((d) => parallax(d.text))
    const base = docs.map((d) => baseline(d.text))
    const odd = (i: number): boolean => docs[i].half === 'odd'
    push(split, docs, outputs, base, { split, keep: split === 'dev' ? () => true : odd })
    if (split !== 'train') continue
    for (const half of ['odd', 'even'] as const) {
      const at = docs.flatMap((_, i) => (odd(i) === (half === 'odd') ? [i] : []))
      const label = half === 'odd' ? 'train odd (studied)' : 'train even (never looked at)'
      push(label, at.map((i) => docs[i]), at.map((i) => outputs[i]), null)
    }
  }
  if (errorsFile) writeFileSync(errorsFile, `${['kind', 'split', 'doc', 'quote', 'gold source', 'gold names', 'speaker', 'speaker as written', 'cue', 'via'].join('\t')}\n${lines.map((l) => `${l}\n`).join('')}`)
  return { rows }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const here = fileURLToPath(new URL('.', import.meta.url))
  // `node --import tsx eval/quotes.ts [sharedDir] [--errors FILE]`
  const args = process.argv.slice(2)
  const flag = args.indexOf('--errors')
  const errorsFile = flag >= 0 ? args[flag + 1] : undefined
  const positional = args.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1))
  const { rows } = await evalQuotes(positional[0] ?? resolve(here, '../../shared'), errorsFile)
  for (const r of rows) console.log(`${r.name}\t${r.value}`)
}
