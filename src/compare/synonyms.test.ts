import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { articleClaims } from './claims.js'
import { alignFacts, claimPairScores } from './facts.js'
import { STORY_PAIR_FEATURES } from './same-fact-story.js'
import { sharesConcept } from './synonyms.js'

const SOFT = STORY_PAIR_FEATURES.indexOf('soft similarity')
const BY_SYNONYM = STORY_PAIR_FEATURES.indexOf('weight matched by synonym')
const UNMATCHED = STORY_PAIR_FEATURES.indexOf('heaviest unmatched')

/** Claims of two outlets' one-sentence articles, with their pair features. */
function pair(a: string, b: string) {
  const claims = [...articleClaims(fixtureArticle({ outlet: 'A', text: a })), ...articleClaims(fixtureArticle({ outlet: 'B', text: b }))]
  const scores = claimPairScores(claims)
  return { similarity: scores.similarity(0, 1), features: scores.features(0, 1) }
}

describe('synonyms and derivations in fact alignment', () => {
  it('counts a derivation and a synonym as shared words ("resigned" / "resignation", "quit" / "left")', () => {
    const { similarity, features } = pair('The harbour chief resigned after the audit and quit the board.', 'The audit led to the resignation of the harbour chief, who left the board.')
    assert.ok(features[BY_SYNONYM] > 0, 'some weight is matched by a synonym')
    assert.ok(features[SOFT] > similarity, `soft ${features[SOFT]} over plain ${similarity}`)
  })

  it('is the plain similarity when no word of one claim is a synonym of a word of the other', () => {
    const { similarity, features } = pair('The harbour chief visited the new ferry terminal.', 'Ferry tickets will cost more from June.')
    assert.equal(features[BY_SYNONYM], 0)
    assert.equal(features[SOFT], similarity)
    assert.ok(features[UNMATCHED] > 0, 'the heaviest word the other claim lacks')
  })

  it('keeps two facts apart that share a synonym but report different things', () => {
    const a = fixtureArticle({ outlet: 'A', text: 'Mayor Ilse Varga resigned on Monday after a vote of no confidence in the council.' })
    const b = fixtureArticle({ outlet: 'B', text: 'Mayor Ilse Varga quit the harbour board in 2019 over a pay dispute.' })
    const { facts } = alignFacts([a, b])
    assert.equal(facts.filter((f) => f.status === 'corroborated').length, 0)
    assert.equal(facts.length, 2)
  })

  it('still joins one fact stated with a derivation by two outlets', () => {
    const a = fixtureArticle({ outlet: 'A', text: 'Mayor Ilse Varga resigned on Monday after a vote of no confidence in the council.' })
    const b = fixtureArticle({ outlet: 'B', text: 'The council heard the resignation of Mayor Ilse Varga on Monday, hours after she lost a confidence vote.' })
    const corroborated = alignFacts([a, b]).facts.filter((f) => f.status === 'corroborated')
    assert.equal(corroborated.length, 1)
    assert.deepEqual(corroborated[0].articleIds.sort(), [a.id, b.id].sort())
  })

  it('says which claims reach a concept in common (sorted concept ids per claim)', () => {
    const story = { concepts: [Int32Array.of(3, 8, 12), Int32Array.of(1, 12), Int32Array.of(2, 4, 9), new Int32Array(0)] }
    assert.deepEqual(
      [[0, 1], [1, 0], [0, 2], [1, 2], [0, 3], [3, 3]].map(([i, j]) => sharesConcept(story, i, j)),
      [true, true, false, false, false, false],
    )
  })
})
