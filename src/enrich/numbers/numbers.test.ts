import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { seedContaining } from '../../../test/helpers/shared.js'
import type { NumberMention } from '../../types.js'
import { findNumbers } from './index.js'

interface Expected {
  text: string
  value: number
  unit?: string
  approx?: NumberMention['approx']
  upper?: number
}

/** The one number found in `sentence`, read back as the words its span covers. */
function only(sentence: string): Expected {
  const found = findNumbers(sentence)
  assert.equal(found.length, 1, `expected one number in ${JSON.stringify(sentence)}, got ${JSON.stringify(found)}`)
  const [n] = found
  assert.equal(n.stage, 'enrich/numbers')
  const out: Expected = { text: sentence.slice(n.span[0], n.span[1]), value: n.value }
  if (n.unit !== undefined) out.unit = n.unit
  if (n.approx !== undefined) out.approx = n.approx
  if (n.upper !== undefined) out.upper = n.upper
  return out
}

const CASES: [string, Expected][] = [
  ['The fund holds 1,000 tonnes.', { text: '1,000 tonnes', value: 1000, unit: 'tonne' }],
  ['Growth was 2.5 this quarter.', { text: '2.5', value: 2.5 }],
  ['She waited three hours.', { text: 'three hours', value: 3, unit: 'hour' }],
  ['There were twenty-five votes.', { text: 'twenty-five votes', value: 25, unit: 'vote' }],
  ['It cost one hundred and twenty dollars.', { text: 'one hundred and twenty dollars', value: 120, unit: 'USD' }],
  ['A dozen wounded were taken to hospital.', { text: 'A dozen wounded', value: 12, unit: 'people' }],
  ['Two dozen eggs broke.', { text: 'Two dozen eggs', value: 24, unit: 'egg' }],
  ['Dozens of drones flew in.', { text: 'Dozens of drones', value: 24, unit: 'drone', approx: 'at least' }],
  ['Hundreds of families fled.', { text: 'Hundreds of families', value: 200, unit: 'family', approx: 'at least' }],
  ['Tens of thousands marched.', { text: 'Tens of thousands', value: 20000, approx: 'at least' }],
  ['It is a quarter of the budget.', { text: 'a quarter', value: 0.25, unit: 'fraction' }],
  ['Half the staff left.', { text: 'Half', value: 0.5, unit: 'fraction' }],
  ['Two-thirds of voters agreed.', { text: 'Two-thirds', value: 2 / 3, unit: 'fraction' }],
  // shares and ratios are one number each; a tally ("51 to 49") and a count within a time are not
  ['She gave it a one-in-three chance.', { text: 'one-in-three', value: 1 / 3, unit: 'fraction' }],
  ['She gave it a "1 in 3" chance.', { text: '1 in 3', value: 1 / 3, unit: 'fraction' }],
  ['Three out of four riders agreed.', { text: 'Three out of four', value: 0.75, unit: 'fraction' }],
  ['The plan passed by a 2-to-1 margin.', { text: '2-to-1', value: 2, unit: 'ratio' }],
  ['The plan passed by a two-to-one margin.', { text: 'two-to-one', value: 2, unit: 'ratio' }],
  ['The deal is worth $1 billion.', { text: '$1 billion', value: 1e9, unit: 'USD' }],
  ['A $200m deal was signed.', { text: '$200m', value: 2e8, unit: 'USD' }],
  ['Output reached 1.5 million barrels.', { text: '1.5 million barrels', value: 1.5e6, unit: 'barrel' }],
  ['Reserves fell by 10bn.', { text: '10bn', value: 1e10 }],
  ['Aid of €40 million arrived.', { text: '€40 million', value: 4e7, unit: 'EUR' }],
  ['Fines of £3.2bn were paid.', { text: '£3.2bn', value: 3.2e9, unit: 'GBP' }],
  ['They paid 5 million rubles.', { text: '5 million rubles', value: 5e6, unit: 'RUB' }],
  ['A 25% tariff applies.', { text: '25%', value: 25, unit: 'percent' }],
  ['Prices rose 25 percent.', { text: '25 percent', value: 25, unit: 'percent' }],
  ['Prices rose 25 per cent.', { text: '25 per cent', value: 25, unit: 'percent' }],
  ['Rates rose 2 percentage points.', { text: '2 percentage points', value: 2, unit: 'percentage point' }],
  ['The two-hour talks ended.', { text: 'two-hour', value: 2, unit: 'hour' }],
  ['The talks he called were two-hour.', { text: 'two-hour', value: 2, unit: 'hour' }],
  ['Some 12 wounded were treated.', { text: 'Some 12 wounded', value: 12, unit: 'people', approx: 'about' }],
  ['Two were killed in the strike.', { text: 'Two were killed', value: 2, unit: 'people' }],
  ['It lasted 50 days.', { text: '50 days', value: 50, unit: 'day' }],
  ['Oil fell another $10 a barrel.', { text: '$10 a barrel', value: 10, unit: 'USD/barrel' }],
  ['A decision is due in the next 24-36 hours.', { text: '24-36 hours', value: 24, unit: 'hour', upper: 36 }],
  ['They want between 5 and 10 seats.', { text: 'between 5 and 10 seats', value: 5, unit: 'seat', upper: 10 }],
  ['It takes two to three weeks.', { text: 'two to three weeks', value: 2, unit: 'week', upper: 3 }],
  ['Loans of $5-10 million were approved.', { text: '$5-10 million', value: 5e6, unit: 'USD', upper: 1e7 }],
  ['It took about three hours.', { text: 'about three hours', value: 3, unit: 'hour', approx: 'about' }],
  ['It took around 40 minutes.', { text: 'around 40 minutes', value: 40, unit: 'minute', approx: 'about' }],
  ['Roughly 300 people came.', { text: 'Roughly 300 people', value: 300, unit: 'people', approx: 'about' }],
  ['Approximately 8 tanks moved.', { text: 'Approximately 8 tanks', value: 8, unit: 'tank', approx: 'about' }],
  ['The nearly three-hour meeting ended.', { text: 'nearly three-hour', value: 3, unit: 'hour', approx: 'nearly' }],
  ['Almost 90 civilians fled.', { text: 'Almost 90 civilians', value: 90, unit: 'civilian', approx: 'nearly' }],
  ['Close to 70 rockets fell.', { text: 'Close to 70 rockets', value: 70, unit: 'rocket', approx: 'nearly' }],
  ['At least six people were killed.', { text: 'At least six people', value: 6, unit: 'people', approx: 'at least' }],
  ['No fewer than 40 troops died.', { text: 'No fewer than 40 troops', value: 40, unit: 'troop', approx: 'at least' }],
  ['Up to 15 missiles were fired.', { text: 'Up to 15 missiles', value: 15, unit: 'missile', approx: 'up to' }],
  ['As many as 30 hostages remain.', { text: 'As many as 30 hostages', value: 30, unit: 'hostage', approx: 'up to' }],
  ['Pledges of more than $1 billion came in.', { text: 'more than $1 billion', value: 1e9, unit: 'USD', approx: 'more than' }],
  ['Over 200 drones were launched.', { text: 'Over 200 drones', value: 200, unit: 'drone', approx: 'more than' }],
  ['No more than 7 officials attended.', { text: 'No more than 7 officials', value: 7, unit: 'official', approx: 'up to' }],
  ['Two White House officials spoke.', { text: 'Two White House officials', value: 2, unit: 'official' }],
  ['One person was hurt.', { text: 'One person', value: 1, unit: 'people' }],
  ['A 2000 troops deployment.', { text: '2000 troops', value: 2000, unit: 'troop' }],
]

