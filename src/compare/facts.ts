/**
 * Fact alignment across the articles of one story. Stages, in order:
 *   1. claims: split sentences into atomic claims with features (claims.ts);
 *   2. candidates: pairs of claims from different articles sharing a feature or a WordNet concept
 *      of a content word (synonyms.ts), from an inverted index (never all pairs), scored by weighted Jaccard and containment over lemmas, names,
 *      number units and dates (weights: inverse frequency in the story); a pair under the
 *      threshold goes to the story pair model (a shared sub-fact) and, when its words are close,
 *      to the same-fact judge (same-fact.ts, the whole sentence in other words), see `pairScore`;
 *      two claims giving one figure of one thing for one party are one fact (`sameCountedFigure`);
 *   3. cluster: greedy by best pair, at most one claim per article per fact; the claims that carry
 *      one quote aligned across outlets (`quotes`) come first and stay together; then a claim
 *      that states a second fact supports that one too (`alsoSupports`);
 *   4. claim conflicts across all claims (conflicts.ts), which mark their facts disputed;
 *   5. status and number discrepancies per fact (discrepancies.ts), then the fact's text and id;
 *      a person's standing across the claims ("resigned" vs "retiring", status.ts);
 *   6. framing across the aligned facts, the headlines and the descriptors of entities (framing.ts).
 * Clustering must see every scored pair before a status is read, hence the order.
 */
import { hash } from 'node:crypto'
import { DEFAULT_FAMILIES, independentSources, type PublisherFamilies } from '../cluster/families.js'
import { articleClaims, type Claim, type ClaimOptions } from './claims.js'
import { claimDiscrepancies, findClaimConflicts, type ConflictOptions } from './conflicts.js'
import { numberDiscrepancies, type NumberCompatibilityOptions } from './discrepancies.js'
import { statusDiscrepancies } from './status.js'
import { PLAN_VERBS } from './modality.js'
import { cachedFactText, prepareFactText, sameFactAt, sameFactProbability, STORY_JUDGE_PROBABILITY, type FactText } from './same-fact.js'
import { claimPosition, figureValues, numbersClash, sourceWord, storyPairFeatures, storyPairProbabilityFrom, storySoftOverlap, type StoryClaims } from './same-fact-story.js'
import { conceptWeights, softSimilarityBound, storyConcepts, type ConceptWeights } from './synonyms.js'
import type { MergedEntities } from './entities.js'
import { datelineLength, foldCase, whitespaceFields, wordTokens } from '../text/tokens.js'
import { contentLemmas } from '../text/stems.js'
import { mentionsKey, nameKey } from '../text/names.js'
import { entityFraming, factFraming, headlineFraming } from './framing.js'
import type { Annotated, Discrepancy, FactStatus, StoryFact, StoryQuote } from '../types.js'

export interface FactOptions extends ClaimOptions, NumberCompatibilityOptions, ConflictOptions {
  /** Similarity (weighted Jaccard and containment, averaged) at which two claims state the same fact. */
  threshold?: number
  /** Story similarity from which the same-fact judge is asked about a pair under `threshold`. */
  judgeFrom?: number
  /** The judge's probability at which such a pair states one fact. */
  judgeProbability?: number
  /**
   * The story pair model's probability at which a pair under `threshold` states one fact (over 1:
   * never asked). `STORY_PAIR_PROBABILITY` by default.
   */
  pairProbability?: number
  /** Claims the judge reads per story at most (reading one costs about as much as annotating a sentence). */
  maxJudged?: number
  /**
   * Words a claim needs for the story pair model or the judge to join it to a claim worded
   * otherwise (6): one of a few words ("This time he let loose.") gives them too little to read.
   */
  minReadWords?: number
  /** A feature found in more claims than this is too common to propose pairs (it still scores). */
  maxPostings?: number
  /** Bound on scored claim pairs per story. */
  maxPairs?: number
  /** A claim with fewer words is not a fact on its own ("he said."). */
  minFactWords?: number
  /** Near-duplicate copies in the story (from clustering): a copy and its original are one source. */
  copies?: readonly { articleId: string; of: string }[]
  /** Publisher families: outlets of one family are one source. */
  families?: PublisherFamilies
  /**
   * The story's quotes aligned across outlets (`alignQuotes`): the claims that carry one quote in
   * several articles state one fact, however little else their words share.
   */
  quotes?: readonly Pick<StoryQuote, 'occurrences'>[]
  /** Story similarity two claims carrying one aligned quote need to be one fact. */
  minQuoteSimilarity?: number
  /** Words every occurrence of an aligned quote needs for the quote to join claims. */
  minQuoteWords?: number
  /** The story's merged entities: attributions are named by their story entity ("Trump" -> "Donald Trump"). */
  entities?: Pick<MergedEntities, 'findInArticle'>
}

/** A fact with the claims behind it (local detail; the report keeps `StoryFact`). */
export interface AlignedFact extends StoryFact {
  claims: Claim[]
  stage: 'compare/facts'
}

// Names and numbers say more about which event a claim reports than common words do.
const KIND_WEIGHT: Record<string, number> = { l: 1, n: 1.6, u: 1.4, v: 1.2, d: 0.8 }

function features(claim: Claim): Set<string> {
  const out = new Set<string>()
  for (const l of claim.lemmas) out.add(`l:${l}`)
  for (const n of claim.names) out.add(`n:${n}`)
  for (const n of claim.numbers) out.add(n.unit ? `u:${n.unit}` : `v:${n.value}`)
  for (const d of claim.dates) out.add(`d:${d.value}`)
  return out
}

interface Scored extends StoryClaims {
  claims: Claim[]
  /** Per claim, its feature ids, sorted ascending (for a merge-walk intersection). */
  feats: Int32Array[]
  /** Weight of each feature id: kind weight times inverse document frequency over the story's claims. */
  weights: Float64Array
  totals: Float64Array
  /** The same-fact judge's reading of each claim, made when first needed. */
  texts: (FactText | undefined)[]
  threshold: number
  judgeFrom: number
  judgeProbability: number
  pairProbability: number
  maxJudged: number
  minReadWords: number
  judgedCount: number
  /** Per claim, its figures with the word they count and a name in their phrase (`figureKeys`), e.g. "percent:25:tariff:india". */
  figures: string[][]
  /** Per claim, its plan keys (`planKeys`). */
  plans: string[][]
  /** What each claim could match through synonyms, bounding a pair's soft similarity (`softSimilarityBound`). */
  conceptWeights: ConceptWeights
  /** Pairs (`i * n + j`, i < j) that one aligned quote joins. */
  forced: Set<number>
  /** Scores of pairs under the threshold, by the same key (the model and judge are not cheap). */
  scores: Map<number, number>
  /**
   * A pair score under this is only known to be under it (every reader of scores treats all such
   * scores alike: under `WEAKEST_SHARE` of the threshold), so the story pair model may stop early.
   */
  floor: number
}

