import { test } from 'node:test'
import assert from 'node:assert/strict'
import { keepLongest, lowerBound } from './spans.js'

test('keepLongest keeps the longest of overlapping candidates, in text order, ties to the earlier-listed one or to `tie`', () => {
  const c = (start: number, end: number, name: string) => ({ start, end, name })
  const found = keepLongest([c(10, 14, 'Tuesday'), c(0, 3, 'one'), c(0, 9, 'one third'), c(10, 14, 'Tuesday again'), c(20, 25, 'later'), c(22, 30, 'longer')])
  assert.deepEqual(found.map((x) => x.name), ['one third', 'Tuesday', 'longer'])
  const byTie = keepLongest([c(10, 14, 'plain'), c(10, 14, 'rule')], (a, b) => Number(b.name === 'rule') - Number(a.name === 'rule'))
  assert.deepEqual(byTie.map((x) => x.name), ['rule'])
})

test('lowerBound finds the first position not below a value', () => {
  assert.equal(lowerBound([2, 4, 4, 9], 4), 1)
  assert.equal(lowerBound([2, 4, 4, 9], 5), 3)
  assert.equal(lowerBound([2, 4, 4, 9], 10), 4)
  assert.equal(lowerBound([], 1), 0)
})
