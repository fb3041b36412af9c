/**
 * The one word tokenizer: the matches of `[\p{L}\p{N}]+(?:['’]\p{L}+)*` (letters and digits, an
 * apostrophe joining letters on both sides: "o'neill", "don't", "rock'n'roll"), found by a character
 * scan (ASCII by comparison, other characters by a cached class) because the Unicode regex was the
 * clusterer's and fact alignment's single biggest cost. Clustering terms, quote alignment and claim
 * lemmas all read words here. `foldCase` is the one case fold (diacritics dropped) for comparing words.
 *
 * Entity finding reads name-shaped words instead (`nameWordEnd`, `nextNameWordStart`), on purpose:
 * a name keeps its inner hyphen ("Ramos-Horta") and its acronym dots ("U.S."), a number its
 * separators ("1,200", "10:30"), and only Latin, Greek and Cyrillic letters count (the names the
 * entity lexicons know). Reading entities with the plain words would split names the later stages
 * join by their spans.
 */
import type { Span } from '../types.js'

const OTHER = 0
const LETTER = 1
const NUMBER = 2
const IS_LETTER = /^\p{L}$/u
const IS_NUMBER = /^\p{N}$/u
/** Character classes of the Basic Multilingual Plane, filled on first sight (0: not yet known). */
const BMP_CLASS = new Uint8Array(0x10000)

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019
}

function charWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1
}

/** LETTER, NUMBER or OTHER for the code point at `i`. */
function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? LETTER : c >= 0x30 && c <= 0x39 ? NUMBER : OTHER
  if (c >= 0xd800 && c <= 0xdbff) return classify(String.fromCodePoint(text.codePointAt(i)!)) // astral or lone
  const known = BMP_CLASS[c]
  if (known !== 0) return known - 1
  const cls = classify(text[i])
  BMP_CLASS[c] = cls + 1
  return cls
}

function classify(char: string): number {
  return IS_LETTER.test(char) ? LETTER : IS_NUMBER.test(char) ? NUMBER : OTHER
}

/**
 * Calls `visit(start, end)` for each word of `text`, in order.
 * @example eachWord("O'Neill's 2 cats", (s, e) => ...) // [0, 9], [10, 11], [12, 16]
 */
export function eachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    if (charClass(text, i) === OTHER) {
      i += charWidth(text, i)
      continue
    }
    const start = i
    while (i < n && charClass(text, i) !== OTHER) i += charWidth(text, i)
    // An apostrophe joins letters (not digits) on both sides: "o'neill", "don't", "rock'n'roll".
    while (i + 1 < n && isApostrophe(text.charCodeAt(i)) && charClass(text, i + 1) === LETTER) {
      i++
      while (i < n && charClass(text, i) === LETTER) i += charWidth(text, i)
    }
    visit(start, i)
  }
}

/** The words of `text` with their spans, as written. */
export function wordSpans(text: string): Span[] {
  const out: Span[] = []
  eachWord(text, (start, end) => out.push([start, end]))
  return out
}

/**
 * The words of `text`, lowercased, in order, apostrophes kept; punctuation and quote marks dropped.
 * @example wordTokens('Putin’s “talks” ended.') // ['putin’s', 'talks', 'ended']
 */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase()
  const out: string[] = []
  eachWord(lower, (start, end) => out.push(lower.slice(start, end)))
  return out
}

/** Whether a UTF-16 code unit is white space as the regex class `\s` reads it (WhiteSpace and LineTerminator). */
function isRegexSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13)
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * How many pieces `text.split(/\s+/)` gives (runs of white space plus one), counted without
 * making them: fact alignment and the summary count the words of every claim and sentence.
 * @example whitespaceFields('Talks  ended on Friday.') // 4
 */
export function whitespaceFields(text: string): number {
  let fields = 1
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const space = isRegexSpace(text.charCodeAt(i))
    if (space && !inSpace) fields++
    inSpace = space
  }
  return fields
}

const DIACRITICS = /[\u0300-\u036f]/g
const NON_ASCII = /[^\x00-\x7f]/

/** Lowercase with diacritics folded: "Zelenskyy" stays, "Müller" becomes "muller". */
export function foldCase(text: string): string {
  // Plain ASCII has nothing to fold; skipping normalize() matters on hot paths.
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(DIACRITICS, '').toLowerCase() : text.toLowerCase()
}

// --- name-shaped words (entity finding) -------------------------------------------------------

/**
 * Letters of Latin, Greek and Cyrillic scripts (U+00C0–U+024F without × and ÷, U+0370–U+052F,
 * U+1E00–U+1FFF), tested on character codes: a `\p{L}` regex class is five times slower here.
 */
function isNameLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1fff)
}

