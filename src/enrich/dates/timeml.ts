/**
 * What the enrich stage returns for dates: the calendar dates the timeline places (`findDates`),
 * each with its TimeML reading (`timex`), and the TimeML expressions that are no placeable date
 * (durations, sets, "now", the second date of a range) beside them. One chrono pass: the TimeML
 * reading is built from the dates already found (./timex.ts).
 */
import type { DateMention, Span, TimexMention } from '../../types.js'
import { findDates, type FindDatesOptions } from './index.js'
import { findTimexes } from './timex.js'
import { splitSentences } from '../sentences/index.js'

/** The dates of a text and the TimeML expressions none of them carries. */
export interface DatesAndTimexes {
  dates: DateMention[]
  timexes: TimexMention[]
}

/**
 * `findDates`, with each date's TimeML reading as `timex`, and the other TimeML expressions.
 * A TimeML expression goes to every date it overlaps that has none yet ("June last year" to both
 * "June" and "last year"); one that no date takes (a duration, the end of a range) goes to `timexes`.
 * @example findDatesAndTimexes('Talks ended Tuesday after two weeks.', '2025-08-06')
 * // { dates: [{ span: [12, 19], value: '2025-08-05', ..., timex: { type: 'DATE', value: '2025-08-05' } }],
 * //   timexes: [{ span: [26, 35], type: 'DURATION', value: 'P2W', stage: 'enrich/dates' }] }
 */
export function findDatesAndTimexes(text: string, publishedAt: string | null, options: FindDatesOptions = {}): DatesAndTimexes {
  const input = options.maxTextLength !== undefined && text.length > options.maxTextLength ? text.slice(0, options.maxTextLength) : text
  // Split once here when the caller has no sentences: both readings use them.
  const sentences = options.sentences ?? splitSentences(input)
  const dates = findDates(text, publishedAt, { ...options, sentences })
  const readings = findTimexes(input, publishedAt, dates, sentences)
  const timexes: TimexMention[] = []
  // Both lists are in text order and readings do not overlap each other: one sweep pairs them.
  let first = 0
  for (const { span, type, value, stage, via } of readings) {
    while (first < dates.length && dates[first].span[1] <= span[0]) first++
    let taken = false
    for (let i = first; i < dates.length && dates[i].span[0] < span[1]; i++) {
      // findDates' objects are new on every call: giving them their reading in place copies nothing.
      const d = dates[i]
      if (d.timex || d.span[1] <= span[0]) continue
      // A rule's reading names its rule; the date's own reading is named by the date's `via`.
      const rule = via.startsWith('timex/') ? { via } : {}
      d.timex = sameSpan(d.span, span) ? { type, value, ...rule } : { type, value, span, ...rule }
      taken = true
    }
    if (!taken) timexes.push({ span, type, value, stage, via })
  }
  return { dates, timexes }
}

/**
 * The whole TimeML reading of an annotated text, in text order: the dates' `timex` (each
 * expression once) and `timexes`.
 */
export function timexesOf({ dates, timexes = [] }: { dates: readonly DateMention[]; timexes?: readonly TimexMention[] }): TimexMention[] {
  const out: TimexMention[] = [...timexes]
  const seen = new Set<string>()
  for (const d of dates) {
    if (!d.timex) continue
    const span = d.timex.span ?? d.span
    const key = `${span[0]}:${span[1]}`
    if (seen.has(key)) continue
    seen.add(key)
    const via = d.timex.via ?? d.via
    out.push({ span, type: d.timex.type, value: d.timex.value, stage: d.stage, ...(via ? { via } : {}) })
  }
  return out.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1])
}

function sameSpan(a: Span, b: Span): boolean {
  return a[0] === b[0] && a[1] === b[1]
}