function scoreModel(claims: Claim[], { threshold, judgeFrom, judgeProbability, pairProbability, maxJudged, minReadWords, floor }: Pick<Scored, 'threshold' | 'judgeFrom' | 'judgeProbability' | 'pairProbability' | 'maxJudged' | 'minReadWords' | 'floor'>): Scored {
  const ids = new Map<string, number>()
  const df: number[] = []
  const kinds: string[] = []
  const newId = (f: string): number => {
    let id = ids.get(f)
    if (id === undefined) {
      id = ids.size
      ids.set(f, id)
      df.push(0)
      kinds.push(f[0])
    }
    return id
  }
  const feats = claims.map((claim) => {
    const own: number[] = []
    for (const f of features(claim)) {
      const id = newId(f)
      df[id]++
      own.push(id)
    }
    return Int32Array.from(own).sort()
  })
  // Concepts (kind 'c') propose pairs and match synonyms; they are not features of the similarity.
  const { conceptsOf, concepts } = storyConcepts(ids, feats, newId)
  for (const cs of concepts) for (const c of cs) df[c]++
  const n = claims.length
  const weights = Float64Array.from(df, (d, id) => (KIND_WEIGHT[kinds[id]] ?? 1) * Math.log(1 + n / d))
  const totals = Float64Array.from(feats, (fs) => fs.reduce((sum, f) => sum + weights[f], 0))
  const sentences = new Map<string, number>()
  for (const c of claims) sentences.set(c.articleId, Math.max(sentences.get(c.articleId) ?? 0, c.sentenceIndex + 1))
  const words = Int32Array.from(claims, (c) => whitespaceFields(c.text))
  // What the story pair model reads of each claim alone, read once per claim rather than per pair.
  const positions = Float64Array.from(claims, (c) => claimPosition(c, sentences))
  const values = claims.map(figureValues)
  const sourceWords = claims.map(sourceWord)
  const lemmaIds = claims.map((c) => Int32Array.from(c.lemmas, (l) => ids.get(`l:${l}`)!))
  return { claims, feats, conceptsOf, concepts, conceptWeights: conceptWeights(feats, { conceptsOf, concepts }, weights), weights, kinds, sentences, words, positions, values, sourceWords, lemmaIds, totals, figures: claims.map(figureKeys), plans: claims.map(planKeys), texts: new Array(claims.length), threshold, judgeFrom, judgeProbability, pairProbability, maxJudged, minReadWords, judgedCount: 0, forced: new Set(), scores: new Map(), floor }
}

/**
 * Whether two claims state one fact, as a score against the threshold. Four readings, in order:
 *   1. the story similarity, enough on its own at `threshold`;
 *   2. under it, the story pair model (`storyPairFeatures`, boosted trees learned on news claims
 *      by scripts/learn-story-pairs.ts) maps its probability onto the same scale, reaching the
 *      threshold at `pairProbability`: claims of two outlets that share a sub-fact ("a war of
 *      Obama's choosing") inside otherwise different sentences; never where their figures clash;
 *   3. where the similarity is only fair (at least `judgeFrom`), the same-fact judge (same-fact.ts,
 *      learned on MRPC) may lift the pair to the threshold when it is confident (probability
 *      `judgeProbability`): the whole sentence in other words. It reads a claim once, and only
 *      claims that reach it.
 *   4. still under it, two claims that give one figure of one thing for one party ("another 25%
 *      tariff on India" / "an additional 25% tariff on India") reach the threshold.
 * Graded, not yes/no, so linkage in `cluster` weighs how sure each pair is.
 */
function pairScore(m: Scored, i: number, j: number): number {
  const n = m.claims.length
  const key = i < j ? i * n + j : j * n + i
  if (m.forced.size > 0 && m.forced.has(key)) return 1
  const s = similarity(m, i, j)
  // Two quotations credited to different speakers are two statements, however many of the shorter
  // one's words the longer holds ("who you are" in another's long quote): the story model reads them.
  const rival = s >= m.threshold && (quotesOfOthers(m.claims[i], m.claims[j]) || twoQuantities(m.claims[i], m.claims[j]))
  if (s >= m.threshold && !rival) return s
  // Most candidate pairs are read by neither the story model nor the judge: their score is their
  // similarity (or a counted figure's), as quick to read again as to look up, so it is not kept.
  if (s < m.threshold && s < STORY_MODEL_FROM && s < m.judgeFrom && !softMayReach(m, i, j, s)) return sameCountedFigure(m, i, j) || samePlan(m, i, j) ? m.threshold : s
  // A claim of a few words ("This time he let loose.") gives the model and the judge too little to
  // find one fact in other words: only its own words join it.
  if (s < m.threshold && (m.words[i] < m.minReadWords || m.words[j] < m.minReadWords)) return s
  let score = m.scores.get(key)
  if (score !== undefined) return score
  // Under `floor` (and under s), the story model's exact probability changes nothing a reader decides.
  score = Math.max(rival ? 0 : s, storyScore(m, i, j, s, m.floor))
  if (score < m.threshold && (sameCountedFigure(m, i, j) || samePlan(m, i, j))) score = m.threshold
  if (score < m.threshold && s >= m.judgeFrom && judged(m, i, j)) score = m.threshold
  // Bounded: linkage asks again for the same pairs; a story with more pairs than this starts over.
  if (m.scores.size >= SCORE_CACHE_LIMIT) m.scores.clear()
  m.scores.set(key, score)
  return score
}

const SCORE_CACHE_LIMIT = 1_000_000

/**
 * The story pair model's probability at which two claims under the similarity threshold are one
 * fact. Lower joins more, at a cost: 0.50 gives BASIL 2010-2014 corroboration 0.926 / 0.504 and
 * 2016-2018 0.866 / 0.399 against 0.940 / 0.485 and 0.870 / 0.379 here, but the greedy merge then
 * gives the seeds' "constructive and useful" sentence a partner first and splits the three-hour
 * meeting that three outlets report into a fact of two and a single-source one.
 */
export const STORY_PAIR_PROBABILITY = 0.55

/** Figures of one unit this many times apart are two quantities, not two outlets' counts of one. */
const QUANTITIES_APART = 5

/**
 * Two claims giving figures of one unit far apart ("raised just over $200,000" / "had raised $5.4
 * million"), and naming no one in common: two quantities of two parties, however alike their
 * words. Outlets disagreeing on one count ("30 killed" / "25 killed") stay within a few times.
 */
