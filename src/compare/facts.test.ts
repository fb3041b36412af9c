import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { articleClaims, splitClauses } from './claims.js'
import { contentLemmas } from '../text/stems.js'
import { numbersCompatible } from './discrepancies.js'
import { alignFactClaims, alignFacts, claimPairScores, dropRepeats, type AlignedFact } from './facts.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import type { Annotated, NumberMention, StoryFact } from '../types.js'

const putin = { text: 'Putin', type: 'person' as const, name: 'Vladimir Putin' }
const witkoff = { text: 'Witkoff', type: 'person' as const, name: 'Steve Witkoff' }

/** Three outlets, three wordings of one meeting's length, plus one fact only the first reports. */
function meetingStory(): Annotated[] {
  return [
    fixtureArticle({
      outlet: 'Daily A',
      text: 'The talks between Witkoff and Putin lasted about two hours. The envoy later flew to Rome for a dinner with bankers.',
      entities: [witkoff, putin, { text: 'Rome', type: 'place' }],
      numbers: [{ text: 'about two hours', value: 2, unit: 'hour', approx: 'about' }],
    }),
    fixtureArticle({
      outlet: 'Daily B',
      text: 'Putin received Witkoff in the Kremlin for the nearly two-hour talks. Markets were calm.',
      entities: [putin, witkoff, { text: 'Kremlin', type: 'organization' }],
      numbers: [{ text: 'nearly two-hour', value: 2, unit: 'hour', approx: 'nearly' }],
    }),
    fixtureArticle({
      outlet: 'Daily C',
      text: 'Witkoff met Putin for around two hours on Wednesday. Oil prices rose.',
      entities: [witkoff, putin],
      numbers: [{ text: 'around two hours', value: 2, unit: 'hour', approx: 'about' }],
      dates: [{ text: 'Wednesday', value: '2025-08-06', granularity: 'day', inferred: true }],
    }),
  ]
}

function factWith<F extends { text: string }>(facts: F[], needle: string): F {
  const fact = facts.find((f) => f.text.includes(needle))
  assert.ok(fact, `no fact contains ${JSON.stringify(needle)}: ${facts.map((f) => f.text).join(' | ')}`)
  return fact
}

describe('claims', () => {
  it('folds news synonyms and inflections into shared lemmas', () => {
    assert.deepEqual(contentLemmas('The talks lasted two hours'), ['meet', 'long', 'hour'])
    assert.deepEqual(contentLemmas('a truce, the cease-fire'), ['ceasefire', 'ceasefire'])
    assert.deepEqual(contentLemmas('Three were killed; four died'), ['kill', 'kill'])
  })

  it('splits coordinated main clauses but keeps relative clauses and short lists', () => {
    const table: [string, string[]][] = [
      ['Prices rose sharply in July, but exports fell for a third month.', ['Prices rose sharply in July', 'exports fell for a third month.']],
      ['The envoy met the president; the talks ended without any deal at all.', ['The envoy met the president', 'the talks ended without any deal at all.']],
      ['He visited Paris, Rome, and Berlin.', ['He visited Paris, Rome, and Berlin.']],
      ['The minister, who arrived on Monday, met the leaders of both parties.', ['The minister, who arrived on Monday, met the leaders of both parties.']],
      ['She said "we will fight, and we will win the war in the end" today.', ['She said "we will fight, and we will win the war in the end" today.']],
    ]
    for (const [text, want] of table) {
      const got = splitClauses(text, [0, text.length]).map(([s, e]) => text.slice(s, e).trim())
      assert.deepEqual(got, want, text)
    }
  })

  it('does not cut a quote carried over a paragraph break at its clauses', () => {
    const text =
      'The mayor spoke after the vote and said, “Our city has chosen a harder road. And it will be walked together.\n\n' +
      '“Every council member voted today, and I thank each of them for the long hours they gave,” she added.'
    const article = annotate(extractArticle({ source: { kind: 'text', path: 'carried.txt' }, bytes: new TextEncoder().encode(text), publishedAt: '2025-03-03' }))
    const quote = article.quotes.find((q) => article.text.slice(q.span[0], q.span[1]).startsWith('Our city'))
    assert.ok(quote && article.text.slice(quote.span[0], quote.span[1]).includes('long hours'), 'one quote over both paragraphs')
    const texts = articleClaims(article).map((c) => c.text)
    assert.ok(!texts.some((t) => t.endsWith('voted today')), texts.join(' | '))
    assert.ok(texts.some((t) => t.includes('voted today, and I thank each of them')), texts.join(' | '))
  })

  it('leaves an editor\'s label out of the claim after it, and an editor\'s notice out of the claims', () => {
    const text =
      'The harbour council closed the old ferry pier on Tuesday for three months of repairs.\n\n' +
      'UPDATE: 4:10 p.m. -- The council said the pier would reopen in June after the repairs.\n\n' +
      'Correction: An earlier version of this article gave the wrong month for the pier repairs.'
    const article = annotate(extractArticle({ source: { kind: 'text', path: 'labels.txt' }, bytes: new TextEncoder().encode(text), publishedAt: '2025-03-04' }))
    const texts = articleClaims(article).map((c) => c.text)
    assert.ok(texts.some((t) => t.startsWith('The council said the pier would reopen')), texts.join(' | '))
    assert.ok(!texts.some((t) => /UPDATE|4:10|earlier version|Correction/.test(t)), texts.join(' | '))
  })

  it('keeps attribution apart from the assertion', () => {
    const article = fixtureArticle({
      text: 'Two drones were shot down over the city, according to TASS. The ministry said the airport would reopen on Monday. Prices of bread rose.',
      entities: [{ text: 'TASS', type: 'organization' }],
    })
    const claims = articleClaims(article)
    assert.equal(claims[0].attributedTo, 'TASS')
    assert.equal(claims[1].attributedTo, 'the ministry')
    assert.equal(claims[2].attributedTo, null)
  })

  it('credits every clause of a sentence to its cue, and no clause of the next sentence', () => {
    const article = fixtureArticle({ text: 'The ministry said the airport would reopen on Monday, and trains to the coast would run again by Friday. Prices of bread rose sharply.' })
    const claims = articleClaims(article)
    assert.deepEqual(
      claims.map((c) => [c.text, c.attributedTo]),
      [
        ['The ministry said the airport would reopen on Monday', 'the ministry'],
        ['trains to the coast would run again by Friday.', 'the ministry'],
        ['Prices of bread rose sharply.', null],
      ],
    )
  })

  it('names no pronoun or word fragment as a source', () => {
    const table: [string, string | null][] = [
      ['It said the talks could happen as soon as next week.', null],
      ['The meeting, which Russian state media said lasted three hours, ended at noon.', null],
      ['Another attack hit the port overnight, according to Kyiv.', 'Kyiv'],
    ]
    for (const [text, want] of table) assert.equal(articleClaims(fixtureArticle({ text }))[0].attributedTo, want, text)
  })
})

