import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { seedContaining } from '../../../test/helpers/shared.js'
import { ParallaxUsageError } from '../../errors.js'
import type { DateMention } from '../../types.js'
import { isoWeek } from './calendar.js'
import { findDates } from './index.js'
import { findDatesAndTimexes } from './timeml.js'

// 2025-08-06 is a Wednesday.
const PUBLISHED = '2025-08-06'

type Seen = [text: string, value: string, granularity: DateMention['granularity'], inferred: boolean]

function seen(text: string, publishedAt: string | null = PUBLISHED): Seen[] {
  return findDates(text, publishedAt).map((d) => {
    assert.equal(d.stage, 'enrich/dates')
    assert.equal(d.anchor, d.inferred ? publishedAt : undefined)
    return [text.slice(d.span[0], d.span[1]), d.value, d.granularity, d.inferred]
  })
}

// Weekdays: the nearest within three days, pushed a week back when nothing in the sentence points ahead.
const CASES: [string, Seen[]][] = [
  ['Talks ended on Tuesday.', [['Tuesday', '2025-08-05', 'day', true]]],
  ['Sanctions will start on Friday.', [['Friday', '2025-08-08', 'day', true]]],
  ['The deadline is Friday.', [['Friday', '2025-08-08', 'day', true]]],
  ['Sanctions started on Friday.', [['Friday', '2025-08-01', 'day', true]]],
  // Words right before it that plainly look ahead make it the next such day, beyond three days too.
  ['The deal is scheduled to close Monday.', [['Monday', '2025-08-11', 'day', true]]],
  ['Envoys could arrive as early as Sunday.', [['Sunday', '2025-08-10', 'day', true]]],
  ['The deal closed Monday.', [['Monday', '2025-08-04', 'day', true]]],
  ['The Sun reported it.', []],
  ['Shares rose 1/2 to 12 3/4.', []],
  ['He spoke earlier Wednesday.', [['Wednesday', '2025-08-06', 'day', true]]],
  ['They met on Sunday, Aug. 3.', [['Sunday, Aug. 3', '2025-08-03', 'day', true]]],
  ['He called last Friday.', [['last Friday', '2025-08-01', 'day', true]]],
  ['He said last month that talks failed.', [['last month', '2025-07', 'month', true]]],
  ['A summit may follow next week.', [['next week', '2025-W33', 'week', true]]],
  ['He threatened India earlier this week.', [['earlier this week', '2025-W32', 'week', true]]],
  ['Prices fell last year.', [['last year', '2024', 'year', true]]],
  ['The plan was drafted this summer.', [['this summer', '2025-SU', 'year', true]]],
  ['In mid-July, he set a deadline.', [['mid-July', '2025-07', 'month', true]]],
  ['It was announced in early March 2022.', [['early March 2022', '2022-03', 'month', false]]],
  ['His previous visit in April failed.', [['April', '2025-04', 'month', true]]],
  ['He took office in January.', [['January', '2025-01', 'month', true]]],
  ['He visited in October.', [['October', '2024-10', 'month', true]]],
  // "last May" is the latest May before publication, "next March" the first one after it.
  ['The treaty was signed last May.', [['last May', '2025-05', 'month', true]]],
  ['The treaty was signed last August.', [['last August', '2024-08', 'month', true]]],
  ['Elections are due next March.', [['next March', '2026-03', 'month', true]]],
  ['It was hot this past June.', [['this past June', '2025-06', 'month', true]]],
  // chrono joins "the night of" to the date and loses the date; the date is read on its own.
  ['He was shot on the night of Oct. 23, 2024.', [['Oct. 23, 2024', '2024-10-23', 'day', false]]],
  ['They left on the morning of Friday, Aug. 1.', [['Friday, Aug. 1', '2025-08-01', 'day', true]]],
  ['The invasion began in 2022.', [['2022', '2022', 'year', false]]],
  ['The war began on Feb. 24, 2022.', [['Feb. 24, 2022', '2022-02-24', 'day', false]]],
  ['The war began on February 24, 2022, with an invasion.', [['February 24, 2022', '2022-02-24', 'day', false]]],
  ['The deadline is within 10 days of July 29.', [['July 29', '2025-07-29', 'day', true]]],
  ['We are closer today than we were yesterday.', [['today', '2025-08-06', 'day', true], ['yesterday', '2025-08-05', 'day', true]]],
  ['A decision comes tonight.', [['tonight', '2025-08-06', 'day', true]]],
  ['A station was attacked overnight.', [['overnight', '2025-08-06', 'day', true]]],
  ['The talks began three days ago.', [['three days ago', '2025-08-03', 'day', true]]],
  ['Update 8/6/25, 5:00 p.m.: more details.', [['8/6/25, 5:00 p.m.', '2025-08-06T17:00', 'time', false]]],
  ['They met at 11:45 a.m. in Moscow.', [['11:45 a.m.', '2025-08-06T11:45', 'time', true]]],
  // Recurring days name a schedule, not a date.
  ['Sign up for the newsletter, delivered to your inbox every weekday.', []],
  ['Subscribe to our best reporting, every Friday.', []],
  ['The market opens each Monday at 9 a.m.', []],
  ['The bins are collected every other Thursday.', []],
  ['The club meets Tuesday nights; the show airs Monday and Thursday evenings.', []],
  // A clock time without a day is on the day the narrative gives, not the publication day.
  ['Crews left on Monday, Aug. 4. Two were hurt. The pumps failed shortly after 3 p.m.', [['Monday, Aug. 4', '2025-08-04', 'day', true], ['3 p.m.', '2025-08-04T15:00', 'time', true]]],
  ['On Tuesday the council met. The vote came at 6:30 p.m.', [['Tuesday', '2025-08-05', 'day', true], ['6:30 p.m.', '2025-08-05T18:30', 'time', true]]],
  ['The vote came at 6:30 p.m., hours after the council met on Tuesday.', [['6:30 p.m.', '2025-08-05T18:30', 'time', true], ['Tuesday', '2025-08-05', 'day', true]]],
  ['The vote came at 6:30 p.m. The council had met on Tuesday.', [['6:30 p.m.', '2025-08-06T18:30', 'time', true], ['Tuesday', '2025-08-05', 'day', true]]],
]

