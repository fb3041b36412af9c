import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markArticleText } from './html-text.js'
import { clampRanges, findContaining, mergeRanges, segmentText } from './marks.js'

describe('mergeRanges', () => {
  const cases: [string, [number, number][], [number, number][]][] = [
    ['disjoint stay apart', [[10, 12], [0, 5]], [[0, 5], [10, 12]]],
    ['overlapping merge', [[0, 5], [3, 8]], [[0, 8]]],
    ['nested merge into the outer', [[0, 10], [2, 4]], [[0, 10]]],
    ['touching stay apart', [[0, 5], [5, 8]], [[0, 5], [5, 8]]],
    ['chains merge', [[6, 9], [0, 4], [3, 7]], [[0, 9]]],
  ]
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const out = mergeRanges(input.map(([start, end]) => ({ start, end })))
      assert.deepEqual(out.map((r) => [r.start, r.end]), expected)
    })
  }
})

describe('clampRanges', () => {
  it('drops empty and out-of-range spans and clamps the rest', () => {
    const out = clampRanges([{ start: -3, end: 2 }, { start: 5, end: 5 }, { start: 8, end: 99 }, { start: 20, end: 30 }], 10)
    assert.deepEqual(out, [{ start: 0, end: 2 }, { start: 8, end: 10 }])
  })
})

describe('findContaining', () => {
  const merged = [{ start: 0, end: 5 }, { start: 10, end: 20 }, { start: 30, end: 31 }]
  it('finds the merged range holding a span', () => {
    assert.equal(findContaining(merged, 12, 20), 1)
    assert.equal(findContaining(merged, 30, 31), 2)
  })
  it('gives -1 for spans outside or straddling ranges', () => {
    assert.equal(findContaining(merged, 6, 8), -1)
    assert.equal(findContaining(merged, 3, 12), -1)
  })
})

describe('segmentText', () => {
  it('cuts at every boundary and reports anchors and classes per piece', () => {
    const segs = segmentText(10, [{ start: 2, end: 6 }], [{ start: 4, end: 8, cls: 'quote' }])
    assert.deepEqual(
      segs.map((s) => [s.start, s.end, s.anchor, s.classes.join()]),
      [[0, 2, null, ''], [2, 4, 0, ''], [4, 6, 0, 'quote'], [6, 8, null, 'quote'], [8, 10, null, '']],
    )
  })
})

describe('markArticleText', () => {
  it('wraps overlapping cited spans in one mark that holds both', () => {
    const text = 'alpha beta gamma delta'
    const m = markArticleText(text, 'a0', [{ start: 0, end: 10 }, { start: 6, end: 16 }], [])
    assert.equal(m.html, '<mark id="a0-m0">alpha beta gamma</mark> delta')
    assert.equal(m.markIdFor(6, 16), 'a0-m0')
    assert.equal(m.markIdFor(17, 22), null)
  })

  it('keeps highlight spans inside marks when they cross a mark boundary', () => {
    const m = markArticleText('one two three', 'x', [{ start: 0, end: 7 }], [{ start: 4, end: 13, cls: 'fact' }])
    assert.equal(m.html, '<mark id="x-m0">one <span class="hl-fact">two</span></mark><span class="hl-fact"> three</span>')
  })

  it('escapes the text between marks', () => {
    const m = markArticleText('<b>&"x"</b>', 'p', [{ start: 3, end: 4 }], [])
    assert.equal(m.html, '&lt;b&gt;<mark id="p-m0">&amp;</mark>&quot;x&quot;&lt;/b&gt;')
  })
})
