/**
 * Furniture among an HTML article's blocks that no container names: widget labels repeated down
 * the page ("Share Tweet Email" under every picture), control words of slideshows and players,
 * "Updated ...; Posted ..." stamps, "By Name - date" lines, captions ending in "(Image: Agency)"
 * and teaser lines tagged "[VIDEO]". Works on whole blocks, which in HTML are exact paragraphs,
 * so it can be stricter than the plain-text pass, which has to guess where lines belong.
 */
import type { RemovedPiece } from '../../types.js'
import type { TextBlock } from '../dom.js'

/** Options for {@link filterBlocks}. */
export interface BlockFilterOptions {
  /** A short block seen this many times in one article is a repeated widget label. */
  minRepeats?: number
  /** Longest block (in words) counted as a repeated widget label. */
  maxRepeatWords?: number
  /** The page's own address (canonical or og:url): a paragraph repeating it is furniture. */
  pageUrl?: string | null
  /** The page holds a run of posts: drop copies of a paragraph kept earlier (replies quote the posts above). */
  dropCopies?: boolean
  /**
   * The text is a thread of posts: drop the posts' header and footer lines (counts, stamps,
   * controls). Not on an article with a comment section, whose short lines are its own.
   */
  postMeta?: boolean
  /**
   * The page is a shop page ({@link isShopPage} over all its blocks, read before the article was
   * chosen): its shop controls leave the text. Without it, the article's own blocks are counted.
   */
  shopPage?: boolean
}

const DEFAULT_MIN_REPEATS = 3
const DEFAULT_MAX_REPEAT_WORDS = 6
/**
 * A paragraph or list item at least this long that repeats one kept earlier is a copy: a reply
 * quoting the post above it, a section a page renders twice (once per screen size).
 */
const MIN_COPY_CHARS = 40

/** Words of slideshow, player and page controls standing alone in a block. */
const CONTROL = /^(?:advert(?:isement)?|ad|caption|close|expand|enlarge|hide caption|toggle caption|image \d+ of \d+|\d+ of \d+|this slideshow requires javascript\.?|(?:photo|video|image) gallery|tags|topics|comments?|share|tweet|e-?mail|print|(?:play|watch) video|replay|loading\W*|next|previous|prev)\W*$/i
/**
 * A shop's controls and counters standing alone: sorting and quantity pickers, buttons ("Add to
 * cart", "Shop now", "View all"), a card's "Sold out" badge and review count, a reading-time stamp.
 * Prices and stock notes stay: the text of a product page often keeps them. Dropped only on a shop
 * page ({@link MIN_SHOP_CONTROLS}) and never as a heading: a review's "Sold out" line, a "Sold out"
 * section or a "12 reviews" line in an article is the article's. A "Sponsored" label is no
 * control: it tells the reader that the copy beside it is paid for, and stays with it.
 */
const SHOP_CONTROL = /^(?:\(?\d[\d,]*\)?\s*(?:reviews?|ratings?)|sort(?: by| and filter)?:?|quantity:?|qty:?|unit price(?: per)?|\d+ min(?:ute)? read|view all|shop now|click to expand|add to (?:cart|bag|basket|wishlist)|sold out)$/i
/** Figures, brackets and a closing colon, which differ between copies of one shop control ("12 reviews", "(3) reviews"). */
const SHOP_CONTROL_NOISE = /[\d,()]+|:\s*$/g
/**
 * Different shop controls (after {@link SHOP_CONTROL_NOISE}) among a text's blocks that make it a
 * shop page: a card grid has a sort picker, a review count, a badge and a button, where an
 * article holds one of them at most ("Sold out" under a review, a post's "5 min read").
 */
const MIN_SHOP_CONTROLS = 2

/**
 * A shop page: {@link MIN_SHOP_CONTROLS} different shop controls among its blocks. Counted over the
 * whole page, since a grid's sort picker and buttons often lie outside the part that is kept.
 */
