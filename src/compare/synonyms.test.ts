import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { articleClaims } from './claims.js'
import { alignFacts, claimPairScores } from './facts.js'
import { STORY_PAIR_FEATURES } from './same-fact-story.js'
import { conceptWeights, softOverlap, softSimilarity, softSimilarityBound } from './synonyms.js'

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

  it('bounds the soft similarity from above, and is the plain similarity without a concept in common', () => {
    // Features 0-5; lemmas 1 and 4 reach concept 6, lemma 2 concept 7.
    const weights = Float64Array.of(1, 2, 1, 3, 1, 1, 0, 0)
    const feats = [Int32Array.of(0, 1, 2), Int32Array.of(0, 4, 5), Int32Array.of(3, 5)]
    const story = { conceptsOf: [undefined, Int32Array.of(6), Int32Array.of(7), undefined, Int32Array.of(6)], concepts: [Int32Array.of(6, 7), Int32Array.of(6), new Int32Array(0)] }
    const totals = Float64Array.of(4, 3, 4)
    const cw = conceptWeights(feats, story, weights)
    const soft = (i: number, j: number) => softSimilarity(softOverlap(feats, story, weights, totals, i, j), totals[i], totals[j])
    const bound = (i: number, j: number) => softSimilarityBound(feats, story, cw, weights, totals, i, j, soft(i, j))
    // 0 and 1: "1" matches "4" through concept 6 (2 + 1 of weight), "2" and "5" match nothing.
    assert.ok(soft(0, 1) > 0.69 && bound(0, 1) >= soft(0, 1) - 1e-12, `bound ${bound(0, 1)} of ${soft(0, 1)}`)
    assert.equal(bound(1, 2), 0.25)
    assert.equal(bound(1, 2), soft(1, 2))
    assert.equal(bound(0, 2), 0)
  })
})
