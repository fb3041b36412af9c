/**
 * Similarity between an article and a story (or one of its members): a weighted mean of text
 * cosine (TF-IDF), entity, date and number cosines, decayed by the publication-time gap, plus the
 * explanations that go with a match (closest member, what is shared).
 */
import { cosine, type ArticleFeatures, type Vector } from './features.js'
import { bandKeys } from './fingerprint.js'
import { TermTable } from './term-table.js'
import type { Vocabulary } from './vocabulary.js'
import { topBy } from '../text/postings.js'

/** Weights of the content components (averaged over the ones both sides have) and the time decay. */
export interface ClusterWeights {
  text: number
  entities: number
  dates: number
  numbers: number
  /** Not a weight: how fast the score decays per day of publication gap beyond the first {@link FREE_GAP_DAYS}. */
  time: number
}

/** A term vector keyed by interned term id: term id -> tf (summed over members for a story). */
export type TermVector = TermTable

/** What scoring compares on either side; `norm` is the IDF-weighted norm of `terms`. */
export interface Side {
  terms: TermVector
  norm: number
  entities: Vector
  dates: Vector
  numbers: Vector
  first: number | null
  last: number | null
}

/**
 * An article as scored: its features, its terms as parallel arrays with tf * idf² precomputed (so
 * a dot product is one lookup per term), its index keys and band keys. A member is also a `Side`
 * (first = last = its publication time), so comparing with one member allocates nothing.
 */
export type Member = Omit<ArticleFeatures, 'terms'> &
  Side & { termIds: Int32Array; termWeights: Float64Array; entityKeys: string[]; topTerms: number[]; bands: string[] }

export interface ScoringContext {
  vocabulary: Vocabulary
  weights: ClusterWeights
  /** Days between publication and a story beyond which the score is halved. */
  maxGapDays: number
}

const DAY = 86_400_000
/**
 * Days of publication gap that take nothing away: outlets report one event a day or two apart (a
 * Saturday story and a Monday one, dates in other time zones); a longer gap counts against it.
 */
export const FREE_GAP_DAYS = 2

/**
 * Interns the article's terms, counts it in the document frequencies, and precomputes its weighted
 * terms, norm and index keys (entities, then the `maxKeys` top terms by tf-idf, and the band keys
 * of its fingerprint). `maxKeys` null: a member only scored (batch refinement), with no top terms
 * nor band keys. `interned`: the ids `vocabulary` already gave the terms, in order.
 */
export function prepareMember(features: ArticleFeatures, vocabulary: Vocabulary, maxKeys: number | null, countDocument = true, interned?: Int32Array): Member {
  const n = features.terms.size
  const termIds = interned ?? new Int32Array(n)
  const tfs = new Float64Array(n)
  let k = 0
  if (interned) for (const tf of features.terms.values()) tfs[k++] = tf
  else {
    for (const [t, tf] of features.terms) {
      termIds[k] = vocabulary.intern(t)
      tfs[k++] = tf
    }
  }
  if (countDocument) vocabulary.addDocument(termIds)
  // The terms are distinct (the keys of a map): each is appended, with no look-up for it first.
  const terms = TermTable.from(termIds, tfs)
  const tfidf = new Float64Array(n)
  const termWeights = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const idf = vocabulary.idf(termIds[i])
    tfidf[i] = tfs[i] * idf
    termWeights[i] = tfidf[i] * idf
    sum += tfidf[i] * tfidf[i]
  }
  const { id, time, entities, labels, dates, numbers, fp } = features
  return {
    id, time, entities, labels, dates, numbers, fp, terms, norm: Math.sqrt(sum), first: time, last: time,
    termIds, termWeights, entityKeys: [...entities.keys()],
    topTerms: maxKeys === null ? [] : topBy(termIds.keys(), (i) => tfidf[i], maxKeys).map((i) => termIds[i]), bands: maxKeys === null ? [] : bandKeys(fp),
  }
}

/** IDF-weighted norm of a term vector (a story's, after its sums changed). */
export function termNorm(terms: TermVector, vocabulary: Vocabulary): number {
  let sum = 0
  for (let i = 0; i < terms.size; i++) sum += (terms.values[i] * vocabulary.idf(terms.ids[i])) ** 2
  return Math.sqrt(sum)
}

/** Text cosine: IDF-weighted dot product over the article's terms, norms precomputed. */
export function textCosine(a: Member, b: Side): number {
  if (a.norm === 0 || b.norm === 0) return 0
  let dot = 0
  const ids = a.termIds
  for (let i = 0; i < ids.length; i++) {
    const o = b.terms.get(ids[i])
    if (o !== 0) dot += a.termWeights[i] * o
  }
  return Math.min(1, dot / (a.norm * b.norm))
}

/** Weighted similarity; a component counts only when both sides have something of that kind. */
export function score(a: Member, b: Side, { weights: w, maxGapDays }: ScoringContext): number {
  let total = 0
  let weight = 0
  if (a.terms.size > 0 && b.terms.size > 0) {
    total += w.text * textCosine(a, b)
    weight += w.text
  }
  if (a.entities.size > 0 && b.entities.size > 0) {
    total += w.entities * cosine(a.entities, b.entities)
    weight += w.entities
  }
  if (a.dates.size > 0 && b.dates.size > 0) {
    total += w.dates * cosine(a.dates, b.dates)
    weight += w.dates
  }
  if (a.numbers.size > 0 && b.numbers.size > 0) {
    total += w.numbers * cosine(a.numbers, b.numbers)
    weight += w.numbers
  }
  const value = weight === 0 ? 0 : total / weight
  if (a.time === null || b.first === null || b.last === null) return value
  // Publication time only takes away: being published the same day is no evidence of one event
  // (a day's news is full of unrelated stories), but days apart are evidence against it.
  const gapDays = Math.max(0, b.first - a.time, a.time - b.last) / DAY
  const decayed = value * Math.exp(-Math.max(0, gapDays - FREE_GAP_DAYS) * w.time)
  return gapDays > maxGapDays ? decayed / 2 : decayed
}

/** The member most like the article (earliest on ties) and its score: who it "joined by". */
export function closestMember(f: Member, members: readonly Member[], ctx: ScoringContext): { id: string; score: number } {
  let best = { id: members[0].id, score: -1 }
  for (const m of members) {
    const s = score(f, m, ctx)
    if (s > best.score) best = { id: m.id, score: s }
  }
  return best
}

/** What the article shares with the story: entities by name, dates, numbers, then the weightiest terms. */
export function sharedWith(f: Member, story: Side, vocabulary: Vocabulary): string[] {
  const entities = f.entityKeys
    .filter((k) => story.entities.has(k) && !k.startsWith('s:'))
    .map((k) => `entity:${f.labels.get(k) ?? k.slice(2)}`)
  const dates = [...f.dates.keys()].filter((k) => story.dates.has(k)).map((k) => `date:${k.slice(2)}`)
  const numbers = [...f.numbers.keys()].filter((k) => story.numbers.has(k)).map((k) => `number:${k.slice(2)}`)
  // The six weightiest, ties in term order (as a stable sort of all of them would give).
  const terms = topBy(f.termIds.filter((t) => story.terms.has(t)), (t) => f.terms.get(t) * story.terms.get(t) * vocabulary.idf(t) ** 2, 6)
    .map((t) => `term:${vocabulary.term(t)}`)
  return [...entities.slice(0, 8), ...dates.slice(0, 3), ...numbers.slice(0, 3), ...terms]
}
