/**
 * Attribution cues: speech verbs ("said", "told reporters", "wrote", "according to"), the channel
 * given with them ("on Truth Social", "in a post on X", "In a CBS interview") and the filler words
 * allowed between a subject and its verb ("Rubio also said", "Trump on Wednesday said").
 */

import type { Span } from '../../types.js'

/** A speech verb found in the text. */
export interface Verb {
  start: number
  end: number
  word: string
}

const VERBS = [
  'said', 'says', 'say', 'saying', 'added', 'adds', 'adding', 'told', 'tells', 'telling', 'wrote', 'writes', 'writing',
  'posted', 'posts', 'posting', 'stated', 'states', 'stating', 'noted', 'notes', 'noting', 'remarked', 'explained',
  'insisted', 'argued', 'warned', 'declared', 'continued', 'asked', 'replied', 'responded', 'tweeted', 'announced',
  'maintained', 'claimed', 'stressed', 'acknowledged', 'described', 'describing', 'describes', 'called', 'calling', 'calls', 'indicated',
  'confirmed', 'promised', 'pledged', 'vowed', 'threatened', 'urged', 'conceded', 'admitted', 'recalled', 'suggested',
  'reported', 'reports', 'according to', 'quoted', 'quoting', 'citing',
  'interjected', 'echoed', 'retorted', 'concluded', 'concludes', 'asks', 'agreed', 'agrees', 'countered', 'counters',
  'quipped', 'joked', 'mused', 'shouted', 'yelled', 'wondered', 'observed', 'predicted', 'boasted', 'complained',
  'lamented', 'cautioned', 'emphasized', 'contended', 'reiterated', 'answered', 'commented', 'testified', 'recounted',
  'explains', 'insists', 'argues', 'warns', 'notes', 'continues', 'replies', 'responds', 'tweets', 'declares', 'adds',
  'sighed', 'exclaimed', 'pointed out', 'went on', 'assured', 'reacted', 'blogged', 'riffed', 'issued a statement', 'released a statement',
  'cracked', 'scoffed', 'shot back', 'gloated', 'boomed', 'beamed', 'barked', 'fumed', 'snapped', 'chided', 'chiding', 'proclaimed',
  'thundered', 'teased', 'mocked', 'scolded', 'asserted', 'asserts', 'asserting', 'reasoned', 'opined', 'insisting', 'arguing', 'warning',
  'explaining', 'acknowledging', 'pleaded', 'demanded', 'demands', 'griped', 'cried', 'chanted', 'chanting', 'shouting', 'screamed', 'lectured',
  'put it', 'declares', 'remembered', 'exhorted', 'opined', 'dubbed', 'labeled', 'labelled', 'branded', 'termed',
  'retaliated', 'pressed', 'repeated', 'sniped', 'emailed', 'charged', 'fired back', 'admits', 'sings', 'sang',
  'asking', 'tweeting', 'questioned', 'summarized', 'summed up',
  // "reads a statement from ...", "The posts read, “...”": what a text says.
  'reads', String.raw`read(?=[,:]\s*["“])`,
]
export const SPEECH_VERB = new RegExp(String.raw`\b(?:${VERBS.join('|')})\b`, 'gi')

/** Verbs that may come before their subject ("said Kremlin spokesman Dmitry Peskov", "Says Trump"). */
export const INVERTIBLE =
  /^(?:said|says|added|adds|wrote|writes|asked|asks|continued|continues|according to|citing|quoting|reported|reports|demanded|demands|replied|replies|responded|explained|noted|recalled|agreed|agrees|countered|quipped|joked|concluded|concludes|insisted|tweeted|echoed|warned|declared|remarked|observed|stated|answered|retorted|interjected|argued|cautioned|exclaimed|shouted|wondered|commented|reacted|mused|blogged|scoffed|cracked|gloated|boomed|beamed|barked|fumed|snapped|proclaimed|thundered|asserted|cried|screamed|declares|remembered|exhorted|opined|reads|summarized|summed up)$/i

/** Words allowed between a subject and its verb. */
export const FILLER = new RegExp(
  String.raw`^(?:\s+|,?\s*\([RDI]-[\w. ]{1,12}\),?|,\s*[RDI]-[\w.]{1,12},|,\s*(?:for (?:one|example|instance|(?:his|her|its|their) part)|however|too|though|in turn|in response|meanwhile|in particular)\s*,|(?:also|later|then|earlier|had|has|have|having|previously|reportedly|again|once|quickly|repeatedly|would|will|could|did|does|further|simply|just|first|initially|publicly|privately|separately|himself|herself|today|yesterday|tonight|on|last|this|week|month|morning|evening|night|[A-Z][a-z]+day|\w+ly))*$`,
)

