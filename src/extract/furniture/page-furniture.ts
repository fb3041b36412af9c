/**
 * What an HTML extractor left out of a page, and why. Two stages: before Readability rewrites the
 * document, every text block of the page is collected with the nearest container that says what
 * it is (`<nav>`, `role="contentinfo"`, `class="related"`, ...); after it, the blocks missing from
 * the kept text are listed as removed pieces, with a reason taken from the container or, where that
 * is vague, from the text's own furniture patterns; fragments in a row with one reason are merged.
 */
import type { RemovedPiece } from '../../types.js'
import { BLOCKS, CELL_SEPARATOR, ELEMENT_NODE, SKIPPED, TEXT_NODE, type DomElement, type DomNode, type TextBlock } from '../dom.js'
import { furnitureReason, isByline, isDateStamp } from './furniture.js'

/** A block of page text and what its innermost classifying container holds (null: none says). */
export interface PageBlock {
  text: string
  reason: string | null
}

/** Limits for {@link listDroppedBlocks}. */
export interface DroppedOptions {
  /** The page's headline: a dropped block equal to it is listed as `title`. */
  title?: string | null
  /** Most pieces listed; the rest of a huge page is not described. */
  maxPieces?: number
  /** Longest piece; longer ones are cut and end with `…`. */
  maxPieceChars?: number
}

const DEFAULT_MAX_PIECES = 200
const DEFAULT_MAX_PIECE_CHARS = 300
/** Blocks this long count as kept when found anywhere in the kept text (Readability may rejoin them). */
const MIN_SUBSTRING_CHARS = 25
/** Longest block the text furniture patterns are tried on (as in the plain-text pass). */
const MAX_FURNITURE_CHARS = 400
const SPACES = /\s+/g
const TITLE_SEPARATOR = /^\s+[|–—:-]\s/
/** The reason of a dropped block that neither its container nor its words explain. */
const OUTSIDE = 'outside-article'

/** Landmark elements and what they hold. */
// No prototype: a word such as "constructor" must find nothing here, not Object's function.
const TAG_REASONS: Record<string, string> = Object.assign(Object.create(null), {
  NAV: 'navigation',
  FOOTER: 'footer',
  ASIDE: 'related-headline',
  FIGCAPTION: 'caption',
  HEADER: 'header',
})

// No prototype: a word such as "constructor" must find nothing here, not Object's function.
const ROLE_REASONS: Record<string, string> = Object.assign(Object.create(null), {
  navigation: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  search: 'navigation',
  contentinfo: 'footer',
  complementary: 'related-headline',
  banner: 'header',
})

/**
 * Class and id words, narrowest first: the first group that matches names the reason. `nav` must
 * stand at a word edge ("mainnav", "nav-top"), not inside "canvas"; "commentary" is an article kind;
 * "promoted" after a hyphen, a content system's state or view name ("node--promoted", "is-promoted",
 * "view--x-promoted-blocks": posts promoted to the front page), is not a promotion; heading a
 * class word ("promoted-stories", "trc_promoted") it is a paid slot.
 */
