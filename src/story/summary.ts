/**
 * The cited summary: extractive. Stages, in order:
 *   1. candidates: sentences of 8..40 words that stand alone (no pronoun or "the official" for
 *      someone named earlier), are narrative (not mostly quotation, no quoted opinion without its
 *      speaker in the sentence, not a letter's or statement's first person, no photo credit, not
 *      cut at an abbreviation), with the facts they carry;
 *   2. cite: the same facts' spans in other articles whose numbers, names and dates agree and that
 *      share most of its words, or a word or synonym and its stance (modality, intent, negation: a
 *      plan is not what happened), and other articles' lead sentences that `sameHappening` says
 *      state it, with numbers and names that agree;
 *   3. rank: facts several independent sources agree on first, then by how many, then by how early
 *      the articles report them (leads first);
 *   4. select: skip a candidate that repeats a chosen one (a fact or a cited span in common, or
 *      `sameHappening` with the chosen sentence or what it cites);
 *      CHECK that its names and numbers are in the spans it cites (citations.ts);
 *   5. keep the ranking order, so the summary leads with what most outlets report first.
 */
import { ParallaxUsageError } from '../errors.js'
import { checkCitation, numbersIn, spanAgrees, statementOf, type Statement } from './citations.js'
import { ATTRIBUTION_CUE, insideOpenQuote, isNarrative, quotedFacts, quotedShare, quotedSpans, standsAlone } from './narrative.js'
import { prepareHappening, sameHappening, sharesMeaning, storyRarity, type Happening, type Rarity, type SameHappeningOptions } from './same.js'
import type { Annotated, Citation, Span, StoryFact, SummarySentence } from '../types.js'
import { contentLemmas } from '../text/stems.js'
import { postingLists } from '../text/postings.js'
import { lowerBound } from '../text/spans.js'
import { datelineLength, editorialLabelLength, inEditorsNotice, whitespaceFields } from '../text/tokens.js'
import { PLAN_VERBS, readModality, type Modality } from '../compare/modality.js'

export interface SummaryOptions {
  /** Sentences in the summary, 3 to 7. */
  maxSentences?: number
  minWords?: number
  maxWords?: number
  /** A sentence whose share of quoted words is above this is a quote, not a summary line. */
  maxQuoteShare?: number
  /** Share of the smaller sentence's content words at which another article's sentence states a candidate's happening and is cited for it (`sameHappening`). */
  redundancy?: number
  /** Rarity-weighted share of words and names at which a candidate repeats a chosen sentence or its citations. */
  repeatShare?: number
  /**
   * Sentences of each article (from its start) read for happenings no aligned fact joins: leads
   * carry what a summary says, and the bound keeps the word matching linear in the articles.
   */
  matchSentences?: number
  /**
   * Other articles' sentences linked to one candidate by `matchHappenings`, at most: in a story of
   * hundreds of articles one lead is restated in most of them, and linking every pair is quadratic.
   * A candidate's rank and citations then count at most this many unaligned restatements.
   */
  maxMatches?: number
}

interface Candidate {
  article: Annotated
  index: number
  span: Span
  text: string
  facts: StoryFact[]
  /** Other articles' spans of the same facts that agree with the sentence: its citations. */
  others: Citation[]
  score: number
  /** Independent sources whose spans agree with it, its own article included. */
  reach: number
  happening: Happening
}

