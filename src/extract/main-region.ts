/**
 * The page's main region: product, service, listing and collection pages spread their content over
 * sibling sections of unlike markup (a hero, a feature grid, a spec table, an FAQ). Readability
 * scores each section on its own and keeps the best one, losing the rest. Two stages around it:
 * before Readability rewrites the document, the region is found by descending from `<body>` while
 * one child holds most of the page's content text (text outside menus, footers and other page
 * furniture), and its blocks are read; after it, when what Readability kept is a small part of the
 * region and lies inside it, the whole region is the content.
 */
import { BLOCKS, collectBlocks, ELEMENT_NODE, SKIPPED, TEXT_NODE, type DomElement, type DomNode, type TextBlock } from './dom.js'
import { containerReason, inRunningText, isHidden } from './furniture/page-furniture.js'
import type { PostRun } from './threads.js'

/** Options for {@link findMainRegion}. */
export interface RegionOptions {
  /** A child holding at least this share of its parent's content text is descended into. */
  dominantShare?: number
}

/** One element on the way from `<body>` down to the main region: its blocks (furniture left out) and content characters. */
export interface RegionLevel {
  blocks: TextBlock[]
  chars: number
  /** Of `chars`, those inside links. */
  linkChars: number
}

/** The main region and the elements around it, innermost first (the last is `<body>`). */
export interface MainRegion {
  levels: RegionLevel[]
}

const DEFAULT_DOMINANT_SHARE = 0.8

/**
 * A box that class words name as page chrome, holding more than this share of the page's text, is
 * the page itself: a wrapper named for its state ("with_header").
 */
const MAX_FURNITURE_SHARE = 0.5

/** Container reasons whose text is never the page's content, wherever they sit. */
const FURNITURE = new Set(['navigation', 'header', 'footer', 'related-headline', 'advertisement', 'share-bar', 'newsletter', 'comment-notice'])

/** Class or id words of cookie consent boxes, which page markup often leaves out of `role="dialog"`. */
const CONSENT = /cookie|consent|onetrust|gdpr/i

/**
 * Fields a reader types into: a form holding one asks for something (contact, sign-up, search,
 * enquiry). A product's buy form has choices and buttons only, and its options are content.
 */
const TYPED_FIELDS = 'textarea, input[type="text"], input[type="email"], input[type="tel"], input[type="search"], input:not([type])'

/**
 * Page furniture by its tag, role, class or id (page-furniture.ts names it), a form asking for
 * input, or hidden (Readability skips hidden text too, and no reader sees it).
 */
function isFurniture(element: DomElement): boolean {
  if (isHidden(element)) return true
  const reason = containerReason(element)
  if (inRunningText(element, reason)) return false
  if (element.hasAttributes() && CONSENT.test(`${element.getAttributeNode('class')?.value ?? ''} ${element.getAttributeNode('id')?.value ?? ''}`)) {
    // A wrapper named for the banner it shows ("has-cookie-bar") holds the page itself.
    if (!element.querySelector('main, article, h1')) return true
  }
  if (element.tagName === 'FORM' && element.querySelector(TYPED_FIELDS)) return true
  return reason !== null && FURNITURE.has(reason)
}

/**
 * Page chrome and sidebars that class words name; wrappers of the whole page carry such words too
 * ("with_header", a layout "with-sidebar-left" holding the article beside its sidebar).
 */
const CHROME_REASONS = new Set(['navigation', 'header', 'footer', 'related-headline'])
/** Elements that are page chrome by their tag, whatever their size. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE'])

/**
 * A furniture box that only class or id words name as page chrome or a sidebar (not its tag, role
 * or hidden state), holding over {@link MAX_FURNITURE_SHARE} of the page's text: the page's own wrapper.
 */
function isPageWrapper(element: DomElement, tally: Tally): boolean {
  if (CHROME_TAGS.has(element.tagName) || element.getAttributeNode('role') || isHidden(element)) return false
  const reason = containerReason(element)
  return reason !== null && CHROME_REASONS.has(reason) && (element.textContent ?? '').length > MAX_FURNITURE_SHARE * tally.pageChars()
}

/** Content characters under every element, those of them inside links, and the furniture met. */
interface Tally {
  /** The page's text length (read when first needed): a box holding most of it is the page, not furniture. */
  pageChars: () => number
  chars: Map<DomNode, number>
  linked: Map<DomNode, number>
  furniture: Set<DomNode>
}

/**
 * Counts the content characters (text outside furniture and skipped elements) under `node` and
 * every element in it, in one walk, and how many of them are link text. Furniture counts 0.
 */
function countContent(node: DomNode, tally: Tally): number {
  if (node.nodeType === TEXT_NODE) return (node.textContent ?? '').trim().length
  const name = node.nodeName.toUpperCase()
  if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(name)) return 0
  // An inline element without attributes says nothing of what it holds; most elements are such.
  if ((BLOCKS.has(name) || (node as DomElement).hasAttributes()) && isFurniture(node as DomElement) && !isPageWrapper(node as DomElement, tally)) {
    tally.furniture.add(node)
    return 0
  }
  let total = 0
  let linked = 0
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) total += (child.textContent ?? '').trim().length
    else {
      total += countContent(child, tally)
      linked += tally.linked.get(child) ?? 0
    }
  }
  tally.chars.set(node, total)
  tally.linked.set(node, name === 'A' ? total : linked)
  return total
}

/**
 * The main region under `body`: from `body` down, while one child element holds at least
 * `dominantShare` of its parent's content text, that child; with every element passed on the way
 * (Readability's choice may lie beside the region, in a hero above a product grid). Null when the
 * page has no content text. Run it before Readability, which moves and deletes the elements it reads.
 */
