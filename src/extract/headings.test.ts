import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHtml } from './html.js'

const INTRO = 'Our evening classes teach you to build furniture from reclaimed timber, and every tutor has run a workshop of their own for at least ten years before joining us.'
const TEASER = 'Why the oldest joinery shop on the river still cuts every dovetail by hand and what its owners think of the machines that replaced their neighbours'
const BODY = [
  'Each course runs for eight weeks, with one evening a week in the workshop and a Saturday at the timber yard choosing boards for your own piece.',
  'You leave with a stool, a small table or a bookcase that you designed, cut and finished yourself, and with the drawings to make another one at home.',
  'The workshop holds twelve benches, so every student has a bench, a set of chisels and a tutor within reach for the whole evening.',
  'Tools, timber and finishes are in the price, and students who miss an evening can join another group that week to catch up.',
]

const HIRE = 'Former students may hire a bench on Sunday mornings for a small fee, with the tools and the dust extraction included in the price.'

const page = `<!doctype html><html><head><title>Evening joinery classes</title></head><body>
<nav><a href="/">Home</a> <a href="/courses">Courses</a></nav>
<main>
  <h1>Evening joinery classes</h1>
  <h2>${INTRO}</h2>
  ${BODY.map((p) => `<p>${p}</p>`).join('\n  ')}
  <h3>${TEASER}</h3>
  <section><h5>Bench hire</h5><p>${HIRE}</p></section>
</main>
<footer><p>Riverside Joinery School, 4 Quay Lane</p></footer>
</body></html>`

describe('headings in the text', () => {
  const { text, removed } = extractHtml(page)

  it('keeps a paragraph-long heading that ends as a sentence does (prose set in heading markup)', () => {
    assert.ok(text.includes(INTRO), text)
    assert.ok(text.includes(BODY[0]))
  })

  it('keeps an h5 section heading beside its section', () => {
    assert.ok(text.includes('Bench hire'), text)
    assert.ok(text.includes(HIRE))
  })

  it('still drops a paragraph-long heading without a stop (a teaser or a slide caption)', () => {
    assert.ok(!text.includes(TEASER), text)
    assert.ok(removed.some((piece) => piece.text === TEASER && piece.reason === 'section-heading'))
  })
})