describe('numbersCompatible', () => {
  const n = (value: number, approx?: NumberMention['approx'], upper?: number): NumberMention => ({
    span: [0, 1], value, unit: 'hour', stage: 't', ...(approx ? { approx } : {}), ...(upper ? { upper } : {}),
  })
  const table: [string, NumberMention, NumberMention, boolean][] = [
    ['about 3 vs nearly 3', n(3, 'about'), n(3, 'nearly'), true],
    ['about 3 vs 3', n(3, 'about'), n(3), true],
    ['2 vs 6', n(2), n(6), false],
    ['about 2 vs about 3', n(2, 'about'), n(3, 'about'), false],
    ['100 vs 105 (rounding)', n(100), n(105), true],
    ['range 24-36 vs 30', n(24, undefined, 36), n(30), true],
    ['up to 10 vs 4', n(10, 'up to'), n(4), true],
    ['at least 5 vs 3', n(5, 'at least'), n(3), false],
  ]
  for (const [name, a, b, want] of table) it(name, () => assert.equal(numbersCompatible(a, b), want))
})

describe('alignFacts', () => {
  it('aligns paraphrases of one fact across outlets and marks it corroborated', () => {
    const articles = meetingStory()
    const { facts, discrepancies } = alignFacts(articles)
    const meeting = factWith(facts, 'two')
    assert.equal(meeting.status, 'corroborated')
    assert.deepEqual([...meeting.articleIds].sort(), articles.map((a) => a.id).sort())
    // Each support span points at the wording in its own article.
    for (const s of meeting.support) {
      const text = articles.find((a) => a.id === s.articleId)!.text.slice(s.start, s.end)
      assert.match(text, /two/)
    }
    assert.deepEqual(discrepancies, [], 'about/nearly/around two hours are compatible')
  })

  it('aligns "lasted about two hours", "the nearly two-hour talks" and "met for around two hours" read by the real enrich stage', () => {
    const texts = [
      'The talks between the envoy Dana Reyes and President Omar Haddad lasted about two hours in Valletta. Reyes then flew home.',
      'President Omar Haddad received Dana Reyes in Valletta for the nearly two-hour talks. The port was closed for the visit.',
      'Dana Reyes met Omar Haddad for around two hours in Valletta. Fishing boats stayed in harbour because of a storm.',
    ]
    const articles = texts.map((text, i) =>
      annotate(extractArticle({ source: { kind: 'text', path: `p${i}.txt` }, bytes: new TextEncoder().encode(text), publishedAt: '2026-03-04', outlet: `Paper ${i}` })),
    )
    for (const a of articles) assert.ok(a.numbers.some((n) => n.value === 2 && n.unit === 'hour'), `two hours read in: ${a.text}`)
    const { facts, discrepancies } = alignFacts(articles)
    const talks = factWith(facts, 'two')
    assert.deepEqual([...talks.articleIds].sort(), articles.map((a) => a.id).sort())
    assert.equal(talks.status, 'corroborated')
    for (const s of talks.support) assert.match(articles.find((a) => a.id === s.articleId)!.text.slice(s.start, s.end), /two/)
    assert.ok(!discrepancies.some((d) => d.kind === 'number'), 'the hedged wordings agree')
    // The other sentences stay apart.
    assert.ok(facts.filter((f) => f !== talks).every((f) => f.articleIds.length === 1))
  })

  it('leaves the dateline of an opening sentence out of the fact, and keeps a subject set off by a dash', () => {
    const texts = [
      'HARLOW BAY — The ferry Gull ran aground on the sandbar at the mouth of the bay on Monday. Nobody was hurt.',
      'HARLOW BAY (Coast Wire) - The ferry Gull ran aground on the sandbar at the mouth of the bay on Monday. Tugs came.',
      'Captain Ole Berg — the ferry Gull ran aground on his watch — resigned from the line on Tuesday. Rescuers were praised.',
      'Captain Ole Berg — the ferry Gull ran aground on his watch — resigned from the line on Tuesday. Weather was calm.',
    ]
    const articles = texts.map((text, i) => fixtureArticle({ outlet: `Outlet ${i}`, text }))
    const { facts } = alignFacts(articles)
    const aground = factWith(facts, 'sandbar')
    assert.equal(aground.articleIds.length, 2)
    assert.match(aground.text, /^The ferry Gull ran aground/)
    assert.match(factWith(facts, 'resigned').text, /^Captain Ole Berg/)
  })

  it('keeps unrelated claims apart as single-source facts', () => {
    const articles = meetingStory()
    const { facts } = alignFacts(articles)
    const rome = factWith(facts, 'Rome')
    assert.equal(rome.status, 'single-source')
    assert.deepEqual(rome.articleIds, [articles[0].id])
    assert.ok(facts.every((f) => new Set(f.support.map((s) => s.articleId)).size === f.support.length), 'one claim per article per fact')
  })

  it('flags incompatible casualty counts as a disputed fact with a number discrepancy', () => {
    const articles = [
      fixtureArticle({
        outlet: 'A', text: 'Two people were killed in the strike on Kharkiv overnight.',
        entities: [{ text: 'Kharkiv', type: 'place' }], numbers: [{ text: 'Two people', value: 2, unit: 'people' }],
      }),
      fixtureArticle({
        outlet: 'B', text: 'Six people died in the overnight strike on Kharkiv.',
        entities: [{ text: 'Kharkiv', type: 'place' }], numbers: [{ text: 'Six people', value: 6, unit: 'people' }],
      }),
    ]
    const { facts, discrepancies: all } = alignFacts(articles)
    assert.equal(facts[0].status, 'disputed')
    // "killed" against "died" is also a choice of words: a framing entry, apart from the numbers.
    assert.deepEqual(all.filter((d) => d.kind === 'framing').map((d) => d.values.map((v) => v.value)), [['killed', 'died']])
    const discrepancies = all.filter((d) => d.kind !== 'framing')
    assert.equal(discrepancies.length, 1)
    assert.equal(discrepancies[0].kind, 'number')
    assert.match(discrepancies[0].description, /killed in the strike.*: 2 vs 6/)
    assert.deepEqual(discrepancies[0].values.map(({ value, articleIds }) => ({ value, articleIds })), [
      { value: '2', articleIds: [articles[0].id] },
      { value: '6', articleIds: [articles[1].id] },
    ])
    // Each value points at the number's words in its article.
    assert.deepEqual(discrepancies[0].values.map((v) => v.support?.map((c) => articles.find((a) => a.id === c.articleId)!.text.slice(c.start, c.end))), [['Two people'], ['Six people']])
  })

  it('does not flag differently hedged wordings of three hours', () => {
    const wordings: [string, string, NumberMention['approx']][] = [
      ['The meeting in the Kremlin lasted about three hours.', 'about three hours', 'about'],
      ['The nearly three-hour meeting in the Kremlin ended late.', 'nearly three-hour', 'nearly'],
      ['They met in the Kremlin for around three hours.', 'around three hours', 'about'],
    ]
    const articles = wordings.map(([text, num, approx], i) =>
      fixtureArticle({ outlet: `O${i}`, text, entities: [{ text: 'Kremlin', type: 'organization' }], numbers: [{ text: num, value: 3, unit: 'hour', approx }] }),
    )
    const { facts, discrepancies } = alignFacts(articles)
    assert.equal(facts[0].articleIds.length, 3)
    assert.equal(facts[0].status, 'corroborated')
    assert.deepEqual(discrepancies, [])
  })

  it('flags an asserted claim that another outlet says is undecided', () => {
    const articles = [
      fixtureArticle({ outlet: 'A', text: 'The new sanctions on Russian oil buyers will take effect on Friday.' }),
      fixtureArticle({ outlet: 'B', text: 'No decision has been made on whether the new sanctions on Russian oil buyers will take effect on Friday.' }),
    ]
    const { facts, discrepancies } = alignFacts(articles)
    assert.equal(facts[0].status, 'disputed')
    assert.equal(discrepancies[0].kind, 'claim')
    assert.deepEqual(discrepancies[0].values.map((v) => v.articleIds), [[articles[0].id], [articles[1].id]])
  })

  it('counts outlets, not articles: two articles of one outlet are not corroboration', () => {
    const text = 'The central bank raised its main interest rate to nine percent.'
    const articles = [fixtureArticle({ outlet: 'Same', text }), fixtureArticle({ outlet: 'Same', text: `${text} ` })]
    const { facts } = alignFacts(articles)
    assert.equal(facts[0].articleIds.length, 2)
    assert.equal(facts[0].status, 'single-source')
  })

  it('counts a publisher family and a syndicated copy once', () => {
    const text = 'The central bank raised its main interest rate to nine percent on Tuesday.'
    const other = 'On Tuesday the central bank raised its main interest rate to nine percent.'
    const family = [fixtureArticle({ outlet: 'The Wall Street Journal', text }), fixtureArticle({ outlet: 'New York Post', text: other })]
    const [f] = alignFacts(family).facts
    assert.equal(f.articleIds.length, 2)
    assert.equal(f.sources, 1)
    assert.equal(f.status, 'single-source')
    const wire = fixtureArticle({ outlet: 'Wire', text })
    const local = fixtureArticle({ outlet: 'Local Daily', text: `${text} ` })
    const independent = fixtureArticle({ outlet: 'Another', text: other })
    const copied = alignFacts([wire, local], { copies: [{ articleId: local.id, of: wire.id }] }).facts[0]
    assert.equal(copied.sources, 1)
    assert.equal(copied.status, 'single-source')
    const three = alignFacts([wire, local, independent], { copies: [{ articleId: local.id, of: wire.id }] }).facts[0]
    assert.equal(three.articleIds.length, 3)
    assert.equal(three.sources, 2)
    assert.equal(three.status, 'corroborated')
  })

  it('keeps on each support span who the article credits the fact to', () => {
    const tass = { text: 'TASS', type: 'organization' as const }
    const articles = [
      fixtureArticle({ outlet: 'A', text: 'Two drones were shot down over the capital overnight, according to TASS.', entities: [tass] }),
      fixtureArticle({ outlet: 'B', text: 'Two drones were shot down over the capital overnight.' }),
    ]
    const [f] = alignFacts(articles).facts
    assert.equal(f.status, 'corroborated')
    assert.deepEqual(f.support.map((s) => [s.articleId, s.attributedTo]), [[articles[0].id, 'TASS'], [articles[1].id, null]])
    assert.deepEqual(f.attributedTo, ['TASS'])
  })

  it('says who a fact is attributed to', () => {
    const articles = [fixtureArticle({ text: 'Two drones were shot down over the capital, according to TASS.', entities: [{ text: 'TASS', type: 'organization' }] })]
    const { facts } = alignFactClaims(articles)
    assert.equal(facts[0].claims[0].attributedTo, 'TASS')
  })

})