describe('findDates: patterns', () => {
  for (const [sentence, expected] of CASES) {
    it(sentence, () => assert.deepEqual(seen(sentence), expected))
  }
})

describe('findDates: not dates', () => {
  const NONE = [
    'Trump would decide in the next 24-36 hours.',
    'Talks could happen within the next two weeks.',
    'We will work on it in the days and weeks to come.',
    'Russia is now more inclined toward a ceasefire.',
    'It may be that he will march on.',
    'Witkoff sat down with Putin.',
    'It was his second term, and he paused for a second.',
    'Oil would fall another $10 a barrel.',
    'He arrived just two days before the deadline.',
    // idioms and market levels
    'It was high noon for the party.',
    'Thousands walked in the annual March for Life.',
    'The index closed at 2082, up 12 points.',
    'The Nikkei average fell from 2010 to 1985.',
  ]
  for (const sentence of NONE) {
    it(sentence, () => assert.deepEqual(seen(sentence), []))
  }
})

describe('findDates: without a publication date', () => {
  it('keeps stated dates and drops the ones that need an anchor', () => {
    const text = 'On Tuesday he recalled the February 24, 2022, invasion; in April and in 2021 too.'
    assert.deepEqual(seen(text, null), [
      ['February 24, 2022', '2022-02-24', 'day', false],
      ['2021', '2021', 'year', false],
    ])
  })

  it('reads "the end of the month" from the publication date, and drops it without one', () => {
    const text = 'The harbour master is retiring at the end of the month.'
    assert.deepEqual(seen(text), [['end of the month', '2025-08-31', 'day', true]])
    assert.deepEqual(seen(text, null), [])
  })

  it('rejects a publication date that is not ISO 8601', () => {
    assert.throws(() => findDates('On Tuesday.', 'Aug 6'), ParallaxUsageError)
  })

  it('reads the calendar day as written, whatever the offset', () => {
    assert.deepEqual(seen('On Tuesday.', '2025-08-06T23:30:00-05:00')[0].slice(1), ['2025-08-05', 'day', true])
  })
})

describe('isoWeek', () => {
  it('numbers weeks by their Thursday', () => {
    assert.equal(isoWeek({ year: 2025, month: 8, day: 6 }), '2025-W32')
    assert.equal(isoWeek({ year: 2021, month: 1, day: 3 }), '2020-W53')
    assert.equal(isoWeek({ year: 2024, month: 12, day: 30 }), '2025-W01')
  })
})

