/**
 * Overlapping candidate spans resolved one way, for every stage that proposes candidates and then
 * keeps one reading of each stretch of text (dates, TimeML expressions, numbers): the longest wins.
 */

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
