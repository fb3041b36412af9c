import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { tallyDiscrepancies } from './discrepancies.js'

test('tallyDiscrepancies: two outlets giving one vote different tallies', () => {
  const x = fixtureArticle({ text: 'The council voted 51 to 49 on Thursday to approve the ferry toll.' })
  const y = fixtureArticle({ text: 'The ferry toll was approved by a 50-48 vote of the council on Thursday.' })
  const [d, ...rest] = tallyDiscrepancies([x, y])
  assert.equal(rest.length, 0)
  assert.equal(d?.kind, 'number')
  assert.deepEqual(d.values.map((v) => [v.value, v.articleIds]).sort(), [['50-48', [y.id]], ['51-49', [x.id]]])
  for (const v of d.values) for (const s of v.support ?? []) assert.match([x, y].find((a) => a.id === s.articleId)!.text.slice(s.start, s.end), /^5\d/)
})

test('tallyDiscrepancies: the same tally, two votes one article tells apart, or numbers that are no tally are not discrepancies', () => {
  const same = fixtureArticle({ text: 'The toll passed by a vote of 51 to 49 on Thursday.' })
  const x = fixtureArticle({ text: 'The council voted 51 to 49 on Thursday to approve the ferry toll.' })
  assert.deepEqual(tallyDiscrepancies([x, same]), [])
  const two = fixtureArticle({ text: 'The council first voted 50-48 to open debate, then voted 51-49 to approve the toll.' })
  assert.deepEqual(tallyDiscrepancies([x, two]), [])
  const y = fixtureArticle({ text: 'The ferry toll was approved by a 50-48 vote of the council on Thursday.' })
  assert.deepEqual(tallyDiscrepancies([x, y, two]), [], 'a third article shows the two tallies are two votes')
  const house = fixtureArticle({ text: 'The full assembly later voted 232 to 196 for the toll.' })
  assert.deepEqual(tallyDiscrepancies([x, house]), [], 'votes of different sizes are different votes')
  const noVote = fixtureArticle({ text: 'The ferry runs 9-5 on weekdays, the council said.' })
  assert.deepEqual(tallyDiscrepancies([x, noVote]), [])
})
