/**
 * The same-fact judge: do two sentences (or clauses) from two outlets state the same fact?
 * Measured on MRPC (`npm run eval -- mrpc`).
 *
 * Two stages. `prepareFactText` reads a sentence once: tokens (entities/tokens.ts), folded case and
 * stems (claims.ts, with its small synonym table), content stems (cluster/terms.ts stop words),
 * stem n-grams, character trigrams, numbers, capitalised names and negations. `pairFeatures` then
 * compares two prepared sentences, symmetrically (min and max of both directions):
 *   - overlap of tokens, stems, stem 2-, 3- and 4-grams and character trigrams (precision/recall,
 *     BLEU in both directions), longest common subsequence and word edit distance;
 *   - content-word coverage weighted by idf, and by TF-KLD weights (Ji & Eisenstein 2013: the KL
 *     divergence between how often a word is shared by paraphrase and by non-paraphrase pairs);
 *   - the learned log-odds of each content word being shared or left unmatched (a per-word naive
 *     Bayes score, summed), and the heaviest word left unmatched;
 *   - numbers, capitalised names and negations present in one sentence and not the other,
 *     length difference.
 * A gradient-boosted tree ensemble over those features gives the probability. Its trees, the
 * per-word weights and the threshold are learned from the MRPC training pairs by
 * `scripts/learn-same-fact.ts` (code in same-fact-learn.ts) into same-fact-model.json.
 */
import { tokenize } from '../enrich/entities/tokens.js'
import { STOP_WORDS } from '../cluster/terms.js'
import { foldCase, stem } from './claims.js'
import shipped from './same-fact-model.json' with { type: 'json' }

/** One sentence read for comparison; build with `prepareFactText`. */
export interface FactText {
  text: string
  /** Folded-case tokens in order, punctuation dropped. */
  tokens: string[]
  /** `stem` of each token. */
  stems: string[]
  /** Stems of content words (no stop words, no numbers). */
  content: Set<string>
  /** Stem n-grams, n = 1..4 (index n - 1), joined by spaces. */
  grams: Set<string>[]
  /** Character trigrams of the folded tokens joined by spaces. */
  chars: Set<string>
  /** Numbers as written without thousands separators ("1200", "2.5"), number words as digits. */
  numbers: Set<string>
  /** Folded capitalised words that do not start the sentence (names, acronyms). */
  names: Set<string>
  /** Count of negation words ("not", "n't", "never", "no", ...). */
  negations: number
  /** Each number with the stems beside it: `[number, previous stem, next stem]` ('' at an edge). */
  numberSlots: [string, string, string][]
  /** The set of `tokens`. */
  tokenSet: Set<string>
}

/** Per-word weights learned on training pairs: [idf, TF-KLD weight, log-odds shared, log-odds unmatched]. */
export interface WordWeights {
  words: Record<string, readonly [number, number, number, number]>
  /** Weights of a word not in `words`. */
  unknown: readonly [number, number, number, number]
}

/** A depth-limited regression tree, nodes in breadth-first order: node k has children 2k+1, 2k+2. */
export interface Tree {
  /** Feature index per inner node (-1: a leaf reached early, value in `value`). */
  feature: number[]
  /** Go left when the feature is <= threshold. */
  threshold: number[]
  /** Leaf values, left to right at the full depth. */
  value: number[]
}

/** Everything learned: word weights, the boosted trees and the decision threshold. */
export interface SameFactModel {
  lexicon: WordWeights
  bias: number
  depth: number
  trees: Tree[]
  threshold: number
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100',
  thousand: '1000', million: 'million', billion: 'billion', trillion: 'trillion',
}
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot'])
const NUMBER_END = /[.,:]+$/
const COMMAS = /,/g

function isDigitStart(word: string): boolean {
  const c = word.charCodeAt(0)
  return c >= 48 && c <= 57
}

/**
 * Reads a sentence for `sameFactProbability`: do this once per sentence, then compare pairs.
 * @example prepareFactText('Police said two people were killed.').numbers // Set {'2'}
 */
export function prepareFactText(text: string): FactText {
  const tokens: string[] = []
  const stems: string[] = []
  const content = new Set<string>()
  const numbers = new Set<string>()
  const names = new Set<string>()
  const numberAt: [number, string][] = []
  let negations = 0
  for (const t of tokenize(text, [[0, text.length]])) {
    let word = foldCase(t.text)
    if (isDigitStart(word)) {
      word = word.replace(NUMBER_END, '').replace(COMMAS, '')
      numbers.add(word)
      numberAt.push([tokens.length, word])
    } else if (NUMBER_WORDS[word]) {
      numbers.add(NUMBER_WORDS[word])
      numberAt.push([tokens.length, NUMBER_WORDS[word]])
    }
    if (word.endsWith("n't") || word.endsWith('n’t')) negations++
    else if (NEGATIONS.has(word)) negations++
    const s = stem(word)
    tokens.push(word)
    stems.push(s)
    if (t.cap && !t.initial) names.add(word)
    if (word.length > 1 && !STOP_WORDS.has(word) && !isDigitStart(word) && !NUMBER_WORDS[word]) content.add(s)
  }
  const grams: Set<string>[] = []
  for (let n = 1; n <= 4; n++) {
    const set = new Set<string>()
    for (let i = 0; i + n <= stems.length; i++) set.add(n === 1 ? stems[i] : stems.slice(i, i + n).join(' '))
    grams.push(set)
  }
  const joined = ` ${tokens.join(' ')} `
  const chars = new Set<string>()
  for (let i = 0; i + 3 <= joined.length; i++) chars.add(joined.slice(i, i + 3))
  const numberSlots = numberAt.map(([i, n]): [string, string, string] => [n, stems[i - 1] ?? '', stems[i + 1] ?? ''])
  return { text, tokens, stems, content, grams, chars, numbers, names, negations, numberSlots, tokenSet: new Set(tokens) }
}

