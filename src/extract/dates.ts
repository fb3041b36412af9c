/**
 * Publication and update dates from a text's own stamp lines ("Published ... | Updated ..."),
 * read by the one calendar (src/text/calendar.ts).
 */
import { dateFromStamp } from '../text/calendar.js'

/** The word that turns the rest of a stamp into an update time: "Updated", "Last modified", "Update". */
const UPDATE_WORD = /\b(?:last\s+)?(?:updated?|modified|revised)\b/i

/** Publication and update dates a stamp line states, each null when the line does not give it. */
export interface StampDates {
  published: string | null
  modified: string | null
}

/**
 * Splits a stamp at its update word: what comes before is the publication time, what follows the
 * update time ("Published 9:00 AM EDT, Aug 5, 2025 | Updated 5:32 PM EDT, Aug 6, 2025").
 * @example stampDates('Updated Aug. 6, 2025') // { published: null, modified: '2025-08-06' }
 */
export function stampDates(stamp: string): StampDates {
  const update = UPDATE_WORD.exec(stamp)
  if (!update) return { published: dateFromStamp(stamp), modified: null }
  const before = stamp.slice(0, update.index)
  return {
    published: /\d/.test(before) ? dateFromStamp(before) : null,
    modified: dateFromStamp(stamp.slice(update.index + update[0].length)),
  }
}
