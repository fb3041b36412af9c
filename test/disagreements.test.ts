/**
 * End to end: two invented outlets' reports of one invented event that disagree in each way #17
 * names (a status: resigned vs retiring, charged vs not charged; a first name; the day of an
 * apology) and agree on a figure. `analyze` must report each disagreement, and nothing for the
 * figure both give.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyzeArticles, annotate, extractArticle } from '../src/index.js'

const A = `Senator Paul Ferren resigns after harbour contract inquiry

Senator Paul Ferren resigned on Monday after an inquiry into the harbour contract, his office said.
Prosecutors charged Ferren with five federal crimes, including wire fraud, on Tuesday.
Rep. Linda Marquez, a Democrat, said the harbour contract had cost the state $40 million.
Ferren apologized on Friday for his remarks about the inquiry.
`
const B = `Ferren to leave Senate as harbour inquiry widens

Senator Paul Ferren is retiring at the end of the month, his office said on Monday, as an inquiry into the harbour contract widened.
No formal charges have been filed against Ferren, his lawyer said.
Rep. Loretta Marquez, a Democrat, said the harbour contract had cost the state $40 million.
Ferren apologized on Saturday for his remarks about the inquiry.
`

describe('analyze: the disagreements a fact-checker looks for', () => {
  // Published on a Sunday: "Friday" and "Saturday" are the two days before.
  const articles = [A, B].map((text, i) => annotate(extractArticle({ source: { kind: 'text', path: `outlet-${i}.txt` }, bytes: new TextEncoder().encode(text), publishedAt: '2026-11-29' })))
  const report = analyzeArticles(articles)

  it('keeps the two reports in one story', () => {
    assert.equal(report.stories.length, 1)
  })

  const found = report.stories.flatMap((s) => s.discrepancies).filter((d) => d.kind !== 'framing')
  const described = found.map((d) => `${d.kind}: ${d.description}`)

  it('reports resigned vs retiring and charged vs not charged as statuses', () => {
    assert.ok(described.some((d) => /^status: .*Ferren.*resigned vs retiring/.test(d)), described.join('\n'))
    assert.ok(described.some((d) => /^status: .*Ferren.*charged vs not charged/.test(d)), described.join('\n'))
  })

  it('reports Linda vs Loretta Marquez as one person named two ways', () => {
    const name = found.find((d) => d.kind === 'name-spelling')
    assert.deepEqual(name?.values.map((v) => v.value).sort(), ['Linda Marquez', 'Loretta Marquez'])
  })

  it('reports the apology on Friday in one outlet and Saturday in the other', () => {
    const date = found.find((d) => d.kind === 'date')
    assert.deepEqual(date?.values.map((v) => v.value).sort(), ['2026-11-27', '2026-11-28'])
  })

  it('reports nothing for the figure both give, and nothing else', () => {
    assert.ok(!found.some((d) => d.kind === 'number'), described.join('\n'))
    assert.equal(found.length, 4, described.join('\n'))
  })
})
