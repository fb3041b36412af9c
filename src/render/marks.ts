/**
 * Where to mark an article's clean text: cited spans become anchors (`<mark id>`) that summary
 * citations link to, and fact support / quote occurrences become highlights. Spans are merged and
 * the text is cut into segments at every boundary, so the elements a renderer emits always nest.
 */

/** A half-open `[start, end)` range into a text. */
export interface Range {
  start: number
  end: number
}

/** A highlight class on a range (`quote`, `fact`, ...). */
export interface Highlight extends Range {
  cls: string
}

/** A piece of text with the anchor group it lies in (index into the merged anchors) and its highlight classes. */
export interface Segment extends Range {
  anchor: number | null
  classes: string[]
}

/** Drops empty or out-of-range spans and clamps the rest to `[0, length]`. */
export function clampRanges<T extends Range>(ranges: readonly T[], length: number): T[] {
  const out: T[] = []
  for (const r of ranges) {
    const start = Math.max(0, Math.floor(r.start))
    const end = Math.min(length, Math.floor(r.end))
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ ...r, start, end })
  }
  return out
}

/**
 * Unions overlapping ranges (touching ones stay apart), sorted by start.
 * @example mergeRanges([{start: 0, end: 5}, {start: 3, end: 8}]) // [{start: 0, end: 8}]
 */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Range[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end)
    else out.push({ start: r.start, end: r.end })
  }
  return out
}

/** Index of the merged range that contains `[start, end)`, or -1 (binary search). */
export function findContaining(merged: readonly Range[], start: number, end: number): number {
  let lo = 0
  let hi = merged.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = merged[mid]
    if (r.end <= start) lo = mid + 1
    else if (r.start > start) hi = mid - 1
    else return end <= r.end ? mid : -1
  }
  return -1
}

/**
 * Cuts `[0, length)` at every anchor and highlight boundary. `anchors` must be merged (no
 * overlaps); highlights may overlap freely. Runs in O((a + h) log (a + h)).
 */
export function segmentText(length: number, anchors: readonly Range[], highlights: readonly Highlight[]): Segment[] {
  const cuts = new Set<number>([0, length])
  for (const r of anchors) cuts.add(r.start).add(r.end)
  // Events: a highlight class switches on at its start and off at its end.
  const events: { at: number; cls: string; delta: 1 | -1 }[] = []
  for (const h of highlights) {
    cuts.add(h.start).add(h.end)
    events.push({ at: h.start, cls: h.cls, delta: 1 }, { at: h.end, cls: h.cls, delta: -1 })
  }
  events.sort((a, b) => a.at - b.at)
  const points = [...cuts].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b)
  const active = new Map<string, number>()
  const out: Segment[] = []
  let ev = 0
  let an = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]
    const end = points[i + 1]
    while (ev < events.length && events[ev].at <= start) {
      const e = events[ev++]
      active.set(e.cls, (active.get(e.cls) ?? 0) + e.delta)
    }
    while (an < anchors.length && anchors[an].end <= start) an++
    const inAnchor = an < anchors.length && anchors[an].start <= start
    const classes = [...active].filter(([, n]) => n > 0).map(([cls]) => cls).sort()
    out.push({ start, end, anchor: inAnchor ? an : null, classes })
  }
  return out
}
