import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fitLinear, linearScore } from './linear.js'

describe('linearScore', () => {
  it('adds the weights over standardised features to the bias', () => {
    const model = { mean: [1, 10], scale: [2, 5], weights: [3, -1], bias: 0.5 }
    // 0.5 + 3 * (2 - 1) / 2 - 1 * (20 - 10) / 5
    assert.equal(linearScore(model, [2, 20]), 0.5 + 1.5 - 2)
  })
})

describe('fitLinear', () => {
  // Feature 0 decides the label (with two exceptions), feature 1 is noise, feature 2 is constant.
  const x: number[][] = []
  const y: number[] = []
  for (let i = 0; i < 40; i++) {
    const v = i / 4
    x.push([v, (i * 7) % 5, 3])
    y.push((v > 5) !== (i === 3 || i === 30) ? 1 : 0)
  }

  it('finds the deciding feature, and scores new rows on the right side', () => {
    const model = fitLinear(x, y, { l2: 1 })
    assert.ok(model.weights[0] > 1, `${model.weights}`)
    assert.ok(Math.abs(model.weights[1]) < model.weights[0] / 4, `${model.weights}`)
    assert.equal(model.weights[2], 0)
    assert.equal(model.scale[2], 1)
    assert.ok(linearScore(model, [9, 2, 3]) > 0)
    assert.ok(linearScore(model, [1, 2, 3]) < 0)
  })

  it('shrinks the weights as the penalty grows, and gives the same model twice', () => {
    const loose = fitLinear(x, y, { l2: 0.1 })
    const tight = fitLinear(x, y, { l2: 100 })
    assert.ok(tight.weights[0] < loose.weights[0] && tight.weights[0] > 0, `${tight.weights[0]} ${loose.weights[0]}`)
    assert.deepEqual(fitLinear(x, y, { l2: 100 }), tight)
  })
})
