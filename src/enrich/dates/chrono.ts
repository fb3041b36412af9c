/**
 * chrono-node as the absolute-date and weekday parser, configured for news: the parsers that read
 * durations as dates ("within 10 days", "the next 24-36 hours", "in the days to come") are left
 * out, relative periods come from ./news.ts, and every result is normalised to a granularity.
 */
// The English locale alone (as text/calendar.ts): the package's index loads every locale.
import * as chrono from 'chrono-node/en'
import { sentenceAround } from '../../text/spans.js'
import type { Granularity, Span } from '../../types.js'
import { addDays, formatDay, formatMonth, isoWeek, pad, weekday, type CalendarDate } from './calendar.js'
import type { DateCandidate } from './news.js'
import { monthNumber } from './news.js'
import { ABBREVIATION_END_RE, clauseLooksAhead, nearestYear, yearOfUndated } from './tense.js'
import { dateWindows, type DateWindowOptions } from './windows.js'

export { clauseLooksAhead }

// Durations and periods: chrono turns them into a day, which a timeline must not show.
const LEFT_OUT = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENRelativeDateFormatParser',
])

// They join "24 hours before" to "Wednesday" and report the day before; news means Wednesday.
const LEFT_OUT_REFINERS = new Set(['ENMergeRelativeAfterDateRefiner', 'ENMergeRelativeFollowByDateRefiner'])

// Text without which a parser's pattern cannot match: every alternative of the pattern holds one
// of these (case-insensitively, as the pattern reads). chrono tries each pattern at every
// character of a window, behind a left boundary that no fast scan can skip to; a window without
// a parser's text skips that parser, and so gets the same results for less. A parser not listed
// (none in this configuration) always runs.
const MONTH_TEXT = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i
export const PARSER_NEEDS: Readonly<Record<string, RegExp>> = {
  ENYearMonthDayParser: /\d{4}[-./\s]/,
  ISOFormatParser: /\d{4}-\d/,
  SlashDateFormatParser: /\d[/.-]\d/,
  ENMonthNameLittleEndianParser: MONTH_TEXT,
  ENMonthNameMiddleEndianParser: MONTH_TEXT,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  ENSlashMonthFormatParser: /\d\/\d{4}/,
  ENTimeExpressionParser: /\d/,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENYearMonthNameParser: MONTH_TEXT,
  ENCasualDateParser: /now|today|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENMonthNameParser: MONTH_TEXT,
}
// Anchored at the start and never matching: one failed try, not one per character.
const NO_MATCH = /^(?!)/

/** `parser`, skipped (its pattern replaced by one that never matches) on text without what it needs. */
function gated(parser: chrono.Parser): chrono.Parser {
  const needs = PARSER_NEEDS[parser.constructor.name]
  if (!needs) return parser
  return {
    pattern: (context) => (needs.test(context.text) ? parser.pattern(context) : NO_MATCH),
    extract: (context, match) => parser.extract(context, match),
  }
}

/** chrono configured for news; `gate` false runs every parser on every window (for tests). */
export function newsChrono({ gate = true }: { gate?: boolean } = {}): chrono.Chrono {
  const config = chrono.configuration.createCasualConfiguration(false)
  config.parsers = config.parsers.filter((p) => !LEFT_OUT.has(p.constructor.name)).map((p) => (gate ? gated(p) : p))
  config.refiners = config.refiners.filter((r) => !LEFT_OUT_REFINERS.has(r.constructor.name))
  return new chrono.Chrono(config)
}

const CHRONO = newsChrono()
// Used when there is no publication date; results that needed one are dropped anyway.
const NEUTRAL_REFERENCE = new Date(2000, 0, 1, 12)