describe('alignFacts: the same fact in other words', () => {
  // Worded apart enough that shared words alone do not join them; the same-fact judge does.
  const REWORDED: [string, string, string?][] = [
    ['The mayor plans to meet the union leaders next week to end the strike.', 'The mayor intends to hold talks with union leaders in the coming days to settle the strike.'],
    ['The chief executive resigned on Tuesday after auditors found the missing funds.', "The company's top executive quit on Tuesday once auditors discovered the missing money."],
    // Known gap: no WordNet relation among the first senses of suspended/halted, crossings/sailings,
    // collision/crash; the judge gives 0.682, under STORY_JUDGE_PROBABILITY (0.76; the trees alone
    // gave 0.640 against 0.75, and before the WordNet features 0.650 against a cutoff of 0.65).
    ['The ferry operator suspended all crossings to the island on Tuesday after the collision.', 'All sailings to the island were halted by the operator on Tuesday following the crash.', 'judge at 0.682'],
  ]
  for (const [a, b, todo] of REWORDED) {
    it(`corroborates "${a.slice(0, 40)}…" by its rewording`, { todo }, () => {
      const articles = [fixtureArticle({ outlet: 'A', text: a }), fixtureArticle({ outlet: 'B', text: b })]
      const corroborated = (options = {}) => alignFacts(articles, options).facts.filter((f) => f.status === 'corroborated')
      assert.equal(corroborated().length, 1, 'one fact, two outlets')
      assert.equal(corroborated({ judgeFrom: 1 }).length, 0, 'without the judge the words alone do not join them')
    })
  }

  it('keeps a fact and a different fact about the same people apart', () => {
    const articles = [
      fixtureArticle({ outlet: 'A', text: 'The mayor plans to meet the union leaders next week to end the strike.' }),
      fixtureArticle({ outlet: 'B', text: 'The union leaders rejected the mayor’s offer and said the strike would go on.' }),
    ]
    assert.deepEqual(alignFacts(articles).facts.filter((f) => f.status === 'corroborated'), [])
  })
})