/**
 * Numbers of `a` and `b` that fill the same slot with different values: a number missing from the
 * other sentence next to the same word as such a number there ("rose 12 percent" / "rose 15 percent").
 */
export function numberConflicts(a: FactText, b: FactText): number {
  let conflicts = 0
  for (const [n, before, after] of a.numberSlots) {
    if (b.numbers.has(n)) continue
    const clash = b.numberSlots.some(([m, bBefore, bAfter]) => !a.numbers.has(m) && ((before !== '' && before === bBefore) || (after !== '' && after === bAfter)))
    if (clash) conflicts++
  }
  return conflicts
}

/** Names of `a` written nowhere in `b`, in any case. */
function missingNames(a: FactText, b: FactText): number {
  let n = 0
  for (const name of a.names) if (!b.tokenSet.has(name)) n++
  return n
}

/** Names of the features `pairFeatures` returns, in order. */
export const FEATURE_NAMES: readonly string[] = [
  'token P min', 'token P max', 'stem 1g min', 'stem 1g max', 'stem 2g min', 'stem 2g max', 'stem 3g min', 'stem 3g max',
  'stem 4g min', 'stem 4g max', 'char 3g min', 'char 3g max', 'bleu min', 'bleu max', 'lcs min', 'lcs max', 'edit distance',
  'content min', 'content max', 'content unmatched min', 'content unmatched max', 'idf cover min', 'idf cover max',
  'idf unmatched max', 'kld cover', 'kld unmatched max', 'log-odds shared', 'log-odds unmatched', 'log-odds sum',
  'prefix cover min', 'prefix cover max', 'numbers unmatched min', 'numbers unmatched max', 'numbers shared',
  'number slot conflicts', 'names unmatched min', 'names unmatched max', 'names shared', 'negation mismatch', 'length diff', 'length ratio',
  'length min',
]

function shared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}

function ratio(x: number, y: number): number {
  return y > 0 ? x / y : 0
}

function tokenPrecision(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1)
  let hit = 0
  for (const w of a) {
    const c = counts.get(w) ?? 0
    if (c > 0) {
      hit++
      counts.set(w, c - 1)
    }
  }
  return ratio(hit, a.length)
}

/** Smoothed sentence BLEU of `a` against `b` on stem n-gram sets (n = 1..4), with the brevity penalty. */
function bleu(a: FactText, b: FactText): number {
  let log = 0
  for (let n = 0; n < 4; n++) log += Math.log((shared(a.grams[n], b.grams[n]) + 1) / (a.grams[n].size + 1)) / 4
  const brevity = a.stems.length < b.stems.length ? Math.exp(1 - b.stems.length / Math.max(1, a.stems.length)) : 1
  return brevity * Math.exp(log)
}