// Rank = TIER * (two or more independent sources) + REACH * sources + earliness (0..REACH-1):
// lexicographic, in one number so candidates can be bounded before they are scored.
const TIER = 1e6
const REACH = 1e3
// A sentence index at which a fact counts as reported late; earlier ones score by how early.
const LATE_INDEX = 40
// A negation, even one that withholds rather than denies ("did not detail what progress was made"),
// says something else than the sentence without it ("No. 10" and "no-confidence" are no negation).
const NEGATION = /\b(?:not|never|nor|neither|without|nobody|none|cannot)\b|\bno\b(?!\.\s*\d|-(?!one\b))(?!\s*\d)|n['’]t\b/i
// What someone would, wants to or was asked to do is not what happened (beside modality.ts's cues,
// which read "would" as a plan only in a dated claim): a verb of intent, up to three words, "to" and
// a lower-case word that is no determiner ("asked the members to approve"; not "going to the store").
const INTENT = /(?<!\b(?:the|a|his|her|their|its)\s)\b(?:[Ww]ould|[Ww]ill)\b(?!\s+\p{Lu})|\b(?:is|are|was|were)\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your)\b)\p{Ll}|\b(?:wants?|wanted|hopes?|hoped|threaten(?:s|ed)?|vow(?:s|ed)?|promis(?:es|ed)|offer(?:s|ed)|ask(?:s|ed)|urg(?:es|ed)|seeks?|sought|plans?|planned|intends?|intended|expects?|expected|going)\s+(?:[\p{L}'’-]+\s+){0,3}?to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your)\b)\p{Ll}/u

/** How a span states what it states, for citing a rewording: its modality, an intent, a negation. */
interface Stance {
  modality: Modality
  intent: boolean
  /** The intent is a threat, a vow, a promise, an offer or a request ("threatened to", "asked ... to"), not a plan or a wish. */
  pressed: boolean
  /** The verb intended, as a lemma ("meet" of "plans to meet", "wanted to meet soon"); '' when none is read. */
  intended: string
  negated: boolean
}
// Verbs of an intent pressed on others or bound by a word: threats, vows, promises, offers, requests.
// The verb after a verb of intent and "to", or after "will"/"would" ("plans to meet", "will sign").
const INTENDED = new RegExp(String.raw`\b(?:${PLAN_VERBS}\s+(?:[\p{L}'’-]+\s+){0,2}?to|going\s+to|will|would)\s+(\p{Ll}+)`, 'u')
const PRESSED = /\b(?:threaten(?:s|ed)?|vow(?:s|ed)?|promis(?:es|ed)|offer(?:s|ed)|ask(?:s|ed)|urg(?:es|ed))\s+(?:[\p{L}'’-]+\s+){0,3}?to\s+\p{Ll}/u
// A disputed number may be summarised only with its source named: "..., according to X", "X said".
const ATTRIBUTED = /\b(?:according to|said|says|reported|reports|told|stated|estimated|put the (?:number|figure|toll))\b/i

interface Support {
  fact: StoryFact
  start: number
  end: number
}

/** Facts by article, with the support span each has there, for looking up a sentence's facts. */
function factsByArticle(facts: StoryFact[]): Map<string, Support[]> {
  const out = new Map<string, Support[]>()
  for (const fact of facts) {
    for (const s of fact.support) {
      const list = out.get(s.articleId) ?? []
      list.push({ fact, start: s.start, end: s.end })
      out.set(s.articleId, list)
    }
  }
  return out
}

/**
 * Per sentence of an article, the supports that overlap it, in their order: one binary
 * search per support instead of a scan of every support for every sentence.
 */
function supportsBySentence(sentences: Span[], supports: Support[]): Support[][] {
  const out: Support[][] = sentences.map(() => [])
  for (const s of supports) {
    let lo = 0
    let hi = sentences.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sentences[mid][1] <= s.start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < sentences.length && sentences[i][0] < s.end; i++) out[i].push(s)
  }
  return out
}

type Pending = Omit<Candidate, 'others' | 'score' | 'reach' | 'happening'> & {
  order: number
  bound: number
  happening: Happening | null
  /** Other articles' candidate sentences that state the same happening though no fact aligns them. */
  matches: Pending[]
}

/** Ranking order: score, then earlier sentence, then input order (as numbers: it runs per comparison of a sort). */
function before(aScore: number, aIndex: number, aOrder: number, bScore: number, bIndex: number, bOrder: number): boolean {
  return aScore !== bScore ? aScore > bScore : aIndex !== bIndex ? aIndex < bIndex : aOrder < bOrder
}

/** The rank of a sentence reported by `sources` independent sources at mean sentence index `meanIndex`. */
function rankOf(sources: number, meanIndex: number): number {
  const earliness = Math.round(((REACH - 1) * (LATE_INDEX - Math.min(meanIndex, LATE_INDEX))) / LATE_INDEX)
  return (sources >= 2 ? TIER : 0) + REACH * sources + earliness
}

/** Index of the sentence of `sentences` holding offset `at` (sentences in text order). */
function sentenceIndexAt(sentences: Span[], at: number): number {
  let lo = 0
  let hi = sentences.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid][1] <= at) lo = mid + 1
    else hi = mid
  }
  return Math.min(lo, Math.max(0, sentences.length - 1))
}

