import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generateCorpus } from './corpus.js'
import { TOWN_HEADS, TOWN_TAILS, TRANSLITERATED } from './lexicon.js'

const TOWN = new RegExp(`\\b(?:${TOWN_HEADS.join('|')})(?:${TOWN_TAILS.join('|')})\\b`, 'g')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']

function byEvent<T extends { eventId: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) groups.set(item.eventId, [...(groups.get(item.eventId) ?? []), item])
  return groups
}

describe('generateCorpus', () => {
  const corpus = generateCorpus(400, 7)

  it('is deterministic for a seed and differs between seeds', () => {
    assert.deepEqual(generateCorpus(400, 7), corpus)
    const other = generateCorpus(400, 8)
    assert.notEqual(other.articles[0].text, corpus.articles[0].text)
  })

  it('never calls Math.random', () => {
    const original = Math.random
    Math.random = () => {
      throw new Error('Math.random called')
    }
    try {
      assert.equal(generateCorpus(50, 3).articles.length, 50)
    } finally {
      Math.random = original
    }
  })

  it('writes n articles over about n/8 events, each event covered at least twice', () => {
    assert.equal(corpus.articles.length, 400)
    const groups = byEvent(corpus.articles)
    assert.equal(groups.size, 50)
    for (const [eventId, articles] of groups) assert.ok(articles.length >= 2, `event ${eventId} has ${articles.length} article(s)`)
    assert.equal(new Set(corpus.articles.map((a) => a.path)).size, 400, 'paths are unique')
    for (const a of corpus.articles) assert.match(a.path, /^corpus\/\d{5}\.txt$/, 'paths say nothing about the event')
  })

  it('fills every template slot', () => {
    for (const a of corpus.articles) assert.doesNotMatch(a.text, /[{}]/, a.path)
  })

  it('gives the articles of one event a shared place', () => {
    for (const [eventId, articles] of byEvent(corpus.articles)) {
      const towns = articles.map((a) => new Set(a.text.match(TOWN) ?? []))
      const shared = [...towns[0]].filter((t) => towns.every((set) => set.has(t)))
      assert.ok(shared.length > 0, `event ${eventId}: no town in all ${articles.length} articles`)
    }
  })

  it('stamps each article with its publication date', () => {
    for (const a of corpus.articles) {
      const d = new Date(a.publishedAt)
      const day = `${d.getUTCDate()}, ${d.getUTCFullYear()}`
      const stamped = a.text.includes(`${MONTHS[d.getUTCMonth()]} ${day}`) || a.text.includes(`${MONTH_ABBR[d.getUTCMonth()]} ${day}`)
      assert.ok(stamped, `${a.path} has no stamp for ${a.publishedAt}`)
    }
  })

  it('reads like scraped news: quotes, furniture lines, several hundred words', () => {
    const quoted = corpus.articles.filter((a) => /[“"][A-Z][^”"]{10,}[”"]/.test(a.text)).length
    assert.ok(quoted >= 0.9 * corpus.articles.length, `only ${quoted} articles quote someone`)
    const furniture = corpus.articles.filter((a) => /^(?:Skip to|Read more:|©|Copyright|Sign up|Comments are)/m.test(a.text)).length
    assert.ok(furniture >= 0.5 * corpus.articles.length, `only ${furniture} articles have furniture lines`)
    const words = corpus.articles.map((a) => a.text.split(/\s+/).length)
    const mean = words.reduce((x, y) => x + y, 0) / words.length
    assert.ok(mean > 200 && mean < 800, `mean length ${mean} words`)
  })

  it('spells a transliterated name two ways across the outlets of some event', () => {
    const both = [...byEvent(generateCorpus(2000, 1).articles).values()].some((articles) =>
      TRANSLITERATED.some(([a, b]) => articles.some((x) => x.text.includes(`${a} `)) && articles.some((x) => x.text.includes(`${b} `))),
    )
    assert.ok(both)
  })

  it('rejects a negative article count', () => {
    assert.throws(() => generateCorpus(-1, 1), RangeError)
  })
})
