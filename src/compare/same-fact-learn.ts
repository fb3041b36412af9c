/**
 * Learning the same-fact judge (same-fact.ts) from labelled sentence pairs, deterministically: the
 * only random numbers (fold shuffles, the pairs each tree is grown on) come from seeded generators,
 * and words are iterated in sorted order.
 * Three stages, in order, because each needs the one before:
 *   1. word weights (idf, TF-KLD, log-odds of a word being shared or left unmatched) counted on the
 *      pairs; the features a pair is trained on use weights counted on the other folds only
 *      (stacking), so the trees do not learn to trust weights that saw the pair's own label;
 *   2. gradient-boosted trees (logistic loss, Newton leaves, each tree grown on 70% of the pairs:
 *      stochastic boosting, a little steadier than all pairs in cross-validation) over the features,
 *      and a logistic model (linear.ts) over the same features, their log-odds averaged;
 *   3. the decision threshold, the one that maximises accuracy over out-of-fold probabilities.
 * Used by scripts/learn-same-fact.ts (the shipped model) and eval/mrpc.ts (cross-validation).
 */
import { FEATURE_NAMES, pairFeatures, treeProbability, type FactText, type SameFactModel, type Tree, type WordWeights } from './same-fact.js'
import { documentFrequency } from '../text/postings.js'
import { fitLinear } from './linear.js'

/** A labelled pair of prepared sentences. */
export interface PreparedPair {
  a: FactText
  b: FactText
  same: boolean
}

/** Learning settings; the defaults are what the shipped model uses. */
export interface LearnOptions {
  trees?: number
  depth?: number
  learningRate?: number
  /** L2 penalty on leaf values. */
  lambda?: number
  /** Fewest pairs on each side of a split. */
  minLeaf?: number
  /** Share of the pairs each tree is grown on, drawn afresh per tree by the seeded generator (1: all). */
  subsample?: number
  /** Most candidate thresholds per feature. */
  bins?: number
  /** Folds for the stacked word weights and for choosing the threshold. */
  innerFolds?: number
  /** Pseudo-counts pulling a word's rates toward the corpus-wide rates. */
  prior?: number
  /** Fewest sentences a word must occur in to get its own weights. */
  minDf?: number
  seed?: number
  /** Share of the logistic model in the blended log-odds (0: trees alone). */
  linearShare?: number
  /** L2 penalty of the logistic model. */
  l2?: number
}

const DEFAULTS: Required<LearnOptions> = {
  trees: 400, depth: 3, learningRate: 0.05, lambda: 1, minLeaf: 10, subsample: 0.7, bins: 64, innerFolds: 5, prior: 4, minDf: 2, seed: 17,
  linearShare: 0.5, l2: 10,
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000

/** A deterministic generator (mulberry32) for the fold shuffle. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fold number (0..folds-1) of each of `n` items, by a seeded shuffle: fold sizes differ by at most one. */
export function assignFolds(n: number, folds: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  const random = mulberry32(seed)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const fold = new Array<number>(n)
  order.forEach((item, rank) => (fold[item] = rank % folds))
  return fold
}

function kl(p: number, q: number): number {
  return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q))
}

/** Word weights counted on `pairs` (see WordWeights), words sorted, values rounded to 3 decimals. */
export function learnLexicon(pairs: readonly PreparedPair[], options: LearnOptions = {}): WordWeights {
  const { prior, minDf } = { ...DEFAULTS, ...options }
  const df = documentFrequency(pairs.flatMap(({ a, b }) => [a.content, b.content]))
  // Per word: [same & shared, same & one side only, different & shared, different & one side only].
  const counts = new Map<string, number[]>()
  const total = [0, 0, 0, 0]
  for (const { a, b, same } of pairs) {
    for (const w of new Set([...a.content, ...b.content])) {
      const k = (same ? 0 : 2) + (a.content.has(w) && b.content.has(w) ? 0 : 1)
      let c = counts.get(w)
      if (!c) counts.set(w, (c = [0, 0, 0, 0]))
      c[k]++
      total[k]++
    }
  }
  const sentences = 2 * pairs.length
  const p0 = total[0] / (total[0] + total[1])
  const q0 = total[2] / (total[2] + total[3])
  const sharedBase = Math.log(total[0] / total[2])
  const missBase = Math.log(total[1] / total[3])
  const words: Record<string, [number, number, number, number]> = {}
  for (const w of [...df.keys()].sort()) {
    const n = df.get(w)!
    if (n < minDf) continue
    const [ps, po, ns, no] = counts.get(w)!
    const p = (ps + prior * p0) / (ps + po + prior)
    const q = (ns + prior * q0) / (ns + no + prior)
    const shared = Math.log((ps + prior * p0) / (ns + prior * q0)) - sharedBase
    const miss = Math.log((po + prior * (1 - p0)) / (no + prior * (1 - q0))) - missBase
    words[w] = [round3(Math.log(sentences / n)), round3(kl(p, q)), round3(shared), round3(miss)]
  }
  return { words, unknown: [round3(Math.log(sentences)), 0, 0, 0] }
}

