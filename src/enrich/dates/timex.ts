/**
 * The dates stage seen as TimeML TIMEX3 expressions (what TempEval-3 scores): every temporal
 * expression, not only the ones a timeline can place. `findDates` gives the calendar dates and
 * clock times; this module adds what a timeline must leave out and TimeML keeps:
 * - durations: "two weeks" P2W, "the first nine months" P9M, "a 16-hour day" PT16H, "several years" PXY,
 *   "half an hour" PT30M, "2.5 hours" PT2H30M, "a quarter century" P25Y, "another week" P1W, "the past
 *   week" P1W; plural units with no number: "the early years", "years of war", "in minutes", "recent
 *   quarters"; lengths of no unit: "for some time", "for a long period" PXX;
 * - sets: "daily" P1D, "every month" P1M, "each Thursday" XXXX-WXX-4, "on Mondays", "Tuesday nights" XXXX-WXX-2TNI,
 *   frequencies ("twice a year" P1Y, "every 20 minutes" PT20M, "every other week" P2W), "weekends", "each summer";
 * - the end of the current period: "year-end", "the end of the decade" (the period's value);
 * - parts of a day no day names: "in the morning", "in the early evening", "by mid-afternoon", "at
 *   midday", "4 in the morning" (of the day last named, else of the publication day);
 * - days the text places by the one it named last: "throughout the day", "the same day", "its fifth
 *   day" (with none named, an ordinal day is the publication day only in "entered its fifth day", "it is
 *   the second day"); "the previous year" with none named counts from publication;
 * - vague references: "now"/"currently" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF;
 * - quarters and halves: "the third quarter" 1989-Q3, "Q3 2013", "fiscal 1989" 1989, "the first half of 1990" 1990-H1;
 * - years standing alone ("1990"), decades ("the 1990s" 199), parts of the day ("this morning" ...TMO);
 * and TimeML's span boundaries: modifiers belong to the expression ("early next year", "last
 * November", "the end of 1990", "June last year"), so do "the" and the quarter of a year.
 *
 * Expressions that refer back to the discourse ("the quarter", "a year earlier", "the year-ago
 * period") take the quarter under report when one was named near enough before them (an earnings
 * report compares a quarter with the same quarter a year before), else the publication date. The
 * quarter under report is the last one named, unless that one is earlier or not over yet ("after a
 * flat second quarter", "the fourth quarter will be better"); after "the first nine months" the
 * comparison is with the year before; a quarter that ends outside the fiscal quarter last named
 * ("the quarter ended Sept. 30" after "the fiscal first quarter") is TimeML's "1989-QX".
 *
 * Values are TimeML's; `findDates` keeps the timeline's own values (ISO weeks, seasons, days).
 */
import { keepLongest, sentenceAround } from '../../text/spans.js'
import type { DateMention, Span, TimexMention, TimexType } from '../../types.js'
import { addDays, addMonths, formatDay, formatMonth, isoWeek, pad, parseAnchor, weekday, type CalendarDate } from './calendar.js'
import { straightApostrophes } from '../../text/tokens.js'
import { DATES_STAGE, findDates } from './index.js'
import { isMarketLevel, monthNumber } from './news.js'
import { splitSentences } from '../sentences/index.js'
import { firstVerbTense, futureIn, nearestYear, yearOfUndated } from './tense.js'

export type { TimexType }

/** A TIMEX3: `span` into the text, TimeML `type` and `value` (`1998-W12`, `P3D`, `PRESENT_REF`, `XXXX-WXX-1`), and how it was read. */
export interface TimexFound extends TimexMention {
  /** Which reading it is: the date's own `via` (findDates' date, in TimeML's terms: `chrono/...`, `news/...`) or `timex/<rule name>` of this module. */
  via: string
}

/** The periods "that year", "the following week", "the previous summer" count in. */
type ThatUnit = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'spring' | 'summer' | 'fall' | 'autumn' | 'winter'

interface Candidate {
  start: number
  end: number
  type: TimexType
  value: string
  /** Filled in text order from the last quarter named before it (see `resolveReferences`). */
  refers?: 'quarter' | 'year-before' | 'that' | 'day-part' | 'weekday'
  /** For `refers: 'weekday'`: the day of the week (1 Monday ... 7 Sunday), before (-1) or after (+1) the day last named. */
  weekday?: number
  /** For `refers: 'that'`: the unit and step from the date last named ("the following year": year, +1). */
  thatUnit?: ThatUnit
  thatStep?: number
  /** A quarter of a fiscal year ("the fiscal second quarter"). */
  fiscal?: boolean
  /** For "the quarter ended Sept. 30": the calendar quarter its end falls in. */
  endsInQuarter?: number
  /** For `refers: 'day-part'`: no value unless a day was named before ("the third day of the trial"). */
  needsDay?: boolean
  /** Rule candidates win ties against `findDates` readings of the same length. */
  rule: boolean
  /** Which reading it is: the date's `via` (findDates) or `timex/<rule name>` (see RULES). */
  via: string
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100,
  'a couple of': 2, 'couple of': 2, another: 1, dozen: 12, 'a dozen': 12,
  // "half a dozen", "a half-dozen": six
  'half a dozen': 6, 'half dozen': 6, 'half-dozen': 6, 'a half dozen': 6, 'a half-dozen': 6,
}
const VAGUE_NUMBERS = new Set(['several', 'few', 'a few', 'many', 'some'])
// "twenty-four", "forty five": a tens word and a units word
const COMPOUND = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)`
// ("2.5 hours", "2 1/2 years", "two and a half years", "half a dozen years")
const NUM = String.raw`(?:\d+(?:\.\d+|\s+1/2)?|(?:${COMPOUND}|an?|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a\s+)?hundred|(?:a\s+)?(?:half[-\s]+(?:a\s+)?)?dozen|several|(?:a\s+)?few|many|(?:a\s+)?couple\s+of)(?:\s+and\s+a\s+half)?)`
const UNIT = String.raw`(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))`
const APPROX = String.raw`(?:(?:about|nearly|almost|roughly|around|approximately|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|at\s+least|only|just|some)\s+)`
// ("could last two weeks": "last" after a modal or "to" is the verb, not the expression's)
const ORDER = String.raw`(?:(?:first|(?<!\b(?:will|would|could|can|may|might|should|must|shall|to|did|does|do|'ll)\s+)last|past|next|previous|latest|coming|final|remaining|following|preceding|initial|recent|year-earlier|year-ago)\s+(?!another\b))`

const UNIT_CODE: Record<string, { code: string; time: boolean; times: number }> = {
  second: { code: 'S', time: true, times: 1 },
  minute: { code: 'M', time: true, times: 1 },
  hour: { code: 'H', time: true, times: 1 },
  day: { code: 'D', time: false, times: 1 },
  week: { code: 'W', time: false, times: 1 },
  fortnight: { code: 'W', time: false, times: 2 },
  month: { code: 'M', time: false, times: 1 },
  quarter: { code: 'M', time: false, times: 3 },
  year: { code: 'Y', time: false, times: 1 },
  decade: { code: 'Y', time: false, times: 10 },
  centur: { code: 'Y', time: false, times: 100 },
}

function unitOf(word: string): (typeof UNIT_CODE)[string] {
  const key = word.toLowerCase().replace(/-/g, '')
  return UNIT_CODE[key.startsWith('centur') ? 'centur' : key.replace(/s$/, '')] ?? UNIT_CODE.day
}

/** `P3D`, `PT2H`, `P9M` (three quarters), `P20Y` (two decades), `PXY` (several years). */
function durationValue(count: string, unitWord: string): string {
  const unit = unitOf(unitWord)
  const n = numberValue(count)
  const prefix = unit.time ? 'PT' : 'P'
  if (n === null) return `${prefix}X${unit.times === 10 ? 'DE' : unit.times === 100 ? 'C' : unit.code}`
  // "1.25 hours": ISO 8601's decimal fraction of the last unit
  if (n * 2 !== Math.floor(n * 2)) return `${prefix}${n * unit.times}${unit.code}`
  if (n !== Math.floor(n)) {
    // "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "1 1/2 days" P1DT12H
    const half: Record<string, string> = { Y: '6M', M: unit.time ? '30S' : '15D', W: '3DT12H', D: 'T12H', H: '30M', S: '' }
    return `${prefix}${Math.floor(n) * unit.times}${unit.code}${unit.times === 1 ? half[unit.code] : ''}`
  }
  return `${prefix}${Math.floor(n) * unit.times}${unit.code}`
}

function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim()
  if (VAGUE_NUMBERS.has(w)) return null
  const half = /^(\d+) 1\/2$/.exec(w)
  if (half) return Number(half[1]) + 0.5
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w)
  const andHalf = /^(.+) and a half$/.exec(w)
  if (andHalf) {
    const whole = numberValue(andHalf[1])
    return whole === null ? null : whole + 0.5
  }
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w)
  if (compound && SPELLED[compound[1]] >= 20 && SPELLED[compound[2]] < 10) return SPELLED[compound[1]] + SPELLED[compound[2]]
  return NUMBER_WORDS[w] ?? null
}

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }
const QUARTER_OF = (m: CalendarDate) => Math.ceil(m.month / 3)

// --- the rules -------------------------------------------------------------------------------

/**
 * A pattern, what a match makes, and its keys: lower-case beginnings of words, one of which every
 * match contains ("day" for "two days", which "Monday" does not begin). A rule has a name, recorded
 * as its readings' provenance (`via: 'timex/quarter'`), so adding a rule renames none of the others. A rule is
 * run only on the stretches of text around its keys (see `ruleWindows`), so a rare rule costs
 * nothing on a text without its word. `reach`: how far before and after a key its matches and
 * the context they look at can go (default `KEY_REACH`); `gate`: whether a key found at `at` can be
 * part of a match at all (a cheap test that spares a costly pattern most of the text).
 */
type Rule = [
  name: string,
  RegExp,
  (m: RegExpExecArray, ctx: Context) => Omit<Candidate, 'start' | 'end' | 'rule' | 'via'> | null,
  keys: string[],
  reach?: readonly [before: number, after: number],
  gate?: (text: string, at: number) => boolean,
]

interface Context {
  anchor: CalendarDate
  text: string
  future: (start: number, end: number) => boolean
}

