/**
 * Streamed server rendering (React 18 and the frameworks built on it): the server first sends a
 * page shell with placeholders (`<template id="B:0">` before a "Loading..." fallback, or
 * `<template id="P:1">`), then the content itself in hidden segments at the end of the body
 * (`<div hidden id="S:0">...</div>`), and an inline script moves each segment into its
 * placeholder: `$RC("B:0","S:2")` fills a boundary, `$RS("S:1","P:1")` a placeholder (boundaries
 * and segments are numbered by separate counters). A reader without scripts sees only the
 * fallbacks: the article's paragraphs are all hidden. Here the segments are put where the script
 * would put them, in the markup, before the templates and comments are cut; only on a page that
 * carries the runtime's calls (hidden `S:` divs without them are hidden text, not a stream), or
 * on a copy stripped of all its scripts that keeps a boundary placeholder (`B:`).
 * Linear in the page.
 */

/** A completed segment's opener, as the streaming renderer writes it (sticky: tried where a `<div` is). */
const SEGMENT = /<div hidden(?:="")? id="S:([0-9a-z]+)">/y
/** A placeholder: a boundary (`B`, followed by its fallback) or a segment inside a segment (`P`). */
const PLACEHOLDER = /<template id="([BP]):([0-9a-z]+)"><\/template>/g
const DIV_TAG = /<div\b|<\/div\s*>/gi
/** The runtime's calls: `$RC(boundary, segment)` and `$RS(segment, placeholder)`. */
const RUNTIME_CALL = /\$R([CS])\(\s*["']([BPS]):([0-9a-z]+)["']\s*,\s*["']([BPS]):([0-9a-z]+)["']/g
const RUNTIME = /\$R[CS]\(/
const SCRIPT = /<script\b/i
/** The comment closing a boundary's fallback. */
const BOUNDARY_END = '<!--/$-->'
/** A nested boundary opener: a fallback holding one is left in place. */
const BOUNDARY_START = '<!--$'
/** Longest fallback ("Loading...", a skeleton) dropped when its segment takes its place. */
const MAX_FALLBACK_CHARS = 5_000
/** Deepest nesting of segments in placeholders of segments. */
const MAX_NESTING = 32

/** The bodies of the page's inline scripts (one pass; an unclosed script ends the search). */
function scriptBodies(html: string): string[] {
  const bodies: string[] = []
  const lower = html.toLowerCase()
  let at = lower.indexOf('<script')
  while (at >= 0) {
    const open = lower.indexOf('>', at)
    if (open < 0) break
    const close = lower.indexOf('</script', open)
    if (close < 0) break
    bodies.push(html.slice(open + 1, close))
    at = lower.indexOf('<script', close + 8)
  }
  return bodies
}

/**
 * Which segment goes into which placeholder (`B:0` or `P:1` to a segment's number), read from the
 * runtime's calls in the page's scripts; null when no script calls the runtime. An empty map: the
 * page has the runtime but no call it can read, and segments go to placeholders of their number.
 */
function segmentsByPlaceholder(html: string): Map<string, string> | null {
  let runtime = false
  const placed = new Map<string, string>()
  for (const body of scriptBodies(html)) {
    if (!RUNTIME.test(body)) continue
    runtime = true
    for (const m of body.matchAll(RUNTIME_CALL)) {
      // $RC(boundary, segment); $RS(segment, placeholder).
      const [place, segment] = m[1] === 'C' ? [`${m[2]}:${m[3]}`, [m[4], m[5]]] : [`${m[4]}:${m[5]}`, [m[2], m[3]]]
      if (segment[0] === 'S' && !placed.has(place)) placed.set(place, segment[1])
    }
  }
  return runtime ? placed : null
}

/**
 * The streamed segments (`id` to their inner markup) in `wanted`, and where each lies: one pass
 * over the page's div tags, pairing them with a stack. An unclosed segment is left where it is; a
 * segment inside a taken segment goes with it.
 */
function findSegments(html: string, wanted: ReadonlySet<string>): { inner: Map<string, string>; ranges: [number, number][] } {
  const inner = new Map<string, string>()
  const ranges: [number, number][] = []
  // Per open div: the segment it opens (taken when it closes), or null.
  const open: ({ id: string; start: number; content: number } | null)[] = []
  let taking = 0
  DIV_TAG.lastIndex = 0
  for (let m = DIV_TAG.exec(html); m; m = DIV_TAG.exec(html)) {
    if (m[0][1] !== '/') {
      SEGMENT.lastIndex = m.index
      const segment = taking === 0 ? SEGMENT.exec(html) : null
      if (segment && wanted.has(segment[1]) && !inner.has(segment[1])) {
        open.push({ id: segment[1], start: m.index, content: m.index + segment[0].length })
        taking++
      } else open.push(null)
      continue
    }
    const closed = open.pop()
    if (!closed) continue
    taking--
    inner.set(closed.id, html.slice(closed.content, m.index))
    ranges.push([closed.start, m.index + m[0].length])
  }
  return { inner, ranges }
}

/** Positions of `needle` in `text`, in order. */
function positions(text: string, needle: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at)
  return found
}

/**
 * The page with each streamed segment moved into its placeholder (a boundary's short fallback
 * dropped), as the renderer's script does in a browser; unchanged when it has none, or no script
 * calling the runtime.
 * @example inlineStreamedSegments('<template id="B:0"></template><p>Loading</p><!--/$--><div hidden id="S:1"><p>Text</p></div><script>$RC("B:0","S:1")</script>') // '<p>Text</p><script>$RC("B:0","S:1")</script>'
 */
export function inlineStreamedSegments(html: string): string {
  if (!html.includes(' id="S:')) return html
  // A saved copy stripped of every script (an archive's capture) keeps the segments but not the
  // calls: a boundary placeholder of the renderer then stands for them, paired by number.
  const placed = RUNTIME.test(html) ? segmentsByPlaceholder(html) : null
  if (placed === null && (SCRIPT.test(html) || !html.includes('<template id="B:'))) return html
  const segmentOf = (kind: string, id: string): string | undefined => (placed && placed.size > 0 ? placed.get(`${kind}:${id}`) : id)
  const wanted = new Set<string>()
  for (const m of html.matchAll(PLACEHOLDER)) {
    const segment = segmentOf(m[1], m[2])
    if (segment !== undefined) wanted.add(segment)
  }
  const { inner, ranges } = findSegments(html, wanted)
  if (inner.size === 0) return html
  ranges.sort((a, b) => a[0] - b[0])
  let shell = ''
  let from = 0
  for (const [start, end] of ranges) {
    shell += html.slice(from, start)
    from = end
  }
  shell += html.slice(from)
  const used = new Set<string>()
  const expand = (markup: string, nesting: number): string => {
    const ends = positions(markup, BOUNDARY_END)
    let next = 0
    let out = ''
    let at = 0
    for (const m of [...markup.matchAll(PLACEHOLDER)]) {
      const id = segmentOf(m[1], m[2])
      const segment = id === undefined ? undefined : inner.get(id)
      if (id === undefined || segment === undefined || used.has(id) || nesting > MAX_NESTING || m.index < at) continue
      used.add(id)
      out += markup.slice(at, m.index) + expand(segment, nesting + 1)
      at = m.index + m[0].length
      if (m[1] === 'B') {
        // The first closing comment after the placeholder, within reach of a short fallback.
        while (next < ends.length && ends[next] < at) next++
        const close = next < ends.length && ends[next] - at <= MAX_FALLBACK_CHARS ? ends[next] : -1
        if (close >= 0 && !markup.slice(at, close).includes(BOUNDARY_START)) at = close + BOUNDARY_END.length
      }
    }
    return out + markup.slice(at)
  }
  return expand(shell, 0)
}
