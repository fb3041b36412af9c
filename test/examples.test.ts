/**
 * End to end over the bundle the README's first command runs (examples/, written by us: an
 * invented ferry grounding told by five invented outlets). Expectations come from what the
 * articles say; examples/README.md lists what is in them on purpose.
 */
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { analyzeArticles, annotate, extractArticle, findNumbers } from '../src/index.js'
import type { Annotated, Report, Story } from '../src/types.js'

const dir = new URL('../examples/harbour-ferry/', import.meta.url).pathname
let articles: Annotated[]
let report: Report
let story: Story

function articleFrom(file: string): Annotated {
  const found = articles.find((a) => a.source.path?.endsWith(file))
  assert.ok(found, file)
  return found
}

const slice = (a: Annotated, [s, e]: readonly [number, number]) => a.text.slice(s, e)

before(() => {
  const files = readdirSync(dir).sort()
  articles = files.map((f) => annotate(extractArticle({ source: { kind: 'text', path: join(dir, f) }, bytes: readFileSync(join(dir, f)) })))
  report = analyzeArticles(articles)
  story = report.stories[0]
})

describe('examples: extraction', () => {
  it('takes titles from the headlines, not from the outlet name line', () => {
    assert.equal(articleFrom('01.txt').title, 'Ferry runs aground at harbour mouth; all 226 aboard brought ashore')
    assert.equal(articleFrom('03.txt').title, 'Investigators to examine fuel system after ferry grounding at Port Maravel')
    assert.equal(articleFrom('05.txt').title, 'Island cut off as grounded ferry awaits salvage')
    for (const a of articles) assert.notEqual(a.title, a.outlet?.name)
  })

  it('names each outlet and dates each article from its own stamps and metadata', () => {
    assert.deepEqual(articles.map((a) => a.outlet?.name).sort(), ['Calder Coast Herald', 'Greyhaven Public Radio', 'Seaboard Observer', 'The Maravel Courier', 'Wirepoint News Agency'])
    assert.equal(articleFrom('01.txt').publishedAt?.slice(0, 10), '2026-03-03')
    assert.equal(articleFrom('03.txt').publishedAt?.slice(0, 10), '2026-03-04')
    assert.equal(articleFrom('05.txt').publishedAt?.slice(0, 10), '2026-03-04')
  })

  const furniture = ['Skip to content', 'Local News |', 'World | Business', 'Listen Live |', 'Sign up for', 'Read more:', 'can be reached at', 'All rights reserved', 'Copyright 2026', 'Comments are moderated', 'Reporting by', 'Jonas Albrecht /', 'Photo: Ferry passengers']
  for (const words of furniture) {
    it(`removes "${words}" everywhere and lists it`, () => {
      for (const a of articles) assert.ok(!a.text.includes(words), `"${words}" left in ${a.source.path}`)
      assert.ok(articles.some((a) => a.removed.some((r) => r.text.includes(words))), `"${words}" listed in removed`)
    })
  }
})

describe('examples: who said what', () => {
  const expected: [string, string][] = [
    ['Every passenger is safe ashore tonight', 'Ines Calloway'],
    ['We heard a bang under the deck', 'Lena Moravec'],
    ['The crew did exactly what they were trained to do', 'Maren Holt'],
    ['We have two days of fresh food', 'Arne Lindqvist'],
    ['Nobody on Ederholm will be left without medicine', 'Felix Ardane'],
    ['We will look at the engines', 'Ruth Abernay'],
  ]
  for (const [phrase, speaker] of expected) {
    it(`"${phrase}" is ${speaker}'s in every outlet that prints it`, () => {
      const hits = articles.flatMap((a) => a.quotes.filter((q) => slice(a, q.span).includes(phrase)))
      assert.ok(hits.length > 0)
      for (const q of hits) assert.equal(q.speaker?.name, speaker)
    })
  }

  it('matches Holt\'s quote across all five outlets as one quote with its variants', () => {
    const holt = story.quotes.find((q) => /trained to do/.test(q.text))
    assert.ok(holt)
    assert.equal(holt.articleIds.length, 5)
    assert.ok(holt.variants.length >= 2)
    assert.equal(holt.speaker?.name, 'Maren Holt')
  })

  it('joins the quote that runs over two paragraphs, without the attribution before it', () => {
    const a = articleFrom('01.txt')
    const q = a.quotes.find((quote) => slice(a, quote.span).includes('Our thoughts are with the passengers'))
    assert.ok(q)
    assert.match(slice(a, q.span), /annual inspection/)
    assert.doesNotMatch(slice(a, q.span), /Renner said/)
    assert.equal(q.speaker?.name, 'Tobias Renner')
  })
})

describe('examples: the story', () => {
  it('is one story of five articles, with a headline for a title', () => {
    assert.equal(report.stories.length, 1)
    assert.equal(story.articleIds.length, 5)
    assert.ok(!articles.some((a) => a.outlet?.name === story.title))
  })

  it('merges the captain\'s two spellings and reports the spelling difference', () => {
    const captain = story.entities.filter((e) => /Dravenko/.test(e.name))
    assert.equal(captain.length, 1)
    assert.equal(captain[0].type, 'person')
    const spelling = story.discrepancies.find((d) => d.kind === 'name-spelling' && d.values.some((v) => v.value.includes('Alexei')))
    assert.ok(spelling)
    assert.ok(spelling.values.some((v) => v.value.includes('Aleksei')))
  })

  it('flags 12 against 15 injured, and not the agreeing "about"/"nearly 45 minutes"', () => {
    const injured = story.discrepancies.find((d) => d.kind === 'number' && d.values.some((v) => v.value.includes('12')) && d.values.some((v) => v.value.includes('15')))
    assert.ok(injured)
    const fifteen = injured.values.find((v) => v.value.includes('15'))
    assert.deepEqual(fifteen?.articleIds.map((id) => articles.find((a) => a.id === id)?.source.path?.slice(-6)).sort(), ['03.txt', '05.txt'])
    assert.ok(!story.discrepancies.some((d) => d.kind === 'number' && /minute/.test(d.description)))
  })

  it('puts the grounding on Tuesday 3 March and the refloating on Thursday 5 March', () => {
    const dates = new Set(story.timeline.map((t) => t.date))
    assert.ok(dates.has('2026-03-03'))
    assert.ok(dates.has('2026-03-05'))
  })

  it('cites, for every number in a summary sentence, spans that carry that number', () => {
    assert.ok(story.summary.length >= 3)
    for (const sentence of story.summary) {
      const values = findNumbers(sentence.text).map((n) => n.value)
      for (const c of sentence.citations) {
        const a = articles.find((x) => x.id === c.articleId)
        assert.ok(a)
        const cited = findNumbers(a.text.slice(c.start, c.end)).map((n) => n.value)
        for (const v of values) assert.ok(cited.includes(v), `"${sentence.text}" cites "${a.text.slice(c.start, c.end)}" which lacks ${v}`)
      }
    }
  })
})
