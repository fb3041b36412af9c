import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { StoryClusterer, storyIdOf, type StoryCluster } from './index.js'
import { HitCounter } from '../text/postings.js'

const WORDS = ['amber', 'basalt', 'cobalt', 'dune', 'ember', 'fjord', 'garnet', 'heron', 'indigo', 'jasper', 'kelp', 'lichen', 'marlin', 'nectar', 'onyx', 'pumice', 'quartz', 'raven', 'sorrel', 'tundra']

/** A council story in Washington (a key every story shares) with its own words and its own chair. */
function council(i: number, extra = '') {
  const w = WORDS[i]
  const chair = `Ada ${w[0].toUpperCase()}${w.slice(1)}ton`
  return fixtureArticle({
    text: `Washington: ${chair} on the ${w}field ${w}gate ${w}ridge ${w}mill plan. ${extra}`,
    publishedAt: '2025-04-01T00:00:00Z',
    entities: [{ text: 'Washington', type: 'place' }, { text: chair, type: 'person' }],
  })
}

test('retrieval reads the rarest keys first, so an old story sharing a rare name is found within a small budget', () => {
  const clusterer = new StoryClusterer({ maxHits: 8, maxCandidates: 1 })
  const founders = WORDS.map((_, i) => council(i))
  for (const a of founders) clusterer.add(a)
  assert.equal(clusterer.stats().openStories, WORDS.length)
  const before = clusterer.stats().postingsRead
  // story 3 is among the oldest under "Washington": only its chair's short list leads to it
  const follow = council(3, 'The vote is on Thursday.')
  assert.equal(clusterer.add(follow).storyId, storyIdOf(founders[3].id))
  assert.ok(clusterer.stats().postingsRead - before <= 8, 'no more postings read than the budget')
})

test('a story that leaves the window keeps its id and articles in the record but takes no new article', () => {
  const closed: StoryCluster[] = []
  const clusterer = new StoryClusterer({ windowDays: 3, onClose: (s) => closed.push(s) })
  const early = [council(3), council(3, 'The vote is on Thursday.')]
  for (const a of early) clusterer.add(a)
  const id = storyIdOf(early[0].id)
  // closing runs every 512 articles: fill with unrelated items a month later
  for (let i = 0; i < 510; i++) clusterer.add(fixtureArticle({ text: `Market item ${i} on grain price ${i * 3}.`, publishedAt: '2025-05-01T00:00:00Z' }))
  const record = closed.find((s) => s.id === id)
  assert.ok(record, 'the story closed')
  assert.deepEqual(record.articleIds, early.map((a) => a.id))
  assert.deepEqual(clusterer.clusters().find((s) => s.id === id), record, 'closed stories stay in clusters() under their id')
  assert.equal(clusterer.storyOf(early[0].id), null, 'no longer open')
  const late = { ...council(3, 'The vote was put off.'), publishedAt: '2025-05-02T00:00:00Z' }
  const assignment = clusterer.add(late)
  assert.notEqual(assignment.storyId, id)
  assert.equal(assignment.joinedBy, null)
})

test('HitCounter grows past its first table and counts only the most recent postings when limited', () => {
  const hits = new HitCounter()
  const many = Array.from({ length: 3000 }, (_, i) => i * 7)
  hits.hitAll(many)
  hits.hitAll([14, 21])
  assert.deepEqual(hits.top(3), [14, 21, 0])
  hits.hitAll([1, 2, 3, 4], 2)
  assert.deepEqual(hits.top(10), [3, 4])
})

test('document frequencies halve on schedule: the vocabulary stays bounded and open stories keep matching', () => {
  const clusterer = new StoryClusterer({ vocabularyHalfLife: 50, maxOpenStories: 20 })
  const word = (i: number) => `w${i.toString(36)}x`
  const noise = (i: number) => fixtureArticle({ text: `Notice ${word(i * 3)} ${word(i * 3 + 1)} ${word(i * 3 + 2)}.`, publishedAt: '2025-04-01T00:00:00Z' })
  const first = council(5)
  clusterer.add(first)
  // 1,100 one-off notices (3,300 words never seen again), the council story kept open by a report every 25
  for (let i = 0; i < 1100; i++) {
    clusterer.add(noise(i))
    if (i % 25 === 24) assert.equal(clusterer.add(council(5, `Session ${i}.`)).storyId, storyIdOf(first.id))
  }
  const { vocabulary, openStories } = clusterer.stats()
  assert.ok(openStories < 200)
  assert.ok(vocabulary < 600, `vocabulary ${vocabulary} is bounded by the open stories, not the 3,300 words seen`)
  const next = clusterer.add(council(5, 'The vote is on Thursday.'))
  assert.equal(next.storyId, storyIdOf(first.id), 'the open story still matches after its term ids were renumbered')
  assert.ok(next.shared.some((s) => s.startsWith('term:') && s.includes('field')), 'its terms are still named in the explanation')
  const restored = StoryClusterer.restore(clusterer.snapshot())
  assert.equal(restored.add(council(5, 'The vote was put off.')).storyId, storyIdOf(first.id), 'and after a restore')
})
