/**
 * Sentence splitting for news text. One pass over candidate boundaries (terminal punctuation
 * followed by whitespace, or a line break), then a decision per candidate:
 *   1. a line break always ends a sentence (scraped news puts one paragraph per line);
 *   2. an abbreviation, an initial or a dotted acronym before a title/name does not;
 *   3. `!”`/`?”` followed by an attribution (`"Great!" Trump said`) does not;
 *   4. otherwise the next word must look like a sentence start (capital, digit, opening quote).
 */
import type { Span } from '../../types.js'
import { COMMON_CAPITALISED } from '../entities/lexicon.js'
import { stateBeforeTitle } from '../../text/names.js'

/** Abbreviations that come before a name or a number, so never end a sentence (lowercase, no dot). */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sen', 'gov', 'rep', 'reps', 'gen', 'lt', 'col', 'capt', 'sgt', 'cpl', 'maj',
  'adm', 'cmdr', 'prof', 'rev', 'hon', 'pres', 'supt', 'st', 'mt', 'ft', 'vol', 'pp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vs', 'v', 'approx', 'est', 'dept', 'fig', 'gens', 'messrs', 'atty', 'insp', 'sr', 'jr',
])

/** Abbreviations that may end a sentence: they end it only before a likely sentence start. */
const MAYBE_FINAL = new Set(['inc', 'co', 'corp', 'ltd', 'llc', 'plc', 'etc', 'bros'])

/**
 * Capitalised words that commonly follow a dotted acronym inside a sentence ("U.S. President",
 * "U.N. Security Council"); any other capital after "U.S." starts a new sentence.
 */
const ACRONYM_FOLLOWERS = new Set([
  'president', 'vice', 'secretary', 'special', 'senator', 'sen', 'rep', 'ambassador', 'envoy',
  'embassy', 'department', 'army', 'navy', 'air', 'marine', 'marines', 'forces', 'military',
  'congress', 'senate', 'house', 'treasury', 'state', 'supreme', 'court', 'district', 'attorney',
  'officials', 'official', 'government', 'administration', 'security', 'general', 'national',
  'defense', 'intelligence', 'central', 'federal', 'trade', 'representative', 'customs', 'border',
  'open', 'navy', 'coast', 'capitol', 'dollar', 'dollars', 'treasuries', 'envoys', 'and', 'or',
  'deputy', 'assistant', 'acting', 'chief', 'commander', 'commissioner', 'surgeon', 'solicitor',
])

/**
 * First words of bodies named after a country ("U.S. Conference of Catholic Bishops", "U.S. Chamber
 * of Commerce", "U.S. Census Bureau"): after a country's acronym, and only when the name goes on
 * ("of" or another capitalised word after them), they continue the sentence; "He flew to the U.S.
 * Immigration officials met him." still ends one.
 */
const COUNTRY_BODY_FIRST = new Set([
  'conference', 'chamber', 'agency', 'bureau', 'commission', 'council', 'postal', 'census', 'geological',
  'marshals', 'patent', 'institute', 'mint', 'citizenship', 'immigration',
])
/** Adjectives a country's acronym qualifies ("U.S. Catholic bishops", "U.S. Olympic officials"): the sentence goes on. */
const COUNTRY_ADJECTIVES = new Set(['catholic', 'olympic', 'attorneys'])
const COUNTRY_ACRONYMS = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'U.S.A'])
const NAME_GOES_ON = /^\S+\s+(?:of\b|and\s+\p{Lu}|\p{Lu})/u

/**
 * Dotted capitals that name places and so may end a sentence ("envoys from the U.S. Witkoff
 * flew home"); other dotted capitals before a name are a person's initials ("said J.M. Berger").
 */
