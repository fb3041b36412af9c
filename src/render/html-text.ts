/**
 * An article's clean text as HTML with its cited spans wrapped in `<mark id>` (targets for the
 * summary's citation links) and fact support / quotes highlighted. Overlapping cited spans are
 * merged into one mark, so a citation links to the mark that contains its words.
 */
import { escapeHtml } from './escape.js'
import { clampRanges, findContaining, mergeRanges, segmentText, type Highlight, type Range } from './marks.js'

/** The marked text and a way to find the mark id for a cited span. */
export interface MarkedText {
  html: string
  /** Id of the `<mark>` holding `[start, end)`, or null when that span was not marked. */
  markIdFor(start: number, end: number): string | null
}

/**
 * Renders `text` with `cited` spans as `<mark id="${idPrefix}-mN">` and highlights as
 * `<span class="hl-${cls}">`. Segments are cut at every boundary, so the markup always nests.
 */
export function markArticleText(text: string, idPrefix: string, cited: readonly Range[], highlights: readonly Highlight[]): MarkedText {
  const anchors = mergeRanges(clampRanges(cited, text.length))
  const segments = segmentText(text.length, anchors, clampRanges(highlights, text.length))
  const idOf = (i: number): string => `${idPrefix}-m${i}`
  let html = ''
  let open: number | null = null
  for (const seg of segments) {
    if (seg.anchor !== open) {
      if (open !== null) html += '</mark>'
      if (seg.anchor !== null) html += `<mark id="${idOf(seg.anchor)}">`
      open = seg.anchor
    }
    const piece = escapeHtml(text.slice(seg.start, seg.end))
    html += seg.classes.length > 0 ? `<span class="${seg.classes.map((c) => `hl-${c}`).join(' ')}">${piece}</span>` : piece
  }
  if (open !== null) html += '</mark>'
  return {
    html,
    markIdFor(start, end) {
      const i = findContaining(anchors, start, end)
      return i < 0 ? null : idOf(i)
    },
  }
}
