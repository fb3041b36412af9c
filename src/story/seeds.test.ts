// End to end on the five seed articles (read from ../shared, never copied): extract, annotate, then
// this folder's stages. Asserts what a reader of the report relies on, not exact wording.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadSeeds } from '../../test/helpers/shared.js'
import { alignFacts } from '../compare/facts.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { buildCoverage } from './coverage.js'
import { checkCitation, standsAlone, summarize } from './summary.js'
import { buildTimeline } from './timeline.js'

const articles = loadSeeds().map((s) =>
  annotate(extractArticle({ source: { kind: 'text', path: s.path }, bytes: new TextEncoder().encode(s.text), publishedAt: '2025-08-06' })),
)
const text = new Map(articles.map((a) => [a.id, a.text]))
const { facts, discrepancies } = alignFacts(articles)

describe('seeds: facts, timeline, summary, coverage', () => {
  it('finds facts several outlets agree on, with support spans that hold their words', () => {
    const corroborated = facts.filter((f) => f.status === 'corroborated')
    assert.ok(corroborated.length >= 5, `only ${corroborated.length} corroborated facts`)
    const handshake = corroborated.find((f) => /shaking hands/.test(f.text))
    assert.ok(handshake && handshake.articleIds.length >= 3, 'the Kremlin handshake video is reported by at least three outlets')
    for (const s of handshake.support) assert.match(text.get(s.articleId)!.slice(s.start, s.end), /shaking hands/)
  })

  it('does not flag "about three hours" vs "nearly three-hour" as a number discrepancy', () => {
    assert.ok(!discrepancies.some((d) => d.kind === 'number' && /hour/.test(d.description)), JSON.stringify(discrepancies))
  })

  it('finds the secondary sanctions dispute (expected on Friday vs not decided) and no other claim conflict', () => {
    const claims = discrepancies.filter((d) => d.kind === 'claim')
    assert.equal(claims.length, 1, JSON.stringify(claims))
    const [sanctions] = claims
    assert.match(sanctions.description, /secondary sanctions.*: expected vs not decided/i)
    assert.match(sanctions.values[0].value, /sanctions/)
    assert.match(sanctions.values[1].value, /whether/)
    assert.ok(sanctions.values[0].articleIds.length >= 2, 'several outlets report the Friday plan')
    assert.ok(!sanctions.values[0].articleIds.some((id) => sanctions.values[1].articleIds.includes(id)))
  })

  it('builds a timeline in date order that skips the "Updated" stamp', () => {
    const { timeline } = buildTimeline(articles)
    assert.ok(timeline.length > 5)
    const dates = timeline.map((e) => e.date.replace(/-W\d+$/, ''))
    assert.deepEqual(dates.filter((d) => /^\d{4}$/.test(d)), [...dates.filter((d) => /^\d{4}$/.test(d))].sort())
    assert.ok(!timeline.some((e) => /^Updated/.test(e.text)))
    assert.ok(timeline.some((e) => e.date === '2025-08-08' && e.articleIds.length >= 2), 'the Friday deadline is reported by several outlets')
  })

  it('writes a five-sentence summary whose citations hold its names and numbers', () => {
    const { summary } = summarize(articles, facts)
    assert.equal(summary.length, 5)
    for (const s of summary) {
      const cited = s.citations.map((c) => text.get(c.articleId)!.slice(c.start, c.end))
      assert.equal(cited[0], s.text)
      assert.ok(checkCitation(s.text, cited).ok)
      assert.ok(standsAlone(s.text), `summary sentence leans on an earlier one: ${s.text}`)
    }
    // It leads with what several outlets report: the first three sentences cite two articles or
    // more, and no sentence cites more articles than one before it.
    for (const s of summary.slice(0, 3)) assert.ok(s.citations.length >= 2, `a lead sentence cites one article only: ${s.text}`)
    const counts = summary.map((s) => new Set(s.citations.map((c) => c.articleId)).size)
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most-reported first')
  })

  it('lists per outlet the facts it alone reports and the corroborated ones it lacks', () => {
    const coverage = buildCoverage(articles, facts)
    assert.equal(coverage.length, 5)
    for (const c of coverage) {
      for (const id of c.uniqueFactIds) assert.deepEqual(facts.find((f) => f.id === id)!.articleIds, [c.articleId])
      for (const id of c.omittedFactIds) assert.ok(!facts.find((f) => f.id === id)!.articleIds.includes(c.articleId))
    }
  })
})
