/**
 * Dates on text the rules never saw: MEANTIME (Minard et al., LREC 2016; NewsReader, CC-BY 4.0),
 * 120 English Wikinews articles (2004-2011, four topics: Airbus/Boeing, Apple, General Motors, the
 * stock market) with TIMEX3 annotated by the TimeML guidelines. It shares no document with
 * TempEval-3 (TimeBank, AQUAINT, the platinum test set). `scripts/fetch-dates-sets.ts --meantime DIR` copies its
 * `intra-doc_annotation` folder into `.cache/dates/meantime` (absent on a clean machine: the rows
 * are then left out); nothing in it was looked at when writing the rules beyond what the report says.
 *
 * The corpus is in CAT XML: tokens with ids, and markables that name the tokens they cover. The text
 * is rebuilt from the tokens (a space between tokens, none before closing punctuation), each TIMEX3
 * spans its first to its last token, and the TIMEX3 marked CREATION_TIME gives the publication date.
 * Scored as TempEval-3 (eval/dates.ts `score`): found = overlap, value F1 over all expressions.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findDatesAndTimexes, timexesOf } from '../src/enrich/dates/timeml.js'
import { emptyCounts, f1, score, TYPES, type Counts, type Doc, type ErrorLine, type Gold } from './dates.js'

/** Where the fetch script copies the collection. */
export const MEANTIME_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache/dates/meantime')

const TOKEN_RE = /<token\b([^>]*)>([^<]*)<\/token>/g
const TIMEX_RE = /<TIMEX3\b([^>]*?)(?:\/>|>([\s\S]*?)<\/TIMEX3>)/g
const ANCHOR_RE = /<token_anchor\s+t_id="(\d+)"/g
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
// No space before closing punctuation and clitics, none after opening ones.
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'|n't|''|'re|'ve|'ll|'d|'m)$/i
const NO_SPACE_AFTER = /^(?:[([{$]|``)$/

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1]

/** The plain text of a CAT document, its publication date and its TIMEX3 spans. */
export function readCat(xml: string): Doc | null {
  const starts = new Map<string, [number, number]>()
  let text = ''
  let sentence: string | undefined
  let previous = ''
  for (const m of xml.matchAll(TOKEN_RE)) {
    const word = m[2].replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e)
    const id = attr(m[1], 't_id')
    const s = attr(m[1], 'sentence')
    if (!id) continue
    if (text) text += s !== sentence ? '\n' : NO_SPACE_BEFORE.test(word) || NO_SPACE_AFTER.test(previous) ? '' : ' '
    sentence = s
    previous = word
    starts.set(id, [text.length, text.length + word.length])
    text += word
  }
  let dct: string | undefined
  const gold: Gold[] = []
  for (const m of xml.matchAll(TIMEX_RE)) {
    const value = attr(m[1], 'value') ?? ''
    if (attr(m[1], 'functionInDocument') === 'CREATION_TIME') dct = value
    const anchors = [...(m[2] ?? '').matchAll(ANCHOR_RE)].map((a) => starts.get(a[1])).filter((x): x is [number, number] => x !== undefined)
    if (!anchors.length) continue
    gold.push({ start: Math.min(...anchors.map((a) => a[0])), end: Math.max(...anchors.map((a) => a[1])), value, type: attr(m[1], 'type') ?? '' })
  }
  if (!dct || !/^\d{4}-\d\d-\d\d/.test(dct)) return null
  gold.sort((a, b) => a.start - b.start)
  return { text, dct, gold }
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? xmlFiles(path) : name.endsWith('.xml') ? [path] : []
    })
}

/**
 * Value F1, span F1 and per-type found % on MEANTIME English, when copied; no rows otherwise.
 * `errors` collects one line per miss, wrong value and spurious expression (eval/dates.ts format).
 */
export function evalMeantime(dir = MEANTIME_DIR, errors: ErrorLine[] | null = null): { name: string; value: number }[] {
  if (!existsSync(dir)) return []
  const counts = emptyCounts()
  const byType = new Map<string, Counts>()
  let docs = 0
  for (const path of xmlFiles(dir)) {
    const doc = readCat(readFileSync(path, 'utf8'))
    if (!doc) continue
    docs++
    score(doc, timexesOf(findDatesAndTimexes(doc.text, doc.dct)), counts, byType, errors, path.split('/').pop() ?? path)
  }
  const pct = (x: number) => Math.round(x * 1000) / 10
  const rows = [
    { name: 'meantime documents', value: docs },
    { name: 'meantime gold TIMEX3', value: counts.gold },
    { name: 'meantime strict span F1', value: pct(f1(counts.strict, counts.system, counts.gold)) },
    { name: 'meantime relaxed span F1', value: pct(f1(counts.relaxed, counts.system, counts.gold)) },
    { name: 'meantime value F1', value: pct(f1(counts.value, counts.system, counts.gold)) },
    { name: 'meantime found (%)', value: pct(counts.gold ? counts.relaxed / counts.gold : 0) },
  ]
  for (const type of TYPES) {
    const c = byType.get(type) ?? emptyCounts()
    rows.push(
      { name: `meantime ${type} gold`, value: c.gold },
      { name: `meantime ${type} found (%)`, value: pct(c.gold ? c.relaxed / c.gold : 0) },
      { name: `meantime ${type} value F1`, value: pct(f1(c.value, c.system, c.gold)) },
    )
  }
  return rows
}
