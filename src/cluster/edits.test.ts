import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { ParallaxUsageError } from '../errors.js'
import { clusterArticles, independentSources, parseEdits, StoryClusterer, storyIdOf } from './index.js'

// Two events of one kind (two ferry fires), written so they are told apart without edits.
const fireA = (n: number, day: string) =>
  fixtureArticle({
    title: `Ferry fire off Harwick ${n}`,
    publishedAt: `${day}T0${n}:00:00Z`,
    text: `A fire broke out on the ferry Northern Lark off Harwick, captain Olav Brenning said, and ${n + 10} passengers were taken off by lifeboats. The harbour master of Harwick closed the port. Report ${n}.`,
    entities: [{ text: 'Northern Lark', type: 'other' }, { text: 'Harwick', type: 'place' }, { text: 'Olav Brenning', type: 'person' }],
  })
const fireB = (n: number, day: string) =>
  fixtureArticle({
    title: `Blaze on Meridia ferry near Caldon ${n}`,
    publishedAt: `${day}T0${n}:00:00Z`,
    text: `Smoke rose from the Meridia ferry near Caldon as coastguard chief Ines Marwood ordered an evacuation; crews towed the vessel to Caldon docks. Bulletin ${n}.`,
    entities: [{ text: 'Caldon', type: 'place' }, { text: 'Ines Marwood', type: 'person' }],
  })

const sorted = (stories: { articleIds: string[] }[]) => stories.map((s) => [...s.articleIds].sort()).sort()

test('a user merge joins two stories under the older id and later articles of either join it', () => {
  const [a1, a2] = [fireA(1, '2025-05-01'), fireA(2, '2025-05-01')]
  const [b1, b2] = [fireB(3, '2025-05-01'), fireB(4, '2025-05-01')]
  assert.equal(clusterArticles([a1, a2, b1, b2]).length, 2, 'without edits: two stories')
  const merged = clusterArticles([a1, b1, a2, b2], { edits: [{ op: 'merge', storyIds: [storyIdOf(a1.id), storyIdOf(b1.id)] }] })
  assert.equal(merged.length, 1)
  assert.equal(merged[0].id, storyIdOf(a1.id))
  assert.deepEqual([...merged[0].articleIds].sort(), [a1.id, a2.id, b1.id, b2.id].sort())
  assert.deepEqual(merged[0].merged, [{ storyId: storyIdOf(b1.id), by: 'user', score: null }])
})

test('a user split keeps the split articles apart, ids stable, and the rest in the story', () => {
  const a = [1, 2, 3].map((n) => fireA(n, '2025-05-01'))
  const whole = clusterArticles(a)
  assert.equal(whole.length, 1)
  const split = clusterArticles(a, { edits: [{ op: 'split', storyId: whole[0].id, articleIds: [a[2].id] }] })
  assert.deepEqual(sorted(split), sorted([{ articleIds: [a[0].id, a[1].id] }, { articleIds: [a[2].id] }]))
  assert.equal(split[0].id, whole[0].id, 'the story keeps its id')
  assert.equal(split[1].id, storyIdOf(a[2].id))
  assert.equal(split[1].splitFrom, whole[0].id)
})

test('the clusterer merges and splits live; merge of an unknown story returns null', () => {
  const clusterer = new StoryClusterer()
  const [a1, a2, b1] = [fireA(1, '2025-05-01'), fireA(2, '2025-05-01'), fireB(3, '2025-05-01')]
  for (const a of [a1, a2, b1]) clusterer.add(a)
  assert.equal(clusterer.merge(storyIdOf(a1.id), 's_000000000000'), null)
  assert.equal(clusterer.merge(storyIdOf(a1.id), storyIdOf(b1.id)), storyIdOf(a1.id))
  assert.equal(clusterer.storyOf(b1.id), storyIdOf(a1.id))
  const b2 = fireB(4, '2025-05-01')
  assert.equal(clusterer.add(b2).storyId, storyIdOf(a1.id), 'a later article of the merged-in story joins the merged story')
  assert.equal(clusterer.split(storyIdOf(a1.id), [b1, b2]), storyIdOf(b1.id))
  assert.deepEqual(sorted(clusterer.clusters()), sorted([{ articleIds: [a1.id, a2.id] }, { articleIds: [b1.id, b2.id] }]))
})

test('stories older than the window close and leave the indexes; a later look-alike starts a new story', () => {
  const closed: string[] = []
  const clusterer = new StoryClusterer({ windowDays: 3, onClose: (s) => closed.push(s.id) })
  const early = fireA(1, '2025-05-01')
  clusterer.add(early)
  // closing runs every 512 articles: fill with distinct undated-looking filler in a later week
  for (let i = 0; i < 511; i++) clusterer.add(fixtureArticle({ text: `Filler item ${i} about unrelated matter number ${i * 7}.`, publishedAt: '2025-05-20T00:00:00Z' }))
  assert.ok(closed.includes(storyIdOf(early.id)))
  assert.equal(clusterer.storyOf(early.id), null)
  const late = fireA(2, '2025-05-21')
  assert.equal(clusterer.add(late).joinedBy, null)
})

test('edits files are checked and name the bad entry', () => {
  assert.deepEqual(parseEdits([{ op: 'merge', storyIds: ['s_0123456789ab', 's_ba9876543210'] }]), [{ op: 'merge', storyIds: ['s_0123456789ab', 's_ba9876543210'] }])
  assert.throws(() => parseEdits([{ op: 'merge', storyIds: ['x'] }]), (e: Error) => e instanceof ParallaxUsageError && /entry 0/.test(e.message))
  assert.throws(() => parseEdits([{ op: 'join' }]), /unknown op "join"/)
})

test('independent sources: a copy counts with its original, one publisher family counts once', () => {
  const wire = fixtureArticle({ text: 'Wire text about the port closure at Harwick after the ferry fire.', outlet: 'Wire Service' })
  const copy = { ...fixtureArticle({ text: 'Local copy of the wire text.' }), outlet: { name: 'Local Herald' } }
  const wsj = { ...fixtureArticle({ text: 'Journal text.' }), outlet: { name: 'The Wall Street Journal', domain: 'www.wsj.com' } }
  const post = { ...fixtureArticle({ text: 'Post text.' }), outlet: { name: 'NY Post', domain: 'nypost.com' } }
  const story = { id: 's_0123456789ab', articleIds: [wire.id, copy.id, wsj.id, post.id], why: [], copies: [{ articleId: copy.id, of: wire.id }] }
  const byId = new Map([wire, copy, wsj, post].map((a) => [a.id, a]))
  const groups = independentSources(story, byId)
  assert.deepEqual(groups.map((g) => g.articleIds.length).sort(), [2, 2])
  assert.ok(groups.some((g) => g.key === 'News Corp'))
  assert.equal(independentSources(story, byId, {}).length, 3, 'with an empty families table the two News Corp outlets count apart')
})