/** Inside a word: letters, combining accents (U+0300–U+036F), apostrophes and hyphens. */
function continuesNameWord(c: number): boolean {
  return isNameLetter(c) || (c >= 0x300 && c <= 0x36f) || c === 39 || c === 8217 || c === 45
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * The end of the name-shaped word starting at `i` (entity finding's words). Dotted acronyms first
 * ("U.S.", "D.C.": two or more letters each with its dot), then words with inner apostrophes and
 * hyphens ("Ramos-Horta", "O'Neill"), then numbers ("3.5", "1,200", "10:30").
 */
export function nameWordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i)
  let j = i + 1
  if (isAsciiDigit(c)) {
    for (let d = text.charCodeAt(j); isAsciiDigit(d) || d === 46 || d === 44 || d === 58; d = text.charCodeAt(++j));
    return j
  }
  let dotted = i
  while (isNameLetter(text.charCodeAt(dotted)) && text.charCodeAt(dotted + 1) === 46) dotted += 2
  if (dotted - i >= 4) return dotted
  // A doubled apostrophe is a quotation mark (''Remain''), not part of the word.
  while (j < text.length && continuesNameWord(text.charCodeAt(j)) && !(text.charCodeAt(j) === 39 && text.charCodeAt(j + 1) === 39)) j++
  return j
}

/** The first position at or after `from` where a name-shaped word starts (a letter or a digit); `text.length` if none. */
export function nextNameWordStart(text: string, from: number): number {
  let i = from
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isNameLetter(c) || isAsciiDigit(c)) break
    i++
  }
  return i
}

// "Moscow — ", "PORT MARAVEL — ", "WASHINGTON ― " (HuffPost's U+2015), "WASHINGTON (AP) - ", then a
// sentence that starts anew: "Boeing - the planemaker based in Arlington - cut ..." is a subject and an aside.
const DATELINE = /^(?:[\p{Lu}][\p{L}.]*(?:[ ,]+[\p{Lu}][\p{L}.]*){0,3}\s*(?:\([^)]{1,30}\))?\s*[—–―-]{1,2}\s+)(?!\p{Ll})/u

/**
 * Length of the dateline opening a sentence (0 when there is none): up to four capitalised words,
 * an optional "(Agency)", a dash, and no lower-case word after it. Surest on an article's opening
 * sentence.
 * @example datelineLength('Moscow — Talks ended.') // 9
 * @example datelineLength('Trump — facing pressure — said no.') // 0
 */
export function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0
}

// An editor's label opening a paragraph: "UPDATE:", "Updated:", "UPDATE 2 --", "Update, 7:19 p.m.
// ET:", "Updated at 7:19 PM:", "Editor's note:", "Editors' Note:".
const CLOCK = String.raw`\d{1,2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)(?:\s+(?:ET|EST|EDT|CT|PT|GMT|UTC|BST))?`
const EDITORIAL_LABEL = new RegExp(
  String.raw`^(?:UPDATE[DS]?|Update[ds]?|CORRECTIONS?|Corrections?|CLARIFICATION|Clarification|EDITOR['’]?S['’]? NOTE|Editor['’]?s['’]? [Nn]ote)` +
    String.raw`(?:\s+\d{1,2}\b)?(?:,?\s*(?:at\s+)?\(?${CLOCK}\)?)?\s*(?::|--|—|–)\s*(?:${CLOCK}\s*(?:--|—|–|:)\s*)?`,
  'u',
)
// The labels of a notice about the article itself, not the news: what it got wrong.
const NOTICE_LABEL = /^(?:CORRECTIONS?|Corrections?|CLARIFICATION|Clarification|EDITOR['’]?S['’]? NOTE|Editor['’]?s['’]? [Nn]ote)\b/u
// How far into its paragraph a notice reaches at most: a notice is a sentence or two, and a page
// printed as one line must not lose its story to the note before it.
const NOTICE_CHARS = 320
// A dateline ("WASHINGTON (AP) —") starts the story, whatever note came before it on the line.
const DATELINE_INSIDE = /(?:^|[.!?]\s+)\p{Lu}{2,}[\p{Lu} ,.]*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s/u

/**
 * Length of an editor's label opening a sentence (0 when there is none): "Updated: Rick Santorum
 * said ..." states what Santorum said, and the label is no part of it.
 * @example editorialLabelLength('UPDATE: 7:19 p.m. -- The Post reports it.') // 21
 * @example editorialLabelLength('Updates to the law passed.') // 0
 */
export function editorialLabelLength(sentence: string): number {
  return EDITORIAL_LABEL.exec(sentence)?.[0].length ?? 0
}

/**
 * Whether offset `at` of `text` lies in an editor's notice about the article ("Correction: This
 * article originally said ..."), which reports no news of its own: the paragraph opens with such a
 * label, `at` is within its first sentences, and no dateline stands between.
 */
export function inEditorsNotice(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1
  if (at - start > NOTICE_CHARS || !NOTICE_LABEL.test(text.slice(start, start + 24)) || editorialLabelLength(text.slice(start, start + 60)) === 0) return false
  return !DATELINE_INSIDE.test(text.slice(start, at + 40))
}

const CURLY_APOSTROPHE = /[‘’]/g

/**
 * The text with curly apostrophes written straight ("the ’80s", "hasn’t decided"), as word lists
 * and patterns read them; one character for one, so every offset stays.
 */
export function straightApostrophes(text: string): string {
  return text.includes('’') || text.includes('‘') ? text.replace(CURLY_APOSTROPHE, "'") : text
}
