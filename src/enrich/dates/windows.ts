/**
 * The pre-filter in front of chrono: chrono runs a dozen patterns and as many refiners over every
 * character it is given, and most of a news article names no date. So one precompiled pattern
 * finds the tokens without which chrono's kept readings cannot exist (month and weekday names,
 * day words, clock times, digit dates, "ago"), and chrono reads only a window
 * around each, cut at whitespace. The pad is wide enough to hold whatever chrono joins to a
 * token ("Tuesday, Aug. 5, at 6:30 p.m. ET", "from 10 to 11 on the morning of"), so the readings
 * are the ones chrono gives on the whole text.
 *
 * Tokens left out on purpose, because every reading kept by ./chrono.ts that contains them also
 * contains a listed token: "now" (always dropped), "week"/"month"/"year" (chrono's relative-period
 * parser is not used; "two weeks ago" has "ago"), "before"/"earlier" (relative to an event,
 * dropped), "morning"/"evening"/"night" (a time without a day or a clock time is dropped; "Tuesday
 * evening" has "Tuesday"), bare numbers and years (see DIGIT_FORMS).
 */

export interface DateWindowOptions {
  /** Characters read on each side of a date-ish token (then widened to whitespace). */
  windowPad?: number
}

/** A stretch of text chrono reads; `[start, end)` into the text. */
export interface DateWindow {
  start: number
  end: number
}

// Month names with chrono's abbreviations ("Sept.", "Aug"), weekdays with theirs ("Tues", "Thurs"),
// day words chrono reads as a day, clock words it reads as a time, "end of the month", "ago".
const DATE_WORDS = [
  String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`,
  String.raw`(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|satur?)(?:day)?`,
  String.raw`today|tonight|tomorrow|overmorrow|tmrw?|yesterday|last\s*night|midnight|noon|o\W*clock|ago`,
  String.raw`(?:last\s+day|end)\s+of\s+(?:the\s+)?month`,
].join('|')
// Digit forms chrono reads as a date or a clock time: "8/6/25", "6.8.2025", "2025-08-06",
// "2025 08 06", "11:45", "5 p.m.". Not bare numbers, decimals or years ("3.5", "in 2022"): chrono
// reads a day from "d.d" or "d-d" only with a year after them, and no chrono parser reads a year
// alone (./news.ts does). One alternation of words, then the digits: V8 scans it about a third
// faster than one alternation per kind.
const DIGIT_FORMS = String.raw`\d(?:/\d|[.\-–]\d{1,2}[.\-–]\d|:\d|\s*[ap]\.?m\b)|\b\d{4}\s\d{1,2}\s\d`
const DATE_TOKEN_RE = new RegExp(String.raw`\b(?:${DATE_WORDS})\b|${DIGIT_FORMS}`, 'gi')

/**
 * Farthest a window is widened to reach white space. Past it the window is cut inside the word: a
 * run without spaces longer than any date ("1.1.1.1…") would otherwise be walked over again for
 * every token in it, quadratic in its length.
 */
const MAX_WORD_CHARS = 64

/**
 * Longest window that is widened further; past it the next token opens a window of its own where
 * this one ends. chrono's refiners read each result's whole prefix in its window, so a window as
 * long as a page of dates ("on Monday 3 March, on Monday 3 March, …") costs its length squared.
 */
const MAX_WINDOW_CHARS = 2000

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 160 || code === 12 || code === 11
}

/**
 * Windows of `text` around date-ish tokens, in order, merged when they touch. Each starts after
 * whitespace (or at 0) and ends before whitespace (or at the end), so chrono sees whole words.
 * @example dateWindows('Shares rose. Talks ended on Tuesday.', { windowPad: 4 }) // [{ start: 19, end: 36 }]
 */
export function dateWindows(text: string, { windowPad = 48 }: DateWindowOptions = {}): DateWindow[] {
  const windows: DateWindow[] = []
  for (const m of text.matchAll(DATE_TOKEN_RE)) {
    const reach = Math.min(text.length, m.index + m[0].length + windowPad)
    let start = Math.max(0, m.index - windowPad)
    const floor = Math.max(0, start - MAX_WORD_CHARS)
    while (start > floor && !isSpace(text.charCodeAt(start - 1))) start--
    const last = windows[windows.length - 1]
    // Within the previous window's reach: widen it instead of opening another chrono call.
    if (last && start <= last.end) {
      if (reach <= last.end) continue
      if (last.end - last.start < MAX_WINDOW_CHARS) last.end = wordEnd(text, reach)
      else windows.push({ start: last.end, end: wordEnd(text, reach) })
    } else windows.push({ start, end: wordEnd(text, reach) })
  }
  return windows
}

function wordEnd(text: string, from: number): number {
  let end = from
  const ceiling = Math.min(text.length, from + MAX_WORD_CHARS)
  while (end < ceiling && !isSpace(text.charCodeAt(end))) end++
  return end
}
