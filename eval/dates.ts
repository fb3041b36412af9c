/**
 * Accuracy of the dates stage on TempEval-3 (TimeBank + AQUAINT, ../shared/datasets/tempeval3):
 * every TIMEX3 in a document's TEXT is gold, the DCT is the publication date. Scored as the
 * datasets README says: a gold expression is found when a system span overlaps it (relaxed) or
 * equals it (strict); value F1 counts found expressions whose normalised value is the gold one
 * (TempEval-3's attribute F1: P = right values / system, R = right values / gold).
 *
 * The headline rows score what `annotate` returns for dates, read as TimeML: each date's `timex`
 * and the article's `timexes` (durations, sets, "now"), from `findDatesAndTimexes`, the function
 * annotate calls (src/enrich/dates/timeml.test.ts checks that it does); one row scores the dates'
 * own values, the calendar dates the timeline uses.
 *
 * Run alone: `node --import tsx eval/dates.ts [sharedDir] [--errors FILE]` (FILE: one TSV line per
 * miss, wrong value, span mismatch and spurious expression of TimeBank, the development collection,
 * only: AQUAINT is the second collection, scored by its totals and never read expression by
 * expression, so its errors are never listed; `--errors FILE --collection AQUAINT` is refused).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findDatesAndTimexes, timexesOf } from '../src/enrich/dates/timeml.js'
import type { TimexMention } from '../src/types.js'
import { evalMeantime } from './meantime.js'
import { evalTcr } from './tcr.js'

export interface Gold {
  start: number
  end: number
  value: string
  type: string
}

export interface Doc {
  text: string
  dct: string
  gold: Gold[]
}

const DCT_RE = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/
const TEXT_RE = /<TEXT>([\s\S]*?)<\/TEXT>/
const TAG_RE = /<(\/?)([A-Za-z0-9]+)([^>]*)>/g
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }

/** Plain text of a TimeML document's TEXT and the TIMEX3 spans in it. */
export function readTimeML(xml: string): Doc | null {
  const dct = DCT_RE.exec(xml)?.[1]
  const body = TEXT_RE.exec(xml)?.[1]
  if (!dct || body === undefined) return null
  let text = ''
  const gold: Gold[] = []
  let open: { start: number; value: string; type: string } | null = null
  let last = 0
  for (const m of body.matchAll(TAG_RE)) {
    text += decode(body.slice(last, m.index))
    last = m.index + m[0].length
    if (m[2] !== 'TIMEX3') continue
    if (m[1] === '') {
      open = { start: text.length, value: /\bvalue="([^"]*)"/.exec(m[3])?.[1] ?? '', type: /\btype="([^"]*)"/.exec(m[3])?.[1] ?? '' }
    } else if (open) {
      gold.push({ start: open.start, end: text.length, value: open.value, type: open.type })
      open = null
    }
  }
  text += decode(body.slice(last))
  return { text, dct, gold }
}

function decode(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e)
}

function tmlFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...tmlFiles(path))
    else if (name.endsWith('.tml')) out.push(path)
  }
  return out
}

export interface Counts {
  gold: number
  system: number
  strict: number
  relaxed: number
  value: number
}

export const TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const
/** The training data's two collections (folder names): development first, then the second collection. */
const COLLECTIONS = ['TimeBank', 'AQUAINT'] as const
/** The one collection whose errors `--errors` lists: the development collection. */
export const ERRORS_COLLECTION = 'TimeBank'

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0 }
}

/** One line per miss, wrong value or spurious expression, for error analysis (`--errors FILE`). */
export type ErrorLine = string

/**
 * Matches system expressions to gold one-to-one by overlap, in text order. `byType` counts gold
 * by its TIMEX3 type and system expressions by the type the system gave them.
 */