function twoQuantities(a: Claim, b: Claim): boolean {
  if (a.names.some((n) => b.names.includes(n))) return false
  // Every figure of a unit both give far from every figure of it in the other: a part beside the
  // total ("$2 billion ..., including $300 million at the port") still meets the other's total.
  let apart = false
  for (const x of a.numbers) {
    if (!x.unit || x.value <= 0) continue
    for (const y of b.numbers) {
      if (y.unit !== x.unit || y.value <= 0) continue
      if (Math.max(x.value, y.value) / Math.min(x.value, y.value) < QUANTITIES_APART) return false
      apart = true
    }
  }
  return apart
}

/** Both claims mostly quotation, credited to speakers of different name keys ("Ann Lee’s office" is Ann Lee's, "Tom Pell Jr." Tom Pell's). */
function quotesOfOthers(a: Claim, b: Claim): boolean {
  return a.quoted && b.quoted && a.attributedTo !== null && b.attributedTo !== null && speakerKey(a.attributedTo) !== speakerKey(b.attributedTo)
}

function speakerKey(name: string): string {
  return nameKey(name.replace(/[’']s\b.*$/, ''), 'person')
}

// Pairs sharing less than this similarity are not read by the story pair model: on the BASIL
// 2010-2014 events it lifted none of them, and they are most of a large story's candidate pairs.
const STORY_MODEL_FROM = 0.1
// A pair under it that shares synonyms ("endorsed" / "supporter") is read from this similarity
// counting them as shared (`softSimilarity`): from 0.1, 1,700 such pairs of the 2010-2014 events
// are not one fact for 34 that are; from 0.25, 43 for 4.
const SOFT_MODEL_FROM = 0.25

// The phrase after a figure, read for the thing it counts and the party it concerns ("25% tariff on India").
const FIGURE_PHRASE_CHARS = 30

/**
 * A claim's figures that carry a unit, each with what it counts (the first content word after it)
 * and a name of the claim inside that phrase: "an additional 25% tariff on India as punishment" ->
 * "percent:25:tariff:india". A figure whose phrase names no one gives no key.
 */
function figureKeys(claim: Claim): string[] {
  const out: string[] = []
  for (const n of claim.numbers) {
    if (!n.unit) continue
    const at = n.span[1] - claim.span[0]
    const phrase = claim.text.slice(at, at + FIGURE_PHRASE_CHARS)
    const counted = contentLemmas(phrase)[0]
    const party = claim.names.find((key) => mentionsKey(phrase, key))
    if (counted && party) out.push(`${n.unit}:${n.value}:${counted}:${party}`)
  }
  return out
}

/**
 * Two claims give one figure of one thing for one party ("25% tariff on India"): one fact however
 * differently the rest is worded ("would place another" / "imposed an additional"). A figure two
 * sentences only mention in passing ("with a 100% tariff", "his 100% tariff threat amid talks
 * with India") names no party in its phrase and does not count.
 */
function sameCountedFigure(m: Scored, i: number, j: number): boolean {
  const a = m.figures[i]
  const b = m.figures[j]
  return a.length > 0 && b.length > 0 && a.some((k) => b.includes(k))
}

// A plan: a verb of intent, "to" and the verb planned ("intends to meet", "plans to visit").
const PLAN = new RegExp(String.raw`\b(?:${PLAN_VERBS}|(?:is|are|was|were)\s+set|(?:is|are|was|were)\s+due|prepar(?:es?|ed|ing))\s+to\s+(\p{Ll}+)`, 'gu')

/** Names a claim may have for its plans to be read: a list of many names is no one's plan. */
const MAX_PLAN_NAMES = 6
// A plan called off before it is told ("scrapped plans to meet") is no plan.
const CALLED_OFF = /\b(?:scrap(?:s|ped)?|cancel(?:s|led|ed)?|call(?:s|ed)? off|called off|abandon(?:s|ed)?|shelv(?:es|ed)|drop(?:s|ped)|postpon(?:es|ed)|no longer|put off|delay(?:s|ed)?)\b[^.;]*$/i
// Words of a name, at most, read when looking for the subject's.
const NAME_WORDS = 4
// The words after the verb planned where its object is named ("to meet soon with Russian President Vladimir Putin").
const PLAN_OBJECT_CHARS = 60

/**
 * What a claim says someone plans, as keys: the verb planned, the name before it (who plans) and
 * the first name after it (with whom or what): "meet:trump:putin" for "President Trump intends to
 * meet soon with Russian President Vladimir Putin". Two outlets stating one plan share the verb and
 * the two parties however else they word it ("plans to meet with Putin next week"), while the names
 * alone are in every claim of their story. None for a plan denied or called off.
 */
function planKeys(claim: Claim): string[] {
  if (claim.negated || claim.names.length < 2 || claim.names.length > MAX_PLAN_NAMES) return []
  const out = new Set<string>()
  const names = [...new Set(claim.names)]
  for (const m of claim.text.matchAll(PLAN)) {
    const before = claim.text.slice(0, m.index)
    if (CALLED_OFF.test(before)) continue
    const verb = contentLemmas(m[1])[0]
    if (!verb) continue
    const after = claim.text.slice(m.index + m[0].length, m.index + m[0].length + PLAN_OBJECT_CHARS)
    // "expects to meet Berg again": another time of a plan, which may be another plan.
    if (/\bagain\b/i.test(after)) continue
    // Who plans: the first name of the clause before the verb of intent (its subject, however
    // long: "Trump is preparing ... and plans to meet").
    const words = before.split(/\s+/)
    let subject: string | undefined
    for (let w = 1; w <= words.length && !subject; w++) subject = names.find((k) => mentionsKey(words.slice(Math.max(0, w - NAME_WORDS), w).join(' '), k))
    const object = names.find((k) => k !== subject && mentionsKey(after, k))
    if (subject && object) out.add(`${verb}:${subject}:${object}`)
  }
  return [...out]
}

/** Two claims state one plan of two parties (`planKeys`). */
function samePlan(m: Scored, i: number, j: number): boolean {
  const a = m.plans[i]
  const b = m.plans[j]
  return a.length > 0 && b.length > 0 && a.some((k) => b.includes(k))
}

/** The story pair model's probability on the similarity scale (`threshold` at `pairProbability`); 0 when sure to be under `floor`. */
function storyScore(m: Scored, i: number, j: number, similar: number, floor: number): number {
  if (m.pairProbability > 1 || numbersClash(m.claims[i], m.claims[j])) return 0
  // Synonyms count as shared words here: "endorsed" / "a loyal supporter" share more than their stems.
  // Most such pairs are sure to stay under `SOFT_MODEL_FROM` by a bound (rounding kept well apart).
  const soft = similar < STORY_MODEL_FROM && softMayReach(m, i, j, similar) ? storySoftOverlap(m, i, j) : undefined
  if (similar < STORY_MODEL_FROM && (soft === undefined || soft.similarity < SOFT_MODEL_FROM)) return 0
  // The probability at which the score is `floor`, a little lower so that rounding cannot matter.
  const from = floor > 0 ? ((floor * m.pairProbability) / m.threshold) * (1 - 1e-9) : 0
  return Math.min(1, (m.threshold * storyPairProbabilityFrom(m, i, j, similar, from, soft)) / m.pairProbability)
}

/** Whether a pair's synonyms may lift its soft similarity to `SOFT_MODEL_FROM` (by `softSimilarityBound`, rounding kept well apart). */
function softMayReach(m: Scored, i: number, j: number, similar: number): boolean {
  return m.concepts[i].length > 0 && m.concepts[j].length > 0 && softSimilarityBound(m.feats, m, m.conceptWeights, m.weights, m.totals, i, j, similar) >= SOFT_MODEL_FROM - 1e-9
}

/** The same-fact judge's verdict on a pair, within the `maxJudged` claims it may read. */
function judged(m: Scored, i: number, j: number): boolean {
  // Bounded: in a story of hundreds of articles the judge reads its first `maxJudged` claims only.
  if ((m.texts[i] === undefined || m.texts[j] === undefined) && m.judgedCount + 2 > m.maxJudged) return false
  const text = (k: number) => {
    let t = m.texts[k]
    if (t === undefined) {
      m.texts[k] = t = cachedFactText(m.claims[k].text)
      m.judgedCount++
    }
    return t
  }
  return sameFactAt(text(i), text(j), m.judgeProbability)
}

function similarity(m: Scored, i: number, j: number): number {
  // A claim of names alone ("So who is Dave Brat", "not that it was Holder.") is like nothing: it
  // says nothing of them, and its name is wholly contained in any claim naming them.
  if (namesOnly(m.claims[i]) || namesOnly(m.claims[j])) return 0
  const a = m.feats[i]
  const b = m.feats[j]
  let shared = 0
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      shared += m.weights[a[x]]
      x++
      y++
    } else if (a[x] < b[y]) x++
    else y++
  }
  const union = m.totals[i] + m.totals[j] - shared
  // A claim with no features (names and numbers only in its attribution) is like nothing.
  if (union <= 0 || m.totals[i] <= 0 || m.totals[j] <= 0) return 0
  // Half Jaccard, half containment: a short claim restated inside a longer sentence still aligns.
  return 0.5 * (shared / union) + 0.5 * (shared / Math.min(m.totals[i], m.totals[j]))
}

/** A claim of names and nothing else: no content word, no figure ("Dave Brat 55.5%, Eric Cantor 44.5%." has figures). */
function namesOnly(c: Claim): boolean {
  return c.lemmas.length === 0 && c.numbers.length === 0
}

/** Candidate pairs from an inverted index over features, scored; bounded by `maxPairs`. */
function scoredPairs(m: Scored, maxPostings: number, maxPairs: number, threshold: number): [number, number, number][] {
  const postings: number[][] = Array.from(m.weights, () => [])
  m.feats.forEach((fs, i) => fs.forEach((f) => postings[f].push(i)))
  // Claims sharing a concept (a synonym or derivation of a content word) are candidates too; concept
  // ids come after the features', so their pairs are proposed last within `maxPairs`.
  m.concepts.forEach((cs, i) => cs.forEach((c) => postings[c].push(i)))
  // And claims stating one plan (`planKeys`): their words are the story's commonest, its names.
  const plans = new Map<string, number[]>()
  m.plans.forEach((keys, i) => {
    for (const k of keys) {
      let list = plans.get(k)
      if (!list) plans.set(k, (list = []))
      // Longer lists are skipped below: stop growing them.
      if (list.length <= maxPostings) list.push(i)
    }
  })
  for (const list of plans.values()) postings.push(list)
  const n = m.claims.length
  const seen = pairMarks(n)
  let seenCount = 0
  const out: [number, number, number][] = []
  const article = articleNumbers(m.claims)
  for (const list of postings) {
    if (list.length < 2 || list.length > maxPostings) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]
        const j = list[y]
        if (article[i] === article[j] || seen.has(i * n + j)) continue
        if (seenCount >= maxPairs) return out
        seen.add(i * n + j)
        seenCount++
        const s = pairScore(m, i, j)
        if (s >= threshold) out.push([i, j, s])
      }
    }
  }
  return out.sort((a, b) => b[2] - a[2])
}

