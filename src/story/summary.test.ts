import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { alignFacts } from '../compare/facts.js'
import { ParallaxUsageError } from '../errors.js'
import { findNumbers } from '../enrich/numbers/index.js'
import { checkCitation, standsAlone, summarize } from './summary.js'
import type { Annotated } from '../types.js'

describe('checkCitation', () => {
  const cited = ['Putin met Witkoff in the Kremlin for about 3 hours on Wednesday, the Kremlin said.']
  const table: [string, string, boolean, string[]][] = [
    ['names and numbers all cited', 'Putin and Witkoff talked for 3 hours in the Kremlin.', true, []],
    ['a number the citation lacks', 'Putin met Witkoff for 5 hours.', false, ['5']],
    ['a name the citation lacks', 'Putin met Witkoff and Zelensky in the Kremlin.', false, ['Zelensky']],
    ['opening word is not taken for a name', 'Talks between Putin and Witkoff lasted 3 hours.', true, []],
    ['possessives and case folding', "The Kremlin's guest Witkoff stayed 3 hours.", true, []],
  ]
  for (const [name, sentence, ok, missing] of table) {
    it(name, () => assert.deepEqual(checkCitation(sentence, cited), { ok, missing }))
  }
  it('compares numbers by value, written in words or digits', () => {
    const table: [string, string, boolean][] = [
      ['Twelve people were hurt in the crash.', '12 people were hurt in the crash', true],
      ['Twelve people were hurt in the crash.', '15 people were hurt in the crash', false],
      ['The crossing took 40 minutes.', 'the crossing took forty minutes', true],
      ['The crossing took about 40 minutes.', 'a nearly 40-minute crossing', true],
      ['The crossing took 40 minutes.', 'the crossing took 45 minutes', false],
    ]
    for (const [sentence, cited, ok] of table) assert.equal(checkCitation(sentence, [cited]).ok, ok, `${sentence} / ${cited}`)
    assert.deepEqual(checkCitation('Twelve people were hurt.', ['15 people were hurt']).missing, ['Twelve people'])
  })

  it('reads numbers with separators and units', () => {
    assert.equal(checkCitation('It costs $1,500 a year, up 25%.', ['a price of $1,500, a 25% rise']).ok, true)
    assert.deepEqual(checkCitation('It costs $1,600 a year.', ['a price of $1,500']).missing, ['1,600'])
  })
})

/** Three outlets covering one meeting; only the first mentions the dinner in Rome. */
function story(): Annotated[] {
  const people = [
    { text: 'Putin', type: 'person' as const, name: 'Vladimir Putin' },
    { text: 'Witkoff', type: 'person' as const, name: 'Steve Witkoff' },
  ]
  return [
    fixtureArticle({
      outlet: 'A', publishedAt: '2025-08-06',
      text: 'Putin met the American envoy Witkoff in the Kremlin on Wednesday for three hours. The envoy later flew to Rome for a dinner with a group of bankers. "It was a very good and useful meeting," an aide to the envoy said in a statement.',
      entities: people,
      quotes: [{ text: 'It was a very good and useful meeting,', speaker: 'an aide' }],
    }),
    fixtureArticle({
      outlet: 'B', publishedAt: '2025-08-06',
      text: 'Moscow — The American envoy Witkoff met Putin in the Kremlin on Wednesday for three hours of talks. Oil prices rose slightly in Asian trading after the news broke overnight.',
      entities: people,
    }),
    fixtureArticle({
      outlet: 'C', publishedAt: '2025-08-07',
      text: 'Witkoff and Putin met in the Kremlin for three hours on Wednesday, officials on both sides confirmed. Sanctions on buyers of Russian oil are still due to start on Friday, a senior official said.',
      entities: people,
    }),
  ]
}

/** Three outlets on one bus crash; two give 9 injured, one gives 14 (a number in dispute). */
function disputedStory(): Annotated[] {
  const crash = (outlet: string, text: string, injured: string, value: number) =>
    fixtureArticle({
      outlet, publishedAt: '2026-05-12', text,
      entities: [{ text: 'Dunmore', type: 'place' }],
      numbers: [{ text: injured, value, unit: 'people' }],
    })
  return [
    crash('A', 'A school bus slid off the icy road outside Dunmore and overturned in a ditch. Nine people were injured in the crash, according to the county fire service.', 'Nine people', 9),
    crash('B', 'A school bus overturned in a ditch after sliding off an icy road outside Dunmore. The county fire service said 9 people were injured in the crash.', '9 people', 9),
    crash('C', 'A school bus slid off an icy road near Dunmore and overturned in a ditch. The regional hospital said 14 people were injured in the crash.', '14 people', 14),
  ]
}