/** Longest common subsequence and edit distance of two stem sequences, one dynamic programme each. */
function lcsAndEdit(a: readonly string[], b: readonly string[]): [number, number] {
  const m = b.length
  let lcsPrev = new Array<number>(m + 1).fill(0)
  let editPrev = Array.from({ length: m + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const lcs = new Array<number>(m + 1).fill(0)
    const edit = new Array<number>(m + 1).fill(i)
    for (let j = 1; j <= m; j++) {
      const same = a[i - 1] === b[j - 1]
      lcs[j] = same ? lcsPrev[j - 1] + 1 : Math.max(lcsPrev[j], lcs[j - 1])
      edit[j] = Math.min(editPrev[j] + 1, edit[j - 1] + 1, editPrev[j - 1] + (same ? 0 : 1))
    }
    lcsPrev = lcs
    editPrev = edit
  }
  return [lcsPrev[m], editPrev[m]]
}

function weightsOf(lexicon: WordWeights, word: string): readonly [number, number, number, number] {
  return lexicon.words[word] ?? lexicon.unknown
}

/** Content-word scores of `a` against `b`: idf coverage, heaviest unmatched idf, KLD mass, log-odds, prefix coverage. */
function contentScores(a: FactText, b: FactText, lexicon: WordWeights) {
  let idfAll = 0, idfHit = 0, idfMiss = 0, kldAll = 0, kldHit = 0, oddsShared = 0, oddsMiss = 0, prefixHit = 0
  for (const w of a.content) {
    const [idf, kld, shared, miss] = weightsOf(lexicon, w)
    idfAll += idf
    kldAll += kld
    if (b.content.has(w)) {
      idfHit += idf
      kldHit += kld
      oddsShared += shared
      prefixHit++
    } else {
      idfMiss = Math.max(idfMiss, idf)
      oddsMiss += miss
      if (w.length >= 5) for (const v of b.content) if (v.length >= 5 && v.slice(0, 5) === w.slice(0, 5)) { prefixHit++; break }
    }
  }
  return { idfAll, idfHit, idfMiss, kldAll, kldHit, oddsShared, oddsMiss, prefix: ratio(prefixHit, a.content.size) }
}

/** The feature vector of a pair (see FEATURE_NAMES); symmetric in `a` and `b`. */
export function pairFeatures(a: FactText, b: FactText, lexicon: WordWeights = shipped.lexicon as unknown as WordWeights): number[] {
  const out: number[] = []
  const both = (x: number, y: number): void => {
    out.push(Math.min(x, y), Math.max(x, y))
  }
  both(tokenPrecision(a.tokens, b.tokens), tokenPrecision(b.tokens, a.tokens))
  for (let n = 0; n < 4; n++) {
    const hit = shared(a.grams[n], b.grams[n])
    both(ratio(hit, a.grams[n].size), ratio(hit, b.grams[n].size))
  }
  const chars = shared(a.chars, b.chars)
  both(ratio(chars, a.chars.size), ratio(chars, b.chars.size))
  both(bleu(a, b), bleu(b, a))
  const [lcs, edit] = lcsAndEdit(a.stems, b.stems)
  both(ratio(lcs, a.stems.length), ratio(lcs, b.stems.length))
  out.push(ratio(edit, Math.max(a.stems.length, b.stems.length)))
  const content = shared(a.content, b.content)
  both(ratio(content, a.content.size), ratio(content, b.content.size))
  both(a.content.size - content, b.content.size - content)
  const sa = contentScores(a, b, lexicon)
  const sb = contentScores(b, a, lexicon)
  both(ratio(sa.idfHit, sa.idfAll), ratio(sb.idfHit, sb.idfAll))
  out.push(Math.max(sa.idfMiss, sb.idfMiss))
  out.push(ratio(sa.kldHit + sb.kldHit, sa.kldAll + sb.kldAll))
  out.push(Math.max(sa.kldAll - sa.kldHit, sb.kldAll - sb.kldHit))
  out.push(sa.oddsShared, sa.oddsMiss + sb.oddsMiss, sa.oddsShared + sa.oddsMiss + sb.oddsMiss)
  both(sa.prefix, sb.prefix)
  const numbers = shared(a.numbers, b.numbers)
  both(a.numbers.size - numbers, b.numbers.size - numbers)
  out.push(numbers)
  out.push(numberConflicts(a, b) + numberConflicts(b, a))
  both(missingNames(a, b), missingNames(b, a))
  out.push(shared(a.names, b.names))
  out.push(a.negations % 2 !== b.negations % 2 ? 1 : 0)
  const la = a.tokens.length
  const lb = b.tokens.length
  out.push(Math.abs(la - lb), ratio(Math.min(la, lb), Math.max(la, lb)), Math.min(la, lb))
  return out
}

/** The ensemble's probability for a feature vector. */
export function treeProbability(model: Pick<SameFactModel, 'bias' | 'depth' | 'trees'>, x: readonly number[]): number {
  let score = model.bias
  const inner = (1 << model.depth) - 1
  for (const tree of model.trees) {
    let k = 0
    while (k < inner) {
      const f = tree.feature[k]
      if (f < 0) break
      k = x[f] <= tree.threshold[k] ? 2 * k + 1 : 2 * k + 2
    }
    // A leaf reached early stores its value at its first descendant at full depth.
    while (k < inner) k = 2 * k + 1
    score += tree.value[k - inner]
  }
  return 1 / (1 + Math.exp(-score))
}

const MODEL = shipped as unknown as SameFactModel

/** The decision threshold on `sameFactProbability`, chosen by cross-validation on the MRPC training pairs. */
export const SAME_FACT_THRESHOLD: number = MODEL.threshold

/**
 * Probability that two prepared sentences state the same fact (0..1), by the shipped model.
 * @example sameFactProbability(prepareFactText('Two people died.'), prepareFactText('Five people died.')) // low
 */
export function sameFactProbability(a: FactText, b: FactText, model: SameFactModel = MODEL): number {
  return treeProbability(model, pairFeatures(a, b, model.lexicon))
}

/** Whether two prepared sentences state the same fact: probability at or over the model's threshold. */
export function isSameFact(a: FactText, b: FactText, model: SameFactModel = MODEL): boolean {
  return sameFactProbability(a, b, model) >= model.threshold
}