export function findMainRegion(body: DomElement, options: RegionOptions = {}): MainRegion | null {
  const { dominantShare = DEFAULT_DOMINANT_SHARE } = options
  let pageChars: number | undefined
  const tally: Tally = { pageChars: () => (pageChars ??= (body.textContent ?? '').length), chars: new Map(), linked: new Map(), furniture: new Set() }
  if (countContent(body, tally) === 0) return null
  const { chars, linked, furniture } = tally
  const path: DomElement[] = [body]
  for (let region = body; ;) {
    const own = chars.get(region) ?? 0
    let best: DomElement | null = null
    for (let child = region.firstElementChild; child; child = child.nextElementSibling) {
      if ((chars.get(child) ?? 0) > (best ? (chars.get(best) ?? 0) : 0)) best = child
    }
    if (!best || (chars.get(best) ?? 0) < dominantShare * own) break
    region = best
    path.push(region)
  }
  // One walk reads the page's blocks; each element on the path holds a stretch of them.
  const spans = new Map<DomNode, [number, number]>(path.map((element) => [element, [0, 0]]))
  const blocks = collectBlocks(body, furniture, spans)
  spans.set(body, [0, blocks.length])
  const levels = path.reverse().map((element) => {
    const [start, end] = spans.get(element) ?? [0, 0]
    return { blocks: blocks.slice(start, end), chars: chars.get(element) ?? 0, linkChars: linked.get(element) ?? 0 }
  })
  return { levels }
}

/**
 * Readability's text under this share of a level's text outside links: the level replaces it. On an
 * article page Readability keeps most of the region; on a section front, or a story beside link
 * lists, it keeps a quarter to a third (AEB and Readability's own test pages).
 */
const MAX_KEPT_SHARE = 0.25
/**
 * On a page that states no publication date (not an article or a post), under this share will do
 * when links hold under {@link MAX_LINK_SHARE} of the level's text: prose sections, not teasers.
 */
const MAX_KEPT_SHARE_UNDATED = 0.5
const MAX_LINK_SHARE = 0.2
/**
 * A pick with at most {@link MAX_PICK_PARAGRAPHS} paragraphs of {@link LONG_PARAGRAPH} characters
 * is not an article body (a service page's intro, one card of a grid, an FAQ): under
 * {@link MAX_KEPT_SHARE_SHORT} of the level's text, with links holding at most
 * {@link MAX_LINK_SHARE_SHORT} of it, it gives way to the level, dated or not. On the AEB and
 * Readability test pages no pick is so short beside its region.
 */
const LONG_PARAGRAPH = 200
const MAX_PICK_PARAGRAPHS = 2
const MAX_KEPT_SHARE_SHORT = 0.5
const MAX_LINK_SHARE_SHORT = 0.5

/** Options for {@link regionContent}. */
export interface RegionContentOptions {
  /** The page states its publication date (an article or a post). */
  dated?: boolean
  /** The page has a run of posts (threads.ts `findPostRuns`). */
  thread?: boolean
}

/** Text characters in blocks. */
function blockText(blocks: readonly TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.text.length, 0)
}

/** Whether Readability's `kept` blocks are few enough beside the level's text to give way to it. */
function keptIsSmall(kept: readonly TextBlock[], level: RegionLevel, dated: boolean): boolean {
  const keptChars = blockText(kept)
  const prose = level.chars - level.linkChars
  if (keptChars < MAX_KEPT_SHARE * prose) return true
  if (!dated && keptChars < MAX_KEPT_SHARE_UNDATED * prose && level.linkChars < MAX_LINK_SHARE * level.chars) return true
  const paragraphs = kept.filter((block) => block.text.length >= LONG_PARAGRAPH).length
  return paragraphs <= MAX_PICK_PARAGRAPHS && keptChars < MAX_KEPT_SHARE_SHORT * level.chars && level.linkChars <= MAX_LINK_SHARE_SHORT * level.chars
}

/**
 * The blocks of the innermost region level holding Readability's `kept` blocks (its longest block),
 * or of the inner region when no level holds them, when they are a small part of it; or null.
 */
export function regionContent(kept: readonly TextBlock[], region: MainRegion, options: RegionContentOptions = {}): TextBlock[] | null {
  if (kept.length === 0) return null
  // A prefix: Readability may join what the page walk reads as two blocks.
  const longest = kept.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text.slice(0, 80)
  const level = region.levels.find((candidate) => candidate.blocks.some((block) => block.text.includes(longest)))
  // Readability's pick outside every level lies in page furniture (a footer's blurb about the site,
  // a consent box): the inner region is measured against it, unless the pick may be a post that
  // the region counted out as a comment.
  const measured = level ?? (options.thread ? undefined : region.levels[0])
  return measured && keptIsSmall(kept, measured, options.dated ?? false) ? measured.blocks : null
}

/**
 * What serves when Readability finds too little: the main region is the page's content without its
 * furniture; a run of posts (threads.ts) holding more text than the region is a thread the region
 * lost (it counts comment boxes out, and forum software often calls its posts comments). Null when
 * the region has under `minChars` (a page of headings and links): the caller reads the page again.
 */
export function regionFallback(region: MainRegion, runs: readonly PostRun[], minChars: number): TextBlock[] | null {
  const inner = region.levels[0]
  const thread = runs[0]
  if (thread && thread.chars > inner.chars) return thread.posts.flat()
  return blockText(inner.blocks) >= minChars ? inner.blocks : null
}
