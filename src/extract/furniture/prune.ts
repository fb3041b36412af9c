/**
 * Second pass over the element Readability chose: it keeps whatever sits inside the article's
 * container, so menus, captions, share bars, related-story boxes and link lists that live there
 * survive it. Order: containers the page itself names (class, id, role) as furniture, then lists
 * made of links, each only when it is a small part of the article (a class word on a whole column
 * is a mislabel, not furniture). What is cut is returned with its reason, for provenance.
 */
import type { RemovedPiece } from '../../types.js'
import { ELEMENT_NODE, type DomElement, type DomNode } from '../dom.js'
import { furnitureReason } from './furniture.js'
import { containerReason, inRunningText } from './page-furniture.js'

/** Options for {@link pruneContent}. */
export interface PruneOptions {
  /** Largest share of the article's characters one removed container may hold. */
  maxShare?: number
  /** Share of a list's characters inside links above which it is a link list, not prose. */
  maxListLinkDensity?: number
  /** Fewest items a link list has (two links in a list can be the article's own references). */
  minListItems?: number
}

const DEFAULT_MAX_SHARE = 0.3
const DEFAULT_MAX_LIST_LINK_DENSITY = 0.8
const DEFAULT_MIN_LIST_ITEMS = 3

/**
 * Container reasons that mean "not this article's text". Bylines and date stamps are cut too: the
 * metadata readers find them among the removed pieces.
 */
const CUT = new Set([
  'newsletter', 'comment-notice', 'share-bar', 'advertisement', 'photo-credit', 'caption',
  'related-headline', 'navigation', 'footer', 'topic-tags', 'byline', 'dateline-stamp',
])
/** ARIA roles of menus: a site menu repeated inside the article's container. */
const MENU_ROLES = new Set(['menu', 'menubar', 'menuitem', 'navigation', 'tablist'])
const LISTS = new Set(['UL', 'OL'])
/** Hover cards and tooltips: a link's pop-up copy of other stories, hidden until pointed at. */
const POPUP = /rollover|tooltip|popover|hover-?card/i
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i
const SPACES = /\s+/g

function textLength(node: DomNode): number {
  return (node.textContent ?? '').replace(SPACES, ' ').trim().length
}

/** Characters inside `<a>` elements under `element`. */
function linkChars(element: DomElement): number {
  let sum = 0
  for (const link of Array.from(element.querySelectorAll('a'))) sum += textLength(link)
  return sum
}

/** Why a list is made of links (site sections, other stories), or null when it is prose. */
function linkListReason(list: DomElement, options: Required<PruneOptions>): string | null {
  let items = 0
  for (let child = list.firstElementChild; child; child = child.nextElementSibling) if (child.nodeName.toUpperCase() === 'LI') items++
  if (items < options.minListItems) return null
  const total = textLength(list)
  return total > 0 && linkChars(list) / total >= options.maxListLinkDensity ? 'navigation' : null
}

/** Why an element inside the article is furniture, or null. */
function furnitureOf(element: DomElement, options: Required<PruneOptions>): string | null {
  if (element.hasAttributes()) {
    const role = element.getAttribute('role')
    if (role && MENU_ROLES.has(role)) return 'navigation'
    const style = element.getAttribute('style')
    if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true' || (style && HIDDEN_STYLE.test(style))) return 'hidden'
    if (POPUP.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) return 'hidden'
  }
  const reason = containerReason(element)
  if (reason && CUT.has(reason) && !inRunningText(element, reason)) return reason
  return LISTS.has(element.nodeName.toUpperCase()) ? linkListReason(element, options) : null
}

/** Most words of a paragraph that is one link to another story. */
const MAX_LINK_PARAGRAPH_WORDS = 20
/** A short label before links to other stories ("On Example.com:", "You may also like..."). */
const LINK_LABEL = /^[^.!?]{1,40}(?::|\.\.\.|…)$|^(?:related|more|read more|see also|also read|you (?:may|might) also like)\b/i

/** Words and link share of a paragraph, and the text before its first link. */
function linkShape(p: DomElement): { words: number; density: number; label: string } {
  const text = (p.textContent ?? '').replace(SPACES, ' ').trim()
  const first = p.querySelector('a')
  const linkText = first ? (first.textContent ?? '').replace(SPACES, ' ').trim() : ''
  const at = linkText ? text.indexOf(linkText) : -1
  return {
    words: text ? text.split(' ').length : 0,
    density: text ? linkChars(p) / text.length : 0,
    label: at > 0 ? text.slice(0, at).trim() : '',
  }
}

/**
 * Paragraphs that are links to other stories: a labelled one ("On Example.com: <a>headline</a>"),
 * or two or more link-only paragraphs in a row, with the label paragraph before them. A single
 * link-only paragraph may be the article's own reference ("[Source]") and stays.
 */
function cutLinkParagraphs(root: DomElement, removed: RemovedPiece[]): void {
  const run: DomElement[] = []
  const flush = (): void => {
    if (run.length >= 2) {
      const label = run[0].previousElementSibling
      if (label && label.nodeName.toUpperCase() === 'P' && LINK_LABEL.test((label.textContent ?? '').trim())) run.unshift(label)
      for (const p of run) cut(p, 'related-headline', removed)
    }
    run.length = 0
  }
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const shape = linkShape(p)
    const linkOnly = shape.words > 0 && shape.words <= MAX_LINK_PARAGRAPH_WORDS && shape.density >= 0.9
    if (!linkOnly) flush()
    if (linkOnly && (run.length === 0 || run[run.length - 1].nextElementSibling === p)) run.push(p)
    else if (linkOnly) {
      flush()
      run.push(p)
    } else if (shape.words <= MAX_LINK_PARAGRAPH_WORDS && shape.density >= 0.5 && LINK_LABEL.test(shape.label)) cut(p, 'related-headline', removed)
  }
  flush()
}

/**
 * Class words that only say where a box sits in the article's head: what the text itself is
 * ("Contact X at x@outlet.example" in an `author-contact` box) names it more exactly, and the
 * metadata readers rely on that name.
 */
const WEAK = new Set(['byline', 'dateline-stamp'])

function cut(element: DomElement, reason: string, removed: RemovedPiece[]): void {
  const text = (element.textContent ?? '').replace(SPACES, ' ').trim()
  if (text) removed.push({ text, reason: (WEAK.has(reason) && furnitureReason(text)) || reason })
  element.remove()
}

/**
 * Removes furniture containers from Readability's article element, in place, and returns what was
 * removed. The root itself is never removed.
 */
export function pruneContent(root: DomElement, options: PruneOptions = {}): RemovedPiece[] {
  const settings: Required<PruneOptions> = {
    maxShare: options.maxShare ?? DEFAULT_MAX_SHARE,
    maxListLinkDensity: options.maxListLinkDensity ?? DEFAULT_MAX_LIST_LINK_DENSITY,
    minListItems: options.minListItems ?? DEFAULT_MIN_LIST_ITEMS,
  }
  const budget = textLength(root) * settings.maxShare
  const removed: RemovedPiece[] = []
  const visit = (element: DomElement): void => {
    let child = element.firstElementChild
    while (child) {
      const next = child.nextElementSibling
      const reason = child.nodeType === ELEMENT_NODE ? furnitureOf(child, settings) : null
      const length = reason ? textLength(child) : 0
      if (reason && length <= budget) cut(child, reason, removed)
      else visit(child)
      child = next
    }
  }
  visit(root)
  cutLinkParagraphs(root, removed)
  return removed
}
