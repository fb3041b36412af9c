/**
 * Packs our own annotations of BASIL events into data/basil-shared-facts/, the extra training
 * events of the story pair model (scripts/learn-story-pairs.ts).
 *
 * The annotations were made by the team for events of 2010-2014 that the shared gold does not
 * cover, by the "facts" part of ../shared/datasets/basil/GUIDELINES.md: every fact two or more of
 * the three outlets report, each outlet's words given as an exact substring. The repo holds no copy
 * of the articles' text, so each substring is stored as character offsets into the article text
 * the guidelines define (the title line, a blank line, then the paragraphs, sentences joined by a
 * space, paragraphs by a blank line, as make_inputs.py writes them); the statements are our words.
 * `basilArticleText` rebuilds that text and the learner slices the words back out.
 *
 * With `--unseen`, events of 2016-2018 the shared gold leaves out go to data/basil-shared-facts-unseen/:
 * a collection the compare eval scores and nothing learns from, whose error lists are not read.
 *
 * Usage: `node --import tsx scripts/pack-shared-facts.ts [--unseen] ANNOTATION_DIR [sharedDir] [outDir]`
 * (ANNOTATION_DIR/<year>/<event>.json in the gold format). A substring not found in the body (the
 * title is not part of the text extraction scores) is reported and left out, and a fact left with
 * one outlet too; an event from 2016 on (without --unseen), or one the shared gold already has, is refused.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { basilArticleText, bodyStart, findWords, wordsHash, type PackedEvent, type PackedSpan } from './shared-facts.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
// --unseen: events of 2016-2018, an evaluation collection only (never training data, its errors never read).
const unseen = args.includes('--unseen')
const [annotations, sharedDir = resolve(here, '../../shared'), outDir = resolve(here, unseen ? '../data/basil-shared-facts-unseen' : '../data/basil-shared-facts')] = args.filter((a) => a !== '--unseen')
if (!annotations) {
  console.error('usage: node --import tsx scripts/pack-shared-facts.ts [--unseen] ANNOTATION_DIR [sharedDir] [outDir]')
  process.exit(2)
}
const basil = join(sharedDir, 'datasets/basil')
let packed = 0
let dropped = 0
for (const year of readdirSync(annotations).filter((y) => /^\d{4}$/.test(y)).sort()) {
  if (!unseen && Number(year) > 2014) throw new Error(`pack-shared-facts: ${year}: only events of 2010-2014 train the model (2016-2018 is its unseen half: pack them with --unseen)`)
  if (unseen && (Number(year) < 2016 || Number(year) % 2 === 1)) throw new Error(`pack-shared-facts: ${year}: the unseen collection holds even years from 2016 (odd years are kept back)`)
  for (const file of readdirSync(join(annotations, year)).filter((f) => f.endsWith('.json')).sort()) {
    const event = file.replace(/\.json$/, '')
    if (existsSync(join(basil, 'gold', year, file))) throw new Error(`pack-shared-facts: ${event}: the shared gold already has this event`)
    const source = JSON.parse(readFileSync(join(annotations, year, file), 'utf8')) as {
      title?: string
      facts?: { statement?: string; reports?: Record<string, string | null> }[]
      discrepancies?: { kind?: string; about?: string; values?: Record<string, string | null>; evidence?: Record<string, string | null> }[]
      quotes?: { outlet?: string; text?: string; speaker?: string }[]
      /** Which of discrepancies and quotes were annotated (so an empty list means none, not not yet). */
      annotated?: string[]
    }
    const texts = basilArticleText(basil, year, event)
    // Words found only in the title are left out: extraction drops the title from the text scored.
    const place = (outlet: string, words: string | null | undefined): PackedSpan | null => {
      if (!words) return null
      const text = texts.get(outlet)
      const span = text === undefined ? null : findWords(text.slice(bodyStart(text)), words)
      if (!span || text === undefined) {
        dropped++
        console.error(`pack-shared-facts: ${event} ${outlet}: not found in the body: ${words.slice(0, 80)}`)
        return null
      }
      const [s, e] = [span[0] + bodyStart(text), span[1] + bodyStart(text)]
      return [s, e, wordsHash(text.slice(s, e))]
    }
    const placeAll = (byOutlet: Record<string, string | null> | undefined): Record<string, PackedSpan> =>
      Object.fromEntries(Object.entries(byOutlet ?? {}).flatMap(([o, w]) => {
        const span = place(o, w)
        return span ? [[o, span]] : []
      }))
    const facts: PackedEvent['facts'] = []
    for (const fact of source.facts ?? []) {
      const reports = placeAll(fact.reports)
      if (Object.keys(reports).length >= 2) facts.push({ statement: fact.statement ?? '', reports })
    }
    const out: PackedEvent = { event, year: Number(year), title: source.title ?? '', facts }
    // Discrepancies and quotes only when the file annotates them (an empty list is an annotation: none).
    // A value too short for the scorer's locating rule ("12", "$5") is found inside its evidence.
    const placeValue = (outlet: string, value: string | null, evidence: PackedSpan | undefined): PackedSpan | null => {
      if (!value) return null
      const text = texts.get(outlet)
      if (text === undefined || !evidence || value.trim().length >= 3) return place(outlet, value)
      const at = text.slice(evidence[0], evidence[1]).indexOf(value.trim())
      if (at < 0) return place(outlet, value)
      const s = evidence[0] + at
      return [s, s + value.trim().length, wordsHash(value.trim())]
    }
    if (source.annotated?.includes('discrepancies') || (source.discrepancies?.length ?? 0) > 0) {
      out.discrepancies = (source.discrepancies ?? []).flatMap((d) => {
        const evidence = placeAll(d.evidence)
        const values = Object.fromEntries(
          Object.entries(d.values ?? {}).flatMap(([o, v]) => {
            const span = placeValue(o, v, evidence[o])
            return span ? [[o, span]] : []
          }),
        )
        return Object.keys(values).length >= 2 ? [{ kind: d.kind ?? 'claim', about: d.about ?? '', values, evidence }] : []
      })
    }
    if (source.annotated?.includes('quotes') || (source.quotes?.length ?? 0) > 0) {
      out.quotes = (source.quotes ?? []).flatMap((q) => {
        if (!q.outlet || !q.text || !q.speaker) {
          dropped++
          console.error(`pack-shared-facts: ${event}: a quote without outlet, words or speaker: ${JSON.stringify(q).slice(0, 80)}`)
          return []
        }
        const words = place(q.outlet, q.text)
        return words ? [{ outlet: q.outlet, words, speaker: q.speaker }] : []
      })
    }
    mkdirSync(join(outDir, year), { recursive: true })
    writeFileSync(join(outDir, year, file), `${JSON.stringify(out, null, 1)}\n`)
    packed++
    console.log(`pack-shared-facts: ${year}/${event}: ${facts.length} facts${out.discrepancies ? `, ${out.discrepancies.length} discrepancies` : ''}${out.quotes ? `, ${out.quotes.length} quotes` : ''}`)
  }
}
console.log(`pack-shared-facts: ${packed} events -> ${outDir}${dropped ? ` (${dropped} reports not found, left out)` : ''}`)
