/**
 * First stage of number finding: propose every number-like stretch of text (digits, cardinal words,
 * fractions, vague plurals) with its bare value. Later stages add currency, approximation, range
 * and unit, and drop the ones that are dates or pronouns.
 */
import {
  CURRENCY_PREFIXES,
  FRACTIONS,
  SCALE_SUFFIXES,
  SCALE_WORDS,
  SMALL_NUMBERS,
  STANDALONE_SUFFIXES,
  VAGUE_PLURALS,
  type Approx,
} from './lexicon.js'

/** A number before refinement; offsets are into the text. */
export interface Candidate {
  start: number
  end: number
  value: number
  kind: 'digits' | 'words' | 'fraction' | 'vague'
  currency?: string
  unit?: string
  approx?: Approx
  upper?: number
  /** The multiplier written after the digits ("1.5 million" -> 1e6, "$200m" -> 1e6); 1 when none. */
  scale?: number
  /** True when the number was written as a plain integer of 4 digits (a possible year). */
  yearLike?: boolean
  /** The words as written, lower-cased, for word numbers ("one", "a dozen"). */
  words?: string
}

// Digits are not part of a word, code ("G7", "F-16", "COVID-19") or a longer number/date/time.
const DIGITS_RE =
  /(?<![\p{L}\p{N}_.,:/]|\p{L}-)(?<cur>US\$|[CA]\$|[$€£₽¥₴]|(?:USD|EUR|GBP|RUB)\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:(?<sw>\s(?:hundred|thousand|million|billion|trillion))|(?<ss>trn|mln|bn|mn|tn|[mkb]))?(?<pct>\s?%)?(?![\p{L}\p{N}]|[.,]\d)/gu

const WORD_ALTERNATION = [...SMALL_NUMBERS.keys(), ...SCALE_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|')
// A run of cardinal words joined by spaces, hyphens or "and" ("one hundred and twenty-five").
const WORDS_RE = new RegExp(
  `\\b(?:an?\\s+)?(?:${WORD_ALTERNATION})(?:(?:\\s+and\\s+|[\\s-]+)(?:${WORD_ALTERNATION}))*\\b`,
  'gi',
)
const TOKEN_RE = /[a-z]+/gi

const FRACTION_RE =
  /\b(?:(?<num>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?<frac>halves|half|thirds|third|quarters|quarter|fifths|fifth|tenths|tenth)\b(?<next>\s+\w+|-)?/gi
/** A word every FRACTION_RE match holds: most texts have none, and this test is cheaper than the search. */
const FRACTION_WORD = /half|halves|third|quarter|fifth|tenth/i
const VAGUE_RE = /\b(?<tens>(?:tens|hundreds)\s+of\s+thousands|hundreds\s+of\s+millions)|\b(?<word>dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions)\b/gi
/** A word every VAGUE_RE match holds. */
const VAGUE_WORD = /dozens|scores|hundreds|thousands|millions|billions/i
// "half" alone is a number only before what it halves ("half the budget", "half-hour").
const HALF_FOLLOWERS = /^(?:\s+(?:of|the|a|an|its|their|his|her|our|all)\b|-)/i

/** DIGITS_RE tried at one position only; {@link nextDigitMatch} chooses where. */
const DIGITS_AT = new RegExp(DIGITS_RE.source, 'uy')
/** Longest currency prefix ("USD ") plus a leading "." before the first digit of a number. */
const MAX_DIGIT_LEAD = 5
/** Characters a currency prefix or a ".5" can start with; other positions before a digit cannot start a match. */
const LEAD_CHARS = new Set(['U', 'C', 'A', 'E', 'G', 'R', '$', '€', '£', '₽', '¥', '₴', '.'])

const DIGIT = /[0-9]/g

/**
 * The leftmost DIGITS_RE match at or after `from`, as a global search would find it, but tried
 * only near digits: every match holds a digit at most MAX_DIGIT_LEAD characters after its start,
 * so the long stretches of text without digits are skipped by a one-class regex.
 */
function nextDigitMatch(text: string, from: number): RegExpExecArray | null {
  let pos = from
  DIGIT.lastIndex = from
  for (let digit = DIGIT.exec(text); digit !== null; digit = DIGIT.exec(text)) {
    const d = digit.index
    for (let p = Math.max(pos, d - MAX_DIGIT_LEAD); p <= d; p++) {
      if (p < d && !LEAD_CHARS.has(text[p])) continue
      DIGITS_AT.lastIndex = p
      const m = DIGITS_AT.exec(text)
      if (m) return m
    }
    pos = d + 1
  }
  return null
}

/** Every digit-written number, with currency sign, scale and percent sign attached. */
export function findDigitNumbers(text: string): Candidate[] {
  const found: Candidate[] = []
  for (let m = nextDigitMatch(text, 0); m !== null; m = nextDigitMatch(text, m.index + m[0].length)) {
    const g = m.groups ?? {}
    const raw = g.num ?? ''
    const currency = g.cur ? CURRENCY_PREFIXES.get(g.cur.trim().toLowerCase()) : undefined
    const suffix = g.ss?.toLowerCase()
    // "200m" is 200 metres unless money is meant; only long suffixes stand alone.
    if (suffix && !currency && !STANDALONE_SUFFIXES.has(suffix)) continue
    const scale = suffix ? SCALE_SUFFIXES.get(suffix) ?? 1 : g.sw ? SCALE_WORDS.get(g.sw.trim()) ?? 1 : 1
    const value = Number(raw.replaceAll(',', '')) * scale
    if (!Number.isFinite(value)) continue
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: roundValue(value),
      kind: 'digits',
      currency,
      unit: g.pct ? 'percent' : currency,
      scale,
      yearLike: /^\d{4}$/.test(raw) && scale === 1 && !g.pct && !currency,
    })
  }
  return found
}

