/**
 * Wire datelines opening a story: "WASHINGTON (AP) —", "LONDON, March 4 (Reuters) -". The agency
 * in parentheses is the story's own (a self-reference, unlike "told Reuters"), and the month and
 * day are its publication day; the year is never in a dateline and must come from elsewhere.
 */

/** Paragraphs searched for a dateline; it opens the story. */
const DATELINE_PARAGRAPHS = 3

const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}'
/** Place in capitals, then perhaps ", Month Day", then "(Agency)" and a dash. Case-sensitive. */
const DATELINE = new RegExp(String.raw`^(?:\p{Lu}[\p{Lu}\p{M} .,'’-]{1,60}?(?:,\s*${MONTH}\.?\s+(\d{1,2}))?\s*)?\(([^()\n]{2,40})\)\s*[—–-]`, 'u')
const MONTH_NUMBER: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 }

/** What a dateline states: the agency, and the month and day when it gives them. */
export interface Dateline {
  agency: string
  month: number | null
  day: number | null
  /** The dateline's characters at the start of its paragraph, e.g. "LONDON, March 4 (Reuters) -". */
  text: string
}

/**
 * The dateline opening one of the first paragraphs of `text`, or null.
 * @example readDateline('LONDON, March 4 (Reuters) - Shares rose.') // { agency: 'Reuters', month: 3, day: 4, ... }
 */
export function readDateline(text: string): Dateline | null {
  for (const paragraph of text.split('\n\n', DATELINE_PARAGRAPHS)) {
    const m = DATELINE.exec(paragraph)
    if (!m) continue
    const day = m[2] ? Number(m[2]) : null
    const valid = day !== null && day >= 1 && day <= 31
    return { agency: m[3].trim(), month: valid ? MONTH_NUMBER[m[1]] : null, day: valid ? day : null, text: m[0] }
  }
  return null
}

/** ISO date of a dateline's month and day in `year`, or null when the dateline gives no day. */
export function datelineDate(dateline: Dateline | null, year: number | null): string | null {
  if (!dateline?.month || !dateline.day || !year) return null
  const date = new Date(Date.UTC(year, dateline.month - 1, dateline.day))
  // "Feb 30" rolls over into March: not a date.
  if (date.getUTCMonth() !== dateline.month - 1) return null
  return date.toISOString().slice(0, 10)
}
