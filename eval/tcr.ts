/**
 * Dates on news the rules never saw: TCR (Ning, Feng, Wu & Roth, ACL 2018,
 * github.com/qiangning/TemporalCausalReasoning), 25 CNN and Financial Times articles of
 * January-March 2010 in TimeML, with the publication date as `DCT`. No document is shared with
 * TempEval-3 (TimeBank and AQUAINT are 1989-2000, the platinum test set 2013).
 * `scripts/fetch-dates-sets.ts` copies its `TemporalPart/` into `.cache/dates/tcr` (absent on a
 * clean machine: the rows are then left out). Its misses were read by hand twice (9 then 7, see the
 * README); `node --import tsx eval/tcr.ts --errors FILE` writes its misses and wrong values (one TSV
 * line each, as eval/dates.ts does for TimeBank).
 *
 * TCR was made for temporal relations: its TIMEX3 layer marks most expressions but not all of them
 * ("yesterday", "last weekend" go untagged in some documents), and gives a value to about a third
 * of them (dates mostly; durations have none). So only recall is scored: a gold expression is found
 * when a system expression overlaps it, and the value is right when it equals a gold value that
 * is given. Precision would count the untagged expressions as errors, so it is not reported.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findDatesAndTimexes, timexesOf } from '../src/enrich/dates/timeml.js'
import { readTimeML, TYPES } from './dates.js'

/** Where the fetch script copies the collection. */
export const TCR_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache/dates/tcr')

interface Recall {
  gold: number
  found: number
  valued: number
  right: number
}

/** Found % overall and by type, and value accuracy over found expressions whose gold has a value. */
export function evalTcr(dir = TCR_DIR, errors: string[] | null = null): { name: string; value: number }[] {
  if (!existsSync(dir)) return []
  const all: Recall = { gold: 0, found: 0, valued: 0, right: 0 }
  const byType = new Map<string, Recall>()
  let docs = 0
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tml')).sort()) {
    const doc = readTimeML(readFileSync(join(dir, name), 'utf8'))
    if (!doc) continue
    docs++
    const system = timexesOf(findDatesAndTimexes(doc.text, doc.dct))
    for (const g of doc.gold) {
      const counts = [all, byType.get(g.type) ?? byType.set(g.type, { gold: 0, found: 0, valued: 0, right: 0 }).get(g.type)!]
      const hit = system.find((d) => d.span[0] < g.end && d.span[1] > g.start)
      const context = () => `${doc.text.slice(Math.max(0, g.start - 40), g.start)}[${doc.text.slice(g.start, g.end)}]${doc.text.slice(g.end, g.end + 30)}`.replace(/\s+/g, ' ')
      if (!hit) errors?.push(`MISS\t${g.type}\t${g.value}\t${doc.text.slice(g.start, g.end)}\t\t\t${doc.dct}\t${name}\t${context()}`)
      else if (g.value && hit.value !== g.value) errors?.push(`VALUE\t${g.type}\t${g.value}\t${doc.text.slice(g.start, g.end)}\t${hit.value}\t${doc.text.slice(hit.span[0], hit.span[1])}\t${doc.dct}\t${name}\t${context()}`)
      for (const c of counts) {
        c.gold++
        if (!hit) continue
        c.found++
        if (!g.value) continue
        c.valued++
        if (hit.value === g.value) c.right++
      }
    }
  }
  const pct = (x: number, of: number) => (of ? Math.round((x / of) * 1000) / 10 : 0)
  const rows = [
    { name: 'tcr documents', value: docs },
    { name: 'tcr gold TIMEX3', value: all.gold },
    { name: 'tcr found (%)', value: pct(all.found, all.gold) },
    { name: 'tcr found with a gold value', value: all.valued },
    { name: 'tcr value right (% of found with a gold value)', value: pct(all.right, all.valued) },
  ]
  for (const type of TYPES) {
    const c = byType.get(type)
    if (c) rows.push({ name: `tcr ${type} gold`, value: c.gold }, { name: `tcr ${type} found (%)`, value: pct(c.found, c.gold) })
  }
  return rows
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2)
  const errorsAt = args.indexOf('--errors')
  const errorsFile = errorsAt >= 0 ? args[errorsAt + 1] : undefined
  const errors: string[] | null = errorsFile ? [] : null
  for (const r of evalTcr(TCR_DIR, errors)) console.log(`${r.name}  ${r.value}`)
  if (errorsFile && errors) writeFileSync(errorsFile, `${errors.join('\n')}\n`)
}
