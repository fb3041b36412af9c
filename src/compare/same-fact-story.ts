/**
 * The story pair model: do two claims of one story, from two outlets, share a fact, though their
 * sentences differ around it ("a war of Obama's choosing" inside a sentence about a backlash and
 * inside one about a fund-raiser)? Fact alignment (facts.ts) asks it about pairs its similarity
 * alone does not join. Boosted trees (the learner of same-fact-learn.ts) over what the pair shares
 * as the story weighs it (`storyPairFeatures`), learned by scripts/learn-story-pairs.ts from the
 * BASIL 2010-2014 gold into same-fact-story-model.json. The MRPC judge (same-fact.ts) reads two
 * whole sentences as one statement; this model reads a shared part of two.
 */
import type { Claim } from './claims.js'
import { treeProbability, treeProbabilityFrom, type SameFactModel } from './same-fact.js'
import { softOverlap, softSimilarity, type SoftOverlap, type StoryConcepts } from './synonyms.js'
import storyModel from './same-fact-story-model.json' with { type: 'json' }

/** What the model reads of a story's claims (fact alignment's scoring state has it all). */
export interface StoryClaims extends StoryConcepts {
  claims: readonly Claim[]
  /** Per claim, its feature ids, sorted ascending. */
  feats: readonly Int32Array[]
  /** Weight of each feature id in the story. */
  weights: Float64Array
  /** Kind of each feature id ('l' lemma, 'n' name, 'u' unit, 'v' number value, 'd' date). */
  kinds: readonly string[]
  /** Summed feature weight per claim. */
  totals: Float64Array
  /** Sentences per article (the last claim's sentence index plus one). */
  sentences: ReadonlyMap<string, number>
  /** Words per claim. */
  words: Int32Array
  /** Per claim, where it stands in its article (`claimPosition`). */
  positions: Float64Array
  /** Per claim, its figures as `unit:value` keys, each once (`figureValues`). */
  values: readonly (readonly string[])[]
  /** Per claim, the last word of its attribution, lower-cased (`sourceWord`), or null. */
  sourceWords: readonly (string | null)[]
  /** Per claim, its lemmas in order as their feature ids (`l:` features): equal ids, equal lemmas. */
  lemmaIds: readonly Int32Array[]
}

const STORED = storyModel as unknown as Pick<SameFactModel, 'bias' | 'depth' | 'trees'> & { features?: readonly string[] }
let checked: Pick<SameFactModel, 'bias' | 'depth' | 'trees'> | null = null

/**
 * The shipped model, once its feature list is known to be the one `storyPairFeatures` computes: a
 * feature added without relearning would be read at another feature's place, silently.
 */
function model(): Pick<SameFactModel, 'bias' | 'depth' | 'trees'> {
  if (checked) return checked
  const stored = STORED.features ?? []
  if (stored.length !== STORY_PAIR_FEATURES.length || stored.some((f, k) => f !== STORY_PAIR_FEATURES[k])) {
    throw new Error(
      `same-fact-story-model.json was learned on other features (${stored.length}) than storyPairFeatures computes (${STORY_PAIR_FEATURES.length}); relearn it with: node --import tsx scripts/learn-story-pairs.ts`,
    )
  }
  return (checked = STORED)
}

/**
 * Two claims give a number of one unit and share no value of it ("35 seats" / "60 seats"): the
 * story pair model does not join them, as claims that only share some words more often report two
 * figures than one figure twice (similar claims still join, and their figures are compared).
 */
export function numbersClash(a: Claim, b: Claim): boolean {
  for (const x of a.numbers) {
    if (!x.unit) continue
    const same = b.numbers.filter((y) => y.unit === x.unit)
    if (same.length > 0 && !same.some((y) => y.value === x.value) && !a.numbers.some((z) => z.unit === x.unit && same.some((y) => y.value === z.value))) return true
  }
  return false
}

/** Names of the features `storyPairFeatures` returns, in order. */
export const STORY_PAIR_FEATURES: readonly string[] = [
  'similarity', 'shared weight', 'shared / smaller', 'shared / larger', 'shared lemmas', 'shared names', 'shared numbers and dates',
  'heaviest shared', 'longest shared lemma run', 'names one side only', 'position min', 'position max', 'quoted claims',
  'words min', 'words max', 'same figures', 'soft similarity', 'weight matched by synonym', 'heaviest unmatched in smaller',
  'heaviest unmatched', 'same source',
]

/** 1 when both claims credit one source (by its last name word), -1 when they credit different ones, else 0. */
function sameSource(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0
  return a === b ? 1 : -1
}

/** What `sameSource` compares of a claim: the last word of its attribution, or null without one. */
export function sourceWord(c: Claim): string | null {
  return c.attributedTo ? c.attributedTo.toLowerCase().split(/\s+/).pop()! : null
}

/** The pair's synonym-aware overlap and similarity (`softOverlap`, `softSimilarity`). */
export function storySoftOverlap(m: StoryClaims, i: number, j: number): { overlap: SoftOverlap; similarity: number } {
  const overlap = softOverlap(m.feats, m, m.weights, m.totals, i, j)
  return { overlap, similarity: softSimilarity(overlap, m.totals[i], m.totals[j]) }
}

// The two rows of `longestSharedRun`, reused across pairs (grown for a longer claim).
let runRows = new Int32Array(2 * 64)

