import { test } from 'node:test'
import assert from 'node:assert/strict'
import { jsonPieces } from './stream.js'

test('a generator in place of an array is written as that array, read once, and an empty one as []', () => {
  const stories = [{ id: 's1', facts: ['The bridge reopened on Monday.'] }, { id: 's2', facts: [] }]
  let reads = 0
  function* built() {
    for (const s of stories) {
      reads++
      yield s
    }
  }
  const expected = JSON.stringify({ schemaVersion: 1, articles: [], stories }, null, 2)
  assert.equal([...jsonPieces({ schemaVersion: 1, articles: [], stories: built() })].join(''), expected)
  assert.equal(reads, stories.length)
  function* none() {}
  assert.equal([...jsonPieces({ stories: none() })].join(''), JSON.stringify({ stories: [] }, null, 2))
  // Maps and Sets are objects to JSON ({}), not sequences.
  assert.equal([...jsonPieces({ seen: new Set([1]) })].join(''), JSON.stringify({ seen: new Set([1]) }, null, 2))
})
