/** A cheap language guess from stop words: enough to tell English from other common languages. */

/** Words looked at; the head of an article is enough. */
const SAMPLE_WORDS = 200
/** Share of sample words that must be stop words of one language to name it. */
const MIN_SHARE = 0.12

const STOP_WORDS: readonly (readonly [language: string, words: string])[] = [
  ['en', 'the of and to in a is that for on with was said as at by it from he his have be are has'],
  ['de', 'der die und das ist nicht den von zu mit sich des auf für im dem ein eine sie er'],
  ['fr', 'le la les et des est une un du dans que pour qui sur au pas ne il elle avec'],
  ['es', 'el la los las y de que en un una por con para es del se al lo su'],
  ['it', 'il di che e la per un una non sono del della gli le con si è da'],
  ['pt', 'o a os as e de que em um uma para com não do da no na por se'],
  ['nl', 'de het een en van is dat op te in niet met voor zijn er ook'],
  ['ru', 'и в не на что с по как он это к из но о за от'],
]

/** Stop word -> bit mask of the languages it belongs to (one lookup per word for all languages). */
const LANGUAGES_OF = new Map<string, number>()
STOP_WORDS.forEach(([, words], index) => {
  for (const word of words.split(' ')) LANGUAGES_OF.set(word, (LANGUAGES_OF.get(word) ?? 0) | (1 << index))
})

/** Longest stop word: a longer word is counted but never looked up (lower-casing never shortens). */
const MAX_STOP_WORD = Math.max(...[...LANGUAGES_OF.keys()].map((w) => w.length))

// Runs of Latin, Latin-1/Extended and Cyrillic letters; no `u` flag (Unicode mode is slower). A
// regex, not a loop over characters: the CLI reads each article once, mostly before V8 compiles
// such a loop, and the regex runs as machine code from its second use.
const WORD_RUN = /[a-z\u00c0-\u024f\u0400-\u04ff']+/gi

/**
 * ISO 639-1 code of the language whose stop words are most frequent, or `und` when no language
 * reaches the minimum share (too little text, or a language we do not know).
 * @example guessLanguage('The talks ended on Friday and the envoy said...') // 'en'
 */
export function guessLanguage(text: string): string {
  const hits = new Array<number>(STOP_WORDS.length).fill(0)
  let words = 0
  for (const [word] of text.matchAll(WORD_RUN)) {
    words++
    const mask = word.length > MAX_STOP_WORD ? 0 : (LANGUAGES_OF.get(word.toLowerCase()) ?? 0)
    for (let b = 0; mask >> b; b++) if ((mask >> b) & 1) hits[b]++
    if (words === SAMPLE_WORDS) break
  }
  if (words < 5) return 'und'
  let best = -1
  for (let i = 0; i < hits.length; i++) if (hits[i] / words > MIN_SHARE && (best < 0 || hits[i] > hits[best])) best = i
  return best < 0 ? 'und' : STOP_WORDS[best][0]
}
