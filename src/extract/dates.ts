/**
 * Publication dates from metadata values and from the text's own stamps. A time is kept only when
 * its zone is known; otherwise the date alone (a local time without zone is not an instant).
 */
import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i

/** A fixed reference so that parsing is reproducible; stamps without a year are rejected anyway. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1))

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0')
}

function offset(minutes: number): string {
  if (minutes === 0) return 'Z'
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`
}

/** ISO 8601 from chrono components: date, or date-time with offset when hour and zone are stated. */
function isoFromComponents(c: ParsedComponents): string | null {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null
  const date = `${pad(c.get('year') ?? 0, 4)}-${pad(c.get('month') ?? 0)}-${pad(c.get('day') ?? 0)}`
  if (!c.isCertain('hour') || !c.isCertain('timezoneOffset')) return date
  return `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}${offset(c.get('timezoneOffset') ?? 0)}`
}

/**
 * Normalises a metadata date ("2025-08-06T11:45:00-04:00", "Wed, 06 Aug 2025 15:45:00 GMT") to ISO
 * 8601; a date-time without zone keeps its date only. Null when it is not a date.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim()
  if (!text) return null
  const iso = ISO_DATE.exec(text)
  if (iso) return iso[2] && iso[3] ? text.replace(' ', 'T') : iso[1]
  return dateFromStamp(text)
}

/**
 * The date a stamp line states ("Updated Aug. 6, 2025", "Update 8/6/25, 5:00 p.m.: ..."), or null
 * when it states no full date (a stamp without a year is not trusted).
 * @example dateFromStamp('Updated 5:32 PM EDT, Wed August 6, 2025') // '2025-08-06T17:32-04:00'
 */
export function dateFromStamp(stamp: string): string | null {
  for (const result of chrono.en.parse(stamp.slice(0, 200), REFERENCE)) {
    const iso = isoFromComponents(result.start)
    if (iso) return iso
  }
  return null
}
