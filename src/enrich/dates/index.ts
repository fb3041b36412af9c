/**
 * The dates stage: finds dates and times in clean text and normalises them against the
 * publication date ("Tuesday" in a paper of Wednesday 2025-08-06 is 2025-08-05).
 *
 * Decisions (so other stages can rely on them):
 * - A bare weekday is the nearest such day within three days of the publication date, moved a
 *   week back when that day is after publication and its sentence has no future cue; words just
 *   before it that plainly look ahead ("is scheduled to close Monday") make it the next such day.
 * - A month without a year ("in April") or a day of one ("on Nov. 6") is the occurrence nearer
 *   publication, leaning to the past, unless the verb it hangs on or a clause that looks ahead
 *   ("will", "is set for") says otherwise (within 45 days a clear tense still keeps a past verb's
 *   month from starting after publication, a future one's from ending before the publication
 *   month): the year the TimeML reading takes too (./tense.ts);
 *   "last May" is the latest May before the publication month, "next March" the first March after it.
 * - "next week" / "last month" / "this year" are a week (`2025-W33`), a month, a year; seasons use
 *   TimeML's form (`2025-SU`) with granularity `year`.
 * - Durations are not dates: "the next 24-36 hours", "within 10 days", "the next two weeks".
 * - Without a publication date, only dates the text states in full are returned.
 * - Recurring days ("every weekday", "each Monday") are not dates.
 * - A clock time without a day ("shortly after 2 p.m.") takes the nearest day stated before it
 *   (about two sentences back) or after it in its sentence; else the publication day.
 *
 * ./timex.ts reads the same text as TimeML does (durations, sets, "now", quarters, TimeML's spans
 * and values); ./timeml.ts puts that reading on the dates (`timex`) and beside them (`timexes`),
 * which is what `annotate` returns and the TempEval-3 eval scores.
 */
import { keepLongest } from '../../text/spans.js'
import type { DateMention, Span } from '../../types.js'
import { parseAnchor } from './calendar.js'
import { straightApostrophes } from '../../text/tokens.js'
import { splitSentences } from '../sentences/index.js'
import { findChronoDates } from './chrono.js'
import { yearOfUndated } from './tense.js'
import { dateClockTimes, removeNamedDays, removeRecurring, type NamedDayOptions, type RefineOptions } from './refine.js'
import type { DateWindowOptions } from './windows.js'
import { findDayWords, findPartsOfMonths, findRelativeMonths, findRelativePeriods, findYears, type DateCandidate } from './news.js'

export const DATES_STAGE = 'enrich/dates'

export interface FindDatesOptions extends RefineOptions, NamedDayOptions, DateWindowOptions {
  /** Only the first this-many characters are read; longer texts are cut, not rejected. */
  maxTextLength?: number
  /** At most this many dates are returned (the first ones in the text). */
  maxDates?: number
  /** The text's sentences (enrich/sentences), when the caller has them; else they are split here. "Its sentence" is read from them. */
  sentences?: readonly Span[]
}

/**
 * Dates mentioned in `text`, in text order. `publishedAt` (ISO 8601) anchors relative dates;
 * those that needed it say `inferred: true` and carry it as `anchor`.
 * @example findDates('Talks ended on Tuesday.', '2025-08-06')
 * // [{ span: [16, 23], value: '2025-08-05', granularity: 'day', inferred: true, anchor: '2025-08-06', stage: 'enrich/dates' }]
 */
export function findDates(text: string, publishedAt: string | null, options: FindDatesOptions = {}): DateMention[] {
  const { maxTextLength = 1_000_000, maxDates = 5_000 } = options
  const input = straightApostrophes(text.length > maxTextLength ? text.slice(0, maxTextLength) : text)
  const anchor = publishedAt === null ? null : parseAnchor(publishedAt)
  const sentences = options.sentences ?? splitSentences(input)
  // News parsers first so that, at equal length, their reading wins over chrono's.
  const candidates = [
    ...(anchor ? findRelativePeriods(input, anchor) : []),
    ...(anchor ? findRelativeMonths(input, anchor) : []),
    ...findPartsOfMonths(input, anchor, anchor ? (start, end, month) => yearOfUndated(input, start, end, sentences, anchor, month, null) : undefined),
    ...findYears(input),
    ...(anchor ? findDayWords(input, anchor) : []),
    ...findChronoDates(input, anchor, sentences, options, maxDates),
  ]
  // Dates inside names go before overlaps are resolved, so "19 Sept. 11 hijackers" leaves no "19"
  // behind; recurring days go before clock times look for their day, so "every Monday" lends none.
  const named = removeNamedDays(input, candidates, publishedAt, options)
  const refined = dateClockTimes(input, removeRecurring(input, removeOverlaps(named)), options)
  return refined
    .filter((c) => anchor !== null || !c.inferred)
    .slice(0, maxDates)
    .map((c) => toMention(c, publishedAt))
}

/** Keeps the longest of overlapping candidates; the earlier-listed one wins a tie. */
function removeOverlaps(candidates: DateCandidate[]): DateCandidate[] {
  return keepLongest(candidates)
}

function toMention(c: DateCandidate, publishedAt: string | null): DateMention {
  const mention: DateMention = {
    span: [c.start, c.end],
    value: c.value,
    granularity: c.granularity,
    inferred: c.inferred,
    via: c.via,
    stage: DATES_STAGE,
  }
  if (c.inferred && publishedAt !== null) mention.anchor = publishedAt
  return mention
}
