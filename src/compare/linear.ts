/**
 * A logistic model over standardised features, the second learner beside the same-fact judge's
 * boosted trees (same-fact.ts blends the two log-odds): trees cut features into steps, this one adds
 * them smoothly, and the two err on different pairs. Fitted by Newton's method with an L2 penalty,
 * deterministically (no random numbers, a fixed number of steps at most).
 */

/** Weights over standardised features: score = bias + sum_j weights[j] * (x[j] - mean[j]) / scale[j]. */
export interface LinearModel {
  mean: number[]
  scale: number[]
  weights: number[]
  bias: number
}

/** Settings of `fitLinear`; the defaults are what the shipped judge uses. */
export interface LinearOptions {
  /** L2 penalty on the weights (not on the bias), in units of pairs. */
  l2?: number
  /** Most Newton steps. */
  steps?: number
}

/**
 * The model's log-odds for a feature vector (features past the model's length are not read).
 * @example linearScore({ mean: [0], scale: [1], weights: [2], bias: -1 }, [1]) // 1
 */
export function linearScore(model: LinearModel, x: ArrayLike<number>): number {
  let s = model.bias
  const { mean, scale, weights } = model
  for (let j = 0; j < weights.length; j++) s += (weights[j] * (x[j] - mean[j])) / scale[j]
  return s
}

const MIN_SCALE = 1e-6
// "+ 0" turns -0 into 0.
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0

/** Solves `a z = b` for a symmetric positive definite `a` (Cholesky); `a` and `b` are overwritten. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length
  for (let j = 0; j < n; j++) {
    let d = a[j][j]
    for (let k = 0; k < j; k++) d -= a[j][k] * a[j][k]
    a[j][j] = Math.sqrt(Math.max(d, 1e-12))
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j]
      for (let k = 0; k < j; k++) s -= a[i][k] * a[j][k]
      a[i][j] = s / a[j][j]
    }
  }
  const z = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let s = b[i]
    for (let k = 0; k < i; k++) s -= a[i][k] * z[k]
    z[i] = s / a[i][i]
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]
    for (let k = i + 1; k < n; k++) s -= a[k][i] * z[k]
    z[i] = s / a[i][i]
  }
  return z
}

/**
 * Logistic regression of labels `y` (0/1) on rows `x`, each feature standardised by its mean and
 * standard deviation on `x` (a constant feature gets scale 1 and, by the penalty, weight 0).
 */
export function fitLinear(x: readonly number[][], y: readonly number[], { l2 = 10, steps = 25 }: LinearOptions = {}): LinearModel {
  const n = x.length
  const d = x[0]?.length ?? 0
  const mean = new Array<number>(d).fill(0)
  const scale = new Array<number>(d).fill(0)
  for (const row of x) for (let j = 0; j < d; j++) mean[j] += row[j] / n
  for (const row of x) for (let j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) ** 2 / n
  // Rounded before use, so the stored model scores as it was fitted; a feature (nearly) constant here gets scale 1.
  for (let j = 0; j < d; j++) (mean[j] = round6(mean[j])), (scale[j] = Math.sqrt(scale[j]) < MIN_SCALE ? 1 : round6(Math.sqrt(scale[j])))
  // Standardised rows with a trailing 1 for the bias.
  const z = x.map((row) => Float64Array.from({ length: d + 1 }, (_, j) => (j < d ? (row[j] - mean[j]) / scale[j] : 1)))
  const w = new Float64Array(d + 1)
  for (let step = 0; step < steps; step++) {
    const grad = new Float64Array(d + 1)
    const hess = Array.from({ length: d + 1 }, () => new Float64Array(d + 1))
    for (let i = 0; i < n; i++) {
      const zi = z[i]
      let s = 0
      for (let j = 0; j <= d; j++) s += w[j] * zi[j]
      const p = 1 / (1 + Math.exp(-s))
      const e = p - y[i]
      const h = p * (1 - p)
      for (let j = 0; j <= d; j++) {
        grad[j] += e * zi[j]
        const hj = h * zi[j]
        const row = hess[j]
        for (let k = 0; k <= j; k++) row[k] += hj * zi[k]
      }
    }
    for (let j = 0; j < d; j++) (grad[j] += l2 * w[j]), (hess[j][j] += l2)
    const delta = solve(hess, grad)
    let moved = 0
    for (let j = 0; j <= d; j++) (w[j] -= delta[j]), (moved = Math.max(moved, Math.abs(delta[j])))
    if (moved < 1e-7) break
  }
  return { mean, scale, weights: Array.from(w.subarray(0, d), round6), bias: round6(w[d]) }
}
