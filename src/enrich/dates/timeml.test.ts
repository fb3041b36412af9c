import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractArticle } from '../../extract/index.js'
import { annotate } from '../index.js'
import { findDates } from './index.js'
import { findDatesAndTimexes, timexesOf } from './timeml.js'
import { findTimexes } from './timex.js'

/** Each row: the date's words in the sentence get `value` as the timeline's value and as the TimeML reading. */
function bothReadingsAgree(table: readonly [text: string, publishedAt: string, words: string, value: string][]): void {
  for (const [text, publishedAt, words, value] of table) {
    it(`${words} in "${text}" (${publishedAt})`, () => {
      const { dates } = findDatesAndTimexes(text, publishedAt)
      const date = dates.find((d) => text.slice(d.span[0], d.span[1]) === words)
      assert.equal(date?.value, value)
      assert.equal(date?.timex?.value, value)
    })
  }
}

// Invented sentences; 2025-08-06 is a Wednesday.
const TEXT =
  'The ferry sank on Tuesday after two weeks of storms. Inspections happen every Monday, and the owners now expect ' +
  'a report early next year. The route ran from Aug. 26 to Oct. 20.'
const PUBLISHED = '2025-08-06'

const words = (span: readonly [number, number]) => TEXT.slice(span[0], span[1])

describe('findDatesAndTimexes', () => {
  const { dates, timexes } = findDatesAndTimexes(TEXT, PUBLISHED)

  it('keeps the dates and values the timeline uses', () => {
    assert.deepEqual(
      dates.map((d) => [words(d.span), d.value]),
      findDates(TEXT, PUBLISHED).map((d) => [words(d.span), d.value]),
    )
  })

  it("gives each date its TimeML reading, with TimeML's span when it is longer", () => {
    const tuesday = dates.find((d) => words(d.span) === 'Tuesday')
    assert.deepEqual(tuesday?.timex, { type: 'DATE', value: '2025-08-05' })
    const nextYear = dates.find((d) => words(d.span) === 'next year')
    assert.equal(nextYear?.timex?.value, '2026')
    assert.equal(nextYear?.timex?.span && words(nextYear.timex.span), 'early next year')
  })

  it('returns durations, sets, "now" and the end of a range apart from the dates', () => {
    assert.deepEqual(
      timexes.map((t) => [words(t.span), t.type, t.value, t.stage]),
      [
        ['two weeks', 'DURATION', 'P2W', 'enrich/dates'],
        ['every Monday', 'SET', 'XXXX-WXX-1', 'enrich/dates'],
        ['now', 'DATE', 'PRESENT_REF', 'enrich/dates'],
        ['Oct. 20', 'DATE', '2025-10-20', 'enrich/dates'],
      ],
    )
  })

  it('adds up to the whole TimeML reading, each expression once', () => {
    const whole = timexesOf({ dates, timexes }).map((t) => [t.span, t.type, t.value])
    assert.deepEqual(whole, findTimexes(TEXT, PUBLISHED).map((t) => [t.span, t.type, t.value]))
  })

  it('gives one expression to both dates it covers ("June last year")', () => {
    const text = 'Prices peaked in June last year.'
    const read = findDatesAndTimexes(text, PUBLISHED)
    const withTimex = read.dates.filter((d) => d.timex)
    assert.ok(withTimex.length >= 1)
    for (const d of withTimex) assert.deepEqual(d.timex && [d.timex.value, text.slice(...(d.timex.span ?? d.span))], ['2024-06', 'June last year'])
    assert.deepEqual(timexesOf(read).map((t) => t.value), ['2024-06'])
  })

  it('without a publication date, keeps only what needs none', () => {
    const read = findDatesAndTimexes('It rose in 1994 after two weeks of talks.', null)
    assert.deepEqual(read.dates.map((d) => d.value), ['1994'])
    assert.deepEqual(read.timexes, [])
  })
})

