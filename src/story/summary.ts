/**
 * The cited summary: extractive. Stages, in order:
 *   1. candidates: sentences of 8..40 words that stand alone (no pronoun or "the official" for
 *      someone named earlier), are narrative (not mostly quotation, no quoted opinion without its
 *      speaker in the sentence, not a letter's or statement's first person, no photo credit, not
 *      cut at an abbreviation), with the facts they carry;
 *   2. cite: the same facts' spans in other articles, only where their numbers and names agree;
 *   3. rank: facts several independent sources agree on first, then by how many, then by how early
 *      the articles report them (leads first);
 *   4. select: skip a candidate that repeats a chosen one (a fact in common, or `sameHappening`);
 *      CHECK that its names and numbers are in the spans it cites (citations.ts);
 *   5. keep the ranking order, so the summary leads with what most outlets report first.
 */
import { ParallaxUsageError } from '../errors.js'
import { checkCitation, numbersIn, spanAgrees, statementOf, type Statement } from './citations.js'
import { prepareHappening, sameHappening, storyRarity, type Happening, type Rarity } from './same.js'
import type { Annotated, Citation, Span, StoryFact, SummarySentence } from '../types.js'

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
// "Moscow — " datelines and "(Reuters) - " credits lead a sentence without being part of it.
const DATELINE = /^(?:[\p{Lu}][\p{L}.]*(?:[ ,]+[\p{Lu}][\p{L}.]*){0,3}\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+)/u
// A sentence opening on a pronoun leans on the one before it; out of context it says too little.
// "This" and "These" lean back only as pronouns ("This is", "This, he said"), not in "This week".
const PRONOUN_LEAD = /^(?:(?:He|She|They|It|His|Her|Their|Its|We|I)\b|(?:This|That|These|Those)(?:,|\s+(?:is|was|are|were|has|had|have|will|would|could|may|might|means|meant|comes|came|follows|followed)\b))/
// Words that stand for someone named in an earlier sentence: "the official", "the spokesman".
const REFERENT = String.raw`(?:he|she|they|it|the\s+(?:[\p{L}.-]+\s+){0,2}?(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|person|aide|adviser|advisor|diplomat|statement|ministry|agency|report|envoy|president|minister|company|group|campaign))`
const CUE_VERB = String.raw`(?:said|says|added|adds|told|noted|explained|continued|wrote|stated|insisted|argued|maintained)`
// The sentence hinges on such a referent: it opens on one, or credits its claim to one
// ("..., the official added.", "..., said the spokesman.").
const UNRESOLVED = new RegExp(String.raw`^(?:The\s+(?:[\p{L}.-]+\s+){0,2}?(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|person|aide|adviser|advisor|diplomat)\s+(?:${CUE_VERB}|is|was|were|has|had|will|would|did|also|declined)\b)|[,—]\s*(?:${REFERENT}\s+${CUE_VERB}|${CUE_VERB}\s+${REFERENT})\b[^,]*[.!?"”’]*$`, 'u')
// A disputed number may be summarised only with its source named: "..., according to X", "X said".
const ATTRIBUTED = /\b(?:according to|said|says|reported|reports|told|stated|estimated|put the (?:number|figure|toll))\b/i

/**
 * Whether a sentence makes sense alone, as a summary line must: no pronoun or "the official"
 * standing for someone named in an earlier sentence.
 * @example standsAlone('The fee rises on Monday, the official added.') // false
 */
export function standsAlone(text: string): boolean {
  return !PRONOUN_LEAD.test(text) && !UNRESOLVED.test(text) && !PRONOUN_AFTER_OPENING.test(text)
}