describe('claimPairScores', () => {
  it('scores a claim without content words as unlike anything, never as not-a-number', () => {
    const a = fixtureArticle({ outlet: 'A', text: 'Mayor Ines Varga said so.', entities: [{ text: 'Mayor Ines Varga', type: 'person', name: 'Ines Varga' }] })
    const b = fixtureArticle({ outlet: 'B', text: 'The ferry operator suspended all crossings to the island on Tuesday.' })
    const claims = [...articleClaims(a), ...articleClaims(b)]
    const s = claimPairScores(claims).similarity(0, claims.length - 1)
    assert.equal(s, 0)
  })
})

describe('alignFacts: a quote two outlets carry is one fact', () => {
  const QUOTE = 'We will rebuild the pier before the summer season starts'
  const a = fixtureArticle({ outlet: 'A', text: `Harbour master Lena Ortiz promised on Monday: “${QUOTE}.” Repairs begin next week.` })
  const b = fixtureArticle({ outlet: 'B', text: `“${QUOTE},” the harbour master told a packed town meeting, drawing applause from fishing crews.` })
  const occurrence = (article: typeof a) => {
    const start = article.text.indexOf(QUOTE)
    return { articleId: article.id, start, end: start + QUOTE.length, text: QUOTE }
  }
  const quotes = [{ occurrences: [occurrence(a), occurrence(b)] }]
  // The story pair model off: these tests are about what the quote adds to the claims' similarity.
  const corroborated = (options = {}) => alignFacts([a, b], { pairProbability: 2, ...options }).facts.filter((f) => f.status === 'corroborated')

  it('joins the claims carrying the quote, which their other words alone do not', () => {
    assert.equal(corroborated().length, 0)
    const [fact] = corroborated({ quotes })
    assert.ok(fact)
    assert.deepEqual(fact.articleIds.sort(), [a.id, b.id].sort())
  })

  it('does not join claims over a short borrowed phrase', () => {
    const phrase = 'rebuild the pier'
    const at = (article: typeof a) => ({ articleId: article.id, start: article.text.indexOf(phrase), end: article.text.indexOf(phrase) + phrase.length, text: phrase })
    assert.equal(corroborated({ quotes: [{ occurrences: [at(a), at(b)] }] }).length, 0)
  })
})

