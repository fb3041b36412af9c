import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { buildStory, reportArticle } from '../pipeline.js'
import { renderReportHtml } from '../render/html.js'
import { renderReportMarkdown } from '../render/markdown.js'
import { buildTimeline } from './timeline.js'

describe('buildTimeline', () => {
  const a = fixtureArticle({
    outlet: 'A',
    text: 'Updated August 6, 2025\nThe envoy arrived in Moscow on Wednesday for talks with the president. In April, the envoy first visited Russia. Sanctions are due in 2026 unless a deal is struck.',
    dates: [
      { text: 'August 6, 2025', value: '2025-08-06', granularity: 'day' },
      { text: 'Wednesday', value: '2025-08-06', granularity: 'day', inferred: true },
      { text: 'April', value: '2025-04', granularity: 'month' },
      { text: '2026', value: '2026', granularity: 'year' },
    ],
  })
  const b = fixtureArticle({
    outlet: 'B',
    text: 'The envoy arrived in Moscow for talks with the president on August 6. The Friday deadline expires on August 8. The war has dragged on through 2025 with no end in sight.',
    dates: [
      { text: 'August 6', value: '2025-08-06', granularity: 'day' },
      { text: 'August 8', value: '2025-08-08', granularity: 'day' },
      { text: '2025', value: '2025', granularity: 'year' },
    ],
  })

  it('groups the same event across articles and skips the publication stamp', () => {
    const { timeline } = buildTimeline([a, b])
    const arrival = timeline.filter((e) => e.date === '2025-08-06')
    assert.equal(arrival.length, 1, JSON.stringify(arrival))
    assert.deepEqual([...arrival[0].articleIds].sort(), [a.id, b.id].sort())
    assert.match(arrival[0].text, /arrived in Moscow/)
    assert.ok(!timeline.some((e) => /Updated/.test(e.text)), 'stamp line skipped')
    // Support spans point at the clause around the date in each article.
    for (const s of arrival[0].support!) {
      const text = (s.articleId === a.id ? a : b).text.slice(s.start, s.end)
      assert.match(text, /arrived in Moscow/)
    }
  })

  it('sorts by date, coarser granularity first', () => {
    const { timeline } = buildTimeline([a, b])
    assert.deepEqual(
      timeline.map((e) => [e.date, e.granularity]),
      [['2025', 'year'], ['2025-04', 'month'], ['2025-08-06', 'day'], ['2025-08-08', 'day'], ['2026', 'year']],
    )
  })

  it('reports one event given different dates by different articles', () => {
    const c = fixtureArticle({
      outlet: 'C',
      text: 'The envoy arrived in Moscow for talks with the president on August 5.',
      dates: [{ text: 'August 5', value: '2025-08-05', granularity: 'day' }],
    })
    const { discrepancies } = buildTimeline([b, c])
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    assert.equal(discrepancies[0].kind, 'date')
    assert.match(discrepancies[0].description, /^date of .*arrived in Moscow/)
    assert.deepEqual(
      discrepancies[0].values.map((v) => [v.value, v.articleIds]).sort(),
      [['2025-08-05', [c.id]], ['2025-08-06', [b.id]]],
    )
    // Each value points at the date words of its article.
    for (const v of discrepancies[0].values) for (const s of v.support ?? []) assert.match([b, c].find((x) => x.id === s.articleId)!.text.slice(s.start, s.end), /August 5|Wednesday|\d/)
    // The timeline entries of both sides name the other date.
    const { timeline } = buildTimeline([b, c])
    const arrival = timeline.find((e) => e.date === '2025-08-05')
    assert.deepEqual(arrival?.otherDates, [{ date: '2025-08-06', articleIds: [b.id] }])
    assert.deepEqual(timeline.find((e) => e.otherDates && e.date === '2025-08-06')?.otherDates, [{ date: '2025-08-05', articleIds: [c.id] }])
  })

  it('does not set outlets a day apart against each other over "tonight" inside a quotation', () => {
    const quote = 'Every family is back home tonight and the bridge is open again'
    const evening = fixtureArticle({
      outlet: 'Evening Post',
      text: `The mayor wrote on social media: “${quote}.” Crews cleared the road.`,
      publishedAt: '2026-05-12',
      quotes: [{ text: quote, speaker: 'Mayor Ana Ruiz' }],
      dates: [{ text: 'tonight', value: '2026-05-12', granularity: 'day', inferred: true }],
    })
    const morning = fixtureArticle({
      outlet: 'Morning Star',
      text: `The mayor wrote on social media: “${quote}.” Schools reopen on Monday.`,
      publishedAt: '2026-05-13',
      quotes: [{ text: quote, speaker: 'Mayor Ana Ruiz' }],
      dates: [{ text: 'tonight', value: '2026-05-13', granularity: 'day', inferred: true }],
    })
    assert.deepEqual(buildTimeline([evening, morning]).discrepancies, [])
    // The same words dated apart in the outlets' own narrative still disagree.
    const own = (outlet: string, day: string, value: string) =>
      fixtureArticle({ outlet, text: `The bridge over the Rell river reopened to traffic on ${day} after the flood.`, publishedAt: '2026-05-13', dates: [{ text: day, value, granularity: 'day', inferred: true }] })
    assert.equal(buildTimeline([own('Evening Post', 'Tuesday', '2026-05-12'), own('Morning Star', 'Wednesday', '2026-05-13')]).discrepancies.length, 1)
  })

  it('reports one happening dated at the same word by two outlets, however else worded', () => {
    const x = fixtureArticle({
      outlet: 'X',
      text: 'The harbour master for the eastern district had to apologize Saturday for a radio remark about the ferry crews during the storm.',
      dates: [{ text: 'Saturday', value: '2025-08-09', granularity: 'day' }],
    })
    const y = fixtureArticle({
      outlet: 'Y',
      text: 'A port official on Friday apologized for a radio remark that mocked the ferry crews at the height of the storm.',
      dates: [{ text: 'Friday', value: '2025-08-08', granularity: 'day' }],
    })
    const { discrepancies } = buildTimeline([x, y])
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    assert.deepEqual(discrepancies[0].values.map((v) => v.value).sort(), ['2025-08-08', '2025-08-09'])
    // A date beside a word of saying is when it was said: it anchors nothing.
    const said = fixtureArticle({
      text: 'The harbour master for the eastern district said Saturday that a radio remark about the ferry crews during the storm was wrong.',
      dates: [{ text: 'Saturday', value: '2025-08-09', granularity: 'day' }],
    })
    assert.deepEqual(buildTimeline([said, y]).discrepancies, [])
  })

  it('reports an event given three dates as one discrepancy with three values', () => {
    // Each text differs (an article's id is its text's hash) while the event words stay alike.
    const arrival = (outlet: string, day: string, value: string) =>
      fixtureArticle({ outlet, text: `The envoy arrived in Moscow for talks with the president on ${day}, ${outlet} reported.`, dates: [{ text: day, value, granularity: 'day' }] })
    const articles = [arrival('C', 'August 5', '2025-08-05'), arrival('D', 'August 4', '2025-08-04'), arrival('E', 'August 5', '2025-08-05')]
    const { discrepancies, timeline } = buildTimeline([b, ...articles])
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    const [top, ...rest] = discrepancies[0].values.map((v) => [v.value, v.articleIds.length])
    assert.deepEqual(top, ['2025-08-05', 2], 'the date most articles give comes first')
    assert.deepEqual(rest.sort(), [['2025-08-04', 1], ['2025-08-06', 1]])
    const onFifth = timeline.find((e) => e.date === '2025-08-05')
    assert.deepEqual(onFifth?.otherDates?.map((o) => o.date).sort(), ['2025-08-04', '2025-08-06'])
  })

  it('surfaces an event dated differently in the story report, its Markdown and its HTML', () => {
    const c = fixtureArticle({
      outlet: 'C',
      text: 'The envoy arrived in Moscow for talks with the president on August 5.',
      dates: [{ text: 'August 5', value: '2025-08-05', granularity: 'day' }],
    })
    const story = buildStory({ id: 's_dates', articleIds: [b.id, c.id], why: [] }, [b, c])
    const conflict = story.discrepancies.find((d) => /^date of/.test(d.description))
    assert.ok(conflict, JSON.stringify(story.discrepancies))
    assert.ok(story.timeline.some((e) => e.date === '2025-08-05' && e.otherDates?.[0].date === '2025-08-06'))
    const report = { schemaVersion: 1 as const, articles: [b, c].map(reportArticle), stories: [story] }
    const texts = new Map([b, c].map((x) => [x.id, x.text]))
    const md = renderReportMarkdown(report, texts)
    assert.match(md, /\| 2025-08-05 \| day \|.*\| ⚠ 2025-08-06 \(B\) \|/)
    assert.match(md, /date of .*arrived in Moscow/)
    assert.match(renderReportHtml(report, texts), /dated otherwise: 2025-08-06 \(B\)/)
  })

  it('does not report different events on different dates', () => {
    const { discrepancies } = buildTimeline([a, b])
    assert.deepEqual(discrepancies, [])
  })

  it('keeps event text to the clause around the date', () => {
    const long = fixtureArticle({
      text: 'After weeks of stalled contacts and repeated threats of new tariffs on buyers of Russian oil, the envoy finally arrived in Moscow on Wednesday, and he was greeted at the airport by a delegation of officials from the sovereign wealth fund and the foreign ministry.',
      dates: [{ text: 'Wednesday', value: '2025-08-06', granularity: 'day' }],
    })
    const [entry] = buildTimeline([long]).timeline
    assert.ok(entry.text.split(/\s+/).length <= 25, entry.text)
    assert.match(entry.text, /arrived in Moscow on Wednesday/)
  })

  it('joins differently worded mentions of one deadline and keeps apart two events of one past day', () => {
    const day = (text: string, value: string) => ({ text, value, granularity: 'day' as const })
    const articles = [
      fixtureArticle({ outlet: 'A', publishedAt: '2026-05-12', text: 'The council gave the contractor until Friday to reopen the bridge. A barge struck the pier on Monday.', dates: [day('Friday', '2026-05-15'), day('Monday', '2026-05-11')] }),
      fixtureArticle({ outlet: 'B', publishedAt: '2026-05-12', text: 'The contractor must meet the Friday deadline or pay a fine, the mayor said. Schools in the town closed early on Monday because of a storm.', dates: [day('Friday', '2026-05-15'), day('Monday', '2026-05-11')] }),
      fixtureArticle({ outlet: 'C', publishedAt: '2026-05-12', text: 'Repairs to the bridge must be finished by Friday, officials said.', dates: [day('Friday', '2026-05-15')] }),
    ]
    const { timeline } = buildTimeline(articles)
    const friday = timeline.filter((e) => e.date === '2026-05-15')
    assert.equal(friday.length, 1, JSON.stringify(friday))
    assert.deepEqual([...friday[0].articleIds].sort(), articles.map((a) => a.id).sort())
    const monday = timeline.filter((e) => e.date === '2026-05-11')
    assert.equal(monday.length, 2, 'the barge and the school closure are two events')
  })

  it('keeps a clock time whole in the event text', () => {
    const a = fixtureArticle({ text: 'After a long delay the last train of the night left the station at 23:40 with forty passengers aboard, the operator said.', dates: [{ text: '23:40', value: '2026-05-11T23:40', granularity: 'time' }] })
    const [entry] = buildTimeline([a], { maxWords: 12 }).timeline
    assert.match(entry.text, /at 23:40 with forty passengers/)
  })
})
