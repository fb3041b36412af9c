/**
 * Site furniture in scraped plain text ("Skip to Content", photo credits, comment notices, author
 * e-mail lines, ...): classify each line, take out furniture with a reason, then rebuild the
 * paragraphs, joining lines that a scraper broke in the middle of a sentence.
 */
import type { RemovedPiece } from '../../types.js'
import { furnitureReason, isByline, isDateStamp } from './furniture.js'
import { isNamedMasthead, looksLikeMasthead, selfNames } from '../masthead.js'

/** Options for {@link removeBoilerplate}. */
export interface BoilerplateOptions {
  /** Take a headline-shaped first line out as the title (off when the title is known from HTML). */
  detectTitle?: boolean
  /** A title known from metadata: lines equal to it are removed as `title`. */
  knownTitle?: string | null
  /** Lines longer than this are body text: no furniture pattern is tried on them. */
  maxFurnitureChars?: number
  /** Longest line (in words) that may be a section heading such as "What To Know". */
  maxHeadingWords?: number
  /** Take short headline-shaped lines for section labels (off for HTML, whose headings are tagged). */
  detectHeadings?: boolean
  /** Join a line that does not end a sentence to the next (scraped text); off for HTML blocks. */
  joinBrokenLines?: boolean
  /**
   * Take all-caps lines for headlines of other stories (scraped text); off for HTML, where such a
   * line is the article's own tagged heading or shouted text, and teaser boxes are cut by markup.
   */
  detectOtherHeadlines?: boolean
}

/** Clean text (paragraphs separated by a blank line), what was removed and why, and the title line. */
export interface BoilerplateResult {
  text: string
  removed: RemovedPiece[]
  title: string | null
}

const DEFAULTS: Required<Omit<BoilerplateOptions, 'knownTitle'>> = {
  detectTitle: true,
  detectHeadings: true,
  joinBrokenLines: true,
  detectOtherHeadlines: true,
  maxFurnitureChars: 400,
  maxHeadingWords: 10,
}

// No `u` flags in this file: the characters are all in the BMP and Unicode mode is slower.
/** Closing quotes and brackets looked through at a line's end, and the marks that end a sentence. */
const CLOSER_CHARS = '"”’\')]»'
const SENTENCE_END_CHARS = '.!?…'
const OPENERS = '"“‘\'([«'
/** A line that carries on the previous one's sentence: it starts in lower case. */
const CONTINUATION = /^["“‘'(]?[a-z\u00df-\u00ff]/
/** Words a headline or heading does not end with; a line ending so was cut mid-sentence. */
const DANGLING_WORD = /\b(?:the|a|an|and|or|but|that|which|who|of|to|in|on|at|by|for|with|from|as|is|are|was|were|his|her|their|its)$/i
const LIST_MARKER = /^(?:[•·*▪►–—-]\s|\d+[.)]\s)/
const HTML_TEXT = /<br\s*\/?>(.*)$/i
const SPACES = /[ \t\u00a0\u2009\u202f]+/g
/** Spaces SPACES turns into a plain one; most lines have single plain spaces only, each a match. */
const ODD_SPACE = /[\t\u00a0\u2009\u202f]/

/** Runs of spaces (tabs, no-break and thin spaces too) as one plain space. */
function squeezeSpaces(line: string): string {
  return line.includes('  ') || ODD_SPACE.test(line) ? line.replace(SPACES, ' ') : line
}

interface Line {
  text: string
  reason: string | null
  /** A table row from the HTML pass: kept as it is and joined to its neighbours by a line break. */
  row?: boolean
}

/**
 * Starts a line that is a row of the article's own table (HTML pass): no furniture rule applies
 * to it (" | " between cells would read as a menu), and the rows of one table stay one paragraph,
 * a row per line. The record separator never occurs in decoded article text.
 */
export const TABLE_ROW_MARK = '\u001e'

/** True when a line's last word ends a sentence (closing quotes and brackets looked through). */
export function endsSentence(line: string): boolean {
  // By hand: a regex ending in `$` would be tried from every position of the line.
  let i = line.length - 1
  while (i >= 0 && CLOSER_CHARS.includes(line[i])) i--
  return i >= 0 && SENTENCE_END_CHARS.includes(line[i])
}

/** Opening of a new paragraph: an opening quote or bracket, a capital or a digit. */
function startsParagraph(line: string): boolean {
  const c = line[0] ?? ''
  return OPENERS.includes(c) || c !== c.toLowerCase() || (c >= '0' && c <= '9')
}

function wordCount(line: string): number {
  return line.split(' ').length
}

/** Headlines of other stories are short; longer lines are never looked at for capitals. */
const MAX_CAPS_LINE = 200

