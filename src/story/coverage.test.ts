import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { buildCoverage } from './coverage.js'
import { storyTitle } from './title.js'
import type { StoryFact } from '../types.js'

const a = fixtureArticle({ outlet: 'A', title: 'Envoy meets Putin', text: 'The envoy met the president in Moscow today.' })
const b = fixtureArticle({ outlet: 'B', title: 'Putin and envoy hold talks in Moscow', text: 'The president received the envoy in Moscow.' })
const c = fixtureArticle({ outlet: null, title: null, text: 'Talks took place in Moscow between the two men.' })

function fact(id: string, status: StoryFact['status'], articleIds: string[]): StoryFact {
  return { id, text: `fact ${id} about the talks in the Russian capital on the day of the visit`, status, articleIds, support: articleIds.map((articleId) => ({ articleId, start: 0, end: 5 })) }
}

const facts = [
  fact('f_meet', 'corroborated', [a.id, b.id]),
  fact('f_where', 'corroborated', [b.id, c.id]),
  fact('f_only_a', 'single-source', [a.id]),
  fact('f_count', 'disputed', [a.id, c.id]),
]

describe('buildCoverage', () => {
  it('lists per article the facts only it has and the corroborated facts it lacks', () => {
    assert.deepEqual(buildCoverage([a, b, c], facts), [
      { articleId: a.id, outlet: 'A', uniqueFactIds: ['f_only_a'], omittedFactIds: ['f_where'], factCount: 3, share: 0.75, corroboratedShare: 0.5 },
      { articleId: b.id, outlet: 'B', uniqueFactIds: [], omittedFactIds: [], factCount: 2, share: 0.5, corroboratedShare: 1 },
      { articleId: c.id, outlet: null, uniqueFactIds: [], omittedFactIds: ['f_meet'], factCount: 2, share: 0.5, corroboratedShare: 0.5 },
    ])
  })

  it('gives no corroborated share when the story has no corroborated fact', () => {
    const [entry] = buildCoverage([a], [fact('f_only_a', 'single-source', [a.id])])
    assert.equal(entry.share, 1)
    assert.equal(entry.corroboratedShare, null)
  })
})

describe('storyTitle', () => {
  it('takes the title of the article with most corroborated or disputed facts', () => {
    // a: f_meet, f_count (2); b: f_meet, f_where (2); c has no title. Tie keeps input order.
    assert.equal(storyTitle([a, b, c], facts), 'Envoy meets Putin')
    // Without f_count, a has one such fact and b two.
    assert.equal(storyTitle([a, b, c], facts.filter((f) => f.id !== 'f_count')), 'Putin and envoy hold talks in Moscow')
    assert.equal(storyTitle([b, a, c], facts), 'Putin and envoy hold talks in Moscow')
    const bCentral = [...facts, fact('f_more', 'corroborated', [b.id, c.id])]
    assert.equal(storyTitle([a, b, c], bCentral), 'Putin and envoy hold talks in Moscow')
  })

  it('falls back to the top fact shortened to 12 words when no article has a title', () => {
    const title = storyTitle([c], facts)
    assert.equal(title, 'fact f_meet about the talks in the Russian capital on the day…')
    assert.equal(title.split(' ').length, 12)
  })
})