/** Every run of cardinal words ("three", "twenty-five", "a dozen", "two million"). */
export function findWordNumbers(text: string): Candidate[] {
  const found: Candidate[] = []
  for (const m of text.matchAll(WORDS_RE)) {
    const parsed = parseNumberWords(m[0])
    if (!parsed) continue
    found.push({
      start: m.index + parsed.start,
      end: m.index + parsed.end,
      value: parsed.value,
      kind: 'words',
      words: m[0].slice(parsed.start, parsed.end).toLowerCase(),
    })
  }
  return found
}

type WordState = 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale'

/**
 * Value of a run of number words, and the part of the run that forms one number. Stops at the
 * first word that cannot continue the number ("five six" is read as "five").
 */
export function parseNumberWords(phrase: string): { value: number; start: number; end: number } | null {
  let total = 0
  let group = 0
  let state: WordState = 'none'
  let articleStart = -1
  let start = -1
  let end = -1
  let firstWord = ''
  for (const t of phrase.matchAll(TOKEN_RE)) {
    const word = t[0].toLowerCase()
    if (word === 'and') continue
    if (state === 'none' && articleStart < 0 && (word === 'a' || word === 'an')) {
      articleStart = t.index
      continue
    }
    const next = advance(state, word, group, total, articleStart >= 0)
    if (!next) break
    if (state === 'none') {
      start = t.index
      firstWord = word
    }
    ;({ state, group, total } = next)
    end = t.index + t[0].length
  }
  if (end < 0) return null
  // "a" belongs to the number only before a scale word ("a dozen"), not in "a two-hour wait".
  if (articleStart >= 0 && SCALE_WORDS.has(firstWord)) start = articleStart
  return { value: total + group, start, end }
}

function advance(
  state: WordState,
  word: string,
  group: number,
  total: number,
  article: boolean,
): { state: WordState; group: number; total: number } | null {
  const small = SMALL_NUMBERS.get(word)
  if (small !== undefined) {
    const kind: WordState = small >= 20 ? 'tens' : small >= 10 ? 'teen' : 'unit'
    const allowed =
      state === 'none' || state === 'hundred' || state === 'scale' || (state === 'tens' && kind === 'unit')
    return allowed ? { state: kind, group: group + small, total } : null
  }
  const scale = SCALE_WORDS.get(word)
  if (scale === undefined) return null
  // A bare scale word needs a count or an article before it ("a dozen", not "dozen").
  if (state === 'none' && !article) return null
  if (state === 'scale' || (state === 'hundred' && scale === 100)) return null
  if (scale === 100) return { state: 'hundred', group: (group || 1) * 100, total }
  return { state: 'scale', group: 0, total: total + (group || 1) * scale }
}

/** Fractions ("a quarter", "two-thirds", "half the budget"); unit `fraction`. */
export function findFractions(text: string): Candidate[] {
  const found: Candidate[] = []
  if (!FRACTION_WORD.test(text)) return found
  for (const m of text.matchAll(FRACTION_RE)) {
    const g = m.groups ?? {}
    const frac = (g.frac ?? '').toLowerCase()
    const numWord = g.num?.toLowerCase()
    const afterFrac = text.slice(m.index + m[0].length - (g.next?.length ?? 0), m.index + m[0].length + 8)
    if (!numWord) {
      if (frac !== 'half' || !HALF_FOLLOWERS.test(afterFrac)) continue
    } else if (/^(?:an?|one)$/.test(numWord) && /^(?:third|fifth|tenth)$/.test(frac) && !/^\s+of\b/i.test(afterFrac)) {
      continue // "a third term", "one fifth round" are ordinals
    }
    const count = !numWord || /^(?:an?|one)$/.test(numWord) ? 1 : SMALL_NUMBERS.get(numWord) ?? 1
    found.push({
      start: m.index,
      end: m.index + m[0].length - (g.next?.length ?? 0),
      value: count * (FRACTIONS.get(frac) ?? 0),
      kind: 'fraction',
      unit: 'fraction',
    })
  }
  return found
}

