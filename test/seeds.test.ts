/**
 * End to end over the five seed articles (one meeting in Moscow, five outlets), with expectations
 * written from a careful reading of the articles. The articles are read from ../shared/seeds.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import { analyzeArticles, annotate, extractArticle } from '../src/index.js'
import type { Annotated, Report, Story } from '../src/types.js'
import { loadSeeds } from './helpers/shared.js'
import { checkCitation } from '../src/story/summary.js'

let articles: Annotated[]
let report: Report
let story: Story

/** The article whose clean text contains `needle`. */
function articleWith(needle: string): Annotated {
  const found = articles.find((a) => a.text.includes(needle))
  assert.ok(found, `an article contains ${JSON.stringify(needle)}`)
  return found
}

/** First day of an ISO date, week (2025-W32), month or year value. */
function periodStart(value: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(value)
  if (!week) return value.slice(0, 10)
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4))
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000)
  return monday.toISOString().slice(0, 10)
}

const slice = (text: string, [start, end]: readonly [number, number]) => text.slice(start, end)

before(() => {
  articles = loadSeeds().map((seed) =>
    annotate(extractArticle({ source: { kind: 'text', path: seed.path }, bytes: readFileSync(seed.path), publishedAt: '2025-08-06' })),
  )
  report = analyzeArticles(articles)
  story = report.stories[0]
})

