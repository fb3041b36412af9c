/**
 * Date expressions that news writes and chrono does not read the way a timeline needs: periods
 * relative to the publication date ("next week" is a week, not a day seven days on), parts of
 * months ("mid-July"), years after a preposition ("in 2022") and "overnight".
 */
import type { Granularity } from '../../types.js'
import {
  addDays,
  addMonths,
  formatDay,
  formatMonth,
  isoWeek,
  mostRecentMonth,
  pad,
  type CalendarDate,
} from './calendar.js'

/** A date found in text, before overlaps are resolved. */
export interface DateCandidate {
  start: number
  end: number
  value: string
  granularity: Granularity
  inferred: boolean
  /** Which parser proposed it, e.g. `news/relative-period` or `chrono/ENWeekdayParser`. */
  via: string
  /** A clock time whose day is the publication day only for want of a stated one. */
  dayFromAnchor?: boolean
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH_RE_PART = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`

const RELATIVE_PERIOD_RE =
  /\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?([Ll]ast|[Tt]his|[Nn]ext)\s+(week|month|year|weekend|spring|summer|autumn|fall|winter)\b/g
const PART_OF_MONTH_RE = new RegExp(
  String.raw`\b(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s](?:(${MONTH_RE_PART})(?:,?\s+((?:1[89]|20)\d\d))?|((?:1[89]|20)\d\d))\b`,
  'g',
)
// A year stands alone as a date only after a word that introduces a time ("in 2022", "since 2014").
const YEAR_RE = /\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Bb]efore|[Aa]fter|[Ff]rom|[Tt]hrough|[Tt]hroughout|[Oo]f)\s+((?:1[89]|20)\d\d)\b(?![-–/%]|,\d|\.\d|\s+(?:percent|per cent)\b)/g
const DAY_WORD_RE = /\b(overnight|tonight|this\s+(?:morning|afternoon|evening)|last\s+night)\b/gi
const SEASON_CODES: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' }
const STEP: Record<string, number> = { last: -1, this: 0, next: 1 }

/** "last week", "earlier this week", "next month", "this year", "this summer", relative to the anchor. */
export function findRelativePeriods(text: string, anchor: CalendarDate): DateCandidate[] {
  const found: DateCandidate[] = []
  for (const m of text.matchAll(RELATIVE_PERIOD_RE)) {
    const step = STEP[m[1].toLowerCase()] ?? 0
    const unit = m[2]
    const at = { start: m.index, end: m.index + m[0].length, inferred: true, via: 'news/relative-period' }
    if (unit === 'week' || unit === 'weekend') {
      found.push({ ...at, value: isoWeek(addDays(anchor, 7 * step)), granularity: 'week' })
    } else if (unit === 'month') {
      const { year, month } = addMonths(anchor.year, anchor.month, step)
      found.push({ ...at, value: formatMonth(year, month), granularity: 'month' })
    } else if (unit === 'year') {
      found.push({ ...at, value: pad(anchor.year + step, 4), granularity: 'year' })
    } else {
      // Seasons have no ISO form; TimeML's "2025-SU" keeps the year first so values still sort.
      found.push({ ...at, value: `${pad(anchor.year + step, 4)}-${SEASON_CODES[unit]}`, granularity: 'year' })
    }
  }
  return found
}

const RELATIVE_MONTH_RE = new RegExp(String.raw`\b([Ll]ast|[Tt]his(?:\s+past|\s+coming)?|[Nn]ext)\s+(${MONTH_RE_PART})(?![\w.]*\s+\d)`, 'g')

/**
 * "last May", "this September", "next March": the month counted from the publication date. "last"
 * is the latest such month before the publication month, "next" the first one after it, "this" the
 * one in the publication year ("this past" and "this coming" as "last" and "next").
 */
export function findRelativeMonths(text: string, anchor: CalendarDate): DateCandidate[] {
  const found: DateCandidate[] = []
  for (const m of text.matchAll(RELATIVE_MONTH_RE)) {
    const which = m[1].toLowerCase()
    const month = monthNumber(m[2])
    let year = anchor.year
    if (which === 'last' || which === 'this past') year = month < anchor.month ? anchor.year : anchor.year - 1
    else if (which === 'next' || which === 'this coming') year = month > anchor.month ? anchor.year : anchor.year + 1
    found.push({ start: m.index, end: m.index + m[0].length, value: formatMonth(year, month), granularity: 'month', inferred: true, via: 'news/relative-month' })
  }
  return found
}

/**
 * "mid-July", "early March 2022", "late 2021": the month (or year) they fall in. A month without a
 * year takes the year `yearOf` gives the month at `[start, end)` (./tense.ts, the one function the
 * TimeML reading uses too), else the most recent one.
 */
export function findPartsOfMonths(text: string, anchor: CalendarDate | null, yearOf?: (start: number, end: number, month: number) => number): DateCandidate[] {
  const found: DateCandidate[] = []
  for (const m of text.matchAll(PART_OF_MONTH_RE)) {
    const at = { start: m.index, end: m.index + m[0].length, via: 'news/part-of-month' }
    if (m[3]) {
      found.push({ ...at, value: m[3], granularity: 'year', inferred: false })
      continue
    }
    const month = monthNumber(m[1])
    if (m[2]) found.push({ ...at, value: formatMonth(Number(m[2]), month), granularity: 'month', inferred: false })
    else if (anchor) {
      const year = yearOf ? yearOf(m.index, m.index + m[0].length, month) : mostRecentMonth(month, anchor).year
      found.push({ ...at, value: formatMonth(year, month), granularity: 'month', inferred: true })
    }
  }
  return found
}

// A level that a market index moved to or from: "closed Friday at 2082", "fell 14.5 to 1975".
const LEVEL_PREPOSITION_RE = /\b(?:at|to|from)\s+$/i
const LEVEL_CHANGE_AFTER_RE = /^,?\s+(?:up|down|off)\s+\d/i
const LEVEL_MOVE_BEFORE_RE =
  /\b(?:clos(?:ed|es|e|ing)|end(?:ed|s)|finish(?:ed|es)|rose|rising|fell|falling|climb(?:ed|ing)|dropp(?:ed|ing)|slipp(?:ed|ing)|gain(?:ed|ing)|jump(?:ed|ing)|tumbl(?:ed|ing)|declin(?:ed|ing)|advanc(?:ed|ing)|surg(?:ed|ing)|plung(?:ed|ing)|eas(?:ed|ing)|st(?:ood|ands)|open(?:ed|ing)|lost|add(?:ed|ing)|sank|soar(?:ed|ing))\b(?:[^.;!?]|\.\d){0,40}$/i
const MARKET_WORD_RE = /\b(?:index|indexes|indices|average|Dow|Nikkei|Footsie|FT-SE|DAX|CAC|Hang\s+Seng|S&P|Nasdaq|composite|points?)\b/i

/**
 * Whether the four digits at `[start, end)` are a market level, not a year: after "at", "to" or
 * "from", followed by the day's change ("at 2082, up 12") or after a verb of price movement in a
 * sentence about an index ("the Nikkei fell to 1985").
 */
export function isMarketLevel(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start)
  if (!LEVEL_PREPOSITION_RE.test(before)) return false
  if (LEVEL_CHANGE_AFTER_RE.test(text.slice(end, end + 16))) return true
  return LEVEL_MOVE_BEFORE_RE.test(before) && MARKET_WORD_RE.test(`${before}${text.slice(end, end + 40)}`)
}

/** Years after a preposition ("in 2022", "since 2014"); the span is the year alone. Not market levels ("rose from 1975"). */
export function findYears(text: string): DateCandidate[] {
  const found: DateCandidate[] = []
  for (const m of text.matchAll(YEAR_RE)) {
    const start = m.index + m[0].length - m[1].length
    if (isMarketLevel(text, start, start + 4)) continue
    found.push({ start, end: start + 4, value: m[1], granularity: 'year', inferred: false, via: 'news/year' })
  }
  return found
}

/** "overnight", "tonight", "this morning" (the publication day) and "last night" (the day before). */
export function findDayWords(text: string, anchor: CalendarDate): DateCandidate[] {
  const found: DateCandidate[] = []
  for (const m of text.matchAll(DAY_WORD_RE)) {
    const day = /^last/i.test(m[1]) ? addDays(anchor, -1) : anchor
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: formatDay(day),
      granularity: 'day',
      inferred: true,
      via: 'news/day-word',
    })
  }
  return found
}

/** 1-12 for a month name or abbreviation ("Sept." -> 9). */
export function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3)
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1
}
