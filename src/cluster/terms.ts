/**
 * Word tokens for clustering and quote alignment (the one tokenizer of src/text/tokens.ts),
 * lowercase, with a stop-word list so similarity rests on content words.
 */
import { stemPlural, TOPIC_STOPWORDS } from '../text/stems.js'
import { wordTokens } from '../text/tokens.js'

const CLITIC = /['’](?:s|re|ve|ll|d|t|m)$/

/** Lowercase word tokens in order (clitics like "'s" dropped), punctuation and quote marks ignored. */
export function words(text: string): string[] {
  const out = wordTokens(text)
  for (let i = 0; i < out.length; i++) {
    const w = out[i]
    if (w.includes("'") || w.includes('’')) out[i] = w.replace(CLITIC, '')
  }
  return out
}

/** Content terms: words minus stop words and one-letter tokens, plurals folded. */
export function contentTerms(text: string): string[] {
  return termsOf(words(text))
}

/** `contentTerms` of text already split by `words` (so one tokenisation serves terms and fingerprint). */
export function termsOf(tokens: readonly string[]): string[] {
  const out: string[] = []
  for (const w of tokens) {
    if (w.length < 2 || TOPIC_STOPWORDS.has(w)) continue
    out.push(stemPlural(w))
  }
  return out
}