const CLASS_RULES: readonly (readonly [reason: string, source: string])[] = [
  ['newsletter', String.raw`newsletter|subscri|sign-?up|opt-?in`],
  ['comment-notice', String.raw`comment(?!ary)|disqus|discussion`],
  ['share-bar', String.raw`share|sharing|social`],
  ['advertisement', String.raw`(?:^|[^a-z])ads?(?:$|[^a-z])|advert|sponsor|dfp|ad-?slot|ad-?unit|promo(?!ted)|(?:^|[\s_])promoted`],
  ['photo-credit', String.raw`credit|photographer`],
  ['caption', String.raw`caption`],
  ['related-headline', String.raw`related|more-on|more-stories|recommend|read-?more|also-read|trending|popular|most-read|outbrain|taboola|see-also|further-reading|up-next|sidebar`],
  ['navigation', String.raw`(?:^|[^a-z])nav|nav(?:$|[^a-z])|navigation|navbar|menu|breadcrumb|skip-?link|pagination`],
  ['footer', String.raw`footer|colophon|copyright`],
  ['byline', String.raw`byline|author|contributor`],
  ['dateline-stamp', String.raw`timestamp|dateline|pubdate|(?:^|[^a-z])date(?:$|[^a-z])`],
  ['standfirst', String.raw`standfirst|(?:^|[^a-z])dek(?:$|[^a-z])|subtitle|subhead`],
  ['section-label', String.raw`kicker|eyebrow|rubric`],
  ['topic-tags', String.raw`(?:^|[^a-z])(?:tags|topics|keywords)(?:$|[^a-z])`],
  ['masthead', String.raw`logo|brand|site-?title|site-?name`],
  ['header', String.raw`masthead|site-header|(?:^|[^a-z])header(?:$|[^a-z])|top-?bar`],
]
// One expression per rule, tried in order: in a single alternation the leftmost word would win
// ("promo-signup" is a newsletter box, not an advertisement).
const CLASS_REASONS = CLASS_RULES.map(([reason, source]) => [reason, new RegExp(source)] as const)
/** Any of the rules: most class words match none, and one test then spares the sixteen. */
const ANY_CLASS_REASON = new RegExp(CLASS_RULES.map(([, source]) => `(?:${source})`).join('|'))
/**
 * State words on wrappers ("has-sidebar", "Has-Sidebar", "with-comments", "withSidebar") describe
 * the page, not the element. Run into a name in camel case only after a lower-case word ("notes"
 * is no state); "is" only before a hyphen: "isAdvertisement" names the element itself.
 */
const STATE_WORDS = /\b(?:(?:has|with|no|show|hide)(?=[A-Z])|(?:[Hh]as|HAS|[Ww]ith|WITH|[Nn]o|NO|[Ii]s|IS|[Ss]how|SHOW|[Hh]ide|HIDE)-)[\w-]+/g
/**
 * Hashes that page builders write into classes and ids ("w-variant-2a872dd3-bab5-8141-0ad7-...",
 * "builder-f5ad18e7...", "column74_975ada-ad"): a run of hex digits, six or more with a digit
 * among them, with the hex pieces joined to it. Read as words, "-0ad7-" and "975ada-ad" name an
 * advertisement; a slot name such as "ad-300x250" or "ad2" is no such run. Nor is a run that
 * starts with "ad" and a digit, though it is all hex digits: a slot named "ad" and its size or
 * number ("ad300250", "ad123456", "ads728") or a hex piece ("ad0a1b2c"); nor a hex piece joined to
 * a word ("a1b2c3-ad-slot" keeps its "-ad-slot": a piece runs on only when no word follows it). Left: "b7e9c1-ad" and "css-1a2b3c4-Ad" have the
 * shape of the builder's "83fad1-ad" above, hex all through, and lose their "ad" with it.
 */
const HASHES = /(?<![a-z0-9])(?!ads?\d)(?=[0-9a-f]*\d)[0-9a-f]{6,}(?:[-_][0-9a-f]+(?![a-z0-9]|[-_][0-9a-f]*[g-z]))*(?![a-z0-9])/g
/** Marks link edges in the text buffer while walking a link list; never in page text. */
const LINK_MARK = '\u0000'
const WORD_CHAR = /[\p{L}\p{N}]/u
const INVISIBLE = /display\s*:\s*none|visibility\s*:\s*hidden/i
/** Containers whose links are separate items. */
const LISTS = new Set(['navigation', 'related-headline', 'share-bar'])
/** Containers that never classify: they hold the whole page or the article itself. */
const UNCLASSIFIED = new Set(['BODY', 'HTML', 'MAIN', 'ARTICLE'])
/**
 * Containers of other stories and of page machinery: what they hold is theirs whatever it says
 * (a "By A. Writer" in a related box is not this article's byline). Elsewhere the text's own
 * pattern, being more specific, names the piece ("© 2026 ..." in a footer is `copyright`).
 */
const STRONG = new Set(['navigation', 'related-headline', 'advertisement', 'comment-notice', 'share-bar', 'newsletter'])

/**
 * The reason a container's class or id, role, or tag gives for what it holds, or null. Class words
 * come first: they are the page's own, narrower name (`<aside class="newsletter">`).
 */
