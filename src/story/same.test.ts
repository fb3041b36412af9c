import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { prepareHappening, sameHappening } from './same.js'

// Invented sentences. `minShare: 2` leaves the word share unable to join anything, so what joins
// is the same-fact judge, which reads pairs sharing three content words (`minShared`).
const judgeOnly = { minShare: 2 }

describe('sameHappening: the same statement in other words', () => {
  const table: [string, string, boolean][] = [
    ['The city council approved the budget for the new library on Thursday after a long debate.', 'After hours of debate, councillors on Thursday voted through the money for the city’s new library.', true],
    ['The mayor plans to meet the union leaders next week to end the strike.', 'The mayor intends to hold talks with union leaders in the coming days to settle the strike.', true],
    // Same people and topic, another happening.
    ['The mayor plans to meet the union leaders next week to end the strike.', 'The union leaders rejected the mayor’s offer and said the strike would go on.', false],
    // Reworded, but the figures disagree: two statements, whatever the judge reads.
    ['Officials said 12 people were hurt when the bus overturned near Porto.', 'Twelve passengers were injured as the bus rolled over outside Porto, officials said, and 3 died.', false],
  ]
  for (const [a, b, want] of table) {
    it(`${a} / ${b}`, () => {
      assert.equal(sameHappening(prepareHappening(a), b, judgeOnly), want)
      assert.equal(sameHappening(b, prepareHappening(a), judgeOnly), want, 'either way round')
    })
  }

  it('does not ask the judge about pairs sharing fewer content words than `minShared`', () => {
    const a = 'Rescue crews pulled four fishermen from the sea after their trawler sank off Cape Verra on Sunday.'
    const b = 'Four fishermen were saved from the water when their trawler went down near Cape Verra on Sunday, rescuers said.'
    assert.equal(sameHappening(prepareHappening(a), b, judgeOnly), false)
    assert.equal(sameHappening(prepareHappening(a), b, { ...judgeOnly, minShared: 2 }), true)
  })

  it('joins by shared words alone where most are shared, without the judge', () => {
    const a = 'Dockworkers walked off the job at the port of Valdera on Monday.'
    const b = 'On Monday dockworkers at the Valdera port walked off the job.'
    assert.equal(sameHappening(a, b), true)
  })
})

describe('prepareHappening', () => {
  it('reads a sentence once: the same reading for the same text', () => {
    const text = 'Dockworkers at the port of Valdera walked off the job on Monday, 300 of them.'
    const first = prepareHappening(text)
    assert.equal(prepareHappening(text), first)
    assert.deepEqual([...first.figures], ['300'])
    assert.deepEqual([...first.days], ['monday'])
    assert.notEqual(prepareHappening('Dockworkers at the port of Valdera walked off the job on Tuesday.'), first)
  })
})
