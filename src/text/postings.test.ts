import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BoundedIndex, documentFrequency, HitCounter, postingLists, topBy } from './postings.js'

test('BoundedIndex keeps the most recent values per key, each once', () => {
  const index = new BoundedIndex<string, number>(3)
  for (const story of [1, 2, 2, 3, 4]) index.add('p:harbour master', story)
  assert.deepEqual(index.get('p:harbour master'), [2, 3, 4])
  assert.deepEqual(index.get('o:unknown'), [])
})

test('HitCounter ranks by hits, ties in first-hit order, and starts afresh after top()', () => {
  const hits = new HitCounter()
  const cases: [name: string, lists: number[][], max: number, expected: number[]][] = [
    ['most hits first', [[5, 7], [7], [7, 9], [9]], 3, [7, 9, 5]],
    ['ties keep first-hit order', [[300, 2], [2, 300], [8]], 2, [300, 2]],
    ['nothing hit', [], 4, []],
  ]
  for (const [name, lists, max, expected] of cases) {
    for (const list of lists) hits.hitAll(list)
    assert.deepEqual(hits.top(max), expected, name)
  }
})

test('documentFrequency counts each key once per document; postingLists lists each document once per key', () => {
  const docs = [['ferry', 'storm', 'ferry'], new Set(['storm', 'port']), [], ['ferry']]
  assert.deepEqual([...documentFrequency(docs)], [['ferry', 2], ['storm', 2], ['port', 1]])
  assert.deepEqual([...postingLists(docs)], [['ferry', [0, 3]], ['storm', [0, 1]], ['port', [1]]])
})

test('topBy keeps the highest scores, highest first, ties in the order given', () => {
  const words = ['ferry', 'harbour', 'bridge', 'tide', 'quay']
  const weight: Record<string, number> = { ferry: 2, harbour: 5, bridge: 2, tide: 9, quay: 1 }
  assert.deepEqual(topBy(words, (w) => weight[w], 3), ['tide', 'harbour', 'ferry'])
  assert.deepEqual(topBy(words, (w) => weight[w], 10), ['tide', 'harbour', 'ferry', 'bridge', 'quay'])
  assert.deepEqual(topBy(words, (w) => weight[w], 0), [])
})