export function score(doc: Doc, system: TimexMention[], counts: Counts, byType: Map<string, Counts>, errors: ErrorLine[] | null, file: string): void {
  counts.gold += doc.gold.length
  counts.system += system.length
  const typeCounts = (t: string): Counts => {
    let c = byType.get(t)
    if (!c) byType.set(t, (c = emptyCounts()))
    return c
  }
  for (const g of doc.gold) typeCounts(g.type).gold++
  for (const d of system) typeCounts(d.type).system++
  const used = new Set<number>()
  const context = (start: number, end: number) =>
    `${doc.text.slice(Math.max(0, start - 40), start)}[${doc.text.slice(start, end)}]${doc.text.slice(end, end + 30)}`.replace(/\s+/g, ' ')
  for (const g of doc.gold) {
    const i = system.findIndex((d, k) => !used.has(k) && d.span[0] < g.end && d.span[1] > g.start)
    const gText = doc.text.slice(g.start, g.end)
    if (i < 0) {
      errors?.push(`MISS\t${g.type}\t${g.value}\t${gText}\t\t\t${doc.dct}\t${file}\t${context(g.start, g.end)}`)
      continue
    }
    used.add(i)
    const d = system[i]
    const tc = typeCounts(g.type)
    counts.relaxed++
    tc.relaxed++
    const strict = d.span[0] === g.start && d.span[1] === g.end
    if (strict) {
      counts.strict++
      tc.strict++
    }
    if (d.value === g.value) {
      counts.value++
      tc.value++
    } else {
      errors?.push(`VALUE\t${g.type}\t${g.value}\t${gText}\t${d.value}\t${doc.text.slice(d.span[0], d.span[1])}\t${doc.dct}\t${file}\t${context(g.start, g.end)}`)
    }
    if (!strict) errors?.push(`SPAN\t${g.type}\t${g.value}\t${gText}\t${d.value}\t${doc.text.slice(d.span[0], d.span[1])}\t${doc.dct}\t${file}\t${context(g.start, g.end)}`)
  }
  system.forEach((d, k) => {
    if (!used.has(k)) errors?.push(`SPURIOUS\t${d.type}\t\t\t${d.value}\t${doc.text.slice(d.span[0], d.span[1])}\t${doc.dct}\t${file}\t${context(d.span[0], d.span[1])}`)
  })
}

export function f1(correct: number, system: number, gold: number): number {
  const p = system ? correct / system : 0
  const r = gold ? correct / gold : 0
  return p + r ? (2 * p * r) / (p + r) : 0
}

/**
 * Strict/relaxed span F1 and value F1 of the dates stage's TimeML reading on TempEval-3, in percent, over both
 * collections and for each (TimeBank, AQUAINT); then, per TIMEX3
 * type, recall (gold of that type found / with the right value) and the value F1 by type, where
 * the system side counts the expressions the system typed so.
 */
