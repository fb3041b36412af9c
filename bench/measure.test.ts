import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RssSampler, articlesWithinBudget, formatTable, median, ratioToFloor, throughput, type StageResult } from './measure.js'
import { pairwiseAgreement } from './agreement.js'
import { parseBenchArgs } from './run.js'
import { timeBatch, timePerArticle, type TimingContext } from './stages.js'

const ctx = (budgetMs = 10_000): TimingContext => ({ floorPerSecond: 100_000, budgetMs, rss: new RssSampler() })

describe('measure', () => {
  it('defines throughput and the ratio to the floor', () => {
    assert.equal(throughput(500, 250), 2000)
    assert.equal(throughput(0, 10), 0)
    assert.equal(ratioToFloor(50, 1000), 0.05)
    assert.equal(ratioToFloor(50, 0), null)
    assert.equal(median([5, 1, 3]), 3)
    assert.equal(median([4, 1, 3, 2]), 2.5)
  })

  it('shrinks a slow stage to the articles that fit its budget, never below the warm-up', () => {
    assert.equal(articlesWithinBudget(2000, 32, 100, 1000), 320)
    assert.equal(articlesWithinBudget(2000, 32, 1, 1000), 2000)
    assert.equal(articlesWithinBudget(2000, 32, 5000, 1000), 32)
  })

  it('prints one aligned row per stage with rates and ratios', () => {
    const rows: StageResult[] = [
      { stage: 'floor', status: 'ok', articles: 2000, ms: 20, perSecond: 100_000, ratio: 1, peakRssMb: 80 },
      { stage: 'extract', status: 'partial', articles: 320, ms: 1000, perSecond: 320, ratio: 0.0032, peakRssMb: 90.25, note: 'prefix' },
      { stage: 'enrich/dates', status: 'missing', articles: 0, ms: 0, perSecond: 0, ratio: null, peakRssMb: 0, note: 'not written' },
    ]
    const table = formatTable(rows)
    const lines = table.split('\n')
    assert.equal(new Set(lines.slice(0, 5).map((l) => l.length)).size, 1, 'header, rule and rows have one width')
    assert.match(lines[2], /^floor\s+ok\s+2000\s+20\.0\s+100,000\s+1\.00\s+80\.0$/)
    assert.match(lines[3], /^extract\s+partial\s+320\s+1000\.0\s+320\s+0\.0032\s+90\.3$/)
    assert.match(table, /enrich\/dates: not written/)
  })
})

describe('stage timing', () => {
  it('times every article and passes outputs on', () => {
    const { result, outputs } = timePerArticle('double', (n: number) => n * 2, [1, 2, 3], ctx())
    assert.deepEqual(outputs, [2, 4, 6])
    assert.equal(result.status, 'ok')
    assert.equal(result.articles, 3)
    assert.ok(result.ratio !== null && result.ratio > 0)
  })

  it('reports a missing stage with its reason and a throwing one as an error', () => {
    assert.deepEqual(timePerArticle('x', undefined, [1], ctx(), 'not yet').result.note, 'not yet')
    const failed = timePerArticle('boom', (n: number) => {
      if (n === 40) throw new Error('bad input')
      return n
    }, Array.from({ length: 50 }, (_, i) => i), ctx())
    assert.equal(failed.result.status, 'error')
    assert.match(failed.result.note ?? '', /article 40: bad input/)
  })

  it('times a slow batch stage on a prefix and says so', () => {
    const slow = (items: number[]): number => {
      const until = performance.now() + items.length * 0.2
      while (performance.now() < until);
      return items.length
    }
    const { result, output } = timeBatch('cluster', slow, Array.from({ length: 1000 }, (_, i) => i), ctx(40))
    assert.equal(result.status, 'partial')
    assert.ok(result.articles >= 100 && result.articles < 1000, `timed ${result.articles}`)
    assert.equal(output, result.articles)
  })
})

describe('parseBenchArgs', () => {
  it('reads defaults, --articles and the stages mode', () => {
    assert.deepEqual(parseBenchArgs([]), { articles: 2000, seed: 1, budgetSeconds: 10, stagesOnly: false })
    assert.deepEqual(parseBenchArgs(['stages', '--articles', '5000']), { articles: 5000, seed: 1, budgetSeconds: 10, stagesOnly: true })
  })

  it('rejects bad values with a message', () => {
    assert.throws(() => parseBenchArgs(['--articles', 'many']), /--articles must be a number/)
    assert.throws(() => parseBenchArgs(['everything']), /unknown argument "everything"/)
  })
})

describe('pairwiseAgreement', () => {
  const truth = new Map([['a', 0], ['b', 0], ['c', 0], ['d', 1], ['e', 1]])

  it('is perfect when stories are the events', () => {
    assert.deepEqual(pairwiseAgreement([['a', 'b', 'c'], ['d', 'e']], truth), { precision: 1, recall: 1, stories: 2, events: 2 })
  })

  it('loses recall when an event is split and precision when two are merged', () => {
    const split = pairwiseAgreement([['a', 'b'], ['c'], ['d', 'e']], truth)
    assert.equal(split.precision, 1)
    assert.equal(split.recall, 2 / 4) // a-b and d-e found, of a-b, a-c, b-c, d-e
    const merged = pairwiseAgreement([['a', 'b', 'c', 'd', 'e']], truth)
    assert.equal(merged.precision, 4 / 10)
    assert.equal(merged.recall, 1)
  })
})
