import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { idA, idB, smallReport, texts } from '../../test/fixtures/report-small.js'
import { articleLabel, sourceStem } from './common.js'
import { humanDate } from './charts.js'
import { renderFactsCsv, renderQuotesCsv, csvCell } from './csv.js'
import { renderReportHtml } from './html.js'
import { buildLead, plural, storyCounts, storyDates } from './lead.js'
import { renderReportMarkdown } from './markdown.js'
import { articlesById } from './common.js'
import { formatNumber } from '../compare/discrepancies.js'
import { humanNumber } from '../enrich/numbers/format.js'
import type { NumberMention } from '../types.js'

const framing = { kind: 'framing' as const, description: 'words for the vote: "approved" vs "voted"', values: [{ value: 'approved', articleIds: [idB] }, { value: 'voted', articleIds: [idA] }] }

describe('the lead', () => {
  it('counts outlets per corroborated fact, keeps framing out of disagreements, and lists omissions', () => {
    const report = smallReport()
    report.stories[0].discrepancies.push(framing)
    report.stories[0].facts[2].status = 'corroborated'
    report.stories[0].facts[2].articleIds = [idB]
    const lead = buildLead(report.stories[0], articlesById(report))
    assert.deepEqual(lead.keyFacts.map((k) => [k.fact.id, k.outlets.length]), [['f1', 2], ['f3', 1]])
    assert.deepEqual(lead.disagreements.map((d) => d.kind), ['number', 'quote-wording'])
    assert.equal(lead.framing.length, 1)
    assert.deepEqual(lead.omissions.map((o) => [o.outlet, o.facts.map((f) => f.id)]), [['Harbor Gazette', ['f3']], ['Valley Post', []]])
  })

  it('comes first in the HTML report; the rest is collapsed and counted', () => {
    const html = renderReportHtml(smallReport(), texts)
    const at = (s: string) => html.indexOf(s)
    assert.ok(at('class="lead"') > 0 && at('class="lead"') < at('All facts by outlet'))
    for (const h of ['What happened', 'Confirmed by several outlets', 'Where outlets disagree', 'What each outlet leaves out']) assert.ok(at(h) > at('class="lead"'), h)
    assert.match(html, /<details class="more" id="s0-matrix"><summary>All facts by outlet \(3\)<\/summary>/)
    assert.match(html, /<summary>Reported by one outlet only \(1\), by outlet<\/summary><h4>Valley Post \(1\)<\/h4>/)
    // each side of a disagreement quotes its outlet's sentence
    assert.match(html, /<div class="side"><div class="value">\$4\.2 million<\/div><div class="meta">Harbor Gazette<\/div>/)
    // the article texts are collapsed, and their coloured marks have a legend
    assert.match(html, /<details class="article" id="article-0">/)
    assert.match(html, /<ul class="legend">.*words stating a fact.*a quote/)
    // so do the fact matrix's cell colours
    assert.match(html, /id="s0-matrix">.*<ul class="legend">.*reports it: corroborated fact.*reports it: single-source fact.*reports it: disputed fact.*does not report it/s)
  })

  it('comes first in the Markdown report, with counts for what follows', () => {
    const md = renderReportMarkdown(smallReport(), texts)
    const at = (s: string) => md.indexOf(s)
    assert.ok(at('### What happened') < at('### Confirmed by several outlets'))
    assert.ok(at('### What each outlet leaves out') < at('### Articles') && at('### Articles') < at('### Facts'))
    assert.ok(md.includes('- **2/2** The Riverside city council voted 7-2 on Tuesday to close the Old Mill Bridge. _(Harbor Gazette, Valley Post)_'))
    assert.ok(md.includes('| Harbor Gazette | 0 of 1 | — |'))
    assert.ok(md.includes('_In detail below: 3 facts (1 corroborated, 1 disputed, 1 single-source), 2 discrepancies (0 of framing), 1 quote by 1 speaker, 3 entities, 2 dated happenings._'))
    assert.ok(md.includes('_2 articles from 2 outlets (Harbor Gazette, Valley Post) · 2024-02-14_'))
  })
})

