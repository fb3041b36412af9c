import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import type { Annotated, RawDocument } from '../types.js'
import { processDocument } from '../document.js'
import { buildStory } from '../pipeline.js'
import { clusterArticles } from '../cluster/index.js'
import { StagePool } from './pool.js'

const raw = (text: string): RawDocument => ({ source: { kind: 'text', path: 'a.txt' }, bytes: new TextEncoder().encode(text), publishedAt: '2025-03-05T12:00:00Z' })
const REPORT = 'Engineers found cracks in the northern dam on Tuesday, the water authority said in a statement.\n\nRepairs will take two weeks.'

describe('StagePool', () => {
  const pool = new StagePool({ threads: 1, jobTimeoutMs: 1000 })
  after(() => pool.close())

  // 7 MB of dates takes seconds (about 2 s per MB), ten times the budget; a short report takes well under it.
  it('stops a document over its time budget as limit, and goes on with the next on a new worker', async () => {
    const slow = await pool.run('annotate', raw('on Monday 3 March 2025, '.repeat(300_000)))
    assert.deepEqual(slow.ok ? null : slow.error.code, 'limit')
    assert.match(slow.ok ? '' : slow.error.message, /jobTimeoutMs/)
    const next = await pool.run('annotate', raw(REPORT))
    assert.equal(next.ok ? next.value.text.slice(0, 22) : next.error.message, 'Engineers found cracks')
  })

  it('builds a story in a worker as this thread does, and names what it could not build', async () => {
    const articles: Annotated[] = [
      processDocument(raw(REPORT)),
      processDocument({ ...raw('The water authority said on Tuesday that engineers had found cracks in the northern dam, and that repairs would take two weeks.'), source: { kind: 'text', path: 'b.txt' } }),
    ]
    const [cluster] = clusterArticles(articles)
    const built = await pool.runStory(cluster, articles, { summarySentences: 3 })
    assert.ok(built.ok, built.ok ? '' : built.error.message)
    assert.deepEqual(built.value, buildStory(cluster, articles, { summarySentences: 3 }))
    // A story whose articles were not sent: an error for that story, and the worker goes on.
    const missing = await pool.runStory(cluster, articles.slice(0, 1))
    assert.equal(missing.ok ? null : missing.error.code, 'internal')
    assert.match(missing.ok ? '' : missing.error.message, /is not among the articles given/)
    const again = await pool.runStory(cluster, articles)
    assert.ok(again.ok)
  })

  it('gives a story no per-document time budget: a story takes as long as its articles make it', async () => {
    const articles: Annotated[] = [
      processDocument(raw(REPORT)),
      processDocument({ ...raw('The water authority said on Tuesday that engineers had found cracks in the northern dam, and that repairs would take two weeks.'), source: { kind: 'text', path: 'b.txt' } }),
    ]
    const [cluster] = clusterArticles(articles)
    // A budget of 1 ms stops any document (a story's build takes tens of ms at least), not a story.
    const tight = new StagePool({ threads: 1, jobTimeoutMs: 1, stories: true })
    try {
      const built = await tight.runStory(cluster, articles)
      assert.ok(built.ok, built.ok ? '' : built.error.message)
      assert.deepEqual(built.value, buildStory(cluster, articles))
      const document = await tight.run('annotate', raw(REPORT.repeat(200)))
      assert.equal(document.ok ? null : document.error.code, 'limit')
    } finally {
      await tight.close()
    }
  })

  it('fails jobs after close instead of waiting', async () => {
    const closed = new StagePool({ threads: 1 })
    await closed.close()
    const result = await closed.run('extract', raw(REPORT))
    assert.equal(result.ok ? null : result.error.code, 'internal')
  })
})
