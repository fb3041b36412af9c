// Issue #17 point 6 on articles written for these tests (four invented outlets on one invented
// strike), run through the real extract and enrich stages: the summary leads with what most
// outlets report, never says one fact twice, never states a quoted opinion in its own voice; the
// timeline has one row per happening, with dates the text supports.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { alignFacts } from '../compare/facts.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { isNarrative, summarize } from './summary.js'
import { prepareHappening, sameHappening } from './same.js'
import { buildTimeline } from './timeline.js'
import type { Annotated } from '../types.js'

function article(outlet: string, text: string, publishedAt: string): Annotated {
  const bytes = new TextEncoder().encode(`${outlet}\n\n${text}`)
  return annotate(extractArticle({ source: { kind: 'text', path: `${outlet}.txt` }, bytes, publishedAt }))
}

// Wednesday 2026-03-11: "Monday" is 2026-03-09, "Tuesday" 2026-03-10.
const PORT: [string, string][] = [
  [
    'Harbour Times',
    'Marta Oyelaran has loaded cargo ships in Valdera for twenty-two years and says the cranes have never stood still this long.\n\n' +
      'Dockworkers at the port of Valdera walked off the job on Monday after talks on crane safety collapsed.\n\n' +
      'The union said 1,400 workers joined the strike on Monday.\n\n' +
      'The board’s offer was “an insult to every family on the waterfront.”\n\n' +
      'Container vessels were diverted to Port Ardent on Tuesday, shipping lines said.',
  ],
  [
    'Coast Ledger',
    'Dockworkers at the port of Valdera walked off the job on Monday after talks over crane safety collapsed.\n\n' +
      'The union’s letter to the harbour board was blunt: “The harbour board has ignored the safety of crane crews for a decade and must answer for every injury on the quays.”\n\n' +
      'Shipping lines began diverting container vessels to Port Ardent on Tuesday.',
  ],
  [
    'Valdera Post',
    'Shipping lines began diverting container vessels to Port Ardent on Tuesday, two days after dockworkers at the port of Valdera walked off the job.\n\n' +
      'The harbour board has ignored the safety of crane crews for a decade and must answer for every injury on the quays.\n\n' +
      'The walkout at the port of Valdera began on Monday after talks on crane safety collapsed, and the union said 1,400 workers joined it.',
  ],
  [
    'Regional Wire',
    'The board’s offer was “an insult to every family on the waterfront.”\n\n' +
      'Dockworkers at the port of Valdera walked off the job on Monday after talks on crane safety collapsed, the union said.\n\n' +
      'The harbour board said it would meet union leaders again on Thursday.',
  ],
]

const port = PORT.map(([outlet, text]) => article(outlet, text, '2026-03-11'))
const portFacts = alignFacts(port).facts

describe('summary: leads with the news, once, in its own voice', () => {
  const { summary } = summarize(port, portFacts, { maxSentences: 5 })
  const outlets = (i: number) => new Set(summary[i].citations.map((c) => c.articleId)).size

  it('opens with the fact most outlets report, citing all of them', () => {
    assert.match(summary[0].text, /walked off the job on Monday/, summary.map((s) => s.text).join(' | '))
    assert.equal(outlets(0), 4)
    for (let i = 1; i < summary.length; i++) assert.ok(outlets(i) <= outlets(i - 1), `sentence ${i + 1} cites more outlets than the one before it`)
  })

  it('never states the walkout twice, though every outlet words it its own way', () => {
    const walkout = summary.filter((s) => /walk(?:ed|out)/.test(s.text))
    assert.equal(walkout.length, 1, summary.map((s) => s.text).join(' | '))
    for (const [i, a] of summary.entries()) {
      for (const b of summary.slice(i + 1)) assert.ok(!sameHappening(a.text, b.text), `${a.text} / ${b.text}`)
    }
  })

  it('does not state a quoted opinion as narrative, from a quotation or a letter another outlet quotes', () => {
    assert.ok(!summary.some((s) => /an insult/.test(s.text)), 'an unattributed quoted opinion')
    assert.ok(!summary.some((s) => /has ignored the safety/.test(s.text)), "the union letter's words, quoted by one outlet, printed bare by another")
    assert.ok(summary.some((s) => /diverting container vessels/.test(s.text)), 'the diversion (three outlets) is summarised instead')
  })
})

