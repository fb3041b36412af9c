/**
 * Refiners over the whole list of date candidates, run after overlaps are resolved (see index.ts):
 *   1. `removeRecurring`: "every weekday", "each Monday", "every other Friday", "Tuesday nights" name a
 *      schedule, not a date ("delivered to your inbox every weekday");
 *   2. `dateClockTimes`: a clock time with no day of its own ("shortly after 2 p.m.") happened on the
 *      day the narrative is on: the nearest day mentioned just before it (or after it in its own
 *      sentence), not the publication day. Reports tell yesterday's events in today's paper.
 */
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