export function containerReason(element: DomElement): string | null {
  const name = element.nodeName.toUpperCase()
  if (UNCLASSIFIED.has(name)) return null
  // Most blocks carry no attributes; this runs on every block of the page.
  if (element.hasAttributes()) {
    const words = `${element.getAttributeNode('class')?.value ?? ''} ${element.getAttributeNode('id')?.value ?? ''}`
    if (words.length > 1) {
      // Before lower-casing: a state word may be run into its name in camel case ("main--withSidebar").
      let lower = words.replace(STATE_WORDS, '').toLowerCase()
      // Only when a rule matched: most class words match none, and the hashes then cost nothing.
      if (ANY_CLASS_REASON.test(lower)) lower = lower.replace(HASHES, ' ')
      if (ANY_CLASS_REASON.test(lower)) for (const [reason, pattern] of CLASS_REASONS) if (pattern.test(lower)) return reason
    }
    const role = element.getAttributeNode('role')?.value
    if (role && ROLE_REASONS[role]) return ROLE_REASONS[role]
  }
  return TAG_REASONS[name] ?? null
}

/** Options for {@link collectPageBlocks}. */
export interface PageBlockOptions {
  /** Filled with the outermost newsletter containers met, sparing the caller a search of its own. */
  newsletterBoxes?: DomElement[]
}

/**
 * The page's text blocks in document order, each with its innermost classifying container. Run it
 * before Readability, which moves and deletes the elements it reads.
 */
export function collectPageBlocks(root: DomNode, options: PageBlockOptions = {}): PageBlock[] {
  const boxes = options.newsletterBoxes
  const blocks: PageBlock[] = []
  let buffer = ''
  let reason: string | null = null
  const flush = (): void => {
    const text = (buffer.includes(LINK_MARK) ? splitLinks(buffer) : buffer).replace(SPACES, ' ').trim()
    if (text) blocks.push({ text, reason })
    buffer = ''
  }
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? ''
      return
    }
    const name = node.nodeName.toUpperCase()
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(name) || isHidden(node as DomElement)) return
    if (!BLOCKS.has(name)) {
      const mark = name === 'A' && reason !== null && LISTS.has(reason) ? LINK_MARK : ''
      buffer += mark
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
      buffer += mark
      return
    }
    flush()
    const outer = reason
    reason = innerReason(outer, containerReason(node as DomElement))
    if (boxes && reason === 'newsletter' && outer !== 'newsletter') boxes.push(node as DomElement)
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
    flush()
    reason = outer
  }
  walk(root)
  flush()
  return blocks
}

/** Characters of text beside an inline element, in its parent, that make it a part of a sentence. */
const MIN_SENTENCE_CHARS = 40
/** Elements whose every span is text as written: a highlighter's `<span class="comment">` is code. */
const VERBATIM = new Set(['PRE', 'CODE'])

/**
 * A link inside running text (a link in a sentence) or a highlighted token in code: what its class
 * words say (`recommendation-link`, `hljs-comment`) names the span, not a box of page furniture,
 * and taking it out would leave a sentence with a hole in it. An advertisement (`reason`) is never
 * running text, whatever stands around it.
 */
export function inRunningText(element: DomElement, reason: string | null = containerReason(element)): boolean {
  if (reason === 'advertisement') return false
  const name = element.nodeName.toUpperCase()
  if (BLOCKS.has(name)) return false
  const parent = element.parentElement
  if (!parent) return false
  for (let up: DomElement | null = parent; up; up = up.parentElement) if (VERBATIM.has(up.nodeName.toUpperCase())) return true
  if (name !== 'A') return false
  let chars = 0
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) chars += (child.textContent ?? '').trim().length
  }
  return chars >= MIN_SENTENCE_CHARS
}

/**
 * Hidden the way Readability tells it (`hidden`, `aria-hidden="true"`, an inline `display: none`):
 * Readability skips such text, and no reader sees it, so it is neither kept nor removed.
 */