const MONTH_NAME = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`
// Not an amount or part of a number: "1994 points", "2000 shares", "1998%", "1990-91", "1998.5", "2009 million".
const NOT_A_YEAR_AFTER = String.raw`(?![-–/%]\d|\d|,\d|\.\d|\s*(?:%|percent|per\s*cent)\b|\s+(?:points?|shares?|people|persons|units|cars|jobs|tons|barrels|miles|employees|workers|votes|members|troops|acres|feet|meters|dollars|yen|marks|hundred|thousand|million|billion|trillion)\b)`

// Before "its fifth day" that makes it the day of writing: "entered its fifth day", "now in its third day", "it is the second day".
const ONGOING_BEFORE_RE = /(?:\b(?:enter(?:s|ed|ing)?|into|in|reach(?:es|ed)?|marks?|marked|begins?|began|started|starts?|now|is|are)|'s)\s+$/i
// Before a number that is part of a name: "Route 2009-2011", "No. 2000-2003", "flight 1990".
const NUMBERING_BEFORE_RE = /\b(?:no|nos|number|route|highway|interstate|flight|room|page|pages|pp|model|version|item|section|article|rule|resolution)\.?\s+$/i
// The first year of a range before its second: "2009-" of "2009-2011".
const RANGE_START_RE = /\d{4}\s?[-–]\s?$/
// The words before a "Q3" with no year that make it a quarter: "the Q3 results", "in Q3", "fiscal Q2", "Apple's Q4".
const Q_CONTEXT_BEFORE = new Set(['the', 'fiscal', 'in', 'for', 'during', 'since', 'by', 'until', 'through', 'to', 'from', 'and', 'or', 'its', 'their', 'our', 's', 'this', 'last', 'next', 'vs', 'versus', 'than', 'quarter'])
// Capitalised words before a number that do not make it part of a name: months, "Fiscal", "FY".
const NOT_A_NAME = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fiscal', 'fy', 'the', 'in', 'by', 'since', 'from', 'for', 'during', 'until', 'through', 'between'])

/**
 * Whether a capitalised word ends just before `at` on the same line, one that does not open a sentence:
 * a name the number belongs to ("Windows 2000", "an Audi Q3"). A possessive ("Apple's Q3") is no name.
 */
function nameBefore(text: string, at: number): boolean {
  let end = at
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  if (end === at) return false
  let start = end
  while (start > 0 && /[A-Za-z0-9]/.test(text[start - 1])) start--
  const word = text.slice(start, end)
  if (!/^[A-Z]/.test(word) || NOT_A_NAME.has(word.toLowerCase())) return false
  // the first word of a sentence, a line or a quote is capitalised anyway
  let before = start
  while (before > 0 && isSpace(text.charCodeAt(before - 1)) && text[before - 1] !== '\n') before--
  return before > 0 && !/[.!?:;"'“‘(\[\n—–-]/.test(text[before - 1])
}

/** How far before and after one of its keys a rule's match and the context it looks at can reach, unless the rule says. */
const KEY_REACH = [72, 56] as const
const QUARTER_ENDED_RE = new RegExp(String.raw`^\s+(?:ended|ending)\s+${MONTH_NAME}\s+\d`, 'i')
const PAST_VERB_AFTER_RE = /^\s+(?:became|began|was|were|had|[a-z]+(?<!e)ed)\b/i
const MODAL_BEFORE_RE = /\b(?:will|would|could|can|may|might|should|must|shall|to|'ll)\s+$/i
// "$1.76 a year", "four flights a week": an amount of something just before "a week" makes it a rate.
// (the amount ends in a digit: "rose to 1,200. A week earlier, ..." ends a sentence before "a week")
const RATE_BEFORE_RE = /(?:\d(?:[\d,.]*\d)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion)\b(?!\s+(?:second|minute|hour|day|week|month|year|decade)s?\b))(?:\s+[a-z]+){0,2}\s+$/
// Cheap tests that a key can be part of a match (see `Rule`): "every week", "the following month", "1998".
const EVERY_UNIT_RE = /(?:every|each|per)\s+(?:single\s+)?(?:day|week|weekend|month|quarter|year|hour|morning|evening|night|spring|summer|autumn|fall|winter|(?:sun|mon|tues|wednes|thurs|fri|satur)day|january|february|march|april|may|june|july|august|september|october|november|december)\b/iy
const LONG_UNIT_RE = /[a-z]+-long\b/iy
const BACK_RE = /^back$/i
const UNIT_WORD_RE = /^(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?$/i
// The words before a unit that make "the past week", "recent months", "the early years" (see their rules).
const PERIOD_BEFORE = new Set(['past', 'last', 'next', 'coming'])
// The words before "time", "period", "while" in a length of no unit ("some time", "a long period", "a while").
const LENGTH_BEFORE = new Set(['a', 'some', 'long', 'short', 'brief', 'lengthy', 'extended'])
const POSITION_BEFORE = new Set(['recent', 'first', 'early', 'initial', 'opening', 'last', 'final', 'closing', 'past', 'previous', 'later', 'late'])
const FALL_NOUN_AFTER_RE = /^\s+(?:in|of|on|to|from|by)\b/i
const THAT_WORDS = new Set(['that', 'following', 'next', 'previous', 'preceding'])
/** "that year", "the following same month": the word before the unit, past "same", says which. */
function afterThat(text: string, at: number): boolean {
  const before = wordBefore(text, at)
  const word = before.word.toLowerCase() === 'same' ? wordBefore(text, before.start).word : before.word
  return THAT_WORDS.has(word.toLowerCase())
}
const startsAt = (re: RegExp, text: string, at: number) => ((re.lastIndex = at), re.test(text))
const isUpper = (code: number) => code >= 65 && code <= 90
const dashAt = (text: string, at: number) => text[at] === '-' || text[at] === '–'
const YEAR_END_RE = /year(?:[- ]|'s\s+)end/iy
/** "year-end", "year's end", or a unit after "of the"/"of this": where period-end can match (see its rule). */
function periodEndAt(text: string, at: number): boolean {
  if (startsAt(YEAR_END_RE, text, at)) return true
  const the = wordBefore(text, at)
  const which = the.word.toLowerCase()
  return (which === 'the' || which === 'this') && wordBefore(text, the.start).word.toLowerCase() === 'of'
}
const isDigit = (code: number) => code >= 48 && code <= 57
const fourDigits = (text: string, at: number) => isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3)) && !isDigit(text.charCodeAt(at + 4))

const RULES: Rule[] = [
  // "the third quarter of 1990", "this year's third quarter", "the fiscal first quarter", "fourth-quarter", "the 1988 second quarter"
  [
    'quarter',
    new RegExp(
      String.raw`\b(?:(?:the|its|their|a)\s+)?(?:(this|last|next)\s+year's\s+|(${YEAR})\s+|(?:flat|strong|weak|disappointing)\s+)?(?:(?:fiscal|calendar)[- ])?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter(?:\s+of\s+(?:fiscal\s+)?(${YEAR})|,?\s+(${YEAR})${NOT_A_YEAR_AFTER})?\b(?!s)`,
      'gi',
    ),
    (m, ctx) => {
      const q = ORDINALS[m[3].toLowerCase()]
      const explicit = m[2] ?? m[4] ?? m[5]
      let year: number
      if (explicit) year = Number(explicit)
      else if (m[1]) year = ctx.anchor.year + { this: 0, last: -1, next: 1 }[m[1].toLowerCase() as 'this']
      else {
        // A quarter that has not begun by the publication date is last year's unless the sentence looks ahead.
        year = ctx.anchor.year
        if (3 * q - 2 > ctx.anchor.month && !ctx.future(m.index, m.index + m[0].length)) year--
      }
      return { type: 'DATE', value: `${pad(year, 4)}-Q${q}`, fiscal: /fiscal/i.test(m[0]) }
    },
    ['quarter'],
  ],
  // "Q3", "Q1 2013", "Q4 of 2012": a quarter in the notation of results tables
  [
    'q-quarter',
    // (the spaces before the year stay on the line: a table's "Q3" does not take the next row's year)
    new RegExp(String.raw`\bQ([1-4])(?:[^\S\n]{1,3}(?:of[^\S\n]{1,3})?(${YEAR})|[^\S\n]{0,2}'(\d\d))?\b${NOT_A_YEAR_AFTER}`, 'g'),
    (m, ctx) => {
      // "an Audi Q3", "the Galaxy Q2": a model after a name; a quarter is in "Q3 2013", "the Q3 results", "in fiscal Q2"
      if (nameBefore(ctx.text, m.index)) return null
      if (!m[2] && !m[3] && !Q_CONTEXT_BEFORE.has(wordBefore(ctx.text, m.index).word.toLowerCase()) && !/\bquarter/i.test(ctx.text.slice(Math.max(0, m.index - 80), m.index + 80))) return null
      const q = Number(m[1])
      let year = m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : ctx.anchor.year
      // as for "the third quarter": one not begun by publication is last year's unless the sentence looks ahead
      if (!m[2] && !m[3] && 3 * q - 2 > ctx.anchor.month && !ctx.future(m.index, m.index + m[0].length)) year--
      return { type: 'DATE', value: `${pad(year, 4)}-Q${q}` }
    },
    ['q1', 'q2', 'q3', 'q4'],
  ],
  // "the first half of 1990", "the second half", "first-half", "the last half of 1989", "the first two quarters of 1990"
  [
    'half-year',
    new RegExp(
      String.raw`\b(?:the\s+)?(first|second|last|latter)[- ](?:half|two\s+quarters)(?:\s+of\s+(?:fiscal\s+|the\s+year\s+)?(${YEAR})|\s+of\s+the\s+(?:'(\d)0s|(1[89]\d|20\d)0s)\b)?\b`,
      'gi',
    ),
    (m, ctx) => {
      // "the last half of the '80s": a part of a decade, which TimeML gives as the decade
      if (m[3] || m[4]) return { type: 'DATE', value: m[4] ?? `19${m[3]}` }
      const h = /^first/i.test(m[1]) ? 1 : 2
      const year = m[2] ? Number(m[2]) : ctx.anchor.year
      return { type: 'DATE', value: `${pad(year, 4)}-H${h}` }
    },
    ['half', 'quarters'],
  ],
  // "the quarter", "the latest quarter", "this quarter", "the current quarter", "the latest period"
  [
    'quarter-under-report',
    /\b(?:(the)\s+)?(?:(latest|current|this|last|next|previous|prior|same|fiscal|just-ended|recent)\s+)?(?:quarter|(?<=latest\s+)period)\b(?![-\s]+(?:of|a\s+year|earlier|ago|to-))(?!s)/gi,
    (m, ctx) => {
      const which = m[2]?.toLowerCase()
      if (!m[1] && !which) return null
      const now = { year: ctx.anchor.year, q: QUARTER_OF(ctx.anchor) }
      const shift = (by: number) => {
        const i = now.year * 4 + now.q - 1 + by
        return `${pad(Math.floor(i / 4), 4)}-Q${(i % 4) + 1}`
      }
      if (which === 'current' || which === 'this') return { type: 'DATE', value: shift(0) }
      if (which === 'next') return { type: 'DATE', value: shift(1) }
      if (which === 'last' || which === 'previous' || which === 'prior') return { type: 'DATE', value: shift(-1) }
      // "the quarter", "the latest period": the quarter under report (a fiscal one too), else the last one over
      const ended = QUARTER_ENDED_RE.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24))
      return { type: 'DATE', value: shift(-1), refers: 'quarter', endsInQuarter: ended ? Math.ceil(monthNumber(ended[1]) / 3) : undefined }
    },
    ['quarter', 'period'],
  ],
  // "the year-ago quarter", "the year-earlier period", "the 1988 quarter", "last year's quarter",
  // "the corresponding period last year", "the quarter a year ago", "year-earlier"
  [
    'year-ago-quarter',
    new RegExp(
      String.raw`\b(?:(?:the\s+)?(?:year-(?:ago|earlier)|(${YEAR}))\s+(?:(?:third|second|first|fourth|nine-month|six-month)\s+)?(?:quarter|period)|last\s+year's\s+(?:quarter|period)|the\s+(?:corresponding|same|comparable|year-ago|year-earlier)\s+(?:quarter|period)\s+(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier))|the\s+quarter\s+a\s+year\s+(?:ago|earlier)|year-(?:earlier|ago))\b`,
      'gi',
    ),
    (m, ctx) => ({ type: 'DATE', value: m[1] ?? pad(ctx.anchor.year - 1, 4), refers: m[1] ? 'quarter' : 'year-before' }),
    ['quarter', 'period', 'year-'],
  ],
  // "a year ago", "a year earlier": the quarter last named, a year back, when there is one
  ['a-year-ago', /\b(?:(?:about|nearly|almost)\s+)?an?\s+year\s+(?:ago|earlier|before)\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year - 1, 4), refers: 'year-before' }), ['year']],
  // "two weeks ago", "50 years ago", "a decade ago", "several years ago", "a week or so ago", "a few years back"
  [
    'units-ago',
    new RegExp(String.raw`\b${APPROX}?(${NUM})[- ](${UNIT})s?(?:\s+or\s+so)?\s+(?:ago|back)\b`, 'gi'),
    (m, ctx) => agoValue(m[1], m[2], ctx.anchor),
    ['ago', 'back'],
    KEY_REACH,
    // "back" (a common word) only after a unit: "two years back"
    (text, at) => !BACK_RE.test(text.slice(at, at + 4)) || UNIT_WORD_RE.test(wordBefore(text, at).word),
  ],
  // "months ago", "just years ago": some time back, no number given
  ['bare-units-ago', /\b(?:minutes|hours|days|weeks|months|years|decades)\s+ago\b/gi, () => ({ type: 'DATE', value: 'PAST_REF' }), ['ago']],
  // "Islam will one day be ...", "may one day return": some day to come, not a length of a day (before the
  // durations, which would read the same words as P1D)
  ['one-day', /(?<=\b(?:will|would|may|might|could|can|should|shall|must)\s+)(?:one|some)\s+day\b/gi, () => ({ type: 'DATE', value: 'FUTURE_REF' }), ['one', 'some']],
  // durations: "two weeks", "the first nine months", "the past two months", "a 16-hour", "5 1/2 hours", "several years"
  [
    'duration',
    new RegExp(
      String.raw`\b(?:(?:the|its|their|his|her)\s+)?${ORDER}?${APPROX}?(${NUM})[- ](?:more\s+|full\s+|straight\s+|consecutive\s+|additional\s+|long\s+|successive\s+|trading\s+|business\s+|working\s+)?(${UNIT})(?:s)?\b([-\s]+and[-\s]+a[-\s]+half\b)?(?:\s+or\s+so\b)?(?![-\s]+(?:ago|old)\b|-earlier\b)`,
      'gi',
    ),
    (m, ctx) => {
      // "60 Minutes", "24 Hours": a capitalised unit after figures is a title, not a length of time.
      if (/^\d/.test(m[1]) && /^[A-Z]/.test(m[2])) return null
      // "$1.76 a year", "700 seats a week", "24 hours a day": a rate, not a length of time.
      if (/^an?$/i.test(m[1]) && RATE_BEFORE_RE.test(ctx.text.slice(Math.max(0, m.index - 32), m.index))) return null
      // "a second time" is an ordinal ("a one-second lag" is a length); "three-quarters" a fraction.
      if (/^(?:an?|one)$/i.test(m[1]) && /^second$/i.test(m[2]) && !/one-second/i.test(m[0])) return null
      if (/^quarter$/i.test(m[2]) && /-quarter/i.test(m[0])) return null
      // "more than a quarter of the market" is a fraction
      if (/^quarter$/i.test(m[2]) && /^an?$/i.test(m[1]) && /^\s+of\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null
      // "a minute and a half", "two years and a half"
      if (m[3] && /^(?:an?|one|\d+|two|three|four|five|six|seven|eight|nine|ten)$/i.test(m[1])) return { type: 'DURATION', value: durationValue(`${numberValue(m[1])} 1/2`, m[2]) }
      // "will be redeemed in five years", "could return in a few months", "in 5 years": a time that far on,
      // not a length (figures as words: TempEval-3 and TCR rows are the same with or without them)
      if (/^[a-z\d]/i.test(m[0]) && !/^(?:the|its|their|his|her)\s/i.test(m[0]) && IN_BEFORE_RE.test(ctx.text.slice(Math.max(0, m.index - 4), m.index))) {
        const ahead = futureModalBefore(ctx.text.slice(Math.max(0, m.index - 60), m.index))
        const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12)
        if (ahead && !NOT_A_TIME_ON_RE.test(ahead) && !/^(?:more|less|fewer|over|at\s+least)\b/i.test(m[0]) && !LENGTH_AFTER_RE.test(after) && !COUNT_BEFORE_IN_RE.test(ahead)) {
          const later = laterValue(m[1], m[2], ctx.anchor)
          if (later) return { type: 'DATE', value: later }
        }
      }
      return { type: 'DURATION', value: durationValue(m[1], m[2]) }
    },
    ['second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'centur'],
    [64, 32],
    countBefore,
  ],
  // "half an hour" PT30M, "half a century" P50Y, "a half-hour" PT30M, "a quarter century" P25Y
  [
    'half-unit',
    /\b(?:half\s+an?\s+|an?\s+half[- ])(hour|day|year|decade|century)\b|\ba\s+quarter[- ]century\b(?!-)/gi,
    (m) => ({ type: 'DURATION', value: m[1] ? HALF_UNITS[m[1].toLowerCase()] : 'P25Y' }),
    ['half', 'quarter'],
  ],
  // "a day-long meeting" P1D, "a decades-long battle" (an unknown number of them)
  ['unit-long', /\b(day|week|month|year|hour|decade|centur(?:y|ie))(s?)-long\b/gi, (m) => ({ type: 'DURATION', value: durationValue(m[2] ? 'several' : 'one', m[1]) }), ['day', 'week', 'month', 'year', 'hour', 'decade', 'centur'], KEY_REACH, (text, at) => startsAt(LONG_UNIT_RE, text, at)],
  // "the past decade", "the last century", "the past week", "the coming month", "within the next week": one such unit
  // (findDates reads "the past year" as a year, "last week" as a week); "this past week" is the week before
  [
    'past-unit',
    /\b(?:(this\s+past)\s+(week|month)|(?:the\s+)?(?:past|last|next)\s+(decade|century)|(?:the\s+(?:past|last|coming)|(?<=\b(?:over|in|within|during|for)\s+)the\s+next)\s+(week|month|fortnight))\b(?!\s+of\b|['’]s\b|-)/gi,
    (m, ctx) => {
      if (!m[1]) return { type: 'DURATION', value: durationValue('one', m[3] ?? m[4]) }
      if (/^month$/i.test(m[2])) {
        const last = addMonths(ctx.anchor.year, ctx.anchor.month, -1)
        return { type: 'DATE', value: formatMonth(last.year, last.month) }
      }
      // written from Friday on, "this past week" is the one ending; earlier in the week, the one before
      const day = weekday(ctx.anchor)
      return { type: 'DATE', value: isoWeek(day === 0 || day >= 5 ? ctx.anchor : addDays(ctx.anchor, -7)) }
    },
    ['decade', 'century', 'week', 'month', 'fortnight'],
    KEY_REACH,
    (text, at) => PERIOD_BEFORE.has(wordBefore(text, at).word.toLowerCase()),
  ],
  // plural units at a place in time, no number given: "recent months" PXM ("recent years" PAST_REF),
  // "the early years" PXY, "the final hours" PTXH, "recent quarters" PXM
  [
    'position-units',
    /\b(?:the\s+)?(?:most\s+)?(recent|first|early|initial|opening|last|final|closing|past|previous|later|late)\s+(years|months|weeks|days|hours|minutes|decades|quarters)\b(?![-\s]+(?:ago|old|earlier|later)\b)/gi,
    (m) => (/^(?:recent|past)$/i.test(m[1]) ? recentUnits(m[2]) : { type: 'DURATION', value: durationValue('several', m[2]) }),
    ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'quarters'],
    KEY_REACH,
    (text, at) => POSITION_BEFORE.has(wordBefore(text, at).word.toLowerCase()),
  ],
  // sets
  // ("average daily volume" is a measure per day, not a recurrence)
  ['set-adverb', /(?<!\baverage\s+)\b(daily|weekly|monthly|yearly|hourly|nightly)\b/gi, (m) => ({ type: 'SET', value: SET_ADVERBS[m[1].toLowerCase()] }), ['daily', 'weekly', 'monthly', 'yearly', 'hourly', 'nightly']],
  // plural weekdays: "on Mondays", "Tuesday nights" (every such day, or night)
  [
    'plural-weekday',
    /\b(sun|mon|tues|wednes|thurs|fri|satur)days\b|\b(sun|mon|tues|wednes|thurs|fri|satur)day(?:\s+(mornings|afternoons|evenings|nights)\b|(?=\s+(?:and|or)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day\s+(mornings|afternoons|evenings|nights)\b))/gi,
    (m) => {
      // "Monday and Tuesday nights": the first day shares the second one's plural
      const part = m[3] ?? m[4]
      return { type: 'SET', value: `XXXX-WXX-${WEEKDAY_NUMBER[(m[1] ?? m[2]).slice(0, 3).toLowerCase()]}${part ? PART_OF_DAY[part.toLowerCase().replace(/s$/, '')] : ''}` }
    },
    ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  ],
  [
    'every-unit',
    /\b(?:every|each|per)\s+(?:single\s+)?(day|week|weekend|month|quarter|year|hour|morning|evening|night|spring|summer|autumn|fall|winter|(?:sun|mon|tues|wednes|thurs|fri|satur)day|january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+(?:of|that|in)\b)/gi,
    (m) => ({ type: 'SET', value: everyValue(m[1]) }),
    ['every', 'each', 'per '],
    KEY_REACH,
    (text, at) => startsAt(EVERY_UNIT_RE, text, at),
  ],
  // frequencies: "twice a year" (P1Y, twice), "three times a week", "once every month"
  [
    'times-a-unit',
    /\b(?:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+times)\s+(?:a|an|per|each|every)\s+(day|week|month|quarter|year|decade|hour|minute)\b/gi,
    (m) => ({ type: 'SET', value: everyValue(m[1]) }),
    ['once', 'twice', 'thrice', 'times'],
  ],
  // "every 15 minutes", "every five years" (P5Y), "every other week" (P2W), "every few days" (PXD)
  [
    'every-n-units',
    new RegExp(String.raw`\bevery\s+(other|second|third|${NUM})\s+(${UNIT})s?\b`, 'gi'),
    (m) => {
      const n = /^other|second$/i.test(m[1]) ? '2' : /^third$/i.test(m[1]) ? '3' : m[1]
      return { type: 'SET', value: durationValue(n, m[2]) }
    },
    ['every'],
  ],
  // "weekends", "on weekends": every weekend
  ['weekends', /\bweekends\b/gi, () => ({ type: 'SET', value: 'XXXX-WXX-WE' }), ['weekends']],
  // "the previous Friday", "the following Monday": from the day last named, else from publication
  [
    'weekday-from-last',
    /\bthe\s+(previous|preceding|prior|following|next)\s+(sun|mon|tues|wednes|thurs|fri|satur)day\b/gi,
    (m) => ({ type: 'DATE', value: '', refers: 'weekday', weekday: WEEKDAY_NUMBER[m[2].slice(0, 3).toLowerCase()], thatStep: /^(?:following|next)$/i.test(m[1]) ? 1 : -1 }),
    ['previous', 'preceding', 'prior', 'following', 'next'],
  ],
  // parts of a day with no day named: "in the morning", "in the early evening", "in the middle of the
  // night", "by mid afternoon", "at midday", "mid-afternoon yesterday"
  [
    'part-of-day',
    /(?:\b(1[0-2]|[1-9])(?::([0-5]\d))?\s+in\s+|(?<=\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough(?:out)?|[Ii]nto|[Ff]or)\s+))the\s+(?:(?:early|late|middle\s+of\s+the)\s+)?(morning|afternoon|evening|night)\b(?!\s+(?:of|after|before)\b)|(?<=\b(?:[Aa]t|[Bb]y|[Uu]ntil|[Ii]n)\s+)(?:mid[- ]?(morning|afternoon)|(midday))(?:\s+(yesterday|today))?\b/g,
    (m, ctx) => {
      // "4 in the morning" is 04:00, "8 in the evening" 20:00
      // ("11 in the night" is no clock reading TimeML gives: only morning hours and the rest)
      if (m[1] && /night/i.test(m[3])) return null
      const hour = m[1] ? (Number(m[1]) % 12) + (/morning/i.test(m[3]) ? 0 : 12) : null
      const part = hour !== null ? `T${pad(hour)}:${m[2] ?? '00'}` : m[5] ? 'T12:00' : PART_OF_DAY[(m[3] ?? m[4]).toLowerCase()]
      if (!m[6]) return { type: 'TIME', value: part, refers: 'day-part' }
      return { type: 'TIME', value: `${formatDay(addDays(ctx.anchor, m[6] === 'yesterday' ? -1 : 0))}${part}` }
    },
    ['morning', 'afternoon', 'evening', 'night', 'mid', 'midday'],
  ],
  // vague references
  // (a sentence opening "Now, ..." is a discourse marker, which TimeML leaves out)
  ['now', /\b(?:right\s+)?now\b(?<!(?:^|[.!?]["'`\s]*|["'`])Now(?=,))/gi, () => ({ type: 'DATE', value: 'PRESENT_REF' }), ['now']],
  ['present', /\b(?:currently|nowadays|these\s+days|at\s+present|the\s+present)\b/gi, () => ({ type: 'DATE', value: 'PRESENT_REF' }), ['currently', 'nowadays', 'these', 'present']],
  ['current', /\b(then[- ])?current\b(?!\s+(?:account|accounts|assets|liabilities|events)\b)/gi, (m) => ({ type: 'DATE', value: m[1] ? 'PAST_REF' : 'PRESENT_REF' }), ['current']],
  ['recently', /\b(?:more\s+|most\s+|until\s+)?recently\b/gi, () => ({ type: 'DATE', value: 'PAST_REF' }), ['recently']],
  ['the-past', /\bthe\s+past\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|few|many|decade|century|year|month|week|day|quarter))/gi, () => ({ type: 'DATE', value: 'PAST_REF' }), ['past']],
  ['the-future', /\b(?:(?:the\s+)?(?:near|distant|immediate)\s+future|the\s+future)\b/gi, () => ({ type: 'DATE', value: 'FUTURE_REF' }), ['future']],
  ['future-phrase', /\b(?:the\s+(?:near|short)\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible)\b/gi, () => ({ type: 'DATE', value: 'FUTURE_REF' }), ['term', 'later', 'soon']],
  // ("was soon released", "soon became": soon after a past event, not the future)
  [
    'soon',
    /(?<!\bas\s+)\bsoon\b(?!\s+(?:as|after|before|afterwards?|thereafter)\b)/gi,
    (m, ctx) => {
      const before = ctx.text.slice(Math.max(0, m.index - 12), m.index)
      const past = /\b(?:was|were|had|been)\s+$/i.test(before) || (PAST_VERB_AFTER_RE.test(ctx.text.slice(m.index + 4, m.index + 24)) && !MODAL_BEFORE_RE.test(before))
      return past ? null : { type: 'DATE', value: 'FUTURE_REF' }
    },
    ['soon'],
  ],
  ['future-periods', /\bfuture\s+(?:quarters|months|years)\b|\bcoming\s+quarters\b/gi, () => ({ type: 'DATE', value: 'FUTURE_REF' }), ['future', 'coming']],
  ['this-century', /\bthis\s+century\b/gi, () => ({ type: 'DURATION', value: 'P100Y' }), ['century']],
  // "the past year" reads as last year in news ("hate groups grew over the past year")
  ['past-year', /\b(?:the\s+)?past\s+year\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year - 1, 4) }), ['past']],
  // "for a while", "over the years", "in years"
  // ("for some time", "for a long period", "over a short time": a length of unknown unit; "once in a
  // while" is no length)
  ['a-while', /(?<=\b(?:[Ff]or|[Oo]ver|(?<!\bonce\s+)[Ii]n|[Ww]ithin|[Aa]fter)\s+)(?:a\s+while|some\s+time|a\s+(?:(?:very|fairly|relatively|rather)\s+)?(?:long|short|brief|lengthy|extended)\s+(?:time|period|while))\b/g, () => ({ type: 'DURATION', value: 'PXX' }), ['while', 'time', 'period'], KEY_REACH, (text, at) => LENGTH_BEFORE.has(wordBefore(text, at).word.toLowerCase())],
  ['over-the-years', /(?<=\b[Oo]ver\s+)the\s+years\b|(?<=\b(?:time\s+)?in\s+)years\b/g, () => ({ type: 'DURATION', value: 'PXY' }), ['years']],
  // "fiscal 1989", "fiscal 1990's first half" (the year); "the current fiscal year", "the year"
  // (British news writes "financial year" for the fiscal one)
  ['fiscal-year', new RegExp(String.raw`\b(?:fiscal|financial)\s+(?:year\s+)?(${YEAR})\b`, 'gi'), (m) => ({ type: 'DATE', value: m[1] }), ['fiscal', 'financial']],
  ['this-fiscal-year', /\b(?:the\s+(?:current|this)\s+(?:(?:fiscal|financial)\s+)?|this\s+(?:fiscal|financial)\s+)year\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year, 4) }), ['year']],
  // "the latest fiscal year" is the last one reported: the year before
  ['latest-fiscal-year', /\b(?:the\s+)?(?:latest|last|most\s+recent|previous|prior)\s+(?:fiscal|financial)\s+year\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year - 1, 4) }), ['year']],
  ['next-fiscal-year', /\b(?:the\s+)?(?:next|coming)\s+(?:fiscal|financial)\s+year\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year + 1, 4) }), ['year']],
  ['full-year', /\b(?:the\s+)?full\s+year\b/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year, 4) }), ['full']],
  // "year-end", "by year's end", "the end of the year", "the end of this decade": the current one
  // (TimeML marks the part with mod="END"; the value is the period)
  [
    'period-end',
    /\b(?:year[- ]end|year's\s+end|(?:the\s+)?(?:end|close|beginning|start|middle|rest|remainder|balance)\s+of\s+(?:the|this)\s+(year|decade|century|month|week|day))\b(?![-\s]+(?:ago|earlier|before))/gi,
    (m, ctx) => {
      const unit = (m[1] ?? 'year').toLowerCase()
      const year = pad(ctx.anchor.year, 4)
      if (unit === 'week') return { type: 'DATE', value: isoWeek(ctx.anchor) }
      if (unit === 'day') {
        // "at the end of the day" is an idiom ("by the end of the day" a time)
        if (/^(?:the\s+)?end\b/i.test(m[0]) && /\bat\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 4), m.index))) return null
        return { type: 'DATE', value: '', refers: 'day-part' }
      }
      const value = unit === 'decade' ? year.slice(0, 3) : unit === 'century' ? year.slice(0, 2) : unit === 'month' ? formatMonth(ctx.anchor.year, ctx.anchor.month) : year
      return { type: 'DATE', value }
    },
    ['year', 'decade', 'century', 'month', 'week', 'day'],
    KEY_REACH,
    periodEndAt,
  ],
  // decades: "the 1990s", "the early 1980s", "the '80s", "the mid-1990s" (TimeML 1.2's decade value: 199)
  [
    'decade',
    /\b(?:the\s+)?(?:(?:early|late|mid)[-\s])?(1[89]\d|20\d)0s\b|\b(?:the\s+)?(?:(?:early|late|mid)[-\s])?'([0-9])0s\b/gi,
    (m) => ({ type: 'DATE', value: m[1] ?? `19${m[2]}` }),
    [...Array.from({ length: 30 }, (_, i) => `${180 + i}0s`), '10s', '20s', '30s', '40s', '50s', '60s', '70s', '80s', '90s'],
  ],
  // "the year ended Aug. 31" is a length; "for the year", "the fiscal year" elsewhere this year
  ['year-ended', /\bthe\s+(?:(?:fiscal|financial)\s+)?year\b(?=\s+(?:ended|ending|to\s+(?:date|June|March|Sept|Dec)))/gi, () => ({ type: 'DURATION', value: 'P1Y' }), ['year']],
  ['the-year', /\bthe\s+(?:(?:fiscal|financial)\s+)?year\b(?![-\s]+(?:ago|earlier|before|two|nineteen|\d))/gi, (_m, ctx) => ({ type: 'DATE', value: pad(ctx.anchor.year, 4) }), ['year']],
  // "for years", "within weeks", "for decades", "in minutes": an unknown number of them
  // ("could take years", "lasted decades", "spent weeks": a length no number gives), and before "of":
  // "years of war", "after months of talks", "weeks or months of talks"
  [
    'unknown-units',
    /\b([Yy]ears|[Mm]onths|[Ww]eeks|[Dd]ays|[Hh]ours|[Dd]ecades|[Cc]enturies)(?:\s+or\s+(?:years|months|weeks|days|hours|decades))?(?=\s+of\s)|(?<=\b(?:[Ff]or|[Ww]ithin|[Oo]ver|[Aa]fter|[Ii]n|take|takes|took|taken|taking|last|lasts|lasted|lasting|spent|spend|spends|spending|wait|waited|waiting)\s+)(years|months|weeks|days|hours|minutes|decades|centuries)\b(?!\s+(?:ago|earlier|later|before|after|old)\b)/g,
    (m) => ({ type: 'DURATION', value: durationValue('several', m[1] ?? m[2]) }),
    ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries'],
  ],
  // "days later", "years earlier", "hours afterwards": a length with no number, counted from an event
  ['units-later', /\b(days|weeks|months|years|hours|minutes|decades)(?=\s+(?:later|earlier|afterwards?)\b)/gi, (m) => ({ type: 'DURATION', value: durationValue('several', m[1]) }), ['days', 'weeks', 'months', 'years', 'hours', 'minutes', 'decades']],
  // "(the) coming weeks", "the weeks ahead"
  ['coming-units', /\b(?:the\s+)?(?:coming\s+(days|weeks|months|years)|(days|weeks|months|years)\s+ahead)\b/gi, (m) => ({ type: 'DURATION', value: durationValue('several', m[1] ?? m[2]) }), ['coming', 'ahead']],
  // seasons: "the summer", "this past spring", "the early summer" (the last one begun), "the winter of 1994"
  [
    'season',
    new RegExp(String.raw`\b(?:(?:the|this\s+past)\s+)(?:(?:early|late|mid)[-\s]+)?(spring|summer|fall|autumn|winter)(?:\s+of\s+(${YEAR}))?\b|\b(spring|summer|fall|autumn|winter)(?:\s+of)?\s+(${YEAR})\b`, 'gi'),
    (m, ctx) => {
      const season = (m[1] ?? m[3]).toLowerCase()
      const code = SEASONS[season]
      const explicit = m[2] ?? m[4]
      if (explicit) return { type: 'DATE', value: `${explicit}-${code.code}` }
      // "the fall in prices", "the fall of the government": the noun, not the season
      if (season === 'fall' && FALL_NOUN_AFTER_RE.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null
      const year = code.start <= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year - 1
      return { type: 'DATE', value: `${pad(year, 4)}-${code.code}` }
    },
    ['spring', 'summer', 'fall', 'autumn', 'winter'],
  ],
  // seasons with no article: "late summer", "in early spring", "during winter" ("fall" alone is a verb too)
  [
    'bare-season',
    /\b(?:early|late|mid)[-\s]+(spring|summer|fall|autumn|winter)\b(?!\s+of\b)|(?<=\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough)\s+)(spring|summer|autumn|winter)\b(?!\s+(?:of|\d))/g,
    (m, ctx) => {
      const code = SEASONS[(m[1] ?? m[2]).toLowerCase()]
      // the last one begun, as for "the summer"
      const year = code.start <= ctx.anchor.month ? ctx.anchor.year : ctx.anchor.year - 1
      return { type: 'DATE', value: `${pad(year, 4)}-${code.code}` }
    },
    ['spring', 'summer', 'fall', 'autumn', 'winter'],
  ],
  // "later in the day", "throughout the day", "the same day", "its fifth day", "the final day of the
  // talks": the day last named, else the publication day ("the day" alone, as in "the issue of the
  // day" or "during the day", is often no day of the calendar)
  [
    'the-day',
    /(?:(?<=\b(?:[Tt]hroughout|[Ee]arlier\s+in|[Ll]ater\s+in)\s+)[Tt]he\s+day|\b[Tt]he\s+same\s+day|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa])\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|final|last|opening|closing)\s+day)\b(?![-'’]|\s+(?:to\s+day|and\s+night|of\s+(?:the\s+)?(?:week|month|year)|after\s+day)\b)/g,
    (m, ctx) => {
      // "the third day of the trial" with no day named before it is no day of the calendar the text gives;
      // "entered its fifth day", "now in its third day" are the day of writing
      const ordinal = !/^the\s+(?:same\s+)?day$/i.test(m[0])
      const ongoing = ONGOING_BEFORE_RE.test(ctx.text.slice(Math.max(0, m.index - 24), m.index))
      return { type: 'DATE', value: '', refers: 'day-part', needsDay: ordinal && !ongoing }
    },
    ['day'],
  ],
  // "that year", "later that year", "the following month", "that quarter", "earlier that day", "the
  // previous summer": from the date last named
  [
    'that-unit',
    /\b(?:(?:later|earlier)\s+)?(that|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(?:same\s+)?(year|quarter|month|week|day|spring|summer|fall|autumn|winter)\b(?!\s+or\b)/gi,
    (m) => {
      const which = m[1].toLowerCase().replace(/\s+/g, ' ')
      const step = which === 'that' ? 0 : which === 'the following' || which === 'the next' ? 1 : -1
      return { type: 'DATE', value: '', refers: 'that', thatUnit: m[2].toLowerCase() as ThatUnit, thatStep: step }
    },
    ['year', 'quarter', 'month', 'week', 'day', 'spring', 'summer', 'fall', 'autumn', 'winter'],
    KEY_REACH,
    afterThat,
  ],
  // spelled years, as broadcasts write them: "nineteen ninety-six", "the year two thousand",
  // "January nineteen ninety-seven", "the winter of nineteen ninety-four"
  [
    'spelled-year',
    new RegExp(
      String.raw`\b(?:the\s+year\s+|${MONTH_NAME}\s+|the\s+(spring|summer|fall|autumn|winter)\s+of\s+)?(?:(nineteen|eighteen)\s+(?:hundred\s+(?:and\s+)?)?((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten))?)\b(?![-\s]+(?:years?|people|dollars|miles)\b)`,
      'gi',
    ),
    (m) => {
      const year = m[3]
        ? (m[3].toLowerCase() === 'nineteen' ? 1900 : 1800) + spelledNumber(m[4])
        : 2000 + (m[5] ? spelledNumber(m[5]) : 0)
      if (m[1]) return { type: 'DATE', value: formatMonth(year, monthNumber(m[1])) }
      if (m[2]) return { type: 'DATE', value: `${year}-${SEASONS[m[2].toLowerCase()].code}` }
      return { type: 'DATE', value: String(year) }
    },
    ['nineteen', 'eighteen', 'thousand'],
  ],
  // holidays
  [
    'holiday',
    new RegExp(
      String.raw`\b(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?(Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|Election\s+Day|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Easter(?:\s+Sunday|\s+Monday|\s+week)?|Good\s+Friday|Halloween|Boxing\s+Day|(?:Valentine|Mother|Father|(?:St\.?|Saint)\s+Patrick)'s\s+Day|Presidents'?\s+Day|Columbus\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day)\b(?:,?\s+(${YEAR})\b${NOT_A_YEAR_AFTER})?`,
      'g',
    ),
    (m, ctx) => holiday(m[2], m[1], ctx, m.index, m.index + m[0].length, m[3]),
    ['thanksgiving', 'christmas', "year's", 'election', 'independence', 'labor', 'memorial', 'veterans', 'easter', 'good', 'halloween', 'boxing', 'valentine', 'mother', 'father', 'patrick', 'presidents', 'columbus', 'king'],
    KEY_REACH,
    // holidays are written with a capital: "mother", "good" in lower case need no look
    (text, at) => isUpper(text.charCodeAt(at)),
  ],
  // centuries: "the 20th century" 19, "this century"
  ['century', /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[-\s]century\b/gi, (m) => ({ type: 'DATE', value: pad(Number(m[1]) - 1) }), ['century']],
  ['spelled-decade', /\bthe\s+(?:nineteen\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi, (m) => ({ type: 'DATE', value: `19${spelledNumber(m[1].replace(/ies$/, 'y')) / 10}` }), ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties']],
  // a year standing alone, not an amount or a range part ("1990-91")
  // ("post-1959", "pre-1990" are the year too)
  // ("closed at 2082, up 12", "the Nikkei fell to 1985" are market levels)
  [
    'year',
    new RegExp(String.raw`(?:\b(?:[Pp]ost|[Pp]re)-|(?<![$€£\d.,/-]|\d\s)\b)(${YEAR})\b${NOT_A_YEAR_AFTER}`, 'g'),
    (m, ctx) => (isMarketLevel(ctx.text, m.index + m[0].length - 4, m.index + m[0].length) ? null : { type: 'DATE', value: m[1] }),
    ['18', '19', '20'],
    KEY_REACH,
    fourDigits,
  ],
  // each year of "2009-2011" (a rule of its own, run only where a year meets a dash)
  [
    'year-range',
    new RegExp(String.raw`(?<![$€£\d.,/-]|\d\s)\b(${YEAR})(?=\s?[-–]\s?${YEAR}\b${NOT_A_YEAR_AFTER})|(?<=(?<![$€£\d.,/-])\b${YEAR}\s?[-–]\s?)(${YEAR})\b${NOT_A_YEAR_AFTER}`, 'g'),
    (m, ctx) => {
      // "Windows 2000-2003", "Route 2009-2011", "No. 2009-2011": numbers in a name
      const first = m[1] ? m.index : m.index - (RANGE_START_RE.exec(ctx.text.slice(Math.max(0, m.index - 8), m.index))?.[0].length ?? 0)
      return nameBefore(ctx.text, first) || NUMBERING_BEFORE_RE.test(ctx.text.slice(Math.max(0, first - 12), first)) ? null : { type: 'DATE', value: m[1] ?? m[2] }
    },
    ['18', '19', '20'],
    KEY_REACH,
    (text, at) => fourDigits(text, at) && (dashAt(text, at + 4) || dashAt(text, at + 5) || dashAt(text, at - 1) || dashAt(text, at - 2)),
  ],
  // "the week" with no day to place it: a week of the publication year (TimeML's "1989-WXX")
  ['the-week', /\bthe\s+week\b(?!\s+(?:of|before|after|ended|ending|earlier|ago|to)\b)/gi, (_m, ctx) => ({ type: 'DATE', value: `${pad(ctx.anchor.year, 4)}-WXX` }), ['week']],
  // "the weekend": the last one before publication, unless the sentence looks ahead ("next weekend")
  ['weekend', /\b(?:the|this|last|next|this\s+past)\s+weekend\b/gi, (m, ctx) => {
    const saturday = addDays(ctx.anchor, -((weekday(ctx.anchor) + 1) % 7))
    const ahead = /^next/i.test(m[0]) || (!/^(?:last|this\s+past)/i.test(m[0]) && ctx.future(m.index, m.index + m[0].length))
    return { type: 'DATE', value: `${isoWeek(ahead ? addDays(saturday, 7) : saturday)}-WE` }
  }, ['weekend']],
]

const SEASONS: Record<string, { code: string; start: number }> = {
  spring: { code: 'SP', start: 3 }, summer: { code: 'SU', start: 6 }, fall: { code: 'FA', start: 9 }, autumn: { code: 'FA', start: 9 }, winter: { code: 'WI', start: 12 },
}
const SPELLED: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}

/** "ninety-six" 96, "twelve" 12. */
function spelledNumber(words: string): number {
  return words.toLowerCase().split('-').reduce((sum, w) => sum + (SPELLED[w] ?? 0), 0)
}

/** The day of a holiday in `year`: fixed ones, and the "fourth Thursday of November" kind. */
function holidayDay(name: string, year: number): CalendarDate {
  const nth = (month: number, wday: number, n: number): CalendarDate => {
    const first = weekday({ year, month, day: 1 })
    if (n > 0) return { year, month, day: 1 + ((wday - first + 7) % 7) + 7 * (n - 1) }
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const lastWday = weekday({ year, month, day: last })
    return { year, month, day: last - ((lastWday - wday + 7) % 7) }
  }
  const key = name.toLowerCase().replace(/\s+/g, ' ')
  if (key.startsWith('thanksgiving')) return nth(11, 4, 4)
  if (key === 'christmas eve') return { year, month: 12, day: 24 }
  if (key.startsWith('christmas')) return { year, month: 12, day: 25 }
  if (key === "new year's eve") return { year, month: 12, day: 31 }
  if (key.startsWith('new year')) return { year, month: 1, day: 1 }
  if (key.startsWith('election')) return addDays(nth(11, 1, 1), 1)
  if (key.startsWith('independence')) return { year, month: 7, day: 4 }
  if (key.startsWith('labor')) return nth(9, 1, 1)
  if (key.startsWith('memorial')) return nth(5, 1, -1)
  if (key === 'easter monday') return addDays(easterSunday(year), 1)
  if (key.startsWith('easter')) return easterSunday(year)
  if (key === 'halloween') return { year, month: 10, day: 31 }
  if (key === 'boxing day') return { year, month: 12, day: 26 }
  if (key.startsWith('valentine')) return { year, month: 2, day: 14 }
  if (key.endsWith("patrick's day")) return { year, month: 3, day: 17 }
  if (key.startsWith('mother')) return nth(5, 0, 2)
  if (key.startsWith('father')) return nth(6, 0, 3)
  if (key.startsWith('presidents')) return nth(2, 1, 3)
  if (key.startsWith('columbus')) return nth(10, 1, 2)
  if (key.startsWith('martin')) return nth(1, 1, 3)
  if (key.startsWith('good')) return addDays(easterSunday(year), -2)
  return { year, month: 11, day: 11 }
}

/** Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian computus). */
function easterSunday(year: number): CalendarDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 }
}

