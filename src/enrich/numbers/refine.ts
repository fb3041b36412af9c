/**
 * Refining stages for number candidates: each takes the whole sorted list and returns a new one.
 * They only look a few words around each candidate, so the pass stays linear in the text.
 */
import { keepLongest } from '../../text/spans.js'
import type { Candidate } from './candidates.js'
import {
  APPROX_CUES,
  CASUALTY_WORDS,
  CURRENCY_WORDS,
  NOT_PLURAL,
  NOUN_MODIFIERS,
  UNIT_NOUNS,
  singularNoun,
  type Approx,
} from './lexicon.js'

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)`
// Dates and clock times whose digits are not amounts ("Aug. 6, 2025", "5:00 p.m.", "8/6/25", "9/11").
const DATE_TIME_RE = new RegExp(
  [
    String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b`,
    String.raw`\b${MONTH}\s+\d{4}\b`,
    // "6 August 2025", "on 6 August 10 people died"; not "the 19 Sept. 11 hijackers", a count after
    // a determiner with the month's own day after it (the day-first reading would take the count).
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4}|(?![.\w]*\s*\d))`,
    String.raw`(?<!\b(?:[Tt]he|[Aa]ll|[Tt]hose|[Tt]hese)\s+)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}`,
    String.raw`\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?`,
    String.raw`\b\d{1,2}\s*[ap]\.?m\b\.?`,
    String.raw`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b`,
    // A month and a day past 10 without a year: a date or the name of one ("9/11"), not a fraction.
    String.raw`\b(?:0?[1-9]|1[0-2])/(?:1[1-9]|2\d|3[01])\b(?![/\d])`,
    String.raw`\b(?:1[6-9]|20)\d{2}[-–/]\d{2}\b`,
  ].join('|'),
  'g',
)

/** Drops candidates that overlap a longer one (a fraction "one third" beats the word "one"). */
export function removeOverlaps(cands: Candidate[]): Candidate[] {
  return keepLongest(cands)
}

/** Drops digits that belong to a date or a clock time. */
export function removeDateParts(text: string, cands: Candidate[]): Candidate[] {
  const blocked = [...text.matchAll(DATE_TIME_RE)].map((m) => [m.index, m.index + m[0].length] as const)
  let i = 0
  return cands.filter((c) => {
    if (c.kind !== 'digits') return true
    while (i < blocked.length && blocked[i][1] <= c.start) i++
    return !(i < blocked.length && blocked[i][0] < c.end)
  })
}

const RANGE_GAP_RE = /^\s*[-–—]\s*$|^\s+(?:to|or)\s+$/
const BETWEEN_RE = /\bbetween\s+$/i
const FROM_RE = /\bfrom\s+$/i

/**
 * Joins "24-36", "two to three", "five or six" and "between 5 and 10" into one number with an
 * upper bound. "from 25% to 50%" is a change, not a range, and stays two numbers.
 */
export function mergeRanges(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]
    const b = cands[i + 1]
    if (b && isRange(text, a, b)) {
      const before = text.slice(Math.max(0, a.start - 12), a.start)
      const between = BETWEEN_RE.exec(before)
      const scale = b.scale && b.scale !== 1 && (a.scale ?? 1) === 1 ? b.scale : 1
      out.push({
        ...a,
        start: between ? a.start - between[0].length : a.start,
        end: b.end,
        value: a.value * scale,
        upper: b.value,
        unit: a.unit ?? b.unit,
        currency: a.currency ?? b.currency,
        yearLike: false,
      })
      i++
    } else {
      out.push(a)
    }
  }
  return out
}

function isRange(text: string, a: Candidate, b: Candidate): boolean {
  if (a.kind === 'vague' || b.kind === 'vague' || a.kind === 'fraction' || b.kind === 'fraction') return false
  if (a.unit && b.unit && a.unit !== b.unit) return false
  const gap = text.slice(a.end, b.start)
  const before = text.slice(Math.max(0, a.start - 12), a.start)
  const joined = RANGE_GAP_RE.test(gap) || (/^\s+and\s+$/.test(gap) && BETWEEN_RE.test(before))
  if (!joined || FROM_RE.test(before)) return false
  const scale = b.scale && (a.scale ?? 1) === 1 ? b.scale : 1
  return a.value * scale < b.value
}

const PERCENT_WORD_RE = /^\s?(?:percent|per\s?cent|per-cent|pct)\b/i
const POINTS_RE = /^\s+percentage\s+points?\b/i
const CURRENCY_WORD_RE = new RegExp(`^\\s+(?:${[...CURRENCY_WORDS.keys()].join('|')})\\b`, 'i')

/** Attaches "percent", "percentage points" and currency words written after the amount. */
export function attachPercentAndCurrency(text: string, cands: Candidate[]): Candidate[] {
  return cands.map((c) => {
    if (c.unit || c.kind === 'fraction') return c
    const after = text.slice(c.end, c.end + 24)
    const points = POINTS_RE.exec(after)
    if (points) return { ...c, end: c.end + points[0].length, unit: 'percentage point' }
    const pct = PERCENT_WORD_RE.exec(after)
    if (pct) return { ...c, end: c.end + pct[0].length, unit: 'percent' }
    const cur = CURRENCY_WORD_RE.exec(after)
    if (cur) {
      const currency = CURRENCY_WORDS.get(cur[0].trim().toLowerCase().replace(/\s+/g, ' '))
      return { ...c, end: c.end + cur[0].length, unit: currency, currency }
    }
    return c
  })
}

const APPROX_RE = new RegExp(
  `(?:^|[^\\p{L}])(${APPROX_CUES.map(([cue]) => cue.replace(/[.]/g, '\\.').replace(/ /g, '\\s+')).join('|')})\\s*$`,
  'iud',
)
const APPROX_BY_CUE = new Map(APPROX_CUES.map(([cue, approx]) => [cue, approx] as const))

/** Attaches "about", "nearly", "at least", "up to", "more than" and their synonyms before a number. */
export function attachApprox(text: string, cands: Candidate[]): Candidate[] {
  return cands.map((c) => {
    const before = text.slice(Math.max(0, c.start - 24), c.start)
    const m = APPROX_RE.exec(before)
    if (!m) return c
    const approx: Approx | undefined = APPROX_BY_CUE.get(m[1].toLowerCase().replace(/\s+/g, ' '))
    if (!approx) return c
    const cueStart = c.start - before.length + (m.indices?.[1]?.[0] ?? before.length)
    return { ...c, start: cueStart, approx: c.approx ?? approx }
  })
}

const WORD = String.raw`[\p{L}][\p{L}.'’]*`
const FOLLOW_RE = new RegExp(`^(\\s+of\\s+(?:the\\s+)?|\\s+|-)(${WORD})(?:(\\s+)(${WORD}))?(?:(\\s+)(${WORD}))?`, 'u')
const PER_RE = /^\s+(?:a|an|per)\s+(\p{Ll}+)/u
const CASUALTY_RE = new RegExp(
  `^\\s+(?:(?:were|was|are|have been|had been|are being|were being)\\s+)?(?:${[...CASUALTY_WORDS].join('|')})\\b`,
)

/** Attaches the counted noun ("three hours" -> hour, "12 wounded" -> people, "$10 a barrel" -> USD/barrel). */
export function attachUnits(text: string, cands: Candidate[]): Candidate[] {
  return cands.map((c) => {
    if (c.unit === 'percent' || c.unit === 'percentage point' || c.kind === 'fraction') return c
    const after = text.slice(c.end, c.end + 80)
    if (c.currency) {
      const per = PER_RE.exec(after)
      if (per && UNIT_NOUNS.has(singularNoun(per[1]))) {
        return { ...c, end: c.end + per[0].length, unit: `${c.currency}/${singularNoun(per[1])}` }
      }
      return c
    }
    const casualty = CASUALTY_RE.exec(after)
    if (casualty) return { ...c, end: c.end + casualty[0].length, unit: 'people' }
    const noun = findNoun(after, c.kind === 'vague')
    return noun ? { ...c, end: c.end + noun.end, unit: noun.unit } : c
  })
}

/** The counted noun in the words after a number, skipping up to two modifiers. */
function findNoun(after: string, allowOf: boolean): { unit: string; end: number } | null {
  const m = FOLLOW_RE.exec(after)
  if (!m) return null
  const sep = m[1]
  if (sep.trim().startsWith('of') && !allowOf) return null
  // "two-hour", "three-way": a hyphenated measure takes any lower-case word as its unit.
  if (sep === '-') {
    // A full stop or closing apostrophe after it ends the sentence or a quotation, not the unit.
    const word = m[2].replace(/[.'’]+$/, '')
    return /^\p{Ll}/u.test(word) ? { unit: singularNoun(word), end: sep.length + word.length } : null
  }
  const words = [m[2], m[4], m[6]].filter((w): w is string => w !== undefined)
  let end = sep.length
  for (let i = 0; i < words.length; i++) {
    const word = words[i].replace(/[.’']+$/, '')
    const casualty = CASUALTY_WORDS.has(word)
    if (casualty || isCountedNoun(word)) {
      return { unit: casualty ? 'people' : singularNoun(word), end: end + word.length }
    }
    const nextIsUnit = i + 1 < words.length && UNIT_NOUNS.has(singularNoun(words[i + 1]))
    if (i === 2 || !(NOUN_MODIFIERS.has(word) || /^\p{Lu}/u.test(word) || nextIsUnit)) return null
    end += words[i].length + (i === 0 ? (m[3]?.length ?? 0) : (m[5]?.length ?? 0))
  }
  return null
}

function isCountedNoun(word: string): boolean {
  if (!/^\p{Ll}+$/u.test(word)) return false
  const singular = singularNoun(word)
  if (UNIT_NOUNS.has(singular)) return true
  return word.length >= 4 && singular !== word && !NOT_PLURAL.has(word)
}

// "a three-way summit", "a two-way street": how many sides something has, an adjective, not an amount.
const SIDES_RE = /-ways?$/i

/**
 * Drops "one" used as a pronoun ("one of", "this one", "one-on-one"), "zero" as an intensifier
 * ("zero military sense"), years read as amounts, each of which stays when a counted unit follows,
 * and the sides of a "three-way" anything.
 */
export function removeNonAmounts(text: string, cands: Candidate[]): Candidate[] {
  return cands.filter((c) => {
    if (c.unit === 'way' && SIDES_RE.test(text.slice(c.start, c.end))) return false
    const counted = c.unit !== undefined && (UNIT_NOUNS.has(c.unit) || c.unit === 'people')
    if ((c.words === 'one' || c.words === 'zero') && c.upper === undefined) return counted
    if (c.yearLike && c.upper === undefined) return counted
    return true
  })
}
