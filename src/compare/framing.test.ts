import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle, type FixtureSpec } from '../../test/helpers/fixtures.js'
import { alignFacts } from './facts.js'
import { alignQuotes } from './quotes.js'
import { mergeEntities } from './entities.js'
import { entityFraming } from './framing.js'
import type { Annotated, Discrepancy } from '../types.js'

const people: NonNullable<FixtureSpec['entities']> = [
  { text: 'Witkoff', type: 'person', name: 'Steve Witkoff' },
  { text: 'Putin', type: 'person', name: 'Vladimir Putin' },
]

/** One outlet per sentence, all stating one fact. */
function story(sentences: string[], extra: Partial<FixtureSpec>[] = []): Annotated[] {
  return sentences.map((text, i) => fixtureArticle({ outlet: `Outlet ${i}`, text, entities: people.filter((e) => text.includes(e.text)), ...extra[i] }))
}

const framing = (ds: Discrepancy[]) => ds.filter((d) => d.kind === 'framing')

/** The words each support span of a discrepancy value points at. */
function evidence(articles: Annotated[], d: Discrepancy): string[][] {
  return d.values.map((v) => (v.support ?? []).map((s) => articles.find((a) => a.id === s.articleId)!.text.slice(s.start, s.end).toLowerCase()))
}

