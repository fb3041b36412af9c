/**
 * Linear passes over raw markup, before any DOM is built: cutting the non-content elements, and a
 * pre-scan that refuses a page over the element or depth limits in time proportional to its size
 * (linkedom would take tens of seconds and hundreds of MB to build the tree of 2 MB of unclosed
 * `<div>` before the tree could be measured).
 */
import { inlineStreamedSegments } from './streamed.js'
import { InputError } from '../errors.js'
import type { IngestLimits } from '../input/limits.js'

/**
 * Openers of the elements cut before parsing: scripts, styles, inline SVG, no-script fallbacks,
 * templates, drop-down lists; comments; and CDATA openers, which HTML outside SVG and MathML
 * reads as a bogus comment ending at the next `>` (linkedom's parser would hide the rest of the
 * page in a CDATA section that never closes).
 */
const NON_CONTENT_OPENER = /<(script|style|svg|noscript|template|select)\b|<!--|<!\[CDATA\[/gi

/**
 * Finds `re` (global) at or after `from`, remembering a miss: once a closer is absent after some
 * point it is absent after any later one, so a page of unclosed openers costs one scan, not one
 * per opener.
 */
class CloserFinder {
  readonly #missFrom = new Map<RegExp, number>()
  find(html: string, re: RegExp, from: number): RegExpExecArray | null {
    const miss = this.#missFrom.get(re)
    if (miss !== undefined && from >= miss) return null
    re.lastIndex = from
    const found = re.exec(html)
    if (!found) this.#missFrom.set(re, from)
    return found
  }
}

const CLOSERS: Record<string, RegExp> = Object.fromEntries(
  ['script', 'style', 'svg', 'noscript', 'template', 'select'].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]),
)
const COMMENT_END = /-->/g
const TAG_END = />/g

/**
 * Fewest text characters for a `<noscript>` to be a page's content for readers without scripts
 * rather than a tracking pixel or an "enable JavaScript" notice.
 */
const NOSCRIPT_PAGE_CHARS = 500

/** Text characters (outside tags, spaces aside) from `start` to `end`. */
function textChars(html: string, start: number, end: number): number {
  let chars = 0
  let inTag = false
  for (let i = start; i < end; i++) {
    const c = html.charCodeAt(i)
    if (c === 60) inTag = true
    else if (c === 62) inTag = false
    else if (!inTag && c > 32) chars++
  }
  return chars
}

/** A `<noscript>` long enough to be a page's content: where it opens and how much text it holds. */
interface NoscriptText {
  start: number
  chars: number
}

/**
 * The page without its scripts (but JSON-LD, which carries metadata), styles, inline SVG,
 * no-script fallbacks, templates, drop-down lists and comments: half the bytes of a typical news
 * page and none of its text. A no-script fallback with at least as much text as the rest of the
 * page is the page itself (forum and app shells render their posts there): only its opener goes.
 * An opener without its closer is left as it is. Streamed segments are first put in their
 * placeholders (streamed.ts) unless `streamed` is false. Linear in the page.
 * @example pruneMarkup('<p>a</p><script>x()</script><!-- c --><p>b</p>') // '<p>a</p><p>b</p>'
 */
export function pruneMarkup(page: string, options: { streamed?: boolean } = {}): string {
  // Before the cut: the placeholders are templates and the fallbacks end in comments.
  const html = options.streamed === false ? page : inlineStreamedSegments(page)
  const long: NoscriptText[] = []
  const pruned = cutNonContent(html, new Set(), long)
  if (long.length === 0) return pruned
  const body = Math.max(0, pruned.search(/<body\b/i))
  const rest = textChars(pruned, body, pruned.length)
  const pages = new Set(long.filter((n) => n.chars >= rest).map((n) => n.start))
  return pages.size > 0 ? cutNonContent(html, pages, []) : pruned
}

/**
 * One pass of {@link pruneMarkup}: cuts the non-content elements but the `<noscript>`s opening
 * at `unwrap` (their opener alone goes; the parser ignores the stray closer), and lists in `long`
 * the no-script fallbacks with a page's worth of text.
 */
