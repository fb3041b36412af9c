/**
 * What the words around an unknown capitalised name say about its type, when no lexicon knows it:
 * an age (", 34,"), a relative "who", an appositive with a person noun (", the ... official",
 * ", a passenger", ", chief executive of") or one before it ("the captain, X,") make a person;
 * an organisation noun before it ("the union, X,", "the operator, X") makes an organisation.
 */
import type { EntityType } from '../../types.js'
import { ROLE_HEADS } from './lexicon.js'
import type { Token } from './tokens.js'

/** Nouns for people (beyond titles) that an appositive may end in. */
const PERSON_NOUNS = new Set(`
passenger passengers resident witness survivor owner worker teacher student doctor nurse surgeon engineer pilot driver farmer fisherman
fisher mother father wife husband son daughter grandmother grandfather grocer shopkeeper manager economist analyst lawyer journalist
reporter researcher scientist expert activist volunteer victim employee veteran author historian pastor priest imam rabbi neighbour
neighbor friend member councillor councilor inspector investigator skipper crewman deckhand sailor mechanic owner-operator organiser
organizer campaigner player coach singer actor actress artist writer editor photographer founder partner survivor relative
candidate nominee columnist commentator strategist pollster consultant lobbyist donor supporter delegate protester voter
anchor host correspondent spokesperson professor senator congressman congresswoman
`.trim().split(/\s+/))

/** Nouns for organisations that may stand before a name in apposition ("the ferry workers' union, X"). */
const ORG_NOUNS = new Set(`
union company firm operator carrier airline charity group agency organisation organization association federation broadcaster
newspaper outlet network bank insurer manufacturer maker retailer chain startup party movement coalition alliance club team
ministry department council committee board authority regulator watchdog court hospital school university insurer lender
`.trim().split(/\s+/))

const DETERMINER = /^(?:the|a|an|its|his|her|their)$/i
const AGE_AFTER = /^,\s*\d{1,3},/
const WHO_AFTER = /^,\s*(?:who|whose)\b/
const COMMA_GAP = /^\s*,\s*$/
/** How many words an appositive may hold before its head noun ("the Coastal Safety Board official"). */
const MAX_APPOSITIVE_WORDS = 7

const isPersonNoun = (word: string): boolean => ROLE_HEADS.has(word) || PERSON_NOUNS.has(word)
/** Person nouns that also stand before countries or groups ("member States", "partner Germany"). */
const NOT_BEFORE_NAME = new Set(['member', 'partner', 'friend', 'relative', 'state'])

/** Whether a lowercase word names an occupation or role a person has ("host", "reporter", "senator"). */
export function isOccupationNoun(word: string): boolean {
  return PERSON_NOUNS.has(word) && !NOT_BEFORE_NAME.has(word)
}

/**
 * An occupation noun right before a name works as a title ("engineer Dale Ambrose", "passenger Lena
 * Moravec"): lowercase, or capitalised only as a sentence's first word ("Engineer Dale Ambrose warned").
 */
export function occupationBefore(tokens: readonly Token[], from: number): boolean {
  const prev = tokens[from - 1]
  if (prev === undefined || !tokens[from].joined || prev.possessive || (prev.cap && !prev.initial)) return false
  const word = prev.cap ? prev.text.toLowerCase() : prev.text
  return PERSON_NOUNS.has(word) && !NOT_BEFORE_NAME.has(word)
}

/** The type the context around tokens `[from, to)` gives, or null when it says nothing. */
export function typeByContext(text: string, tokens: readonly Token[], from: number, to: number): EntityType | null {
  const after = text.slice(tokens[to - 1].end, tokens[to - 1].end + 12)
  if (AGE_AFTER.test(after) || WHO_AFTER.test(after)) return 'person'
  if (appositiveHead(text, tokens, to) !== null) return 'person'
  const prev = tokens[from - 1]
  if (prev === undefined || prev.cap || !COMMA_GAP.test(text.slice(prev.end, tokens[from].start))) return null
  const word = prev.text.toLowerCase()
  if (isPersonNoun(word)) return 'person'
  if (ORG_NOUNS.has(word)) return 'organization'
  return null
}

/**
 * The token index of the person noun heading an appositive right after the name (", the Coastal
 * Safety Board official", ", a passenger travelling", ", 34, a teacher"), or null.
 */
function appositiveHead(text: string, tokens: readonly Token[], to: number): number | null {
  const first = tokens[to]
  if (first === undefined || !COMMA_GAP.test(text.slice(tokens[to - 1].end, first.start))) return null
  let lowercase = 0
  for (let k = to; k < tokens.length && k - to < MAX_APPOSITIVE_WORDS; k++) {
    const t = tokens[k]
    if (k > to && !t.joined && !tokens[k - 1].possessive) return null
    const word = t.text.toLowerCase()
    if (!t.cap && isPersonNoun(word)) return k
    if (DETERMINER.test(word) || t.cap || t.possessive) continue
    // A few lowercase modifiers ("the island's only grocer", "a local shop owner"), not a clause.
    if (++lowercase > 2) return null
  }
  return null
}
