/**
 * Word tokens for clustering and quote alignment (the one tokenizer of src/text/tokens.ts),
 * lowercase, with a stop-word list so similarity rests on content words.
 */
import { wordTokens } from '../text/tokens.js'

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
