/**
 * The same-fact judge (src/compare/same-fact.ts) on MRPC (../shared/datasets/mrpc): accuracy and F1
 * of the label-1 class.
 *   - `npm run eval -- mrpc`: 10-fold cross-validation on the training pairs, each fold's model
 *     learned by learnSameFact (the code scripts/learn-same-fact.ts ships with) on the other nine
 *     folds, threshold included; then the shipped model on the same training pairs
 *     (resubstitution: it learned from them, so that row flatters it).
 *   - `npm run eval -- mrpc --input FILE`: the shipped model on any file in MRPC format; the last
 *     line printed is `mrpc accuracy <A> f1 <F>`.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { isSameFact, prepareFactText, sameFactProbability } from '../src/compare/same-fact.js'
import { assignFolds, learnSameFact, type LearnOptions, type PreparedPair } from '../src/compare/same-fact-learn.js'

/** The training file, relative to the shared directory. */
export const MRPC_TRAIN = 'datasets/mrpc/msr_paraphrase_train.txt'

/** Pairs of an MRPC-format file: a header line, then `Quality  #1 ID  #2 ID  #1 String  #2 String`. */
export function readMrpc(path: string): { a: string; b: string; same: boolean }[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1)
  const pairs: { a: string; b: string; same: boolean }[] = []
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const cols = line.split('\t')
    if (cols.length < 5 || (cols[0] !== '0' && cols[0] !== '1')) throw new Error(`mrpc: line ${i + 2} of ${path} is not "label<TAB>id<TAB>id<TAB>sentence<TAB>sentence"`)
    pairs.push({ same: cols[0] === '1', a: cols[3], b: cols[4] })
  })
  return pairs
}

/** Each sentence read once (MRPC repeats sentences across pairs). */
export function preparePairs(pairs: readonly { a: string; b: string; same: boolean }[]): PreparedPair[] {
  return pairs.map((p) => ({ a: prepareFactText(p.a), b: prepareFactText(p.b), same: p.same }))
}

export interface Scores {
  accuracy: number
  f1: number
}

/** Accuracy and F1 of the positive class. */
export function score(predicted: readonly boolean[], gold: readonly boolean[]): Scores {
  let tp = 0, fp = 0, fn = 0, right = 0
  predicted.forEach((p, i) => {
    if (p === gold[i]) right++
    if (p && gold[i]) tp++
    else if (p) fp++
    else if (gold[i]) fn++
  })
  return { accuracy: right / Math.max(1, gold.length), f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn) }
}

/** Out-of-fold predictions of `folds`-fold cross-validation, each fold learned with learnSameFact. */
export function crossValidate(pairs: readonly PreparedPair[], folds = 10, options: LearnOptions = {}): Scores & { thresholds: number[] } {
  const fold = assignFolds(pairs.length, folds, 2013)
  const predicted = new Array<boolean>(pairs.length)
  const thresholds: number[] = []
  for (let f = 0; f < folds; f++) {
    const model = learnSameFact(pairs.filter((_, i) => fold[i] !== f), options)
    thresholds.push(model.threshold)
    pairs.forEach((p, i) => {
      if (fold[i] === f) predicted[i] = isSameFact(p.a, p.b, model)
    })
  }
  return { ...score(predicted, pairs.map((p) => p.same)), thresholds }
}

/** The shipped model's scores on `pairs`. */
export function scoreShipped(pairs: readonly PreparedPair[]): Scores {
  return score(pairs.map((p) => isSameFact(p.a, p.b)), pairs.map((p) => p.same))
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/** The mrpc suite (see the header); `input`: score that file with the shipped model instead. */
export async function evalMrpc(sharedDir: string, input?: string): Promise<{ rows: { name: string; value: number }[]; last?: string }> {
  if (input) {
    const pairs = preparePairs(readMrpc(input))
    const s = scoreShipped(pairs)
    return {
      rows: [
        { name: 'mrpc --input pairs', value: pairs.length },
        { name: 'mrpc --input accuracy', value: round(s.accuracy) },
        { name: 'mrpc --input F1', value: round(s.f1) },
      ],
      last: `mrpc accuracy ${round(s.accuracy)} f1 ${round(s.f1)}`,
    }
  }
  const pairs = preparePairs(readMrpc(resolve(sharedDir, MRPC_TRAIN)))
  const cv = crossValidate(pairs)
  const shipped = scoreShipped(pairs)
  return {
    rows: [
      { name: 'mrpc train 10-fold CV accuracy', value: round(cv.accuracy) },
      { name: 'mrpc train 10-fold CV F1', value: round(cv.f1) },
      { name: 'mrpc train shipped model accuracy (resubstitution)', value: round(shipped.accuracy) },
      { name: 'mrpc train shipped model F1 (resubstitution)', value: round(shipped.f1) },
    ],
  }
}

/** The probability the shipped model gives one pair of sentences (for a quick look from the shell). */
export function probabilityOf(a: string, b: string): number {
  return sameFactProbability(prepareFactText(a), prepareFactText(b))
}