describe('alignFacts: a quote printed in pieces joins the piece the other outlet prints', () => {
  const HELLO = 'Good evening, my name is the harbour board and I have a leak'
  const OTHER = 'I have not heard anyone on the harbour board admit that they have a leak'
  const a = fixtureArticle({ outlet: 'A', text: `“${HELLO}!” the comedian declared at the dinner.` })
  const b = fixtureArticle({ outlet: 'B', text: `“${OTHER},” the comedian said. Later he added: “${HELLO}, and the tide is coming in.”` })
  const at = (article: typeof a, words: string) => ({ articleId: article.id, start: article.text.indexOf(words), end: article.text.indexOf(words) + words.length, text: words })
  // One aligned quote whose article-B pieces come first in the wrong order (as B prints them).
  const quotes = [{ occurrences: [at(a, HELLO), at(b, OTHER), at(b, HELLO)] }]

  it('pairs A’s claim with the claim of B that carries the same words, not B’s first piece', () => {
    const facts = alignFacts([a, b], { pairProbability: 2, quotes }).facts.filter((f) => f.articleIds.length === 2)
    const withB = facts.flatMap((f) => f.support.filter((s) => s.articleId === b.id).map((s) => b.text.slice(s.start, s.end)))
    assert.ok(withB.some((t) => t.includes('Later he added')), `B's support: ${JSON.stringify(withB)}`)
    assert.ok(!withB.some((t) => t.includes(OTHER) && !t.includes('Later')), `B's first piece joined: ${JSON.stringify(withB)}`)
  })
})