// A whole number in digits or one cardinal word, as a share or a ratio writes it.
const RATIO_PART = String.raw`\d{1,3}(?:,\d{3})+|\d{1,6}|${[...SMALL_NUMBERS.keys()].sort((a, b) => b.length - a.length).join('|')}`
// "1 in 3", "one-in-three", "three out of four" (a share); "2-to-1", "two-to-one" (a ratio, hyphens
// only: "51 to 49" is a tally, two numbers). Read from the word between the parts (`RATIO_LINK`),
// then the part before it (`RATIO_BEFORE`, ending there) and the part after (`RATIO_AFTER`, from
// there): a pattern opening with the parts' alternation tried every position of the text, about 4%
// of `annotate`.
// Spaces before "in" are read from the first of them: inside a long run of spaces every start failed only at its end.
const RATIO_LINK = /((?<!\s)\s+in\s+|-in-|(?<!\s)\s+out\s+of\s+)|(-to-)/gi
const RATIO_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.,$-])(${RATIO_PART})$`, 'iu')
const RATIO_AFTER = new RegExp(String.raw`(${RATIO_PART})(?![\p{L}\p{N}%]|[.,]\d)`, 'iuy')
/** Characters before a link read for its first part: longer than any word part (digits with commas are read back to their start). */
const RATIO_LOOKBACK = 40
/** A word every ratio holds. */
const RATIO_WORD = /\bin\b|\bout of\b|-to-/i
// "5 in 10 days": a count within a time, no share.
const TIME_AFTER = /^\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i

function ratioPart(word: string): number {
  return /^\d/.test(word) ? Number(word.replace(/,/g, '')) : SMALL_NUMBERS.get(word.toLowerCase()) ?? NaN
}

/**
 * Shares and ratios ("1 in 3 voters", "a one-in-three chance", "a 2-to-1 margin") as one number:
 * a share's value is the fraction (unit `fraction`, so "1 in 3" and "one in three" agree), a
 * ratio's the first part over the second (unit `ratio`). Read as parts, "2-to-1" was the number
 * 2 counting "to", and "one-in-three" the number 3.
 */
export function findRatios(text: string): Candidate[] {
  const found: Candidate[] = []
  if (!RATIO_WORD.test(text)) return found
  // Where the last ratio ended: ratios do not overlap ("1 in 3 in 4" is one).
  let last = 0
  for (const link of text.matchAll(RATIO_LINK)) {
    let from = Math.max(last, link.index - RATIO_LOOKBACK)
    // A long figure ("1,000,000,...") is read whole: back over its digits and commas.
    while (from > last && (text.charCodeAt(from - 1) === 44 || (text.charCodeAt(from - 1) >= 48 && text.charCodeAt(from - 1) <= 57))) from--
    // The character before the window stays readable to the part's look-behind.
    const window = text.slice(from === 0 ? 0 : from - 1, link.index)
    const before = RATIO_BEFORE.exec(window)
    if (!before || (from > 0 && before.index === 0)) continue
    RATIO_AFTER.lastIndex = link.index + link[0].length
    const after = RATIO_AFTER.exec(text)
    if (!after) continue
    const start = link.index - before[1].length
    const end = RATIO_AFTER.lastIndex
    // Read, kept or not: the next ratio starts after it.
    last = end
    const a = ratioPart(before[1])
    const b = ratioPart(after[1])
    if (!(a >= 0 && b > 0) || !Number.isFinite(a)) continue
    if (link[1] !== undefined) {
      // A share: no more than the whole, and the whole no year ("3 in 2020") nor a time ("in 10 days").
      if (a > b || b < 2 || (b >= 1000 && b <= 2100 && !after[1].includes(',')) || TIME_AFTER.test(text.slice(end, end + 12))) continue
      found.push({ start, end, value: a / b, kind: 'fraction', unit: 'fraction' })
    } else {
      found.push({ start, end, value: a / b, kind: 'fraction', unit: 'ratio' })
    }
  }
  return found
}

/** Vague plurals ("dozens", "hundreds of", "tens of thousands"): the least they can mean, `at least`. */
export function findVaguePlurals(text: string): Candidate[] {
  const found: Candidate[] = []
  if (!VAGUE_WORD.test(text)) return found
  for (const m of text.matchAll(VAGUE_RE)) {
    const g = m.groups ?? {}
    let value: number
    if (g.tens) {
      const [first, , last] = g.tens.toLowerCase().split(/\s+/)
      value = (first === 'tens' ? 20 : 200) * (last === 'thousands' ? 1e3 : 1e6)
    } else {
      value = VAGUE_PLURALS.get((g.word ?? '').toLowerCase()) ?? 0
    }
    found.push({ start: m.index, end: m.index + m[0].length, value, kind: 'vague', approx: 'at least' })
  }
  return found
}

/** Rounds away binary noise ("1.1 million" is 1100000, not 1100000.0000000002). */
function roundValue(value: number): number {
  // a whole number of up to 12 digits has no noise (`+ 0`: as Number() of the string, never -0)
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value + 0
  return Number(value.toPrecision(12))
}
