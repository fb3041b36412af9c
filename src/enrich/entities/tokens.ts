/**
 * Word tokens with offsets and the flags entity finding needs (capitalised, sentence-initial,
 * possessive), and the capitalised runs ("U.S. Secretary of State Marco Rubio") built from them.
 */
import type { Span } from '../../types.js'
import { nameWordEnd, nextNameWordStart } from '../../text/tokens.js'
import { IRREGULAR_PAST } from '../../text/verbs.js'

export interface Token {
  /** The word without a possessive ending ("Trump" for "Trump’s"). */
  text: string
  /** The word as written, with its possessive ending ("Brennan's" in "St. Brennan's Hospital"). */
  surface: string
  start: number
  /** End of the word without the possessive ending. */
  end: number
  cap: boolean
  /** First word of a sentence or of a quotation: capitalised for grammar, not because it is a name. */
  initial: boolean
  possessive: boolean
  /** The text between the previous token and this one is a single run of spaces. */
  joined: boolean
  /** Index of the sentence holding this token. */
  sentence: number
}

const POSSESSIVE = /['’]s?$/u
const POSSESSIVE_WORD = /\p{L}(?:['’]s|s['’])$/u
const UPPER = /^\p{Lu}/u
const CLAUSE_OPENERS = new Set(['"', '“', '‘', '(', ':', '—', '–', '-'])
/** Abbreviations that stay inside a name with their dot ("St. Brennan's Hospital", "Mt. Kenya"); all two letters long. */
const NAME_ABBREVIATIONS = new Set(['St', 'Mt', 'Ft', 'Jr', 'Sr'])
/** A middle initial inside a name: "Robert P. Casey" (a capital letter, a dot, a capitalised word). */
const MIDDLE_INITIAL = /^\. \p{Lu}\p{Ll}/u

function spacesOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false
  for (let k = from; k < to; k++) if (text.charCodeAt(k) !== 32) return false
  return true
}

/** The gap before a word ends with an opening quote, a colon or a dash (ignoring spaces). */
function opensClause(text: string, from: number, to: number): boolean {
  let k = to - 1
  while (k >= from && (text[k] === ' ' || text[k] === '\n')) k--
  return k >= from && CLAUSE_OPENERS.has(text[k])
}

/** `^\p{Lu}` without the regex for ASCII first letters (most words); the same answer for all. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0)
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(word)
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 8217
}

/** A cheap necessary condition for POSSESSIVE_WORD: "…'s" or "…s'" (most words ending in "s" are plurals). */
function mayBePossessive(word: string, last: number): boolean {
  const before = word.charCodeAt(word.length - 2)
  return last === 115 ? isApostrophe(before) : isApostrophe(last) && before === 115
}

/** Splits text into word tokens; `sentences` mark which words are sentence-initial. */
export function tokenize(text: string, sentences: readonly Span[]): Token[] {
  const tokens: Token[] = []
  let s = 0
  let prevEnd = -1
  let sentenceOfPrev = -1
  // A hand-written scanner: the regex it replaces allocated a match array per word.
  for (let start = nextNameWordStart(text, 0); start < text.length; ) {
    let next = nameWordEnd(text, start)
    while (s < sentences.length - 1 && sentences[s][1] <= start) s++
    let word = text.slice(start, next)
    let written = word
    const initialLetter = word.length === 1 && startsUpper(word) && MIDDLE_INITIAL.test(text.slice(start + 1, start + 5))
    if ((word.length === 2 && NAME_ABBREVIATIONS.has(word) && text[start + 2] === '.') || initialLetter) {
      word = written = word + '.'
      next++
    }
    const last = word.charCodeAt(word.length - 1)
    let possessive = false
    if (last === 39 || last === 8217 || last === 45 || last === 115) {
      // Only words ending in an apostrophe, a hyphen or "s" can carry a possessive ending.
      possessive = mayBePossessive(word, last) && POSSESSIVE_WORD.test(word)
      if (possessive) word = word.replace(POSSESSIVE, '')
      else if (last !== 115) word = word.slice(0, -1)
    }
    const initial = sentenceOfPrev !== s || (prevEnd >= 0 && opensClause(text, prevEnd, start))
    tokens.push({
      text: word,
      surface: written,
      start,
      end: start + word.length,
      cap: startsUpper(word),
      initial,
      possessive,
      joined: prevEnd >= 0 && spacesOnly(text, prevEnd, start),
      sentence: s,
    })
    prevEnd = start + written.length
    sentenceOfPrev = s
    start = nextNameWordStart(text, next)
  }
  return tokens
}

