/**
 * The one publication-date calendar: a date from any input (HTML metadata, a text's stamp line,
 * a feed's RFC 822 or RFC 3339 date, a JSON Lines export's field) normalised one way, to ISO 8601.
 * A time is kept only when its zone is known, with the offset as stated; otherwise the date alone
 * (a local time without zone is not an instant, and JSON Schema's `date-time` wants a zone).
 */
// The English locale alone: the package's index loads every locale (half of chrono's load time).
import * as chronoEn from 'chrono-node/en'
import type { ParsedComponents } from 'chrono-node'
import { boundedCache } from './cache.js'

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
  return `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}:${pad(c.get('second') ?? 0)}${offset(c.get('timezoneOffset') ?? 0)}`
}

/**
 * RFC 3339 form of an ISO date-time with zone: seconds added when missing ("T11:45-04:00" ->
 * "T11:45:00-04:00") and the offset given a colon ("+0200" -> "+02:00"), as JSON Schema's
 * `date-time` requires; fractions of a second are kept.
 */
function rfc3339(date: string, time: string, zone: string): string {
  const seconds = time.length === 5 ? `${time}:00` : time
  const offsetPart = /^z$/i.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
  return `${date}T${seconds}${offsetPart}`
}

/**
 * Normalises a publication date ("2025-08-06T11:45:00-04:00", "Wed, 06 Aug 2025 15:45:00 GMT",
 * "2025-08-06 11:45:00") to ISO 8601; a date-time without zone keeps its date only. Null when it
 * is not a date.
 * @example normaliseDate('Wed, 06 Aug 2025 15:45:00 GMT') // '2025-08-06T15:45:00Z'
 * @example normaliseDate('2025-08-06 11:45:00') // '2025-08-06'
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim()
  if (!text) return null
  const iso = ISO_DATE.exec(text)
  if (iso) return iso[2] && iso[3] ? rfc3339(iso[1], iso[2], iso[3]) : iso[1]
  return dateFromStamp(text)
}

/**
 * The date a stamp line states ("Updated Aug. 6, 2025", "Update 8/6/25, 5:00 p.m.: ..."), or null
 * when it states no full date (a stamp without a year is not trusted).
 * @example dateFromStamp('Updated 5:32 PM EDT, Wed August 6, 2025') // '2025-08-06T17:32:00-04:00'
 */
export function dateFromStamp(stamp: string): string | null {
  // A full date needs its year in digits: a line without one ("By Jo Doe") is not given to chrono.
  if (!/\d/.test(stamp)) return null
  const fast = plainDate(stamp)
  if (fast) return fast
  return parsed.get(stamp.slice(0, 200), chronoDate)
}

/**
 * chrono's answers by stamp: the same bylines ("By Jo Doe") and stamps recur across a library's
 * articles, and chrono's parse is the dearest part of reading metadata. Bounded; emptied when full.
 */
const MAX_PARSED = 4096
const parsed = boundedCache<string, string | null>(MAX_PARSED)

function chronoDate(stamp: string): string | null {
  for (const result of chronoEn.parse(stamp, REFERENCE)) {
    const iso = isoFromComponents(result.start)
    if (iso) return iso
  }
  return null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/**
 * The commonest stamps, "August 6, 2025" / "Published Aug. 6, 2025 at 5:32 p.m." (month spelt out
 * or abbreviated, a clock time without zone), read without chrono, whose parse was ~11% of extract.
 * Anything else falls back to chrono.
 */
const PLAIN_DATE = /^\s*(?:(?:published|posted)(?: on)?:? )?(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?) ([1-9]|[12]\d|3[01]), (\d{4})(?:,? (?:at )?(?:[1-9]|1[0-2]):[0-5]\d ?(?:a\.m\.|p\.m\.|am|pm))?\s*$/i

/**
 * `YYYY-MM-DD` for a bare month-day-year stamp of a real calendar day (1900-2099), else null. A
 * "Published" before it says nothing about the date, and a clock time after it ("Aug. 6, 2025 at
 * 5:32 p.m.") states no zone, so the date alone is the answer, as from chrono.
 */
function plainDate(stamp: string): string | null {
  const m = PLAIN_DATE.exec(stamp)
  if (!m) return null
  const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1
  const day = Number(m[2])
  const year = Number(m[3])
  if (year < 1900 || year > 2099 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
  return `${m[3]}-${pad(month)}-${pad(day)}`
}
