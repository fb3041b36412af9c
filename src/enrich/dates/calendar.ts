/**
 * Calendar arithmetic on plain dates (no time zone): the publication date is a day in the
 * outlet's calendar, and "Friday" or "last month" are counted in that calendar.
 */
import { ParallaxUsageError } from '../../errors.js'

/** A day in the proleptic Gregorian calendar; `month` is 1-12. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

/** The calendar day an ISO 8601 publication date names, read as written (no time-zone shift). */
export function parseAnchor(publishedAt: string): CalendarDate {
  const m = ISO_DAY_RE.exec(publishedAt)
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
    throw new ParallaxUsageError(`findDates: publishedAt must be an ISO 8601 date, got ${JSON.stringify(publishedAt)}`)
  }
  return date
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

/** `{year, month}` moved by `months`. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** Day of the week, 0 = Sunday ... 6 = Saturday (as chrono numbers them). */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
}

/** ISO 8601 week of a day, e.g. `2025-W32` for 2025-08-06. */
export function isoWeek(date: CalendarDate): string {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day))
  // The ISO week belongs to the year of its Thursday.
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7))
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${t.getUTCFullYear()}-W${pad(week)}`
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** `YYYY-MM-DD`. */
export function formatDay(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`
}

/** `YYYY-MM`. */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`
}

/** The most recent `month` not after the anchor's month ("in April" written in August 2025 -> 2025-04). */
export function mostRecentMonth(month: number, anchor: CalendarDate): { year: number; month: number } {
  return { year: month <= anchor.month ? anchor.year : anchor.year - 1, month }
}

/** The coming `month`, the anchor's own month included ("the November election" that will be held, written in June 2026 -> 2026-11). */
export function comingMonth(month: number, anchor: CalendarDate): { year: number; month: number } {
  return { year: month >= anchor.month ? anchor.year : anchor.year + 1, month }
}

