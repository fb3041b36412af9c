/**
 * Main-text accuracy as the Article Extraction Benchmark (scrapinghub/article-extraction-benchmark)
 * scores it, so our numbers compare with the published ones: tokens are `\w+` runs, a page's
 * text is a multiset of word 4-grams, and per page tp/fp/fn are normalised by their sum so that
 * long pages weigh no more than short ones. Precision is averaged over the pages with any
 * predicted 4-gram, recall over the pages with any gold one; F1 comes from the two averages.
 */

/** Python's Unicode `\w`: letters, numbers and the underscore (combining marks are not in it). */
const TOKEN = /[\p{L}\p{N}_]+/gu

/** Shingle length the benchmark uses. */
export const SHINGLE_N = 4

/** One page's normalised true positives, false positives and false negatives (they sum to 1, or all 0). */
export interface PageCounts {
  tp: number
  fp: number
  fn: number
}

/** Word n-grams of `text` as a multiset; a text shorter than n gives one shingle of all its tokens. */
export function shingles(text: string, n = SHINGLE_N): Map<string, number> {
  const tokens = text.match(TOKEN) ?? []
  const counts = new Map<string, number>()
  // The benchmark keeps one (short) shingle when there are fewer than n tokens, none when zero.
  const last = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < last && i < tokens.length; i++) {
    // \u0001 cannot occur inside a token, so joined shingles are unambiguous.
    const key = tokens.slice(i, i + n).join('\u0001')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Normalised tp/fp/fn of a predicted text against the gold text of one page. */
export function scorePage(gold: string, predicted: string, n = SHINGLE_N): PageCounts {
  const want = shingles(gold, n)
  const got = shingles(predicted, n)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, g] of got) {
    const w = want.get(key) ?? 0
    tp += Math.min(g, w)
    fp += Math.max(0, g - w)
  }
  for (const [key, w] of want) fn += Math.max(0, w - (got.get(key) ?? 0))
  const sum = tp + fp + fn
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn }
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  return tp + fp === 0 ? 0 : tp / (tp + fp)
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  return tp + fn === 0 ? 0 : tp / (tp + fn)
}

function mean(values: number[]): number {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0
}

/** Averaged precision and recall, and the F1 of the two averages, over all pages. */
export function aggregateScores(pages: readonly PageCounts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(precisionOf))
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(recallOf))
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}

/** F1 of one page on its own (the page-level view used to find pages an extractor gets wrong). */
export function pageF1(counts: PageCounts): number {
  const p = precisionOf(counts)
  const r = recallOf(counts)
  return p + r > 0 ? (2 * p * r) / (p + r) : 0
}

/** One page's bag-of-words precision, recall and F1. */
export interface WordScore {
  precision: number
  recall: number
  f1: number
}

/**
 * Bag-of-words precision/recall/F1 of a predicted text against the gold one, as the WCXB benchmark
 * (Foley 2026, `evaluate.py`) scores a page: lower-cased `\w+` tokens counted as a multiset. An
 * empty gold text scores 1 only against an empty prediction. Its figures are means over pages.
 *
 * @example wordScore('the cat sat', 'the cat') // { precision: 1, recall: 0.667, f1: 0.8 }
 */
export function wordScore(gold: string, predicted: string): WordScore {
  const want = shingles(gold.toLowerCase(), 1)
  const got = shingles(predicted.toLowerCase(), 1)
  const size = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0)
  const goldSize = size(want)
  const predictedSize = size(got)
  if (goldSize === 0) return predictedSize === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 }
  if (predictedSize === 0) return { precision: 0, recall: 0, f1: 0 }
  let overlap = 0
  for (const [key, g] of got) overlap += Math.min(g, want.get(key) ?? 0)
  const precision = overlap / predictedSize
  const recall = overlap / goldSize
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 }
}