// Pairs of a story with at most this many claims are marked in a bit array (2 MB at most), larger stories' in a Set.
const PAIR_BITS_LIMIT = 1 << 24

/** Marks for pairs `i * n + j` of `n` claims: bits when they fit in `PAIR_BITS_LIMIT`, else a Set. */
function pairMarks(n: number): { has(key: number): boolean; add(key: number): void } {
  if (n * n > PAIR_BITS_LIMIT) return new Set<number>()
  const bits = new Uint8Array((n * n + 7) >> 3)
  return {
    has: (key) => (bits[key >> 3] & (1 << (key & 7))) !== 0,
    add: (key) => void (bits[key >> 3] |= 1 << (key & 7)),
  }
}

/** Each claim's article as a number (claims of one article share it). */
function articleNumbers(claims: readonly Claim[]): Int32Array {
  const numbers = new Map<string, number>()
  return Int32Array.from(claims, (c) => numbers.get(c.articleId) ?? (numbers.set(c.articleId, numbers.size), numbers.size - 1))
}

// Occurrences of a quote compared word by word, at most, to pick each article's closest one.
const CLOSEST_PEERS = 24

/**
 * The occurrences of one aligned quote, each article's closest to the other articles' first: an
 * aligned quote may be a statement printed in pieces, and an article's first piece is not always
 * the one other outlets print ("Hello, my name is ..." beside "I have not heard people ... admit").
 * Closest by the share of the shorter one's words both hold; the rest keep their order after.
 */
function closestOccurrences<T extends { articleId: string; text: string }>(occurrences: readonly T[]): T[] {
  const articles = new Set(occurrences.map((o) => o.articleId))
  if (articles.size === occurrences.length || occurrences.length > CLOSEST_PEERS) return [...occurrences]
  const words = occurrences.map((o) => new Set(wordTokens(foldCase(o.text))))
  const closeness = occurrences.map((o, x) => {
    let best = 0
    occurrences.forEach((p, y) => {
      if (p.articleId === o.articleId) return
      let shared = 0
      for (const w of words[x]) if (words[y].has(w)) shared++
      best = Math.max(best, shared / Math.max(1, Math.min(words[x].size, words[y].size)))
    })
    return best
  })
  const order = occurrences.map((_, x) => x).sort((x, y) => closeness[y] - closeness[x] || x - y)
  return order.map((x) => occurrences[x])
}