/**
 * A holiday: "last" and "next" count from publication, "this" is this year's, "Christmas 1994" that
 * year's; a bare one is the nearer of the last and the next, as for a month (see `byTense`): "from
 * now to Election Day" written a week before it is this year's. Easter moves (see `easterSunday`);
 * "Easter week" is the ISO week of Easter Sunday.
 */
function holiday(name: string, which: string | undefined, ctx: Context, start: number, end: number, inYear?: string): Omit<Candidate, 'start' | 'end' | 'rule' | 'via'> {
  const w = which?.toLowerCase()
  const thisYear = holidayDay(name, ctx.anchor.year)
  const passed = formatDay(thisYear) <= formatDay(ctx.anchor)
  let year = nearestYear(ctx.anchor, thisYear.month, thisYear.day, () => ctx.future(start, end))
  if (w === 'last') year = passed ? ctx.anchor.year : ctx.anchor.year - 1
  else if (w === 'next') year = passed ? ctx.anchor.year + 1 : ctx.anchor.year
  else if (w === 'this') year = ctx.anchor.year
  // "Christmas 1994", "Easter, 1998"
  if (inYear) year = Number(inYear)
  const day = holidayDay(name, year)
  // "Easter week" is the week of Easter Sunday
  return { type: 'DATE', value: /week$/i.test(name) ? isoWeek(day) : formatDay(day) }
}

