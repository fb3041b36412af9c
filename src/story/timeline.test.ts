import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { buildStory, reportArticle } from '../pipeline.js'
import { renderReportHtml } from '../render/html.js'
import { renderReportMarkdown } from '../render/markdown.js'
import { buildTimeline } from './timeline.js'

describe('buildTimeline', () => {
  const day = (text: string, value: string, occurrence?: number) => ({ text, value, granularity: 'day' as const, ...(occurrence !== undefined ? { occurrence } : {}) })
  /** An invented outlet's article with its dates given. */
  const report = (outlet: string, publishedAt: string, text: string, dates: ReturnType<typeof day>[]) => fixtureArticle({ outlet, publishedAt, text, dates })
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

  it('a date a comparison is made against dates nothing, an amount of time before a date still does', () => {
    const c = fixtureArticle({
      outlet: 'C',
      publishedAt: '2025-08-06T12:00:00Z',
      text: 'The harbor is busier on Wednesday than it was last week, the port office said. The dredging began more than two years ago.',
      dates: [
        { text: 'Wednesday', value: '2025-08-06', granularity: 'day' },
        { text: 'last week', value: '2025-W31', granularity: 'week' },
        { text: 'two years ago', value: '2023', granularity: 'year' },
      ],
    })
    const { timeline } = buildTimeline([c])
    assert.deepEqual(timeline.map((e) => e.date).sort(), ['2023', '2025-08-06'])
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

  it('dates no event by an editor\'s label or in an editor\'s notice', () => {
    const labelled = fixtureArticle({
      publishedAt: '2025-08-06',
      text: 'UPDATE: 4:10 p.m. -- The envoy left Moscow after the talks ended.\n\nCorrection: An earlier version said the talks were held on Tuesday, not Wednesday.',
      dates: [
        { text: '4:10 p.m.', value: '2025-08-06T16:10', granularity: 'time' as const },
        { text: 'Tuesday', value: '2025-08-05', granularity: 'day' },
        { text: 'Wednesday', value: '2025-08-06', granularity: 'day' },
      ],
    })
    assert.deepEqual(buildTimeline([labelled]).timeline, [])
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
    const articles = [
      report('A', '2026-05-12', 'The council gave the contractor until Friday to reopen the bridge. A barge struck the pier on Monday.', [day('Friday', '2026-05-15'), day('Monday', '2026-05-11')]),
      report('B', '2026-05-12', 'The contractor must meet the Friday deadline or pay a fine, the mayor said. Schools in the town closed early on Monday because of a storm.', [day('Friday', '2026-05-15'), day('Monday', '2026-05-11')]),
      report('C', '2026-05-12', 'Repairs to the bridge must be finished by Friday, officials said.', [day('Friday', '2026-05-15')]),
    ]
    const { timeline } = buildTimeline(articles)
    const friday = timeline.filter((e) => e.date === '2026-05-15')
    assert.equal(friday.length, 1, JSON.stringify(friday))
    assert.deepEqual([...friday[0].articleIds].sort(), articles.map((a) => a.id).sort())
    const monday = timeline.filter((e) => e.date === '2026-05-11')
    assert.equal(monday.length, 2, 'the barge and the school closure are two events')
  })

  it('joins the one thing each outlet dates to a day, worded apart, and not what an outlet dates twice', () => {
    const x = report('X', '2026-05-14', 'The mayor unveiled the flood barrier plan in a speech on Thursday night at the town hall. Residents will vote on it in June.', [day('Thursday', '2026-05-07')])
    const y = fixtureArticle({
      outlet: 'Y',
      publishedAt: '2026-05-14',
      text: 'The remarks she made last Thursday, calling the barrier "the town\'s best insurance", drew applause from shop owners.',
      dates: [day('last Thursday', '2026-05-07')],
    })
    const joined = buildTimeline([x, y]).timeline.filter((e) => e.date === '2026-05-07')
    assert.equal(joined.length, 1, JSON.stringify(joined))
    assert.deepEqual([...joined[0].articleIds].sort(), [x.id, y.id].sort())
    // An outlet dating two things to that day: which of them the other outlet's is, the words must say.
    const z = report('Z', '2026-05-14', 'The council approved the barrier budget on Thursday. A water main burst near the market on Thursday, flooding two streets.', [day('Thursday', '2026-05-07'), day('Thursday', '2026-05-07', 1)])
    const apart = buildTimeline([y, z]).timeline.filter((e) => e.date === '2026-05-07')
    assert.ok(apart.every((e) => e.articleIds.length === 1), JSON.stringify(apart))
  })

  it('grows a row by the only-one rule only when every outlet in it shares words with the newcomer, on a day, not on date words', () => {
    const rowsOn = (value: string, ...texts: string[]) => {
      const articles = texts.map((text, k) => fixtureArticle({ outlet: `O${k}`, publishedAt: '2026-05-14', text, dates: [day(text.match(/\b(?:Thursday|Friday)\b/)![0], value)] }))
      // Each row as the indexes of its outlets.
      return buildTimeline(articles)
        .timeline.filter((e) => e.date === value)
        .map((e) => e.articleIds.map((id) => articles.findIndex((a) => a.id === id)).sort())
    }
    // Three outlets, each the one thing it dates Thursday, each sharing words with both others: one row.
    assert.deepEqual(rowsOn('2026-05-07', 'The mayor unveiled the flood barrier plan on Thursday night at the town hall.', 'Her speech on Thursday about the barrier was cheered by shop owners.', 'The remarks she made last Thursday, calling the barrier "the best insurance", drew applause.'), [[0, 1, 2]])
    // X and Y share "yard", Y and Z "ship", X and Z nothing: no row holds both X and Z.
    const chain = rowsOn('2026-05-08', 'The union warned on Friday of deep cuts at the repair yard next year.', 'The navy ship returned to the repair yard on Friday after a long refit.', 'A sailor from the navy ship was arrested on Friday in a bar fight downtown.')
    assert.ok(!chain.some((row) => row.includes(0) && row.includes(2)), JSON.stringify(chain))
    // "night" belongs to the date: a blockade and a resignation that night are two happenings.
    assert.deepEqual(rowsOn('2026-05-07', 'Protesters blocked the main bridge on Thursday night for several hours.', 'The mayor resigned on Thursday night after losing the confidence vote.').length, 2)
    // A week holds many happenings: one shared word ("hospital") does not join two mentions of it, three do.
    const week = (text: string) => fixtureArticle({ outlet: text.slice(0, 3), publishedAt: '2026-05-14', text, dates: [{ text: 'last week', value: '2026-W19', granularity: 'week' }] })
    const weekRows = buildTimeline([week('The health board closed the maternity ward at the hospital last week, citing staff shortages.'), week('A nurse at the hospital was attacked in the car park last week, police said.')]).timeline
    assert.equal(weekRows.length, 2, JSON.stringify(weekRows))
    const letters = buildTimeline([week('The councillor last week dismissed the engineers\' letters, claiming they did not speak for every engineer.'), week('The councillor said last week the letters do not represent the views of all engineers.')]).timeline
    assert.equal(letters.length, 1, JSON.stringify(letters))
  })

  it('sets the other outlets of a row against an outlet that dates the same thing apart', () => {
    // X dates the post Friday and the apology Saturday; Y dates the apology Friday. X's post and
    // Y's apology, each the one thing its outlet dates Friday, share a row; the apology still has two dates.
    const x = report('X', '2026-03-02', 'The councillor wrote an online post about the beach lifeguards on Friday. He issued an apology Saturday for the online post mocking the beach lifeguards, his office said.', [day('Friday', '2026-02-27'), day('Saturday', '2026-02-28')])
    const y = report('Y', '2026-03-02', 'A councillor on Friday issued an apology for an online post mocking the beach lifeguards.', [day('Friday', '2026-02-27')])
    const { timeline, discrepancies } = buildTimeline([x, y])
    const row = timeline.filter((e) => e.date === '2026-02-27')
    assert.equal(row.length, 1, JSON.stringify(row))
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    const friday = discrepancies[0].values.find((v) => v.value === '2026-02-27')
    const saturday = discrepancies[0].values.find((v) => v.value === '2026-02-28')
    assert.deepEqual(friday?.articleIds, [y.id], 'Friday is Y\'s date of the apology, not X\'s (X dates its post Friday)')
    assert.deepEqual(saturday?.articleIds, [x.id])
    assert.match(discrepancies[0].description, /apology/, 'worded by the apology, not by the post beside it in the row')
    // X is in the Friday row for its post: that row does not say X dates it Saturday.
    assert.ok(!(row[0].otherDates ?? []).some((d) => d.articleIds.includes(x.id)), JSON.stringify(row[0].otherDates))
  })

  it('gives no second date to what an outlet dates alike when the same outlet dates another thing apart', () => {
    const x = report('X', '2026-04-10', 'The flood relief bill passed the Senate on Tuesday with a wide margin. The flood relief bill passed the House on Wednesday with a wide margin.', [day('Tuesday', '2026-04-07'), day('Wednesday', '2026-04-08')])
    const y = report('Y', '2026-04-10', 'The flood relief bill passed the Senate on Tuesday with a wide margin, the governor noted.', [day('Tuesday', '2026-04-07')])
    assert.deepEqual(buildTimeline([x, y]).discrepancies, [])
  })

  it('still sets two clauses of one sentence apart when another outlet dates one of them otherwise', () => {
    const a = report('A', '2026-03-06', 'The mayor of Tarsen was arrested by police on Monday, and he was released on bail on Wednesday after questioning.', [day('Monday', '2026-03-02'), day('Wednesday', '2026-03-04')])
    const c = report('C', '2026-03-06', 'The mayor of Tarsen was released on bail on Monday after questioning.', [day('Monday', '2026-03-02')])
    const { discrepancies } = buildTimeline([a, c])
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    assert.match(discrepancies[0].description, /released on bail/)
  })

  it('credits a date discrepancy to the outlets whose words give the happening that date, not to the rest of a row', () => {
    const x = report('X', '2026-04-10', 'The council approved the barrier budget on Friday after a long debate.', [day('Friday', '2026-04-03')])
    const y = report('Y', '2026-04-10', 'A water main burst near the fish market on Friday, delaying the barrier works.', [day('Friday', '2026-04-03')])
    const z = report('Z', '2026-04-10', 'A water main burst near the fish market on Saturday, delaying the barrier works.', [day('Saturday', '2026-04-04')])
    const { discrepancies } = buildTimeline([x, y, z])
    assert.equal(discrepancies.length, 1, JSON.stringify(discrepancies))
    assert.match(discrepancies[0].description, /water main/)
    const values = Object.fromEntries(discrepancies[0].values.map((v) => [v.value, v.articleIds]))
    assert.deepEqual(values, { '2026-04-03': [y.id], '2026-04-04': [z.id] })
  })

  it('does not set a happening told as a repeat against the earlier one', () => {
    const x = report('X', '2026-04-10', 'The mayor and the harbour master met on Sunday afternoon at the town hall.', [day('Sunday', '2026-04-05')])
    const y = report('Y', '2026-04-10', 'Thursday night’s meeting of the mayor and the harbour master at the town hall was the second time in a week they met.', [day('Thursday', '2026-04-09')])
    assert.deepEqual(buildTimeline([x, y]).discrepancies, [])
    // Without the words that make it a repeat, the two dates disagree.
    const z = report('Z', '2026-04-10', 'The mayor and the harbour master met on Thursday night at the town hall.', [day('Thursday', '2026-04-09')])
    assert.equal(buildTimeline([x, z]).discrepancies.length, 1)
    // Two outlets both telling the repeat still disagree on its date.
    const w = report('W', '2026-04-10', 'Friday night’s meeting of the mayor and the harbour master at the town hall was the second time in a week they met.', [day('Friday', '2026-04-10')])
    assert.equal(buildTimeline([y, w]).discrepancies.length, 1)
  })

  it('keeps a clock time whole in the event text', () => {
    const a = fixtureArticle({ text: 'After a long delay the last train of the night left the station at 23:40 with forty passengers aboard, the operator said.', dates: [{ text: '23:40', value: '2026-05-11T23:40', granularity: 'time' }] })
    const [entry] = buildTimeline([a], { maxWords: 12 }).timeline
    assert.match(entry.text, /at 23:40 with forty passengers/)
  })
})