export function isShopPage(texts: Iterable<string>): boolean {
  const controls = new Set<string>()
  for (const text of texts) {
    if (text.length > 40 || !SHOP_CONTROL.test(text)) continue
    controls.add(text.toLowerCase().replace(SHOP_CONTROL_NOISE, '').trim())
    if (controls.size >= MIN_SHOP_CONTROLS) return true
  }
  return false
}
/** "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM": stamps made of update/post words and a time. */
const STAMP = /^(?:(?:last )?(?:updated|posted|published|modified|created)(?: on| at)?:?\s+(?:[^;|]{3,40}?\d[^;|]{0,30}|(?:about |an? |\d+ )?(?:minute|hour|day|week|month)s? ago|yesterday|today)[;|]?\s*){1,3}$/i
/** "By Jane Doe - 11/18/19 11:04 PM EST": a byline run into its time stamp. */
const BYLINE_STAMP = /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}?(?:\s*[-–—|,]\s*[\d\p{L}/:., ]{4,40}|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}.{0,20}|\s+\d{1,2}\/\d{1,2}\/\d{2,4}.{0,20})$/iu
/** A caption ending in its credit: "... (Image: GETTY )", "... (Photo: Agency)". */
const CREDITED_CAPTION = /\((?:image|photo|picture|pictured|photograph|credit|source|video)s?\s*:\s*[^)]{1,60}\)\s*$/i
/** A teaser for another story tagged in capitals: "Headline [VIDEO]", "Headline [INSIGHT]|". */
const TAGGED_TEASER = /\[[\p{Lu} ]{3,20}\]\s*\|?\s*$/u
/** A label introducing a teaser: "SEE MORE: Other headline", "DON'T MISS". */
const TEASER_LABEL = /^(?:see more|read more|more|read next|also read|don['’]t miss|must read|recommended)\b\s*(?::.{0,160}|\W*)$/i

/** Scheme, `www.` and trailing slash, which differ between copies of one address. */
const URL_NOISE = /^(?:https?:\/\/)?(?:www\.)?|[/#?]+$/gi

function sameUrl(a: string, b: string): boolean {
  return a.replace(URL_NOISE, '') === b.replace(URL_NOISE, '')
}
/** Cookie consent banners. */
const COOKIE_NOTICE = /\b(?:uses? cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b/i
/** Unrendered CMS shortcodes: "[button link=...]Label[/button]". */
const SHORTCODE = /\[\/?[a-z_]+(?:\s+[a-z_]+=[^\]]*)?\]/

/** Longest line read as a post's header or footer. */
const MAX_POST_META_CHARS = 60
/**
 * Words of the lines forum and Q&A software sets around each post: counts of posts, replies,
 * views and reputation, badges, stamps ("answered Jul 7, 2012 at 3:07", "Joined: Mar 2016",
 * "Edited ... by ..."), and controls ("Improve this answer", "Quote", "Reply").
 */
const POST_META_WORD = /^(?:answered|asked|edited|commented|modified|posted|joined?|date|posts?|replies|reply|views?|reputation|points?|badges?|gold|silver|bronze|likes?|reactions?|messages?|score|votes?|members?|registered|user|author|location|link|permalink|quote|share|follow|flag|improve|this|answer|question|edit|by|at|on|ago|yrs?|k|m|st|nd|rd|th|am|pm|utc|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d[\d.,:km]*)$/
const DIGIT_START = /^\d/
/** A post's controls, a line of them alone ("Share Improve this answer Follow"). */
const POST_CONTROLS = /^(?:(?:improve|this|answer|question|share|follow|flag|quote|reply|report|permalink|link|edit)\W*)+$/i
/**
 * What makes a line a post's header or footer and not a short sentence of words it shares ("Question
 * 3", "Edit: this worked"): a stamp ("Jul 7, 2012", "3:07", "5 days ago", "7/7/12") or a count
 * ("12 replies", "Posts: 1,204").
 */
const POST_STAMP_OR_COUNT = new RegExp([
  String.raw`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d`,
  String.raw`\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`,
  String.raw`\b\d{1,2}:\d{2}\b`,
  String.raw`\b\d{1,2}/\d{1,2}/\d{2,4}\b`,
  String.raw`\b\d{4}-\d{2}-\d{2}\b`,
  String.raw`\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\s+ago\b`,
  String.raw`\b\d[\d.,]*\s*[km]?\s+(?:posts?|replies|reply|views?|points?|likes?|reactions?|messages?|members?|votes?|badges?|answers?|comments?)\b`,
  String.raw`\b(?:posts?|replies|views?|reputation|points?|likes?|reactions?|messages?|joined|registered)\s*:?\s*\d`,
].join('|'), 'i')
const META_TOKEN = /[\p{L}\p{N}]+(?:[.,:][\p{L}\p{N}]+)*/gu

/**
 * A post's header or footer line: short, a line of controls alone, or one with a stamp or a count
 * made mostly of counts, stamps and control words (one of them a word, not a figure), with at
 * most one other word (the poster's name: "Edited April 18, 2024 by Sam"). A line of names alone
 * ("Kyung Lee"), a short reply ("Thanks, that worked", "Edit: this worked"), a label with a
 * number ("Section 3", "Question 3") or a result ("Final score: 3-1") stays.
 */
function isPostMeta(text: string): boolean {
  if (text.length > MAX_POST_META_CHARS) return false
  if (POST_CONTROLS.test(text)) return true
  if (!POST_STAMP_OR_COUNT.test(text)) return false
  const tokens = text.toLowerCase().match(META_TOKEN) ?? []
  let meta = 0
  let words = 0
  for (const token of tokens) {
    if (!POST_META_WORD.test(token)) continue
    meta++
    if (!DIGIT_START.test(token)) words++
  }
  const other = tokens.length - meta
  // Figures alone are a price or a table's cell as often as a post's vote count.
  return words > 0 && meta > other && other <= 1
}

/** Why a block is furniture on its own, or null. */
function blockReason(block: TextBlock, shop: boolean): string | null {
  const text = block.text
  if (text.length > 240) return null
  if (CONTROL.test(text) || (shop && block.kind !== 'heading' && SHOP_CONTROL.test(text))) return 'page-control'
  if (COOKIE_NOTICE.test(text)) return 'cookie-notice'
  if (SHORTCODE.test(text) && /\[\/[a-z_]+\]/.test(text)) return 'shortcode'
  if (STAMP.test(text)) return 'dateline-stamp'
  if (BYLINE_STAMP.test(text)) return 'byline'
  if (CREDITED_CAPTION.test(text)) return 'caption'
  if (TAGGED_TEASER.test(text) || TEASER_LABEL.test(text)) return 'related-headline'
  return null
}

/**
 * Widget labels are names and commands in title case ("Whatsapp Facebook Pin"), never a phrase
 * with numbers or lower-case words: repeated table cells and recipe steps are article text.
 */
const WIDGET_LABEL = /^\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)*$/u

function isWidgetLabel(text: string, maxWords: number): boolean {
  return text.split(' ').length <= maxWords && WIDGET_LABEL.test(text)
}

/**
 * Splits an article's blocks into the kept ones and the furniture, in order: repeated widget
 * labels first (counted over the whole article), then copies of a paragraph kept earlier, then
 * each block's own shape.
 */
export function filterBlocks(blocks: readonly TextBlock[], options: BlockFilterOptions = {}): { blocks: TextBlock[]; removed: RemovedPiece[] } {
  const minRepeats = options.minRepeats ?? DEFAULT_MIN_REPEATS
  const maxWords = options.maxRepeatWords ?? DEFAULT_MAX_REPEAT_WORDS
  const counts = new Map<string, number>()
  for (const block of blocks) if (isWidgetLabel(block.text, maxWords)) counts.set(block.text, (counts.get(block.text) ?? 0) + 1)
  const shop = options.shopPage ?? isShopPage(blocks.map((block) => block.text))
  const kept: TextBlock[] = []
  const removed: RemovedPiece[] = []
  const seen = new Set<string>()
  for (const block of blocks) {
    const repeated = (counts.get(block.text) ?? 0) >= minRepeats
    const ownUrl = options.pageUrl ? sameUrl(block.text, options.pageUrl) : false
    const prose = block.kind === 'paragraph' || block.kind === 'list-item'
    const copy = options.dropCopies === true && prose && block.text.length >= MIN_COPY_CHARS && seen.has(block.text)
    const postMeta = options.postMeta === true && block.kind !== 'table-row' && isPostMeta(block.text)
    const reason = repeated ? 'share-bar' : ownUrl ? 'url' : copy ? 'duplicate' : postMeta ? 'post-meta' : block.kind === 'caption' || block.kind === 'table-row' ? null : blockReason(block, shop)
    if (reason) removed.push({ text: block.text, reason })
    else {
      kept.push(block)
      if (prose) seen.add(block.text)
    }
  }
  return { blocks: kept, removed }
}