describe('names, counts and dates for people', () => {
  it('never labels an article with a hash', () => {
    const a = { id: '1336bc07d9df2736', outlet: null, title: null }
    assert.equal(articleLabel({ ...a, source: { kind: 'text', path: 'in/003_814b9930b0476a43.txt' } }), 'Unnamed outlet (003)')
    assert.equal(articleLabel({ ...a, source: { kind: 'text', path: 'in/814b9930b0476a43.txt' } }), 'Unnamed outlet')
    assert.equal(articleLabel({ ...a, source: { kind: 'url', url: 'https://www.harbour.example/a' } }), 'harbour.example')
    assert.equal(sourceStem('x/harbour_news-0c1d2e3f4a5b.html'), 'harbour news')
  })

  it('counts named outlets as the library does, and unnamed sources apart', () => {
    const report = smallReport()
    report.articles[1].outlet = null
    assert.equal(storyCounts(report.stories[0], articlesById(report)), '2 articles from 1 outlet and 1 unnamed source')
  })

  it('dates a story by its articles, or says undated', () => {
    const report = smallReport()
    assert.equal(storyDates(report.stories[0], articlesById(report)), '2024-02-14')
    for (const a of report.articles) a.publishedAt = null
    assert.equal(storyDates(report.stories[0], articlesById(report)), 'undated')
  })

  const numbers: [number, string | undefined, string][] = [
    [2000000, 'USD', '$2 million'], [3500000000, 'EUR', '€3.5 billion'], [2000000, undefined, '2,000,000'],
    [4200, 'USD', '$4,200'], [45, 'percent', '45%'], [0.25, 'fraction', '25%'], [12, 'vote', '12'],
  ]
  for (const [value, unit, text] of numbers) it(`writes ${value} ${unit ?? ''} as ${text}`, () => assert.equal(humanNumber(value, unit), text))

  it('writes a money discrepancy\'s values as money', () => {
    const usd = (value: number, upper?: number) => ({ span: [0, 1], value, unit: 'USD', ...(upper ? { upper } : {}) }) as unknown as NumberMention
    assert.equal(formatNumber(usd(2000000)), '$2 million')
    assert.equal(formatNumber(usd(2000000, 3000000)), '$2 million-$3 million')
  })

  it('writes plurals and dates as people do', () => {
    assert.equal(plural(1, 'story', 'stories'), '1 story')
    assert.equal(plural(2, 'article'), '2 articles')
    assert.equal(humanDate('2025-08-06'), '6 Aug 2025')
    assert.equal(humanDate('2025-W32'), 'week 32, 2025')
    assert.equal(humanDate('2025-08-06T12:00'), '6 Aug 2025, 12:00')
  })
})

describe('CSV exports', () => {
  it('writes the fact x outlet matrix, one column per outlet', () => {
    const lines = renderFactsCsv(smallReport()).split('\r\n')
    assert.equal(lines[0], 'story_id,story_title,fact_id,status,outlets,independent_sources,fact,Harbor Gazette,Valley Post')
    assert.equal(lines[1], 'story-1,Riverside council votes to close Old Mill Bridge,f1,corroborated,2,2,The Riverside city council voted 7-2 on Tuesday to close the Old Mill Bridge.,1,1')
    assert.equal(lines[3], 'story-1,Riverside council votes to close Old Mill Bridge,f3,single-source,1,1,The closure begins on March 3.,,1')
  })

  it('writes one row per outlet\'s wording of a quote', () => {
    const lines = renderQuotesCsv(smallReport()).trim().split('\r\n')
    assert.equal(lines[0], 'story_id,quote_id,speaker,quote,outlet,article_id,words')
    assert.equal(lines[1], `story-1,q1,Elena Ruiz,The bridge is no longer safe for heavy trucks,Harbor Gazette,${idA},"The bridge is no longer safe for heavy trucks,"`)
    assert.equal(lines.length, 3)
  })

  it('quotes cells per RFC 4180 and defuses formulas', () => {
    assert.equal(csvCell('say "hi", twice'), '"say ""hi"", twice"')
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`)
    assert.equal(csvCell('-2 dead'), "'-2 dead")
    assert.equal(csvCell(null), '')
  })
})