describe('annotate: dates as TimeML', () => {
  it('returns what findDatesAndTimexes returns', () => {
    const article = extractArticle({ source: { kind: 'text', path: 'ferry.txt' }, bytes: new TextEncoder().encode(TEXT), publishedAt: PUBLISHED })
    const annotated = annotate(article)
    const direct = findDatesAndTimexes(annotated.text, annotated.publishedAt)
    assert.deepEqual({ dates: annotated.dates, timexes: annotated.timexes }, direct)
    assert.ok((annotated.timexes ?? []).some((t) => t.type === 'DURATION' && t.value === 'P2W'))
    assert.ok(annotated.dates.every((d) => d.timex !== undefined))
  })

  it('with timeml false, the same dates without their reading and no timexes', () => {
    const article = extractArticle({ source: { kind: 'text', path: 'ferry.txt' }, bytes: new TextEncoder().encode(TEXT), publishedAt: PUBLISHED })
    const annotated = annotate(article, { timeml: false })
    assert.equal('timexes' in annotated, false)
    assert.ok(annotated.dates.every((d) => d.timex === undefined))
    assert.deepEqual(annotated.dates, findDates(annotated.text, annotated.publishedAt))
    assert.deepEqual(annotated.dates.slice(0, 2).map((d) => [words(d.span), d.value]), [['Tuesday', '2025-08-05'], ['next year', '2026']])
    const { dates, timexes, ...rest } = annotate(article)
    const { dates: _, ...restWithout } = annotated
    assert.deepEqual(restWithout, rest)
    assert.ok(timexes && timexes.length > 0 && dates.length > 0)
  })
})

// Invented sentences: a month or a day of one named without a year gets one year, in the timeline's
// value and in the TimeML reading alike (src/enrich/dates/tense.ts chooses it for both).
describe('a date without a year: one year for both readings', () => {
  const table: [text: string, publishedAt: string, date: string, value: string][] = [
    // "expected" puts the month ahead: the December a month on, not the one eleven months back
    ['Closing, which is expected in December, needs approval.', '2026-11-02', 'December', '2026-12'],
    // "effective" puts the day ahead, though June 1 is five months back and seven on
    ['The new labour pact, effective June 1, raises wages.', '2026-10-26', 'June 1', '2027-06-01'],
    // a year that has ended ended before publication (chrono alone took the nearer March 31, to come)
    ['Sales rose 4% in the year ended March 31, the company said.', '2026-11-01', 'March 31', '2026-03-31'],
    // "is scheduled for" is a schedule
    ['The runoff is scheduled for November.', '2026-06-10', 'November', '2026-11'],
    // a past verb keeps the month of an election behind
    ['The senator was narrowly re-elected in the November election.', '2026-08-21', 'November', '2025-11'],
  ]
  bothReadingsAgree(table)
})

// Invented sentences: within 45 days the nearer occurrence of a month stands only when no tense is
// clear. A past verb never gives a month (or day) that starts after publication; "will", "is set for"
// or "next" never one that ended before the publication month. Both readings alike.
describe('a date without a year: a clear tense bounds the nearer occurrence', () => {
  const table: [text: string, publishedAt: string, date: string, value: string][] = [
    ['The plant closed in January.', '2026-12-20', 'January', '2026-01'],
    ['The company bought the mill in January.', '2026-12-02', 'January', '2026-01'],
    ['Sales fell sharply in January, the company said.', '2026-12-20', 'January', '2026-01'],
    ['Congress will adjourn in December.', '2026-01-25', 'December', '2026-12'],
    ['The vote is set for December.', '2026-01-08', 'December', '2026-12'],
    ['The next election is in December.', '2026-01-08', 'December', '2026-12'],
    ['The union will strike on Dec. 20, it said.', '2026-01-08', 'Dec. 20', '2026-12-20'],
    // no clear tense: the nearer occurrence
    ['Sales in January are the store\'s weakest.', '2026-12-20', 'January', '2027-01'],
    // a past verb and a month already begun: the publication month itself
    ['The plant closed in January.', '2026-01-20', 'January', '2026-01'],
    // "will" and the publication month: that month, not the next year's
    ['The plant will close in January.', '2026-01-25', 'January', '2026-01'],
  ]
  bothReadingsAgree(table)
})

// Invented sentences: a past verb that places the month is read before a "will" later in the clause,
// which belongs to another verb. Both readings take the month gone by.
describe('a date without a year: the past verb placing it beats a later "will"', () => {
  const table: [text: string, publishedAt: string, date: string, value: string][] = [
    ['The company warned in November it will cut jobs.', '2026-01-08', 'November', '2025-11'],
    ['He said in December he will run for mayor.', '2026-02-20', 'December', '2025-12'],
    ['The company warned on Nov. 12 it will cut jobs.', '2026-01-08', 'Nov. 12', '2025-11-12'],
    ['The party that won in November will govern alone.', '2026-06-10', 'November', '2025-11'],
    ['The company will repeat the cuts it made in November.', '2026-06-10', 'November', '2025-11'],
    // with no past verb the "will" still looks ahead
    ['In November the company will cut jobs.', '2026-06-10', 'November', '2026-11'],
  ]
  bothReadingsAgree(table)
})