/**
 * Independent sources among the articles citing a candidate: near-duplicate copies and one
 * publisher family, which a fact's `sources` already counts once, are taken off.
 */
function independentSources(facts: StoryFact[], articleIds: ReadonlySet<string>): number {
  return Math.max(1, articleIds.size - copiesAmong(facts, articleIds))
}

/** The copies `independentSources` takes off: per fact, its articles among `articleIds` beyond its sources. */
function copiesAmong(facts: StoryFact[], articleIds: ReadonlySet<string>): number {
  let copies = 0
  for (const f of facts) {
    if (f.sources === undefined || f.sources >= f.articleIds.length) continue
    const inFact = f.articleIds.filter((id) => articleIds.has(id)).length
    copies = Math.max(copies, Math.min(inFact - 1, f.articleIds.length - f.sources))
  }
  return copies
}

/**
 * Candidates best first. A candidate's rank needs its agreeing spans in other articles (the
 * costly part), but is bounded above by the articles its facts are reported in; so candidates are
 * scored lazily in order of that bound, and one is yielded once no unscored candidate could beat
 * it. The order is exactly that of scoring all and sorting; the summary reads only the first few.
 */
function* candidates(
  articles: Annotated[],
  facts: StoryFact[],
  o: Required<SummaryOptions>,
  skip: (c: Pick<Candidate, 'facts'>) => boolean,
  story: { rarity: Rarity },
): Generator<Candidate> {
  const byArticle = factsByArticle(facts)
  const byId = new Map(articles.map((a) => [a.id, a]))
  const statements = new SpanCache<Statement>()
  const happenings = new SpanCache<Happening>()
  const stances = new Map<string, Stance>()
  const pending: Pending[] = []
  const quoted = quotedFacts(facts, byId)
  for (const article of articles) {
    const bySentence = supportsBySentence(article.sentences, byArticle.get(article.id) ?? [])
    article.sentences.forEach((sentence, index) => {
      // A sentence no aligned fact touches is never a candidate: the cheapest test comes first.
      if (bySentence[index].length === 0) return
      // An editor's notice about the article ("Correction: ...") reports no news.
      if (inEditorsNotice(article.text, sentence[0])) return
      const raw = article.text.slice(sentence[0], sentence[1])
      // Nor is a dateline or an editor's label ("Updated:") part of what the sentence states.
      const lead = datelineLength(raw) || editorialLabelLength(raw)
      const text = raw.slice(lead).trim()
      const span: Span = [sentence[0] + lead, sentence[0] + lead + text.length]
      const own = bySentence[index].filter((s) => s.start < span[1] && s.end > span[0]).map((s) => s.fact)
      if (own.length === 0) return
      const words = whitespaceFields(text)
      if (words < o.minWords || words > o.maxWords || /[:,]$/.test(text) || !standsAlone(text)) return
      if (quotedShare(article, span) > o.maxQuoteShare || insideOpenQuote(article.text, span[0])) return
      // A disputed fact is summarised only in a sentence that says who reports its version.
      if (own.some((f) => f.status === 'disputed') && !ATTRIBUTED.test(text)) return
      // What another outlet prints as a quotation is someone's statement: it is summarised only
      // with its speaker in the sentence, never in the summary's own voice.
      if (own.some((f) => quoted.has(f.id)) && !ATTRIBUTION_CUE.test(text)) return
      if (!isNarrative(text, quotedSpans(article, span))) return
      // Written out, not spread: copying an object's properties by spread cost more than the tests above.
      pending.push({ article, index, span, text, facts: own, happening: index < o.matchSentences ? prepareHappening(text) : null, order: pending.length, bound: 0, matches: [] })
    })
  }
  matchHappenings(pending, o)
  story.rarity = storyRarity(pending.flatMap((p) => (p.happening ? [p.happening] : [])))
  // The articles of each combination of facts, and the copies among them, read once: candidates
  // share their facts, and a fact of a story of thousands of articles is reported in thousands.
  const reported = new Map<string, { ids: Set<string>; copies: number }>()
  for (const p of pending) {
    const key = p.facts.map((f) => f.id).join(' ')
    let facts = reported.get(key)
    if (!facts) {
      const ids = new Set(p.facts.flatMap((f) => f.articleIds))
      reported.set(key, (facts = { ids, copies: copiesAmong(p.facts, ids) }))
    }
    // Reach: the facts' articles, the candidate's own and those of the sentences matched to it.
    let size = facts.ids.size + (facts.ids.has(p.article.id) ? 0 : 1)
    const extra = new Set<string>()
    for (const m of p.matches) if (!facts.ids.has(m.article.id) && m.article.id !== p.article.id) extra.add(m.article.id)
    size += extra.size
    // The bound: every article reporting it agrees, all the others in their lead.
    p.bound = rankOf(Math.max(1, size - facts.copies), p.index / size)
  }
  pending.sort((a, b) => (before(a.bound, a.index, a.order, b.bound, b.index, b.order) ? -1 : 1))
  const scored: Candidate[] = []
  const order = new Map<Candidate, number>()
  let next = 0
  while (next < pending.length || scored.length > 0) {
    // Score every candidate whose bound could still beat the best scored one.
    while (next < pending.length) {
      const p = pending[next]
      const top = scored[0]
      if (top && before(top.score, top.index, order.get(top)!, p.bound, p.index, p.order)) break
      // The reader would pass over it (its facts are already summarised): leave it unscored.
      if (skip(p)) {
        next++
        continue
      }
      const { order: at, matches } = p
      const happening = p.happening ?? prepareHappening(p.text)
      const others = agreeingSpans({ article: p.article, span: p.span, facts: p.facts, happening }, byId, statements, happenings, stances, { minShare: o.redundancy, rarity: story.rarity })
      const mine = statementAt(statements, p.article, p.span)
      for (const m of matches) {
        if (others.some((s) => s.articleId === m.article.id && s.start < m.span[1] && s.end > m.span[0])) continue
        if (spanAgrees(mine, statementAt(statements, m.article, m.span))) others.push({ articleId: m.article.id, start: m.span[0], end: m.span[1] })
      }
      // How early the sentence and its agreeing spans come in their articles, on average.
      const firstIndex = new Map<string, number>([[p.article.id, p.index]])
      for (const s of others) {
        const other = byId.get(s.articleId)
        if (!other) continue
        const i = sentenceIndexAt(other.sentences, s.start)
        firstIndex.set(s.articleId, Math.min(firstIndex.get(s.articleId) ?? Infinity, i))
      }
      const ids = new Set(firstIndex.keys())
      const reach = independentSources(p.facts, ids)
      const meanIndex = [...firstIndex.values()].reduce((x, y) => x + y, 0) / firstIndex.size
      const c: Candidate = { article: p.article, index: p.index, span: p.span, text: p.text, facts: p.facts, happening, others, reach, score: rankOf(reach, meanIndex) }
      order.set(c, at)
      // Insert in ranking order (the scored list stays short: it holds only contenders).
      let i = scored.length
      while (i > 0 && before(c.score, c.index, at, scored[i - 1].score, scored[i - 1].index, order.get(scored[i - 1])!)) i--
      scored.splice(i, 0, c)
      next++
    }
    const top = scored.shift()
    if (top) yield top
  }
}

