import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CROSS_ARTICLE, processDocument } from './document.js'
import { analyzeArticles, analyzeRaw } from './pipeline.js'
import { InputError } from './errors.js'
import type { RawDocument } from './types.js'

// Three outlets' reports of one invented event, written for this test, with dates TimeML reads
// differently from the comparison (a duration, a recurring set, a relative day).
const reports = [
  'Ferry service resumes after storm\n\nThe harbour ferry between Port Ellis and Cray Island resumed service on Tuesday after a three-day suspension, operator Bluewake Lines said. Crossings will run every hour until the end of the month, the company said in a statement. "We are glad to have passengers back," said Bluewake director Ana Costa.',
  'Bluewake restarts Cray Island crossings\n\nBluewake Lines restarted its Port Ellis to Cray Island ferry on Tuesday, ending a suspension of three days caused by the storm. Director Ana Costa said: "We are glad to have passengers back." Boats will sail hourly for the rest of the month.',
  'Island ferry back in service\n\nAfter three days without boats, the Cray Island ferry ran again on Tuesday. Bluewake Lines, which runs the route from Port Ellis, said crossings would be hourly through the month. Ana Costa, the line’s director, said passengers were welcome back.',
]
const raws: RawDocument[] = reports.map((text, k) => ({
  source: { kind: 'text', path: `outlet-${k + 1}.txt` },
  bytes: new TextEncoder().encode(text),
  publishedAt: '2026-03-12T09:00:00Z',
  outlet: `Outlet ${k + 1}`,
}))

describe('analyzeRaw', () => {
  it('annotates as the comparison reads (no TimeML reading) and reports what a full annotation reports', () => {
    const full = raws.map((raw) => processDocument(raw))
    const lean = raws.map((raw) => processDocument(raw, { annotate: CROSS_ARTICLE }))
    // The lean annotation leaves the TimeML reading out, so the two annotations differ ...
    assert.ok(full.some((a) => (a.timexes?.length ?? 0) > 0), 'the full annotation reads TIMEX3 expressions')
    assert.ok(lean.every((a) => a.timexes === undefined || a.timexes.length === 0))
    // ... while the dates the comparison reads (all but their TIMEX3 reading) are the same, and so is the report.
    assert.ok(full.some((a) => a.dates.some((d) => d.timex !== undefined)))
    assert.deepEqual(lean.map((a) => a.dates), full.map((a) => a.dates.map(({ timex: _, ...date }) => date)))
    const report = analyzeRaw(raws)
    assert.deepEqual(report, analyzeArticles(full))
    assert.equal(report.stories.length, 1)
    assert.deepEqual(new Set(report.stories[0].articleIds), new Set(report.articles.map((a) => a.id)))
  })

  it('throws an input error for an input that cannot be extracted', () => {
    const empty: RawDocument = { source: { kind: 'text', path: 'empty.txt' }, bytes: new Uint8Array() }
    assert.throws(() => analyzeRaw([raws[0], empty]), (error: unknown) => error instanceof InputError)
  })
})
