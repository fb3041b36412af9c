/**
 * Streamed server rendering (React 18 and the frameworks built on it): the server first sends a
 * page shell with placeholders (`<template id="B:0">` before a "Loading..." fallback, or
 * `<template id="P:1">`), then the content itself in hidden segments at the end of the body
 * (`<div hidden id="S:0">...</div>`), and an inline script moves each segment into its
 * placeholder. A reader without scripts sees only the fallbacks: the article's paragraphs are all
 * hidden. Here the segments are put where the script would put them, in the markup, before the
 * templates and comments are cut.
 */

/** A completed segment's opener, as the streaming renderer writes it. */
const SEGMENT = /<div hidden(?:="")? id="S:([0-9a-z]+)">/g
/** A placeholder: a boundary (`B`, followed by its fallback) or a segment inside a segment (`P`). */
const PLACEHOLDER = /<template id="([BP]):([0-9a-z]+)"><\/template>/g
const DIV_TAG = /<div\b|<\/div\s*>/gi
/** The comment closing a boundary's fallback. */
const BOUNDARY_END = '<!--/$-->'
/** A nested boundary opener: a fallback holding one is left in place. */
const BOUNDARY_START = '<!--$'
/** Longest fallback ("Loading...", a skeleton) dropped when its segment takes its place. */
const MAX_FALLBACK_CHARS = 5_000
/** Deepest nesting of segments in placeholders of segments. */
const MAX_NESTING = 32

/** The index just past the `</div>` closing the `<div>` whose opener ends at `from`, or -1. */
function divEnd(html: string, from: number): number {
  DIV_TAG.lastIndex = from
  let depth = 1
  for (let m = DIV_TAG.exec(html); m; m = DIV_TAG.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1
    if (depth === 0) return m.index + m[0].length
  }
  return -1
}

/** The streamed segments (`id` to their inner markup) whose placeholder the page has, and where each lies. */
function findSegments(html: string): { inner: Map<string, string>; ranges: [number, number][] } {
  const wanted = new Set<string>()
  for (const m of html.matchAll(PLACEHOLDER)) wanted.add(m[2])
  const inner = new Map<string, string>()
  const ranges: [number, number][] = []
  SEGMENT.lastIndex = 0
  for (let m = SEGMENT.exec(html); m; m = SEGMENT.exec(html)) {
    if (!wanted.has(m[1]) || inner.has(m[1])) continue
    const open = m.index + m[0].length
    const end = divEnd(html, open)
    if (end < 0) continue
    inner.set(m[1], html.slice(open, html.lastIndexOf('</', end - 1)))
    ranges.push([m.index, end])
    // Segments may hold segments' openers only as placeholders; the next one starts after this.
    SEGMENT.lastIndex = end
  }
  return { inner, ranges }
}

/**
 * The page with each streamed segment moved into its placeholder (a boundary's short fallback
 * dropped), as the renderer's script does in a browser; unchanged when it has none.
 * @example inlineStreamedSegments('<template id="B:0"></template><p>Loading</p><!--/$--><div hidden id="S:0"><p>Text</p></div>') // '<p>Text</p>'
 */
export function inlineStreamedSegments(html: string): string {
  if (!html.includes(' id="S:')) return html
  const { inner, ranges } = findSegments(html)
  if (inner.size === 0) return html
  let shell = ''
  let from = 0
  for (const [start, end] of ranges) {
    shell += html.slice(from, start)
    from = end
  }
  shell += html.slice(from)
  const used = new Set<string>()
  const expand = (markup: string, nesting: number): string => {
    let out = ''
    let at = 0
    PLACEHOLDER.lastIndex = 0
    for (const m of [...markup.matchAll(PLACEHOLDER)]) {
      const id = m[2]
      const segment = inner.get(id)
      if (segment === undefined || used.has(id) || nesting > MAX_NESTING || m.index < at) continue
      used.add(id)
      out += markup.slice(at, m.index) + expand(segment, nesting + 1)
      at = m.index + m[0].length
      if (m[1] === 'B') {
        const close = markup.indexOf(BOUNDARY_END, at)
        const fallback = close < 0 ? '' : markup.slice(at, close)
        if (close >= 0 && fallback.length <= MAX_FALLBACK_CHARS && !fallback.includes(BOUNDARY_START)) at = close + BOUNDARY_END.length
      }
    }
    return out + markup.slice(at)
  }
  return expand(shell, 0)
}