describe('summarize: citations agree with the sentence', () => {
  it('never cites an article that gives another figure for the same fact', () => {
    const articles = disputedStory()
    const { facts } = alignFacts(articles)
    assert.ok(facts.some((f) => f.status === 'disputed'), JSON.stringify(facts.map((f) => [f.status, f.text])))
    const { summary } = summarize(articles, facts, { maxSentences: 3 })
    const byId = new Map(articles.map((a) => [a.id, a]))
    for (const s of summary) {
      const said = findNumbers(s.text).map((n) => n.value)
      for (const c of s.citations) {
        const cited = findNumbers(byId.get(c.articleId)!.text.slice(c.start, c.end)).map((n) => n.value)
        for (const v of said) assert.ok(cited.includes(v), `"${s.text}" cites a span without ${v}`)
      }
    }
  })

  it('uses a disputed number only in a sentence that names who reports it', () => {
    const articles = disputedStory()
    const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 3 })
    for (const s of summary.filter((x) => /injured/.test(x.text))) assert.match(s.text, /according to|said/)
    assert.ok(summary.some((s) => /overturned/.test(s.text) && s.citations.length === 3), 'the undisputed crash leads with all three outlets')
    const nine = summary.find((s) => /(?:Nine|9) people/.test(s.text))
    assert.ok(nine, summary.map((s) => s.text).join(' | '))
    assert.equal(new Set(nine.citations.map((c) => c.articleId)).size, 2, 'the two outlets giving 9, not the one giving 14')
  })
})

describe('standsAlone', () => {
  const table: [string, boolean][] = [
    ['The harbour fee rises to 12 euros on Monday, the official added.', false],
    ['The harbour fee rises to 12 euros on Monday, said the spokeswoman.', false],
    ['The harbour fee rises to 12 euros on Monday, he said.', false],
    ['He said the harbour fee rises to 12 euros on Monday.', false],
    ['It said the harbour fee rises to 12 euros on Monday.', false],
    ['They expect the harbour fee to rise on Monday.', false],
    ['This is the second rise of the harbour fee in a year.', false],
    ['But their plan to raise the harbour fee was dropped on Monday.', false],
    ['Returning to the quay, he asked the crews to stop loading.', false],
    ['But on Monday, in a letter to the mayor, she said the harbour fee would rise.', false],
    ['The official added that the harbour fee rises on Monday.', false],
    // A noun for what was told just before, as the subject of "came": "The comment came after ...".
    ['The comment came after the mayor was seen touring the quay with the port director.', false],
    ['The latest remarks came a day after the vote on the harbour fee.', false],
    ['The move comes as the ferry crews threaten to strike.', false],
    ['The comments come as the ferry crews threaten to strike.', false],
    ['The mayor’s remarks came a day after the vote.', false],
    // Named subjects, and "This" or "the council" that are not references.
    ['The harbour fee rises to 12 euros on Monday, the port authority said.', true],
    ['The harbour fee rises to 12 euros on Monday, Mayor Ines Varga said.', true],
    ['This week the council raised the harbour fee to 12 euros.', true],
    ['A senior official said the harbour fee rises to 12 euros on Monday.', true],
    ['On Monday, the port authority said it would raise the harbour fee.', true],
    ['The official count of passengers rose to 1,200 in May, the port authority said.', true],
    ['The meeting came days after the council set a deadline for the harbour fee.', true],
  ]
  for (const [text, want] of table) it(text, () => assert.equal(standsAlone(text), want))

  it('keeps a sentence crediting "the official" out of the summary', () => {
    const ferry = (outlet: string, text: string) => fixtureArticle({ outlet, text, entities: [{ text: 'Ederholm', type: 'place' }] })
    const articles = [
      ferry('A', 'The ferry to Ederholm will not sail again before Thursday, the official added. Crews began towing the ferry to the repair yard in the evening.'),
      ferry('B', 'The ferry to Ederholm will not sail again before Thursday, the operator said. Crews began towing the ferry to the repair yard in the evening.'),
      ferry('C', 'Crews began towing the ferry to the repair yard in the evening. The ferry to Ederholm will not sail again before Thursday, the operator said.'),
    ]
    const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 3 })
    assert.ok(summary.some((s) => /the operator said/.test(s.text)), summary.map((s) => s.text).join(' | '))
    assert.ok(!summary.some((s) => /the official added/.test(s.text)))
  })
})