function isAllCaps(line: string): boolean {
  if (line.length > MAX_CAPS_LINE) return false
  const upperCased = line.toUpperCase()
  const lowerCased = line.toLowerCase()
  if (upperCased.length !== line.length || lowerCased.length !== line.length) return false
  let upper = 0
  let lower = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c !== upperCased.charCodeAt(i)) lower++
    else if (c !== lowerCased.charCodeAt(i)) upper++
  }
  return upper >= 12 && upper >= 9 * lower && wordCount(line) >= 4
}

/** "What To Know": every word longer than three letters is capitalised (a label, not a caption). */
function isTitleCase(line: string): boolean {
  return line.split(' ').every((word) => word.length <= 3 || startsParagraph(word.replace(/^["“‘']/, '')))
}

/** First pass: patterns on each short line (bylines and stamps are case- and token-sensitive). */
function classify(text: string, maxFurnitureChars: number): Line[] {
  const lines: Line[] = []
  for (const raw of text.split('\n')) {
    if (raw.startsWith(TABLE_ROW_MARK)) {
      lines.push({ text: squeezeSpaces(raw.slice(1)).trim(), reason: null, row: true })
      continue
    }
    const line = squeezeSpaces(raw).trim()
    if (!line) continue
    let reason: string | null = null
    if (line.length <= maxFurnitureChars) {
      reason = furnitureReason(line) ?? (isByline(line) ? 'byline' : isDateStamp(line) ? 'dateline-stamp' : null)
    }
    lines.push({ text: line, reason })
  }
  return lines
}

/** Lines searched for the headline above the first byline or date stamp. */
const MAX_HEADER_LINES = 15

/** Index of the first byline or date stamp that has a kept line above it, near the top; -1 if none. */
function headerEnd(lines: Line[]): number {
  let kept = false
  for (let i = 0; i < Math.min(lines.length, MAX_HEADER_LINES); i++) {
    const reason = lines[i].reason
    if (kept && (reason === 'byline' || reason === 'dateline-stamp')) return i
    kept ||= reason === null
  }
  return -1
}

/**
 * Marks the outlet's name printed above the headline as `masthead`: a line the text names its
 * outlet by elsewhere, or one shaped like an outlet name with a headline-shaped line below it.
 */
function markMastheads(candidates: Line[], names: readonly string[]): void {
  for (const line of candidates) if (isNamedMasthead(line.text, names)) line.reason = 'masthead'
  const [first, ...rest] = candidates.filter((l) => l.reason === null)
  if (first && looksLikeMasthead(first.text) && rest.some((l) => isHeadline(l.text))) first.reason = 'masthead'
}

/**
 * The headline: above a byline or date stamp, the first headline-shaped line after the masthead
 * and menus; with no such stamp, the first kept line when it is shaped like a headline.
 */
function markTitle(lines: Line[], knownTitle: string | null | undefined, detect: boolean): void {
  if (knownTitle) {
    const wanted = knownTitle.replace(SPACES, ' ').trim()
    for (const line of lines) if (line.reason === null && line.text === wanted) line.reason = 'title'
    return
  }
  if (!detect) return
  const end = headerEnd(lines)
  const kept = (l: Line) => l.reason === null
  // Without a stamp to bound the header, only the first two kept lines are looked at.
  const header = end >= 0 ? lines.slice(0, end).filter(kept) : lines.slice(0, MAX_HEADER_LINES).filter(kept).slice(0, 2)
  markMastheads(header, selfNames(textsOf(lines, 'copyright'), textsOf(lines, 'author-contact')))
  const candidates = header.filter(kept)
  const line = (end >= 0 ? candidates : candidates.slice(0, 1)).find((l) => isHeadline(l.text))
  const after = line && nextKept(lines)[lines.indexOf(line)]
  if (line && after && !CONTINUATION.test(after.text)) line.reason = 'title'
}

function textsOf(lines: Line[], reason: string): string[] {
  return lines.filter((l) => l.reason === reason).map((l) => l.text)
}

/** Several words, no sentence end, and not cut off after a function word ("... before adding that"). */
function isHeadline(line: string): boolean {
  return !endsSentence(line) && wordCount(line) >= 3 && !/[,:;–—-]$/u.test(line) && !DANGLING_WORD.test(line)
}

/** For each line, the next line not (yet) classified as furniture: one backward pass. */
function nextKept(lines: Line[]): (Line | undefined)[] {
  const next: (Line | undefined)[] = new Array(lines.length)
  let following: Line | undefined
  for (let i = lines.length - 1; i >= 0; i--) {
    next[i] = following
    if (lines[i].reason === null) following = lines[i]
  }
  return next
}

/** Caption text carried in HTML debris (`<i>credit</i><br/>caption`), to recognise its duplicate. */
function captionOf(line: string): string | null {
  return HTML_TEXT.exec(line)?.[1]?.replace(/<[^>]+>/g, '').trim() || null
}

/**
 * Second pass, by line shape and neighbours: all-caps headlines of other stories, captions (after a
 * credit, or repeating one seen in debris), and short headline-shaped section labels.
 */
function classifyByShape(lines: Line[], maxHeadingWords: number, otherHeadlines = true): void {
  const captions = new Set<string>()
  const next = nextKept(lines)
  // Until the first body line, a credit belongs to the lead photo, whose caption may be a sentence.
  let bodySeen = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.reason === 'caption') {
      const caption = captionOf(line.text)
      if (caption) captions.add(caption)
    }
    if (line.reason !== null || line.row) continue
    const heading = isSectionHeading(line.text, next[i]?.text, maxHeadingWords)
    const credited = lines[i - 1]?.reason === 'photo-credit'
    if (captions.has(line.text) || (credited && (isCaptionAfterCredit(line.text, heading) || (!bodySeen && isLeadCaption(line.text))))) {
      line.reason = 'caption'
    } else if (otherHeadlines && isOtherHeadline(line.text)) {
      line.reason = 'related-headline'
    } else if (heading) {
      line.reason = 'section-heading'
    }
    bodySeen ||= line.reason === null
  }
}

/** A sentence end followed by the start of another sentence, inside a line. */
const INNER_SENTENCE_END = /[.!?]["”’)]?\s+["“‘(]?[A-Z]/

/** Under the lead photo's credit, one short sentence is its caption ("Passengers wait on the quay."). */
function isLeadCaption(line: string): boolean {
  return line.length <= MAX_LEAD_CAPTION_CHARS && endsSentence(line) && !INNER_SENTENCE_END.test(line)
}

/** Longest caption line recognised by its place under a photo credit. */
const MAX_CAPTION_CHARS = 300
/** Longest one-sentence caption under the lead photo's credit; body openings run longer. */
const MAX_LEAD_CAPTION_CHARS = 160

/** Under a credit, a line without sentence end is its caption, unless it is a label ("What To Know"). */
function isCaptionAfterCredit(line: string, heading: boolean): boolean {
  return !(heading && isTitleCase(line)) && !endsSentence(line) && line.length <= MAX_CAPTION_CHARS
}

/** An all-caps headline of another story; a shouted quote ("“WE WILL WIN!”") is body text. */
function isOtherHeadline(line: string): boolean {
  return !endsSentence(line) && !OPENERS.includes(line[0]) && isAllCaps(line)
}

/** A short line without sentence end that is followed by a new paragraph (not a sentence's rest). */
function isSectionHeading(line: string, next: string | undefined, maxHeadingWords: number): boolean {
  if (endsSentence(line) || /[,;:–—-]$/u.test(line) || LIST_MARKER.test(line)) return false
  if (wordCount(line) > maxHeadingWords || !startsParagraph(line) || DANGLING_WORD.test(line)) return false
  return next === undefined || startsParagraph(next)
}

/** Kept lines become paragraphs; a line that does not end a sentence runs on into the next one. */
function joinParagraphs(lines: Line[], joinBrokenLines: boolean): string {
  const paragraphs: string[] = []
  let open = false
  let inTable = false
  for (const line of lines) {
    if (line.reason !== null) continue
    if (line.row) {
      if (inTable) paragraphs[paragraphs.length - 1] += `\n${line.text}`
      else paragraphs.push(line.text)
      inTable = true
      open = false
      continue
    }
    inTable = false
    const item = LIST_MARKER.test(line.text)
    if (open && !item && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += ` ${line.text}`
    else paragraphs.push(line.text)
    // List items stand alone: they rarely end with a full stop and are not broken sentences.
    open = joinBrokenLines && !item && !endsSentence(line.text)
  }
  return paragraphs.join('\n\n')
}

/**
 * Takes site furniture out of scraped article text, line by line, each piece with its reason
 * (`navigation`, `photo-credit`, `caption`, `byline`, `comment-notice`, ...; the headline as
 * `title`). Body paragraphs are kept; paragraphs are separated by `\n\n` in the result.
 * @example removeBoilerplate('Skip to Content\nPutin met Witkoff.').text // 'Putin met Witkoff.'
 */
export function removeBoilerplate(text: string, options: BoilerplateOptions = {}): BoilerplateResult {
  const { detectTitle, detectHeadings, joinBrokenLines, maxFurnitureChars, maxHeadingWords, detectOtherHeadlines } = { ...DEFAULTS, ...options }
  const lines = classify(text, maxFurnitureChars)
  // Title before shapes: a short headline would otherwise pass for a section heading.
  markTitle(lines, options.knownTitle, detectTitle)
  classifyByShape(lines, detectHeadings ? maxHeadingWords : 0, detectOtherHeadlines)
  const removed = lines.filter((l) => l.reason !== null).map((l) => ({ text: l.text, reason: l.reason as string }))
  const title = lines.find((l) => l.reason === 'title')?.text ?? null
  return { text: joinParagraphs(lines, joinBrokenLines), removed, title }
}
