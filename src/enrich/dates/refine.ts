/**
 * Refiners over the whole list of date candidates, run after overlaps are resolved (see index.ts):
 *   1. `removeRecurring`: "every weekday", "each Monday", "every other Friday", "Tuesday nights" name a
 *      schedule, not a date ("delivered to your inbox every weekday");
 *   2. `removeNamedDays`: a day that names an event ("the Sept. 11 attacks", "9/11 families") is a
 *      name, not a date: its year is not the publication year, and "19 Sept. 11 hijackers" no day;
 *   3. `dateClockTimes`: a clock time with no day of its own ("shortly after 2 p.m.") happened on the
 *      day the narrative is on: the nearest day mentioned just before it (or after it in its own
 *      sentence), not the publication day. Reports tell yesterday's events in today's paper.
 */
import { formatDay, parseAnchor } from './calendar.js'
import type { DateCandidate } from './news.js'

export interface RefineOptions {
  /** How far back, in characters, a clock time looks for the day it belongs to (about two sentences). */
  timeDayWindow?: number
}

// "every", "each", "every other", "every single" right before the date.
const RECURRING_BEFORE = /\b(?:every|each)\s+(?:other\s+|single\s+|second\s+)?$/i
// chrono reads the bare word "weekday" as a weekday; it never names one day.
const GENERIC_DAY = /^week(?:day|end)s?$/i
const SENTENCE_END = /[.!?]["”’]?\s+$/
const ABBREVIATION_BEFORE = /\b(?:[ap]\.m|[A-Z][a-z]{0,3}|[A-Z])\.["”’]?\s+$/

// "Tuesday nights", "Monday and Tuesday mornings": every such night or morning.
const WEEKDAY = /^(?:sun|mon|tues|wednes|thurs|fri|satur)day$/i
const PLURAL_PART_AFTER = /^(?:\s+(?:and|or)\s+(?:sun|mon|tues|wednes|thurs|fri|satur)day)?\s+(?:mornings|afternoons|evenings|nights)\b/i

/** Drops candidates that name a recurring day or time ("every Friday", "each morning", "Tuesday nights"). */
export function removeRecurring(text: string, candidates: DateCandidate[]): DateCandidate[] {
  return candidates.filter((c) => {
    if (GENERIC_DAY.test(text.slice(c.start, c.end))) return false
    if (WEEKDAY.test(text.slice(c.start, c.end)) && PLURAL_PART_AFTER.test(text.slice(c.end, c.end + 32))) return false
    return !RECURRING_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start))
  })
}

// "Sept. 11", "September 11th", "9/11", "9-11" before a word of the event it names, or inside a
// capitalised name ("September 11th Advocates").
const SEPT_11_NAME =
  /\b(?:(?:Sept?\.?|September)\s+11(?:th)?|9\/11|9-11)(?=[\s-]+(?:\p{Lu}\p{Ll}+\b(?<!\b(?:On|In|At|When|After|Before|The|A|President|Mr|Mrs|Ms)\b)|attacks?|attackers?|hijack\w*|victims?|famil(?:y|ies)|commission|memorial|museum|terror\w*|plot\w*|survivors?|responders?|bill|law|fund|era|generation|suits?|lawsuits?|legislation|widows?|truthers?|report|style)\b)/gu
// "the Oct. 2 bombing": a day naming a past event; without a year, it is a date only when recent.
const EVENT_NAME_AFTER = /^[\s-]+(?:attacks?|bombings?|massacre|shootings?|riots?|insurrection|uprising|hijackings?|killings?|crash|raid)\b/i
const THE_BEFORE = /\bthe\s+$/i

export interface NamedDayOptions {
  /** A day naming an event ("the Oct. 2 bombing") stays a date when this many days or fewer before publication. */
  recentEventDays?: number
}

/**
 * Drops dates inside names: any candidate overlapping "Sept. 11" or "9/11" naming the attacks, and
 * "the <month> <day> <attack|bombing|...>" without a year unless it falls in the `recentEventDays`
 * before publication (a recent event, dated as news dates it).
 */
export function removeNamedDays(text: string, candidates: DateCandidate[], publishedAt: string | null, { recentEventDays = 45 }: NamedDayOptions = {}): DateCandidate[] {
  const names = [...text.matchAll(SEPT_11_NAME)].map((m) => [m.index, m.index + m[0].length] as const)
  const anchor = publishedAt ? Date.parse(`${formatDay(parseAnchor(publishedAt))}T00:00:00Z`) : NaN
  return candidates.filter((c) => {
    if (names.some(([start, end]) => c.start < end && start < c.end)) return false
    if (c.granularity !== 'day' || !c.inferred || !EVENT_NAME_AFTER.test(text.slice(c.end, c.end + 16))) return true
    if (!THE_BEFORE.test(text.slice(Math.max(0, c.start - 5), c.start))) return true
    const days = (anchor - Date.parse(`${c.value.slice(0, 10)}T00:00:00Z`)) / 864e5
    return days >= 0 && days <= recentEventDays
  })
}

/** Whether `[from, to)` crosses a sentence end (a full stop, not one inside "p.m." or "Aug."). */
function crossesSentenceEnd(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to)
  // "at 6:30 p.m. The council ...": the date's own final full stop may end the sentence.
  if (text[from - 1] === '.' && /^\s+["“‘]?\p{Lu}/u.test(between)) return true
  for (const m of between.matchAll(/[.!?]["”’]?\s+/g)) {
    const upto = between.slice(0, m.index + m[0].length)
    if (SENTENCE_END.test(upto) && !ABBREVIATION_BEFORE.test(upto)) return true
  }
  return false
}

/**
 * Moves clock times that took the publication day (`dayFromAnchor`) to the nearest day stated
 * within `timeDayWindow` characters before them, or later in their own sentence.
 * @example // "...on Tuesday, March 3. Engines stopped shortly after 2 p.m." -> 2026-03-03T14:00
 */
export function dateClockTimes(text: string, candidates: DateCandidate[], { timeDayWindow = 400 }: RefineOptions = {}): DateCandidate[] {
  const days = candidates.filter((c) => c.granularity === 'day' || (c.granularity === 'time' && !c.dayFromAnchor))
  if (days.length === 0) return candidates
  return candidates.map((c) => {
    if (c.granularity !== 'time' || !c.dayFromAnchor) return c
    const before = days.filter((d) => d.end <= c.start && c.start - d.end <= timeDayWindow)
    const after = days.find((d) => d.start >= c.end && !crossesSentenceEnd(text, c.end, d.start))
    const day = before[before.length - 1] ?? after
    if (!day) return c
    const { dayFromAnchor: _, ...rest } = c
    return { ...rest, value: `${day.value.slice(0, 10)}${c.value.slice(10)}`, via: `${c.via}+narrative-day` }
  })
}