describe('summarize', () => {
  it('leads with the corroborated fact and cites every outlet that reports it', () => {
    const articles = story()
    const { facts } = alignFacts(articles)
    const { summary, rejected } = summarize(articles, facts, { maxSentences: 3 })
    assert.equal(rejected, 0)
    assert.ok(summary.length >= 1 && summary.length <= 3)
    const first = summary[0]
    assert.match(first.text, /Kremlin/)
    assert.deepEqual(new Set(first.citations.map((c) => c.articleId)), new Set(articles.map((a) => a.id)))
  })

  it('cites spans that contain the sentence names and numbers, and drops the dateline', () => {
    const articles = story()
    const texts = new Map(articles.map((a) => [a.id, a.text]))
    const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 3 })
    for (const s of summary) {
      const own = s.citations[0]
      assert.equal(texts.get(own.articleId)!.slice(own.start, own.end), s.text)
      const cited = s.citations.map((c) => texts.get(c.articleId)!.slice(c.start, c.end))
      assert.ok(checkCitation(s.text, cited).ok)
      assert.doesNotMatch(s.text, /^Moscow —/)
    }
  })

  it('drops an editor\'s label ("Updated:") from a summary sentence', () => {
    const articles = story()
    const labelled = fixtureArticle({
      outlet: 'D', publishedAt: '2025-08-07',
      text: 'Updated: Witkoff and Putin met in the Kremlin on Wednesday for three hours of talks, an aide said.',
      entities: [{ text: 'Putin', type: 'person', name: 'Vladimir Putin' }, { text: 'Witkoff', type: 'person', name: 'Steve Witkoff' }],
    })
    const all = [labelled, ...articles.slice(1)]
    const texts = new Map(all.map((a) => [a.id, a.text]))
    const { summary } = summarize(all, alignFacts(all).facts, { maxSentences: 5 })
    assert.ok(summary.length > 0)
    for (const s of summary) {
      assert.doesNotMatch(s.text, /^Updated/)
      const own = s.citations[0]
      assert.equal(texts.get(own.articleId)!.slice(own.start, own.end), s.text)
    }
  })

  it('skips quote sentences and near-repeats of a chosen sentence', () => {
    const articles = story()
    const { summary } = summarize(articles, alignFacts(articles).facts, { maxSentences: 5 })
    assert.ok(!summary.some((s) => s.text.startsWith('"It was')), 'quote sentence skipped')
    const meetings = summary.filter((s) => /three hours/.test(s.text))
    assert.equal(meetings.length, 1, summary.map((s) => s.text).join(' | '))
  })

  it('rejects and counts a candidate whose facts do not support its names', () => {
    const articles = story()
    const { facts } = alignFacts(articles)
    const { summary: full } = summarize(articles, facts, { maxSentences: 3 })
    // Support that covers only the first 12 characters of each claim: the names after it are unsupported.
    const clipped = facts.map((f) => ({ ...f, support: f.support.map((s) => ({ ...s, end: s.start + 12 })) }))
    const { summary, rejected } = summarize(articles, clipped, { maxSentences: 3 })
    assert.ok(rejected >= full.length && rejected > 0, `rejected ${rejected}`)
    for (const s of summary) assert.ok(s.text.length > 0)
  })

  it('rejects a summary length outside 3..7', () => {
    assert.throws(() => summarize(story(), [], { maxSentences: 9 }), ParallaxUsageError)
  })
})