function cutNonContent(html: string, unwrap: ReadonlySet<number>, long: NoscriptText[]): string {
  const finder = new CloserFinder()
  const kept: string[] = []
  let from = 0
  NON_CONTENT_OPENER.lastIndex = 0
  for (let m = NON_CONTENT_OPENER.exec(html); m; m = NON_CONTENT_OPENER.exec(html)) {
    const start = m.index
    let end = -1
    if (m[0] === '<!--') {
      const close = finder.find(html, COMMENT_END, start + 4)
      if (close) end = close.index + 3
    } else if (m[1] === undefined) {
      const close = finder.find(html, TAG_END, start + m[0].length)
      if (close) end = close.index + 1
    } else {
      const name = m[1].toLowerCase()
      const tagEnd = finder.find(html, TAG_END, start + m[0].length)
      const jsonLd = name === 'script' && tagEnd !== null && /ld\+json/i.test(html.slice(start, tagEnd.index))
      const close = tagEnd ? finder.find(html, CLOSERS[name], tagEnd.index + 1) : null
      if (close && jsonLd) {
        // Kept whole: its CDATA wrapper is the script's, not a bogus comment to cut.
        NON_CONTENT_OPENER.lastIndex = close.index + close[0].length
        continue
      }
      if (close) end = close.index + close[0].length
      if (close && tagEnd && name === 'noscript') {
        if (unwrap.has(start)) {
          kept.push(html.slice(from, start))
          from = tagEnd.index + 1
          NON_CONTENT_OPENER.lastIndex = from
          continue
        }
        const chars = textChars(html, tagEnd.index + 1, close.index)
        if (chars >= NOSCRIPT_PAGE_CHARS) long.push({ start, chars })
      }
    }
    if (end < 0) continue
    kept.push(html.slice(from, start))
    from = end
    NON_CONTENT_OPENER.lastIndex = end
  }
  if (from === 0) return html
  kept.push(html.slice(from))
  return kept.join('')
}

/** Elements that never hold children. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'image'])
/** Elements whose end tag pages routinely leave out (the parser closes them): they do not deepen the estimate. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body'])
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])

/** What the pre-scan counted. */
export interface MarkupCounts {
  /** Start tags. */
  elements: number
  /** Deepest nesting of elements that need an end tag, counting opens against ends. */
  depth: number
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** The tag name starting at `at`, lower-cased. */
function tagName(html: string, at: number): string {
  let end = at
  while (end < html.length && end - at < 32) {
    const c = html.charCodeAt(end)
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58)) break
    end++
  }
  return html.slice(at, end).toLowerCase()
}

/**
 * Counts the start tags and estimates the nesting depth of raw markup in one pass, stopping as soon
 * as either passes `stopAt`. The depth is an estimate (open tags needing an end, minus end tags);
 * the tree built afterwards is measured exactly.
 */
export function countMarkup(html: string, stopAt: { elements: number; depth: number } = { elements: Infinity, depth: Infinity }): MarkupCounts {
  const finder = new CloserFinder()
  let elements = 0
  let depth = 0
  let deepest = 0
  let at = html.indexOf('<')
  while (at >= 0 && at < html.length - 1) {
    const next = html.charCodeAt(at + 1)
    let resume = at + 1
    if (isLetter(next)) {
      const name = tagName(html, at + 1)
      elements++
      const end = finder.find(html, TAG_END, at + 1)
      if (!end) break
      resume = end.index + 1
      const selfClosing = html.charCodeAt(end.index - 1) === 47
      if (RAW_TEXT.has(name)) {
        const close = finder.find(html, CLOSERS[name] ?? (CLOSERS[name] = new RegExp(`</${name}\\s*>`, 'gi')), resume)
        if (!close) break
        resume = close.index + close[0].length
      } else if (!selfClosing && !VOID.has(name) && !IMPLIED_END.has(name)) {
        depth++
        if (depth > deepest) deepest = depth
      }
      if (elements > stopAt.elements || deepest > stopAt.depth) break
    } else if (next === 47 && isLetter(html.charCodeAt(at + 2))) {
      const name = tagName(html, at + 2)
      if (!VOID.has(name) && !IMPLIED_END.has(name) && depth > 0) depth--
    } else if (html.startsWith('<!--', at)) {
      const close = finder.find(html, COMMENT_END, at + 4)
      if (!close) break
      resume = close.index + 3
    }
    at = html.indexOf('<', resume)
  }
  return { elements, depth: deepest }
}

/**
 * Throws `InputError('limit')` when raw markup has more start tags than `maxElements`, or is
 * estimated to nest deeper than `maxDepth`: before linkedom builds a tree of it.
 */
export function assertMarkupWithin(html: string, limits: Pick<IngestLimits, 'maxElements' | 'maxDepth'>): MarkupCounts {
  const counts = countMarkup(html, { elements: limits.maxElements, depth: limits.maxDepth })
  if (counts.elements > limits.maxElements) throw new InputError('limit', `page has more than ${limits.maxElements} elements (maxElements)`)
  if (counts.depth > limits.maxDepth) throw new InputError('limit', `page nests deeper than ${limits.maxDepth} elements (maxDepth)`)
  return counts
}
