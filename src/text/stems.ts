/**
 * The one stemmer and stopword lists. Two stopword lists, named for what they leave out, because
 * the two jobs differ: what a text is about (clustering, quote and same-fact alignment drop news
 * filler, days and "people") and what a claim asserts (fact alignment keeps days and dates'
 * words, drops number hedges). The stemmer has two depths for the same reason: clustering terms
 * fold plurals only (the shipped background document frequencies are keyed by them), claims and
 * the same-fact judge strip inflections and map the synonyms news reports paraphrase most.
 * `contentLemmas` puts them together for claims, the timeline and story sameness.
 */

import { wordConcepts } from './lexicon.js'
import { boundedCache } from './cache.js'
import { foldCase, wordTokens } from './tokens.js'

/** Function words and news filler that say nothing about which event a text is about. */
export const TOPIC_STOPWORDS: ReadonlySet<string> = new Set(
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

/** Words that carry no content for comparing claims. */
export const CLAIM_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if while of to in on at by for with from as into onto over under about after before ' +
    'during since until than then that this these those there here it its it’s he him his she her they them their ' +
    'we us our you your i me my be is are was were been being am do does did done have has had having will would ' +
    'shall should can could may might must not no nor so such also just only very more most much many some any ' +
    'each other who whom whose which what when where why how all both either neither one ones own same too up down ' +
    'out off again further once s t new mr mrs ms dr say said says told tell stated state added add according ' +
    // Hedges of numbers: the number's `approx` carries them.
    'nearly near around roughly approximately almost least some over'
  ).split(' '),
)

/**
 * Synonyms and irregular forms, keyed by surface word or by stem: the value is the shared lemma.
 * Kept small on purpose; it covers the verbs and nouns news reports paraphrase most.
 */
// No prototype: a word such as "constructor" must find nothing here, not Object's function.
const SYNONYMS: Record<string, string> = Object.assign(Object.create(null), {
  met: 'meet', meeting: 'meet', meet: 'meet', talk: 'meet', talks: 'meet', sat: 'meet', summit: 'meet',
  killed: 'kill', kill: 'kill', dead: 'kill', died: 'kill', die: 'kill', death: 'kill', deaths: 'kill',
  wounded: 'injure', wound: 'injure', injured: 'injure', injure: 'injure', injury: 'injure', injuries: 'injure',
  tariff: 'tariff', tariffs: 'tariff', duty: 'tariff', duties: 'tariff', levy: 'tariff', levies: 'tariff',
  ceasefire: 'ceasefire', truce: 'ceasefire', armistice: 'ceasefire', cease: 'ceasefire',
  lasted: 'long', last: 'long', lasting: 'long', long: 'long', lengthy: 'long',
  sanction: 'sanction', sanctions: 'sanction', penalties: 'sanction',
  envoy: 'envoy', emissary: 'envoy',
  war: 'war', conflict: 'war', invasion: 'war',
  deal: 'deal', agreement: 'deal', accord: 'deal',
  visit: 'visit', trip: 'visit',
  call: 'call', phoned: 'call', phone: 'call',
  deadline: 'deadline', ultimatum: 'deadline',
  arrived: 'arrive', landed: 'arrive',
  released: 'release', release: 'release', published: 'release', publish: 'release', issued: 'release',
  video: 'video', clip: 'video', footage: 'video',
  adviser: 'adviser', advisor: 'adviser', aide: 'adviser',
  productive: 'constructive', useful: 'constructive', constructive: 'constructive',
})

const PLURAL_ES = /(?:ss|x|z|ch|sh)es$/

/**
 * How deep `stemTo` goes: `plural` folds plurals only ("sanctions" -> "sanction", "parties" ->
 * "party"); `lemma` also strips possessives, "-es", "-ing", "-ed", "-ly" and maps synonyms.
 */
export type StemDepth = 'plural' | 'lemma'

/** A lowercase word's lemma: inflections stripped, synonyms mapped ("talks" -> "meet"). */
export const stem = (word: string): string => stemTo(word, 'lemma')

