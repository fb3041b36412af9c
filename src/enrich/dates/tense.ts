/**
 * The year of a month or a day named without one ("in April", "on Nov. 6"), and the tense of the
 * verb such a date hangs on. One function for both readings of a date: the timeline's value
 * (./chrono.ts, ./news.ts) and the TimeML reading (./timex.ts) choose the same year.
 */
import { IRREGULAR_PAST } from '../../text/verbs.js'
import { sentenceAround } from '../../text/spans.js'
import type { Span } from '../../types.js'
import type { CalendarDate } from './calendar.js'

/** The tense of the verb a month hangs on, when the words around it show one (see `governingTense`); `ended`: a period that ended then. */
export type Tense = 'past' | 'future' | 'ended' | null

/** Days within which the nearer occurrence of a month stands when no tense is clear ("in October" written in late October). */
export const TENSE_MIN_DAYS = 45

/**
 * The year that puts month `n`, day `d` nearest the anchor, leaning to the past (see `byTense`); a
 * past verb ("bought RJR in February") takes the past one, a verb still to come ("will double its
 * flights by August", "effective June 1") the next one, unless the other is within `TENSE_MIN_DAYS`.
 * Within those days a clear tense still bounds the year: a past verb never gives a month (or day)
 * that starts after publication ("closed in January" written on Dec. 20 is the January gone by), a
 * future one never a month that ended before the publication month ("will adjourn in December"
 * written on Jan. 25 is the coming December). `first`: the first day the date covers (1 for a month alone).
 */
export function nearestYear(anchor: CalendarDate, n: number, d: number, ahead: () => boolean, tense: Tense | (() => Tense) = null, first = d): number {
  const at = (y: number) => Date.UTC(y, n - 1, d) - Date.UTC(anchor.year, anchor.month - 1, anchor.day)
  const past = at(anchor.year) <= 0 ? anchor.year : anchor.year - 1
  const next = past + 1
  const back = Math.abs(at(past))
  const forward = Math.abs(at(next))
  if (tense === 'ended') return past
  const lean = back <= forward * 1.5 || (back <= forward * 2 && !ahead()) ? past : next
  const day = 864e5
  const near = lean === next ? forward < TENSE_MIN_DAYS * day : back < TENSE_MIN_DAYS * day
  const verb = typeof tense === 'function' ? tense() : tense
  const year = near ? lean : verb === 'past' ? past : verb === 'future' ? next : lean
  if (verb === 'past' && year === next && Date.UTC(next, n - 1, first) > Date.UTC(anchor.year, anchor.month - 1, anchor.day)) return past
  if (verb === 'future' && year === past && past * 12 + n < anchor.year * 12 + anchor.month) return next
  return year
}

// Words that put what follows them ahead: modals, plans and schedules, "effective June 1".
const AHEAD_WORDS = new Set(['will', "'ll", 'shall', 'would', 'can', 'could', 'should', 'must', 'might', 'expected', 'expects', 'scheduled', 'planned', 'due', 'effective', 'upcoming', 'next'])
// The verbs before "set" or "slated" that make it a schedule ("is set for Nov. 6").
const SCHEDULED_AFTER = new Set(['is', 'are', 'been', 'be'])
// Words before which an "-ed" word is an adjective ("a still unspecified date"), not a past verb.
// ("that" is not one: "the party that won in November" is its relative pronoun and a past verb.)
const BEFORE_ADJECTIVE = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'still', 'be', 'been', 'being', 'is', 'are', 'has', 'have', 'had', 'was', 'were', 'to', 'not'])
const WORD_RE = /[A-Za-z']+|[^\sA-Za-z']+/g

/**
 * The tense of the verb a month without a year hangs on. "in April", "during March" and "since
 * May" after a past verb are past ("Since KKR bought RJR in February", "changed its fiscal year in
 * December"), and so is "In January, a bombing killed ..." at the head of a sentence; a modal, a
 * plan or "effective" before the month puts it ahead ("will double its flights by August"); an
 * infinitive between ("agreed to buy the unit in February") says nothing of when. Only words of
 * the month's own sentence are read, at most sixteen before it (or the sentence after "In January,").
 */