describe('seeds: extraction', () => {
  it('finds the outlets the texts name, and no outlet where none is named', () => {
    const outlets = articles.map((a) => a.outlet?.name ?? null)
    assert.ok(outlets.includes('CNN'))
    assert.ok(outlets.includes('Fox News'))
    assert.ok(outlets.some((o) => o !== null && /Wall Street Journal/.test(o)))
    // Reuters and The New York Times are cited as sources, not the outlet of any article.
    assert.ok(!outlets.some((o) => o !== null && /Reuters|New York Times/.test(o)))
  })

  const furniture: [string, RegExp][] = [
    ['Skip to Content', /navigation/],
    ['You can now listen to Fox News articles', /audio/],
    ['Read the full article here', /read|link/],
    ['Write to Matthew Luxmoore at', /contact/],
    ['An artificial-intelligence tool created this summary', /ai/],
    ['BE PART OF THE CONVERSATION', /comment/],
    ['Please keep your comments respectful', /comment/],
    ['All rights reserved', /copyright/],
    ['Pablo Martinez Monsivais/AP', /credit/],
    ['Getty Images via CNN Newsource', /credit|caption/],
    ['WITKOFF SCRAMBLES FOR PEACE DEAL', /related|headline/],
    ['Jump to comments', /navigation|comment/],
  ]
  for (const [words, reason] of furniture) {
    it(`removes "${words}" and lists it with its reason`, () => {
      for (const article of articles) assert.ok(!article.text.includes(words), `"${words}" left in ${article.source.path}`)
      const piece = articles.flatMap((a) => a.removed).find((r) => r.text.includes(words))
      assert.ok(piece, `"${words}" is listed in removed`)
      assert.match(piece.reason, reason)
    })
  }

  it('keeps every article sentence: each long line of a seed that ends a sentence is still in the clean text', () => {
    for (const seed of loadSeeds()) {
      const article = articles.find((a) => a.source.path === seed.path)
      assert.ok(article)
      const flat = article.text.replace(/\s+/g, ' ')
      const body = seed.text.split('\n').filter((line) => line.length > 120 && /[.”"]$/.test(line.trim()) && !/artificial-intelligence|Community Guidelines|Write to |contributed to this report/.test(line))
      for (const line of body) assert.ok(flat.includes(line.trim().replace(/\s+/g, ' ').slice(0, 80)), `kept: ${line.slice(0, 60)}…`)
    }
  })

  it('reads the publication date from the texts\' own update stamps', () => {
    assert.equal(articleWith('Great progress was made!').provenance?.publishedAt?.startsWith('text'), true)
    assert.equal(articleWith('Great progress was made!').publishedAt?.slice(0, 10), '2025-08-06')
  })

  it('lists a byline as separate authors, without the outlet', () => {
    const cnn = articles.find((a) => a.outlet?.name === 'CNN')
    assert.ok(cnn)
    assert.ok(cnn.authors.includes('Anna Chernova'))
    assert.ok(cnn.authors.includes('Kevin Liptak'))
    assert.ok(!cnn.authors.some((a) => /CNN|^By /.test(a)))
  })
})

describe('seeds: who said what', () => {
  const expected: [phrase: string, speaker: RegExp][] = [
    ['Great progress was made!', /Donald Trump/],
    ['The Russians expressed their desire to meet', /Karoline Leavitt/],
    ['Today was a good day', /Marco Rubio/],
    ['Time is needed for efforts', /Dmitry Peskov/],
    ['These actions are unfair', /Randhir Jaiswal/],
    ['There is zero military sense', /Zelensk/],
    ['We conveyed certain signals', /Ushakov/],
    ['For the first time perhaps since this administration began', /Marco Rubio/],
    ['Hundreds of families were left without gas', /Zelensk/],
    ['We had some very good talks with President Putin today', /Donald Trump/],
    ['The Russians are eager to continue engaging', /official/i],
  ]
  for (const [phrase, speaker] of expected) {
    it(`"${phrase}" has the speaker ${speaker}`, () => {
      const hits = articles.flatMap((a) => a.quotes.filter((q) => slice(a.text, q.span).includes(phrase)).map((q) => ({ q, a })))
      assert.ok(hits.length > 0, `quote found: ${phrase}`)
      for (const { q } of hits) assert.match(q.speaker?.name ?? '(none)', speaker)
    })
  }

  it('joins Zelensky\'s quote that runs over several paragraphs into one quote', () => {
    const a = articleWith('Russia must end the war that it itself started')
    const q = a.quotes.find((quote) => slice(a.text, quote.span).includes('Our joint position'))
    assert.ok(q)
    assert.match(slice(a.text, q.span), /European leaders were on the call/)
  })

  it('records cues and channels', () => {
    const a = articleWith('Great progress was made!')
    const q = a.quotes.find((quote) => slice(a.text, quote.span).includes('Great progress'))
    assert.match(q?.cue ?? '', /said/)
    assert.match(`${q?.cue ?? ''} ${q?.channel ?? ''}`, /Truth Social/)
  })

  it('finds people with their roles kept apart from their names', () => {
    const rubio = articles.flatMap((a) => a.entities).find((e) => e.name === 'Marco Rubio' && e.role)
    assert.match(rubio?.role ?? '', /Secretary of State/)
    const peskov = articles.flatMap((a) => a.entities).find((e) => e.name === 'Dmitry Peskov')
    assert.match(peskov?.role ?? '', /spokesman/i)
  })
})

describe('seeds: numbers and dates', () => {
  it('reads numbers with their units and approximations, spanning the right words', () => {
    const cases: [words: RegExp, value: number, unit: string, approx?: string][] = [
      [/^about three hours$/, 3, 'hour', 'about'],
      [/^25%/, 25, 'percent'],
      [/^\$200m$/, 200_000_000, 'USD'],
      [/dozen/, 12, 'people'],
    ]
    const all = articles.flatMap((a) => a.numbers.map((n) => ({ n, words: slice(a.text, n.span) })))
    for (const [words, value, unit, approx] of cases) {
      const hit = all.find(({ n, words: w }) => words.test(w) && n.value === value)
      assert.ok(hit, `number ${words}`)
      assert.equal(hit.n.unit, unit)
      if (approx) assert.equal(hit.n.approx, approx)
    }
  })

  it('normalises dates against the publication date (Wednesday 2025-08-06)', () => {
    const cases: [words: RegExp, value: string, inferred: boolean][] = [
      [/^February 24, 2022$/, '2022-02-24', false],
      [/^last month$/, '2025-07', true],
      [/^mid-July$/, '2025-07', true],
      [/^next week$/, '2025-W33', true],
      [/^Tuesday$/, '2025-08-05', true],
    ]
    const all = articles.flatMap((a) => a.dates.map((d) => ({ d, words: slice(a.text, d.span) })))
    for (const [words, value, inferred] of cases) {
      const hit = all.find(({ words: w }) => words.test(w))
      assert.ok(hit, `date ${words}`)
      assert.equal(hit.d.value, value)
      assert.equal(hit.d.inferred, inferred)
    }
  })

  it('points entity spans at the words of the name', () => {
    for (const a of articles) {
      for (const e of a.entities.filter((m) => m.type === 'person' && m.via === 'name')) {
        const surname = e.name.split(' ').at(-1) ?? ''
        assert.ok(slice(a.text, e.span).includes(surname.slice(0, 4)), `${e.name} at ${JSON.stringify(slice(a.text, e.span))}`)
      }
    }
  })
})

describe('seeds: the story', () => {
  it('puts the five articles into one story', () => {
    assert.equal(report.stories.length, 1)
    assert.equal(story.articleIds.length, 5)
  })

  it('merges spelling variants of one person across outlets, and flags the spelling', () => {
    const zelensky = story.entities.filter((e) => /Zelensk/.test(e.name))
    assert.equal(zelensky.length, 1, 'one Zelensky entity')
    assert.ok(zelensky[0].articleIds.length >= 4)
    const ushakov = story.entities.filter((e) => /Ushakov/.test(e.name))
    assert.equal(ushakov.length, 1, 'one Ushakov entity')
    const spelling = story.discrepancies.filter((d) => d.kind === 'name-spelling')
    assert.ok(spelling.some((d) => d.values.some((v) => v.value.includes('Zelenskyy'))))
  })

  it('matches the same quote across outlets, with its wording variants', () => {
    const leavitt = story.quotes.find((q) => q.text.includes('expressed their desire to meet'))
    assert.ok(leavitt)
    assert.ok(leavitt.articleIds.length >= 2)
    for (const occ of leavitt.occurrences) {
      const article = articles.find((a) => a.id === occ.articleId)
      assert.equal(article?.text.slice(occ.start, occ.end), occ.text)
    }
    const signals = story.quotes.filter((q) => /Corresponding signals/i.test(q.text))
    assert.ok(signals.some((q) => q.articleIds.length >= 2 && q.variants.length >= 2), 'the Kremlin "signals" quote has variants')
  })

  it('corroborates that the meeting lasted about three hours, across outlets', () => {
    const fact = story.facts.find((f) => /three.hour|three hours/i.test(f.text) && f.status === 'corroborated')
    assert.ok(fact, 'a corroborated three-hour fact')
    assert.ok(fact.articleIds.length >= 3)
    for (const s of fact.support) {
      const text = articles.find((a) => a.id === s.articleId)?.text.slice(s.start, s.end) ?? ''
      assert.match(text, /three/i)
    }
    assert.ok(!story.discrepancies.some((d) => d.kind === 'number' && /hour/.test(d.description)), 'compatible approximations are not a discrepancy')
  })

  it('finds the planned summit, the sanctions deadline and the India tariff in several outlets (issue #17)', () => {
    // Outlets whose supports of one fact read `words`: each outlet writes these in its own words.
    const outletsSaying = (f: (typeof story.facts)[number], words: RegExp[]) =>
      new Set(f.support.filter((s) => words.every((w) => w.test(articles.find((a) => a.id === s.articleId)?.text.slice(s.start, s.end) ?? ''))).map((s) => s.articleId))
    const shared = (words: RegExp[]) => story.facts.filter((f) => f.status !== 'single-source' && outletsSaying(f, words).size >= 2)
    // The plan is a fact of its own, not a support of the envoy's "highly productive meeting" (a lead
    // sentence stating both once carried it there, and the plan was single-source everywhere else).
    const plan = shared([/\b(?:plans|intends|wants|wanted) to meet\b/, /Putin/]).filter((f) => !/productive meeting/.test(f.text))
    assert.ok(plan.length > 0, 'the planned Trump-Putin meeting')
    assert.ok(shared([/secondary sanctions/, /Friday/]).length > 0, 'the sanctions due on Friday')
    assert.ok(shared([/25%/, /India/]).length > 0, 'the 25% tariff on India')
  })

  it('has single-source facts and names, per article, what only it reports', () => {
    assert.ok(story.facts.some((f) => f.status === 'single-source'))
    const wsj = articles.find((a) => a.outlet?.name.includes('Wall Street Journal'))
    const coverage = story.coverage.find((c) => c.articleId === wsj?.id)
    assert.ok(coverage && coverage.uniqueFactIds.length > 0)
    const jaiswal = story.facts.find((f) => f.id === coverage.uniqueFactIds.find((id) => story.facts.find((g) => g.id === id)?.text.includes('India')))
    assert.ok(jaiswal === undefined || jaiswal.status === 'single-source')
  })

  it('dates the events on the timeline against the publication date', () => {
    const dates = new Set(story.timeline.map((t) => t.date))
    assert.ok(dates.has('2025-08-06'), 'the meeting on Wednesday')
    assert.ok(dates.has('2025-08-08'), 'the Friday sanctions deadline')
    assert.ok(dates.has('2022-02-24'), 'the invasion date')
    // in order of when each period starts: a year before its months, a week before its later days
    const starts = story.timeline.map((t) => periodStart(t.date))
    assert.deepEqual(starts, [...starts].sort())
  })

  it('writes a summary whose every sentence cites text holding its names and numbers', () => {
    assert.ok(story.summary.length >= 3 && story.summary.length <= 7)
    for (const sentence of story.summary) {
      assert.ok(sentence.citations.length > 0)
      const cited = sentence.citations.map((c) => articles.find((a) => a.id === c.articleId)?.text.slice(c.start, c.end) ?? '').join(' ')
      for (const number of sentence.text.match(/\d+(?:[.,]\d+)?/g) ?? []) assert.ok(cited.includes(number), `${number} is in the cited text`)
    }
  })
})

describe('seeds: comparing the outlets', () => {
  const textOf = (c: { articleId: string; start: number; end: number }) => articles.find((a) => a.id === c.articleId)?.text.slice(c.start, c.end) ?? ''
  /** Content words of a text: lower case, four letters or more. */
  const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])

  it('corroborates several facts by three or more outlets, each support span stating the fact', () => {
    const wide = story.facts.filter((f) => f.status === 'corroborated' && f.articleIds.length >= 3)
    assert.ok(wide.length >= 5, `only ${wide.length} facts corroborated by three or more outlets`)
    for (const f of story.facts.filter((g) => g.status === 'corroborated')) {
      assert.equal(new Set(f.support.map((s) => s.articleId)).size, f.articleIds.length, 'one support span per article')
      assert.ok(f.sources !== undefined && f.sources >= 2 && f.sources <= f.articleIds.length, `independent sources of ${f.text}`)
      for (const s of f.support) {
        const shared = [...words(textOf(s))].filter((w) => words(f.text).has(w))
        assert.ok(shared.length >= 2, `support "${textOf(s)}" shares words with "${f.text}"`)
      }
    }
  })

  it('corroborates a fact naming the two people every outlet reports on, with their names in every support span', () => {
    const everywhere = story.entities
      .filter((e) => e.type === 'person' && e.articleIds.length === story.articleIds.length)
      .sort((a, b) => b.mentions - a.mentions)
      .map((e) => e.name.split(' ').at(-1)!)
    assert.ok(everywhere.length >= 2, 'people every outlet mentions')
    const both = (text: string) => everywhere.filter((n) => text.includes(n)).length >= 2
    const fact = story.facts.find((f) => f.status === 'corroborated' && f.articleIds.length >= 3 && f.support.every((s) => both(textOf(s))))
    assert.ok(fact, `a fact naming two of ${everywhere.join(', ')} corroborated by three outlets`)
  })

  it('keeps who a fact is credited to apart from the outlet, in the story\'s spelling', () => {
    const outlets = new Set(articles.map((a) => a.outlet?.name).filter(Boolean))
    const credited = story.facts.flatMap((f) => f.support.filter((s) => s.attributedTo))
    assert.ok(credited.length > 0)
    for (const s of credited) assert.ok(!outlets.has(s.attributedTo!), `${s.attributedTo} is the outlet itself`)
    const names = new Set(story.entities.flatMap((e) => [e.name, ...e.aliases]))
    const people = credited.filter((s) => names.has(s.attributedTo!))
    assert.ok(people.length > credited.length / 2, 'most credited sources are story entities')
    // A spelling variant of one person is credited under one name.
    for (const f of story.facts) {
      const named = (f.attributedTo ?? []).filter((n) => /^\p{Lu}/u.test(n) && !/^(?:The|A|An)\s/.test(n) && n.includes(' '))
      const surnames = named.map((n) => n.split(' ').at(-1))
      assert.equal(new Set(surnames).size, surnames.length, `one name per source: ${f.attributedTo}`)
    }
  })

  it('lists for each outlet the facts only it reports, and its share of the facts', () => {
    for (const article of articles.filter((a) => a.outlet)) {
      const coverage = story.coverage.find((c) => c.articleId === article.id)
      assert.ok(coverage && coverage.uniqueFactIds.length > 0, `${article.outlet?.name} has facts of its own`)
      for (const id of coverage.uniqueFactIds) {
        const fact = story.facts.find((f) => f.id === id)!
        assert.equal(fact.status, 'single-source')
        assert.deepEqual(fact.articleIds, [article.id])
        for (const s of fact.support) assert.ok(textOf(s).length > 0)
      }
      const carried = story.facts.filter((f) => f.articleIds.includes(article.id)).length
      assert.equal(coverage.factCount, carried)
      assert.ok(Math.abs((coverage.share ?? -1) - carried / story.facts.length) < 0.001)
    }
  })

  it('finds name-spelling, quote-wording and claim discrepancies, each value backed by different articles', () => {
    for (const kind of ['name-spelling', 'quote-wording', 'claim'] as const) {
      const found = story.discrepancies.filter((d) => d.kind === kind)
      assert.ok(found.length > 0, `a ${kind} discrepancy`)
      for (const d of found) {
        assert.ok(d.values.length >= 2, d.description)
        assert.ok(d.values.every((v) => v.articleIds.length > 0))
      }
    }
    const spelling = story.discrepancies.filter((d) => d.kind === 'name-spelling')
    // Every spelling variant is a spelling of an entity the story merged.
    for (const d of spelling) for (const v of d.values) assert.ok(story.entities.some((e) => [e.name, ...e.aliases].some((n) => n.includes(v.value))), v.value)
    const claim = story.discrepancies.find((d) => d.kind === 'claim')!
    assert.ok(!claim.values[0].articleIds.some((id) => claim.values[1].articleIds.includes(id)), 'no article on both sides of a claim')
    assert.ok(claim.values.every((v) => (v.support ?? []).length > 0), 'each side of the claim points at its words')
    // Evidence spans, wherever given, come from the articles behind their value.
    for (const d of story.discrepancies) for (const v of d.values) for (const c of v.support ?? []) assert.ok(v.articleIds.includes(c.articleId) && textOf(c).length > 0, d.description)
  })

  it('reports framing only where outlets chose different words, with the words as evidence', () => {
    const framing = story.discrepancies.filter((d) => d.kind === 'framing')
    assert.ok(framing.length > 0, 'a framing discrepancy')
    for (const d of framing) {
      assert.equal(new Set(d.values.map((v) => v.value)).size, d.values.length, `distinct words: ${d.description}`)
      assert.ok(d.values.length >= 2)
      if (/headline/.test(d.description)) continue
      // The evidence is the word itself, in the form the outlet printed ("talks", "cease-fire").
      for (const v of d.values) for (const s of v.support ?? []) assert.ok(textOf(s).toLowerCase().includes(v.value.toLowerCase().slice(0, 4)), `${textOf(s)} for ${v.value}`)
    }
  })

  it('summarises in 3 to 7 sentences that each pass the citation check, and counts the rejected', () => {
    assert.ok(story.summary.length >= 3 && story.summary.length <= 7)
    assert.equal(typeof story.summaryRejected, 'number')
    for (const sentence of story.summary) {
      const cited = sentence.citations.map(textOf)
      assert.ok(checkCitation(sentence.text, cited).ok, sentence.text)
    }
  })
})

describe('seeds as scraped, three of five without a publication date (issue #17)', () => {
  let scraped: Story
  before(() => {
    // No `publishedAt` given: the outlets that print none read "Wednesday" and "next week" from the story's day.
    const annotated = loadSeeds().map((seed) => annotate(extractArticle({ source: { kind: 'text', path: seed.path }, bytes: readFileSync(seed.path) })))
    scraped = analyzeArticles(annotated).stories[0]
  })

  it('summarises the planned Trump-Putin meeting, cited by more than one outlet', () => {
    const plan = scraped.summary.find((s) => /\bmeet\b/.test(s.text) && /Putin/.test(s.text) && /next week|soon/.test(s.text))
    assert.ok(plan, scraped.summary.map((s) => s.text).join('\n'))
    assert.ok(new Set(plan.citations.map((c) => c.articleId)).size >= 2, 'cited by several outlets')
  })

  it('leads with what most outlets report', () => {
    const outlets = scraped.summary.map((s) => new Set(s.citations.map((c) => c.articleId)).size)
    assert.ok(outlets[0] >= 4, `the lead cites ${outlets[0]} outlets`)
    assert.deepEqual(outlets, [...outlets].sort((a, b) => b - a), 'most-reported first')
  })
})