/** A lowercase word with its plural folded ("sanctions" -> "sanction"): clustering's terms. */
export const stemPlural = (word: string): string => stemTo(word, 'plural')

/**
 * Strips common English inflections of a lowercase word to `depth`; keeps stems of at least three letters.
 * @example stemTo('talks', 'lemma') // 'meet'
 * @example stemTo('sanctions', 'plural') // 'sanction'
 */
export function stemTo(word: string, depth: StemDepth): string {
  const lemma = depth === 'lemma'
  if (lemma) {
    const synonym = SYNONYMS[word]
    if (synonym) return synonym
  }
  let s = word
  if (lemma && (s.endsWith("'s") || s.endsWith('’s'))) s = s.slice(0, -2)
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y'
  else if (lemma && s.length > 4 && PLURAL_ES.test(s)) s = s.slice(0, -2)
  else if (s.length > (lemma ? 3 : 4) && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us')) s = s.slice(0, -1)
  else if (!lemma) return s
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3)
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2)
  else if (s.length > 4 && s.endsWith('ly')) s = s.slice(0, -2)
  return lemma ? (SYNONYMS[s] ?? s) : s
}

// --- content lemmas (claims, timeline, story sameness) ------------------------------------------

const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen half'.split(' '),
)

const HAS_DIGIT = /\d/
/** Two lower-case words joined by one hyphen, not inside a longer hyphenated run ("mother-in-law"). */
const HYPHENATED = /(?<![\p{L}-])(\p{Ll}{2,})-(\p{Ll}{2,})(?![\p{L}-])/gu

/**
 * A hyphenated pair whose closed spelling is a word of the lexicon is that word: "fund-raiser" meets
 * "fundraiser", "cease-fire" "ceasefire", "re-election" "reelection"; other pairs stay two words
 * ("two-hour", "anti-abortion", "well-known").
 */
function joinedWord(pair: string, a: string, b: string): string {
  const lemma = lemmaOf(a + b)
  return lemma && wordConcepts(lemma) ? a + b : pair
}

// Word -> lemma ('' when the word is dropped), shared by every text: news vocabulary repeats, so
// most words are looked up once. Bounded, so memory stays flat on any corpus.
const LEMMA_CACHE_LIMIT = 100_000
const lemmaCache = boundedCache<string, string>(LEMMA_CACHE_LIMIT)

function lemmaOf(word: string): string {
  return lemmaCache.get(word, claimLemma)
}

function claimLemma(word: string): string {
  if (word.length < 2 || CLAIM_STOPWORDS.has(word) || NUMBER_WORDS.has(word) || HAS_DIGIT.test(word)) return ''
  const lemma = stem(word)
  return CLAIM_STOPWORDS.has(lemma) ? '' : lemma
}

/**
 * Content lemmas of a text, in order, duplicates kept: stopwords, digits and number words dropped
 * (numbers are compared by value from the enrich stage, not as words).
 * @example contentLemmas('The talks lasted two hours') // ['meet', 'long', 'hour']
 */
export function contentLemmas(text: string): string[] {
  // A copy: callers own the array they are given.
  return text.length > MAX_MEMO_TEXT ? lemmasOf(text) : lemmasCache.get(text, lemmasOf).slice()
}

// Text -> its content lemmas: a story's sentences are read by claims, story sameness and the
// timeline, and single words over and over (timeline, conflicts): on the generated corpus 78% of
// the characters analyze gave here it had given before. Bounded in entries and text length.
const LEMMAS_CACHE_LIMIT = 20_000
const MAX_MEMO_TEXT = 1_000
const lemmasCache = boundedCache<string, string[]>(LEMMAS_CACHE_LIMIT)

function lemmasOf(text: string): string[] {
  const out: string[] = []
  // A hyphenated pair that is one word closed up is that word (`joinedWord`); other hyphens split words ("two-hour").
  let folded = foldCase(text)
  if (folded.includes('-')) folded = folded.replace(HYPHENATED, joinedWord)
  for (const word of wordTokens(folded)) {
    const lemma = lemmaOf(word)
    if (lemma) out.push(lemma)
  }
  return out
}