describe('alignFacts: a fact shared inside otherwise different sentences', () => {
  const read = (texts: string[]) =>
    texts.map((text, i) => annotate(extractArticle({ source: { kind: 'text', path: `s${i}.txt` }, bytes: new TextEncoder().encode(text), publishedAt: '2026-03-04', outlet: `Paper ${i}` })))
  const STRIKE = 'Dock workers in Porto Vell walked off the job on Monday, halting all container traffic at the city’s main port'
  const STOPPED = 'Container traffic at Porto Vell stopped on Monday as dock workers began an open-ended strike over a night-shift bonus, which the port authority scrapped in March.'
  const together = (facts: StoryFact[], a: Annotated, b: Annotated) => facts.filter((f) => f.articleIds.includes(a.id) && f.articleIds.includes(b.id))

  it('corroborates the strike two outlets report with other words around it, by the story pair model', () => {
    const [a, b] = read([
      `${STRIKE}. The union said the walkout would go on until the bonus is restored. Port director Elena Sato called it illegal.`,
      `${STOPPED} Shipping agents counted 38 vessels anchored outside the harbour. Tourism officials said cruise calls were not affected.`,
    ])
    const [fact] = together(alignFacts([a, b]).facts, a, b)
    assert.equal(fact?.status, 'corroborated')
    assert.deepEqual(together(alignFacts([a, b], { pairProbability: 2, judgeFrom: 1 }).facts, a, b), [], 'the shared words alone do not join them')
  })

  it('joins a claim of under six words only by its own words, not by the model or the judge', () => {
    const [a, b] = read([
      `${STRIKE}. The union said the walkout would go on until the bonus is restored. Port director Elena Sato called it illegal.`,
      `${STOPPED} Shipping agents counted 38 vessels anchored outside the harbour. Tourism officials said cruise calls were not affected.`,
    ])
    // The strike sentence counted as short: the model that joins it (above) is not asked.
    assert.deepEqual(together(alignFacts([a, b], { minReadWords: 40 }).facts, a, b), [])
    assert.equal(together(alignFacts([a, b]).facts, a, b).length, 1)
  })

  it('joins two outlets’ words for one plan of the same two parties, however else worded', () => {
    const [a, b] = read([
      'The harbour talks ended on Monday. Mayor Tom Pell intends to meet soon with Governor Anna Berg, an aide said, after a long day of talks in Vell.',
      'Mayor Tom Pell is preparing a new push on the ferry fares and plans to meet with Governor Anna Berg next week, possibly followed by a vote of the harbour board.',
    ])
    const facts = alignFacts([a, b]).facts
    assert.equal(together(facts, a, b).length, 1, JSON.stringify(facts.map((f) => [f.text.slice(0, 50), f.articleIds.length])))
    // Who plans and with whom: the same two names the other way round, or a plan called off, are other facts.
    const [c, d] = read([
      'Governor Anna Berg hopes to meet with Mayor Tom Pell before the board votes on the ferry fares.',
      'Mayor Tom Pell abruptly scrapped plans to meet with Governor Anna Berg next week, possibly ahead of a vote of the harbour board.',
    ])
    assert.deepEqual(together(alignFacts([a, c]).facts, a, c), [], 'Berg plans to meet Pell: another plan')
    assert.deepEqual(together(alignFacts([a, d]).facts, a, d), [], 'a plan called off')
  })

  it('keeps apart alike claims giving one unit two figures far apart, and naming no one in common', () => {
    const [a, b] = read([
      'The harbour fund has existed since 2019. He raised just over $200,000 for his campaign.',
      'The mayor, who had raised $5.4 million for the campaign, blanketed the harbour with fliers.',
    ])
    assert.deepEqual(together(alignFacts([a, b]).facts, a, b), [])
    // A part given beside the total still meets the other's total.
    const [e, f] = read(['The harbour fund has existed since 2019. The storm caused $2 billion in damage across the coast, including $300 million at the port.', 'The storm caused $2.1 billion in damage across the coast, insurers said.'])
    assert.equal(together(alignFacts([e, f]).facts, e, f).length, 1)
    // Counts a few times apart are one count the outlets disagree on.
    const [c, d] = read(['The harbour fund has existed since 2019. He raised just over $200,000 for his campaign.', 'He raised $250,000 for his campaign, the harbour board said.'])
    assert.equal(together(alignFacts([c, d]).facts, c, d).length, 1)
  })

  it('joins no claim of names alone to anything: it states nothing about them', () => {
    const [a, b] = read([
      'So who is Elena Sato. The port director has run the harbour of Porto Vell since 2019.',
      'Port director Elena Sato, who called the strike illegal, asked the union to return to talks on Monday.',
    ])
    const facts = alignFacts([a, b]).facts
    const who = facts.find((f) => f.text.startsWith('So who is Elena Sato'))
    assert.deepEqual(who?.articleIds ?? [a.id], [a.id], JSON.stringify(facts.map((f) => [f.text, f.articleIds.length])))
    assert.equal(together(facts, a, b).length, facts.filter((f) => f.articleIds.length > 1).length)
  })

  it('does not join such claims when they give one quantity two values', () => {
    const same = read([`${STRIKE} for 12 hours.`, STOPPED.replace('stopped', 'stopped for 12 hours')])
    assert.equal(together(alignFacts(same).facts, same[0], same[1]).length, 1)
    const clash = read([`${STRIKE} for 12 hours.`, STOPPED.replace('stopped', 'stopped for 30 hours')])
    assert.deepEqual(together(alignFacts(clash).facts, clash[0], clash[1]), [])
  })

  it('lets one sentence that states two facts support both', () => {
    const [a, b] = read(['The council approved the new tram line on Tuesday. The line will cost 2 billion euros and open in 2029.', 'The council on Tuesday approved a new tram line that will cost 2 billion euros and open in 2029.'])
    const facts = together(alignFacts([a, b]).facts, a, b)
    assert.equal(facts.length, 2)
    const sentence = (f: StoryFact, article: Annotated) => f.support.filter((s) => s.articleId === article.id).map((s) => article.text.slice(s.start, s.end))
    assert.deepEqual(facts.map((f) => sentence(f, b)), [[b.text], [b.text]])
    assert.deepEqual(facts.map((f) => sentence(f, a)).sort(), [['The council approved the new tram line on Tuesday.'], ['The line will cost 2 billion euros and open in 2029.']])
    // The fact is worded by the sentences it was found in, not by the one that states two.
    assert.ok(facts.every((f) => f.text !== b.text))
  })

  it('lets the sentence of one outlet support both halves another outlet writes in two sentences in a row', () => {
    const MASTER = 'The harbour master said the port must stop treating every trawler crew as a nuisance'
    const RACE = 'He called the quota dispute a race to the bottom for the whole coast.'
    const FILLER = 'Prices of cod fell in the spring. Nets were mended on the slipway. A new crane arrived from the north. '
    const b = `Tourists crowded the old town. ${MASTER}, calling the quota dispute a race to the bottom. A ferry was late.`
    const halves = (text: string) => {
      const [a, other] = read([text, b])
      return { a, facts: together(alignFacts([a, other]).facts, a, other) }
    }
    const near = halves(`Fishermen gathered at the quay before dawn. ${MASTER}. ${RACE} Prices of cod fell in the spring.`)
    assert.equal(near.facts.length, 2, JSON.stringify(near.facts.map((f) => f.text)))
    assert.ok(near.facts.some((f) => f.support.some((s) => near.a.text.slice(s.start, s.end) === RACE)))
    // The first half may be a quotation of two sentences: the next sentence is still the one right after it.
    const quoted = halves(`Fishermen gathered at the quay before dawn. The harbour master said the port “must stop treating every trawler crew as a nuisance. Enough is enough.” ${RACE} Prices of cod fell in the spring.`)
    assert.ok(quoted.facts.some((f) => f.support.some((s) => quoted.a.text.slice(s.start, s.end) === RACE)), JSON.stringify(quoted.facts.map((f) => f.text)))
    // Written far apart, the second sentence is a statement of its own, not the other half of one.
    const far = halves(`Fishermen gathered at the quay before dawn. ${MASTER}. ${FILLER}${RACE}`)
    assert.equal(far.facts.length, 1, JSON.stringify(far.facts.map((f) => f.text)))
  })

  it('lets a sentence in one fact support a second fact that the other outlet writes further down', () => {
    const PLAN = 'The mayor of Tarsen unveiled a new flood wall plan on Monday.'
    const VOS = 'The plan was drafted by the Dutch engineer Pieter Vos for the town.'
    const BOTH = 'The mayor of Tarsen unveiled a new flood wall plan on Monday drafted by the Dutch engineer Pieter Vos.'
    const a = `${PLAN} Heavy rain had flooded the lower town twice this winter. Shop owners asked for sandbags. ${VOS}`
    const cited = (f: StoryFact, article: Annotated) => f.support.filter((s) => s.articleId === article.id).map((s) => article.text.slice(s.start, s.end))
    const [x, y] = read([a, `${BOTH} Schools will stay open.`])
    const facts = together(alignFacts([x, y]).facts, x, y)
    assert.deepEqual(facts.map((f) => cited(f, x)).sort(), [[PLAN], [VOS]], JSON.stringify(facts.map((f) => f.text)))
    assert.ok(facts.every((f) => cited(f, y)[0] === BOTH))
    // A sentence that pairs with more than one sentence of that article outside its fact (here on
    // the names it shares with each) is not read as stating two facts: no second fact.
    const [u, v] = read([`${a} The mayor of Tarsen thanked the Dutch engineer Pieter Vos.`, `${BOTH} Schools will stay open.`])
    assert.deepEqual(together(alignFacts([u, v]).facts, u, v).map((f) => cited(f, u)), [[PLAN]])
  })

  it('keeps two facts apart that a third outlet states in one sentence', () => {
    const [a, b, c] = read([
      'The talks in Valletta lasted about three hours, the agency said.',
      'The ministry described the talks in Valletta as useful and constructive.',
      'The nearly three-hour talks in Valletta were described as useful and constructive by the adviser.',
    ])
    const facts = alignFacts([a, b, c]).facts
    assert.ok(together(facts, a, c).length > 0, 'the length of the talks is corroborated')
    assert.deepEqual(together(facts, a, b), [], 'the length and the praise are not one fact')
  })
})