/**
 * Links candidates of different articles that `sameHappening` says state one happening, for
 * those pairs no aligned fact already joins. Blocking first: only pairs sharing at least two
 * content words not too common in the story are judged.
 */
function matchHappenings(pending: Pending[], o: Required<SummaryOptions>): void {
  const postings = postingLists(pending.map((p) => p.happening?.lemmas ?? []))
  const common = Math.max(8, pending.length / 4)
  // Words in common per later candidate: one counter array reused, reset through the list touched.
  const shared = new Int32Array(pending.length)
  const touched = new Int32Array(pending.length)
  let count = 0
  // Each word's postings are read from the candidate on, through a window a few times the match
  // bound: the linking stays linear in the candidates however many articles restate one lead.
  const window = 2 * o.maxMatches
  // Each candidate's facts as sorted numbers: whether two share one is a merge, not a search per fact.
  const factNumber = new Map<StoryFact, number>()
  const factsOf = pending.map((p) => Int32Array.from(p.facts, (f) => factNumber.get(f) ?? (factNumber.set(f, factNumber.size), factNumber.size - 1)).sort())
  pending.forEach((p, i) => {
    if (!p.happening || p.matches.length >= o.maxMatches) return
    for (const l of p.happening.lemmas) {
      const list = postings.get(l)!
      if (list.length > common) continue
      // Postings are in candidate order: only the later ones are paired from here.
      let k = lowerBound(list, i + 1)
      for (const end = Math.min(list.length, k + window); k < end; k++) if (shared[list[k]]++ === 0) touched[count++] = list[k]
    }
    // In the order first met (sorting them per candidate cost more than all the rest in a story
    // of thousands of articles); below the bound every pair is judged whatever the order.
    for (const j of touched.subarray(0, count)) {
      const n = shared[j]
      shared[j] = 0
      const q = pending[j]
      if (n < 2 || p.matches.length >= o.maxMatches || q.matches.length >= o.maxMatches) continue
      if (q.article.id === p.article.id || sharesAny(factsOf[i], factsOf[j])) continue
      if (!sameHappening(p.happening, q.happening!, { minShare: o.redundancy })) continue
      p.matches.push(q)
      q.matches.push(p)
    }
    count = 0
  })
}