const LEADING_WORDS_RE = /^(?:(?:on|in|at|by|since|until|from|during|of)\s+)+/i
const TRAILING_RE = /[\s,;:!?]+$/
const CLOCK_RE = /\d:\d\d|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b|o'clock/i
const RELATIVE_WEEKDAY_RE = /\b(?:last|next|this|past|coming)\s+\w+day\b/i
const NAMES_RE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i
const AGO_UNIT_RE = /\b(week|month|year)s?\s+ago\b/i
const AGO_RE = /\bago\b/i
const BARE_WEEKDAY_ABBREVIATION_RE = /^(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)$/i
// "1/2", "12 3/4": without a year, a slash pair in news is far more often a fraction than a date.
const FRACTION_RE = /(?:^|\d\s)\d{1,2}\/\d{1,2}$/
// Words that put a weekday after the publication date: plans, deadlines, announcements to come.
// ("had been scheduled to expire Friday" looks back: the plan is past.)
const FUTURE_CUE_RE = /\b(?:will|would|shall|'ll|(?<!\bhad\s+been\s+)(?:expected|planned|scheduled|due|set to)|plans?|deadline|until|next|upcoming|to be|going to)\b/i
// A verb of a timetable in the present just before a weekday: "the market reopens on Monday", "the
// two leaders meet separately Monday", "talks resume Thursday". News tells what happened in the past
// tense ("reopened", "met"), so the present of such a verb places a day after publication among the
// days to come. ("said" and "says" are no timetable: reported speech is told of past days.)
const SCHEDULED_PRESENT_RE =
  /(?<![-\w])(?:re-?)?(?:opens?|closes?|resumes?|begins?|starts?|meets?|convenes?|reconvenes?|arrives?|departs?|leaves|visits?|returns?|travels?|plays?|faces?|votes?|expires?|ends?|kicks?\s+off|takes?\s+(?:effect|office)|goes\s+on\s+trial|heads?\s+to\s+\p{Lu}\p{L}*)(?:\s+\p{Ll}+ly)?(?:\s+(?:again|on))?\s+$/u
// After a negation, an article, a possessive or a number the word is no verb of a timetable but a
// noun or an adjective: "counted the votes Monday", "His visits Monday", "The open Monday session".
const NOT_A_TIMETABLE_BEFORE_RE = /\b(?:did|didn't|not|the|a|an|his|her|its|their|our|these|those|of|\d+)\s+$/i
// "opens Monday through Friday": a weekly schedule, no one day to come.
const WEEKDAY_RANGE_AFTER_RE = /^\s*(?:through|thru|to|until|till|[-–])\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i
// A time gone by in the sentence frames its present as reported speech of then: "Last week the owner
// said the bakery reopens on Monday, but it stayed shut". (Not a past verb of saying alone: "the
// exchange reopens on Monday, officials said" is how news tells a plan; TempEval-3 and TCR rows are
// the same with "said", "told", "announced" among these cues.)
const PAST_FRAME_RE = /\b(?:last\s+(?:week|month|year|night|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|ago|yesterday|previously)\b/i
// A day of a month without a year: "Dec. 26", "December 26".
const MONTH_DAY_RE = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})\b(?!\s*,?\s*\d{4})/g

/** Whether a timetable's verb in the present places the weekday at `[start, end)` among the days to come (see `SCHEDULED_PRESENT_RE`). */
function timetableAhead(text: string, start: number, end: number, sentences: readonly Span[], anchor: CalendarDate | null): boolean {
  const before = text.slice(Math.max(0, start - 48), start)
  const verb = SCHEDULED_PRESENT_RE.exec(before)
  if (!verb || NOT_A_TIMETABLE_BEFORE_RE.test(text.slice(Math.max(0, start - before.length + verb.index - 12), start - before.length + verb.index))) return false
  if (WEEKDAY_RANGE_AFTER_RE.test(text.slice(end, end + 16)) || /\b(?:through|thru|to|until|till)\b|[-–]/i.test(text.slice(start, end))) return false
  const [from, to] = sentenceAround(sentences, start, text.length)
  const sentence = text.slice(from, Math.max(to, end))
  if (PAST_FRAME_RE.test(sentence)) return false
  // a day of a month before publication in the sentence ("On Dec. 26 the owner posted a sign saying ...")
  for (const m of sentence.matchAll(MONTH_DAY_RE)) {
    if (!anchor) break
    const month = monthNumber(m[1])
    const day = Number(m[2])
    if (day < 1 || day > 31) continue
    if (formatDay({ year: nearestYear(anchor, month, day, () => false), month, day }) < formatDay(anchor)) return false
  }
  return true
}
// Words in the same clause before a weekday that put it after publication whatever else the sentence says.
// Within four words and no comma: in "will become law after voting 348-77 to override Wednesday"
// the plan is the law, not the vote.
const PLAINLY_AHEAD_RE =
  /\b(?:will|'ll|shall|is\s+to|are\s+to|(?<!\bhad\s+been\s+)(?:scheduled|expected|set)\s+to|going\s+to|plans?\s+to|as\s+(?:soon|early)\s+as|next)\b(?:\s+[^\s.,;!?]+){0,4}\s+$/i


type Parsed = chrono.ParsedResult


/**
 * chrono's dates in `text`, normalised; relative ones are kept only when `anchor` is given.
 * chrono reads only the windows around date-ish tokens (./windows.ts); spans are into `text`.
 */
export function findChronoDates(text: string, anchor: CalendarDate | null, sentences: readonly Span[], options: DateWindowOptions = {}, maxFound = Infinity): DateCandidate[] {
  const ref = anchor ? new Date(anchor.year, anchor.month - 1, anchor.day, 12) : NEUTRAL_REFERENCE
  const found: DateCandidate[] = []
  for (const w of dateWindows(text, options)) {
    // Past the number of dates kept, further windows would only be parsed to be dropped.
    if (found.length >= maxFound) break
    for (const { r, shift } of CHRONO.parse(unclockNumbers(text.slice(w.start, w.end)), ref, { forwardDate: false }).flatMap((r) => partOfDayOf(r, ref))) {
      const span = trimSpan(r, w.start + shift)
      if (!span || isFalsePositive(r, text.slice(span.start, span.end)) || isIdiom(text, span.start, span.end)) continue
      const resolved = resolve(
        r,
        text.slice(span.start, span.end),
        anchor,
        () => speaksOfFuture(text, span.start, span.end, sentences) || timetableAhead(text, span.start, span.end, sentences, anchor),
        () => PLAINLY_AHEAD_RE.test(text.slice(Math.max(0, span.start - 80), span.start)),
        anchor ? (month, day) => yearOfUndated(text, span.start, span.end, sentences, anchor, month, day) : null,
      )
      if (!resolved) continue
      const via = [...r.tags()].find((t) => t.startsWith('parser/'))?.slice(7) ?? 'chrono'
      found.push({ ...span, ...resolved, via: `chrono/${via}` })
    }
  }
  return found
}

// "it was 24 on Thursday", "won 12 on Friday": a number before "on <weekday>" with no "at" before it
// is an amount, which chrono reads as an hour (dropping the day when the hour is no clock hour).
const NUMBER_ON_WEEKDAY_RE = /(?<!\b(?:at|by|until|till|from|before|after|around|about|to)\s+)\b\d{1,2}(?=\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/gi

/** The window's text with such numbers blanked (same length, so offsets stay). */
function unclockNumbers(window: string): string {
  return window.replace(NUMBER_ON_WEEKDAY_RE, (n) => ' '.repeat(n.length))
}

// chrono joins "the night of" to "Oct. 23" and loses the date on the way (no known values).
const PART_OF_DAY_OF_RE = /^(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i

/** "night of Oct. 23": the date after "of", read again on its own; `shift` is where its text starts in `r`'s. */
function partOfDayOf(r: Parsed, ref: Date): { r: Parsed; shift: number }[] {
  const prefix = PART_OF_DAY_OF_RE.exec(r.text)
  const lost = prefix && !['day', 'weekday', 'month', 'year', 'hour'].some((c) => r.start.isCertain(c as chrono.Component))
  if (!prefix || !lost) return [{ r, shift: 0 }]
  return CHRONO.parse(r.text.slice(prefix[0].length), ref, { forwardDate: false }).map((inner) => ({ r: inner, shift: r.index + prefix[0].length }))
}

/** The span in the whole text (`offset` is the window's start), without the preposition chrono takes in ("on Friday") and trailing punctuation. */
function trimSpan(r: Parsed, offset: number): { start: number; end: number } | null {
  const lead = LEADING_WORDS_RE.exec(r.text)?.[0].length ?? 0
  let core = r.text.slice(lead).replace(TRAILING_RE, '')
  // A full stop ends the sentence unless it ends "p.m." or "Aug.".
  if (core.endsWith('.') && !ABBREVIATION_END_RE.test(core)) core = core.slice(0, -1).replace(TRAILING_RE, '')
  const start = offset + r.index + lead
  return core ? { start, end: start + core.length } : null
}

function isFalsePositive(r: Parsed, core: string): boolean {
  const tags = r.tags()
  // "now" is rarely a date in news ("Russia is now more inclined").
  if (tags.has('casualReference/now')) return true
  // "two days before the deadline" counts from an event, not from the publication date.
  if (tags.has('result/relativeDate') && !AGO_RE.test(core)) return true
  // "may", "march", "sat down", "wed": month and weekday names are capitalised in news.
  if (!/\d/.test(core) && NAMES_RE.test(core) && /^\p{Ll}/u.test(core)) return true
  if (/weekend/i.test(core)) return true
  // "Sun" (a newspaper, a company) and "1/2" (a stock-price fraction) are not dates.
  if (BARE_WEEKDAY_ABBREVIATION_RE.test(core) || FRACTION_RE.test(core)) return true
  const hasDate = r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month') || r.start.isCertain('year')
  // A time alone must look like a clock time, not "10 a barrel".
  return !hasDate && !CLOCK_RE.test(core)
}

const A_MARCH_RE = /\b(?:the|a|an|annual)\s*[`'"]*$/i

/** "high noon" is an idiom (a showdown), not a clock time; "the annual March for Life", "the March of the Mothers" a march. */
function isIdiom(text: string, start: number, end: number): boolean {
  const core = text.slice(start, end)
  if (/^noon$/i.test(core)) return /\bhigh\s+$/i.test(text.slice(Math.max(0, start - 6), start))
  // "the Women's March": a march with a name.
  if (/^March$/.test(core) && /\p{Lu}\p{L}*['’]s\s+$/u.test(text.slice(Math.max(0, start - 24), start))) return true
  return /^March(?:\s+of)?$/.test(core) && A_MARCH_RE.test(text.slice(Math.max(0, start - 12), start)) && /^(?:\s+(?:for|of\s+the)\b|\s+the\b)/.test(text.slice(end, end + 8))
}

/** Value, granularity and whether the publication date was needed. */
function resolve(
  r: Parsed,
  core: string,
  anchor: CalendarDate | null,
  future: () => boolean,
  plainlyAhead: () => boolean,
  yearOf: ((month: number, day: number | null) => number) | null = null,
): { value: string; granularity: Granularity; inferred: boolean; dayFromAnchor?: boolean } | null {
  const s = r.start
  // "the end of the month" is read from the reference date, though chrono marks its day certain.
  const relative = [...r.tags()].some(
    (t) => t.startsWith('casualReference/') || t.startsWith('result/relative') || t === 'parser/ENCasualDateParser' || t === 'parser/ENEndOfCurrentMonthParser',
  )
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day')
  const known = { year: s.isCertain('year'), month: s.isCertain('month'), day: s.isCertain('day') }
  let day: CalendarDate | null = null
  let inferred = relative
  if (weekdayOnly && anchor && !RELATIVE_WEEKDAY_RE.test(core)) {
    day = nearestWeekday(s.get('weekday') ?? 0, anchor, future, plainlyAhead)
    inferred = true
  } else if (known.day || weekdayOnly || relative) {
    day = { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 }
    inferred ||= !(known.year && known.month && known.day)
  }
  const ago = AGO_UNIT_RE.exec(core)
  if (day && ago) {
    const unit = ago[1].toLowerCase() as 'week' | 'month' | 'year'
    return resolvePeriod(day, unit)
  }
  // "the vote is set for Nov. 6", "bought it on Nov. 6": a day of a month with no year takes the year
  // the TimeML reading takes (./tense.ts: the nearer occurrence, unless the verb's tense says otherwise)
  if (day && yearOf && known.month && known.day && !known.year && !relative && !weekdayOnly) day = { ...day, year: yearOf(day.month, day.day) }
  if (day) {
    const withTime = s.isCertain('hour') && CLOCK_RE.test(core)
    if (!withTime) return { value: formatDay(day), granularity: 'day', inferred }
    return { value: `${formatDay(day)}T${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`, granularity: 'time', inferred }
  }
  if (known.month) {
    const month = s.get('month') ?? 1
    if (known.year) return { value: formatMonth(s.get('year') ?? 0, month), granularity: 'month', inferred: false }
    if (!anchor) return null
    return { value: formatMonth(yearOf ? yearOf(month, null) : anchor.year, month), granularity: 'month', inferred: true }
  }
  if (known.year) return { value: pad(s.get('year') ?? 0, 4), granularity: 'year', inferred: false }
  if (s.isCertain('hour') && anchor) {
    const value = `${formatDay(anchor)}T${pad(s.get('hour') ?? 0)}:${pad(s.get('minute') ?? 0)}`
    return { value, granularity: 'time', inferred: true, dayFromAnchor: true }
  }
  return null
}

function resolvePeriod(day: CalendarDate, unit: 'week' | 'month' | 'year'): { value: string; granularity: Granularity; inferred: boolean } {
  if (unit === 'month') return { value: formatMonth(day.year, day.month), granularity: 'month', inferred: true }
  if (unit === 'year') return { value: pad(day.year, 4), granularity: 'year', inferred: true }
  return { value: isoWeek(day), granularity: 'week', inferred: true }
}

/**
 * A bare weekday in news is the nearest such day within three days of the publication date
 * ("on Tuesday" in a Wednesday paper is yesterday, "Friday" is in two days); but news mostly reports
 * what happened, so a day that would fall after publication is taken from the week before unless
 * its sentence speaks of the future ("will", "expected to", "deadline", "until"). When the words
 * just before it plainly look ahead ("is scheduled to close Monday", "as early as Tuesday"), it is
 * the next such day even beyond three days. "last Friday" and "next Friday" are left to chrono.
 */
export function nearestWeekday(
  target: number,
  anchor: CalendarDate,
  future: () => boolean = () => true,
  plainlyAhead: () => boolean = () => false,
): CalendarDate {
  const offset = ((target - weekday(anchor) + 10) % 7) - 3
  const day = offset > 0 && !future() ? offset - 7 : offset
  if (day < 0 && plainlyAhead()) return addDays(anchor, day + 7)
  return addDays(anchor, day)
}

/** Whether the sentence around `[start, end)` (at most 160 characters before it and 80 after) speaks of something still to come. */
function speaksOfFuture(text: string, start: number, end: number, sentences: readonly Span[]): boolean {
  const windowStart = Math.max(0, start - 160)
  const before = text.slice(windowStart, start)
  const [sentenceFrom, sentenceTo] = sentenceAround(sentences, start, text.length)
  const sentenceStart = Math.max(0, sentenceFrom - windowStart)
  const after = text.slice(end, end + 80)
  const stop = Math.max(0, sentenceTo - end)
  return FUTURE_CUE_RE.test(before.slice(sentenceStart)) || FUTURE_CUE_RE.test(after.slice(0, stop))
}