/**
 * Pairs of claims that carry one aligned quote in two articles (the claim holding most of each
 * occurrence), scored 1 and remembered so linkage keeps them together.
 */
function quotePairs(m: Scored, quotes: readonly Pick<StoryQuote, 'occurrences'>[], minQuoteSimilarity: number, minQuoteWords: number): { pairs: [number, number, number][]; pieces: [number, number][] } {
  const n = m.claims.length
  const byArticle = new Map<string, number[]>()
  m.claims.forEach((c, i) => {
    const list = byArticle.get(c.articleId)
    if (list) list.push(i)
    else byArticle.set(c.articleId, [i])
  })
  const holder = (articleId: string, start: number, end: number): number => {
    let best = -1
    let most = 0
    for (const i of byArticle.get(articleId) ?? []) {
      const [s, e] = m.claims[i].span
      const shared = Math.min(e, end) - Math.max(s, start)
      if (shared > most) [best, most] = [i, shared]
    }
    return best
  }
  const out: [number, number, number][] = []
  const pieces: [number, number][] = []
  for (const q of quotes) {
    // A short quote ("constructive and useful") is a phrase outlets borrow, not a statement.
    if (q.occurrences.some((o) => (o.text.match(/\S+/g)?.length ?? 0) < minQuoteWords)) continue
    const seen = new Set<string>()
    const held: number[] = []
    const ordered = closestOccurrences(q.occurrences)
    for (const o of ordered) {
      if (seen.has(o.articleId)) continue
      const i = holder(o.articleId, o.start, o.end)
      if (i < 0) continue
      seen.add(o.articleId)
      held.push(i)
    }
    pieces.push(...quotePieces(ordered, holder, held))
    for (let x = 0; x < held.length; x++) {
      for (let y = x + 1; y < held.length && y <= x + QUOTE_PEERS; y++) {
        const [i, j] = held[x] < held[y] ? [held[x], held[y]] : [held[y], held[x]]
        // Claims holding much more than the quote must also share some words beyond it.
        if (similarity(m, i, j) < minQuoteSimilarity) continue
        m.forced.add(i * n + j)
        out.push([i, j, 1])
      }
    }
  }
  return { pairs: out, pieces }
}

// Share of a piece's words another article's occurrence must hold for it to print that piece too.
const PIECE_SHARE = 0.8

/**
 * One outlet prints a statement whole where another prints it in pieces, each in a claim of its
 * own ("... a poor response." / He added, "I will always ..."): the claims holding an article's
 * later pieces, each with the claim of another article whose occurrence holds the piece's words.
 * The first piece joins the other outlet's claim as a pair; the later ones are second supports of
 * that fact (`cluster`).
 */
function quotePieces<T extends { articleId: string; start: number; end: number; text: string }>(
  ordered: readonly T[],
  holder: (articleId: string, start: number, end: number) => number,
  held: readonly number[],
): [number, number][] {
  // Each article's first occurrence is the one paired; a quote no article prints in pieces has no later ones.
  const firsts: T[] = []
  const later: T[] = []
  const seen = new Set<string>()
  for (const o of ordered) {
    if (seen.has(o.articleId)) later.push(o)
    else (seen.add(o.articleId), firsts.push(o))
  }
  if (later.length === 0) return []
  const words = new Map<T, Set<string>>()
  const wordsOf = (o: T) => words.get(o) ?? (words.set(o, new Set(wordTokens(foldCase(o.text)))), words.get(o)!)
  // Compared with the other articles' paired occurrences only, at most QUOTE_PEERS of them.
  const peers = firsts.slice(0, QUOTE_PEERS + 1)
  const out: [number, number][] = []
  const paired = new Set(held)
  for (const o of later) {
    const piece = holder(o.articleId, o.start, o.end)
    if (piece < 0 || paired.has(piece)) continue
    const mine = wordsOf(o)
    let best: T | null = null
    let most = PIECE_SHARE * mine.size
    for (const p of peers) {
      if (p.articleId === o.articleId) continue
      const theirs = wordsOf(p)
      let shared = 0
      for (const w of mine) if (theirs.has(w)) shared++
      if (shared >= most) [best, most] = [p, shared + 1e-9]
    }
    const whole = best ? holder(best.articleId, best.start, best.end) : -1
    if (whole >= 0) out.push([piece, whole])
  }
  return out
}

/**
 * Whether two groups of claims may be one fact: on average nearly as close as a matched pair
 * (`LINKAGE_SHARE` of the threshold), and no pair far apart (`WEAKEST_SHARE`). Average linkage
 * alone keeps most chains (A~B, B~C, A!~C) from growing one fact out of two; the weakest pair
 * stops the rest, as a sentence stating two facts (the talks lasted three hours and were
 * "constructive") is close to two sentences that each state one of them.
 */
function linked(m: Scored, a: readonly number[], b: readonly number[], threshold: number): boolean {
  // Read over at most LINKAGE_PEERS evenly spaced claims of each side: a fact of hundreds of
  // articles would otherwise cost a score for every pair of its claims at every join.
  const x = evenlySpaced(a, LINKAGE_PEERS)
  const y = evenlySpaced(b, LINKAGE_PEERS)
  let sum = 0
  for (const i of x) {
    for (const j of y) {
      const score = pairScore(m, i, j)
      if (score < threshold * WEAKEST_SHARE) return false
      sum += score
    }
  }
  return sum / (x.length * y.length) >= threshold * LINKAGE_SHARE
}

/** One fact's claims: those clustered, then those that state it as their second fact (`alsoSupports`). */
interface Group {
  members: number[]
  also: number[]
}

