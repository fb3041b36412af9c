/**
 * Candidate mentions from capitalised runs: known places and organisations by longest lexicon
 * match, title words set aside (they become roles later), the rest typed by shape and context.
 */
import type { EntityType } from '../../types.js'
import { isOccupationNoun, occupationBefore, typeByContext } from './context.js'
import {
  COMMON_CAPITALISED, COURTESY_TITLES, DEMONYMS, FIRST_NAMES, GROUP_NOUNS, ORG_HEADS, ORG_LEADS, ORGANIZATIONS, PLACE_HEADS, PLACES, ROLE_HEADS, TITLE_WORDS,
} from './lexicon.js'
import type { Token } from './tokens.js'
import { NAME_SUFFIXES } from '../../text/names.js'

/** A mention before aliases are resolved: token range, type (or null when unknown) and why. */
export interface Candidate {
  from: number
  to: number
  type: EntityType | null
  /** `lexicon`, `first-name`, `title`, `shape`, `context`, `speech`, `unknown`, `demonym`. */
  why: string
}

const MAX_LEXICON_WORDS = 5
/** Days and months split a run wherever they stand ("on Tuesday Trump walked"). */
const TIME_WORDS = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December'.split(' '),
)
const SPEECH_AFTER =
  /^(?:said|says|told|tells|added|adds|wrote|writes|posted|stated|noted|notes|remarked|confirmed|announced|insisted|insists|warned|warns|asked|asks|replied|concluded|concludes|explained|explains|argued|argues|interjected|echoed|retorted|agreed|agrees|countered|quipped|tweeted|responded|recalled)$/
const SPEECH_BEFORE = /^(?:said|says|according|told|added|asked|replied|responded|explained|noted|agreed|countered|quipped|concluded|insisted|tweeted|wrote|continued|recalled)$/
/** "We’re", "I’ll", "don’t": a pronoun or verb with a contraction is never a name. */
const CONTRACTION = /['’](?:re|ll|ve|d|m|t)$|n['’]t$/i
const isGrammar = (t: Token): boolean => CONTRACTION.test(t.text) || (t.initial && COMMON_CAPITALISED.has(t.text))

/** An agent noun's ending: "profiler", "inspector", "economist", "historian". */
const AGENT_ENDING = /(?:er|or|ist|ian)$/

/**
 * A sentence's first word that is an occupation noun, with more capitalised words right after it:
 * one the lexicon knows ("Engineer Luis Ortega"), or an agent noun that is no first name before a
 * first name ("Profiler Dana Hale"; not "Tyler Dana ...").
 */
function initialOccupation(tokens: readonly Token[], i: number, to: number): boolean {
  const t = tokens[i]
  if (!t.initial || i + 1 >= to || !tokens[i + 1].joined) return false
  const word = t.text.toLowerCase()
  return isOccupationNoun(word) || (AGENT_ENDING.test(word) && !FIRST_NAMES.has(t.text) && FIRST_NAMES.has(tokens[i + 1].text))
}

/** The surface text of tokens `[from, to)`, words joined by single spaces. */
export function phraseOf(tokens: readonly Token[], from: number, to: number): string {
  let out = ''
  // Inner words keep their possessive ("St. Brennan's Hospital"); the last one loses it ("Trump’s").
  for (let k = from; k < to; k++) out += (k > from ? ' ' : '') + (k < to - 1 ? tokens[k].surface : tokens[k].text)
  return out
}

const DOTS = /\./g
const PARTY_LABEL = /^[RDI]-[A-Z]/

/** Lowercase, without dots, for title lookups ("Sen." -> "sen"); the last part of a hyphenated word. */
export function titleKey(word: string): string {
  const lower = word.toLowerCase()
  const bare = lower.includes('.') ? lower.replace(DOTS, '') : lower
  const dash = bare.lastIndexOf('-')
  return dash >= 0 ? bare.slice(dash + 1) : bare
}

export const isTitleWord = (t: Token): boolean => TITLE_WORDS.has(titleKey(t.text)) && !FIRST_NAMES.has(t.text)

/** First words of the lexicon's multi-word entries, so most runs skip building 2- to 5-word phrases. */
const MULTI_WORD_FIRSTS = new Set(
  [...ORGANIZATIONS, ...PLACES].filter((p) => p.includes(' ')).map((p) => p.slice(0, p.indexOf(' '))),
)