describe('findNumbers: patterns', () => {
  for (const [sentence, expected] of CASES) {
    it(sentence, () => assert.deepEqual(only(sentence), expected))
  }
})

describe('findNumbers: not amounts', () => {
  const NONE = [
    'The invasion began on Feb. 24, 2022.',
    'Updated Aug. 6, 2025 at 5:00 p.m.',
    'Update 8/6/25: new details.',
    'Security was tightened after 9/11.',
    'It happened in 2022.',
    'He met him on 24 February 2022.',
    'This is one of the worst days.',
    'I like this one better.',
    'A one-on-one meeting was held.',
    'The mayors agreed to a three-way summit on a two-way bridge deal.',
    'The race for mayor is now three-way.',
    'It was his fifth visit and his second term.',
    'The 5th round starts at 10 a.m.',
    'No one knows; there is zero sense in it.',
    'COVID-19 and the G7 met with F-16 jets.',
    'A 200m sprint was run.',
  ]
  for (const sentence of NONE) {
    it(sentence, () => assert.deepEqual(findNumbers(sentence), []))
  }

  it('reads the count before a date name as the count, and the date name as no amount ("the 19 Sept. 11 hijackers")', () => {
    for (const text of ['Fourteen of the 21 Oct. 12 bombers were caught.', 'All 21 Oct. 12 bombers were caught.']) {
      const found = findNumbers(text).map((n) => text.slice(n.span[0], n.span[1]))
      assert.ok(found.includes('21'), `${text}: ${JSON.stringify(found)}`)
      assert.ok(!found.some((f) => f.startsWith('12')), `${text}: the date's day is no amount: ${JSON.stringify(found)}`)
    }
  })

  it('still reads a day-first date before a count as a date ("on 6 August 10 people")', () => {
    const text = 'On 7 March 30 workers walked out.'
    assert.deepEqual(findNumbers(text).map((n) => [text.slice(n.span[0], n.span[1]), n.value]), [['30 workers', 30]])
  })

  it('keeps a duration next to a date apart from it', () => {
    const text = 'He moved it to within 10 days of July 29.'
    const found = findNumbers(text)
    assert.deepEqual(found.map((n) => text.slice(...n.span)), ['10 days'])
  })

  it('reads "from 25% to 50%" as two numbers, not a range', () => {
    const found = findNumbers('Tariffs went from 25% to 50%.')
    assert.deepEqual(found.map((n) => [n.value, n.upper]), [[25, undefined], [50, undefined]])
  })
})