/** Whether two sorted arrays have a value in common. */
function sharesAny(a: Int32Array, b: Int32Array): boolean {
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) return true
    if (a[x] < b[y]) x++
    else y++
  }
  return false
}

/**
 * Other articles' spans of the candidate's facts that agree with it: the same numbers, names and
 * dates (`spanAgrees`), and either most of its words (`sameHappening`) or, for a rewording the
 * alignment joined, a content word or synonym in common and the same stance: a fact's support that
 * gives another figure or day is not cited, nor a plan, a wish or a threat joined to what happened
 * ("intends to meet soon" under "had a highly productive meeting"), nor "did not detail what
 * progress was made" under "great progress was made", while "resigned" / "quit her seat" is.
 */
function agreeingSpans(
  c: Pick<Candidate, 'article' | 'span' | 'facts' | 'happening'>,
  byId: Map<string, Annotated>,
  statements: SpanCache<Statement>,
  happenings: SpanCache<Happening>,
  stances: Map<string, Stance>,
  same: SameHappeningOptions,
): Citation[] {
  const statement = statementAt(statements, c.article, c.span)
  const stance = stanceOf(stances, c.happening.text)
  const out: Citation[] = []
  const seen = new Set<string>()
  for (const fact of c.facts) {
    for (const s of fact.support) {
      const other = byId.get(s.articleId)
      if (!other || s.articleId === c.article.id || seen.has(`${s.articleId}:${s.start}`)) continue
      if (!spanAgrees(statement, statementAt(statements, other, [s.start, s.end]))) continue
      const happening = happeningAt(happenings, other, [s.start, s.end])
      const alike = sameStance(stance, stanceOf(stances, happening.text)) && sharesMeaning(c.happening, happening)
      if (alike || sameHappening(c.happening, happening, same)) {
        seen.add(`${s.articleId}:${s.start}`)
        out.push({ articleId: s.articleId, start: s.start, end: s.end })
      }
    }
  }
  return out
}