describe('isNarrative', () => {
  const table: [string, boolean][] = [
    ['The offer was “an insult to every family on the waterfront.”', false],
    ['The offer was “an insult to every family on the waterfront,” the union said.', true],
    ['Union leader Ada Brenn called the offer “an insult to every family.”', true],
    ['I have always believed the quays must be safe for every crew.', false],
    ['You have a right to a harbour board that listens to its workers.', false],
    ['The US Coast Guard closed the channel to us-bound tankers on Monday.', true],
    ['The board met the union on Monday and made a new offer.', true],
    ['Harbour master Ines Vale, left, at the quay in March.CreditPia Lund/Reuters', false],
    ['The statement was signed by Valdera Sen. Ora Mikkel and former Sens.', false],
    ['The union said: “We will not go back without new cranes.', false],
    ['Ada Brenn, Ola Mikkel, Ines Vale and Per Lund of the Harbour Board', false],
    ['Ada Brenn, Ola Mikkel and Ines Vale signed the letter to the board.', true],
    ['Dockers Walk Out at Port Rell', false],
    ['Harbour Master Ines Vale fired Chief Engineer Ola Mikkel on Tuesday.', true],
  ]
  for (const [text, want] of table) it(text, () => assert.equal(isNarrative(text), want))
})

describe('sameHappening', () => {
  const table: [string, string, boolean][] = [
    ['Dockworkers walked off the job at the port of Valdera on Monday.', 'On Monday dockworkers at the Valdera port walked off the job.', true],
    ['The union said 1,400 workers joined the strike.', 'The union said 1,900 workers joined the strike.', false],
    ['Dockworkers walked off the job at the port of Valdera.', 'Dockworkers walked off the job at the port of Ostrava.', false],
    ['Shipping lines diverted container vessels to Port Ardent.', 'The harbour board met union leaders again.', false],
  ]
  for (const [a, b, want] of table) it(`${a} / ${b}`, () => assert.equal(sameHappening(prepareHappening(a), b), want))
})

describe('timeline: one row per happening, dated as the text supports', () => {
  it('merges one happening three outlets date in their own words into one row listing all three', () => {
    const { timeline } = buildTimeline(port, { facts: portFacts })
    const diversion = timeline.filter((t) => /divert/.test(t.text))
    assert.equal(diversion.length, 1, JSON.stringify(timeline.map((t) => [t.date, t.text])))
    assert.equal(diversion[0].date, '2026-03-10')
    const ids = new Set(diversion[0].articleIds)
    for (const i of [0, 1, 2]) assert.ok(ids.has(port[i].id), `${PORT[i][0]} is listed on the diversion row`)
    const walkout = timeline.filter((t) => t.date === '2026-03-09' && /walk(?:ed|out)/.test(t.text))
    assert.equal(walkout.length, 1, JSON.stringify(timeline.map((t) => [t.date, t.text])))
    assert.equal(walkout[0].articleIds.length, 4)
  })

  it('keeps "the Sept. 11 attacks" and "9/11" off the timeline as dates of the publication year', () => {
    const vote = [
      article('Capitol Daily', 'Relatives of people killed in the Sept. 11 attacks gathered outside the chamber on Tuesday as senators voted on the bill.\n\nNine of the 19 Sept. 11 hijackers had trained in one city, a report found.', '2016-09-28'),
      article('Evening Record', 'Senators voted on Tuesday on the bill backed by 9/11 families, who gathered outside the chamber.', '2016-09-28'),
    ]
    const { timeline } = buildTimeline(vote)
    assert.ok(!timeline.some((t) => t.date.startsWith('2016-09-1') || t.date === '2016-09' || t.date.startsWith('2011')), JSON.stringify(timeline))
    assert.ok(timeline.some((t) => t.date === '2016-09-27' && t.articleIds.length === 2), JSON.stringify(timeline))
  })

  it('dates a future "November election" in a June article to the coming November', () => {
    const race = [article('Lakeside Courier', 'Voters in Ostmark will choose a new mayor in the November election, the election board said on Monday.', '2026-06-10')]
    const { timeline } = buildTimeline(race)
    assert.ok(timeline.some((t) => t.date === '2026-11' && /November election/.test(t.text)), JSON.stringify(timeline))
    assert.ok(!timeline.some((t) => t.date === '2025-11'))
  })
})
