import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TermTable } from './term-table.js'

const entries = (t: TermTable): [number, number][] => Array.from({ length: t.size }, (_, i) => [t.ids[i], t.values[i]])

test('TermTable sums weights per id and keeps first-insertion order, growing past its capacity', () => {
  const table = new TermTable(2)
  const adds: [number, number][] = [[7, 1], [3, 2], [7, 0.5], [1000, 1], [3, 1], [42, 4], [9, 1], [11, 1], [13, 1], [15, 1]]
  for (const [id, v] of adds) table.add(id, v)
  assert.deepEqual(entries(table), [[7, 1.5], [3, 3], [1000, 1], [42, 4], [9, 1], [11, 1], [13, 1], [15, 1]])
  assert.equal(table.get(3), 3)
  assert.equal(table.get(8), 0)
  assert.equal(table.has(1000), true)
  assert.equal(table.has(1001), false)
})

test('TermTable.prune keeps the heaviest, ties in insertion order, only once over twice the limit', () => {
  const cases: [name: string, weights: number[], max: number, expected: [number, number][]][] = [
    ['at twice the limit nothing is dropped', [1, 2, 3, 4], 2, [[0, 1], [1, 2], [2, 3], [3, 4]]],
    ['over it, heaviest first', [1, 5, 2, 5, 3], 2, [[1, 5], [3, 5]]],
    ['ties keep insertion order', [2, 1, 2, 2, 1, 1, 1], 3, [[0, 2], [2, 2], [3, 2]]],
  ]
  for (const [name, weights, max, expected] of cases) {
    const table = new TermTable()
    weights.forEach((w, id) => table.add(id, w))
    table.prune(max)
    assert.deepEqual(entries(table), expected, name)
    for (const [id, w] of expected) assert.equal(table.get(id), w, `${name}: lookup after prune`)
  }
})
