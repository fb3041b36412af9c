import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { benchStory } from './story.js'

// The story bench's own behaviour (speed is measured by `npm run bench -- story`, never asserted).
describe('benchStory', () => {
  it('analyzes one generated event as one story with corroborated facts', () => {
    const r = benchStory(16, 1, 1)
    assert.equal(r.articles, 16)
    assert.equal(r.stories, 1, 'every article reports one event')
    assert.ok(r.facts > 0)
    assert.equal(r.runs, 1)
    for (const ms of [r.perArticleMs, r.crossArticleMs, r.totalMs, r.cpuMs, r.crossCpuMs]) assert.ok(Number.isFinite(ms) && ms > 0)
  })
})
