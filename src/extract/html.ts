/**
 * Main text of an HTML page: Mozilla Readability over a linkedom document, widened to the page's
 * main region when it kept one section of many, with a structural fallback (the main region, or
 * article/main/body minus page chrome) when Readability finds too little; then the
 * plain-text furniture pass, since captions and notices survive inside article bodies.
 */
import { InputError } from '../errors.js'
import { linkedom, readability } from '../input/lazy.js'
import { DEFAULT_LIMITS, pageDeadline, type IngestLimits } from '../input/limits.js'
import type { RemovedPiece } from '../types.js'
import { filterBlocks, isShopPage } from './furniture/block-filter.js'
import { removeBoilerplate, TABLE_ROW_MARK } from './furniture/boilerplate.js'
import { collectBlocks, measureTree, type DomDocument, type DomElement, type TextBlock } from './dom.js'
import { normaliseDate } from '../text/calendar.js'
import { readHtmlMeta, type HtmlMeta } from './html-meta.js'
import { assertMarkupWithin, pruneMarkup } from './markup.js'
import { inlineStreamedSegments } from './streamed.js'
import { collectPageBlocks, listDroppedBlocks, type DroppedOptions } from './furniture/page-furniture.js'
import { pruneContent, type PruneOptions } from './furniture/prune.js'
import { declaresThread, findPostRuns, threadContent, withReplies } from './threads.js'
import { findMainRegion, regionContent, regionFallback } from './main-region.js'

/** Options for {@link extractHtml}. */
export interface HtmlOptions {
  limits?: Partial<IngestLimits>
  /** Below this many characters Readability's result is not trusted and the fallback is used. */
  minReadabilityChars?: number
  /** Bounds on the list of page blocks the extractor left out (`maxPieces`, `maxPieceChars`). */
  dropped?: Omit<DroppedOptions, 'title'>
  /** Bounds of the furniture pass over Readability's article element. */
  prune?: PruneOptions
}

/** Clean text, removed pieces, the page's metadata and which extractor produced the text. */
export interface HtmlExtraction {
  text: string
  /** Pieces taken out of the extracted article (bylines, captions, notices): they describe it. */
  removed: RemovedPiece[]
  /**
   * Page blocks the extractor left out (menus, footers, related boxes, comments). Kept apart:
   * what they say is about the site or other stories, so metadata is not read from them.
   */
  dropped: RemovedPiece[]
  meta: HtmlMeta
  /**
   * `thread`: Readability kept one post of a forum or Q&A thread, and the whole run of posts is taken; or the page declares a thread and the replies follow the opening post Readability kept (threads.ts).
   * `region`: Readability kept one section of a page whose content is spread over many, and the whole main region is taken (main-region.ts).
   */
  provenance: { text: 'readability' | 'thread' | 'region' | 'fallback' }
}

/** Page chrome the fallback drops before taking text. */
const CHROME = 'nav, header, footer, aside, script, style, noscript, template, form, figure, figcaption, iframe, svg, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]'

/**
 * Boxes a page marks as newsletter or subscription prompts by class or id. Readability keeps them
 * when they sit inside the article's container, and their wording varies too much for text rules.
 */
const PROMO = '[class*="newsletter"], [id*="newsletter"], [class*="signup"], [class*="sign-up"], [id*="signup"], [class*="subscribe-box"], [class*="subscription-prompt"]'
/** A box longer than this is not a prompt (a class name on a whole column); it is left alone. */
const MAX_PROMO_CHARS = 600

/** Class or id words of the prompt boxes {@link PROMO} selects. */
const PROMO_WORDS = /newsletter|signup|sign-up|subscribe-box|subscription-prompt/

/**
 * Takes newsletter prompts out of the document before Readability reads it (the page walk has
 * already listed their text). A box too long, or holding the article, is a mislabelled column.
 */
