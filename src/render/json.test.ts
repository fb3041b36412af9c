import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Report } from '../types.js'
import { idA, smallReport } from '../../test/fixtures/report-small.js'
import { normalizeReport, renderReportJson, toJsonl } from './json.js'

/** A report with optional-but-required-by-contract values left out, as a careless stage might build it. */
function sloppyReport(): Report {
  const r = smallReport() as any
  delete r.articles[0].outlet
  delete r.articles[0].title
  delete r.articles[0].publishedAt
  r.articles[0].text = 'the full clean text must not leak into the report'
  r.stories[0].quotes[0].speaker = { name: 'Elena Ruiz' }
  r.stories[0].quotes.push({ ...r.stories[0].quotes[0], id: 'q2', speaker: undefined })
  delete r.stories[0].coverage[0].outlet
  delete r.stories[0].entities[0].roles
  return r as Report
}

describe('renderReportJson', () => {
  it('uses 2-space indentation and ends with one newline', () => {
    const out = renderReportJson(smallReport())
    assert.ok(out.startsWith('{\n  "schemaVersion": 1,\n  "articles": [\n    {'))
    assert.ok(out.endsWith('}\n') && !out.endsWith('\n\n'))
  })

  it('makes absent contract values explicit nulls or empty lists', () => {
    const parsed = JSON.parse(renderReportJson(sloppyReport()))
    const a = parsed.articles[0]
    assert.equal(a.outlet, null)
    assert.equal(a.title, null)
    assert.equal(a.publishedAt, null)
    const story = parsed.stories[0]
    assert.deepEqual(story.quotes[0].speaker, { name: 'Elena Ruiz', entityId: null })
    assert.ok('speaker' in story.quotes[1])
    assert.equal(story.quotes[1].speaker, null)
    assert.equal(story.coverage[0].outlet, null)
    assert.deepEqual(story.entities[0].roles, [])
  })

  it('never includes article text', () => {
    const out = renderReportJson(sloppyReport())
    assert.ok(!out.includes('must not leak'))
    assert.ok(!('text' in JSON.parse(out).articles[0]))
  })

  it('keeps provenance extras and does not change the input', () => {
    const report = sloppyReport()
    const normalized = normalizeReport(report)
    assert.equal(normalized.stories[0].summaryRejected, 1)
    assert.deepEqual(normalized.articles[0].provenance, { publishedAt: 'html:meta' })
    assert.equal(normalized.stories[0].why?.[1].joinedBy, idA)
    assert.ok('text' in report.articles[0], 'input still has its text')
  })
})

describe('toJsonl', () => {
  it('writes one parseable record per line, even when values contain newlines', () => {
    const records = [
      { source: 'a.txt', title: 'line one\nline two' },
      { source: 'b.txt', title: null },
    ]
    const out = toJsonl(records)
    const lines = out.split('\n')
    assert.equal(lines.length, 3)
    assert.equal(lines[2], '')
    assert.deepEqual(lines.slice(0, 2).map((l) => JSON.parse(l)), records)
  })

  it('gives an empty string for no records', () => {
    assert.equal(toJsonl([]), '')
  })
})
