import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadSeeds } from '../../../test/helpers/shared.js'
import { findDates } from './index.js'
import { dateWindows } from './windows.js'

// A pad this wide makes one window of the whole text: chrono reads everything, as it did before the pre-filter.
const WHOLE_TEXT = { windowPad: Number.MAX_SAFE_INTEGER }
const FILLER = 'The committee heard evidence from several witnesses about the state of the roads and bridges. '

describe('dateWindows', () => {
  it('finds no window in text without a date-ish token', () => {
    assert.deepEqual(dateWindows('The committee heard evidence from witnesses, and nobody objected.'), [])
    // chrono reads none of these as a date on its own (years come from ./news.ts).
    assert.deepEqual(dateWindows('Founded in 1998, it grew 3.5 percent a year to 2,400 staff by the evening shift.'), [])
  })

  it('cuts windows at whitespace around the token', () => {
    const text = 'Shares rose. Talks ended on Tuesday.'
    assert.deepEqual(dateWindows(text, { windowPad: 4 }), [{ start: 19, end: 36 }])
  })

  it('merges windows whose reach overlaps and keeps distant ones apart', () => {
    const text = `On Monday at 9:30 a.m. ${FILLER.repeat(3)}It closed on May 3.`
    const windows = dateWindows(text, { windowPad: 16 })
    assert.equal(windows.length, 2)
    assert.equal(windows[0].start, 0)
    assert.match(text.slice(windows[0].start, windows[0].end), /^On Monday at 9:30 a\.m\. /)
    assert.match(text.slice(windows[1].start, windows[1].end), /It closed on May 3\.$/)
  })

  for (const [label, text] of [
    ['month name', 'They met in March.'],
    ['abbreviated weekday', 'Closed Thurs. for repairs.'],
    ['day word', 'A vote is due tomorrow.'],
    ['clock time', 'The train left at 11:45.'],
    ['meridiem', 'It starts at 5 pm sharp.'],
    ['slash date', 'Posted 8/6/25 by staff.'],
    ['dotted date', 'Posted 6.8.2025 by staff.'],
    ['ISO date', 'Posted 2025-08-06 by staff.'],
    ['end of the month', 'Due by the end of the month.'],
    ['ago', 'It fell three weeks ago.'],
    ["o'clock", "The bells rang at ten o'clock."],
  ] as const) {
    it(`opens a window for a ${label}`, () => assert.equal(dateWindows(text).length, 1))
  }
})

describe('findDates with the pre-filter reads what chrono reads on the whole text', () => {
  // Long date expressions, at the edges of windows and far apart, with filler between them.
  const CASES = [
    'It collapsed a couple of years and a few weeks ago, residents said.',
    'The festival runs from the twenty-first to the twenty-seventh of August this year.',
    'The vote is on Tuesday, Aug. 5, 2025, at 6:30 p.m. ET, officials said.',
    "He arrived at 3 o'clock in the afternoon and left at 10 at night.",
    `Posted 2025-08-06T10:15. ${FILLER.repeat(4)}Update: the talks resume Friday from 10 to 11 a.m.`,
    `${FILLER.repeat(2)}Last night the council met. ${FILLER}The report is due by the end of the month.`,
    'Shares rose 3.5 percent to 12 3/4 on Wednesday; 1,200 jobs go by 2027.',
    'The blast came late Tuesday evening, and crews worked through the night until yesterday morning.',
    'Filed 2025 08 06. Trading opened at 1430, and the index fell in 1998 terms at 10 in the morning.',
  ]
  for (const text of CASES) {
    it(JSON.stringify(text.slice(0, 50)), () => {
      const windowed = findDates(text, '2025-08-06')
      assert.ok(windowed.length > 0)
      assert.deepEqual(windowed, findDates(text, '2025-08-06', WHOLE_TEXT))
    })
  }

  it('on the seed articles', () => {
    for (const seed of loadSeeds()) {
      const windowed = findDates(seed.text, '2025-08-06')
      assert.ok(windowed.length > 0, seed.name)
      assert.deepEqual(windowed, findDates(seed.text, '2025-08-06', WHOLE_TEXT), seed.name)
    }
  })
})