export function isHidden(element: DomElement): boolean {
  if (!element.hasAttributes()) return false
  if (element.getAttributeNode('hidden')) return true
  if (element.getAttributeNode('aria-hidden')?.value === 'true') return true
  const style = element.getAttributeNode('style')?.value
  return style !== undefined && INVISIBLE.test(style)
}

/**
 * Inside a box of other stories or page machinery, only another such box names what is held: a
 * comment's `class="author"` is still the comments section's.
 */
function innerReason(outer: string | null, own: string | null): string | null {
  if (outer !== null && STRONG.has(outer)) return own !== null && STRONG.has(own) ? own : outer
  return own ?? outer
}

/**
 * A block of nothing but links in a menu or link list ("Home Local Sport") becomes its items,
 * `Home | Local | Sport`; a sentence with a link in it stays a sentence.
 */
function splitLinks(raw: string): string {
  const parts = raw.split(LINK_MARK)
  // Even parts lie between links, odd parts are link texts.
  const between = parts.filter((_, i) => i % 2 === 0).join('')
  if (WORD_CHAR.test(between)) return parts.join('')
  return parts.filter((_, i) => i % 2 === 1).map((p) => p.replace(SPACES, ' ').trim()).filter(Boolean).join(' | ')
}

/** Furniture a block's own words show (the patterns of the plain-text pass), or null. */
function textReason(text: string): string | null {
  if (text.length > MAX_FURNITURE_CHARS) return null
  return furnitureReason(text) ?? (isByline(text) ? 'byline' : isDateStamp(text) ? 'dateline-stamp' : null)
}

/** The headline, or the headline of a `<title>` with the site's name after it ("Headline - Site"). */
function isHeadline(text: string, title: string | null): boolean {
  return title !== null && title.startsWith(text) && (title.length === text.length || TITLE_SEPARATOR.test(title.slice(text.length)))
}

function reasonOf(block: PageBlock, title: string | null): string {
  if (isHeadline(block.text, title)) return 'title'
  if (block.reason && STRONG.has(block.reason)) return block.reason
  return textReason(block.text) ?? block.reason ?? OUTSIDE
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/** Tells kept blocks by exact text, or (long ones) by their place inside the kept text. */
function keptTest(kept: readonly TextBlock[]): (text: string) => boolean {
  const exact = new Set(kept.map((b) => b.text))
  // The page walk sees a table's cells one by one; the article has them as rows.
  for (const block of kept) if (block.kind === 'table-row') for (const cell of block.text.split(CELL_SEPARATOR)) exact.add(cell)
  const joined = kept.map((b) => b.text).join('\n')
  return (text) => exact.has(text) || (text.length >= MIN_SUBSTRING_CHARS && joined.includes(text))
}

/**
 * The page blocks missing from the kept blocks, as removed pieces with a reason: fragments in a
 * row that their containers name alike (the lists of a menu) merged with ` | `, at most
 * `maxPieces` pieces of at most `maxPieceChars` characters.
 * @example listDroppedBlocks(collectPageBlocks(body), keptBlocks, { title }) // [{ text: 'News | Sport', reason: 'navigation' }]
 */
export function listDroppedBlocks(page: readonly PageBlock[], kept: readonly TextBlock[], options: DroppedOptions = {}): RemovedPiece[] {
  const { title = null, maxPieces = DEFAULT_MAX_PIECES, maxPieceChars = DEFAULT_MAX_PIECE_CHARS } = options
  const isKept = keptTest(kept)
  const pieces: RemovedPiece[] = []
  let lastReason: string | null = null
  for (const block of page) {
    if (isKept(block.text)) {
      lastReason = null
      continue
    }
    const reason = reasonOf(block, title)
    const previous = pieces[pieces.length - 1]
    const joined = previous && `${previous.text} | ${block.text}`
    // Fragments named by their container (the links of a menu) join; a piece named by its own words stays whole.
    const fragment = block.reason === reason || reason === OUTSIDE
    if (fragment && lastReason === reason && previous && joined.length <= maxPieceChars) {
      previous.text = joined
      continue
    }
    if (pieces.length >= maxPieces) break
    pieces.push({ text: cut(block.text, maxPieceChars), reason })
    lastReason = fragment ? reason : null
  }
  return pieces
}