describe('findDates: seeds (published Wednesday 2025-08-06)', () => {
  /** The date whose span text is `phrase`, in the seed that contains `context`. */
  function inSeed(context: string, phrase: string): Seen {
    const { text } = seedContaining(context)
    const at = text.indexOf(context) + context.indexOf(phrase)
    const d = findDates(text, PUBLISHED).find((m) => m.span[0] === at)
    assert.ok(d, `no date at ${JSON.stringify(phrase)} in ${JSON.stringify(context)}`)
    return [text.slice(...d.span), d.value, d.granularity, d.inferred]
  }

  it('resolves the Fox News dates', () => {
    assert.deepEqual(inSeed('In mid-July, while', 'mid-July'), ['mid-July', '2025-07', 'month', true])
    assert.deepEqual(inSeed('within 10 days of July 29', 'July 29'), ['July 29', '2025-07-29', 'day', true])
    assert.deepEqual(inSeed('But on Tuesday Trump', 'Tuesday'), ['Tuesday', '2025-08-05', 'day', true])
  })

  it('resolves the Newsweek dates', () => {
    assert.deepEqual(inSeed('he said last month', 'last month'), ['last month', '2025-07', 'month', true])
    assert.deepEqual(inSeed('the February 24, 2022, invasion', 'February 24, 2022'), ['February 24, 2022', '2022-02-24', 'day', false])
    assert.deepEqual(inSeed('Putin next week', 'next week'), ['next week', '2025-W33', 'week', true])
  })

  it('resolves the CNN dates and skips its durations', () => {
    assert.deepEqual(inSeed('Putin in April', 'April'), ['April', '2025-04', 'month', true])
    assert.deepEqual(inSeed('Ukraine in 2022.', '2022'), ['2022', '2022', 'year', false])
    assert.deepEqual(inSeed('was in 2021, when', '2021'), ['2021', '2021', 'year', false])
    const { text } = seedContaining('the next 24-36 hours')
    const spans = findDates(text, PUBLISHED).map((d) => text.slice(...d.span))
    assert.ok(!spans.some((s) => /24|two weeks/.test(s)), `durations read as dates: ${spans.join(' | ')}`)
  })
})

describe('findDates: names and tense', () => {
  // Sentences written for these tests. 2016-09-28 and 2026-06-10 are publication days.
  const table: [name: string, text: string, publishedAt: string, values: [string, string][]][] = [
    ['"Sept. 11" before hijackers is a name, and "19" no day of it', 'Nine of the 19 Sept. 11 hijackers trained in one city, the report said.', '2016-09-28', []],
    ['"the Sept. 11 attacks" is not this September', 'Relatives of people killed in the Sept. 11 attacks may now sue, lawyers said.', '2016-09-28', []],
    ['"September 11th" naming the attacks', 'The September 11th attacks reshaped airport security.', '2016-03-01', []],
    ['"9/11" in a name, the weekday beside it kept', 'The 9/11 victims bill passed the House on Wednesday.', '2016-09-28', [['Wednesday', '2016-09-28']]],
    ['a recent "the Sept. 4 bombing" stays a date', 'Police made arrests after the Sept. 4 bombing of a bus depot.', '2016-09-28', [['Sept. 4', '2016-09-04']]],
    ['an old "the March 2 bombing" without a year is a name', 'Survivors of the March 2 bombing met the mayor.', '2016-09-28', []],
    ['a future "November election" is the coming November', 'Voters will pick a new governor in the November election, the board said.', '2026-06-10', [['November', '2026-11']]],
    ['"upcoming" looks ahead too', 'The upcoming November vote is expected to be close.', '2026-06-10', [['November', '2026-11']]],
    ['a past "November election" stays behind', 'The governor lost the November election to a newcomer.', '2026-06-10', [['November', '2025-11']]],
    ['"will" in another clause does not move a past month', 'The mayor, who was sworn in during March, will resign.', '2026-06-10', [['March', '2026-03']]],
    ['a future "mid-" month', 'Talks will resume in mid-February, the ministry said.', '2026-06-10', [['mid-February', '2027-02']]],
    ['an election month with no tense is the coming one', 'Party leaders fear losing the Senate after the November elections.', '2026-08-21', [['November', '2026-11']]],
    ['"would" looks ahead from the past', 'The candidate claimed he would help the party in November by staying in.', '2026-08-21', [['November', '2026-11']]],
    ['"since" after "would" keeps the month behind', 'The mayor has said he would visit the port since returning to office in January.', '2026-08-21', [['January', '2026-01']]],
    ['"since" after "would" keeps the month behind, nearer ahead than behind', 'The mayor has repeatedly said she would meet the council since returning to the town hall in January.', '2025-08-06', [['January', '2025-01']]],
    ['"since March" is past though "will" follows', 'Fares have risen since March and will rise again in December.', '2026-08-21', [['March', '2026-03'], ['December', '2026-12']]],
    ['"the first time since the floods" leaves a coming month ahead', 'Voters will go to the polls for the first time since the floods in November.', '2026-08-21', [['November', '2026-11']]],
    ['"since" for "because" leaves a coming month ahead', 'Talks will be delayed since the minister travels to Japan in October.', '2026-08-21', [['October', '2026-10']]],
    ['"would" after the month does not move it', 'A spokesman told the paper in February that the board would wait.', '2026-08-21', [['February', '2026-02']]],
    ['"will" in a "that" clause after the month is not its', 'An aide told the paper in February that the board will review the rules.', '2026-08-21', [['February', '2026-02']]],
    ['"was leaving in" is a plan', 'The minister said the envoy was leaving in February.', '2026-08-21', [['February', '2027-02']]],
    ['"up for re-election in November"', 'Senators up for re-election in November fear the vote.', '2026-01-22', [['November', '2026-11']]],
    ['"the Women’s March" is a march', 'Activists marked the anniversary of the Women’s March in many cities.', '2026-01-22', []],
    ['a past tense keeps an election month behind', 'The senator was narrowly re-elected in the November election.', '2026-08-21', [['November', '2025-11']]],
    ['"September 11th" inside an organisation name', 'A co-founder of September 11th Survivors United spoke at the hearing.', '2016-09-28', []],
    ['a plain "Sept. 11" is still a date', 'The report was released on Sept. 11 and read widely.', '2016-09-28', [['Sept. 11', '2016-09-11']]],
    // "will" six words before a weekday, behind a past vote, does not make the vote a plan.
    ['a distant "will" does not push a weekday ahead', 'The bill will become law after the council voted 9-2 to pass it Tuesday afternoon.', '2016-09-29', [['Tuesday afternoon', '2016-09-27']]],
  ]
  for (const [name, text, publishedAt, values] of table) {
    it(name, () => assert.deepEqual(findDates(text, publishedAt).map((d) => [text.slice(d.span[0], d.span[1]), d.value]), values))
  }
})