/** A text's stance, read once per text: candidates share their facts' supports. */
function stanceOf(stances: Map<string, Stance>, text: string): Stance {
  let stance = stances.get(text)
  if (!stance) stances.set(text, (stance = { modality: readModality(text).modality, intent: INTENT.test(text), pressed: PRESSED.test(text), intended: intendedVerb(text), negated: NEGATION.test(text) }))
  return stance
}

/** The lemma of the verb intended in `text` (`INTENDED`), or ''. */
function intendedVerb(text: string): string {
  const m = INTENDED.exec(text)
  return m ? (contentLemmas(m[1])[0] ?? '') : ''
}

function sameStance(a: Stance, b: Stance): boolean {
  if (a.intent !== b.intent || a.negated !== b.negated) return false
  // Two intents asserted, one read as definite ("plans to meet") and one plain ("wanted to meet"),
  // state the same intent; not a threat or a request against a plan, and other modalities must match.
  // The same verb intended on both sides: "will sign" is not "signed ... and wants to move on".
  return a.modality === b.modality || (a.intent && !a.pressed && !b.pressed && a.intended !== '' && a.intended === b.intended && ASSERTED.has(a.modality) && ASSERTED.has(b.modality))
}

const ASSERTED: ReadonlySet<Modality> = new Set(['plain', 'definite'])

/**
 * What is read of article spans, per article id and span: the span as one number while offsets
 * stay under 2^26 (exact in a double), so a look-up makes no key string.
 */
class SpanCache<T> {
  private readonly byArticle = new Map<string, Map<number | string, T>>()

  get(article: Annotated, span: Span, read: (article: Annotated, span: Span) => T): T {
    let spans = this.byArticle.get(article.id)
    if (!spans) this.byArticle.set(article.id, (spans = new Map()))
    const key = span[0] < SPAN_KEY && span[1] < SPAN_KEY && span[0] >= 0 ? span[0] * SPAN_KEY + span[1] : `${span[0]}:${span[1]}`
    let value = spans.get(key)
    if (value === undefined) spans.set(key, (value = read(article, span)))
    return value
  }
}
const SPAN_KEY = 2 ** 26

/** A span of an article read for `sameHappening`, once per span. */
function happeningAt(happenings: SpanCache<Happening>, article: Annotated, span: Span): Happening {
  return happenings.get(article, span, readSpanHappening)
}

function readSpanHappening(article: Annotated, span: Span): Happening {
  return prepareHappening(article.text.slice(span[0], span[1]))
}

/** What a span of an article states, read once per span: fact supports and candidates are compared many times. */
function statementAt(statements: SpanCache<Statement>, article: Annotated, span: Span): Statement {
  return statements.get(article, span, statementOf)
}

/** The candidate's own claims: its facts' support spans inside the sentence. */
function ownClaims(c: Candidate): Citation[] {
  const out: Citation[] = []
  for (const fact of c.facts) {
    for (const s of fact.support) {
      // Own-article support outside this sentence belongs to another sentence of the same fact.
      if (s.articleId !== c.article.id || s.start >= c.span[1] || s.end <= c.span[0]) continue
      if (!out.some((o) => o.start === s.start)) out.push({ articleId: s.articleId, start: s.start, end: s.end })
    }
  }
  return out
}

/**
 * Picks `maxSentences` sentences that carry the best-corroborated facts, each citing its own span
 * and the spans of the same facts in other articles that agree with it, most reported first; no
 * two state one fact; counts the candidates the citation check rejected.
 * @example const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 4 })
 */
