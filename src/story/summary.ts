/**
 * The cited summary: extractive. Stages, in order:
 *   1. candidates: sentences of 8..40 words that are not mostly quotation, with the facts they carry;
 *   2. rank: by the corroboration of those facts, then by position in the article (leads first);
 *   3. select: skip a candidate too similar to one chosen; CHECK that its names and numbers are
 *      in the spans of the facts it carries; cite its span and the same facts in other articles;
 *   4. order the chosen sentences by position, then publication date.
 */
import { contentLemmas, foldCase, jaccard } from '../compare/claims.js'
import { ParallaxUsageError } from '../errors.js'
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
  score: number
  lemmas: Set<string>
}

const STATUS_WEIGHT: Record<FactStatus, number> = { corroborated: 1, disputed: 0.6, 'single-source': 0.25 }
// "Moscow — " datelines and "(Reuters) - " credits lead a sentence without being part of it.
const DATELINE = /^(?:[\p{Lu}][\p{L}.]*(?:[ ,]+[\p{Lu}][\p{L}.]*){0,3}\s*(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+)/u
// A sentence opening on a pronoun leans on the one before it; out of context it says too little.
const PRONOUN_LEAD = /^(?:He|She|They|It|This|These|Those|His|Her|Their|Its)\b/
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.,'’%$-]*/gu
const HAS_DIGIT = /\d/

function digitsOf(token: string): string {
  return token.replace(/[^\d.]/g, '').replace(/\.$/, '')
}

/**
 * Whether the names (capitalised words not opening the sentence) and numbers of a sentence all
 * appear in the texts it cites; `missing` lists those that do not.
 * @example checkCitation('Putin met Witkoff for 3 hours.', ['Putin met Witkoff for two hours']) // { ok: false, missing: ['3'] }
 */
export function checkCitation(sentence: string, cited: string[]): { ok: boolean; missing: string[] } {
  const source = foldCase(cited.join(' \n '))
  const sourceWords = new Set(source.match(TOKEN)?.map((t) => t.replace(/[.,'’%$-]+$/, '').replace(/['’]s$/, '')) ?? [])
  const sourceNumbers = new Set([...(source.match(TOKEN) ?? [])].filter((t) => HAS_DIGIT.test(t)).map(digitsOf))
  const missing: string[] = []
  let first = true
  for (const m of sentence.matchAll(TOKEN)) {
    const token = m[0].replace(/[.,'’%$-]+$/, '').replace(/['’]s$/, '')
    const opening = first
    first = false
    if (HAS_DIGIT.test(token)) {
      if (!sourceNumbers.has(digitsOf(token))) missing.push(token)
    } else if (!opening && /^\p{Lu}/u.test(token) && !sourceWords.has(foldCase(token))) {
      missing.push(token)
    }
  }
  return { ok: missing.length === 0, missing }
}

function quotedShare(article: Annotated, span: Span): number {
  let covered = 0
  for (const q of article.quotes) {
    if (q.kind !== 'indirect') covered += Math.max(0, Math.min(q.span[1], span[1]) - Math.max(q.span[0], span[0]))
  }
  return covered / Math.max(1, span[1] - span[0])
}

/** Facts by article, with the support span each has there, for looking up a sentence's facts. */
function factsByArticle(facts: StoryFact[]): Map<string, { fact: StoryFact; start: number; end: number }[]> {
  const out = new Map<string, { fact: StoryFact; start: number; end: number }[]>()
  for (const fact of facts) {
    for (const s of fact.support) {
      const list = out.get(s.articleId) ?? []
      list.push({ fact, start: s.start, end: s.end })
      out.set(s.articleId, list)
    }
  }
  return out
}

function candidates(articles: Annotated[], facts: StoryFact[], o: Required<SummaryOptions>): Candidate[] {
  const byArticle = factsByArticle(facts)
  const out: Candidate[] = []
  for (const article of articles) {
    const supports = byArticle.get(article.id) ?? []
    article.sentences.forEach((sentence, index) => {
      const raw = article.text.slice(sentence[0], sentence[1])
      const lead = raw.match(DATELINE)?.[0].length ?? 0
      const span: Span = [sentence[0] + lead, sentence[1]]
      const text = raw.slice(lead).trim()
      const words = text.split(/\s+/).length
      if (words < o.minWords || words > o.maxWords || /[:,]$/.test(text) || PRONOUN_LEAD.test(text)) return
      if (quotedShare(article, span) > o.maxQuoteShare) return
      const own = supports.filter((s) => s.start < span[1] && s.end > span[0]).map((s) => s.fact)
      if (own.length === 0) return
      const best = Math.max(...own.map((f) => STATUS_WEIGHT[f.status] * f.articleIds.length))
      const score = best * (1 + 0.5 * (1 - Math.min(index, 10) / 10))
      out.push({ article, index, span: [span[0], span[0] + text.length], text, facts: own, score, lemmas: new Set(contentLemmas(text)) })
    })
  }
  return out.sort((a, b) => b.score - a.score || a.index - b.index)
}

/** The spans of the candidate's facts: in its own article (its claims) and in the others. */
function evidenceOf(c: Candidate): Citation[] {
  const out: Citation[] = []
  for (const fact of c.facts) {
    for (const s of fact.support) {
      const own = s.articleId === c.article.id
      // Own-article support outside this sentence belongs to another sentence of the same fact.
      if (own && (s.start >= c.span[1] || s.end <= c.span[0])) continue
      if (!out.some((o) => o.articleId === s.articleId && o.start === s.start)) out.push({ articleId: s.articleId, start: s.start, end: s.end })
    }
  }
  return out
}

/**
 * Picks `maxSentences` sentences that carry the best-corroborated facts, each citing its own span
 * and the same facts in other articles; counts the candidates the citation check rejected.
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
  const texts = new Map(articles.map((a) => [a.id, a.text]))
  const chosen: { c: Candidate; citations: Citation[] }[] = []
  const usedFacts = new Set<string>()
  let rejected = 0
  for (const c of candidates(articles, facts, { maxSentences: limit, minWords, maxWords, maxQuoteShare, redundancy })) {
    if (chosen.length >= limit) break
    if (c.facts.every((f) => usedFacts.has(f.id))) continue
    if (chosen.some((x) => jaccard(x.c.lemmas, c.lemmas) >= redundancy)) continue
    // The check reads the facts' spans, not the sentence itself: a sentence may only say what
    // the aligned claims support, so a name in an unaligned fragment is a rejection.
    const evidence = evidenceOf(c)
    const cited = evidence.map((s) => texts.get(s.articleId)?.slice(s.start, s.end) ?? '')
    if (!checkCitation(c.text, cited).ok) {
      rejected++
      continue
    }
    const citations = [{ articleId: c.article.id, start: c.span[0], end: c.span[1] }, ...evidence.filter((s) => s.articleId !== c.article.id)]
    chosen.push({ c, citations })
    for (const f of c.facts) usedFacts.add(f.id)
  }
  chosen.sort(
    (a, b) => a.c.index - b.c.index || (a.c.article.publishedAt ?? '').localeCompare(b.c.article.publishedAt ?? ''),
  )
  return { summary: chosen.map(({ c, citations }) => ({ text: c.text, citations })), rejected }
}
