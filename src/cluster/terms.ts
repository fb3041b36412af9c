/**
 * Word tokens for clustering and quote alignment: one precompiled pass over the text, lowercase,
 * with a stop-word list so similarity rests on content words.
 */

const CLITIC = /['’](?:s|re|ve|ll|d|t|m)$/

/** Function words and news filler that say nothing about which event a text is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could did do does doing don down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is isn it its itself just let me more most ' +
    'must my myself no nor not now of off on once only or other ought our ours ourselves out over own same she ' +
    'should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up upon us very was we were what when where which while who whom why will with would you your yours ' +
    'yourself yourselves said says say saying told tell according also new one two three first last year years ' +
    'time like get got make made may might many much even still well back since yet however though already per ' +
    'mr mrs ms week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'people way going go come came take took see seen think know want wanted including part among around next ' +
    'read more article story news report reported reporting update updated photo image copyright reserved rights'
  ).split(' '),
)

/** Lowercase word tokens in order (clitics like "'s" dropped), punctuation and quote marks ignored. */
export function words(text: string): string[] {
  const out = wordTokens(text)
  for (let i = 0; i < out.length; i++) {
    const w = out[i]
    if (w.includes("'") || w.includes('’')) out[i] = w.replace(CLITIC, '')
  }
  return out
}

/**
 * The matches of `[\p{L}\p{N}]+(?:['’]\p{L}+)*` in the lowercased text, apostrophes kept, found
 * by a character scan (ASCII by comparison, other characters by a cached class) because the
 * Unicode regex was the clusterer's single biggest cost.
 */
export function wordTokens(text: string): string[] {
  const lower = text.toLowerCase()
  const out: string[] = []
  const n = lower.length
  let i = 0
  while (i < n) {
    if (charClass(lower, i) === OTHER) {
      i += charWidth(lower, i)
      continue
    }
    const start = i
    while (i < n && charClass(lower, i) !== OTHER) i += charWidth(lower, i)
    // An apostrophe joins letters (not digits) on both sides: "o'neill", "don't", "rock'n'roll".
    while (i + 1 < n && isApostrophe(lower.charCodeAt(i)) && charClass(lower, i + 1) === LETTER) {
      i++
      while (i < n && charClass(lower, i) === LETTER) i += charWidth(lower, i)
    }
    out.push(lower.slice(start, i))
  }
  return out
}

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

/** Crude plural folding ("sanctions" -> "sanction") so inflection does not split a term. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1)
  return word
}

/** Content terms: words minus stop words and one-letter tokens, plurals folded. */
export function contentTerms(text: string): string[] {
  return termsOf(words(text))
}

/** `contentTerms` of text already split by `words` (so one tokenisation serves terms and fingerprint). */
export function termsOf(tokens: readonly string[]): string[] {
  const out: string[] = []
  for (const w of tokens) {
    if (w.length < 2 || STOP_WORDS.has(w)) continue
    out.push(stem(w))
  }
  return out
}
