/**
 * Number discrepancies inside one aligned fact: numbers for the same unit that cannot both be
 * right (claim discrepancies, read across facts, are in conflicts.ts). Approximations are read as
 * ranges first ("about 3 hours" is 2.55..3.45), so differently hedged wordings of one number agree.
 */
import { humanNumber } from '../enrich/numbers/format.js'
import type { Claim } from './claims.js'
import type { Annotated, Citation, Discrepancy, NumberMention } from '../types.js'

export interface NumberCompatibilityOptions {
  /** Two exact values within this share of the larger one agree (rounding in different outlets). */
  tolerance?: number
  /** Half-width of the range an "about" number stands for. */
  aboutSpread?: number
}

/** The range of values a number mention allows, from its value, range and hedge. */
export function numberRange(n: NumberMention, aboutSpread = 0.15): [number, number] {
  const hi = n.upper ?? n.value
  switch (n.approx) {
    case 'about':
      return [n.value * (1 - aboutSpread), hi * (1 + aboutSpread)]
    case 'nearly':
      return [n.value * (1 - aboutSpread), hi]
    case 'up to':
      return [0, hi]
    case 'at least':
    case 'more than':
      return [n.value, Number.POSITIVE_INFINITY]
    default:
      return [n.value, hi]
  }
}

/**
 * Whether two mentions of the same unit can describe the same quantity: their ranges overlap, or
 * the values are within `tolerance` of each other.
 * @example numbersCompatible({ value: 3, approx: 'about' }, { value: 3, approx: 'nearly' }) // true
 */
export function numbersCompatible(
  a: NumberMention,
  b: NumberMention,
  { tolerance = 0.1, aboutSpread = 0.15 }: NumberCompatibilityOptions = {},
): boolean {
  const [alo, ahi] = numberRange(a, aboutSpread)
  const [blo, bhi] = numberRange(b, aboutSpread)
  if (alo <= bhi && blo <= ahi) return true
  return Math.abs(a.value - b.value) <= tolerance * Math.max(Math.abs(a.value), Math.abs(b.value))
}

/** How a number reads in a discrepancy, for people: "about 3", "24-36", "$2 million", "2,000,000". */
export function formatNumber(n: NumberMention): string {
  const value = n.upper !== undefined ? `${humanNumber(n.value, n.unit)}-${humanNumber(n.upper, n.unit)}` : humanNumber(n.value, n.unit)
  return n.approx ? `${n.approx} ${value}` : value
}

