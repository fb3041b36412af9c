import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { analyzeArticles } from '../pipeline.js'
import { anchorUndated, storyDay } from './anchor.js'

const article = (name: string, text: string, publishedAt: string | null) =>
  annotate(extractArticle({ source: { kind: 'text', path: `${name}.txt` }, bytes: new TextEncoder().encode(text), publishedAt }))

describe('storyDay', () => {
  it('is the day most dated articles share, the earliest of a tie', () => {
    assert.equal(storyDay([{ publishedAt: '2026-03-05T08:00:00Z' }, { publishedAt: '2026-03-04' }, { publishedAt: '2026-03-05' }, { publishedAt: null }]), '2026-03-05')
    assert.equal(storyDay([{ publishedAt: '2026-03-05' }, { publishedAt: '2026-03-04' }]), '2026-03-04')
  })

  it('is none when no article is dated or their days lie far apart', () => {
    assert.equal(storyDay([{ publishedAt: null }, { publishedAt: null }]), null)
    assert.equal(storyDay([{ publishedAt: '2026-03-04' }, { publishedAt: '2026-04-20' }, { publishedAt: null }]), null)
  })
})

describe('anchorUndated', () => {
  // 4 March 2026 is a Wednesday: "Tuesday" is the 3rd.
  const dated = article('dated', 'The harbour council voted on Tuesday to close the old bridge to lorries.', '2026-03-04T10:00:00Z')
  const undated = article('undated', 'Councillors voted on Tuesday to shut the old bridge to heavy lorries, the mayor said.', null)

  it('reads an undated article’s "Tuesday" from the story’s day and says so', () => {
    assert.deepEqual(undated.dates, [], 'alone, the undated article has no day to count from')
    const [same, anchored] = anchorUndated([dated, undated])
    assert.equal(same, dated)
    assert.equal(anchored.publishedAt, null)
    const [tuesday] = anchored.dates
    assert.equal(tuesday.value, '2026-03-03')
    assert.equal(tuesday.inferred, true)
    assert.equal(tuesday.anchor, '2026-03-04')
    assert.match(tuesday.via ?? '', /\+story-day$/)
  })

  it('leaves a story without a day as it is', () => {
    const other = article('other', 'The ferry resumed on Friday after the storm passed.', null)
    const articles = [undated, other]
    assert.equal(anchorUndated(articles)[0], undated)
  })

  it('puts both outlets on one timeline row for the vote', () => {
    const story = analyzeArticles([dated, undated]).stories.find((s) => s.articleIds.length === 2)
    assert.ok(story, 'one story of the two articles')
    const row = story.timeline.find((t) => t.date === '2026-03-03')
    assert.ok(row, JSON.stringify(story.timeline))
    assert.deepEqual([...row.articleIds].sort(), [dated.id, undated.id].sort())
    assert.deepEqual(row.storyDayFor, [undated.id], 'the row says whose date came from the story’s day')
  })
})