/** Feature vectors of `pairs`, each computed with word weights learned on the other inner folds. */
function stackedFeatures(pairs: readonly PreparedPair[], o: Required<LearnOptions>): number[][] {
  const fold = assignFolds(pairs.length, o.innerFolds, o.seed + 1)
  const out = new Array<number[]>(pairs.length)
  for (let f = 0; f < o.innerFolds; f++) {
    const lexicon = learnLexicon(pairs.filter((_, i) => fold[i] !== f), o)
    pairs.forEach((p, i) => {
      if (fold[i] === f) out[i] = pairFeatures(p.a, p.b, lexicon)
    })
  }
  return out
}

/** Candidate thresholds of one feature: midpoints between distinct values, at most `bins - 1`, spread by rank. */
function cutPoints(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((x, y) => x - y)
  const distinct = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1])
  const cuts: number[] = []
  if (distinct.length <= bins) {
    for (let i = 0; i + 1 < distinct.length; i++) cuts.push((distinct[i] + distinct[i + 1]) / 2)
    return cuts
  }
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.floor((k * sorted.length) / bins)]
    const next = distinct.find((d) => d > v)
    if (next !== undefined && (cuts.length === 0 || cuts[cuts.length - 1] < v)) cuts.push((v + next) / 2)
  }
  return cuts
}

/** Boosted trees on feature rows `x` with labels `y` (see LearnOptions). */
export function boostTrees(x: readonly number[][], y: readonly number[], options: LearnOptions = {}): Pick<SameFactModel, 'bias' | 'depth' | 'trees'> {
  const o = { ...DEFAULTS, ...options }
  const n = x.length
  const d = x[0]?.length ?? 0
  const cuts = Array.from({ length: d }, (_, f) => cutPoints(x.map((row) => row[f]), o.bins))
  // bin[f][i]: how many cut points of feature f lie below x[i][f]; a split at cut c sends bins <= c left.
  const bin = cuts.map((c, f) =>
    Uint8Array.from(x, (row) => {
      let k = 0
      while (k < c.length && row[f] > c[k]) k++
      return k
    }),
  )
  const positive = y.reduce((s, v) => s + v, 0)
  const bias = Math.log(positive / (n - positive))
  const score = new Float64Array(n).fill(bias)
  const grad = new Float64Array(n)
  const hess = new Float64Array(n)
  const inner = (1 << o.depth) - 1
  const trees: Tree[] = []
  const random = mulberry32(o.seed + 4)
  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]))
      grad[i] = p - y[i]
      hess[i] = p * (1 - p)
    }
    const tree: Tree = { feature: new Array(inner).fill(-1), threshold: new Array(inner).fill(0), value: new Array(inner + 1).fill(0) }
    const all = Array.from({ length: n }, (_, i) => i)
    const grown = o.subsample < 1 ? all.filter(() => random() < o.subsample) : all
    let nodes: { k: number; rows: number[] }[] = [{ k: 0, rows: grown }]
    for (let level = 0; level <= o.depth; level++) {
      const next: typeof nodes = []
      for (const { k, rows } of nodes) {
        const split = level < o.depth ? bestSplit(rows, bin, cuts, grad, hess, o) : null
        if (!split) {
          let g = 0
          let h = 0
          for (const i of rows) (g += grad[i]), (h += hess[i])
          let leaf = k
          while (leaf < inner) leaf = 2 * leaf + 1
          tree.value[leaf - inner] = (-g / (h + o.lambda)) * o.learningRate
          continue
        }
        tree.feature[k] = split.feature
        tree.threshold[k] = cuts[split.feature][split.cut]
        const left = rows.filter((i) => bin[split.feature][i] <= split.cut)
        const right = rows.filter((i) => bin[split.feature][i] > split.cut)
        next.push({ k: 2 * k + 1, rows: left }, { k: 2 * k + 2, rows: right })
      }
      nodes = next
    }
    trees.push(tree)
    // Every pair moves by the tree, including those it was not grown on.
    for (let i = 0; i < n; i++) score[i] += treeProbabilityLeaf(tree, x[i], o.depth)
  }
  return { bias, depth: o.depth, trees }
}