export async function evalDates(sharedDir: string, errorsFile?: string): Promise<{ rows: { name: string; value: number }[] }> {
  const counts = emptyCounts()
  const timeline = emptyCounts()
  const byType = new Map<string, Counts>()
  // TempEval-3's training data is two collections: TimeBank, the development set, and AQUAINT,
  // scored on its own as the second collection (other newswire, other annotators' habits).
  const byCollection = new Map<string, Counts>(COLLECTIONS.map((name) => [name, emptyCounts()]))
  const typesByCollection = new Map<string, Map<string, Counts>>(COLLECTIONS.map((name) => [name, new Map()]))
  const errors: ErrorLine[] | null = errorsFile ? [] : null
  let docs = 0
  for (const path of tmlFiles(join(sharedDir, 'datasets', 'tempeval3'))) {
    const doc = readTimeML(readFileSync(path, 'utf8'))
    if (!doc) continue
    docs++
    const read = findDatesAndTimexes(doc.text, doc.dct)
    const system = timexesOf(read)
    const collectionName = basename(dirname(path))
    const collection = byCollection.get(collectionName)
    // Errors of the development collection only (see the header): AQUAINT's are never written.
    score(doc, system, counts, byType, collectionName === ERRORS_COLLECTION ? errors : null, path.split('/').pop() ?? path)
    if (collection) score(doc, system, collection, typesByCollection.get(collectionName) ?? new Map(), null, '')
    const asTimex = read.dates.map((d): TimexMention => ({ span: d.span, type: 'DATE', value: d.value, stage: d.stage }))
    score(doc, asTimex, timeline, new Map(), null, '')
  }
  // The collections the rules never saw (eval/tcr.ts, eval/meantime.ts), scored only when fetched;
  // their errors are not listed (not tuned on).
  const unseen = [...evalTcr(), ...evalMeantime()]
  if (errorsFile && errors) writeFileSync(errorsFile, `${errors.join('\n')}\n`)
  const pct = (x: number) => Math.round(x * 1000) / 10
  const rows = [
    { name: 'tempeval3 documents', value: docs },
    { name: 'tempeval3 gold TIMEX3', value: counts.gold },
    { name: 'tempeval3 system expressions', value: counts.system },
    { name: 'tempeval3 strict span F1', value: pct(f1(counts.strict, counts.system, counts.gold)) },
    { name: 'tempeval3 relaxed span F1', value: pct(f1(counts.relaxed, counts.system, counts.gold)) },
    { name: 'tempeval3 value F1', value: pct(f1(counts.value, counts.system, counts.gold)) },
    { name: 'tempeval3 value accuracy (found)', value: pct(counts.relaxed ? counts.value / counts.relaxed : 0) },
    { name: 'tempeval3 value F1 of the dates alone (timeline values)', value: pct(f1(timeline.value, timeline.system, timeline.gold)) },
  ]
  for (const [name, c] of byCollection) {
    rows.push(
      { name: `tempeval3 ${name} gold TIMEX3`, value: c.gold },
      { name: `tempeval3 ${name} relaxed span F1`, value: pct(f1(c.relaxed, c.system, c.gold)) },
      { name: `tempeval3 ${name} value F1`, value: pct(f1(c.value, c.system, c.gold)) },
      // the totals behind the F1 (counts only, no expression): a change's effect on either side reads from them
      { name: `tempeval3 ${name} system expressions`, value: c.system },
      { name: `tempeval3 ${name} found`, value: c.relaxed },
      { name: `tempeval3 ${name} value right`, value: c.value },
    )
    // found % by type in each collection (the DATE, DURATION, TIME, SET recall of the development and the second collection)
    for (const type of TYPES) {
      const t = typesByCollection.get(name)?.get(type) ?? emptyCounts()
      rows.push(
        { name: `tempeval3 ${name} ${type} found (%) of ${t.gold}`, value: pct(t.gold ? t.relaxed / t.gold : 0) },
        { name: `tempeval3 ${name} ${type} value right (% of gold)`, value: pct(t.gold ? t.value / t.gold : 0) },
      )
    }
  }
  for (const type of TYPES) {
    const c = byType.get(type) ?? emptyCounts()
    rows.push(
      { name: `tempeval3 ${type} gold`, value: c.gold },
      { name: `tempeval3 ${type} found (%)`, value: pct(c.gold ? c.relaxed / c.gold : 0) },
      { name: `tempeval3 ${type} value right (% of gold)`, value: pct(c.gold ? c.value / c.gold : 0) },
      { name: `tempeval3 ${type} value F1 (system typed ${type}: ${c.system})`, value: pct(f1(c.value, c.system, c.gold)) },
    )
  }
  return { rows: [...rows, ...unseen] }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const errorsAt = args.indexOf('--errors')
  const errorsFile = errorsAt >= 0 ? args.splice(errorsAt, 2)[1] : undefined
  const collectionAt = args.indexOf('--collection')
  const asked = collectionAt >= 0 ? args.splice(collectionAt, 2)[1] : ERRORS_COLLECTION
  if (asked !== ERRORS_COLLECTION) {
    console.error(`--errors lists ${ERRORS_COLLECTION} only: ${asked} is a collection whose expressions are never read (scored by its totals)`)
    process.exit(2)
  }
  const sharedDir = args[0] ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
  void evalDates(sharedDir, errorsFile).then(({ rows }) => {
    const width = Math.max(...rows.map((r) => r.name.length))
    for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value}`)
  })
}