/** Greedy clustering by best pair; a cluster holds at most one claim per article (second supports apart). */
function cluster(m: Scored, pairs: [number, number, number][], threshold: number, pieces: readonly [number, number][] = []): Group[] {
  const of = new Array<number>(m.claims.length).fill(-1)
  const clusters: number[][] = []
  const articleSets: Set<string>[] = []
  for (const [i, j] of pairs) {
    const [ci, cj] = [of[i], of[j]]
    if (ci >= 0 && ci === cj) continue
    const a = ci >= 0 ? clusters[ci] : [i]
    const b = cj >= 0 ? clusters[cj] : [j]
    const aArticles = ci >= 0 ? articleSets[ci] : new Set([m.claims[i].articleId])
    if (b.some((k) => aArticles.has(m.claims[k].articleId))) continue
    if (a.length + b.length > 2 && !linked(m, a, b, threshold)) continue
    const id = ci >= 0 ? ci : cj >= 0 ? cj : clusters.length
    clusters[id] = [...a, ...b]
    articleSets[id] = new Set(clusters[id].map((k) => m.claims[k].articleId))
    if (cj >= 0 && cj !== id) clusters[cj] = []
    for (const k of clusters[id]) of[k] = id
  }
  m.claims.forEach((_, i) => {
    if (of[i] < 0) of[i] = clusters.push([i]) - 1
  })
  const { extra: also, restated } = alsoSupports(m, pairs, clusters, of, threshold)
  // A restatement supports its article's fact, and is no fact of its own besides.
  for (const k of restated) if (clusters[of[k]].length === 1 && also[of[k]].length === 0) clusters[of[k]] = []
  // A later piece of a quote another outlet prints whole supports the fact of that outlet's claim,
  // unless it is already a fact with other claims of its own.
  const seconds = new Set(also.flat())
  for (const [piece, whole] of pieces) {
    const c = of[whole]
    const own = of[piece]
    // Alone means alone: no other claim of its own, and no second support its fact would lose
    // (one already in the whole's fact, as the whole itself often is, is not lost).
    if (own === c || clusters[own].length !== 1 || seconds.has(piece)) continue
    if (!also[own].every((k) => clusters[c].includes(k) || also[c].includes(k))) continue
    if (!clusters[c].some((k) => m.claims[k].articleId === m.claims[piece].articleId)) continue
    also[c].push(piece)
    seconds.add(piece)
    clusters[own] = []
  }
  return clusters.map((members, c) => ({ members, also: also[c] })).filter((g) => g.members.length > 0)
}

/**
 * A sentence often states two facts that another outlet writes apart ("Michael Steele, chairman of
 * the RNC, drew criticism ..." / "the RNC chairman" and "drew criticism" in two sentences). A claim
 * already in one fact also supports another fact it was paired with, when that fact has no claim
 * of its article yet and the claim could have joined it (`linked`); a fact of one claim so far
 * needs a pair well over the threshold (`ALSO_SHARE`). An article that states a fact twice (its
 * lead, and again further down) gives it both sentences: a claim no other claim joined supports a
 * fact holding its article's other claim when it pairs with another article's claim of that fact
 * and is like all of the fact (BASIL 2010-2014 corroboration recall 48.5 -> 49.6, 2016-2018 37.9
 * unchanged); it is then no fact of its own. Not like its own article's claim, but the claim right
 * after or before it (the next clause or sentence), it is the other half of what its outlet wrote in two sentences and the other outlet in one: that
 * sentence supports its fact too (2010-2014 49.6 -> 50.4 at precision 94.7 -> 95.0, 2016-2018 37.9
 * -> 38.4 at 87.0 -> 86.7; with no bound on the distance 51.1 / 38.9 at 93.5 / 84.1, within two
 * sentences 50.8 / 38.4 at 95.0 / 86.7). A fact of one claim needs less (`SECOND_FACT_SHARE`) from
 * a claim of a fact that pairs with no other claim of the lone one's article outside its fact: the
 * sentence states two facts ("crowds filled the cafés on Sunday, answering a call from the former
 * mayor"), its fact holds the first, and the lone claim, the one sentence of that article it pairs
 * with outside its fact, the second ("the day of support was the former mayor's idea"); a claim
 * pairing with several sentences of one article outside its fact is more often a lead naming the
 * story's people than a sentence of two facts (2010-2014 50.8 -> 51.9 at precision 95.0 -> 95.2,
 * 2016-2018 38.4 -> 38.9 at 86.6 -> 86.7; without that reading 51.9 / 39.4 at 94.4 / 86.9, one
 * 2010-2014 lead paired on its names; at 1.25 times the threshold 51.9 / 38.9 at 94.4 / 85.7, at
 * 1.35 51.1 / 38.4 at 95.1 / 86.6, at the threshold 54.1 / 39.9 at 93.3 / 83.1). Whether the lone
 * claim's own article has a claim in that fact is not read: requiring it (the case drawn above,
 * where the outlet writes both facts apart) keeps 2010-2014 and gives 2016-2018 38.9 -> 38.4 at
 * 86.7 -> 86.6. The pairs read are those proposed (`scoredPairs`, bounded by `maxPairs`): in a
 * story of thousands of claims a lead's other partners may go unproposed and count as none.
 * Per cluster, its second supports.
 */
function alsoSupports(m: Scored, pairs: readonly [number, number, number][], clusters: readonly number[][], of: readonly number[], threshold: number): { extra: number[][]; restated: number[] } {
  // Every claim is in a cluster by now, if only its own.
  const extra = clusters.map(() => [] as number[])
  const articles = clusters.map((members) => new Set(members.map((x) => m.claims[x].articleId)))
  const n = m.claims.length
  // (cluster, claim) keys: second supports given, and the linkage of a lone claim to a fact of its article (read once per pair of them).
  const given = new Set<number>()
  const restates = new Map<number, boolean>()
  const halves = new Map<number, boolean>()
  const restated: number[] = []
  // Per claim and other article (key `claim * n + article`), its partners over the threshold there
  // outside its own fact, each pair counted once (a quote's pair may also be a scored one).
  const article = articleNumbers(m.claims)
  const elsewhere = new Map<number, number>()
  const counted = new Set<number>()
  for (const [i, j] of pairs) {
    const key = i < j ? i * n + j : j * n + i
    if (of[i] === of[j] || counted.has(key)) continue
    counted.add(key)
    elsewhere.set(i * n + article[j], (elsewhere.get(i * n + article[j]) ?? 0) + 1)
    elsewhere.set(j * n + article[i], (elsewhere.get(j * n + article[i]) ?? 0) + 1)
  }
  for (const [i, j] of pairs) {
    for (let side = 0; side < 2; side++) {
      const k = side === 0 ? i : j
      const other = side === 0 ? j : i
      const c = of[other]
      if (of[k] === c || given.has(c * n + k)) continue
      const own = m.claims[k].articleId
      if (articles[c].has(own)) {
        // Only a claim standing alone, paired with another article's claim of the fact.
        if (m.claims[other].articleId === own || clusters[of[k]].length > 1 || pairScore(m, k, other) < threshold) continue
        const key = c * n + k
        // Its article's own restatement of the fact: like all of it, its article's claim too.
        let like = restates.get(key)
        if (like === undefined) restates.set(key, (like = linked(m, [k], clusters[c], threshold)))
        if (like) {
          extra[c].push(k)
          given.add(key)
          restated.push(k)
          continue
        }
        // Or the other half of what its outlet wrote apart and the other outlet in one sentence (its
        // claim right before or after k): that sentence, in a fact with the first half, supports k's too.
        if (articles[of[k]].has(m.claims[other].articleId)) continue
        let half = halves.get(key)
        if (half === undefined) {
          half = clusters[c].some((x) => Math.abs(x - k) === 1 && m.claims[x].articleId === own) && linked(m, [k], clusters[c].filter((x) => m.claims[x].articleId !== own), threshold)
          halves.set(key, half)
        }
        if (half) {
          extra[of[k]].push(other)
          given.add(of[k] * n + other)
          articles[of[k]].add(m.claims[other].articleId)
        }
        continue
      }
      // Alone, the other claim has only this pair to vouch for it; in a fact, `linked` reads all of it.
      // Less far over the threshold when k is in a fact and pairs with no other claim of the lone
      // one's article outside it: k states that fact and a second one its article writes apart.
      const needed = clusters[c].length > 1 ? threshold : threshold * (clusters[of[k]].length > 1 && elsewhere.get(k * n + article[other]) === 1 ? SECOND_FACT_SHARE : ALSO_SHARE)
      // A claim stating the other's plan (`samePlan`) supports its fact as well, whatever else it states.
      if ((pairScore(m, k, other) >= needed && linked(m, [k], clusters[c], threshold)) || (clusters[c].length === 1 && samePlan(m, k, other))) {
        extra[c].push(k)
        given.add(c * n + k)
        articles[c].add(own)
      }
    }
  }
  return { extra, restated }
}