describe('summarize: a cited span states the sentence', () => {
  it('does not cite a span an alignment joined to the fact that says something else', () => {
    const people = [{ text: 'Okafor', type: 'person' as const, name: 'Grace Okafor' }, { text: 'Lindqvist', type: 'person' as const, name: 'Per Lindqvist' }]
    const leads = [
      'Mayor Okafor held a long and productive meeting with the union chief Lindqvist on Tuesday about the bus strike.',
      'The union chief Lindqvist had a long, productive meeting with Mayor Okafor on Tuesday about the bus strike.',
      'Mayor Okafor plans to see Lindqvist again next month once the city budget is drafted, her aides said.',
    ]
    const articles = leads.map((text, i) => fixtureArticle({ outlet: `Outlet ${i}`, publishedAt: '2026-02-03', text, entities: people }))
    // One fact joining all three leads, as an alignment can when every lead names the same people.
    const fact = {
      id: 'f1', text: leads[0], status: 'corroborated' as const, articleIds: articles.map((a) => a.id),
      support: articles.map((a) => ({ articleId: a.id, start: 0, end: a.text.length })),
    }
    const { summary } = summarize(articles, [fact], { maxSentences: 3 })
    const cited = new Set(summary[0].citations.map((c) => c.articleId))
    assert.ok(cited.has(articles[0].id) && cited.has(articles[1].id), 'the two outlets reporting the meeting are cited')
    assert.ok(!cited.has(articles[2].id), 'the planned meeting is not cited for the meeting held')
  })

  it('cites a wish for the plan another outlet states ("plans to meet" / "wanted to meet")', () => {
    const people = [{ text: 'Pell', type: 'person' as const, name: 'Tom Pell' }, { text: 'Berg', type: 'person' as const, name: 'Anna Berg' }]
    const leads = [
      'Mayor Tom Pell plans to meet Governor Anna Berg in the harbour town next week, his office said on Thursday.',
      'Pell wanted to meet Berg in the harbour town soon, an aide told reporters after the council session.',
      'The harbour board approved the new ferry fares on Thursday after a short debate.',
    ]
    const articles = leads.map((text, i) => fixtureArticle({ outlet: `Outlet ${i}`, publishedAt: '2026-02-06', text, entities: people.filter((p) => text.includes(p.text)) }))
    const fact = {
      id: 'f1', text: leads[0], status: 'corroborated' as const, articleIds: articles.map((a) => a.id),
      support: articles.map((a) => ({ articleId: a.id, start: 0, end: a.text.length })),
    }
    const { summary } = summarize(articles, [fact], { maxSentences: 3 })
    const cited = summary[0].citations.map((c) => articles.findIndex((a) => a.id === c.articleId)).sort()
    assert.deepEqual(cited, [0, 1], summary.map((x) => x.text).join(' | '))
    // Another verb intended is another stance: "will sign" is not what was signed beside a wish to move on.
    const signed = [
      'Mayor Tom Pell will sign the harbour budget in the town hall next week, his office said on Thursday.',
      'Pell signed the harbour budget in the town hall and wants to move on to the ferry fares, an aide said.',
    ].map((text, i) => fixtureArticle({ outlet: `Paper ${i}`, publishedAt: '2026-02-06', text, entities: people.filter((p) => text.includes(p.text)) }))
    const budget = {
      id: 'f2', text: 'budget', status: 'corroborated' as const, articleIds: signed.map((a) => a.id),
      support: signed.map((a) => ({ articleId: a.id, start: 0, end: a.text.length })),
    }
    for (const s of summarize(signed, [budget], { maxSentences: 3 }).summary) assert.equal(new Set(s.citations.map((c) => c.articleId)).size, 1, s.text)
  })

  it('cites another outlet that states the aligned fact in other words, and no plan, threat, denial or other matter', () => {
    const people = [{ text: 'Barros', type: 'person' as const, name: 'Ines Barros' }]
    const leads = [
      'Councillor Ines Barros of Ward No. 4 resigned from the city council on Thursday, citing her poor health.',
      'Barros quit her seat in the chamber after a long illness, an aide told reporters.',
      'Barros intends to give up her post on the council because of her health, according to her office.',
      'Barros did not explain why she gave up her post on the council, a spokesman for the mayor said.',
      'Barros threatened to step down over the budget cuts, a colleague recalled.',
      'The vote on the harbour budget was postponed.',
      'The mayor asked the council members to accept the resignation of Barros before the summer.',
    ]
    const articles = leads.map((text, i) => fixtureArticle({ outlet: `Outlet ${i}`, publishedAt: '2026-02-06', text, entities: text.includes('Barros') ? people : [] }))
    // One fact joining all the leads, as an alignment can.
    const fact = {
      id: 'f1', text: leads[0], status: 'corroborated' as const, articleIds: articles.map((a) => a.id),
      support: articles.map((a) => ({ articleId: a.id, start: 0, end: a.text.length })),
    }
    const { summary } = summarize(articles, [fact], { maxSentences: 3 })
    const cited = summary[0].citations.map((c) => articles.findIndex((a) => a.id === c.articleId)).sort()
    assert.deepEqual(cited, [0, 1], 'the resignation, told in other words, is cited from the two outlets that report it, and only from them')
  })
})