describe('framing: the words outlets choose', () => {
  it('lists "summit" vs "talks" vs "meeting" for one aligned fact, with each word\'s articles and spans', () => {
    const articles = story([
      'Witkoff and Putin held a summit in the Kremlin on Wednesday afternoon.',
      'Witkoff and Putin held talks in the Kremlin on Wednesday afternoon.',
      'Witkoff and Putin held a meeting in the Kremlin on Wednesday afternoon.',
    ])
    const [d, ...rest] = framing(alignFacts(articles).discrepancies)
    assert.ok(d, 'a framing discrepancy')
    assert.deepEqual(rest, [])
    assert.match(d.description, /meeting/)
    assert.deepEqual(d.values.map((v) => v.value).sort(), ['meeting', 'summit', 'talks'])
    for (const [i, v] of d.values.entries()) {
      assert.equal(v.articleIds.length, 1)
      assert.deepEqual(evidence(articles, d)[i], [v.value])
    }
  })

  it('finds nothing when the outlets use the same word', () => {
    const articles = story([
      'Witkoff and Putin held talks in the Kremlin on Wednesday afternoon.',
      'On Wednesday afternoon Witkoff and Putin held talks in the Kremlin.',
    ])
    assert.deepEqual(framing(alignFacts(articles).discrepancies), [])
  })

  it('does not count a word inside quotation marks as the outlet\'s choice', () => {
    const articles = story(
      [
        'The invasion of Ukraine entered its fourth year on Monday with no end in sight.',
        'The war in Ukraine entered its fourth year on Monday with no end in sight.',
        'The "special military operation" in Ukraine entered its fourth year on Monday with no end in sight.',
      ],
      [{}, {}, { quotes: [{ text: 'special military operation', speaker: null }] }],
    )
    const [d] = framing(alignFacts(articles).discrepancies)
    assert.ok(d)
    assert.deepEqual(d.values.map((v) => v.value).sort(), ['invasion', 'war'])
    assert.ok(!d.values.some((v) => v.articleIds.includes(articles[2].id)))
  })

  it('flags "said" vs "claimed" for one reported fact, but not "said" vs "told"', () => {
    const minister = { text: 'Ivanov', type: 'person' as const, name: 'Pavel Ivanov' }
    const make = (texts: string[]) => texts.map((text, i) => fixtureArticle({ outlet: `O${i}`, text, entities: [minister] }))
    const loaded = make(['Ivanov said the border crossing at Narva would reopen next month.', 'Ivanov claimed the border crossing at Narva would reopen next month.'])
    const [d] = framing(alignFacts(loaded).discrepancies)
    assert.ok(d, 'a framing discrepancy for the verb of attribution')
    assert.deepEqual(d.values.map((v) => v.value).sort(), ['claimed', 'said'])
    assert.deepEqual(evidence(loaded, d).flat().sort(), ['claimed', 'said'])
    const neutral = make(['Ivanov said the border crossing at Narva would reopen next month.', 'Ivanov told reporters the border crossing at Narva would reopen next month.'])
    assert.deepEqual(framing(alignFacts(neutral).discrepancies), [])
  })

  it('compares the verbs attributing one quote across outlets', () => {
    const quote = 'We will not accept any deadline set from abroad'
    const articles = [
      fixtureArticle({ outlet: 'A', text: `"${quote}," Peskov said.`, entities: [{ text: 'Peskov', type: 'person' }], quotes: [{ text: quote, speaker: 'Peskov', cue: 'said' }] }),
      fixtureArticle({ outlet: 'B', text: `Peskov admitted: "${quote}."`, entities: [{ text: 'Peskov', type: 'person' }], quotes: [{ text: quote, speaker: 'Peskov', cue: 'admitted' }] }),
      fixtureArticle({ outlet: 'C', text: `"${quote}," Peskov told reporters.`, entities: [{ text: 'Peskov', type: 'person' }], quotes: [{ text: quote, speaker: 'Peskov', cue: 'told reporters' }] }),
    ]
    const { discrepancies } = alignQuotes(articles, mergeEntities(articles))
    const [d] = framing(discrepancies)
    assert.ok(d)
    assert.match(d.description, /Peskov/)
    assert.deepEqual(d.values.map((v) => v.value).sort(), ['admitted', 'said', 'told'])
  })

  it('flags a judging descriptor of one person against plain titles, not title differences', () => {
    const putin = (role: string) => ({ text: 'Vladimir Putin', type: 'person' as const, role })
    const articles = [
      fixtureArticle({ outlet: 'A', text: 'Russian strongman Vladimir Putin met the envoy on Friday.', entities: [putin('Russian strongman')] }),
      fixtureArticle({ outlet: 'B', text: 'Russian President Vladimir Putin met the envoy on Friday.', entities: [putin('Russian President')] }),
      fixtureArticle({ outlet: 'C', text: 'President Vladimir Putin greeted the envoy in the Kremlin.', entities: [putin('President')] }),
    ]
    const [d, ...rest] = entityFraming(articles, mergeEntities(articles))
    assert.ok(d)
    assert.deepEqual(rest, [])
    assert.match(d.description, /Vladimir Putin/)
    assert.deepEqual(d.values.map((v) => [v.value, v.articleIds]), [['Russian strongman', [articles[0].id]], ['Russian President', [articles[1].id]], ['President', [articles[2].id]]])
    const witkoff = (role: string) => ({ text: 'Steve Witkoff', type: 'person' as const, role })
    const titles = [
      fixtureArticle({ outlet: 'A', text: 'Special envoy Steve Witkoff landed in Moscow.', entities: [witkoff('Special envoy')] }),
      fixtureArticle({ outlet: 'B', text: 'White House envoy Steve Witkoff landed in Moscow.', entities: [witkoff('White House envoy')] }),
    ]
    assert.deepEqual(entityFraming(titles, mergeEntities(titles)), [])
  })

  it('reads each headline\'s angle: who it leads with, doing what', () => {
    const text = 'Witkoff and Putin held talks in the Kremlin on Wednesday afternoon.'
    const titled = (title: string, outlet: string) => fixtureArticle({ outlet, title, text: `${text} ${outlet}.`, entities: people })
    const articles = [titled('Putin Warns Washington Over Sanctions', 'A'), titled('Witkoff Meets Putin in Moscow', 'B'), titled('Putin warns of long road to peace', 'C')]
    const d = framing(alignFacts(articles).discrepancies).find((x) => /headline/.test(x.description))
    assert.ok(d)
    assert.deepEqual(d.values.map((v) => [v.value, v.articleIds.length]), [['Vladimir Putin warns', 2], ['Steve Witkoff meets', 1]])
    const same = [titled('Putin Warns Washington Over Sanctions', 'A'), titled('Putin warns of long road to peace', 'C')]
    assert.ok(!framing(alignFacts(same).discrepancies).some((x) => /headline/.test(x.description)))
  })

  it('leads a headline with the leftmost whole name, the longest at its place', () => {
    const text = 'Witkoff and Putin held talks in the Kremlin on Wednesday afternoon.'
    const titled = (title: string, outlet: string) => fixtureArticle({ outlet, title, text: `${text} ${outlet}.`, entities: people })
    // "Putinism" holds no name; "Vladimir Putin" is read whole, not as "Putin" alone.
    const articles = [titled('Putinism Fades as Witkoff Meets Envoys', 'A'), titled('Vladimir Putin Warns Washington', 'B')]
    const d = framing(alignFacts(articles).discrepancies).find((x) => /headline/.test(x.description))
    assert.deepEqual(d?.values.map((v) => v.value), ['Steve Witkoff meets', 'Vladimir Putin warns'])
  })
})
