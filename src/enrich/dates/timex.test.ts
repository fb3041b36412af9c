import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findDates } from './index.js'
import { findTimexes, type TimexType } from './timex.js'

type Seen = [text: string, type: TimexType, value: string]

function seen(text: string, publishedAt: string | null): Seen[] {
  return findTimexes(text, publishedAt).map((t) => [text.slice(t.span[0], t.span[1]), t.type, t.value])
}

// Invented sentences; 1998-10-26 is a Monday, 1989-10-26 a Thursday.
const CASES: [string, string, Seen[]][] = [
  // durations, with TimeML's span: "the first", "the past" belong to the expression
  ['Sales have risen for the past two months.', '1998-10-26', [['the past two months', 'DURATION', 'P2M']]],
  ['Net income for the first nine months fell 5%.', '1998-10-26', [['the first nine months', 'DURATION', 'P9M']]],
  ['He worked a 16-hour shift after a two-week break.', '1998-10-26', [['16-hour', 'DURATION', 'PT16H'], ['two-week', 'DURATION', 'P2W']]],
  ['The talks lasted 2 1/2 years.', '1998-10-26', [['2 1/2 years', 'DURATION', 'P2Y6M']]],
  ['It took several years and a few minutes.', '1998-10-26', [['several years', 'DURATION', 'PXY'], ['a few minutes', 'DURATION', 'PTXM']]],
  ['Growth slowed in recent months.', '1998-10-26', [['recent months', 'DURATION', 'PXM']]],
  // not durations: an ordinal, a fraction
  ['It was a second attempt to win three-quarters of the vote.', '1998-10-26', []],
  // sets
  ['The paper is published daily; the board meets each Thursday and every month.', '1998-10-26', [
    ['daily', 'SET', 'P1D'],
    ['each Thursday', 'SET', 'XXXX-WXX-4'],
    ['every month', 'SET', 'P1M'],
  ]],
  // vague references
  ['Prices are now higher, officials recently said, and will rise in the future.', '1998-10-26', [
    ['now', 'DATE', 'PRESENT_REF'],
    ['recently', 'DATE', 'PAST_REF'],
    ['the future', 'DATE', 'FUTURE_REF'],
  ]],
  // years, decades, fiscal years
  ['Prices peaked in the 1990s and fell in 1994; fiscal 1999 looks better.', '1998-10-26', [
    ['the 1990s', 'DATE', '199'],
    ['1994', 'DATE', '1994'],
    ['fiscal 1999', 'DATE', '1999'],
  ]],
  ['Shares rose 1994 points to $1,998.', '1998-10-26', []],
  // spelled years, as broadcast transcripts write them
  ['Atlanta, nineteen ninety-six. Then January nineteen ninety-seven.', '1998-10-26', [
    ['nineteen ninety-six', 'DATE', '1996'],
    ['January nineteen ninety-seven', 'DATE', '1997-01'],
  ]],
  ['They kept the secret for two thousand years.', '1998-10-26', []],
  // holidays: the nearer one, and "last"
  ['Campaigning runs from now to Election Day.', '1998-10-26', [['now', 'DATE', 'PRESENT_REF'], ['Election Day', 'DATE', '1998-11-03']]],
  ['He was found last Thanksgiving.', '1998-10-26', [['last Thanksgiving', 'DATE', '1997-11-27']]],
  // "the end of November" is the month in TimeML
  ['The offer expires at the end of November.', '1998-10-26', [['the end of November', 'DATE', '1998-11']]],
  ['The end of November is near.', '1998-10-26', [['The end of November', 'DATE', '1998-11']]],
  // quarters and halves
  ['Third-quarter profit rose, and the fourth quarter will be better.', '1989-10-26', [
    ['Third-quarter', 'DATE', '1989-Q3'],
    ['the fourth quarter', 'DATE', '1989-Q4'],
  ]],
  ['Sales fell in the first half of 1990 and in the third quarter of 1984.', '1989-10-26', [
    ['the first half of 1990', 'DATE', '1990-H1'],
    ['the third quarter of 1984', 'DATE', '1984-Q3'],
  ]],
  // discourse: the quarter last named, a year back
  ['Profit rose in the third quarter, from $2 million a year earlier.', '1989-10-26', [
    ['the third quarter', 'DATE', '1989-Q3'],
    ['a year earlier', 'DATE', '1988-Q3'],
  ]],
  ['In the quarter, sales rose from $4 million in the year-earlier quarter.', '1989-10-26', [
    ['the quarter', 'DATE', '1989-Q3'],
    ['the year-earlier quarter', 'DATE', '1988-Q3'],
  ]],
  // without a quarter named, "a year ago" is last year
  ['The plant opened a year ago.', '1989-10-26', [['a year ago', 'DATE', '1988']]],
  ['It failed two weeks ago.', '1998-10-26', [['two weeks ago', 'DATE', '1998-W42']]],
  // findDates' readings with TimeML's spans and values
  ['It happened last November and June last year, and early next year it ends.', '1998-10-26', [
    ['last November', 'DATE', '1997-11'],
    ['June last year', 'DATE', '1997-06'],
    ['early next year', 'DATE', '1999'],
  ]],
  ['The summit is planned for January.', '1998-10-26', [['January', 'DATE', '1999-01']]],
  ['The summit was held in April.', '1998-10-26', [['April', 'DATE', '1998-04']]],
  ['Talks ended Friday morning, before the weekend.', '1998-10-26', [
    ['Friday morning', 'TIME', '1998-10-23TMO'],
    ['the weekend', 'DATE', '1998-W43-WE'],
  ]],
  ['He left this morning.', '1998-10-26', [['this morning', 'TIME', '1998-10-26TMO']]],
  // vague future; "the week" with no day to place it (TimeML's week of the year)
  ['The plant will reopen soon, as soon as possible, and should grow in future quarters.', '1989-10-26', [
    ['soon', 'DATE', 'FUTURE_REF'],
    ['as soon as possible', 'DATE', 'FUTURE_REF'],
    ['future quarters', 'DATE', 'FUTURE_REF'],
  ]],
  ['For the week, the index fell 3%; the week of the crash was worse.', '1989-10-26', [['the week', 'DATE', '1989-WXX']]],
  // from the date last named: "that year", "the following month", "the same day"
  ['The mill closed in March 1989 and reopened the following month; later that year it was sold.', '1990-02-01', [
    ['March 1989', 'DATE', '1989-03'],
    ['the following month', 'DATE', '1989-04'],
    ['later that year', 'DATE', '1989'],
  ]],
  // a rule reads only near the words it needs: "two more weeks" is a count before a unit, "Monday" and "today" hold none
  ['Talks took two more weeks and a couple of days, as Monday showed today.', '1998-10-26', [
    ['two more weeks', 'DURATION', 'P2W'],
    ['a couple of days', 'DURATION', 'P2D'],
    ['Monday', 'DATE', '1998-10-26'],
    ['today', 'DATE', '1998-10-26'],
  ]],
]

