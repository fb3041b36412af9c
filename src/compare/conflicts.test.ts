import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle, type FixtureSpec } from '../../test/helpers/fixtures.js'
import { alignFacts } from './facts.js'
import { readModality, type Modality } from './modality.js'

describe('readModality', () => {
  const table: [string, Modality, string | null][] = [
    ['The port fee takes effect on Monday.', 'definite', 'takes effect'],
    ['The new fees are still expected to be collected from Friday.', 'definite', 'expected to'],
    ['The council will decide whether to introduce the port fee.', 'open', 'whether'],
    ['It was unclear whether the council would act.', 'open', 'unclear'],
    ['No decision has been made on the port fee.', 'open', 'no decision'],
    ['The mayor did not meet the union leaders.', 'negated', 'not'],
    ["The mayor didn't meet the union leaders.", 'negated', "didn't"],
    // Limits and conditions are not denials; withheld details are not either.
    ['The mayor will not meet the union leaders until Friday.', 'definite', 'will'],
    ['The fee applies if the council does not object.', 'plain', null],
    ['The mayor did not elaborate on the talks with the union.', 'plain', null],
    ['Crossings may not resume until next week.', 'hedged', 'may'],
    // "would" reports a plan only when the claim is dated.
    ['The council said it would charter a boat from Thursday.', 'definite', 'would'],
    ['The council said it would be a mistake.', 'plain', null],
    ['The mayor met the union leaders on Monday.', 'plain', null],
  ]
  for (const [text, modality, cue] of table) {
    it(text, () => {
      const got = readModality(text)
      assert.equal(got.modality, modality)
      assert.equal(got.cue, cue)
    })
  }

  it('scopes an open cue to the words after it', () => {
    assert.deepEqual(readModality('Officials said the mayor would decide whether to raise the port fee.').scope, ['to', 'raise', 'the', 'port', 'fee'])
  })
})

const council = { text: 'Calder council', type: 'organization' as const }
const mayor = { text: 'Mayor Ines Varga', type: 'person' as const, name: 'Ines Varga' }
const union = { text: 'dockers union', type: 'organization' as const }

function story(...specs: [outlet: string, text: string, extra?: Partial<FixtureSpec>][]) {
  return specs.map(([outlet, text, extra]) => fixtureArticle({ outlet, text, ...extra }))
}