describe('findNumbers: limits', () => {
  it('reads only maxTextLength characters and returns at most maxNumbers', () => {
    const text = 'It took 3 days. It took 4 days. It took 5 days.'
    assert.deepEqual(findNumbers(text, { maxTextLength: 20 }).map((n) => n.value), [3])
    assert.deepEqual(findNumbers(text, { maxNumbers: 2 }).map((n) => n.value), [3, 4])
  })
})

describe('findNumbers: seeds', () => {
  /** The number whose span text is `phrase` in the seed that contains `phrase`. */
  function inSeed(phrase: string): Omit<NumberMention, 'span' | 'stage'> {
    const { text } = seedContaining(phrase)
    const n = findNumbers(text).find((m) => text.slice(...m.span) === phrase)
    assert.ok(n, `no number spans ${JSON.stringify(phrase)}`)
    const { span: _span, stage: _stage, ...rest } = n
    return rest
  }

  it('finds the amounts the outlets report', () => {
    assert.deepEqual(inSeed('about three hours'), { value: 3, unit: 'hour', approx: 'about' })
    assert.deepEqual(inSeed('nearly three-hour'), { value: 3, unit: 'hour', approx: 'nearly' })
    assert.deepEqual(inSeed('25%'), { value: 25, unit: 'percent' })
    assert.deepEqual(inSeed('$200m'), { value: 200_000_000, unit: 'USD' })
    assert.deepEqual(inSeed('a dozen wounded'), { value: 12, unit: 'people' })
    assert.deepEqual(inSeed('$10 a barrel'), { value: 10, unit: 'USD/barrel' })
    assert.deepEqual(inSeed('24-36 hours'), { value: 24, unit: 'hour', upper: 36 })
    assert.deepEqual(inSeed('more than $1 billion'), { value: 1e9, unit: 'USD', approx: 'more than' })
    assert.deepEqual(inSeed('At least six people'), { value: 6, unit: 'people', approx: 'at least' })
  })

  it('reads no date, time or year in a seed as an amount', () => {
    for (const phrase of ['Aug. 6, 2025', 'February 24, 2022', '8/6/25, 5:00 p.m.']) {
      const { text } = seedContaining(phrase)
      const at = text.indexOf(phrase)
      const inside = findNumbers(text).filter((n) => n.span[0] < at + phrase.length && n.span[1] > at)
      assert.deepEqual(inside, [], phrase)
    }
  })
})

describe('findNumbers: no share or ratio where the words only look like one', () => {
  it('a tally, a count within a time, a year after "in"', () => {
    const units = (text: string) => findNumbers(text).map((n) => [text.slice(n.span[0], n.span[1]), n.unit ?? null])
    assert.deepEqual(units('The council vote was 51 to 49.'), [['51', null], ['49', null]])
    assert.ok(!units('The ferry ran 5 in 10 days.').some(([, unit]) => unit === 'fraction'))
    assert.ok(!units('The club won 3 in 2020.').some(([, unit]) => unit === 'fraction'))
  })
})