const PLACE_ACRONYMS = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'D.C', 'U.S.A', 'U.A.E', 'N.Y', 'L.A', 'S.F'])
const NAME_AFTER = /^\p{Lu}[\p{Ll}'’-]+(?:[,.;:)]|$)/u

const SPEECH_VERB = /^(?:said|says|say|added|adds|told|tells|wrote|writes|posted|asked|asks|replied|insisted|stated|noted|declared|tweeted|continued|explained)\b/i
/**
 * Up to four capitalised words (a name, a title) or a pronoun, maybe a short appositive set off by
 * commas ("Rep. Ann Roe, R-Pa.,", "Ann Roe, a nurse,"), then a speech verb.
 */
const ATTRIBUTION_AHEAD =
  /^(?:(?:he|she|they|it|we|i)\s+|(?:the\s+)?(?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}.'’-]*(?:,\s+[^,.!?;:“”"\n]{1,60}(?:\.[^,.!?;:“”"\n]{0,10})?,)?\s+)(?:\w+ly\s+)?(?:said|says|added|adds|told|wrote|writes|posted|asked|asks|replied|replies|insisted|stated|noted|declared|tweeted|explained|continued|responded|demanded|questioned|wondered|exclaimed|shouted|yelled|reported|remarked|repeated|pressed|answered|countered|retorted|quipped|joked|recalled|agreed|argued|warned|interjected|conceded|admitted|observed|mused|snapped|cried|screamed|laughed|pleaded)\b/u

/** Candidate boundaries: terminal punctuation (with closing quotes/brackets) before whitespace, or a line break. */
const BOUNDARY = /(?:\.{3}|[.!?…])+["”’')\]»]*(?=\s|$)|\n/g
const WORD_BEFORE = /([\p{L}\p{N}.]+)$/u
const INITIALS = /^\p{Lu}(?:\.\p{Lu})*$/u
const TITLE_THEN_INITIALS = /\b(\p{L}+)\.\s+(?:\p{Lu}\.\s?)*\p{Lu}$/u
const CLOSERS = /["”’')\]»]+$/
const FIRST_WORD = /\S+/

/** Options for {@link splitSentences}. */
export interface SentenceOptions {
  /** Longest sentence, in characters; longer stretches are cut at this length (bounds later stages). */
  maxSentenceLength?: number
}

/**
 * Splits news text into sentence spans, trimmed of surrounding whitespace.
 * @example splitSentences('Sen. Smith spoke. He left.') // [[0, 17], [18, 26]]
 */
export function splitSentences(text: string, { maxSentenceLength = 5000 }: SentenceOptions = {}): Span[] {
  const spans: Span[] = []
  let start = 0
  BOUNDARY.lastIndex = 0
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length
    if (m[0] !== '\n' && !endsSentence(text, m.index, m[0], end)) continue
    pushTrimmed(text, start, end, spans, maxSentenceLength)
    start = end
  }
  pushTrimmed(text, start, text.length, spans, maxSentenceLength)
  return spans
}

function pushTrimmed(text: string, from: number, to: number, out: Span[], maxLength: number): void {
  let s = from
  let e = to
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  for (; e - s > maxLength; s += maxLength) out.push([s, s + maxLength])
  if (e > s) out.push([s, e])
}

function endsSentence(text: string, at: number, punct: string, end: number): boolean {
  const next = nextWord(text, end)
  if (next === null) return true
  const bare = punct.replace(CLOSERS, '')
  if (bare === '.') {
    const before = wordBefore(text, at)
    if (!periodEnds(before, next)) return false
    if (COUNTRY_ACRONYMS.has(before)) {
      const word = next.replace(/[^\p{L}]/gu, '').toLowerCase()
      if (COUNTRY_ADJECTIVES.has(word) || (COUNTRY_BODY_FIRST.has(word) && NAME_GOES_ON.test(text.slice(end).trimStart().slice(0, 60)))) return false
    }
    if (INITIALS.test(before) && initialsAfterTitle(text, at)) return false
    if (personInitials(text, at, before, next)) return false
    if (stateTitle(text, at, before, next)) return false
  }
  if ((bare.endsWith('!') || bare.endsWith('?')) && bare !== punct) {
    // "Great progress was made!" Trump said — the attribution belongs to the quote's sentence.
    if (ATTRIBUTION_AHEAD.test(text.slice(end, end + 130).trimStart()) || SPEECH_VERB.test(next)) return false
  }
  return startsSentence(next)
}

/**
 * "said J.M. Berger, a fellow": dotted capitals that are not a place's, not after a comma (where
 * they abbreviate a state: "Concord, N.C."), before a capitalised word that is not a common one.
 */
function personInitials(text: string, at: number, before: string, next: string): boolean {
  if (!/^(?:\p{Lu}\.)+\p{Lu}$/u.test(before) || PLACE_ACRONYMS.has(before)) return false
  if (/,\s*$/.test(text.slice(Math.max(0, at - before.length - 3), at - before.length))) return false
  return NAME_AFTER.test(next) && !COMMON_CAPITALISED.has(next.replace(/[^\p{L}'’-]/gu, ''))
}

/**
 * "Ariz. Gov. Jan Brewer": a state's abbreviation before a title abbreviation names whose title it
 * is, unless a comma sets the state after a place ("in Mesa, Ariz. Gov. Brewer ..." may end there)
 * or it ends a party tag ("Rep. Ann Roe, R-Ariz. Sen. Tom Pell ...").
 */
function stateTitle(text: string, at: number, before: string, next: string): boolean {
  if (!stateBeforeTitle(before, next)) return false
  return !/(?:,\s*|-)$/.test(text.slice(Math.max(0, at - before.length - 3), at - before.length))
}

/** "Rep. G.K. Butterfield": initials right after a title abbreviation are a name's, not a sentence end. */
function initialsAfterTitle(text: string, at: number): boolean {
  const m = TITLE_THEN_INITIALS.exec(text.slice(Math.max(0, at - 24), at))
  return m !== null && NEVER_FINAL.has(m[1].toLowerCase())
}

/** Whether a period after `before` ends a sentence when `next` follows. */
function periodEnds(before: string, next: string): boolean {
  const lower = before.toLowerCase()
  if (NEVER_FINAL.has(lower)) return false
  if (lower === 'no' || lower === 'nos') return !/^\p{N}/u.test(next) // "No. 1"
  // Initials ("J. D. Vance") and a.m./p.m. before a lowercase word.
  if (/^\p{Lu}$/u.test(before)) return /^["“‘«]/u.test(next)
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) {
    // Dotted acronyms (U.S., a.m.): a title or an org word after them continues the sentence.
    const word = next.replace(/[^\p{L}]/gu, '').toLowerCase()
    return !ACRONYM_FOLLOWERS.has(word) && /^\p{Lu}/u.test(next)
  }
  if (MAYBE_FINAL.has(lower)) return /^\p{Lu}/u.test(next)
  return true
}

/** The first whitespace-delimited word within 80 characters of `from`, or null when there is none. */
function nextWord(text: string, from: number): string | null {
  return FIRST_WORD.exec(text.slice(from, from + 80))?.[0] ?? null
}

/**
 * The letters, digits and dots right before `at` (at most 20 characters back): WORD_BEFORE's answer,
 * by a backward scan over ASCII; any other character hands over to the regex itself.
 */
function wordBefore(text: string, at: number): string {
  const lo = Math.max(0, at - 20)
  let k = at
  for (; k > lo; k--) {
    const c = text.charCodeAt(k - 1)
    if (c >= 128) return WORD_BEFORE.exec(text.slice(lo, at))?.[1] ?? ''
    const isWordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46
    if (!isWordChar) break
  }
  return text.slice(k, at)
}

function startsSentence(next: string): boolean {
  return /^["“‘'(\[«]*[\p{Lu}\p{N}$£€]/u.test(next) || /^["“‘«]/u.test(next)
}
