/**
 * Accuracy of the dates stage on TempEval-3 (TimeBank + AQUAINT, ../shared/datasets/tempeval3):
 * every TIMEX3 in a document's TEXT is gold, the DCT is the publication date. Scored as the
 * datasets README says: a gold expression is found when a system span overlaps it (relaxed) or
 * equals it (strict); value F1 counts found expressions whose normalised value is the gold one.
 *
 * Run alone: `node --import tsx eval/dates.ts [sharedDir]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findDates } from '../src/enrich/dates/index.js'

interface Gold {
  start: number
  end: number
  value: string
}

interface Doc {
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
  let open: { start: number; value: string } | null = null
  let last = 0
  for (const m of body.matchAll(TAG_RE)) {
    text += decode(body.slice(last, m.index))
    last = m.index + m[0].length
    if (m[2] !== 'TIMEX3') continue
    if (m[1] === '') open = { start: text.length, value: /\bvalue="([^"]*)"/.exec(m[3])?.[1] ?? '' }
    else if (open) {
      gold.push({ start: open.start, end: text.length, value: open.value })
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

interface Counts {
  gold: number
  system: number
  strict: number
  relaxed: number
  value: number
}

/** Matches system dates to gold one-to-one by overlap, in text order. */
function score(doc: Doc, counts: Counts): void {
  const system = findDates(doc.text, doc.dct)
  counts.gold += doc.gold.length
  counts.system += system.length
  const used = new Set<number>()
  for (const g of doc.gold) {
    const i = system.findIndex((d, k) => !used.has(k) && d.span[0] < g.end && d.span[1] > g.start)
    if (i < 0) continue
    used.add(i)
    const d = system[i]
    counts.relaxed++
    if (d.span[0] === g.start && d.span[1] === g.end) counts.strict++
    if (d.value === g.value) counts.value++
  }
}

function f1(correct: number, system: number, gold: number): number {
  const p = system ? correct / system : 0
  const r = gold ? correct / gold : 0
  return p + r ? (2 * p * r) / (p + r) : 0
}

/** Strict/relaxed span F1 and value F1 of `findDates` on TempEval-3, in percent. */
export async function evalDates(sharedDir: string): Promise<{ rows: { name: string; value: number }[] }> {
  const counts: Counts = { gold: 0, system: 0, strict: 0, relaxed: 0, value: 0 }
  let docs = 0
  for (const path of tmlFiles(join(sharedDir, 'datasets', 'tempeval3'))) {
    const doc = readTimeML(readFileSync(path, 'utf8'))
    if (!doc) continue
    docs++
    score(doc, counts)
  }
  const pct = (x: number) => Math.round(x * 1000) / 10
  return {
    rows: [
      { name: 'tempeval3 documents', value: docs },
      { name: 'tempeval3 gold TIMEX3', value: counts.gold },
      { name: 'tempeval3 system dates', value: counts.system },
      { name: 'tempeval3 strict span F1', value: pct(f1(counts.strict, counts.system, counts.gold)) },
      { name: 'tempeval3 relaxed span F1', value: pct(f1(counts.relaxed, counts.system, counts.gold)) },
      { name: 'tempeval3 value F1', value: pct(f1(counts.value, counts.system, counts.gold)) },
      { name: 'tempeval3 value accuracy (found)', value: pct(counts.relaxed ? counts.value / counts.relaxed : 0) },
    ],
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const sharedDir = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
  void evalDates(sharedDir).then(({ rows }) => {
    const width = Math.max(...rows.map((r) => r.name.length))
    for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value}`)
  })
}