describe('facts that repeat another', () => {
  const fact = (id: string, status: AlignedFact['status'], spans: [string, number, number][]): AlignedFact => ({
    id, text: id, status, articleIds: [...new Set(spans.map(([a]) => a))], sources: spans.length, attributedTo: [], claims: [], stage: 'compare/facts',
    support: spans.map(([articleId, start, end]) => ({ articleId, start, end, attributedTo: null })),
  })

  it('drops a fact whose supports are mostly the same sentences as a larger one, keeping the rest', () => {
    const leads = fact('leads', 'corroborated', [['a', 0, 90], ['b', 0, 80], ['c', 0, 70], ['d', 0, 60]])
    const again = fact('again', 'corroborated', [['a', 0, 90], ['b', 0, 80], ['e', 5, 40]])
    const other = fact('other', 'corroborated', [['a', 0, 90], ['b', 100, 160], ['c', 200, 260]])
    const facts = [again, leads, other]
    dropRepeats(facts)
    assert.deepEqual(facts.map((f) => f.id), ['leads', 'other'], 'two of three supports shared is a repeat; one of three is another fact')
  })

  it('keeps a fact that cites another sentence of an article the larger one cites: the outlet wrote the two apart', () => {
    const vendetta = fact('vendetta', 'corroborated', [['a', 0, 90], ['b', 0, 80], ['c', 0, 70]])
    const innocence = fact('innocence', 'corroborated', [['a', 0, 90], ['b', 0, 80], ['c', 200, 260]])
    const facts = [vendetta, innocence]
    dropRepeats(facts)
    assert.deepEqual(facts.map((f) => f.id), ['vendetta', 'innocence'])
  })

  it('never drops a disputed fact for an undisputed one', () => {
    const facts = [fact('plain', 'corroborated', [['a', 0, 90], ['b', 0, 80], ['c', 0, 70]]), fact('disputed', 'disputed', [['a', 0, 90], ['b', 0, 80]])]
    dropRepeats(facts)
    assert.deepEqual(facts.map((f) => f.id), ['plain', 'disputed'])
  })
})

describe('alignFacts: one figure of one thing', () => {
  const read = (texts: string[]) =>
    texts.map((text, i) => annotate(extractArticle({ source: { kind: 'text', path: `f${i}.txt` }, bytes: new TextEncoder().encode(text), publishedAt: '2026-03-04', outlet: `Paper ${i}` })))
  const PLACED = 'Earlier on Tuesday, the president said he would place another 40% duty on Varnland, a big buyer of rebel grain, bringing its total duty to 80%.'
  const IMPOSED = 'Hours after the summit, the government imposed an additional 40% duty on Varnland as punishment for its purchases of rebel grain, according to a notice on its website.'

  it('corroborates two wordings of the same 40% duty on the same country', () => {
    const [a, b] = read([PLACED, IMPOSED])
    const claims = [...articleClaims(a), ...articleClaims(b)]
    const [i, j] = [claims.findIndex((c) => c.text.includes('another 40%')), claims.findIndex((c) => c.text.includes('additional 40%'))]
    const scores = claimPairScores(claims)
    assert.ok(scores.similarity(i, j) < 0.45, 'their words alone do not join them')
    assert.ok(scores.decision(i, j) >= 0.45)
    const facts = alignFacts([a, b]).facts.filter((f) => f.articleIds.length === 2)
    assert.equal(facts.length, 1)
    assert.equal(facts[0].status, 'corroborated')
  })

  it('does not join claims whose equal figure counts different things', () => {
    const [a, b] = read([PLACED, 'Hours after the summit, a poll found 40% support for the government in Varnland, whose grain purchases from the rebels have drawn criticism.'])
    assert.deepEqual(alignFacts([a, b]).facts.filter((f) => f.articleIds.length === 2), [])
  })
})

describe('articleClaims: what a role beside a name states', () => {
  it('keeps the role words in the claim (the name counts as its key), so outlets sharing them share a fact', () => {
    const text = 'Ann Roe, a former Navy admiral, will lead the inquiry into the shipyard fire, the governor said on Monday.'
    const article = annotate(extractArticle({ source: { kind: 'text', path: 'role.txt' }, bytes: new TextEncoder().encode(text), publishedAt: '2025-03-03' }))
    const roe = article.entities.find((e) => e.name === 'Ann Roe')
    assert.ok(roe?.roleSpan, 'the entity stage reads the role')
    const [claim] = articleClaims(article)
    for (const word of contentLemmas('former admiral')) assert.ok(claim.lemmas.includes(word), `${word} in ${claim.lemmas.join(' ')}`)
    // The name itself is the claim's name key, not a word of it.
    assert.ok(!claim.lemmas.includes(contentLemmas('Roe')[0]))
  })
})

describe('articleClaims: one name, one title, in other forms', () => {
  it('reads "Sen." and "Senator" as one word, "Calif." and "California", a body and its acronym as one name', () => {
    const claimOf = (text: string) => articleClaims(annotate(extractArticle({ source: { kind: 'text', path: 'names.txt' }, bytes: new TextEncoder().encode(text), publishedAt: '2025-03-03' })))[0]
    const a = claimOf('Sen. Ann Tallow of Calif. voted against the dam bill that the DNC backed in the spring.')
    const b = claimOf('Senator Ann Tallow of California opposed the dam bill backed by the Democratic National Committee.')
    const senator = contentLemmas('senator')[0]
    assert.ok(a.lemmas.includes(senator) && b.lemmas.includes(senator), `${a.lemmas} / ${b.lemmas}`)
    assert.deepEqual([...a.names].sort(), [...b.names].sort())
    assert.equal(a.names.length, 3)
  })
})