const HALF_UNITS: Record<string, string> = { hour: 'PT30M', day: 'PT12H', year: 'P6M', decade: 'P5Y', century: 'P50Y' }

const SET_ADVERBS: Record<string, string> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', quarterly: 'P3M', nightly: 'P1D',
}
const WEEKDAY_NUMBER: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }

function everyValue(word: string): string {
  const w = word.toLowerCase()
  if (/day$/.test(w) && w !== 'day') return `XXXX-WXX-${WEEKDAY_NUMBER[w.slice(0, 3)]}`
  const month = monthNumber(w)
  if (month > 0 && w.length > 3) return `XXXX-${pad(month)}`
  if (w === 'morning') return 'XXXX-XX-XXTMO'
  if (w === 'evening') return 'XXXX-XX-XXTEV'
  if (w === 'night') return 'XXXX-XX-XXTNI'
  if (w === 'hour') return 'PT1H'
  if (w === 'minute') return 'PT1M'
  if (w === 'weekend') return 'XXXX-WXX-WE'
  if (SEASONS[w]) return `XXXX-${SEASONS[w].code}`
  if (w === 'quarter') return 'P1Q'
  return `P1${unitOf(w).code}`
}

function recentUnits(units: string): Omit<Candidate, 'start' | 'end' | 'rule' | 'via'> {
  const u = units.toLowerCase()
  if (u === 'years' || u === 'decades') return { type: 'DATE', value: 'PAST_REF' }
  return { type: 'DURATION', value: durationValue('several', u) }
}