/** Longest lexicon match (places, organisations) starting at `i` within `[i, end)`. */
function lexiconMatch(tokens: readonly Token[], i: number, end: number): Candidate | null {
  // A multi-word phrase starts with the first token as written (phraseOf keeps inner surfaces).
  const longest = MULTI_WORD_FIRSTS.has(tokens[i].surface) ? Math.min(MAX_LEXICON_WORDS, end - i) : Math.min(1, end - i)
  for (let n = longest; n >= 1; n--) {
    if (n > 1 && tokens[i + n - 2].possessive) continue
    const phrase = phraseOf(tokens, i, i + n)
    if (ORGANIZATIONS.has(phrase)) return { from: i, to: i + n, type: 'organization', why: 'lexicon' }
    if (PLACES.has(phrase)) return { from: i, to: i + n, type: 'place', why: 'lexicon' }
  }
  return null
}

/** Splits one capitalised run `[from, to)` into candidates. */
export function segmentRun(text: string, tokens: readonly Token[], from: number, to: number, heading: boolean): Candidate[] {
  const out: Candidate[] = []
  let i = from
  // Sentence-initial common words ("However", "Earlier", "The") and contractions are grammar, not names.
  // "Engineer Luis Ortega warned": an occupation opening the sentence is the person's, not part of the name.
  while (i < to && (isGrammar(tokens[i]) || initialOccupation(tokens, i, to)) && !lexiconMatch(tokens, i, to)) i++
  let chunk = i
  while (i < to) {
    if (i === chunk && isOrgShaped(tokens, i, to)) {
      out.push({ from: i, to, type: 'organization', why: 'shape' })
      return out
    }
    const known = lexiconMatch(tokens, i, to)
    // "Steve Israel", "Jack Kingston": one known word right after a lone first name is a surname.
    // So after a first name and a middle initial ("Michael R. Bloomberg").
    const surname = known !== null && known.to - known.from === 1 && tokens[i].joined && FIRST_NAMES.has(tokens[chunk].text) && (i === chunk + 1 || (i === chunk + 2 && /^\p{Lu}\.?$/u.test(tokens[chunk + 1].text)))
    // "University of Michigan", "Bank of England": a known place after "of" and an organisation's
    // lead word names the organisation ("University of" was an organisation, Michigan a place).
    if (known !== null && known.type === 'place' && i - 2 >= chunk && tokens[i - 1].text === 'of' && ORG_LEADS.has(tokens[i - 2].text)) {
      i = known.to
      continue
    }
    if (known && !surname) {
      flushChunk(out, text, tokens, chunk, i, heading)
      // "Paris Island", "Mississippi River": a known place and a word that heads a place name are one place.
      const head = known.type === 'place' && known.to < to && !tokens[known.to - 1].possessive && PLACE_HEADS.has(tokens[known.to].text)
      out.push(head ? { from: known.from, to: known.to + 1, type: 'place', why: 'shape' } : known)
      i = chunk = head ? known.to + 1 : known.to
    } else if (TIME_WORDS.has(tokens[i].text) || (isTitleWord(tokens[i]) && !afterHonorific(tokens, i) && !surnameTitle(tokens, chunk, i, to) && !orgNameWord(tokens, chunk, i, to)) || (tokens[i].text === 'of' && i > from && isTitleWord(tokens[i - 1]))) {
      flushChunk(out, text, tokens, chunk, i, heading)
      i = chunk = i + 1
    } else {
      i++
    }
  }
  flushChunk(out, text, tokens, chunk, to, heading)
  return out
}

/** Compass words among `DEMONYMS`: they open place names ("North Carolina", "West Virginia"). */
const COMPASS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western'])

/** Honorifics that only ever come before a surname: "Mr. King", "Mrs. Bishop" are names, not titles. */
const afterHonorific = (tokens: readonly Token[], i: number): boolean => i > 0 && COURTESY_TITLES.has(titleKey(tokens[i - 1].text)) && tokens[i].start - tokens[i - 1].end <= 2

/**
 * "Howard Dean", "Peter T. King", "John Major": a title word ending a run right after a first name
 * or a middle initial is the surname ("Jordan King Abdullah", where a name follows, keeps its title).
 */