export function summarize(
  articles: Annotated[],
  facts: StoryFact[],
  { maxSentences = 5, minWords = 8, maxWords = 40, maxQuoteShare = 0.4, redundancy = 0.5, repeatShare = 0.4, matchSentences = 25, maxMatches = 32 }: SummaryOptions = {},
): { summary: SummarySentence[]; rejected: number } {
  if (!Number.isInteger(maxSentences) || maxSentences < 3 || maxSentences > 7) {
    throw new ParallaxUsageError(`summarize: maxSentences must be an integer from 3 to 7, got ${maxSentences}`)
  }
  const limit = maxSentences
  const byId = new Map(articles.map((a) => [a.id, a]))
  // Each chosen sentence's citations, also by article, for the overlap test of every later candidate.
  const chosen: { c: Candidate; citations: Citation[]; cites: Map<string, Citation[]>; cited: Happening[] }[] = []
  const usedFacts = new Set<string>()
  let rejected = 0
  // A sentence sharing a fact with a chosen one repeats it. Facts only ever join `usedFacts`, so
  // a candidate skipped before scoring would be skipped here too.
  const repeats = (c: Pick<Candidate, 'facts'>) => c.facts.some((f) => usedFacts.has(f.id))
  const story: { rarity: Rarity } = { rarity: () => 1 }
  for (const c of candidates(articles, facts, { maxSentences: limit, minWords, maxWords, maxQuoteShare, redundancy, repeatShare, matchSentences, maxMatches }, repeats, story)) {
    if (chosen.length >= limit) break
    if (repeats(c)) continue
    // Facts aligned apart may still be one happening in other words; and two sentences citing one
    // span of an article both restate what that span says.
    const mine = [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...c.others]
    if (chosen.some((x) => mine.some((b) => x.cites.get(b.articleId)?.some((a) => a.start < b.end && b.start < a.end)))) continue
    // A chosen sentence's cited spans are its happening in other words: a candidate restating one repeats it.
    // Looser than a citation match: dropping a sentence costs less than saying one thing twice.
    const same = (h: Happening) => sameHappening(h, c.happening, { minShare: repeatShare, minShared: 3, rarity: story.rarity })
    if (chosen.some((x) => same(x.c.happening) || x.cited.some(same))) continue
    // The check reads the facts' spans, not the sentence itself: a sentence may only say what
    // the aligned claims support, so a name in an unaligned fragment is a rejection.
    const evidence = [...ownClaims(c), ...c.others]
    const cited = evidence.map((s) => byId.get(s.articleId)?.text.slice(s.start, s.end) ?? '')
    // Numbers come from the enrich stage on both sides, so no text is read for numbers again.
    const known = {
      sentence: numbersIn(c.article, c.span).map((n) => ({ ...n, span: [n.span[0] - c.span[0], n.span[1] - c.span[0]] as const })),
      cited: evidence.flatMap((s) => {
        const article = byId.get(s.articleId)
        return article ? numbersIn(article, [s.start, s.end]) : []
      }),
    }
    if (!checkCitation(c.text, cited, known).ok) {
      rejected++
      continue
    }
    const citations = [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...c.others]
    const cites = new Map<string, Citation[]>()
    for (const a of citations) cites.set(a.articleId, [...(cites.get(a.articleId) ?? []), a])
    chosen.push({ c, citations, cites, cited: cited.map(prepareHappening) })
    for (const f of c.facts) usedFacts.add(f.id)
  }
  // Ranking order: the fact most outlets report, earliest, leads.
  return { summary: chosen.map(({ c, citations }) => ({ text: c.text, citations })), rejected }
}

/** Re-exported: the citation check lives in citations.ts, the narrative checks in narrative.ts. */
export { checkCitation } from './citations.js'
export { isNarrative, standsAlone } from './narrative.js'