describe('alignFacts: quotations of different speakers', () => {
  const article = (outlet: string, text: string) => annotate(extractArticle({ source: { kind: 'text', path: `${outlet}.txt` }, bytes: new TextEncoder().encode(text) }))
  const a = article('a', 'Mayor Ines Varga confronted the reporters outside the town hall on Monday.\n\n"Tell me who paid you ... I have a right to know who paid you," Varga said.')
  const b = article(
    'b',
    'Council member Tom Reyes defended the reporters.\n\n"This was a fair question from the local paper. If the mayor had nothing to hide, why did she grab the camera and why will she not tell us who paid for the trip? Voters have a right to know, and they will remember it in November," Reyes said.',
  )

  it('does not join a short quote to another speaker’s long quote that holds its words', () => {
    const claims = [...articleClaims(a), ...articleClaims(b)]
    const short = claims.findIndex((c) => c.text.includes('Tell me who paid'))
    const long = claims.findIndex((c) => c.text.includes('fair question'))
    // The shorter one's words are nearly all in the longer one: by words alone they would join.
    assert.ok(claimPairScores(claims).similarity(short, long) >= 0.45)
    // The story pair model off: the words alone decide.
    assert.deepEqual(alignFacts([a, b], { pairProbability: 2 }).facts.filter((f) => f.status === 'corroborated'), [])
  })

  it('still joins by words one speaker under two forms of a name', () => {
    const SHORT = 'Tell me who paid you, I have a right to know who paid you'
    const LONG = 'This was a fair question. Tell me who paid you for the trip, because voters have a right to know who paid you and when'
    const x = fixtureArticle({ outlet: 'A', text: `“${SHORT}.” The mayor left.`, quotes: [{ text: SHORT, speaker: 'Tom Pell Jr.' }] })
    const y = fixtureArticle({ outlet: 'B', text: `“${LONG}.” The vote is next week.`, quotes: [{ text: LONG, speaker: 'Tom Pell' }] })
    const claims = [...articleClaims(x), ...articleClaims(y)]
    assert.ok(claimPairScores(claims).similarity(0, claims.findIndex((c) => c.articleId === y.id)) >= 0.45)
    assert.equal(alignFacts([x, y], { pairProbability: 2 }).facts.filter((f) => f.status === 'corroborated').length, 1)
  })
})

describe('alignFacts: a statement one outlet prints whole and another in pieces', () => {
  const FIRST = 'In all my years on the council I have tried to treat every resident with respect, whatever their views'
  const SECOND = 'I have and I will always work for a calm and civil debate in this town'
  // A's quotation is one claim of two sentences, as claims keep a quotation's sentences together.
  const a = fixtureArticle({ outlet: 'A', text: `The councillor apologised on Monday. “${FIRST}. ${SECOND}.” The vote is next week.`, quotes: [{ text: `${FIRST}. ${SECOND}.`, speaker: null }] })
  const b = fixtureArticle({ outlet: 'B', text: `The councillor said: “${FIRST}.”\n\nHe added, “${SECOND}.”\n\nResidents were unconvinced.`, quotes: [{ text: FIRST, speaker: null }, { text: SECOND, speaker: null }] })
  const at = (article: typeof a, words: string) => ({ articleId: article.id, start: article.text.indexOf(words), end: article.text.indexOf(words) + words.length, text: words })
  const quotes = [{ occurrences: [at(a, `${FIRST}. ${SECOND}`), at(b, FIRST), at(b, SECOND)] }]

  it('gives the fact both of the pieces, not one piece and a single-source fact of the other', () => {
    const facts = alignFacts([a, b], { pairProbability: 2, quotes }).facts
    const whole = facts.find((f) => f.support.some((s) => s.articleId === a.id && a.text.slice(s.start, s.end).includes(SECOND)))
    assert.ok(whole)
    const fromB = whole.support.filter((s) => s.articleId === b.id).map((s) => b.text.slice(s.start, s.end))
    assert.ok(fromB.some((t) => t.includes(FIRST)) && fromB.some((t) => t.includes(SECOND)), JSON.stringify(fromB))
    assert.ok(!facts.some((f) => f.status === 'single-source' && f.text.includes(SECOND)))
  })
})

describe('alignFacts: an outlet that states a fact twice', () => {
  const read = (texts: string[]) =>
    texts.map((text, i) => annotate(extractArticle({ source: { kind: 'text', path: `twice${i}.txt` }, bytes: new TextEncoder().encode(text), publishedAt: '2026-03-04', outlet: `Paper ${i}` })))

  it('gives the fact both of its sentences as support', () => {
    const [a, b] = read([
      'The harbour board approved a new dredging contract for the eastern quay on Tuesday after a long debate about silt. ' +
        'Fishermen had complained for years. The board passed the dredging contract for the quay on Tuesday.',
      'Divers will inspect the western pier next spring. ' +
        'The harbour board approved a new dredging contract for the eastern quay on Tuesday after a long debate about silt.',
    ])
    const fact = alignFacts([a, b]).facts.find((f) => f.articleIds.length === 2)
    assert.ok(fact, 'the contract is one fact of both outlets')
    const ofA = fact.support.filter((s) => s.articleId === a.id).map((s) => a.text.slice(s.start, s.end))
    assert.ok(ofA.some((t) => t.startsWith('The board passed')), `A's supports: ${JSON.stringify(ofA)}`)
    assert.equal(ofA.length, 2)
    // And it is not also listed as a fact only A reports.
    const alone = alignFacts([a, b]).facts.filter((f) => f.articleIds.length === 1 && f.text.startsWith('The board passed'))
    assert.deepEqual(alone.map((f) => f.text), [])
  })
})