export function governingTense(text: string, start: number, end: number, sentences: readonly Span[], on = false): Tense {
  const before = text.slice(Math.max(0, start - 120), start)
  // the word before the date, past an article: "in the November election" hangs on "in"
  const prep = /([A-Za-z']+)\s+(?:the\s+)?$/.exec(before)?.[1].toLowerCase()
  if (prep === 'since') return 'past'
  if (prep === 'effective') return 'future'
  const headed = /(?:^|[.!?]["'`]*\s+|\n\s*)In\s+$/.test(before) && /^\s*,/.test(text.slice(end, end + 3))
  if (headed) {
    // "In January, a clinic bombing in Birmingham killed ...": the sentence's first verb
    const after = text.slice(end, end + 200)
    const stop = Math.max(0, sentenceAround(sentences, start, text.length)[1] - end)
    return firstVerbTense(after.slice(0, stop).match(WORD_RE) ?? [], 1)
  }
  // the month's own sentence: back to the last full stop that ends one ("Ala., killed" does not)
  const from = Math.max(0, sentenceAround(sentences, start, text.length)[0] - (start - before.length))
  const back = [...before.slice(from).matchAll(WORD_RE)].map((m) => m[0]).reverse().slice(0, 16)
  const tense = firstVerbTense(back, -1)
  // a past verb counts only for a month the verb places: "in", "during" ("extended to Nov. 20" is a
  // deadline); `on` too when asked ("warned on Nov. 12", see `tenseOfUndated`)
  if (tense === 'past' && prep !== 'in' && prep !== 'during' && !(on && prep === 'on')) return null
  return tense
}

/** The tense of the first verb among `words` (read forwards with `dir` 1, backwards from the month with -1). */
export function firstVerbTense(words: readonly string[], dir: 1 | -1): Tense {
  for (let i = 0; i < words.length; i++) {
    const w = words[i].toLowerCase()
    // the word read before this one in the sentence's order
    const prev = (dir === -1 ? words[i + 1] : words[i - 1])?.toLowerCase() ?? ''
    const next = (dir === -1 ? words[i - 1] : words[i + 1])?.toLowerCase() ?? ''
    if (AHEAD_WORDS.has(w)) return 'future'
    // "is set for Nov. 6", "are set to vote in May", "is slated for May": a schedule ("set a record in May"
    // is past, "had been set for Jan. 5" a plan of the past, "was slated by critics in May" British for criticised)
    if ((w === 'set' || w === 'slated') && (next === 'for' || next === 'to') && SCHEDULED_AFTER.has(prev)) {
      const before = (dir === -1 ? words[i + 2] : words[i - 2])?.toLowerCase()
      if (!(prev === 'been' && before === 'had')) return 'future'
    }
    if (prev === 'to' && /^[a-z]+$/.test(words[i]) && !DETERMINER_WORDS.has(w)) return null
    // "the envoy was leaving in February": a plan, as `clauseLooksAhead` reads it
    if ((w === 'was' || w === 'were') && next === 'leaving') return 'future'
    if (IRREGULAR_PAST.has(w) && !(dir === 1 && next === 'to') && !BEFORE_ADJECTIVE.has(prev)) return 'past'
    if (/^[a-z]{3,}ed$/.test(words[i]) && !BEFORE_ADJECTIVE.has(prev)) return 'past'
  }
  return null
}

const DETERMINER_WORDS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those'])

// A full stop that ends "Sept." or "a.m." (no clause or sentence edge).
export const ABBREVIATION_END_RE = /\b(?:[ap]\.m|[A-Z][a-z]{0,3})\.$/

// A month without a year in a clause that speaks of what is to come ("will", "upcoming", "is set
// to") is the coming such month: "the November election" voters will decide, written in June.
// The clause ends at commas too, so "who won in March, will run again" keeps March behind.
// "is set for January", "are slated for May" are a schedule too (as ./timex.ts reads them), but
// not "had been set for" (a plan since past) nor "was slated by critics" (British: criticised).
const MONTH_AHEAD_RE =
  /\b(?:will|'ll|shall|upcoming|coming|next|(?:is|are|was|were)\s+(?:set|scheduled|expected|due|slated|supposed)\s+to|(?<!\bhad\s+)(?:is|are|been|be)\s+(?:set\s+for|slated\s+for)|(?:was|were)\s+leaving|going\s+to|plans?\s+to)\b/i
// "he would help the party in November": "would" governs the month only from before it ("told
// HuffPost in February that lawmakers would ..." is a February past).
const WOULD_BEFORE_RE = /\bwould\b/i
// "up for re-election in November", "facing re-election in November".
const ELECTION_BEFORE_RE = /\b(?:re-?election|elections?|midterms?|ballot)\s+(?:in|this)\s+$/i
// Punctuation, and words opening another clause: in "told HuffPost in February that lawmakers
// will add ...", the "will" is not February's.
const CLAUSE_EDGE_RE = /[.;!?,:—–()]|\b(?:that|which|who|because|but|while|when|where|whether)\b/g
// "the November elections": news speaks of elections mostly before they are held, so the month
// of one is the coming one unless its clause tells of it as past ("lost the November election").
const ELECTION_AFTER_RE = /^\s+(?:general\s+|midterm\s+|presidential\s+|mayoral\s+)?(?:elections?|midterms|vote|ballot|runoff|polls)\b/i
const PAST_CLAUSE_RE = /\b(?:lost|won|was|were|had|held|last|previous|ago|since|after\s+losing|after\s+winning)\b/i

const SINCE_RE = /\bsince\s+(?:(?!spring\b)\p{L}+ing\b[^]*)?$/iu
const CUES_RE = new RegExp(`${MONTH_AHEAD_RE.source}|${WOULD_BEFORE_RE.source}`, 'gi')

/** Where the last word that looks ahead ends in `text`, or 0. */
function lastCueEnd(text: string): number {
  let end = 0
  for (const m of text.matchAll(CUES_RE)) end = m.index + m[0].length
  return end
}

/** Where the clause holding offset `start` begins within `before` (the 100 characters before `start`). */
function clauseFrom(before: string): number {
  let from = 0
  for (const m of before.matchAll(CLAUSE_EDGE_RE)) {
    // The full stops of "Sept." and "a.m." are not clause edges.
    if (m[0] === '.' && ABBREVIATION_END_RE.test(before.slice(0, m.index + 1))) continue
    from = m.index + m[0].length
  }
  return from
}

/**
 * "would meet him since returning to office in January": a "since" leading into the month at
 * `start`, or into an -ing verb whose phrase holds it, after the clause's last word that looks
 * ahead, opens a past of its own, as "since January" does (not "the first time since the floods in
 * November", nor "since" for "because").
 */
function sinceLeadsIn(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start)
  const from = clauseFrom(before)
  return SINCE_RE.test(before.slice(Math.max(from, lastCueEnd(before))))
}

/** Whether the clause around `[start, end)` (bounded by punctuation and "that", "which", "but"..., 100 characters each way) looks ahead. */
export function clauseLooksAhead(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start)
  const from = clauseFrom(before)
  const after = text.slice(end, end + 100)
  const stop = after.search(CLAUSE_EDGE_RE)
  const clause = `${before.slice(from)} ${stop < 0 ? after : after.slice(0, stop)}`
  if (sinceLeadsIn(text, start)) return false
  if (MONTH_AHEAD_RE.test(clause) || WOULD_BEFORE_RE.test(before.slice(from))) return true
  // ("who failed to unseat him in the June election": a past verb of the clause keeps it behind)
  return (ELECTION_AFTER_RE.test(after) || ELECTION_BEFORE_RE.test(before)) && !PAST_CLAUSE_RE.test(clause) && firstVerbTense(clause.match(WORD_RE) ?? [], 1) !== 'past'
}

// Words in a date's sentence that look ahead (./timex.ts reads them for quarters, holidays and seasons too).
const FUTURE_CUE_RE = /\b(?:will|'ll|shall|expected|expects|plans?|planned|scheduled|due|next|upcoming|forecast|projected|estimates?|should|would)\b/i

/** Whether the sentence around a date, 150 characters before it and 100 after at most, looks ahead. */
export function futureIn(text: string, sentences: readonly Span[]): (start: number, end: number) => boolean {
  return (start, end) => {
    // The date's sentence, within the reach only: a scan of the whole text per date is quadratic.
    const [from, to] = sentenceAround(sentences, start, text.length)
    return FUTURE_CUE_RE.test(text.slice(Math.max(start - 150, from), Math.min(end + 100, Math.max(to, end))))
  }
}

// "the quarter ended Oct. 31": a period that has ended, ended before publication.
const ENDED_BEFORE_RE = /\bended\s+$/i

/**
 * The year of month `month`, day `day` named without a year at `[start, end)`:
 * the occurrence nearer publication, leaning to the past, unless the verb it hangs on says
 * otherwise (see `nearestYear`, `governingTense`); `day` null for a month alone. The timeline's value of the date and its TimeML
 * reading both come from here.
 */
export function yearOfUndated(text: string, start: number, end: number, sentences: readonly Span[], anchor: CalendarDate, month: number, day: number | null): number {
  const ended = ENDED_BEFORE_RE.test(text.slice(Math.max(0, start - 8), start))
  return nearestYear(anchor, month, day ?? 15, () => futureIn(text, sentences)(start, end), ended ? 'ended' : () => tenseOfUndated(text, start, end, sentences), day ?? 1)
}

/**
 * The tense a month or day without a year hangs on: a past verb that places it ("warned in November
 * it will cut jobs", "the cuts it made in November") before a clause that looks ahead, whose "will"
 * may be another verb's; else that clause, else the verb before it.
 */
function tenseOfUndated(text: string, start: number, end: number, sentences: readonly Span[]): Tense {
  // "said he would meet Putin since returning to the White House in January": the "since" phrase is past.
  if (sinceLeadsIn(text, start)) return 'past'
  const verb = governingTense(text, start, end, sentences)
  if (verb === 'past' || !clauseLooksAhead(text, start, end)) return verb
  // "warned on Nov. 12 it will cut jobs": the past verb before "on" says nothing of the year (a past
  // verb before "on" taken as past everywhere: TimeBank value right 1104 -> 1101, AQUAINT 477 -> 476),
  // but the "will" is another verb's: the nearer occurrence
  return governingTense(text, start, end, sentences, true) === 'past' ? null : 'future'
}