const IN_BEFORE_RE = /\bin\s+$/i
// A modal or "will" earlier in the clause: the length after "in" is counted from publication. ("the
// will of voters" is a noun.)
const FUTURE_MODAL_RE = /(?<!\b(?:the|a|an|his|her|its|their|our|of|free|good|ill)\s+)\b(?:will|'ll|shall|would|could|may|might|should|expects?\s+to|expected\s+to|plans?\s+to|going\s+to)\b/i
// The clause ends at punctuation and at a relative pronoun or "than": in "shares that could double
// went up 40% in two months" and "more rain in two days than it gets in a month" the modal is not the verb's.
const MODAL_CLAUSE_EDGE_RE = /[,;.:!?]|\b(?:that|which|who|whom|whose|than)\b/gi
// ...unless a negation, a perfect or a superlative makes it the length up to now: "won't collapse in a week",
// "hasn't worn it in six months", "would be the first in 20 years", "faster than at any point in three years".
const NOT_A_TIME_ON_RE = /n't\b|\b(?:not|never|has|have|had|first|last|only|since|best|worst|highest|lowest|biggest|largest|most|least|any|ever)\b/i
// A length, not a point in time: "in two years of treatment", "in five years out of ten", "in two days than ...".
const LENGTH_AFTER_RE = /^\s+(?:of|out\s+of|than)\b/i
// A count of things done within it: "will play three games in five days", "will cut 500 jobs in two years".
const COUNT_BEFORE_IN_RE = /(?:\d[\d,.]*%?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundreds?|thousands?|millions?|billions?))(?:\s+[a-z]+)?\s+in\s+$/i