describe('claim discrepancies across facts', () => {
  it('finds a definite plan against an open decision about the same rare topic', () => {
    const articles = story(
      ['A', 'The new harbour port fee takes effect on Monday, officials said. Tourist numbers rose in May.'],
      ['B', 'The Calder council will decide whether to introduce the port fee at a meeting next month.', { entities: [council] }],
      ['C', 'Ferry timetables change in spring. The port fee is expected to take effect on Monday.'],
    )
    const { facts, discrepancies } = alignFacts(articles)
    const claims = discrepancies.filter((d) => d.kind === 'claim')
    assert.equal(claims.length, 1, JSON.stringify(discrepancies))
    const [d] = claims
    assert.match(d.description, /^Port fee.*: expected vs not decided$/)
    assert.deepEqual(d.values[0].articleIds.sort(), [articles[0].id, articles[2].id].sort())
    assert.deepEqual(d.values[1].articleIds, [articles[1].id])
    assert.match(d.values[1].value, /decide whether to introduce the port fee/)
    // The facts behind either side are disputed; unrelated facts are not.
    assert.equal(facts.find((f) => /decide whether/.test(f.text))?.status, 'disputed')
    assert.notEqual(facts.find((f) => /Tourist numbers/.test(f.text))?.status, 'disputed')
  })

  it('finds an assertion against its denial when both name the same people', () => {
    const articles = story(
      ['A', 'Mayor Ines Varga met the dockers union on Monday to discuss the strike.', { entities: [mayor, union] }],
      ['B', 'Mayor Ines Varga did not meet the dockers union, her office said.', { entities: [mayor, union] }],
    )
    const claims = alignFacts(articles).discrepancies.filter((d) => d.kind === 'claim')
    assert.equal(claims.length, 1, JSON.stringify(claims))
    assert.match(claims[0].description, /reported vs denied$/)
    assert.deepEqual(claims[0].values.map((v) => v.articleIds), [[articles[0].id], [articles[1].id]])
  })

  // Pairs a careful reader would not call a conflict: nothing may be flagged.
  const compatible: [string, [string, string, Partial<FixtureSpec>?][]][] = [
    ['unrelated topics', [
      ['A', 'The ferry service will resume on Thursday after repairs.'],
      ['B', 'It is unclear whether the bridge repairs will finish this year.'],
    ]],
    ['a hedge and a time limit agree', [
      ['A', 'Crossings to the island may not resume until next week.'],
      ['B', 'The operator will not resume crossings to the island before Thursday.'],
    ]],
    ['suspended until further notice vs a charter boat from Thursday', [
      ['A', 'The operator suspended all sailings on the route until further notice.'],
      ['B', 'The council said it would charter a smaller passenger boat from Thursday.'],
    ]],
    ['a denial about another day', [
      ['A', 'Mayor Ines Varga met the dockers union on Monday.', { entities: [mayor, union], dates: [{ text: 'Monday', value: '2026-03-02', granularity: 'day' }] }],
      ['B', 'Mayor Ines Varga did not meet the dockers union on Tuesday.', { entities: [mayor, union], dates: [{ text: 'Tuesday', value: '2026-03-03', granularity: 'day' }] }],
    ]],
    ['a negation about something else in the sentence', [
      ['A', 'The operator said it was cooperating fully with the safety board.'],
      ['B', 'The operator said it was cooperating fully with the safety board and would not sail until the cause was known.'],
    ]],
    ['a detail withheld', [
      ['A', 'Mayor Ines Varga said great progress was made in the port fee talks.', { entities: [mayor] }],
      ['B', 'Mayor Ines Varga did not detail what progress was made in the port fee talks.', { entities: [mayor] }],
    ]],
    ['a speaker quoted weighing it, against a plan', [
      ['A', 'The port fee takes effect on Monday, the council said.'],
      ['B', '“We will decide whether to introduce the port fee once we have heard from the traders,” the mayor said.', { quotes: [{ text: 'We will decide whether to introduce the port fee once we have heard from the traders,', speaker: 'the mayor' }] }],
    ]],
    ['two sources each outlet names, one saying what the other denies', [
      ['A', 'Mayor Ines Varga said the dockers union met the Calder council about the strike.', { entities: [mayor, union, council] }],
      ['B', 'Union leader Piet Horn said the dockers union did not meet the Calder council about the strike.', { entities: [{ text: 'Piet Horn', type: 'person' }, union, council] }],
    ]],
    // What a speaker is quoted as saying is compared as a quote (quote wording), not as an outlet's claim.
    ['a denial inside a speaker\'s quoted words, in a sentence mostly the outlet\'s own', [
      ['A', 'Mayor Ines Varga told the dockers union that ending the strike would be simple for the port.', { entities: [mayor, union] }],
      ['B', 'Mayor Ines Varga told the dockers union that ending the strike was “not simple” for the port.', { entities: [mayor, union], quotes: [{ text: 'not simple', speaker: 'Ines Varga', kind: 'partial' }] }],
    ]],
    ['two plans agree', [
      ['A', 'The port fee takes effect on Monday.'],
      ['B', 'The port fee will take effect on Monday, the council said.'],
    ]],
  ]
  for (const [name, specs] of compatible) {
    it(`does not flag: ${name}`, () => {
      const claims = alignFacts(story(...specs)).discrepancies.filter((d) => d.kind === 'claim')
      assert.deepEqual(claims, [])
    })
  }

  it('does not pair claims of one article', () => {
    const [article] = story(['A', 'The port fee takes effect on Monday. Others say the council will decide whether to introduce the port fee.'])
    assert.deepEqual(alignFacts([article]).discrepancies, [])
  })
})