const AUXILIARY = /^(?:(?:were|was|are|is|have|has|had|been|being|reportedly|people|persons)\s+)+/i
const TRAILING = /[\s,.;:!?"“”'’)]+$/

/** Words that say what a number counts, taken after the number in its claim: "killed in the strike". */
function numberContext(claim: Claim, n: NumberMention): string {
  const after = claim.text.slice(n.span[1] - claim.span[0]).split(/[,;.!?]/)[0] ?? ''
  const words = after.trim().replace(AUXILIARY, '').split(/\s+/).slice(0, 5).join(' ').replace(TRAILING, '')
  return words.length > 0 ? words : (n.unit ?? 'number')
}

function mutuallyUnmatched(a: NumberMention[], b: NumberMention[], options: NumberCompatibilityOptions): boolean {
  const unmatched = (xs: NumberMention[], ys: NumberMention[]) => xs.some((x) => !ys.some((y) => numbersCompatible(x, y, options)))
  return unmatched(a, b) && unmatched(b, a)
}

/** Groups the mentions of one unit into clusters of mutually compatible values, with their articles. */
function valueGroups(entries: { n: NumberMention; articleId: string }[], options: NumberCompatibilityOptions): Discrepancy['values'] {
  const groups: { head: NumberMention; articleIds: string[]; support: Citation[] }[] = []
  for (const { n, articleId } of entries) {
    const group = groups.find((g) => numbersCompatible(g.head, n, options))
    const at = { articleId, start: n.span[0], end: n.span[1] }
    if (!group) groups.push({ head: n, articleIds: [articleId], support: [at] })
    else {
      if (!group.articleIds.includes(articleId)) group.articleIds.push(articleId)
      group.support.push(at)
    }
  }
  // Each value with the number's words in every article that gives it.
  return groups.map((g) => ({ value: formatNumber(g.head), articleIds: g.articleIds, support: g.support }))
}

/**
 * Number discrepancies among the claims of one fact: per unit, two claims whose numbers each have
 * a value the other cannot match. Unitless numbers are not compared (counts of different things).
 */
export function numberDiscrepancies(claims: Claim[], options: NumberCompatibilityOptions = {}): Discrepancy[] {
  const byUnit = new Map<string, { claim: Claim; numbers: NumberMention[] }[]>()
  for (const claim of claims) {
    for (const n of claim.numbers) {
      if (!n.unit) continue
      const list = byUnit.get(n.unit) ?? []
      const entry = list.find((e) => e.claim === claim)
      if (entry) entry.numbers.push(n)
      else list.push({ claim, numbers: [n] })
      byUnit.set(n.unit, list)
    }
  }
  const out: Discrepancy[] = []
  for (const list of byUnit.values()) {
    const conflict = list.some((a, i) => list.slice(i + 1).some((b) => mutuallyUnmatched(a.numbers, b.numbers, options)))
    if (!conflict) continue
    const entries = list.flatMap((e) => e.numbers.map((n) => ({ n, articleId: e.claim.articleId })))
    const values = valueGroups(entries, options)
    if (values.length < 2) continue
    const first = list[0]
    const context = numberContext(first.claim, first.numbers[0])
    // A bare currency code says nothing to a reader: the amounts carry their sign ("$2 million vs $3 million").
    out.push({ kind: 'number', description: `${context === first.numbers[0].unit && /^[A-Z]{3}$/.test(context) ? 'amount' : context}: ${values.map((v) => v.value).join(' vs ')}`, values })
  }
  return out
}

/** A vote tally in a sentence about a vote: "voted 51 to 49", "by a 50-48 vote", "a vote of 232 to 196". */
const TALLY = /\b(\d{1,3})\s*(?:-|–|—|\s+to\s+)\s*(\d{1,3})\b/g
const VOTE_WORD = /\bvot(?:e|ed|es|ing)\b|\btally\b/i

export interface TallyOptions {
  /** Two tallies are of one vote when their totals differ by at most this share (one chamber, one vote). */
  maxTotalGap?: number
  /** Sentences read per article at most. */
  maxSentences?: number
}

/**
 * Vote tallies that disagree across outlets ("voted 51 to 49" / "by a 50-48 vote"): per article
 * the tallies of its sentences about a vote; a discrepancy when two articles each give one tally
 * for votes of about the same size (totals within `maxTotalGap`) and none of them gives both (an
 * article telling two tallies tells two votes apart).
 * @example tallyDiscrepancies(articles)[0]?.description // 'vote tally: 51-49 vs 50-48'
 */
export function tallyDiscrepancies(articles: readonly Annotated[], { maxTotalGap = 0.1, maxSentences = 2000 }: TallyOptions = {}): Discrepancy[] {
  const perArticle = articles.map((a) => {
    const found: { yes: number; no: number; at: Citation }[] = []
    for (const [s, e] of a.sentences.slice(0, maxSentences)) {
      const sentence = a.text.slice(s, e)
      if (!VOTE_WORD.test(sentence)) continue
      for (const m of sentence.matchAll(TALLY)) {
        const [yes, no] = [Number(m[1]), Number(m[2])]
        // A tally has more votes for the winner and is no date, score of years or range of ages ("1-2", "2018-19").
        if (yes < no || yes + no < 3) continue
        found.push({ yes, no, at: { articleId: a.id, start: s + m.index, end: s + m.index + m[0].length } })
      }
    }
    return found
  })
  const tallies = new Map<string, { yes: number; no: number; articleIds: Set<string>; support: Citation[] }>()
  for (const found of perArticle) {
    const distinct = new Set(found.map((t) => `${t.yes}-${t.no}`)).size
    // One article telling two tallies: the story has two votes, and which is which is not known.
    if (distinct > 1) return []
    for (const t of found) {
      const key = `${t.yes}-${t.no}`
      const entry = tallies.get(key) ?? { yes: t.yes, no: t.no, articleIds: new Set<string>(), support: [] }
      entry.articleIds.add(t.at.articleId)
      entry.support.push(t.at)
      tallies.set(key, entry)
    }
  }
  const list = [...tallies.values()]
  if (list.length < 2) return []
  const total = (t: { yes: number; no: number }) => t.yes + t.no
  const sizes = list.map(total)
  if ((Math.max(...sizes) - Math.min(...sizes)) / Math.max(...sizes) > maxTotalGap) return []
  const values = list.map((t) => ({ value: `${t.yes}-${t.no}`, articleIds: [...t.articleIds], support: t.support }))
  return [{ kind: 'number', description: `vote tally: ${values.map((v) => v.value).join(' vs ')}`, values }]
}