// "But their efforts ...", "Returning to the Pentagon, he asked ...": a pronoun right after an
// opening connective or a short opening phrase leans on the sentence before as much as a lead one.
const PRONOUN_AFTER_OPENING = /^(?:(?:But|And|Yet|So|Still|Also|Then|Now|Meanwhile|However|Instead|Later)\b,?\s+)?(?:[^,;"“”]{1,48},\s+){0,2}(?:he|she|they|it|his|her|their|its|we|i)\b/
// First or second person outside quotation marks: a letter's or a statement's own voice
// ("I have always believed ...", "you have the right ..."), not a reporter's narrative.
const FIRST_PERSON = /(?:^|[^\p{L}-])(?:I|I'm|I’m|I've|I’ve|me|my|we|We|us|our|Our|you|You|your|Your)(?![\p{L}-])/u
// Photo credits and captions glued to a sentence ("... at the Capitol.CreditJoshua Roberts/Reuters").
const CREDIT = /Credit\s*\p{Lu}|\b(?:AP|AFP|Getty|Reuters)\s*(?:Photo|Images)\b|\bPhoto(?:graph)?:\s|\/(?:Reuters|AP|AFP|Getty Images)\b/u
// A sentence cut at an abbreviation by the sentence splitter: "... Roy Blunt, and former Sens."
const CUT_AT_ABBREVIATION = /\b(?:Sens?|Reps?|Govs?|Gens?|Mr|Mrs|Ms|Dr|Lt|Col|Sgt|Capt|Prof|Rev|Gov|St)\.$/
// Words that put a quotation in someone's mouth inside the sentence itself.
const ATTRIBUTION_CUE = /\b(?:said|says|say|saying|told|tells|added|wrote|writes|posted|tweeted|stated|called|calls|described|describes|according to|argued|insisted|declared|warned|announced|noted|asked|urged|claimed|replied|praised|criticized|criticised|dubbed|labeled|labelled|termed)\b/i

/**
 * Whether a sentence is narrative a summary may state in its own voice: not a quoted opinion
 * whose speaker is outside the sentence, not a letter's first person, not a caption or a fragment.
 * `quoted` are the quotation spans overlapping the sentence, relative to it.
 * @example isNarrative('The plan is “a betrayal of our allies.”', [[12, 40]]) // false
 */
export function isNarrative(text: string, quoted: readonly Span[] = []): boolean {
  if (CREDIT.test(text) || CUT_AT_ABBREVIATION.test(text)) return false
  // A quotation left open runs into the next sentence: the sentence holds half a statement.
  if ((text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0)) return false
  // Quotation marks in the text count too: the quotes stage may have missed a short quote.
  const spans = [...quoted, ...[...text.matchAll(/[“"][^”"]*(?:[”"]|$)/g)].map((m): Span => [m.index, m.index + m[0].length])]
  let outside = ''
  let last = 0
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start > last) outside += text.slice(last, start) + ' '
    last = Math.max(last, end)
  }
  outside += text.slice(last)
  if (FIRST_PERSON.test(outside)) return false
  return spans.length === 0 || ATTRIBUTION_CUE.test(outside)
}

/** Whether `at` lies inside a quotation opened earlier in its paragraph and not yet closed. */
function insideOpenQuote(text: string, at: number): boolean {
  const from = Math.max(0, text.lastIndexOf('\n', at - 1) + 1, at - 2000)
  let open = 0
  for (let i = from; i < at; i++) {
    const c = text[i]
    if (c === '“') open++
    else if (c === '”') open = Math.max(0, open - 1)
  }
  return open > 0
}

function quotedShare(article: Annotated, span: Span): number {
  let covered = 0
  for (const q of article.quotes) {
    if (q.kind !== 'indirect') covered += Math.max(0, Math.min(q.span[1], span[1]) - Math.max(q.span[0], span[0]))
  }
  return covered / Math.max(1, span[1] - span[0])
}

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

/** Ranking order: score, then earlier sentence, then input order. */
function before(a: { score: number; index: number; order: number }, b: { score: number; index: number; order: number }): boolean {
  return a.score !== b.score ? a.score > b.score : a.index !== b.index ? a.index < b.index : a.order < b.order
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
  let copies = 0
  for (const f of facts) {
    const inFact = f.articleIds.filter((id) => articleIds.has(id)).length
    if (f.sources !== undefined && f.sources < f.articleIds.length) copies = Math.max(copies, Math.min(inFact - 1, f.articleIds.length - f.sources))
  }
  return Math.max(1, articleIds.size - copies)
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
  const statements = new Map<string, Statement>()
  const pending: Pending[] = []
  const quoted = quotedFacts(facts, byId)
  for (const article of articles) {
    const bySentence = supportsBySentence(article.sentences, byArticle.get(article.id) ?? [])
    article.sentences.forEach((sentence, index) => {
      const raw = article.text.slice(sentence[0], sentence[1])
      const lead = raw.match(DATELINE)?.[0].length ?? 0
      const text = raw.slice(lead).trim()
      const span: Span = [sentence[0] + lead, sentence[0] + lead + text.length]
      const words = text.split(/\s+/).length
      if (words < o.minWords || words > o.maxWords || /[:,]$/.test(text) || !standsAlone(text)) return
      if (quotedShare(article, span) > o.maxQuoteShare || insideOpenQuote(article.text, span[0])) return
      const own = bySentence[index].filter((s) => s.start < span[1] && s.end > span[0]).map((s) => s.fact)
      if (own.length === 0) return
      // A disputed fact is summarised only in a sentence that says who reports its version.
      if (own.some((f) => f.status === 'disputed') && !ATTRIBUTED.test(text)) return
      if (!isNarrative(text, quotedSpans(article, span))) return
      // What another outlet prints as a quotation is someone's statement: it is summarised only
      // with its speaker in the sentence, never in the summary's own voice.
      if (own.some((f) => quoted.has(f.id)) && !ATTRIBUTION_CUE.test(text)) return
      const base = { article, index, span, text, facts: own, happening: index < o.matchSentences ? prepareHappening(text) : null }
      pending.push({ ...base, order: pending.length, bound: 0, matches: [] })
    })
  }
  matchHappenings(pending, o)
  story.rarity = storyRarity(pending.flatMap((p) => (p.happening ? [p.happening] : [])))
  for (const p of pending) {
    const reach = new Set([...p.facts.flatMap((f) => f.articleIds), ...p.matches.map((m) => m.article.id)])
    reach.add(p.article.id)
    // The bound: every article reporting it agrees, all the others in their lead.
    p.bound = rankOf(independentSources(p.facts, reach), p.index / reach.size)
  }
  pending.sort((a, b) => (before({ score: a.bound, index: a.index, order: a.order }, { score: b.bound, index: b.index, order: b.order }) ? -1 : 1))
  const scored: Candidate[] = []
  const order = new Map<Candidate, number>()
  const key = (c: Candidate) => ({ score: c.score, index: c.index, order: order.get(c)! })
  let next = 0
  while (next < pending.length || scored.length > 0) {
    // Score every candidate whose bound could still beat the best scored one.
    while (next < pending.length) {
      const p = pending[next]
      const top = scored[0]
      if (top && before(key(top), { score: p.bound, index: p.index, order: p.order })) break
      // The reader would pass over it (its facts are already summarised): leave it unscored.
      if (skip(p)) {
        next++
        continue
      }
      const { order: at, bound: _bound, matches, ...base } = p
      const others = agreeingSpans(base, byId, statements)
      for (const m of matches) {
        if (others.some((s) => s.articleId === m.article.id && s.start < m.span[1] && s.end > m.span[0])) continue
        if (spanAgrees(statementOf(base.article, base.span), statementOf(m.article, m.span))) others.push({ articleId: m.article.id, start: m.span[0], end: m.span[1] })
      }
      // How early the sentence and its agreeing spans come in their articles, on average.
      const firstIndex = new Map<string, number>([[base.article.id, base.index]])
      for (const s of others) {
        const other = byId.get(s.articleId)
        if (!other) continue
        const i = sentenceIndexAt(other.sentences, s.start)
        firstIndex.set(s.articleId, Math.min(firstIndex.get(s.articleId) ?? Infinity, i))
      }
      const ids = new Set(firstIndex.keys())
      const reach = independentSources(base.facts, ids)
      const meanIndex = [...firstIndex.values()].reduce((x, y) => x + y, 0) / firstIndex.size
      const c: Candidate = { ...base, happening: base.happening ?? prepareHappening(base.text), others, reach, score: rankOf(reach, meanIndex) }
      order.set(c, at)
      // Insert in ranking order (the scored list stays short: it holds only contenders).
      let i = scored.length
      while (i > 0 && before(key(c), key(scored[i - 1]))) i--
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
  const postings = new Map<string, number[]>()
  pending.forEach((p, i) => {
    for (const l of p.happening?.lemmas ?? []) {
      const list = postings.get(l)
      if (list) list.push(i)
      else postings.set(l, [i])
    }
  })
  const common = Math.max(8, pending.length / 4)
  pending.forEach((p, i) => {
    const shared = new Map<number, number>()
    if (!p.happening) return
    for (const l of p.happening.lemmas) {
      const list = postings.get(l)!
      if (list.length > common) continue
      for (const j of list) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1)
    }
    for (const [j, n] of shared) {
      const q = pending[j]
      if (n < 2 || q.article.id === p.article.id || p.facts.some((f) => q.facts.includes(f))) continue
      if (!sameHappening(p.happening, q.happening!, { minShare: o.redundancy })) continue
      p.matches.push(q)
      q.matches.push(p)
    }
  })
}

/** Facts that some article states inside a quotation (most of a support span quoted). */
function quotedFacts(facts: StoryFact[], byId: Map<string, Annotated>): Set<string> {
  const out = new Set<string>()
  for (const f of facts) {
    for (const s of f.support) {
      const article = byId.get(s.articleId)
      if (article && (quotedShare(article, [s.start, s.end]) > 0.5 || insideOpenQuote(article.text, s.start))) {
        out.add(f.id)
        break
      }
    }
  }
  return out
}

/** Direct and partial quotations overlapping a span, relative to it. */
function quotedSpans(article: Annotated, span: Span): Span[] {
  const out: Span[] = []
  for (const q of article.quotes) {
    if (q.kind === 'indirect' || q.span[1] <= span[0] || q.span[0] >= span[1]) continue
    out.push([Math.max(0, q.span[0] - span[0]), Math.min(span[1], q.span[1]) - span[0]])
  }
  return out
}

/**
 * Other articles' spans of the candidate's facts that agree with it (numbers and names, see
 * `spanAgrees`): a fact's support in an article that gives another figure is not cited.
 */
function agreeingSpans(c: Pick<Candidate, 'article' | 'span' | 'facts'>, byId: Map<string, Annotated>, statements: Map<string, Statement>): Citation[] {
  const statement = statementOf(c.article, c.span)
  const out: Citation[] = []
  for (const fact of c.facts) {
    for (const s of fact.support) {
      const other = byId.get(s.articleId)
      if (!other || s.articleId === c.article.id || out.some((o) => o.articleId === s.articleId && o.start === s.start)) continue
      // A fact's support is read once per sentence carrying the fact: remember what it states.
      const key = `${s.articleId}:${s.start}:${s.end}`
      let theirs = statements.get(key)
      if (!theirs) statements.set(key, (theirs = statementOf(other, [s.start, s.end])))
      if (spanAgrees(statement, theirs)) {
        out.push({ articleId: s.articleId, start: s.start, end: s.end })
      }
    }
  }
  return out
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
  { maxSentences = 5, minWords = 8, maxWords = 40, maxQuoteShare = 0.4, redundancy = 0.5, repeatShare = 0.4, matchSentences = 15 }: SummaryOptions = {},
): { summary: SummarySentence[]; rejected: number } {
  if (!Number.isInteger(maxSentences) || maxSentences < 3 || maxSentences > 7) {
    throw new ParallaxUsageError(`summarize: maxSentences must be an integer from 3 to 7, got ${maxSentences}`)
  }
  const limit = maxSentences
  const byId = new Map(articles.map((a) => [a.id, a]))
  const chosen: { c: Candidate; citations: Citation[]; cited: Happening[] }[] = []
  const usedFacts = new Set<string>()
  let rejected = 0
  // A sentence sharing a fact with a chosen one repeats it. Facts only ever join `usedFacts`, so
  // a candidate skipped before scoring would be skipped here too.
  const repeats = (c: Pick<Candidate, 'facts'>) => c.facts.some((f) => usedFacts.has(f.id))
  const story: { rarity: Rarity } = { rarity: () => 1 }
  for (const c of candidates(articles, facts, { maxSentences: limit, minWords, maxWords, maxQuoteShare, redundancy, repeatShare, matchSentences }, repeats, story)) {
    if (chosen.length >= limit) break
    if (repeats(c)) continue
    // Facts aligned apart may still be one happening in other words; and two sentences citing one
    // span of an article both restate what that span says.
    const mine = [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...c.others]
    if (chosen.some((x) => x.citations.some((a) => mine.some((b) => a.articleId === b.articleId && a.start < b.end && b.start < a.end)))) continue
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
    chosen.push({ c, citations: [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...c.others], cited: cited.map(prepareHappening) })
    for (const f of c.facts) usedFacts.add(f.id)
  }
  // Ranking order: the fact most outlets report, earliest, leads.
  return { summary: chosen.map(({ c, citations }) => ({ text: c.text, citations })), rejected }
}

/** Re-exported: the citation check lives in citations.ts. */
export { checkCitation } from './citations.js'
