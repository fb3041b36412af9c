/**
 * How certain a claim is about what it states, read from cue words: definite ("will", "is expected
 * to", "takes effect"), open ("whether", "unclear", "no decision"), negated ("did not", "never"),
 * hedged ("may", "might") or plain. Each cue has a scope, the words it bears on, so a claim
 * discrepancy can check that two claims disagree about the same words and not about a side remark.
 */
import { foldCase, straightApostrophes } from '../text/tokens.js'

export type Modality = 'plain' | 'definite' | 'open' | 'negated' | 'hedged'

/**
 * Verbs of planning or wishing, before "to" and the verb planned ("plans to meet", "wanted to
 * meet"), as a pattern source: fact alignment keys plans by them, the summary reads a stance by them.
 */
export const PLAN_VERBS = String.raw`(?:plans?|planned|planning|intends?|intended|intending|wants?|wanted|hopes?|hoped|expects?|expected|aims?|aimed|seeks?|sought)`

/** A claim's modality, the cue that set it and the folded words in the cue's scope. */
export interface ModalityReading {
  modality: Modality
  /** The cue as written in the claim (folded): "expected to", "whether", "did not". */
  cue: string | null
  /** Folded words the cue bears on; empty for `plain`. */
  scope: string[]
  /** A date, time or deadline is stated in the claim ("on Friday", "from Monday"). */
  dated: boolean
}

export interface ModalityOptions {
  /** Words after an open or negation cue that it bears on. */
  scopeAfter?: number
  /** Words before a definite cue it bears on (its subject: "the sanctions are expected to"). */
  scopeBefore?: number
  /** Words after a negation it bears on: "did not meet the envoy", not the rest of the clause. */
  negationScope?: number
}

type CueKind = Exclude<Modality, 'plain'>

