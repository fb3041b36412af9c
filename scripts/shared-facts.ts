/**
 * What the story pair learner (learn-story-pairs.ts) and the annotation packer
 * (pack-shared-facts.ts) share: score.py's text normalising, locating and overlap rules, the BASIL
 * article text the annotation guidelines define, and the packed events of data/basil-shared-facts.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' ',
}

/** score.py's `normalise`: lower case, quotes, dashes and white space unified, with each character's offset. */
export function normalise(text: string): { norm: string; where: number[] } {
  let norm = ''
  const where: number[] = []
  let space = false
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    const at = i
    i += ch.length
    if (/\s/u.test(ch)) {
      if (!space && norm.length > 0) (norm += ' '), where.push(at)
      space = true
      continue
    }
    space = false
    for (const c of [...ch.normalize('NFKC')].map((c) => QUOTES[c] ?? c).join('').toLowerCase()) (norm += c), where.push(at)
  }
  return { norm, where }
}

/** score.py's `locate`: the span of `needle` in the text, or null. */
export function locate({ norm, where }: { norm: string; where: number[] }, needle: string): [number, number] | null {
  let n = normalise(needle).norm.trim()
  if (n.length < 3) return null
  let k = norm.indexOf(n)
  if (k < 0) {
    n = n.replace(/^[ "'.,;:]+|[ "'.,;:]+$/g, '')
    k = n.length >= 3 ? norm.indexOf(n) : -1
    if (k < 0) return null
  }
  return [where[k], where[k + n.length - 1] + 1]
}

/** score.py's `overlaps`: by at least a third of the shorter span. */
export function overlaps(a: readonly number[], b: readonly number[]): boolean {
  const lo = Math.max(a[0], b[0])
  const hi = Math.min(a[1], b[1])
  return hi > lo && hi - lo >= Math.min(a[1] - a[0], b[1] - b[0]) / 3
}

/** Words of an article: offsets into `basilArticleText` and a short hash of the words (`wordsHash`), so a changed article shows. */
export type PackedSpan = [start: number, end: number, hash: string]

/**
 * An event of data/basil-shared-facts, in the gold's format with each outlet's words as a
 * `PackedSpan`: the facts two or more outlets report, and (where annotated) the genuine
 * disagreements and the direct quotes with their speakers.
 */
export interface PackedEvent {
  event: string
  year: number
  title: string
  facts: { statement: string; reports: Record<string, PackedSpan> }[]
  discrepancies?: { kind: string; about: string; values: Record<string, PackedSpan>; evidence: Record<string, PackedSpan> }[]
  quotes?: { outlet: string; words: PackedSpan; speaker: string }[]
}

/** A packed event read back in the gold's format (score.py's fields), words as strings. */
export interface GoldEvent {
  facts: { statement: string; reports: Record<string, string> }[]
  discrepancies: { kind: string; about: string; values: Record<string, string>; evidence: Record<string, string> }[]
  quotes: { outlet: string; text: string; speaker: string }[]
}

/** The first 12 hex digits of the SHA-1 of the words as score.py normalises them. */
export function wordsHash(words: string): string {
  return createHash('sha1').update(normalise(words).norm.trim()).digest('hex').slice(0, 12)
}

/** Where the body starts in a `basilArticleText`: after the title and its blank line (extraction drops the title). */
export function bodyStart(text: string): number {
  const k = text.indexOf('\n\n')
  return k < 0 ? text.length : k + 2
}

/**
 * The text of each outlet's article of one BASIL event as the guidelines define it and
 * make_inputs.py writes it: the title, a blank line, then the paragraphs (sentences trimmed and
 * joined by a space, empty paragraphs left out) joined by blank lines. Keyed by lower-case outlet.
 */
export function basilArticleText(basil: string, year: string, event: string): Map<string, string> {
  const texts = new Map<string, string>()
  const dir = join(basil, 'articles', year)
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`${event}_`) && f.endsWith('.json')).sort()) {
    const a = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title: string; source: string; 'body-paragraphs': string[][] }
    const paragraphs = a['body-paragraphs'].map((p) => p.map((s) => s.trim()).filter(Boolean).join(' ')).filter(Boolean)
    texts.set(a.source.toLowerCase(), [a.title.trim(), ...paragraphs].join('\n\n'))
  }
  return texts
}

/** Where `words` stand in `text` by score.py's rules (normalised), as offsets of `text`, or null. */
export function findWords(text: string, words: string): [number, number] | null {
  return locate(normalise(text), words)
}

/**
 * The packed events of `dir` (data/basil-shared-facts) as gold-format events, each report the
 * substring its offsets give, with the year each belongs to. Empty when the folder is missing.
 */
export function packedGold(dir: string, basil: string): { year: string; event: string; gold: GoldEvent; annotated: { discrepancies: boolean; quotes: boolean } }[] {
  if (!existsSync(dir)) return []
  const out = []
  for (const year of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, year)).filter((f) => f.endsWith('.json')).sort()) {
      const packed = JSON.parse(readFileSync(join(dir, year, file), 'utf8')) as PackedEvent
      const texts = basilArticleText(basil, year, packed.event)
      const words = (o: string, [s, e, hash]: PackedSpan): string | undefined => {
        const found = texts.get(o)?.slice(s, e)
        if (found !== undefined && wordsHash(found) !== hash) throw new Error(`${packed.event} ${o}: the words at [${s}, ${e}) are not the ones annotated (has the article changed?)`)
        return found
      }
      const strings = (spans: Record<string, PackedSpan>): Record<string, string> =>
        Object.fromEntries(Object.entries(spans).flatMap(([o, span]) => {
          const w = words(o, span)
          return w === undefined ? [] : [[o, w]]
        }))
      const gold: GoldEvent = {
        facts: packed.facts.map((f) => ({ statement: f.statement, reports: strings(f.reports) })),
        discrepancies: (packed.discrepancies ?? []).map((d) => ({ kind: d.kind, about: d.about, values: strings(d.values), evidence: strings(d.evidence) })),
        quotes: (packed.quotes ?? []).flatMap((q) => {
          const text = words(q.outlet, q.words)
          return text === undefined ? [] : [{ outlet: q.outlet, text, speaker: q.speaker }]
        }),
      }
      out.push({ year, event: packed.event, gold, annotated: { discrepancies: packed.discrepancies !== undefined, quotes: packed.quotes !== undefined } })
    }
  }
  return out
}