function surnameTitle(tokens: readonly Token[], chunk: number, i: number, to: number): boolean {
  if (i === chunk || !tokens[i].joined) return false
  const next = tokens[i + 1]
  // A generational suffix after it makes any title word a surname ("Sanford Bishop Jr.").
  if (next !== undefined && /^\p{Lu}/u.test(next.text) && NAME_SUFFIXES.has(titleKey(next.text)) && (i + 2 === to || tokens[i + 2].text === 'of')) return true
  // The run may go on through "of" ("Peter T. King of New York").
  if (i + 1 !== to && next.text !== 'of') return false
  const prev = tokens[i - 1].text
  return FIRST_NAMES.has(prev) || /^\p{Lu}\.?$/u.test(prev)
}

/**
 * A title word that is part of an organisation's name after its lead word and "of": right after
 * "of" ("Ministry of Defence", "Department of State") or ending the run ("Department of Homeland
 * Security"); before more capitalised words it is a title again ("University of Michigan President
 * Mark Schlissel").
 */
function orgNameWord(tokens: readonly Token[], chunk: number, i: number, to: number): boolean {
  if (i - 2 >= chunk && tokens[i - 1].text === 'of' && ORG_LEADS.has(tokens[i - 2].text)) return true
  // A role's head ending the run is the title of someone unnamed ("The Bank of England Governor said");
  // a word that heads no role, before one that does, still names the body ("Department of Homeland
  // Security Secretary Ann Roe").
  if (ROLE_HEADS.has(titleKey(tokens[i].text))) return false
  const next = tokens[i + 1]
  if (i + 1 !== to && !(next.joined && ROLE_HEADS.has(titleKey(next.text)))) return false
  for (let k = i - 1; k > chunk && k >= i - ORG_NAME_WORDS; k--) if (tokens[k].text === 'of' && ORG_LEADS.has(tokens[k - 1].text)) return true
  return false
}
/** Words after "of" an organisation's name may run to ("Department of Homeland Security"). */
const ORG_NAME_WORDS = 4

/** A word in capitals of four letters or more: shouted, not an acronym a lexicon knows. */
const SHOUTED = /^\p{Lu}{4,}$/u

/** Types the pending chunk `[chunk, end)` into `out` (a function, not a closure: segmentRun is hot). */
function flushChunk(out: Candidate[], text: string, tokens: readonly Token[], chunk: number, end: number, heading: boolean): void {
  if (end > chunk) out.push(...typeChunk(text, tokens, chunk, end, heading))
}

