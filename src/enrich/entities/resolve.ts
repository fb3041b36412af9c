/**
 * Refiners over the candidate list, in order: context cues type unknown words as places, then
 * every surface that got a type lends it to its other mentions, then a lone surname takes the
 * article's full name ("Rubio" -> "Marco Rubio").
 */
import type { EntityType } from '../../types.js'
import { phraseOf, type Candidate } from './candidates.js'
import { ORG_HEADS, PLACE_CUE_AFTER, PLACE_CUE_BEFORE, PLACE_HEADS } from './lexicon.js'
import type { Token } from './tokens.js'
import { stateAfterTown } from '../../text/names.js'

/** A candidate with its final type and canonical name. */
export interface Resolved {
  from: number
  to: number
  type: EntityType
  name: string
  via: 'name' | 'surname'
}

const IN_PLACE = /^(?:in|near|outside)$/
const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/

/** Stage 1: "the X region", "city of X", "in X", "X, Ohio" make an unknown X a place; so does the "Tex." of "Kerrville, Tex.". */
export function typePlacesByCue(text: string, tokens: readonly Token[], candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.type !== null || c.why === 'heading') continue
    const next = tokens[c.to]
    const prev = tokens[c.from - 1]
    const prev2 = tokens[c.from - 2]
    const cueAfter = next !== undefined && !next.cap && PLACE_CUE_AFTER.has(next.text)
    const cueOf = prev?.text === 'of' && prev2 !== undefined && PLACE_CUE_BEFORE.has(prev2.text.toLowerCase())
    const cueIn = prev !== undefined && IN_PLACE.test(prev.text) && c.to - c.from <= 2
    if (cueAfter || cueOf || cueIn || townBeforeState(text, tokens, c.to) || stateAfterTownAt(text, tokens, c)) c.type = 'place'
  }
}

/** Between a town and its state: a comma ("Kerrville, Tex."). */
const TOWN_STATE_GAP = /^,\s+$/
/** After a state's abbreviation: its full stop, then a comma, a sentence's end or a closing mark. */
const ABBREVIATION_END = /^\.(?:[\s,;:)”"’']|$)/

/** The token at `at` is a US state after a comma ("... Kerrville, Tex.", "Dayton, Ohio"): what comes before it is a town. */
function townBeforeState(text: string, tokens: readonly Token[], at: number): boolean {
  const state = tokens[at]
  if (state === undefined || at === 0 || !state.cap || !TOWN_STATE_GAP.test(text.slice(tokens[at - 1].end, state.start))) return false
  return stateAfterTown(state.text, ABBREVIATION_END.test(text.slice(state.end, state.end + 2))) !== null
}

/** A one-word candidate that is a state's abbreviation after a capitalised town and a comma ("Tex." of "Kerrville, Tex."). */
function stateAfterTownAt(text: string, tokens: readonly Token[], c: Candidate): boolean {
  if (c.to - c.from !== 1 || c.from === 0 || !tokens[c.from - 1].cap) return false
  return townBeforeState(text, tokens, c.from) && ABBREVIATION_END.test(text.slice(tokens[c.from].end, tokens[c.from].end + 2))
}

/** Weak evidence for a type, which an organisation's short name overrules ("Corvane said" is Corvane Ferries); a title is not ("Mr. Pell" is no "Pell Administration"). */
const WEAK = new Set(['speech', 'unknown', 'heading'])

/** Stages 2 and 3: types by surface, then surnames to full names and short names to organisations. */
export function resolveAliases(tokens: readonly Token[], candidates: readonly Candidate[]): Resolved[] {
  typeNamesBySurname(tokens, candidates)
  const typeOf = new Map<string, EntityType>()
  const fullName = new Map<string, string>()
  const orgName = new Map<string, string>()
  for (const c of candidates) {
    if (c.type === null) continue
    const phrase = phraseOf(tokens, c.from, c.to)
    if (!typeOf.has(phrase)) typeOf.set(phrase, c.type)
    // "Corvane Ferries" can be written "Corvane": the name without its organisation head.
    if (c.type === 'organization' && c.to - c.from >= 2 && ORG_HEADS.has(tokens[c.to - 1].text) && !orgName.has(phraseOf(tokens, c.from, c.to - 1))) {
      orgName.set(phraseOf(tokens, c.from, c.to - 1), phrase)
    }
    if (c.type !== 'person') continue
    // The longest name with this last word is the canonical one ("Donald Trump" over "Trump").
    // "Robert Casey Jr.": the surname is the word before a generational suffix.
    const last = c.to - 1 > c.from && NAME_SUFFIX.test(tokens[c.to - 1].text) ? c.to - 2 : c.to - 1
    const surname = tokens[last].text
    const known = fullName.get(surname)
    if (!known || known.split(' ').length < c.to - c.from) fullName.set(surname, phrase)
  }
  const out: Resolved[] = []
  for (const c of candidates) {
    const phrase = phraseOf(tokens, c.from, c.to)
    const single = c.to - c.from === 1
    const full = single ? fullName.get(phrase) : undefined
    const org = orgName.get(phrase)
    // The organisation wins over weak evidence, unless a longer person name ends in this word.
    if (org !== undefined && (c.type === null || WEAK.has(c.why)) && (full === undefined || full === phrase)) {
      out.push({ from: c.from, to: c.to, type: 'organization', name: org, via: 'name' })
      continue
    }
    if (full !== undefined && (c.type === null || c.type === 'person')) {
      out.push({ from: c.from, to: c.to, type: 'person', name: full, via: full === phrase ? 'name' : 'surname' })
      continue
    }
    // A nationality word is a name only as the surname of a person named in full.
    if (c.why === 'demonym') continue
    const type = c.type ?? typeOf.get(phrase) ?? fallbackType(tokens, c)
    if (type !== null) out.push({ from: c.from, to: c.to, type, name: phrase, via: 'name' })
  }
  return out
}

/**
 * An unknown name of two or three words whose last word is also written alone ("Buddy Valastro
 * ... Valastro praised") is a person: organisations and places are seldom cut to their last word.
 */
function typeNamesBySurname(tokens: readonly Token[], candidates: readonly Candidate[]): void {
  const alone = new Set<string>()
  for (const c of candidates) if (c.to - c.from === 1) alone.add(tokens[c.from].text)
  for (const c of candidates) {
    const n = c.to - c.from
    if (c.type !== null || n < 2 || n > 3 || c.why === 'heading' || c.why === 'demonym') continue
    const last = tokens[c.to - 1]
    if (alone.has(last.text) && !ORG_HEADS.has(last.text) && !PLACE_HEADS.has(last.text)) c.type = 'person'
  }
}

/** Unknown capitalised words: kept as `other` mid-sentence; dropped at a sentence start or in a heading. */
function fallbackType(tokens: readonly Token[], c: Candidate): EntityType | null {
  // A sentence-initial possessive ("Kovalenko’s aides") is a name more often than not.
  // Two or more capitalised words are a name even at a sentence start ("Carly Fiorina threw ...").
  if (c.why === 'heading' || (tokens[c.from].initial && c.to - c.from < 2 && !tokens[c.to - 1].possessive)) return null
  return 'other'
}
