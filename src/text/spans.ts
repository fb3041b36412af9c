/**
 * Spans read one way: overlapping candidates resolved (every stage that proposes candidates and
 * keeps one reading of each stretch of text: dates, TimeML expressions, numbers; the longest wins),
 * and the sentence that holds a position, from the sentence spans enrich/sentences gives.
 */
import type { Span } from '../types.js'

/** A candidate reading of the text between `start` and `end`. */
export interface SpanCandidate {
  start: number
  end: number
}

/**
 * Keeps the longest of overlapping candidates, in text order. Between candidates with the same
 * start and end, `tie` decides (negative: `a` first); without it the earlier-listed one wins.
 * @example keepLongest([{ start: 0, end: 3 }, { start: 0, end: 9 }, { start: 5, end: 12 }]) // [{ start: 0, end: 9 }]
 */
export function keepLongest<T extends SpanCandidate>(candidates: readonly T[], tie?: (a: T, b: T) => number): T[] {
  const order = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end || (tie ? tie(a, b) : 0))
  const kept: T[] = []
  for (const c of order) {
    const last = kept[kept.length - 1]
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c
      continue
    }
    kept.push(c)
  }
  return kept
}

/**
 * The index of the last span of `spans` (sorted, not overlapping) that starts at or before `pos`;
 * -1 when none does. With sentence spans: the sentence holding `pos`.
 * @example spanIndexAt([[0, 10], [11, 20]], 12) // 1
 */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0
  let hi = spans.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid][0] <= pos) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * The span of `sentences` holding `pos`; the whole text (`[0, length)`) when none does.
 * @example sentenceAround([[0, 10], [11, 20]], 12, 20) // [11, 20]
 */
export function sentenceAround(sentences: readonly Span[], pos: number, length: number): Span {
  const at = spanIndexAt(sentences, pos)
  return at < 0 ? [0, length] : sentences[at]
}

/**
 * The first index of sorted `list` holding a value at least `value` (`list.length` when none does).
 * @example lowerBound([2, 4, 4, 9], 4) // 1
 */
export function lowerBound(list: readonly number[], value: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