// Phrases as folded word sequences; the longest match at a position wins. Open beats negated beats
// definite beats hedged when a claim has several ("would decide whether", "has not decided").
const CUES: [CueKind, string][] = [
  ['open', 'whether'], ['open', 'unclear'], ['open', 'undecided'], ['open', 'uncertain'], ['open', 'unknown'],
  ['open', 'no decision'], ['open', 'not decided'], ['open', 'not yet decided'], ['open', "hasn't decided"],
  ["open", "haven't decided"], ['open', 'yet to decide'], ['open', 'yet to be decided'], ['open', 'considering'],
  ['open', 'weighing'], ['open', 'mulling'], ['open', 'debating'], ['open', 'not clear'], ['open', 'not known'],
  ['negated', 'not'], ['negated', 'never'], ['negated', 'denied'], ['negated', 'denies'], ['negated', 'refused'],
  ['negated', 'no longer'],
  ['definite', 'will'], ['definite', 'expected to'], ['definite', 'set to'], ['definite', 'scheduled to'],
  ['definite', 'plans to'], ['definite', 'plan to'], ['definite', 'planned to'], ['definite', 'going to'],
  ['definite', 'intends to'], ['definite', 'intend to'], ['definite', 'intended to'],
  ['definite', 'take effect'], ['definite', 'takes effect'], ['definite', 'took effect'], ['definite', 'would'],
  ['hedged', 'may'], ['hedged', 'might'], ['hedged', 'could'], ['hedged', 'possibly'], ['hedged', 'likely'],
  ['hedged', 'unlikely'], ['hedged', 'perhaps'],
]
const CUE_TABLE = new Map<string, { kind: CueKind; words: string[] }[]>()
for (const [kind, phrase] of CUES) {
  const words = phrase.split(' ')
  const list = CUE_TABLE.get(words[0]) ?? []
  list.push({ kind, words })
  list.sort((a, b) => b.words.length - a.words.length)
  CUE_TABLE.set(words[0], list)
}
const RANK: Record<CueKind, number> = { open: 4, negated: 3, definite: 2, hedged: 1 }
// Contractions of "not": "didn't", "won't" (definite and negated at once: negated wins).
const NOT_SUFFIX = /n['’]t$/
// A negation right after these is a condition or a time limit, not a denial: "if it is not agreed",
// "will not resume until Thursday" (checked on the words after the cue, see `temporalNegation`).
const CONDITION = new Set(['if', 'unless', 'whether', 'or'])
const UNTIL = new Set(['until', 'till', 'before', 'unless'])
// "did not elaborate", "has not commented": details withheld, not the claim denied.
const WITHHELD = new Set(['say', 'said', 'elaborate', 'specify', 'detail', 'disclose', 'comment', 'respond', 'reply', 'confirm', 'explain', 'name', 'identify', 'provide', 'give'])
const FILLER = new Set(['immediately', 'yet', 'be', 'been', 'publicly', 'directly'])
// "not only ... but", "not just": an addition, not a denial.
const NOT_DENIAL = new Set(['only', 'just', 'merely', 'simply', 'least', 'necessarily'])
// "not the only country to", "not the first to", "not alone in": others too, which affirms rather than denies.
const NOT_ALONE = new Set(['only', 'sole', 'first'])
// Tokens: words, and the punctuation that ends a cue's scope.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[;:—–()]/gu
const SCOPE_END = /^[;:—–()]$/
// Cheap gate: most claims have no cue at all.
// A cheap pre-check: a claim without the first word of any cue (or a contraction of "not") is plain.
const ANY_CUE = new RegExp(`\\b(?:${[...new Set(CUES.map(([, phrase]) => phrase.split(' ')[0]))].join('|')})\\b|n['’]t\\b`, 'i')
const DATED = /\b(?:on|from|by|until|before|after|starting|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|\d)|\b(?:today|tomorrow|tonight)\b|\b\d+\s*(?:-\s*\d+\s*)?(?:hours?|days?)\b/i

interface Cue {
  kind: CueKind
  at: number
  length: number
}

function cueAt(tokens: string[], i: number): Cue | null {
  const word = tokens[i]
  for (const c of CUE_TABLE.get(word) ?? []) {
    if (c.words.every((w, k) => tokens[i + k] === w)) return { kind: c.kind, at: i, length: c.words.length }
  }
  return NOT_SUFFIX.test(word) ? { kind: 'negated', at: i, length: 1 } : null
}

/** "not ... until Thursday", "if ... not agreed": a negation that limits rather than denies. */
/** "not the only country to grant it", "not the first to", "not alone in": a plain "not" saying others did too. */
function notAlone(tokens: string[], cue: Cue): boolean {
  const word = tokens[cue.at]
  if (cue.length !== 1 || !(word === 'not' || /n['’]t$/.test(word))) return false
  const after = cue.at + 1
  if (tokens[after] === 'alone') return tokens[after + 1] === 'in'
  if (tokens[after] !== 'the' || !NOT_ALONE.has(tokens[after + 1])) return false
  // "not the first" of a count is still no denial; "not the first choice" (a noun after it) is one.
  for (let k = after + 2; k < Math.min(tokens.length, after + 5); k++) if (tokens[k] === 'to' || tokens[k] === 'in' || tokens[k] === 'time') return true
  return false
}

const AUXILIARY = new Set(['did', 'does', 'do', 'will', 'would', 'could', 'can', 'should', 'has', 'have', 'had', 'was', 'were', 'is', 'are'])
const TIME_NOUN = /^(?:week|weekend|month|year|day|night|time|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter|decade)s?$/
const ELLIPSIS_NEXT = new Set(['yesterday', 'today', 'tonight', 'then', 'earlier', 'before', 'either', 'too'])
const BE_FORMS = new Set(['is', 'are', 'was', 'were'])

/**
 * "Biden did another thing Obama did not a week ago": an auxiliary and "not" with the verb left
 * out (it stands earlier in the sentence), followed by the clause's end or a time. What it denies
 * is not in its words, so no claim is denied by them.
 */
function elidedVerb(tokens: string[], cue: Cue): boolean {
  const word = tokens[cue.at]
  const auxiliary = word === 'not' ? AUXILIARY.has(tokens[cue.at - 1]) : cue.length === 1 && NOT_SUFFIX.test(word)
  if (!auxiliary) return false
  let k = cue.at + cue.length
  // The clause ends where the tokens do, at a stop ("; : ( )", not a dash: "did not — and would
  // not — approve"), or at "and" / "but" starting the next one.
  const ends = (t: string | undefined) => t === undefined || /^[;:()]$/.test(t) || t === 'and' || t === 'but'
  if (ends(tokens[k])) return true
  // Then at most one time or "either"/"too" between the negation and that end.
  const be = BE_FORMS.has(tokens[cue.at - 1] ?? '') || /^(?:isn|wasn|aren|weren)['’]t$/.test(word)
  if (ELLIPSIS_NEXT.has(tokens[k])) k++
  // "did not last week" (a time) against "did not last long" (a verb); "was not a day" is a noun.
  else if (!be && (tokens[k] === 'last' || tokens[k] === 'this' || tokens[k] === 'a' || tokens[k] === 'one') && TIME_NOUN.test(tokens[k + 1] ?? '')) k += 2
  else return false
  if (tokens[k] === 'ago') k++
  return ends(tokens[k])
}

function weakNegation(tokens: string[], cue: Cue, scopeAfter: number): boolean {
  if (elidedVerb(tokens, cue)) return true
  for (let k = Math.max(0, cue.at - 4); k < cue.at; k++) if (CONDITION.has(tokens[k])) return true
  let next = cue.at + cue.length
  while (FILLER.has(tokens[next])) next++
  const after = cue.at + cue.length
  if (WITHHELD.has(tokens[next]) || NOT_DENIAL.has(tokens[after])) return true
  if (notAlone(tokens, cue)) return true
  for (let k = cue.at + cue.length; k < Math.min(tokens.length, cue.at + cue.length + scopeAfter); k++) {
    if (SCOPE_END.test(tokens[k])) break
    if (UNTIL.has(tokens[k])) return true
  }
  return false
}

function scopeOf(tokens: string[], cue: Cue, before: number, after: number): string[] {
  let start = cue.at
  for (let k = cue.at - 1; k >= Math.max(0, cue.at - before) && !SCOPE_END.test(tokens[k]); k--) start = k
  let end = cue.at + cue.length
  for (let k = end; k < Math.min(tokens.length, cue.at + cue.length + after) && !SCOPE_END.test(tokens[k]); k++) end = k + 1
  return tokens.slice(start, cue.at).concat(tokens.slice(cue.at + cue.length, end))
}

/**
 * Reads the modality of one claim's text. "would" counts as definite only in a dated claim
 * ("said it would charter a boat from Thursday"), where it reports a plan rather than a condition.
 * @example readModality('Trump would decide whether to impose the sanctions').modality // 'open'
 */
export function readModality(text: string, { scopeAfter = 16, scopeBefore = 16, negationScope = 5 }: ModalityOptions = {}): ModalityReading {
  const dated = DATED.test(text)
  if (!ANY_CUE.test(text)) return { modality: 'plain', cue: null, scope: [], dated }
  // One apostrophe: the cue table writes "hasn't", outlets print "hasn’t" as often.
  const tokens = straightApostrophes(foldCase(text)).match(TOKEN) ?? []
  let best: Cue | null = null
  for (let i = 0; i < tokens.length; i++) {
    const cue = cueAt(tokens, i)
    if (!cue) continue
    if (cue.kind === 'negated' && weakNegation(tokens, cue, scopeAfter)) continue
    if (cue.kind === 'definite' && tokens[i] === 'would' && !dated) continue
    if (!best || RANK[cue.kind] > RANK[best.kind]) best = cue
  }
  if (!best) return { modality: 'plain', cue: null, scope: [], dated }
  const before = best.kind === 'definite' ? scopeBefore : 0
  const after = best.kind === 'negated' ? negationScope : scopeAfter
  return {
    modality: best.kind,
    cue: tokens.slice(best.at, best.at + best.length).join(' '),
    scope: scopeOf(tokens, best, before, after),
    dated,
  }
}