/** Lowercase connectors allowed inside a capitalised run ("Secretary of State", "Bank of England"). */
const CONNECTORS = new Set(['of', 'de', 'da', 'von', 'van', 'der', 'bin', 'al', 'la', 'du', 'le'])

/** Heads a possessive may run into, as in "St. Mary's Hospital" or "King's College". */
const INSTITUTION_HEADS = new Set(['Hospital', 'College', 'School', 'Church', 'Cathedral', 'Chapel', 'Academy', 'Infirmary', 'Clinic'])
const NO_LOWER = /^[^a-z\u00DF-\u00FF]{4,}$/

/** Whether token `j` may continue the run that ends at `j - 1`. */
function continuesRun(tokens: readonly Token[], j: number): boolean {
  const prev = tokens[j - 1]
  const next = tokens[j]
  if (!next.joined) return false
  if (prev.possessive && !INSTITUTION_HEADS.has(next.text)) return false
  // A headline run into an upper-case dateline ("Port Maravel PORT MARAVEL") is two things.
  return !(NO_LOWER.test(next.text) && !NO_LOWER.test(prev.text))
}

/**
 * Maximal runs of capitalised tokens joined by single spaces (with lowercase connectors between
 * capitals). A possessive ends a run ("Russia’s President" is two things) unless an institution
 * head follows it ("St. Brennan's Hospital").
 */
export function capitalisedRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = []
  let i = 0
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i++
      continue
    }
    let j = i + 1
    while (j < tokens.length && continuesRun(tokens, j)) {
      if (tokens[j].cap) j++
      else if (CONNECTORS.has(tokens[j].text) && tokens[j + 1]?.cap && tokens[j + 1].joined) j += 2
      else break
    }
    runs.push([i, j])
    i = j
  }
  return runs
}

const DIGIT = /^\p{N}/u

/** `DIGIT.test`, answered without the regex when the first character is ASCII. */
function startsWithDigit(word: string): boolean {
  const c = word.charCodeAt(0)
  return c < 128 ? c >= 48 && c <= 57 : DIGIT.test(word)
}

/** Whether `word` has a lowercase letter (Latin, Cyrillic): a loop over codes, faster than a regex or `\p{Ll}` here. */
function hasLower(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k)
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xf6) || (c >= 0xf8 && c <= 0xff) || (c >= 0x430 && c <= 0x45f)) return true
  }
  return false
}

/** Whether a sentence is a heading in capitals or Title Case (its capitals say nothing about names). */
export function headingSentences(tokens: readonly Token[], sentenceCount: number): Set<number> {
  const longWords = new Array<number>(sentenceCount).fill(0)
  const capitalised = new Array<number>(sentenceCount).fill(0)
  const allCaps = new Array<number>(sentenceCount).fill(0)
  // Title Case capitalises a heading's last word: "... Dianne Bystrom agreed." is a sentence.
  const lastCap = new Array<boolean>(sentenceCount).fill(true)
  // Title Case capitalises its verbs: a verb in the past in lower case ("Mayor Ed Brandt met
  // Governor Ann Lowe on Monday.", "Joe Biden knew Lloyd Bentsen.") makes the line a sentence,
  // however many names it holds (other lower-case words do not: "What ever Happened To ...").
  const pastVerb = new Array<boolean>(sentenceCount).fill(false)
  for (const t of tokens) {
    if (t.text.length < 3 || startsWithDigit(t.text)) continue
    longWords[t.sentence]++
    if (t.cap) capitalised[t.sentence]++
    else if (IRREGULAR_PAST.has(t.text) || (t.text.length > 4 && t.text.endsWith('ed'))) pastVerb[t.sentence] = true
    if (!hasLower(t.text)) allCaps[t.sentence]++
    lastCap[t.sentence] = t.cap
  }
  const headings = new Set<number>()
  for (let s = 0; s < sentenceCount; s++) {
    if (longWords[s] < 2 || !lastCap[s]) continue
    if (pastVerb[s] && allCaps[s] / longWords[s] <= 0.6) continue
    if (allCaps[s] / longWords[s] > 0.6 || capitalised[s] / longWords[s] > 0.75) headings.add(s)
  }
  return headings
}