/** A relative clause between subject and verb: "Zelensky, who spoke to Trump ..., said". */
export const RELATIVE_CLAUSE = /^\s*,\s*(?:who|which|whose)\b[^“”"]{0,160},\s*$/

const CHANNEL_STOP = new Set(
  'that after before when while following though and but about with without from for to as because if where amid by said'.split(' '),
)
const CHANNEL_AFTER = /^,?\s+(?:on|in|to|during|via|through)\s+/
const NOT_A_CHANNEL = /^(?:the\s+)?(?:\w+day|today|yesterday|morning|evening|night|last|this|next|earlier|later|response|part|addition|reference|particular|january|february|march|april|may|june|july|august|september|october|november|december)\b/i
const TOLD_OBJECT = /^ +((?:the )?(?:reporters|journalists|lawmakers|the press|an? [a-z]+ (?:audience|crowd|briefing)|[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}))/
const MAX_CHANNEL_WORDS = 5

/** After a verb: "told reporters", "told Reuters" (object), then "on Truth Social" (channel). */
export function phraseAfterVerb(text: string, verb: Verb): { cueEnd: number; channel?: string } {
  let at = verb.end
  let channel: string | undefined
  if (/^tol[d]|^tell/i.test(verb.word)) {
    const obj = TOLD_OBJECT.exec(text.slice(at, at + 60))
    if (obj) {
      at += obj[0].length
      if (/^[A-Z]/.test(obj[1]) && !/^The\s/.test(obj[1])) channel = obj[1]
    }
  }
  const prep = CHANNEL_AFTER.exec(text.slice(at, at + 12))
  if (prep) {
    const words = channelWords(text, at + prep[0].length)
    if (words) {
      return { cueEnd: words.end, channel: words.text }
    }
  }
  return { cueEnd: at, ...(channel ? { channel } : {}) }
}

function channelWords(text: string, from: number): { text: string; end: number } | null {
  const re = /[^\s,.:;“”"!?]+/y
  let end = from
  let count = 0
  re.lastIndex = from
  for (let m = re.exec(text); m !== null && count < MAX_CHANNEL_WORDS; m = re.exec(text)) {
    if (count > 0 && CHANNEL_STOP.has(m[0].toLowerCase())) break
    end = m.index + m[0].length
    count++
    if (text[end] !== ' ') break
    re.lastIndex = end + 1
  }
  if (count === 0) return null
  // "in a post on X" may stop on the article ("in a post on"): drop a dangling preposition.
  const phrase = text.slice(from, end).replace(/\s+(?:on|in|of|a|an|the)$/i, '')
  if (NOT_A_CHANNEL.test(phrase)) return null
  return { text: phrase, end: from + phrase.length }
}

const CHANNEL_ANYWHERE = [
  /\b[Ii]n (an? (?:[\w-]+ ){0,2}(?:interview|statement|post|video|address|message|podcast|briefing|op-ed|letter))\b/,
  /\b[Ss]peaking (?:to|on|with) ((?:the )?[A-Z][\w]*(?: [A-Z][\w]*){0,3})/,
  /\baccording to ((?:[\w’-]+ ){0,3}(?:media|news agency|agency|television|TV|radio))\b/,
]

/** A channel named elsewhere in the attribution ("In a CBS interview aired Tuesday, Trump stated:"). */
export function channelAnywhere(text: string, from: number, to: number): string | undefined {
  const window = text.slice(from, to)
  for (const re of CHANNEL_ANYWHERE) {
    const m = re.exec(window)
    if (m) return m[1]
  }
  return undefined
}

/** "according to" names a source or a channel. */
export const ACCORDING = /^according to$/i
const PLAIN_SPEECH = /^(?:said|says|say|added|adds|wrote|writes|explained|stated|noted|remarked)$/i
/** "to" and a verb after a speech verb ("promised to enforce"), not "to" and an object ("proclaimed to a cheering crowd"). */
const INFINITIVE_AFTER = /^\s+to\s+(?!(?:a|an|the|his|her|their|its|my|our|your|this|that|these|those|reporters|supporters|them|him|me|us|you)\b)[a-z]/
const SAY_AFTER = /^\s+to\s+(?:say|add|tell|ask|write|note)\b/
const ALL_CAPS = /^[A-Z]{2,}(?: [A-Z]+)?$/
/** Verbs that report words only with no object after them. */
const OBJECT_FIRST = /^questioned$/i
const CLAUSE_ENDS_AFTER = /^\s*(?:[,.;:!?]|$)/
const PASSIVE = /\b(?:is|was|are|were|been|be)\s+(?:\w+ly\s+)?$/i

/** Speech verbs in `[from, to)` outside quotation marks, skipping those that report no words ("promised to enforce"). */
export function verbsIn(text: string, from: number, to: number, quoted: readonly Span[]): Verb[] {
  const out: Verb[] = []
  const window = text.slice(from, to)
  SPEECH_VERB.lastIndex = 0
  for (let m = SPEECH_VERB.exec(window); m !== null; m = SPEECH_VERB.exec(window)) {
    const start = from + m.index
    // "so-called", "well-said": a hyphenated word is no verb; nor is one in an all-capitals
    // headline ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “...”").
    if (text[start - 1] === '-' || ALL_CAPS.test(m[0])) continue
    // "promised to enforce", "is said to want": a verb before an infinitive reports no words; but
    // "said to cheers", "told to reporters" do, so plain speech verbs are skipped only in the passive.
    const toAfter = INFINITIVE_AFTER.test(text.slice(start + m[0].length, start + m[0].length + 16)) && !ACCORDING.test(m[0])
    // "went on to say", "continued to tell": the infinitive is itself a speech verb.
    const sayAfter = toAfter && SAY_AFTER.test(text.slice(start + m[0].length, start + m[0].length + 12))
    if (toAfter && !sayAfter && (!PLAIN_SPEECH.test(m[0]) || PASSIVE.test(text.slice(Math.max(0, start - 12), start)))) continue
    // "Ann Roe questioned Tom Pell’s claim": a verb that takes what is questioned as its object reports words only when it has none ("..., Roe questioned.").
    if (OBJECT_FIRST.test(m[0]) && !CLAUSE_ENDS_AFTER.test(text.slice(start + m[0].length, start + m[0].length + 4))) continue
    if (!quoted.some(([a, b]) => start >= a && start < b)) out.push({ start, end: start + m[0].length, word: m[0] })
  }
  return out
}