describe('findTimexes', () => {
  for (const [text, dct, expected] of CASES) {
    it(JSON.stringify(text), () => assert.deepEqual(seen(text, dct), expected))
  }

  it('returns only expressions that need no anchor when there is no publication date', () => {
    assert.deepEqual(seen('The war began on Feb. 24, 2022, and talks resumed now.', null), [['Feb. 24, 2022', 'DATE', '2022-02-24']])
  })

  it('finds expressions anywhere in a long text, at their places', () => {
    const filler = 'The committee heard from witnesses and read the papers. '.repeat(120)
    const text = `${filler}Prices rose in the 1990s and have been flat for two years.${filler}It meets each Thursday.`
    const found = findTimexes(text, '1998-10-26').map((t) => [text.slice(t.span[0], t.span[1]), t.value])
    assert.deepEqual(found, [['the 1990s', '199'], ['two years', 'P2Y'], ['each Thursday', 'XXXX-WXX-4']])
  })

  it('keeps the spans of the calendar dates findDates finds and adds no overlapping ones', () => {
    const text = 'On Tuesday, Aug. 5, 2025, at 6:30 p.m., the council met for two hours; it meets daily now.'
    const timexes = findTimexes(text, '2025-08-06')
    for (const d of findDates(text, '2025-08-06')) assert.ok(timexes.some((t) => t.span[0] <= d.span[0] && t.span[1] >= d.span[1]))
    for (let i = 1; i < timexes.length; i++) assert.ok(timexes[i - 1].span[1] <= timexes[i].span[0])
  })
})