/**
 * The words of the clause from its modal or "will" to the end of `before` (which ends "in "), or
 * null when there is none, or when a past verb comes between: "the man who will lead the firm
 * doubled its sales in two years" counts no time from publication.
 */
function futureModalBefore(before: string): string | null {
  let from = 0
  for (const e of before.matchAll(MODAL_CLAUSE_EDGE_RE)) from = e.index + e[0].length
  const clause = before.slice(from)
  const modal = FUTURE_MODAL_RE.exec(clause)
  if (!modal) return null
  const tail = clause.slice(modal.index)
  const between = (tail.slice(modal[0].length).match(/[A-Za-z']+|[^\sA-Za-z']+/g) ?? []).reverse().slice(1)
  return firstVerbTense(between, -1) === 'past' ? null : tail
}

/** "in five years" (said of the future) -> the year five years after publication; a vague count is FUTURE_REF. */
function laterValue(count: string, unitWord: string, anchor: CalendarDate): string | null {
  const n = numberValue(count)
  if (n === null) return 'FUTURE_REF'
  if (n !== Math.floor(n)) return null
  const unit = unitWord.toLowerCase()
  if (unit === 'day') return formatDay(addDays(anchor, n))
  if (unit === 'week') return isoWeek(addDays(anchor, 7 * n))
  if (unit === 'month') {
    const m = addMonths(anchor.year, anchor.month, n)
    return formatMonth(m.year, m.month)
  }
  if (unit === 'year') return pad(anchor.year + n, 4)
  return null
}

/** "two weeks ago" -> the week two weeks before publication; "50 years ago" -> that year. */
function agoValue(count: string, unitWord: string, anchor: CalendarDate): Omit<Candidate, 'start' | 'end' | 'rule' | 'via'> | null {
  const n = numberValue(count)
  const unit = unitWord.toLowerCase()
  // "a few years ago", "several weeks ago"
  if (n === null) return { type: 'DATE', value: 'PAST_REF' }
  const k = Math.round(n)
  if (unit === 'day') return { type: 'DATE', value: formatDay(addDays(anchor, -k)) }
  if (unit === 'week' || unit === 'fortnight') return { type: 'DATE', value: isoWeek(addDays(anchor, (unit === 'week' ? -7 : -14) * k)) }
  if (unit === 'month') {
    const m = addMonths(anchor.year, anchor.month, -k)
    return { type: 'DATE', value: formatMonth(m.year, m.month) }
  }
  if (unit === 'quarter') {
    const m = addMonths(anchor.year, anchor.month, -3 * k)
    return { type: 'DATE', value: `${pad(m.year, 4)}-Q${Math.ceil(m.month / 3)}` }
  }
  if (unit === 'year') return { type: 'DATE', value: pad(anchor.year - k, 4) }
  if (unit === 'decade') return { type: 'DATE', value: String(anchor.year - 10 * k).slice(0, 3) }
  // "a century ago": TimeML's century value is the first two digits of its years
  if (unit.startsWith('centur')) return { type: 'DATE', value: String(anchor.year - 100 * k).slice(0, 2) }
  return null
}

// --- adjusting findDates' readings to TimeML -------------------------------------------------