/** Longest run of consecutive lemmas two claims share in the same order (lemmas as ids: `lemmaIds`). */
function longestSharedRun(a: Int32Array, b: Int32Array): number {
  const width = b.length + 1
  if (runRows.length < 2 * width) runRows = new Int32Array(4 * width)
  const rows = runRows
  let best = 0
  let prev = 0
  let row = width
  rows.fill(0, 0, 2 * width)
  for (let x = 1; x <= a.length; x++) {
    const ax = a[x - 1]
    for (let y = 1; y <= b.length; y++) {
      const run = ax === b[y - 1] ? rows[prev + y - 1] + 1 : 0
      rows[row + y] = run
      if (run > best) best = run
    }
    const swap = prev
    prev = row
    row = swap
  }
  return best
}

/** A claim's figures as `unit:value` keys ("25%" and "25 percent" alike), each once, in order. */
export function figureValues(c: Claim): string[] {
  return [...new Set(c.numbers.map((n) => `${n.unit ?? ''}:${n.value}`))]
}

/** Figures two claims both give (their `figureValues`), value and unit alike. */
function sameFigures(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  let n = 0
  for (const k of a) if (b.includes(k)) n++
  return n
}

/** Distinct names of `a` that `b` lacks. */
function namesOnlyIn(a: readonly string[], b: readonly string[]): number {
  let n = 0
  for (let k = 0; k < a.length; k++) if (a.indexOf(a[k]) === k && !b.includes(a[k])) n++
  return n
}

/** Where a claim stands in its article, 0 (first sentence) to under 1 (`sentences`: per article, its sentences). */
export function claimPosition(c: Claim, sentences: ReadonlyMap<string, number>): number {
  return c.sentenceIndex / Math.max(1, sentences.get(c.articleId) ?? 1)
}

/**
 * What a pair of claims of one story has in common, read against the story (see STORY_PAIR_FEATURES):
 * their story similarity (`similar`, as fact alignment computes it), how much of their weighted
 * features they share and of which kind, the longest run of lemmas in the same order, the figures
 * both give, where in their articles they stand, and their lengths.
 */
export function storyPairFeatures(m: StoryClaims, i: number, j: number, similar: number, soft = storySoftOverlap(m, i, j)): number[] {
  return Array.from(writeStoryPairFeatures(new Float64Array(STORY_PAIR_FEATURES.length), m, i, j, similar, soft))
}

/** `storyPairFeatures` written into `out` (the same values), for callers that read them at once. */
function writeStoryPairFeatures(out: Float64Array, m: StoryClaims, i: number, j: number, similar: number, soft: { overlap: SoftOverlap; similarity: number }): Float64Array {
  const a = m.feats[i]
  const b = m.feats[j]
  let shared = 0, heaviest = 0
  let lemmas = 0, names = 0, others = 0
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      const w = m.weights[a[x]]
      shared += w
      if (w > heaviest) heaviest = w
      const kind = m.kinds[a[x]]
      if (kind === 'l') lemmas++
      else if (kind === 'n') names++
      else others++
      x++
      y++
    } else if (a[x] < b[y]) x++
    else y++
  }
  const ci = m.claims[i]
  const cj = m.claims[j]
  const oneSide = namesOnlyIn(ci.names, cj.names) + namesOnlyIn(cj.names, ci.names)
  const pi = m.positions[i]
  const pj = m.positions[j]
  const wi = m.words[i], wj = m.words[j]
  const ti = m.totals[i], tj = m.totals[j]
  out[0] = similar
  out[1] = shared
  out[2] = ti > 0 && tj > 0 ? shared / Math.min(ti, tj) : 0
  out[3] = ti > 0 && tj > 0 ? shared / Math.max(ti, tj) : 0
  out[4] = lemmas
  out[5] = names
  out[6] = others
  out[7] = heaviest
  // Claims sharing no lemma feature share no run of lemmas.
  out[8] = lemmas > 0 ? longestSharedRun(m.lemmaIds[i], m.lemmaIds[j]) : 0
  out[9] = oneSide
  out[10] = Math.min(pi, pj)
  out[11] = Math.max(pi, pj)
  out[12] = (ci.quoted ? 1 : 0) + (cj.quoted ? 1 : 0)
  out[13] = Math.min(wi, wj)
  out[14] = Math.max(wi, wj)
  out[15] = sameFigures(m.values[i], m.values[j])
  out[16] = soft.similarity
  out[17] = soft.overlap.bySynonym
  out[18] = soft.overlap.heaviestUnmatchedSmaller
  out[19] = soft.overlap.heaviestUnmatched
  out[20] = sameSource(m.sourceWords[i], m.sourceWords[j])
  return out
}

// The feature vector `storyPairProbabilityFrom` scores, reused across pairs.
const pairFeatures = new Float64Array(STORY_PAIR_FEATURES.length)

/** The shipped model's probability that claims `i` and `j` share a fact (`similar`: their story similarity). */
export function storyPairProbability(m: StoryClaims, i: number, j: number, similar: number, soft = storySoftOverlap(m, i, j)): number {
  return treeProbability(model(), storyPairFeatures(m, i, j, similar, soft))
}

/** `storyPairProbability`, or 0 as soon as it cannot reach `floor` (for callers to whom any probability under it is the same). */
export function storyPairProbabilityFrom(m: StoryClaims, i: number, j: number, similar: number, floor: number, soft = storySoftOverlap(m, i, j)): number {
  return treeProbabilityFrom(model(), writeStoryPairFeatures(pairFeatures, m, i, j, similar, soft), floor)
}
