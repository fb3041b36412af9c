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

const NEWS = [
  'The harbour board voted on Monday to dredge the old channel again, after two fishing boats ran aground on the sand bar within a week.',
  'Work will start in the autumn, when the herring boats are laid up, and the board expects the channel to stay open for five years.',
  'Skippers said the vote came too late for the owners of the two boats, whose hulls are still in the yard waiting for new planks.',
]

describe('labels and teasers in heading markup around an article', () => {
  it('drops an h5 or h6 label with no paragraph after it, and the labels blogs set as headings', () => {
    const page = `<!doctype html><html><head><title>Harbour channel to be dredged</title></head><body><article>
  <h1>Harbour channel to be dredged</h1>
  <p>${NEWS[0]}</p>
  <p>${NEWS[1]}</p>
  <h6>Image credit: Harbour Press</h6>
  <p>${NEWS[2]}</p>
  <h6>Filed under Harbour, Fishing</h6>
  <h5>Posted in Harbour, Fishing</h5>
  <h5>About the author</h5>
  <h5>3 Comments</h5>
  <h5>Follow us on the quay</h5>
  <h5>Leave a Reply</h5>
</article></body></html>`
    const { text } = extractHtml(page)
    for (const paragraph of NEWS) assert.ok(text.includes(paragraph), text)
    for (const label of ['Image credit', 'Filed under', 'Posted in', 'About the author', '3 Comments', 'Follow us', 'Leave a Reply']) assert.ok(!text.includes(label), `${label} in ${text}`)
  })

  it('drops a teaser heading that ends as a sentence beside another heading or after the last paragraph', () => {
    const cards = [
      'Why the harbour master thinks the sand bar will be back within three winters, and what the board could do about it this time.',
      'Fishermen say the new lights at the harbour mouth have made the night landing safer, but the ferry crews want them brighter still.',
    ]
    const page = `<!doctype html><html><head><title>Harbour channel to be dredged</title></head><body><main><article>
  <h1>Harbour channel to be dredged</h1>
  ${NEWS.map((p) => `<p>${p}</p>`).join('\n  ')}
</article>
<div class="cards"><div class="card"><h3><a href="/bar">The sand bar</a></h3><h3>${cards[0]}</h3></div><div class="card"><h3>${cards[1]}</h3></div></div>
</main></body></html>`
    const { text } = extractHtml(page)
    for (const paragraph of NEWS) assert.ok(text.includes(paragraph), text)
    for (const card of cards) assert.ok(!text.includes(card), `${card} in ${text}`)
  })
})
