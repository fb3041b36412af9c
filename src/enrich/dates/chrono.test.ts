import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as chrono from 'chrono-node/en'
import { newsChrono, PARSER_NEEDS } from './chrono.js'

// Our own sentences, one or more for every parser: dates, times, durations, "ago", digit forms.
const TEXTS = [
  'Talks ended on Tuesday, Aug. 5, at 6:30 p.m. ET, and resume next Monday.',
  'The vote, set for 2025-08-06T14:00, slipped to 8/12/2025 and then to 9/2025.',
  'He left three weeks ago; she arrived two days before the summit and an hour earlier than planned.',
  'On the 3rd of March 2024 the plant closed; by 2024 Mar 5 it had reopened, and 2024.03.07 it shut.',
  'Shares rose 1/2 to 12 3/4 in the morning and fell by noon; tonight the board meets, yesterday it did not.',
  'Rent is due at the end of the month, in May, or on the last day of the month, or within 10 days.',
  'The 24-hour strike began at midnight; from 10 to 11 on the morning of Oct. 23 the trains stopped.',
  'We may march on Sat. or Sun., or the weekend; mon ami said it in 1999 May, not in the 1990s.',
  'The report, released on Thursday, cited 2,500 people, 3.5 percent, and 4 p.m. deadlines.',
]

describe('chrono with its parsers gated by the text each needs', () => {
  it('gates every parser of the configuration', () => {
    const names = chrono.configuration.createCasualConfiguration(false).parsers.map((p) => p.constructor.name)
    const ungated = names.filter((n) => !PARSER_NEEDS[n])
    // The four duration parsers are left out of the news configuration (./chrono.ts, LEFT_OUT).
    assert.deepEqual(ungated.sort(), ['ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENTimeUnitLaterFormatParser', 'ENTimeUnitWithinFormatParser'])
  })

  it('finds what a parser needs in every match of its pattern', () => {
    const parsers = chrono.configuration.createCasualConfiguration(false).parsers.filter((p) => PARSER_NEEDS[p.constructor.name])
    let matches = 0
    for (const parser of parsers) {
      for (const text of TEXTS) {
        const pattern = parser.pattern({ text, option: {}, refDate: new Date(2025, 7, 6) } as never)
        for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
          matches++
          assert.match(m[0], PARSER_NEEDS[parser.constructor.name], `${parser.constructor.name}: ${m[0]}`)
        }
      }
    }
    assert.ok(matches > 50, `only ${matches} matches`)
  })

  it('reads the same as with every parser run', () => {
    const ref = new Date(2025, 7, 6, 12)
    const read = (c: chrono.Chrono, text: string) => c.parse(text, ref, { forwardDate: false }).map((r) => [r.index, r.text, [...r.tags()].sort(), r.start.date().toISOString()])
    const gated = newsChrono()
    const all = newsChrono({ gate: false })
    for (const text of TEXTS) {
      const found = read(gated, text)
      assert.ok(found.length > 0, text)
      assert.deepEqual(found, read(all, text), text)
    }
  })
})