// A claim joining a fact must be, on average, nearly as close to all its claims as to its best match,
const LINKAGE_SHARE = 0.8
// and at least this close to each of them.
const WEAKEST_SHARE = 0.64
// A claim that is in a fact already supports a claim no other outlet states only from a pair this far over the threshold,
const ALSO_SHARE = 1.5
// or this far when it pairs with no other claim of that claim's article outside its fact (see `alsoSupports`).
const SECOND_FACT_SHARE = 1.3
// Claims of each side the linkage reads, at most (a sample of larger facts).
const LINKAGE_PEERS = 24
// Each claim carrying a quote is paired with the next this many holders of it, at most: a quote
// printed in hundreds of articles is one fact joined through a chain, not every pair of them.
const QUOTE_PEERS = 24

/** At most `k` members of `list`, evenly spaced (all of them when there are no more). */
function evenlySpaced(list: readonly number[], k: number): readonly number[] {
  if (list.length <= k) return list
  const step = list.length / k
  return Array.from({ length: k }, (_, n) => list[Math.floor(n * step)])
}

const COMPLETE = /^[\p{Lu}"“‘'(\d]/u

// Centrality is read against at most this many of a fact's claims (evenly spaced): a fact reported
// by hundreds of articles would otherwise cost a similarity for every pair of its claims.
const CENTRALITY_PEERS = 24

/** The clearest wording: complete, not a bare quotation, most central, then shortest. */
function factText(m: Scored, members: number[]): string {
  const words = (i: number) => m.words[i]
  const step = Math.max(1, members.length / CENTRALITY_PEERS)
  const peers = members.length <= CENTRALITY_PEERS ? members : Array.from({ length: CENTRALITY_PEERS }, (_, k) => members[Math.floor(k * step)])
  const score = (i: number) => {
    const c = m.claims[i]
    const central = peers.reduce((s, j) => (j === i ? s : s + similarity(m, i, j)), 0)
    return central + (COMPLETE.test(c.text) ? 0.5 : 0) - (c.quoted ? 0.5 : 0) - words(i) * 0.005
  }
  const scores = members.map(score)
  let top = 0
  for (let k = 1; k < members.length; k++) if (scores[k] > scores[top]) top = k
  const best = m.claims[members[top]]
  // An article's opening claim may carry the story's dateline ("PORT MARAVEL — The ferry ..."): not part of the fact.
  const text = best.sentenceIndex === 0 ? best.text.slice(datelineLength(best.text)) : best.text
  const by = best.attributedTo
  // "Trump said" already names "Donald Trump": add the source only when the text lacks its surname.
  const surname = by?.split(/\s+/).pop() ?? ''
  return by && !text.includes(surname) ? `${text} (according to ${by})` : text
}

// A fact whose supports are at least this share of another's (the same spans) repeats it.
const REPEAT_SHARE = 2 / 3

/**
 * Drops the facts that repeat another: second supports (`alsoSupports`) can give two facts mostly
 * the same sentences (each outlet's lead sentence, say), which a reader sees as one fact listed
 * twice. The fact with more supports stays; a disputed fact never goes for an undisputed one. A
 * fact citing, in an article the other also cites, a sentence the other does not is no repeat:
 * that outlet wrote the two apart, and the sentences they share state both (a statement "... a
 * witch hunt ... he will be cleared" printed whole by two outlets, and a third's two sentences,
 * one for each: BASIL 2010-2014 corroboration recall 50.4 -> 50.8, no other row moved).
 */
export function dropRepeats(facts: AlignedFact[]): void {
  const spanKey = (s: AlignedFact['support'][number]) => `${s.articleId}:${s.start}:${s.end}`
  const order = facts.map((_, i) => i).sort((a, b) => facts[b].support.length - facts[a].support.length || a - b)
  // The kept facts holding each support span: a fact is only compared with those sharing a span.
  const holders = new Map<string, number[]>()
  const drop = new Set<number>()
  for (const i of order) {
    const f = facts[i]
    const keys = f.support.map(spanKey)
    if (keys.length >= 2) {
      const shared = new Map<number, number>()
      for (const key of new Set(keys)) for (const k of holders.get(key) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1)
      const repeats = [...shared].some(([k, n]) => n >= REPEAT_SHARE * keys.length && (facts[k].status === 'disputed' || f.status !== 'disputed') && !writtenApart(f, facts[k]))
      if (repeats) {
        drop.add(i)
        continue
      }
    }
    for (const key of keys) {
      const list = holders.get(key)
      if (list) list.push(i)
      else holders.set(key, [i])
    }
  }
  if (drop.size === 0) return
  let at = 0
  for (let i = 0; i < facts.length; i++) if (!drop.has(i)) facts[at++] = facts[i]
  facts.length = at
}

/** Whether `f` cites a sentence of an article that `other` cites for other sentences only. */
function writtenApart(f: AlignedFact, other: AlignedFact): boolean {
  const spans = new Set(other.support.map((o) => `${o.articleId}:${o.start}:${o.end}`))
  const articles = new Set(other.support.map((o) => o.articleId))
  return f.support.some((s) => articles.has(s.articleId) && !spans.has(`${s.articleId}:${s.start}:${s.end}`))
}

function factId(claims: Claim[]): string {
  const key = claims.map((c) => `${c.articleId}:${c.span[0]}:${c.span[1]}`).sort().join('|')
  return `f_${hash('sha1', key, 'hex').slice(0, 10)}`
}

const STATUS_ORDER: Record<FactStatus, number> = { disputed: 0, corroborated: 1, 'single-source': 2 }

/**
 * Aligns the claims of a story's articles into facts: corroborated (two or more independent
 * sources: a copy and its original, or two outlets of one publisher family, are one),
 * single-source, or disputed (incompatible numbers, or one outlet asserting what another negates),
 * with the number and claim discrepancies found.
 * @example const { facts, discrepancies } = alignFacts(story.articles)
 */
export function alignFacts(articles: Annotated[], options: FactOptions = {}): { facts: StoryFact[]; discrepancies: Discrepancy[] } {
  const { facts, discrepancies } = alignFactClaims(articles, options)
  return { facts: facts.map(({ id, text, status, articleIds, support, sources, attributedTo }) => ({ id, text, status, articleIds, support, sources, attributedTo })), discrepancies }
}

/** `alignFacts` keeping each fact's claims (attribution, features) for callers that need them. */
export function alignFactClaims(articles: Annotated[], options: FactOptions = {}): { facts: AlignedFact[]; discrepancies: Discrepancy[] } {
  const { threshold = 0.45, judgeFrom = 0.25, judgeProbability = STORY_JUDGE_PROBABILITY, pairProbability = STORY_PAIR_PROBABILITY, maxJudged = 300, minReadWords = 6, minQuoteSimilarity = 0.2, minQuoteWords = 6, maxPostings = 64, maxPairs = 100_000, minFactWords = 4 } = options
  const claims = articles.flatMap((a) => articleClaims(a, options))
  // Independent sources: a copy counts with its original, and one publisher family counts once.
  const sourceOf = new Map<string, string>()
  const group = { id: 'facts', articleIds: articles.map((a) => a.id), why: [], copies: options.copies ? [...options.copies] : [] }
  for (const { key, articleIds } of independentSources(group, new Map(articles.map((a) => [a.id, a])), options.families ?? DEFAULT_FAMILIES)) {
    for (const id of articleIds) sourceOf.set(id, key)
  }
  const m = scoreModel(claims, { threshold, judgeFrom, judgeProbability, pairProbability, maxJudged, minReadWords, floor: threshold * WEAKEST_SHARE })
  const quoted = quotePairs(m, options.quotes ?? [], minQuoteSimilarity, minQuoteWords)
  const groups = cluster(m, [...quoted.pairs, ...scoredPairs(m, maxPostings, maxPairs, threshold)], threshold, quoted.pieces)
  // Claim conflicts are read across facts: "expected on Friday" and "will decide whether" are
  // rarely worded alike enough to align, yet they dispute each other.
  const conflicts = findClaimConflicts(claims, options)
  const conflicted = new Set(conflicts.flatMap((c) => [c.affirmed, c.disputing]))
  const facts: AlignedFact[] = []
  const discrepancies: Discrepancy[] = []
  // A source's name as the story's entity has it; many claims credit the same source, so once each.
  const storyNames = new Map<string, string>()
  const storyName = (articleId: string, name: string): string => {
    const key = `${articleId}\u0000${name}`
    let found = storyNames.get(key)
    if (found === undefined) storyNames.set(key, (found = options.entities?.findInArticle(articleId, name)?.name ?? name))
    return found
  }
  for (const group of groups) {
    const members = [...group.members, ...group.also]
    const own = members.map((i) => claims[i])
    if (own.length === 1 && whitespaceFields(own[0].text) < minFactWords) continue
    // A second support states this fact beside another: its figures and conflicts belong to that one.
    const found = numberDiscrepancies(group.members.map((i) => claims[i]), options)
    discrepancies.push(...found)
    const sources = new Set(own.map((c) => sourceOf.get(c.articleId) ?? c.source))
    const disputed = found.length > 0 || group.members.some((i) => conflicted.has(i))
    const status: FactStatus = disputed ? 'disputed' : sources.size >= 2 ? 'corroborated' : 'single-source'
    const ordered = [...members].sort((a, b) => a - b)
    const creditedBy = (c: Claim) => (c.attributedTo ? storyName(c.articleId, c.attributedTo) : null)
    const attributedTo = [...new Set(own.flatMap((c) => creditedBy(c) ?? []))]
    facts.push({
      id: factId(own),
      text: factText(m, [...group.members].sort((a, b) => a - b)),
      status,
      articleIds: [...new Set(ordered.map((i) => claims[i].articleId))],
      // Who asserts it, per article: null when the outlet states it, else the source it names.
      support: ordered.map((i) => ({ articleId: claims[i].articleId, start: claims[i].span[0], end: claims[i].span[1], attributedTo: creditedBy(claims[i]) })),
      sources: sources.size,
      attributedTo,
      claims: ordered.map((i) => claims[i]),
      stage: 'compare/facts',
    })
  }
  const position = new Map(claims.map((c, i) => [c, i]))
  const firstIndex = (f: AlignedFact) => position.get(f.claims[0]) ?? 0
  dropRepeats(facts)
  facts.sort((a, b) => b.articleIds.length - a.articleIds.length || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || firstIndex(a) - firstIndex(b))
  // Appended one by one: a story of thousands of articles can find more than a call's arguments hold.
  for (const d of claimDiscrepancies(claims, conflicts, options)) discrepancies.push(d)
  for (const d of statusDiscrepancies(articles, claims)) discrepancies.push(d)
  // Framing reads the aligned facts: words are compared only where outlets state the same thing.
  for (const d of factFraming(facts, new Map(articles.map((a) => [a.id, a])))) discrepancies.push(d)
  for (const d of headlineFraming(articles)) discrepancies.push(d)
  if (options.entities) for (const d of entityFraming(articles, options.entities)) discrepancies.push(d)
  return { facts, discrepancies }
}

/**
 * The pair scores `alignFacts` decides by, for one story's claims: the story similarity, the
 * judge's probability and the decision score (for analysis and tests; alignment reads them itself).
 */
export function claimPairScores(claims: Claim[], { threshold = 0.45, judgeFrom = 0.25, judgeProbability = STORY_JUDGE_PROBABILITY, pairProbability = STORY_PAIR_PROBABILITY, maxJudged = 300, minReadWords = 6 }: FactOptions = {}) {
  // Every score exact: callers read the scores themselves.
  const m = scoreModel(claims, { threshold, judgeFrom, judgeProbability, pairProbability, maxJudged, minReadWords, floor: 0 })
  return {
    similarity: (i: number, j: number) => similarity(m, i, j),
    features: (i: number, j: number) => storyPairFeatures(m, i, j, similarity(m, i, j)),
    probability: (i: number, j: number) => sameFactProbability((m.texts[i] ??= prepareFactText(claims[i].text)), (m.texts[j] ??= prepareFactText(claims[j].text))),
    decision: (i: number, j: number) => pairScore(m, i, j),
  }
}