/** Types a chunk of capitalised words that no lexicon knows. */
function typeChunk(text: string, tokens: readonly Token[], from: number, to: number, heading: boolean): Candidate[] {
  // "Ministry of Foreign Affairs of" before a known place: the dangling "of" is no part of the name.
  if (to - from >= 2 && tokens[to - 1].text === 'of') return typeChunk(text, tokens, from, to - 1, heading)
  // "X of Y" that is not an organisation name ("Ministry of Defence") is two things.
  const of = indexOfWord(tokens, from, to, 'of')
  if (of > from && !ORG_LEADS.has(tokens[from].text)) {
    return [...typeChunk(text, tokens, from, of, heading), ...typeChunk(text, tokens, of + 1, to, heading)]
  }
  if (to <= from) return []
  const first = tokens[from]
  const last = tokens[to - 1]
  const n = to - from
  // A nationality word may be a surname ("Mark Cuban ... Cuban said"): kept, alias resolution decides.
  if (n === 1 && DEMONYMS.has(first.text)) return [{ from, to, type: null, why: 'demonym' }]
  if (allGeneric(tokens, from, to)) return []
  // "Republican Linda McMahon", "Russian Alexei Navalny": a party or nationality word before a
  // first name describes the person, as a title would; it is no part of the name. Not a compass
  // word ("North Carolina Republicans": Carolina is also a first name).
  // So is a shouted word ("conservatives FIRED Eric Cantor"): capitals are no name's spelling.
  if (n >= 3 && ((DEMONYMS.has(first.text) && !COMPASS.has(first.text)) || SHOUTED.test(first.text)) && FIRST_NAMES.has(tokens[from + 1].text) && !ORG_HEADS.has(last.text) && !heading) return typeChunk(text, tokens, from + 1, to, heading)
  if (n > 4) return heading ? [] : [{ from, to, type: 'other', why: 'unknown' }]
  if (FIRST_NAMES.has(first.text) && n >= 2) return [{ from, to, type: 'person', why: 'first-name' }]
  if (ORG_HEADS.has(last.text) && n >= 2) return [{ from, to, type: 'organization', why: 'shape' }]
  if (of > from) return [{ from, to, type: 'organization', why: 'shape' }]
  if (PLACE_HEADS.has(last.text) && n >= 2) return [{ from, to, type: 'place', why: 'shape' }]
  if (heading) return n === 1 && !COMMON_CAPITALISED.has(first.text) ? [{ from, to, type: null, why: 'heading' }] : singles(tokens, from, to)
  if (n === 1 && (DEMONYMS.has(first.text) || COMMON_CAPITALISED.has(first.text) || GROUP_NOUNS.has(first.text) || first.text.length < 2)) return []
  // "(R-Fla.)", "(D-N.Y.)": a party and state label, not an entity.
  if (n === 1 && ((PARTY_LABEL.test(first.text) && text[first.start - 1] === '(') || /\([RDI]-$/.test(text.slice(first.start - 3, first.start)))) return []
  if (n === 1 && first.text === first.text.toUpperCase() && first.text.length <= 6) {
    return [{ from, to, type: 'organization', why: 'acronym' }]
  }
  const byContext = typeByContext(text, tokens, from, to)
  if (byContext) return [{ from, to, type: byContext, why: 'context' }]
  if (titledBefore(text, tokens, from) || occupationBefore(tokens, from)) return [{ from, to, type: 'person', why: 'title' }]
  if (speechNear(tokens, from, to) || ownsAfter(tokens, to)) return [{ from, to, type: 'person', why: 'speech' }]
  return [{ from, to, type: null, why: 'unknown' }]
}

/** In a heading, words are kept one by one, for alias resolution to type them. */
function singles(tokens: readonly Token[], from: number, to: number): Candidate[] {
  const out: Candidate[] = []
  for (let k = from; k < to; k++) {
    const t = tokens[k].text
    if (!COMMON_CAPITALISED.has(t) && !DEMONYMS.has(t) && !TITLE_WORDS.has(titleKey(t)) && !CONTRACTION.test(t)) out.push({ from: k, to: k + 1, type: null, why: 'heading' })
  }
  return out
}

/** "External Affairs Ministry", "Defence Ministry": an organisation head after non-name words. */
function isOrgShaped(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2 || !ORG_HEADS.has(tokens[to - 1].text)) return false
  for (let k = from; k < to; k++) if (FIRST_NAMES.has(tokens[k].text) || tokens[k].possessive) return false
  return true
}

/** "European Allies", "Western Leaders": nationality adjectives and common words only. */
function allGeneric(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!DEMONYMS.has(tokens[k].text) && !COMMON_CAPITALISED.has(tokens[k].text)) return false
  return true
}

function indexOfWord(tokens: readonly Token[], from: number, to: number, word: string): number {
  for (let k = from; k < to; k++) if (tokens[k].text === word) return k
  return -1
}

/** A role word right before the chunk ("spokesman Dmitry Peskov", "President Trump"). */
function titledBefore(text: string, tokens: readonly Token[], from: number): boolean {
  const prev = tokens[from - 1]
  // "Rep. G.K. Butterfield": an abbreviated title keeps its dot out of the token.
  const joined = tokens[from].joined || (prev !== undefined && text.slice(prev.end, tokens[from].start) === '. ')
  return prev !== undefined && joined && !prev.possessive && ROLE_HEADS.has(titleKey(prev.text)) && prev.text !== 'state'
}

/** "Carly Fiorina threw her support", "Ann Roe made his case": a verb, then his or her. */
function ownsAfter(tokens: readonly Token[], to: number): boolean {
  const verb = tokens[to]
  const owner = tokens[to + 1]
  // "Reflecting on his career": a preposition before "his" is no verb, and the word before it no name.
  return verb !== undefined && owner !== undefined && !verb.cap && verb.joined && owner.joined && /^(?:his|her)$/.test(owner.text) && !NOT_A_VERB.test(verb.text)
}
const NOT_A_VERB = /^(?:on|in|at|to|of|for|from|with|about|by|into|onto|over|under|after|before|through|against|and|or|but)$/

/** "X said", "said X", "according to X". */
function speechNear(tokens: readonly Token[], from: number, to: number): boolean {
  const next = tokens[to]
  const prev = tokens[from - 1]
  if (next && SPEECH_AFTER.test(next.text) && tokens[to - 1].end === next.start - 1) return true
  return prev !== undefined && SPEECH_BEFORE.test(prev.text) && to - from >= 2
}
