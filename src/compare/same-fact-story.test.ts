import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { articleClaims } from './claims.js'
import { claimPairScores } from './facts.js'
import { numbersClash, STORY_PAIR_FEATURES } from './same-fact-story.js'
import shipped from './same-fact-story-model.json' with { type: 'json' }

describe('the story pair model', () => {
  it('was learned on the features the code computes, in their order', () => {
    assert.deepEqual(shipped.features, STORY_PAIR_FEATURES)
    const claims = [
      ...articleClaims(fixtureArticle({ outlet: 'A', text: 'The harbour board raised port fees by 8% on Friday.' })),
      ...articleClaims(fixtureArticle({ outlet: 'B', text: 'Port fees went up 8% after a vote of the harbour board.' })),
    ]
    const features = claimPairScores(claims).features(0, 1)
    assert.equal(features.length, STORY_PAIR_FEATURES.length)
    assert.ok(features.every(Number.isFinite))
  })
})

describe('the story pair model: who the claims credit', () => {
  const SAME_SOURCE = STORY_PAIR_FEATURES.indexOf('same source')
  const sameSource = (a: string, b: string) => {
    const claims = [...articleClaims(fixtureArticle({ outlet: 'A', text: a })), ...articleClaims(fixtureArticle({ outlet: 'B', text: b }))]
    return claimPairScores(claims).features(0, 1)[SAME_SOURCE]
  }
  it('reads one source credited by two outlets, two different sources, or a claim the outlet states itself', () => {
    assert.equal(sameSource('The ferry will stop at dawn, Mayor Nadia Kova said.', 'The ferry stops at dawn, Kova said on Tuesday.'), 1)
    assert.equal(sameSource('The ferry will stop at dawn, Mayor Nadia Kova said.', 'The ferry stops at dawn, Captain Arno Pell said.'), -1)
    assert.equal(sameSource('The ferry will stop at dawn, Mayor Nadia Kova said.', 'The ferry stops at dawn.'), 0)
  })
})

describe('numbersClash', () => {
  const claim = (text: string, numbers: { text: string; value: number; unit: string }[]) => articleClaims(fixtureArticle({ text, numbers }))[0]
  it('clashes on one unit with no value in common, not on shared or unrelated figures', () => {
    const seats35 = claim('The party won 35 seats.', [{ text: '35 seats', value: 35, unit: 'seat' }])
    const seats60 = claim('The party won nearly 60 seats.', [{ text: '60 seats', value: 60, unit: 'seat' }])
    const both = claim('Up from 35 seats, the party now has 60 seats.', [{ text: '35 seats', value: 35, unit: 'seat' }, { text: '60 seats', value: 60, unit: 'seat' }])
    const percent = claim('Turnout was 60%.', [{ text: '60%', value: 60, unit: 'percent' }])
    assert.equal(numbersClash(seats35, seats60), true)
    assert.equal(numbersClash(seats60, seats35), true)
    assert.equal(numbersClash(seats35, both), false)
    assert.equal(numbersClash(seats35, percent), false)
  })
})
