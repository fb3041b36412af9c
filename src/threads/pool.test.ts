import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import type { RawDocument } from '../types.js'
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

  it('fails jobs after close instead of waiting', async () => {
    const closed = new StagePool({ threads: 1 })
    await closed.close()
    const result = await closed.run('extract', raw(REPORT))
    assert.equal(result.ok ? null : result.error.code, 'internal')
  })
})