/** The value of the leaf `x` reaches in one tree. */
function treeProbabilityLeaf(tree: Tree, x: readonly number[], depth: number): number {
  const inner = (1 << depth) - 1
  let k = 0
  while (k < inner && tree.feature[k] >= 0) k = x[tree.feature[k]] <= tree.threshold[k] ? 2 * k + 1 : 2 * k + 2
  while (k < inner) k = 2 * k + 1
  return tree.value[k - inner]
}

/** The split of `rows` with the largest gain in the Newton objective, or null when none helps. */
function bestSplit(rows: readonly number[], bin: readonly Uint8Array[], cuts: readonly number[][], grad: Float64Array, hess: Float64Array, o: Required<LearnOptions>) {
  if (rows.length < 2 * o.minLeaf) return null
  let G = 0
  let H = 0
  for (const i of rows) (G += grad[i]), (H += hess[i])
  const parent = (G * G) / (H + o.lambda)
  let best: { feature: number; cut: number; gain: number } | null = null
  const g = new Float64Array(256)
  const h = new Float64Array(256)
  const c = new Int32Array(256)
  for (let f = 0; f < bin.length; f++) {
    const nCuts = cuts[f].length
    if (nCuts === 0) continue
    g.fill(0, 0, nCuts + 1), h.fill(0, 0, nCuts + 1), c.fill(0, 0, nCuts + 1)
    const bf = bin[f]
    for (const i of rows) {
      const k = bf[i]
      g[k] += grad[i]
      h[k] += hess[i]
      c[k]++
    }
    let gl = 0, hl = 0, cl = 0
    for (let k = 0; k < nCuts; k++) {
      gl += g[k], hl += h[k], cl += c[k]
      if (cl < o.minLeaf) continue
      if (rows.length - cl < o.minLeaf) break
      const gain = (gl * gl) / (hl + o.lambda) + ((G - gl) * (G - gl)) / (H - hl + o.lambda) - parent
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: f, cut: k, gain }
    }
  }
  return best
}

/** The model without its threshold: word weights, trees and the blended logistic model learned on `pairs`. */
export function fitSameFact(pairs: readonly PreparedPair[], options: LearnOptions = {}): Omit<SameFactModel, 'threshold'> {
  const o = { ...DEFAULTS, ...options }
  const x = stackedFeatures(pairs, o)
  const y = pairs.map((p) => (p.same ? 1 : 0))
  const { bias, depth, trees } = boostTrees(x, y, o)
  const linear = o.linearShare > 0 ? { share: o.linearShare, ...fitLinear(x, y, { l2: o.l2 }) } : undefined
  return { lexicon: learnLexicon(pairs, o), bias, depth, trees, ...(linear ? { linear } : {}) }
}

/** The probability threshold (0.2..0.8, step 0.005) with the highest accuracy; ties go to the one nearest 0.5. */
export function bestThreshold(probabilities: readonly number[], labels: readonly boolean[]): number {
  let best = 0.5
  let bestRight = -1
  for (let step = 0; step <= 120; step++) {
    const t = Math.round((0.2 + step * 0.005) * 1000) / 1000
    let right = 0
    probabilities.forEach((p, i) => (right += (p >= t) === labels[i] ? 1 : 0))
    if (right > bestRight || (right === bestRight && Math.abs(t - 0.5) < Math.abs(best - 0.5))) (best = t), (bestRight = right)
  }
  return best
}

/** The full model: `fitSameFact` on all pairs, the threshold chosen on inner-fold out-of-fold probabilities. */
export function learnSameFact(pairs: readonly PreparedPair[], options: LearnOptions = {}): SameFactModel {
  const o = { ...DEFAULTS, ...options }
  const fold = assignFolds(pairs.length, o.innerFolds, o.seed + 2)
  const probabilities = new Array<number>(pairs.length)
  for (let f = 0; f < o.innerFolds; f++) {
    const model = fitSameFact(pairs.filter((_, i) => fold[i] !== f), o)
    pairs.forEach((p, i) => {
      if (fold[i] === f) probabilities[i] = treeProbability(model, pairFeatures(p.a, p.b, model.lexicon))
    })
  }
  return { ...fitSameFact(pairs, o), threshold: bestThreshold(probabilities, pairs.map((p) => p.same)) }
}

export { FEATURE_NAMES }