// Invented sentences; 2026-01-03 is a Saturday. A timetable's verb in the present places a weekday
// among the days to come; its past, or a verb of no timetable, leaves it in the week before.
describe('findDates: a weekday after a verb of a timetable in the present', () => {
  const table: [name: string, text: string, values: [string, string][]][] = [
    ['"reopens on Monday" is the coming Monday', 'The exchange reopens on Monday after the holiday.', [['Monday', '2026-01-05']]],
    ['"meet separately Monday" is the coming Monday', 'The two envoys meet separately Monday with the mediator.', [['Monday', '2026-01-05']]],
    ['"resume Sunday" is the coming Sunday', 'Peace talks resume Sunday in the capital.', [['Sunday', '2026-01-04']]],
    ['"reopened on Monday" stays behind', 'The exchange reopened on Monday after the holiday.', [['Monday', '2025-12-29']]],
    ['"face-to-face Monday" is no verb of a timetable', 'The rivals stood face-to-face Monday and traded barbs.', [['Monday', '2025-12-29']]],
    ['"the votes Monday" is a noun, no verb', 'Officials counted the votes Monday at the town hall.', [['Monday', '2025-12-29']]],
  ]
  for (const [name, text, values] of table) {
    it(name, () => assert.deepEqual(findDates(text, '2026-01-03').map((d) => [text.slice(d.span[0], d.span[1]), d.value]), values))
  }
})

// Invented sentences; 2026-01-03 is a Saturday. The timetable's present is no plan to come when the
// sentence is set in a past time, when the word is a noun or an adjective (in capitals too), or when
// the weekday opens a weekly range.
describe('findDates: a timetable verb before a weekday, and what undoes it', () => {
  const table: [name: string, text: string, values: [string, string][]][] = [
    ['"last week" frames it as past', 'Last week the owner said the bakery reopens on Monday, but it stayed shut.', [['Last week', '2025-W52'], ['Monday', '2025-12-29']]],
    ['a day before publication frames it as past', 'On Dec. 26 the owner posted a sign saying the bakery reopens on Monday; it stayed shut.', [['Dec. 26', '2025-12-26'], ['Monday', '2025-12-29']]],
    ['"last week" after it frames it as past', 'The bakery reopens on Monday, the owner said last week, but it stayed shut.', [['Monday', '2025-12-29'], ['last week', '2025-W52']]],
    ['"The votes" is a noun at the head of a sentence', 'The votes Monday showed a narrow lead for the mayor.', [['Monday', '2025-12-29']]],
    ['"His visits" is a noun', 'His visits Monday drew protests.', [['Monday', '2025-12-29']]],
    ['"The open" is an adjective', 'The open Monday session was tense.', [['Monday', '2025-12-29']]],
    ['"the owner said" alone keeps the plan', 'The bakery reopens on Monday, the owner said.', [['Monday', '2026-01-05']]],
  ]
  for (const [name, text, values] of table) {
    it(name, () => assert.deepEqual(findDates(text, '2026-01-03').map((d) => [text.slice(d.span[0], d.span[1]), d.value]), values))
  }
  for (const text of ['The museum opens Monday through Friday.', 'The museum opens Monday to Friday.']) {
    it(`a weekly range is no day to come, in both readings: "${text}"`, () => {
      const { dates } = findDatesAndTimexes(text, '2026-01-03')
      const monday = dates.find((d) => text.slice(d.span[0], d.span[0] + 6) === 'Monday')
      assert.equal(monday?.value, '2025-12-29')
      assert.equal(monday?.timex?.value, '2025-12-29')
    })
  }
})
