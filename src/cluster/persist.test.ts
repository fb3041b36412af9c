import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { generateCorpus } from '../../bench/corpus.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import type { Annotated } from '../types.js'
import { StoryClusterer, type Assignment, type ClusterOptions } from './clusterer.js'
import type { ClustererState } from './persist.js'

// Generated articles (several outlets per invented event), through the real extract + annotate.
let articles: Annotated[] = []
before(() => {
  const encoder = new TextEncoder()
  articles = generateCorpus(600, 7).articles.map((a) =>
    annotate(extractArticle({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt })))
})

/** Through JSON and back, as the store keeps it. */
const roundTrip = (state: ClustererState): ClustererState => JSON.parse(JSON.stringify(state)) as ClustererState

function straight(options: ClusterOptions): Assignment[] {
  const clusterer = new StoryClusterer(options)
  return articles.map((a) => clusterer.add(a))
}

/** Adds the articles, snapshotting and restoring a new clusterer every `every` articles. */
function restarting(options: ClusterOptions, every: number): { assignments: Assignment[]; last: StoryClusterer } {
  let clusterer = new StoryClusterer(options)
  const assignments = articles.map((a, i) => {
    if (i > 0 && i % every === 0) clusterer = StoryClusterer.restore(roundTrip(clusterer.snapshot()), options)
    return clusterer.add(a)
  })
  return { assignments, last: clusterer }
}

describe('clusterer snapshot and restore', () => {
  it('continues with exactly the assignments of an uninterrupted run', () => {
    const expected = straight({})
    // the corpus has real stories to get wrong: many articles join an earlier one
    assert.ok(new Set(expected.map((a) => a.storyId)).size < articles.length / 2)
    assert.deepEqual(restarting({}, 97).assignments, expected)
  })

  it('keeps only the open window: closed stories leave the state, and assignments still match', () => {
    // stale stories close every 512 articles; a two-day window over dates spread across weeks
    // closes most of them at the 512th
    const options: ClusterOptions = { windowDays: 2, keepClosed: false }
    const expected = straight(options)
    const { assignments, last } = restarting(options, 50)
    assert.deepEqual(assignments, expected)
    const state = last.snapshot()
    const open = new Set(state.stories.flatMap((s) => s.cluster.articleIds))
    assert.equal(state.articles.length, open.size)
    assert.ok(state.stories.length >= 1)
    assert.ok(state.stories.length < state.founded / 2, `${state.stories.length} of ${state.founded} stories still open`)
    assert.ok(open.size < articles.length / 2)
  })

  it('keeps user merges and splits: a merged-away id still leads to its target after a restore', () => {
    const clusterer = new StoryClusterer()
    const assignments = articles.slice(0, 60).map((a) => clusterer.add(a))
    const [first, second] = [...new Set(assignments.map((a) => a.storyId))]
    assert.equal(clusterer.merge(first, second), first)
    const restored = StoryClusterer.restore(roundTrip(clusterer.snapshot()))
    const memberOfSecond = assignments.find((a) => a.storyId === second)!.articleId
    assert.equal(restored.storyOf(memberOfSecond), first)
    // merging the old id again resolves through the redirect to the same story
    assert.equal(restored.merge(first, second), first)
  })

  it('refuses a state of another format instead of misreading it', () => {
    const state = { ...new StoryClusterer().snapshot(), format: 99 } as unknown as ClustererState
    assert.throws(() => StoryClusterer.restore(state), /format 99/)
  })
})
