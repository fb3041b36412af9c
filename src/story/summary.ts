/**
 * The cited summary: extractive. Stages, in order:
 *   1. candidates: sentences of 8..40 words that stand alone (no pronoun or "the official" for
 *      someone named earlier) and are not mostly quotation, with the facts they carry;
 *   2. cite: the same facts' spans in other articles, only where their numbers and names agree;
 *   3. rank: by status and the number of agreeing articles, then by position (leads first);
 *   4. select: skip a candidate too similar to one chosen; CHECK that its names and numbers are
 *      in the spans it cites (citations.ts);
 *   5. order the chosen sentences by position, then publication date.
 */
import { contentLemmas, jaccard } from '../compare/claims.js'
import { ParallaxUsageError } from '../errors.js'
import { checkCitation, numbersIn, spanAgrees, statementOf, type Statement } from './citations.js'
import type { Annotated, Citation, FactStatus, Span, StoryFact, SummarySentence } from '../types.js'

export interface SummaryOptions {
  /** Sentences in the summary, 3 to 7. */
  maxSentences?: number
  minWords?: number
  maxWords?: number
  /** A sentence whose share of quoted words is above this is a quote, not a summary line. */
  maxQuoteShare?: number
  /** Lemma Jaccard at which a candidate repeats a chosen sentence. */
  redundancy?: number
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
  lemmas: ReadonlySet<string>
}

// Per citing article: corroborated, non-disputed facts lead the summary.
const STATUS_WEIGHT: Record<FactStatus, number> = { corroborated: 1, disputed: 0.5, 'single-source': 0.25 }
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
  return !PRONOUN_LEAD.test(text) && !UNRESOLVED.test(text)
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

const EMPTY_LEMMAS: ReadonlySet<string> = new Set()

type Pending = Omit<Candidate, 'others' | 'score'> & { order: number; bound: number; best: number; position: number }

/** Ranking order: score, then earlier sentence, then input order. */
function before(a: { score: number; index: number; order: number }, b: { score: number; index: number; order: number }): boolean {
  return a.score !== b.score ? a.score > b.score : a.index !== b.index ? a.index < b.index : a.order < b.order
}

/**
 * Candidates best first. A candidate's score needs its agreeing spans in other articles (the
 * costly part), but is bounded above by the articles its facts are reported in; so candidates are
 * scored lazily in order of that bound, and one is yielded once no unscored candidate could beat
 * it. The order is exactly that of scoring all and sorting; the summary reads only the first few.
 */
function* candidates(articles: Annotated[], facts: StoryFact[], o: Required<SummaryOptions>, skip: (c: Pick<Candidate, 'facts'>) => boolean): Generator<Candidate> {
  const byArticle = factsByArticle(facts)
  const byId = new Map(articles.map((a) => [a.id, a]))
  const statements = new Map<string, Statement>()
  const pending: Pending[] = []
  for (const article of articles) {
    const bySentence = supportsBySentence(article.sentences, byArticle.get(article.id) ?? [])
    article.sentences.forEach((sentence, index) => {
      const raw = article.text.slice(sentence[0], sentence[1])
      const lead = raw.match(DATELINE)?.[0].length ?? 0
      const text = raw.slice(lead).trim()
      const span: Span = [sentence[0] + lead, sentence[0] + lead + text.length]
      const words = text.split(/\s+/).length
      if (words < o.minWords || words > o.maxWords || /[:,]$/.test(text) || !standsAlone(text)) return
      if (quotedShare(article, span) > o.maxQuoteShare) return
      const own = bySentence[index].filter((s) => s.start < span[1] && s.end > span[0]).map((s) => s.fact)
      if (own.length === 0) return
      // A disputed fact is summarised only in a sentence that says who reports its version.
      if (own.some((f) => f.status === 'disputed') && !ATTRIBUTED.test(text)) return
      const best = Math.max(...own.map((f) => STATUS_WEIGHT[f.status]))
      const position = 1 + 0.5 * (1 - Math.min(index, 10) / 10)
      const reach = new Set(own.flatMap((f) => f.articleIds))
      reach.add(article.id)
      // Lemmas (for the redundancy check) are read when the candidate is yielded: most never are.
      const base = { article, index, span, text, facts: own, lemmas: EMPTY_LEMMAS }
      pending.push({ ...base, order: pending.length, best, position, bound: best * reach.size * position })
    })
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
      const { order: at, bound: _bound, best, position, ...base } = p
      const others = agreeingSpans(base, byId, statements)
      const c: Candidate = { ...base, others, score: best * (new Set(others.map((s) => s.articleId)).size + 1) * position }
      order.set(c, at)
      // Insert in ranking order (the scored list stays short: it holds only contenders).
      let i = scored.length
      while (i > 0 && before(key(c), key(scored[i - 1]))) i--
      scored.splice(i, 0, c)
      next++
    }
    const top = scored.shift()
    if (top) yield { ...top, lemmas: new Set(contentLemmas(top.text)) }
  }
}

/**
 * Other articles' spans of the candidate's facts that agree with it (numbers and names, see
 * `spanAgrees`): a fact's support in an article that gives another figure is not cited.
 */
function agreeingSpans(c: Omit<Candidate, 'others' | 'score'>, byId: Map<string, Annotated>, statements: Map<string, Statement>): Citation[] {
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
 * and the spans of the same facts in other articles that agree with it; counts the candidates the
 * citation check rejected.
 * @example const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 4 })
 */
export function summarize(
  articles: Annotated[],
  facts: StoryFact[],
  { maxSentences = 5, minWords = 8, maxWords = 40, maxQuoteShare = 0.4, redundancy = 0.5 }: SummaryOptions = {},
): { summary: SummarySentence[]; rejected: number } {
  if (!Number.isInteger(maxSentences) || maxSentences < 3 || maxSentences > 7) {
    throw new ParallaxUsageError(`summarize: maxSentences must be an integer from 3 to 7, got ${maxSentences}`)
  }
  const limit = maxSentences
  const byId = new Map(articles.map((a) => [a.id, a]))
  const chosen: { c: Candidate; citations: Citation[] }[] = []
  const usedFacts = new Set<string>()
  let rejected = 0
  // Facts only ever join `usedFacts`, so a candidate skipped before scoring would be skipped here too.
  const covered = (c: Pick<Candidate, 'facts'>) => c.facts.every((f) => usedFacts.has(f.id))
  for (const c of candidates(articles, facts, { maxSentences: limit, minWords, maxWords, maxQuoteShare, redundancy }, covered)) {
    if (chosen.length >= limit) break
    if (covered(c)) continue
    if (chosen.some((x) => jaccard(x.c.lemmas, c.lemmas) >= redundancy)) continue
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
    chosen.push({ c, citations: [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...c.others] })
    for (const f of c.facts) usedFacts.add(f.id)
  }
  chosen.sort(
    (a, b) => a.c.index - b.c.index || (a.c.article.publishedAt ?? '').localeCompare(b.c.article.publishedAt ?? ''),
  )
  return { summary: chosen.map(({ c, citations }) => ({ text: c.text, citations })), rejected }
}

/** Re-exported: the citation check lives in citations.ts. */
export { checkCitation } from './citations.js'
