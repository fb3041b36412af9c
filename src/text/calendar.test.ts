import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseDate } from './calendar.js'

test('normaliseDate: one ISO form for every input format, a time only with its zone', () => {
  const cases: [input: string, iso: string | null][] = [
    // RFC 3339 / ISO (HTML metadata, Atom, JSON Lines exports)
    ['2025-08-06T11:45:00-04:00', '2025-08-06T11:45:00-04:00'],
    ['2025-08-06T11:45-0400', '2025-08-06T11:45:00-04:00'],
    ['2025-08-06T09:00:00Z', '2025-08-06T09:00:00Z'],
    ['2025-08-06', '2025-08-06'],
    // no zone: not an instant, so the date alone
    ['2025-08-06 11:45:00', '2025-08-06'],
    ['2025-08-06T23:30:00', '2025-08-06'],
    // RFC 822 (RSS), the zone as stated
    ['Wed, 06 Aug 2025 10:00:00 GMT', '2025-08-06T10:00:00Z'],
    ['Wed, 6 Aug 2025 10:00:00 -0400', '2025-08-06T10:00:00-04:00'],
    // stamps
    ['Published Aug. 6, 2025 at 5:32 p.m.', '2025-08-06'],
    ['not a date', null],
    ['', null],
  ]
  for (const [input, iso] of cases) assert.equal(normaliseDate(input), iso, input)
})

test('normaliseDate: an RSS date and the same instant in Atom keep their stated offsets, and parse to one time', () => {
  const rss = normaliseDate('Tue, 31 Dec 2024 23:30:00 -0800')
  const atom = normaliseDate('2025-01-01T07:30:00Z')
  assert.equal(rss, '2024-12-31T23:30:00-08:00')
  assert.equal(Date.parse(rss!), Date.parse(atom!))
})
