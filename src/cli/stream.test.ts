import { test } from 'node:test'
import assert from 'node:assert/strict'
import { jsonlPieces, jsonPieces } from './stream.js'

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

test('nested objects and arrays are written member by member, joined exactly as JSON.stringify writes them', () => {
  const story = {
    id: 's1',
    title: 'Harbour bridge reopens\nafter repairs',
    facts: [{ id: 'f1', text: 'The bridge reopened.', support: [{ articleId: 'a', start: 0, end: 20 }], skip: undefined }, { id: 'f2', support: [] }],
    timeline: [[1, undefined, () => 0], {}, []],
    at: new Date(Date.UTC(2025, 7, 6)),
    seen: new Set(['a']),
    nested: { deeper: { deepest: { leaf: [1, { x: 2 }] } } },
    nothing: null,
    gone: undefined,
  }
  const report = { schemaVersion: 1, stories: [story, { id: 's2', facts: [] }] }
  assert.equal([...jsonPieces(report)].join(''), JSON.stringify(report, null, 2))
  assert.equal([...jsonlPieces([story, null, 3, 'text'])].join(''), [story, null, 3, 'text'].map((r) => JSON.stringify(r)).join('\n') + '\n')
})

test('a story of many facts is never one piece, so no story is ever one string however large', () => {
  const facts = Array.from({ length: 2000 }, (_, i) => ({ id: `f${i}`, text: 'The ferry resumed sailings on Monday.', support: [{ articleId: `a${i}`, start: 0, end: 37 }] }))
  const story = { id: 's1', facts }
  const whole = JSON.stringify(story).length
  const line = [...jsonlPieces([story])]
  assert.ok(line.length > facts.length, 'a piece per fact at least')
  assert.ok(Math.max(...line.map((p) => p.length)) < whole / 100, 'the largest piece is a small part of the story')
  const report = [...jsonPieces({ stories: [story] })]
  assert.ok(Math.max(...report.map((p) => p.length)) < whole / 100)
})

test('a record of a few hundred members is written whole, as one piece', () => {
  const article = { id: 'a1', entities: Array.from({ length: 50 }, (_, i) => ({ name: `Pat Doe ${i}`, mentions: [{ start: i, end: i + 7 }] })) }
  assert.deepEqual([...jsonlPieces([article])], [JSON.stringify(article), '\n'])
})
