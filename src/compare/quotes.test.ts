import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { mergeEntities } from './entities.js'
import { alignQuotes } from './quotes.js'

const FULL = 'Today was a good day, but there’s a lot of work — we still have a ways to go here'
const a1 = fixtureArticle({
  text: `Marco Rubio spoke on Tuesday. “${FULL},” Rubio said. He added: “We are not there yet.” The ministry called the talks “constructive and useful.”`,
  entities: [{ text: 'Marco Rubio', type: 'person' }, { text: 'Rubio', type: 'person', name: 'Marco Rubio', occurrence: 1 }],
  quotes: [
    { text: FULL, speaker: 'Marco Rubio' },
    { text: 'We are not there yet.', speaker: 'Marco Rubio' },
    { text: 'constructive and useful.', speaker: null, kind: 'partial' },
  ],
})
const a2 = fixtureArticle({
  text: 'Secretary Marco Rubio said "today was a good day, but there\'s a lot of work" ahead. Officials described the talks as "constructive and useful."',
  entities: [{ text: 'Marco Rubio', type: 'person' }],
  quotes: [
    { text: 'today was a good day, but there\'s a lot of work', speaker: 'Marco Rubio', kind: 'partial' },
    { text: 'constructive and useful.', speaker: null, kind: 'partial' },
  ],
})
const a3 = fixtureArticle({
  text: 'Steve Witkoff told reporters: "Today was a very good day, but there is a lot of hard work left and we still have a ways to go." Rubio agreed.',
  entities: [{ text: 'Steve Witkoff', type: 'person' }, { text: 'Rubio', type: 'person' }],
  quotes: [{ text: 'Today was a very good day, but there is a lot of hard work left and we still have a ways to go.', speaker: 'Steve Witkoff' }],
})

test('alignQuotes makes one quote of the same words in several outlets, partial inside full', () => {
  const { quotes } = alignQuotes([a1, a2, a3], mergeEntities([a1, a2, a3]))
  assert.equal(quotes.length, 3)
  const [good, notYet, constructive] = quotes
  assert.equal(good.text, 'Today was a very good day, but there is a lot of hard work left and we still have a ways to go.')
  assert.deepEqual(good.articleIds, [a1.id, a2.id, a3.id])
  assert.equal(good.occurrences.length, 3)
  assert.equal(a2.text.slice(good.occurrences[1].start, good.occurrences[1].end), good.occurrences[1].text)
  assert.deepEqual(
    good.variants.map((v) => v.articleIds),
    [[a1.id], [a2.id], [a3.id]],
  )
  assert.equal(good.variants[1].text, "today was a good day but there's a lot of work")
  assert.match(good.id, /^q_[0-9a-f]{10}$/)

  assert.deepEqual(notYet.articleIds, [a1.id])
  assert.deepEqual(notYet.variants, [])
  assert.equal(notYet.speaker?.name, 'Marco Rubio')
  assert.deepEqual(constructive.articleIds, [a1.id, a2.id])
  assert.deepEqual(constructive.variants, [], 'differences of case and punctuation are not variants')
  assert.equal(constructive.speaker, null)
})

test('alignQuotes reports rewordings, not excerpts, and different speakers for the same words', () => {
  const entities = mergeEntities([a1, a2, a3])
  const { quotes, discrepancies } = alignQuotes([a1, a2, a3], entities)
  const wording = discrepancies.filter((d) => d.kind === 'quote-wording')
  assert.equal(wording.length, 1)
  assert.deepEqual(
    wording[0].values.map((v) => v.articleIds),
    [[a3.id], [a1.id]],
    'the longest wording and the reworded one; the excerpt in a2 is not a rewording',
  )
  const speakers = discrepancies.filter((d) => d.kind === 'claim')
  assert.equal(speakers.length, 1)
  assert.match(speakers[0].description, /^same words attributed to different speakers/)
  assert.deepEqual(speakers[0].values, [
    { value: 'Marco Rubio', articleIds: [a1.id, a2.id] },
    { value: 'Steve Witkoff', articleIds: [a3.id] },
  ])
  assert.equal(quotes[0].speaker?.entityId, entities.findByName('Marco Rubio')?.id)
})

test('alignQuotes keeps unrelated quotes that share a few common words apart', () => {
  const b1 = fixtureArticle({ text: 'He said "we will work towards peace in the weeks to come" on Friday.', quotes: [{ text: 'we will work towards peace in the weeks to come', speaker: null }] })
  const b2 = fixtureArticle({ text: 'She said "prices will come down in the weeks ahead" on Monday.', quotes: [{ text: 'prices will come down in the weeks ahead', speaker: null }] })
  const { quotes, discrepancies } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 2)
  assert.deepEqual(discrepancies, [])
})