const PART_OF_DAY: Record<string, string> = { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI', tonight: 'TNI', overnight: 'TNI' }
const PART_OF_DAY_END_RE = /\b(morning|afternoon|evening|night|tonight|overnight)s?$/i
const LEADING_MODIFIER_RE = /(?:\b(?:the\s+)?(?:(?:very\s+)?(?:early|late|mid|earlier|later|around|about|nearly|almost|approximately|sometime)|(?:end|beginning|start|middle|close|spring|summer|fall|autumn|winter|week)\s+of(?:\s+the)?)[-\s]+)$/i
// The words LEADING_MODIFIER_RE can end with: most dates have none of them before, and need not run it.
const MODIFIER_ENDS = new Set(['early', 'late', 'mid', 'earlier', 'later', 'around', 'about', 'nearly', 'almost', 'approximately', 'sometime', 'of', 'the'])
const END_OF_MONTH_RE = /^(?:the\s+)?end\s+of\s+(?:the\s+month|[A-Z][a-z]+\.?)$/
const FOLLOWING_YEAR_RE = /^,?\s+(last|this|next)\s+year\b/i
const MONTH_ONLY_RE = new RegExp(String.raw`^(?:early\s+|late\s+|mid-?)?${MONTH_NAME}$`, 'i')

const ISO_DAY_RE = /^\d{4}-\d\d-\d\d/
const BARE_NUMBER_RE = /^\d{1,2}$/
const RANGE_RE = /^(.+?)(,?\s+(?:to|through|until|till|and)\s+|\s*[-–]\s*)(.+)$/i

/**
 * findDates reads "Aug. 26 to Oct. 20" as one date (its start, for the timeline); TimeML has two
 * expressions. Each side is read again on its own and kept when it is a date by itself.
 */
function splitRanges(text: string, publishedAt: string | null, dates: DateMention[]): DateMention[] {
  const out: DateMention[] = []
  for (const d of dates) {
    const words = text.slice(d.span[0], d.span[1])
    // "10 to 6 on Friday" (a score) and "2015-12-02" have a side that is no date alone: no need to read them again.
    const range = ISO_DAY_RE.test(words) ? null : RANGE_RE.exec(words)
    const sides = range && !BARE_NUMBER_RE.test(range[1]) && !BARE_NUMBER_RE.test(range[3]) ? [[d.span[0], range[1]], [d.span[0] + range[1].length + range[2].length, range[3]]] as const : []
    const parts = sides.map(([at, part]) => {
      const [only] = findDates(part, publishedAt)
      return only && only.span[0] === 0 && only.span[1] === part.length ? { ...only, span: [at, at + part.length] as Span } : null
    })
    if (parts.length === 2 && parts[0] && parts[1]) out.push(parts[0], parts[1])
    else out.push(d)
  }
  return out
}

function fromDates(text: string, anchor: CalendarDate | null, publishedAt: string | null, dates: DateMention[], sentences: readonly Span[]): Candidate[] {
  return splitRanges(text, publishedAt, dates).flatMap((d) => {
    let [start, end] = d.span
    let value = d.value
    let type: TimexType = d.granularity === 'time' ? 'TIME' : 'DATE'
    const month = MONTH_ONLY_RE.exec(text.slice(start, end))
    const monthDay = MONTH_DAY_RE.test(text.slice(start, end))
    // "June last year", "January this year" ("last May" is findDates' own).
    const follow = FOLLOWING_YEAR_RE.exec(text.slice(end, end + 20))
    if (anchor && month && follow) {
      const step = { last: -1, this: 0, next: 1 }[follow[1].toLowerCase() as 'last']
      value = formatMonth(anchor.year + step, monthNumber(month[1]))
      end += follow[0].length
    }
    // A month or a month and day without a year: the nearer of last and next (weekdays keep findDates' reading).
    // "the quarter ended Oct. 31": a period that has ended, ended before publication.
    if (anchor && !follow) value = byTense(text.slice(start, end), value, (n, day) => yearOfUndated(text, start, end, sentences, anchor, n, day))
    // "the end of November", "end of the month": TimeML gives the month, chrono its last day.
    const endOf = END_OF_MONTH_RE.exec(text.slice(start, end))
    if (endOf && /^\d{4}-\d\d-\d\d$/.test(value)) value = value.slice(0, 7)
    // "the day before last Tuesday's hearing": the day next to the one named, which joins the span
    const nextTo = /^\d{4}-\d\d-\d\d$/.test(value) ? DAY_NEXT_TO_RE.exec(text.slice(Math.max(0, start - 20), start)) : null
    if (nextTo) {
      value = formatDay(addDays(parseAnchor(value), /^before$/i.test(nextTo[1]) ? -1 : 1))
      start -= nextTo[0].length
    }
    // "midnight Friday" ends Friday: TimeML's hour 24 of that day
    if (/^\d{4}-\d\d-\d\dT00:00$/.test(value) && /\bmidnight\b/i.test(text.slice(start, end))) value = `${value.slice(0, 10)}T24`
    // "early next year", "the end of 1990", "late yesterday": the modifier joins the span.
    const modifier = MODIFIER_ENDS.has(wordBefore(text, start).word.toLowerCase()) ? LEADING_MODIFIER_RE.exec(text.slice(Math.max(0, start - 40), start)) : null
    if (modifier) {
      start -= modifier[0].length
      // "the week of March 6" is that day's week
      if (/\bweek\s+of\b/i.test(modifier[0]) && /^\d{4}-\d\d-\d\d$/.test(value)) value = isoWeek(parseAnchor(value))
    } else if (/^(?:end|beginning|start|middle|close)\s+of\b/i.test(text.slice(start, end))) {
      start -= /\bthe\s+$/i.exec(text.slice(Math.max(0, start - 8), start))?.[0].length ?? 0
    }
    // "Friday night", "this morning", "last night": the day with TimeML's part of day.
    const part = PART_OF_DAY_END_RE.exec(text.slice(start, end))
    // TimeML annotators give "Friday night" the day alone but "Friday morning" its part of the day.
    if (part && /^\d{4}-\d\d-\d\d$/.test(value) && !(/night/i.test(part[1]) && /day\b/i.test(text.slice(start, end)))) {
      value += PART_OF_DAY[part[1].toLowerCase()]
      type = 'TIME'
    }
    const found: Candidate = { start, end, type, value, rule: false, via: d.via ?? 'dates' }
    // "April 24 and 25": the second day, in the first one's month, is an expression of its own.
    const second = monthDay && /^\d{4}-\d\d-\d\d$/.test(value) ? SECOND_DAY_RE.exec(text.slice(end, end + 12)) : null
    if (!second || Number(second[1]) > 31) return [found]
    const at = end + second[0].length - second[1].length
    return [found, { ...found, start: at, end: at + second[1].length, value: `${value.slice(0, 8)}${pad(Number(second[1]))}` }]
  })
}

const DAY_NEXT_TO_RE = /\bday\s+(before|after)\s+$/i
/** "and 25", "-25" after a month and day: a second day of the same month. */
const SECOND_DAY_RE = /^\s*(?:and|or|[-–])\s*(\d{1,2})\b(?![-–%.,:/]\d|\s*(?:%|percent|p\.?m|a\.?m))/

const MONTH_DAY_RE = new RegExp(String.raw`^${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?$`, 'i')

/**
 * A month ("in April") or a month and day ("Jan. 14") without a year, as TimeML annotators read
 * them: the occurrence nearer the publication date, the past one unless it is clearly farther
 * (1.5 times, or 2 times when the sentence looks ahead: "will", "expected", "next"); always the
 * past one when `tense` is `ended` ("the quarter ended Oct. 31"); else the tense of the verb the
 * month hangs on, when there is one, decides (see `nearestYear`, `governingTense`).
 * On TempEval-3 this beats findDates' "most recent such month" by about one point of value F1.
 */
function byTense(core: string, value: string, yearOf: (month: number, day: number | null) => number): string {
  const month = MONTH_ONLY_RE.exec(core)
  if (month && /^[a-z]/i.test(core)) {
    const n = monthNumber(month[1])
    return formatMonth(yearOf(n, null), n)
  }
  const monthDay = MONTH_DAY_RE.exec(core)
  if (monthDay) {
    const n = monthNumber(monthDay[1])
    const d = Number(monthDay[2])
    return `${formatMonth(yearOf(n, d), n)}-${pad(d)}${value.slice(10)}`
  }
  return value
}


// --- putting it together ----------------------------------------------------------------------




/**
 * TIMEX3 expressions in `text`, in text order; `publishedAt` (ISO 8601, the document creation
 * time) anchors relative ones. Without it, only expressions that need no anchor are returned.
 * `dates` is `findDates(text, publishedAt)` and `given` the text's sentences when the caller has
 * them already (the sentence of a date tells whether it looks ahead); else they are read here.
 * @example findTimexes('Profit rose in the third quarter, from $2 million a year earlier.', '1989-10-26')
 * // [{ span: [15, 32], type: 'DATE', value: '1989-Q3' }, { span: [50, 64], type: 'DATE', value: '1988-Q3' }]
 */
export function findTimexes(written: string, publishedAt: string | null, dates?: DateMention[], given?: readonly Span[]): TimexFound[] {
  const text = straightApostrophes(written)
  const sentences = given ?? splitSentences(text)
  const anchor = publishedAt === null ? null : parseAnchor(publishedAt)
  const candidates: Candidate[] = []
  if (anchor) {
    const ctx: Context = { anchor, text, future: futureIn(text, sentences) }
    const windows = ruleWindows(text)
    for (const [i, [name, re, make]] of RULES.entries()) {
      for (const [from, to] of windows[i]) {
        for (const m of (from === 0 && to === text.length ? text : text.slice(from, to)).matchAll(re)) {
          m.index += from
          const made = make(m as RegExpExecArray, ctx)
          if (made) candidates.push({ start: m.index, end: m.index + m[0].length, rule: true, via: `timex/${name}`, ...made })
        }
      }
    }
  }
  candidates.push(...fromDates(text, anchor, publishedAt, dates ?? findDates(text, publishedAt, { sentences }), sentences))
  const kept = resolveReferences(removeOverlaps(candidates), anchor)
  return kept.map((c) => {
    // "a third-quarter loss", "its 52-week high": an expression that modifies a noun leaves the determiner to the noun
    const start = ADJECTIVE_UNIT_END_RE.test(text.slice(c.start, c.end)) ? c.start + (DETERMINER_RE.exec(text.slice(c.start, c.end))?.[0].length ?? 0) : c.start
    return { span: [start, c.end], type: c.type, value: c.value, stage: DATES_STAGE, via: c.via }
  })
}

const ADJECTIVE_UNIT_END_RE = /\w-(?:quarter|day|week|month|year|hour|minute)$/i
const DETERMINER_RE = /^(?:the|an?|its|their|his|her)\s+/i

/** Every key of every rule, longest first, looked for at the start of each word. */
const ALL_KEYS = [...new Set(RULES.flatMap(([, , , keys]) => keys))].sort((a, b) => b.length - a.length)
const KEY_RE = new RegExp(`\\b(?=(${ALL_KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'gi')
const RULE_REACHES = RULES.map((rule) => rule[4] ?? KEY_REACH)
const RULE_GATES = RULES.map((rule) => rule[5])
/** For the longest key found at a word, the rules with a key there: those whose key it begins with ("years" holds "year"). */
const RULES_OF_KEY = new Map(ALL_KEYS.map((found) => [found, RULES.flatMap(([, , , keys], i) => (keys.some((k) => found.startsWith(k)) ? [i] : []))]))

/**
 * For each rule, the stretches of `text` where it can match: around each of its keys, widened to
 * white space (so that word boundaries read as in the whole text) and merged.
 */
function ruleWindows(text: string): [number, number][][] {
  const windows: [number, number][][] = RULES.map(() => [])
  for (const m of text.matchAll(KEY_RE)) {
    const key = m[1].toLowerCase()
    for (const i of RULES_OF_KEY.get(key) ?? []) {
      const gate = RULE_GATES[i]
      if (gate && !gate(text, m.index)) continue
      const [before, after] = RULE_REACHES[i]
      const a = m.index - before
      const b = m.index + key.length + after
      const from = a <= 0 ? 0 : spaceAtOrBefore(text, a)
      const end = b >= text.length ? text.length : spaceAtOrAfter(text, b)
      const merged = windows[i]
      const last = merged[merged.length - 1]
      if (last && from <= last[1]) last[1] = Math.max(last[1], end)
      else merged.push([from, end])
    }
  }
  return windows
}

const WORD_CHAR_RE = /[A-Za-z0-9/]/
const COUNT_WORDS = new Set([...Object.keys(NUMBER_WORDS), ...VAGUE_NUMBERS, 'of', 'half'])
const STRETCH_WORDS = new Set(['more', 'full', 'straight', 'consecutive', 'additional', 'long', 'successive', 'trading', 'business', 'working'])

/** Whether a count ("two", "16", "a few", "a couple of") ends just before `at`, maybe with "more", "full"... between: "two more weeks". */
function countBefore(text: string, at: number): boolean {
  let end = at
  for (let hop = 0; hop < 2; hop++) {
    const { word: found, start } = wordBefore(text, end)
    if (start === end) return false
    const word = found.toLowerCase()
    if (/\d/.test(word) || COUNT_WORDS.has(word)) return true
    if (!STRETCH_WORDS.has(word)) return false
    end = start
  }
  return false
}

/** The word (letters, digits, "/") before `at`, past the spaces and hyphens in between; empty when there are none. */
function wordBefore(text: string, at: number): { word: string; start: number } {
  let end = at
  while (end > 0 && (text.charCodeAt(end - 1) === 45 || isSpace(text.charCodeAt(end - 1)))) end--
  if (end === at) return { word: '', start: at }
  let start = end
  while (start > 0 && WORD_CHAR_RE.test(text[start - 1])) start--
  return { word: text.slice(start, end), start }
}

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160

/** Farthest a rule window is widened to reach white space: a long run without spaces is cut, not walked for every key in it. */
const MAX_WORD_CHARS = 64

function spaceAtOrBefore(s: string, at: number): number {
  const floor = Math.max(0, at - MAX_WORD_CHARS)
  while (at > floor && !isSpace(s.charCodeAt(at))) at--
  return at
}

function spaceAtOrAfter(s: string, at: number): number {
  const ceiling = Math.min(s.length, at + MAX_WORD_CHARS)
  while (at < ceiling && !isSpace(s.charCodeAt(at))) at++
  return at
}

/** The longest of overlapping candidates; a rule wins a tie against a `findDates` reading. */
function removeOverlaps(candidates: Candidate[]): Candidate[] {
  return keepLongest(candidates, (a, b) => Number(b.rule) - Number(a.rule))
}

/** "that year" after "June 1998" is 1998; "the following month" after "March 1989" is 1989-04. */
function thatValue(last: string, unit: ThatUnit, step: number): string | null {
  const year = Number(last.slice(0, 4))
  if (unit === 'year') return pad(year + step, 4)
  const season = SEASONS[unit]
  if (season) {
    // "the following spring": the first to begin after the date's month; "the previous summer": the last to end before it
    const month = last.length >= 7 ? Number(last.slice(5, 7)) : null
    if (step === 0 || month === null) return `${pad(year + step, 4)}-${season.code}`
    const at = step > 0 ? (season.start > month ? year : year + 1) : season.start + 2 < month ? year : year - 1
    return `${pad(at, 4)}-${season.code}`
  }
  const q = /-Q(\d)$/.exec(last)
  if (unit === 'quarter') {
    const quarter = q ? Number(q[1]) : last.length >= 7 ? Math.ceil(Number(last.slice(5, 7)) / 3) : null
    if (quarter === null) return null
    const i = year * 4 + quarter - 1 + step
    return `${pad(Math.floor(i / 4), 4)}-Q${(i % 4) + 1}`
  }
  if (q || last.length < 7) return null
  if (unit === 'month') {
    const m = addMonths(year, Number(last.slice(5, 7)), step)
    return formatMonth(m.year, m.month)
  }
  if (last.length < 10) return null
  const day = { year, month: Number(last.slice(5, 7)), day: Number(last.slice(8, 10)) }
  // "the following week" after a day: the week after that day's
  if (unit === 'week') return isoWeek(addDays(day, 7 * step))
  return formatDay(addDays(day, step))
}

/** How far back, in characters, "the quarter" and "a year earlier" look for the quarter they mean. */
const REFERENCE_REACH = 1200
/** Periods an earnings report names beside its quarter: six and nine months. */
const MONTHS_PERIOD_RE = /^P(?:6|9)M$/

function resolveReferences(candidates: Candidate[], anchor: CalendarDate | null): Candidate[] {
  return resolveOrDrop(candidates, anchor).filter((c): c is Candidate => c !== null)
}

function resolveOrDrop(candidates: Candidate[], anchor: CalendarDate | null): (Candidate | null)[] {
  // `fiscal`: the quarter is a fiscal one whose calendar months the text does not give (see below)
  let quarter: { at: number; year: number; q: number; fiscal?: boolean } | null = null
  // Where the text last named a period of several months ("the first nine months", "the six months"):
  // a comparison after it ("a year earlier", "the 1988 period") is with the year before, not a quarter.
  let months = -1
  let lastDate: string | null = null
  return candidates.map((c) => {
    if (c.refers === 'weekday') {
      const from = lastDate && /^\d{4}-\d\d-\d\d$/.test(lastDate) ? parseAnchor(lastDate) : anchor
      if (!from || !c.weekday) return null
      const step = c.thatStep ?? -1
      // ISO weekday of `from` is 1..7; walk to the nearest such day strictly before (or after) it
      const gap = step < 0 ? (((weekday(from) || 7) - c.weekday + 6) % 7) + 1 : ((c.weekday - (weekday(from) || 7) + 6) % 7) + 1
      const value = formatDay(addDays(from, step * gap))
      lastDate = value
      return { ...c, value, refers: undefined }
    }
    if (c.refers === 'day-part') {
      // "in the morning", "by mid-afternoon": a part of the day last named, else of the publication day
      const day = lastDate && /^\d{4}-\d\d-\d\d$/.test(lastDate) ? lastDate : anchor && !c.needsDay ? formatDay(anchor) : null
      return day ? { ...c, value: `${day}${c.value}`, refers: undefined } : null
    }
    if (c.refers === 'that') {
      // with no date named before, a year, quarter, month or week counts from publication ("the previous
      // year"); a day cannot ("the next day" follows some event of the story)
      const from = lastDate ?? (anchor && c.thatUnit !== 'day' ? formatDay(anchor) : null)
      const value = from ? thatValue(from, c.thatUnit ?? 'year', c.thatStep ?? 0) : null
      if (value && /^\d{4}-\d\d-\d\d/.test(value)) lastDate = value
      return value ? { ...c, value, refers: undefined } : null
    }
    if (/^\d{4}(?:-\d\d(?:-\d\d)?|-Q\d)?$/.test(c.value) && !c.refers) lastDate = c.value
    const near = quarter && c.start - quarter.at <= REFERENCE_REACH ? quarter : null
    if (c.type === 'DURATION' && MONTHS_PERIOD_RE.test(c.value)) months = c.end
    const afterMonths = near !== null && months > near.at
    let out = c
    if (c.refers === 'quarter' && near && !(afterMonths && /^\d{4}$/.test(c.value))) {
      // "the quarter" is the one last named; "the 1988 quarter" is that quarter in 1988. After "the
      // fiscal first quarter", "the quarter ended Sept. 30" shows a fiscal year: which quarter of the
      // calendar it is stays unknown (TimeML's "1989-QX"), and so for what refers back to it.
      if (/^\d{4}$/.test(c.value)) {
        out = { ...c, value: `${c.value}-Q${near.q}` }
        quarter = { ...near, fiscal: false }
      } else {
        const fiscal = near.fiscal || (c.endsInQuarter !== undefined && c.endsInQuarter !== near.q)
        out = { ...c, value: `${pad(near.year, 4)}-Q${fiscal ? 'X' : near.q}` }
        if (fiscal) quarter = { at: out.end, year: near.year, q: near.q, fiscal }
      }
    } else if (c.refers === 'quarter' && /^\d{4}$/.test(c.value)) {
      out = { ...c, value: c.value }
    } else if (c.refers === 'year-before' && near) {
      out = { ...c, value: afterMonths ? pad(near.year - 1, 4) : `${pad(near.year - 1, 4)}-Q${near.fiscal ? 'X' : near.q}` }
    }
    const q = /^(\d{4})-Q(\d)$/.exec(out.value)
    // A quarter still to come ("the third quarter of 1990" in an October 1989 report) is a forecast,
    // not the period the report compares.
    // "the 1988 quarter" compares with the quarter under report; it does not become it.
    if (q && out.refers !== 'year-before' && !(c.refers === 'quarter' && /^\d{4}$/.test(c.value)) && (!anchor || `${q[1]}-${pad(3 * Number(q[2]) - 2)}` <= formatMonth(anchor.year, anchor.month))) {
      const named = { at: out.end, year: Number(q[1]), q: Number(q[2]) }
      const rank = (x: { year: number; q: number }) => x.year * 4 + x.q
      const done = (x: { year: number; q: number }) => !anchor || rank(x) < anchor.year * 4 + QUARTER_OF(anchor)
      // the quarter under report stays so when an earlier one is named in passing ("after a flat second
      // quarter") or one not yet over ("the fourth quarter will be better")
      const keep = near && !near.fiscal && !c.fiscal && done(near) && (!done(named) || rank(named) < rank(near))
      quarter = keep ? near : named
    }
    return out
  })
}
