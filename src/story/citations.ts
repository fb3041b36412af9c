/**
 * What a summary sentence may cite. Two checks, used in this order by the summary:
 *   1. `spanAgrees`: another article's span of the same fact is cited only when its numbers (the
 *      enrich stage's values, compared by `numbersCompatible`) and names agree with the sentence,
 *      so "Twelve people were injured" never cites "15 people were injured";
 *   2. `checkCitation`: the sentence's names, digits and number values all appear in what it cites.
 */
import { nameKey } from '../text/names.js'
import { foldCase } from '../text/tokens.js'
import { numbersCompatible } from '../compare/discrepancies.js'
import { findNumbers } from '../enrich/numbers/index.js'
import type { Annotated, NumberMention, Span } from '../types.js'

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.,'’%$-]*/gu
const HAS_DIGIT = /\d/
const TOKEN_TAIL = /[.,'’%$-]+$/
const POSSESSIVE = /['’]s$/
// Exact values only: "about 45" and "nearly 45" agree through their ranges, 12 and 13 do not.
const STRICT = { tolerance: 0 }

function digitsOf(token: string): string {
  return token.replace(/[^\d.]/g, '').replace(/\.$/, '')
}

function bareToken(token: string): string {
  return token.replace(TOKEN_TAIL, '').replace(POSSESSIVE, '')
}

function inside(span: Span, outer: Span): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1]
}

/** Whether some number of `pool` can be the quantity `n` states. */
function hasCompatible(n: NumberMention, pool: NumberMention[]): boolean {
  return pool.some((m) => numbersCompatible(n, m, STRICT))
}

/** How a missing number is named: its digits ("1,600") or, for words, the whole expression. */
function numberLabel(sentence: string, n: NumberMention): string {
  const text = sentence.slice(n.span[0], n.span[1])
  const digits = text.match(TOKEN)?.find((t) => HAS_DIGIT.test(t))
  return digits ? bareToken(digits) : text
}

/** Numbers found before the check: the sentence's (spans relative to it) and the cited texts'. */
export interface KnownNumbers {
  sentence: NumberMention[]
  cited: NumberMention[]
}

/**
 * Whether the names (capitalised words not opening the sentence), digits and number values of a
 * sentence all appear in the texts it cites; `missing` lists those that do not. Numbers compare by
 * value, so "Twelve" is found in "12" and "$1,500" in "1500 dollars". `known`, when given, holds
 * the numbers already found (the enrich stage's), so the texts are not read for numbers again.
 * @example checkCitation('Putin met Witkoff for 3 hours.', ['Putin met Witkoff for two hours']) // { ok: false, missing: ['3'] }
 */
export function checkCitation(sentence: string, cited: string[], known?: KnownNumbers): { ok: boolean; missing: string[] } {
  const source = foldCase(cited.join(' \n '))
  const tokens = source.match(TOKEN) ?? []
  const sourceWords = new Set(tokens.map(bareToken))
  const sourceDigits = new Set(tokens.filter((t) => HAS_DIGIT.test(t)).map(digitsOf))
  // Each cited text on its own, so numbers never join across two citations. A caller citing
  // annotated spans passes the enrich stage's numbers for them instead of re-reading the text.
  const sourceNumbers = known?.cited ?? cited.flatMap((c) => findNumbers(c))
  const numbers = known?.sentence ?? findNumbers(sentence)
  const checked = new Set<NumberMention>()
  const missing: string[] = []
  let first = true
  for (const m of sentence.matchAll(TOKEN)) {
    const token = bareToken(m[0])
    const opening = first
    first = false
    const number = numbers.find((n) => n.span[0] <= m.index && m.index < n.span[1])
    if (number) {
      // A number is checked once, by value; its digits need not be written the same way.
      if (!checked.has(number) && !hasCompatible(number, sourceNumbers)) missing.push(numberLabel(sentence, number))
      checked.add(number)
    } else if (HAS_DIGIT.test(token)) {
      // Digits outside amounts (clock times, days of the month, years) must appear as written.
      if (!sourceDigits.has(digitsOf(token))) missing.push(token)
    } else if (!opening && /^\p{Lu}/u.test(token) && !sourceWords.has(foldCase(token))) {
      missing.push(token)
    }
  }
  return { ok: missing.length === 0, missing }
}

/** The enrich stage's numbers inside a span of an article. */
export function numbersIn(article: Annotated, span: Span): NumberMention[] {
  return article.numbers.filter((n) => inside(n.span, span))
}

/** Name keys of the people and organisations mentioned inside a span of an article. */
function namesIn(article: Annotated, span: Span): Set<string> {
  const out = new Set<string>()
  for (const e of article.entities) {
    if ((e.type === 'person' || e.type === 'organization') && inside(e.span, span)) out.add(nameKey(e.name, e.type))
  }
  return out
}

/** What a summary sentence states, for comparing other articles' spans against it. */
export interface Statement {
  numbers: NumberMention[]
  names: Set<string>
  /** Date values (`2026-03-05`, `2026-03`, `2026-W11`). */
  dates: string[]
}

/** The numbers, names and dates a span of an article states (from the enrich stage). */
export function statementOf(article: Annotated, span: Span): Statement {
  return {
    numbers: numbersIn(article, span),
    names: namesIn(article, span),
    dates: article.dates.filter((d) => inside(d.span, span)).map((d) => d.value),
  }
}

/** Same value, or one contains the other ("2026-03" holds "2026-03-05"). */
function datesMeet(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`) || a.startsWith(`${b}T`) || b.startsWith(`${a}T`)
}

/**
 * Whether another article's span of the same fact says what the sentence says: every number of
 * the sentence has a compatible value there, no number of the same unit there contradicts one of
 * the sentence's, and when both name people or organisations (or give dates), they share one.
 */
export function spanAgrees(statement: Statement, other: Statement): boolean {
  if (statement.dates.length > 0 && other.dates.length > 0 && !statement.dates.some((a) => other.dates.some((b) => datesMeet(a, b)))) return false
  for (const n of statement.numbers) if (!hasCompatible(n, other.numbers)) return false
  for (const n of other.numbers) {
    const sameUnit = statement.numbers.filter((s) => s.unit !== undefined && s.unit === n.unit)
    if (sameUnit.length > 0 && !hasCompatible(n, sameUnit)) return false
  }
  if (statement.names.size === 0 || other.names.size === 0) return true
  for (const name of other.names) if (statement.names.has(name)) return true
  return false
}