function removePromos(boxes: readonly DomElement[]): void {
  for (const box of boxes) {
    const words = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`
    if (!PROMO_WORDS.test(words)) continue
    if ((box.textContent ?? '').length > MAX_PROMO_CHARS || box.querySelector('article, main, h1')) continue
    box.remove()
  }
}

/** Modal dialogs (consent banners, sign-in and paywall prompts): what they hold is never the page's text. */
const DIALOGS = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]'

/** Markup that may hold one of {@link DIALOGS}. */
const MAY_HAVE_DIALOG = /dialog|aria-modal/i

/** A dialog with more than this share of the page's text holds the page (an unclosed modal swallows what follows it). */
const MAX_DIALOG_SHARE = 0.5

/**
 * Takes modal dialogs out before Readability reads the page: on a page with no one long article
 * (a section front, a listing) a consent banner's paragraphs can outscore everything else. A
 * dialog that holds an `<article>`, `<main>` or `<h1>`, or most of the page's text, is the page itself
 * (in an overlay, or inside a modal the markup never closed), and stays.
 */
function removeDialogs(document: DomDocument): void {
  const dialogs = Array.from(document.querySelectorAll(DIALOGS))
  if (dialogs.length === 0) return
  const pageChars = (document.body?.textContent ?? '').length
  for (const dialog of dialogs) {
    if (dialog.querySelector('article, main, h1') || (dialog.textContent ?? '').length > MAX_DIALOG_SHARE * pageChars) continue
    dialog.remove()
  }
}

/** Class or id words of collapsible panels (an FAQ's answers, a product's details): closed, not hidden for good. */
const PANEL = /accordion|collaps/i
const HIDING = '[hidden], [aria-hidden="true"], [style*="none"]'
const DISPLAY_NONE = /display\s*:\s*none\s*;?/gi
const DISPLAY_NONE_ONCE = /display\s*:\s*none/i

/**
 * Opens closed collapsible panels: a reader opens them with a click, and what they hold is the
 * page's content, which Readability (like the page walk) skips while it is marked hidden.
 */
function openPanels(document: DomDocument): void {
  // The panels a toggle button opens (`aria-controls`): hidden from screen readers alone, only these are closed panels.
  const toggled = new Set<string>()
  for (const toggle of Array.from(document.querySelectorAll('[aria-controls]'))) for (const id of (toggle.getAttribute('aria-controls') ?? '').split(/\s+/)) toggled.add(id)
  for (const element of Array.from(document.querySelectorAll(HIDING))) {
    if (!PANEL.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) continue
    const hiddenAriaOnly = element.getAttribute('hidden') === null && !DISPLAY_NONE_ONCE.test(element.getAttribute('style') ?? '')
    if (hiddenAriaOnly && !toggled.has(element.getAttribute('id') ?? '')) continue
    element.removeAttribute('hidden')
    element.removeAttribute('aria-hidden')
    const style = element.getAttribute('style')
    if (style) element.setAttribute('style', style.replace(DISPLAY_NONE, ''))
  }
}

export { pruneMarkup } from './markup.js'

/**
 * linkedom's document of `html`. A fragment without `<html>` or `<body>` (text with tags in it, a
 * few paragraphs) leaves linkedom with no root element or its first tag as the root, and the text
 * outside the body (Readability then fails on it): it is read inside `<html><body>` instead.
 */
function parseDocument(html: string): { document: DomDocument } {
  const parsed = linkedom().parseHTML(html) as unknown as { document: DomDocument }
  if (parsed.document.documentElement?.tagName === 'HTML') return parsed
  return linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: DomDocument }
}

function assertWithinTree(document: DomDocument, limits: IngestLimits): void {
  const root = document.documentElement
  if (!root) return
  const { elements, depth } = measureTree(root, limits.maxElements, limits.maxDepth)
  if (elements > limits.maxElements) {
    throw new InputError('limit', `page has more than ${limits.maxElements} elements (maxElements)`)
  }
  if (depth > limits.maxDepth) throw new InputError('limit', `page nests deeper than ${limits.maxDepth} elements (maxDepth)`)
}

/** What Readability found: the article's blocks and its own reading of byline, site and date. */
interface ReadabilityResult {
  blocks: TextBlock[] | null
  /** Furniture cut from inside the article's container (menus, captions, share bars, link lists). */
  pruned: RemovedPiece[]
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

/** Most elements (after pruning) a page may have for Readability to read it; the 181 AEB news pages have 650 (median) to 1,522. */
const READABILITY_MAX_ELEMENTS = 10_000
const NOTHING_FOUND: ReadabilityResult = { blocks: null, pruned: [], byline: null, siteName: null, publishedTime: null }

/** Runs Readability (it rewrites the document it reads). */
function runReadability(document: DomDocument, maxElements: number, prune: PruneOptions = {}): ReadabilityResult {
  // Readability's types name the DOM lib's Document; linkedom's document is that at run time.
  // The serializer hands back the content element itself, sparing a serialise-and-parse round trip.
  const reader = new (readability().Readability)<DomElement>(document as never, {
    maxElemsToParse: maxElements,
    // Classes stay so that the furniture pass can read what the page calls each box.
    keepClasses: true,
    serializer: (node) => node as unknown as DomElement,
  })
  const article = reader.parse()
  const pruned = article?.content ? pruneContent(article.content, prune) : []
  return {
    blocks: article?.content ? collectBlocks(article.content) : null,
    pruned,
    byline: article?.byline?.trim() || null,
    siteName: article?.siteName?.trim() || null,
    publishedTime: article?.publishedTime?.trim() || null,
  }
}

/**
 * Readability's finding, or nothing when it fails on the tree: on some malformed pages its
 * candidate walk leaves the document (a TypeError inside Readability), and the structural
 * fallback then reads the page, as it does when Readability finds too little.
 */
function readOrNothing(document: DomDocument, maxElements: number, prune?: PruneOptions): ReadabilityResult {
  try {
    return runReadability(document, maxElements, prune)
  } catch (error) {
    if (error instanceof TypeError) return NOTHING_FOUND
    throw error
  }
}

/** Fills what the page's tags left open with Readability's own findings (its byline heuristics). */
function withReadabilityMeta(meta: HtmlMeta, found: ReadabilityResult): HtmlMeta {
  const publishedAt = normaliseDate(found.publishedTime)
  return {
    ...meta,
    authors: meta.authors ?? (found.byline ? { value: [found.byline], from: 'html:readability-byline' } : null),
    siteName: meta.siteName ?? (found.siteName ? { value: found.siteName, from: 'html:readability' } : null),
    publishedAt: meta.publishedAt ?? (publishedAt ? { value: publishedAt, from: 'html:readability' } : null),
  }
}

/** Text of <article>, <main> or <body> with navigation, header, footer, asides and captions removed. */
function fallbackBlocks(html: string): TextBlock[] {
  const { document } = parseDocument(html)
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body
  if (!root) return []
  for (const element of Array.from(root.querySelectorAll(`${CHROME}, ${PROMO}`))) element.remove()
  return collectBlocks(root)
}

function blockChars(blocks: TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + (block.kind === 'paragraph' || block.kind === 'list-item' ? block.text.length : 0), 0)
}

/**
 * Headings of boxes about other stories, not sections of this one, and the labels a blog sets in
 * heading markup around a post ("12 Comments", "Leave a Reply", "Posted in ...", "About the
 * author", "Follow us", "Image credit: ...").
 */
const OFF_TOPIC_HEADING = /^(?:related\b|more (?:on|from|about|stories|news|like this)\b|read (?:more|next|also)\b|see also\b|also read\b|recommended\b|you (?:may|might) (?:also )?like\b|most (?:read|popular|viewed|shared)\b|trending\b|top stories\b|latest (?:news|stories)\b|further reading\b|up next\b|(?:share|comments?|\d+ comments?|leave a (?:reply|comment)|join the (?:conversation|discussion)|advertisement|sponsored|posted in|about the author|follow us|(?:image|photo) credit)\b)/i
const NEWSLETTER_HEADING = /^(?:sign up|subscribe|newsletters?\b|get (?:our|the) .{0,40}(?:newsletter|briefing)|don[’']?t miss)/i
const WORDY = /\p{L}{2}/u
/** Longest heading (in words) kept as a section title. */
const MAX_HEADING_WORDS = 20
/**
 * Heading levels kept in the text as their own paragraphs: the article's section headings, down to
 * the h5 and h6 that name the cards of a feature grid or the entries of a service page (WCXB odd
 * pages 0.8570 -> 0.8572, even pages 0.8483 -> 0.8487; AEB and readability-pages unchanged). An h1
 * after the headline is most often a second copy of it.
 */
const KEPT_HEADING_LEVELS = new Set([2, 3, 4, 5, 6])
/**
 * Heading levels that blogs and news pages also use for labels ("Posted in ...", "About the
 * author", a picture's credit): kept only as the heading of a section, with a paragraph after it.
 */
const LABEL_HEADING_LEVELS = new Set([5, 6])

/** Where a heading sits among the text's blocks. */
interface HeadingPlace {
  /** The next block is a paragraph or a list item. */
  beforeProse: boolean
  /** Next to another heading (the headline aside), with no paragraph between them. */
  inRun: boolean
  /** No paragraph or list item comes after it. */
  afterLastProse: boolean
}

/**
 * Ends as a sentence does: a paragraph-long heading so ending is prose set in heading markup (a
 * landing page's intro, a testimonial, a forum post's opening lines), where a slide's caption or a
 * teaser ends without a stop.
 */
const SENTENCE_END = /[.!?…]["'”’)]?$/

/** Why a heading leaves the text, or null when it stays as a paragraph. */
function headingReason(block: TextBlock, isTitle: boolean, place: HeadingPlace): string | null {
  if (isTitle) return 'title'
  // Counters and symbols ("1 / 5", "***") are slideshow marks, and a paragraph-long "heading" is a
  // slide's caption or a teaser: neither is a section title.
  if (!WORDY.test(block.text)) return 'section-heading'
  const prose = block.text.split(' ').length > MAX_HEADING_WORDS
  if (prose && !SENTENCE_END.test(block.text)) return 'section-heading'
  // A teaser may end as a sentence does too: in a card, beside the card's title or another
  // teaser, and in the grid of cards after the article's last paragraph.
  if (prose && (place.inRun || place.afterLastProse)) return 'section-heading'
  if (NEWSLETTER_HEADING.test(block.text)) return 'newsletter'
  if (OFF_TOPIC_HEADING.test(block.text)) return 'related-headline'
  if (!prose && LABEL_HEADING_LEVELS.has(block.level ?? 0) && !place.beforeProse) return 'section-heading'
  return prose || KEPT_HEADING_LEVELS.has(block.level ?? 0) ? null : 'section-heading'
}

function isProse(block: TextBlock | undefined): boolean {
  return block !== undefined && (block.kind === 'paragraph' || block.kind === 'list-item')
}

/**
 * Section headings (h2-h6, an h5 or h6 only before a paragraph) stay as paragraphs of their own;
 * the headline leaves as `title`, the headings of related-story and newsletter boxes with their
 * reason. List items keep a bullet so
 * that the plain-text pass neither joins them nor takes them for headings.
 */
function blocksToLines(blocks: TextBlock[], title: string | null): { lines: string[]; removed: RemovedPiece[] } {
  const lines: string[] = []
  const removed: RemovedPiece[] = []
  let titleSeen = false
  let lastProse = -1
  for (let i = 0; i < blocks.length; i++) if (isProse(blocks[i])) lastProse = i
  let previousIsTitle = false
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    if (block.kind === 'heading') {
      // The first heading before any paragraph, or one repeating the page title, is the headline.
      const isTitle: boolean = block.text === title || (!titleSeen && lines.length === 0 && block.level === 1)
      titleSeen ||= isTitle
      const place: HeadingPlace = {
        beforeProse: isProse(blocks[i + 1]),
        inRun: blocks[i + 1]?.kind === 'heading' || (blocks[i - 1]?.kind === 'heading' && !previousIsTitle),
        afterLastProse: i > lastProse,
      }
      previousIsTitle = isTitle
      const reason = headingReason(block, isTitle, place)
      if (reason) removed.push({ text: block.text, reason })
      else lines.push(block.text)
    }
    else if (block.kind === 'caption') removed.push({ text: block.text, reason: 'caption' })
    else if (block.kind === 'table-row') lines.push(`${TABLE_ROW_MARK}${block.text}`)
    else lines.push(block.kind === 'list-item' ? `• ${block.text}` : block.text)
  }
  return { lines, removed }
}

/**
 * Extracts the article text and metadata of an HTML page. Paragraphs are separated by `\n\n`.
 * Throws `InputError('limit')` when the page has more elements or deeper nesting than allowed
 * (estimated on the markup before it is parsed, then measured on the tree).
 * @example extractHtml('<html><body><article><p>Putin met Witkoff.</p></article></body></html>').text
 */
export function extractHtml(html: string, options: HtmlOptions = {}): HtmlExtraction {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const minChars = options.minReadabilityChars ?? 200
  const deadline = pageDeadline(limits)
  // Refused before the tree is built (and before streamed segments are moved): linkedom's time
  // and memory grow with what it is given.
  const plain = pruneMarkup(html, { streamed: false })
  assertMarkupWithin(plain, limits)
  deadline.check('pruning')
  const streamed = inlineStreamedSegments(html)
  const pruned = streamed === html ? plain : pruneMarkup(streamed, { streamed: false })
  const counts = assertMarkupWithin(pruned, limits)
  const { document } = parseDocument(pruned)
  deadline.check('parsing')
  assertWithinTree(document, limits)
  // One parse serves all readers, in this order, because Readability rewrites the document it
  // reads: page metadata, the page's blocks (to list what is left out), runs of sibling posts, the
  // main region, newsletter boxes and dialogs out, then Readability itself.
  if (PANEL.test(pruned)) openPanels(document)
  const pageMeta = readHtmlMeta(document)
  const boxes: DomElement[] = []
  const page = document.body ? collectPageBlocks(document.body, { newsletterBoxes: boxes }) : []
  const runs = document.body ? findPostRuns(document.body) : []
  const region = document.body ? findMainRegion(document.body) : null
  removePromos(boxes)
  // The selector search costs more than a scan of the markup, and most pages have no dialog.
  if (MAY_HAVE_DIALOG.test(pruned)) removeDialogs(document)
  deadline.check('reading the page blocks')
  // Readability's passes grow faster than the page (32,000 inline elements: over 10 s on a busy machine); past
  // READABILITY_MAX_ELEMENTS the structural fallback, linear in the page, reads it instead.
  const found = counts.elements <= READABILITY_MAX_ELEMENTS ? readOrNothing(document, limits.maxElements, options.prune) : NOTHING_FOUND
  deadline.check('Readability')
  const meta = withReadabilityMeta(pageMeta, found)
  let blocks = found.blocks
  let source: HtmlExtraction['provenance']['text'] = 'readability'
  const thread = blocks ? threadContent(blocks, runs) : null
  if (thread) {
    blocks = thread
    source = 'thread'
  }
  const whole = !thread && blocks && region ? regionContent(blocks, region, { dated: meta.publishedAt !== null, thread: runs.length > 0 }) : null
  if (whole) {
    blocks = whole
    source = 'region'
  }
  // Last of the widenings: a page that says it is a thread keeps the replies after its opening post.
  const replies = source === 'readability' && blocks && runs.length > 0 && declaresThread(pruned) ? withReplies(blocks, runs) : null
  if (replies) {
    blocks = replies
    source = 'thread'
  }
  if (!blocks || blockChars(blocks) < minChars) {
    blocks = (region && regionFallback(region, runs, minChars)) ?? fallbackBlocks(pruned)
    source = 'fallback'
    deadline.check('the fallback extractor')
  }
  const title = meta.title?.value ?? null
  const dropped = listDroppedBlocks(page, blocks, { ...options.dropped, title })
  // Posts' header and footer lines go on a thread page (read as one, or declared), not under an article's comments.
  const filtered = filterBlocks(blocks, { pageUrl: meta.url?.value, shopPage: isShopPage(page.map((block) => block.text)), dropCopies: runs.length > 0, postMeta: source === 'thread' || (runs.length > 0 && declaresThread(pruned)) })
  const { lines, removed } = blocksToLines(filtered.blocks, title)
  const cleaned = removeBoilerplate(lines.join('\n'), {
    detectTitle: false,
    detectHeadings: false,
    joinBrokenLines: false,
    detectOtherHeadlines: false,
    knownTitle: title,
  })
  return {
    text: cleaned.text,
    removed: [...(source === 'readability' ? found.pruned : []), ...filtered.removed, ...removed, ...cleaned.removed],
    dropped,
    meta,
    provenance: { text: source },
  }
}
