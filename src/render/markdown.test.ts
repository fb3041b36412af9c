import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { idA, idB, smallReport, textB, texts } from '../../test/fixtures/report-small.js'
import { renderArticlesMarkdown, renderClustersMarkdown } from './markdown-articles.js'
import { renderReportMarkdown } from './markdown.js'
import { creditedElsewhere } from './common.js'

/** Table rows of a Markdown document: lines that start with a pipe. */
const tableRows = (md: string): string[] => md.split('\n').filter((l) => l.startsWith('|'))

/** Cells of a GFM table row: split on pipes that are not backslash-escaped. */
const cells = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1)

/** The lines of the section under `### heading`, up to the next heading. */
function section(md: string, heading: string): string[] {
  const lines = md.split('\n')
  const start = lines.indexOf(`### ${heading}`)
  assert.ok(start >= 0, `no section ${heading}`)
  const end = lines.findIndex((l, i) => i > start && l.startsWith('### '))
  return lines.slice(start + 1, end < 0 ? undefined : end)
}

describe('renderReportMarkdown', () => {
  it('keeps every table row at its column count when text holds pipes and newlines', () => {
    const report = smallReport()
    report.articles[0].title = 'Bridge | closes\nfor | repairs'
    report.stories[0].entities[0].aliases = ['Ruiz | Mayor']
    report.stories[0].timeline[0].text = 'Vote\n| held |'
    const md = renderReportMarkdown(report, texts)
    for (const heading of ['Articles', 'Entities', 'Timeline', 'Coverage']) {
      const rows = tableRows(section(md, heading).join('\n'))
      assert.ok(rows.length >= 3, heading)
      const width = cells(rows[0]).length
      for (const row of rows) assert.equal(cells(row).length, width, `${heading}: ${row}`)
    }
    assert.ok(md.includes('Bridge \\| closes for \\| repairs'))
  })

  it('gives each summary citation a numbered reference with its outlet and the cited words', () => {
    const md = renderReportMarkdown(smallReport(), texts)
    const summary = section(md, 'What happened').join('\n')
    assert.match(summary, /for repairs\. \[1\]\[2\]/)
    assert.match(summary, /trucks\. \[3\]/)
    assert.ok(summary.includes('- [1] Harbor Gazette: “The Riverside city council voted 7-2'))
    assert.ok(summary.includes("- [2] Valley Post: “Riverside's council on Tuesday approved"))
    const cited = 'Mayor Elena Ruiz told reporters:'
    assert.ok(textB.includes(cited))
    assert.ok(summary.includes(`- [3] Valley Post: “${cited}`))
  })

  it('numbers a span cited twice once', () => {
    const report = smallReport()
    const story = report.stories[0]
    story.summary[1].citations.push(story.summary[0].citations[0])
    const summary = section(renderReportMarkdown(report, texts), 'What happened').join('\n')
    assert.match(summary, /trucks\. \[3\]\[1\]/)
    assert.equal(summary.split('\n').filter((l) => l.startsWith('- [')).length, 3)
  })

  it('prints offsets when the article texts are not given', () => {
    const report = smallReport()
    const c = report.stories[0].summary[0].citations[1]
    const summary = section(renderReportMarkdown(report), 'What happened').join('\n')
    assert.ok(summary.includes(`- [2] Valley Post: characters ${c.start}–${c.end}`))
  })

  it('groups facts by status and counts corroborating outlets', () => {
    const facts = section(renderReportMarkdown(smallReport(), texts), 'Facts').join('\n')
    const corroborated = facts.indexOf('#### Corroborated (1)')
    const single = facts.indexOf('#### Single-source (1), by outlet')
    const disputed = facts.indexOf('#### Disputed (1)')
    assert.ok(corroborated >= 0 && corroborated < single && single < disputed)
    assert.ok(facts.includes('_(2 outlets: Harbor Gazette, Valley Post)_'))
    assert.ok(facts.includes('**Valley Post** (1)\n\n- The closure begins on March 3.'))
  })

  it('draws a fact x outlet matrix with each article\'s share of the facts', () => {
    const report = smallReport()
    Object.assign(report.stories[0].coverage[0], { factCount: 2, share: 2 / 3, corroboratedShare: 1 })
    Object.assign(report.stories[0].coverage[1], { factCount: 3, share: 1, corroboratedShare: 1 })
    const rows = tableRows(section(renderReportMarkdown(report, texts), 'Facts by outlet').join('\n'))
    assert.deepEqual(cells(rows[0]).map((c) => c.trim()), ['Fact', 'Status', 'Harbor Gazette', 'Valley Post'])
    const closure = rows.find((r) => r.includes('The closure begins'))!
    assert.deepEqual(cells(closure).slice(1).map((c) => c.trim()), ['single-source', '·', '●'])
    assert.deepEqual(cells(rows.at(-1)!).slice(2).map((c) => c.trim()), ['67%', '100%'])
    // Corroborated and disputed facts come before single-source ones.
    assert.ok(rows.findIndex((r) => r.includes('corroborated')) < rows.findIndex((r) => r.includes('single-source')))
  })

  it('says how many summary sentences the check rejected, and each outlet\'s coverage share', () => {
    const report = smallReport()
    Object.assign(report.stories[0].coverage[0], { factCount: 2, share: 2 / 3, corroboratedShare: 1 })
    const md = renderReportMarkdown(report, texts)
    assert.match(section(md, 'What happened').join('\n'), /_1 candidate sentence rejected by the citation check\._/)
    const coverage = tableRows(section(md, 'Coverage').join('\n'))
    assert.equal(cells(coverage[2])[1].trim(), '67% (2 of 3)')
    assert.equal(cells(coverage[2])[2].trim(), '100%')
  })

  it('counts independent sources and names whom a fact is attributed to', () => {
    const report = smallReport()
    Object.assign(report.stories[0].facts[0], { sources: 1, attributedTo: ['the mayor'] })
    const facts = section(renderReportMarkdown(report, texts), 'Facts').join('\n')
    assert.ok(facts.includes('_(2 outlets, 1 independent source: Harbor Gazette, Valley Post; attributed to the mayor)_'))
  })

  it('says which outlets credit a source when not all of the fact\'s outlets do', () => {
    const report = smallReport()
    const fact = report.stories[0].facts[0]
    // Valley Post credits the vote to the mayor; Harbor Gazette states it in its own voice.
    fact.attributedTo = ['the mayor']
    fact.support[1].attributedTo = 'the mayor'
    const one = section(renderReportMarkdown(report, texts), 'Facts').join('\n')
    assert.ok(one.includes('; attributed to the mayor (by Valley Post))_'), one)
    // Both outlets credit the mayor: no outlet is singled out.
    fact.support[0].attributedTo = 'the mayor'
    const both = section(renderReportMarkdown(report, texts), 'Facts').join('\n')
    assert.ok(both.includes('; attributed to the mayor)_'), both)
  })

  it('compares outlets, not articles: an outlet with two articles on the fact, one crediting the source, credits it', () => {
    const fact = {
      text: 'The ferry will stop on Sunday.',
      status: 'corroborated' as const,
      attributedTo: ['the harbor master'],
      articleIds: ['a1', 'a2', 'b1'],
      support: [
        { articleId: 'a1', start: 0, end: 5, attributedTo: 'the harbor master' },
        { articleId: 'a2', start: 0, end: 5, attributedTo: null },
        { articleId: 'b1', start: 0, end: 5, attributedTo: null },
      ],
    }
    const outletOf = (id: string) => (id.startsWith('a') ? 'Harbor Gazette' : 'Valley Post')
    assert.deepEqual(creditedElsewhere(fact, outletOf), [{ name: 'the harbor master', outlets: ['Harbor Gazette'] }])
    fact.support[2].attributedTo = 'the harbor master'
    assert.deepEqual(creditedElsewhere(fact, outletOf), [{ name: 'the harbor master', outlets: null }])
  })

  it('names every source of a disputed fact, the one its text gives too', () => {
    const report = smallReport()
    const disputed = report.stories[0].facts.find((f) => f.status === 'disputed')!
    Object.assign(disputed, { text: 'The city engineer said the repairs will cost about $4 million.', attributedTo: ['the city engineer', 'the council treasurer'] })
    const facts = section(renderReportMarkdown(report, texts), 'Facts').join('\n')
    assert.match(facts, /attributed to the city engineer, the council treasurer\)_/)
  })

  it('marks a timeline event that another outlet dates differently', () => {
    const report = smallReport()
    report.stories[0].timeline[1].otherDates = [{ date: '2024-03-04', articleIds: [idA] }]
    const rows = tableRows(section(renderReportMarkdown(report, texts), 'Timeline').join('\n'))
    assert.equal(cells(rows.find((r) => r.includes('The closure begins'))!)[4].trim(), '⚠ 2024-03-04 (Harbor Gazette)')
  })

  it('says whose date a timeline row read from the story’s day', () => {
    const report = smallReport()
    Object.assign(report.stories[0].timeline[1], { articleIds: [idA, idB], storyDayFor: [idA] })
    const rows = tableRows(section(renderReportMarkdown(report, texts), 'Timeline').join('\n'))
    assert.match(cells(rows.find((r) => r.includes('The closure begins'))!)[3], /dated from the story's day: Harbor Gazette\)/)
    // When every outlet of the row is so dated, it says so without repeating them.
    Object.assign(report.stories[0].timeline[1], { articleIds: [idA], storyDayFor: [idA] })
    const alone = tableRows(section(renderReportMarkdown(report, texts), 'Timeline').join('\n'))
    assert.match(cells(alone.find((r) => r.includes('The closure begins'))!)[3], /^\s*Harbor Gazette \(dated from the story's day\)\s*$/)
    assert.ok(!rows.filter((r) => !r.includes('The closure begins')).some((r) => r.includes("story's day")))
  })

  it('lists quotes under their speaker with each outlet’s wording', () => {
    const quotes = section(renderReportMarkdown(smallReport(), texts), 'Quotes by speaker').join('\n')
    assert.ok(quotes.includes('#### Elena Ruiz'))
    assert.ok(quotes.includes('  - Harbor Gazette: “The bridge is no longer safe for heavy trucks,”'))
    assert.ok(quotes.includes('  - Valley Post: “The bridge is no longer safe for trucks.”'))
    assert.ok(quotes.includes('2 wordings'))
  })

  it('escapes Markdown and HTML syntax in article-derived text', () => {
    const report = smallReport()
    report.stories[0].summary[0].text = 'Click [here](http://x.example) <script>alert(1)</script> *now*'
    const md = renderReportMarkdown(report, texts)
    assert.ok(md.includes('Click \\[here\\](http://x.example) \\<script\\>alert(1)\\</script\\> \\*now\\*'))
    assert.ok(!md.includes('<script>'))
  })
})

describe('renderArticlesMarkdown', () => {
  const article = fixtureArticle({
    text: 'The mayor said "we will rebuild | fast" on Monday.\nSecond paragraph.',
    outlet: 'Test Times',
    title: 'Mayor | vows rebuild',
    quotes: [{ text: 'we will rebuild | fast', speaker: 'Ana Park' }],
    entities: [{ text: 'mayor', type: 'person', name: 'Ana Park' }],
    dates: [{ text: 'Monday', value: '2024-05-06', granularity: 'day', inferred: true }],
  })

  it('shows metadata, removed pieces, annotations and clean text', () => {
    const md = renderArticlesMarkdown([{ ...article, removed: [{ text: 'Sign up now', reason: 'newsletter' }] }])
    assert.ok(md.startsWith('## Mayor \\| vows rebuild\n'))
    assert.ok(md.includes('- **Outlet**: Test Times'))
    assert.ok(md.includes('- _newsletter_: Sign up now'))
    assert.ok(md.includes('- “we will rebuild \\| fast” — Ana Park (direct)'))
    assert.ok(md.includes('- Monday → 2024-05-06 (day, inferred)'))
    assert.ok(md.includes('Second paragraph.'))
  })

  it('leaves out annotation lists for extract-only articles', () => {
    const { sentences: _s, entities: _e, quotes: _q, numbers: _n, dates: _d, ...plain } = article
    const md = renderArticlesMarkdown([plain])
    assert.ok(!md.includes('### Annotations'))
    assert.ok(md.includes('### Text'))
  })
})

describe('renderClustersMarkdown', () => {
  it('lists each story’s articles with what joined them', () => {
    const why = smallReport().stories[0].why ?? []
    const md = renderClustersMarkdown([{ id: 's1', articleIds: [idA, idB], why }], new Map([
      [idA, { title: 'Bridge vote', outlet: { name: 'Harbor Gazette' } }],
      [idB, { title: 'Bridge | closes', outlet: null }],
    ]))
    const rows = tableRows(md)
    assert.equal(rows.length, 4)
    assert.ok(rows[2].includes('Harbor Gazette: Bridge vote') && rows[2].includes('started the story'))
    assert.ok(rows[3].includes('| 0.62 |') && rows[3].includes('old mill bridge, riverside, council'))
    assert.equal(cells(rows[3]).length, 5)
  })
})
