import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHtml } from './html.js'

const INTRO = 'Our teapots are thrown by hand in a small pottery by the sea, glazed in three colours of local clay and fired twice so that they pour without a drip.'
const POTS: [string, string, string][] = [
  ['Harbour teapot, six cups', 'A round teapot with a short spout and a cane handle, glazed the grey of the harbour wall at dusk.', '£48'],
  ['Lighthouse teapot, two cups', 'A tall narrow teapot for one or two, with a white glaze and a lid that locks when you pour.', '£36'],
  ['Dune teapot, four cups', 'A low wide teapot in a sand glaze, with a strainer thrown into the body so that leaves stay inside.', '£42'],
]

const page = `<!doctype html><html><head><title>Handmade teapots</title></head><body>
<nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
<main>
  <h1>Handmade teapots</h1>
  <p>${INTRO}</p>
  <div class="toolbar"><div>Sort by:</div><select><option>Newest</option></select></div>
  <ul class="grid">
  ${POTS.map(([name, about, price]) => `<li class="card"><h3>${name}</h3><p>${about}</p><div>${price}</div><div>12 reviews</div><div>Sold out</div><div>Quantity:</div><button>Add to cart</button></li>`).join('\n  ')}
  </ul>
</main>
<footer><p>The Sea Pottery, Harbour Road</p></footer>
</body></html>`

describe('a shop page', () => {
  const { text, removed } = extractHtml(page)

  it('keeps the products, their descriptions and prices', () => {
    assert.ok(text.includes(INTRO), text)
    for (const [name, about, price] of POTS) {
      assert.ok(text.includes(name), name)
      assert.ok(text.includes(about), about)
      assert.ok(text.includes(price), price)
    }
  })

  it('drops the controls and counters standing alone: sorting, review counts, badges, quantity pickers', () => {
    for (const control of ['Sort by:', '12 reviews', 'Sold out', 'Quantity:']) {
      assert.ok(!text.includes(control), `${control} in ${text}`)
      assert.ok(removed.some((piece) => piece.text === control && piece.reason === 'page-control'), control)
    }
  })
})

const REVIEW = [
  'The storm scene comes in like real weather, with the company rattling sheets of iron across a stage that leans further towards the front row in every act.',
  'At the heart of it is a king who looks smaller each time he comes on, until the last scene leaves him on his knees in a pool of stage rain.',
]
const RETURNS = 'Every night of the run was booked within a day of going on sale in March; the box office says returned seats go on sale at ten each morning.'

/** A theatre review holding one shop control ("Sold out", a review count or a quantity) as its own line. */
const review = (extra: string): string => `<!doctype html><html><head><title>A stormy king at the Lyric</title></head><body>
<article>
  <h1>A stormy king at the Lyric</h1>
  ${REVIEW.map((p) => `<p>${p}</p>`).join('\n  ')}
  ${extra}
  <p>Lyric Theatre, until the end of June.</p>
</article>
</body></html>`

describe('a shop page whose sort picker lies outside the kept text', () => {
  const grid = `<!doctype html><html><head><title>Handmade teapots</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav><form class="toolbar"><label>Sort by:</label><select><option>Newest</option></select></form></header>
<main>
  <h1>Handmade teapots</h1>
  <p>${INTRO}</p>
  ${POTS.map(([name, about, price]) => `<div class="card"><h3>${name}</h3><p>${about}</p><div>${price}</div><div>Sold out</div></div>`).join('\n  ')}
</main>
</body></html>`

  it('drops the badge on each card, counting the controls over the whole page', () => {
    const { text } = extractHtml(grid)
    for (const [, about] of POTS) assert.ok(text.includes(about), text)
    assert.ok(!text.includes('Sort by'), text)
    assert.ok(!text.includes('Sold out'), text)
  })
})

describe('an article that is no shop page', () => {
  it('keeps a lone "Sold out" line and a "Sold out" section heading', () => {
    const { text } = extractHtml(review(`<h2>Sold out</h2><p>${RETURNS}</p><p>Sold out</p>`))
    assert.ok(text.includes(RETURNS), text)
    assert.equal(text.split('Sold out').length - 1, 2, text)
  })

  it('keeps a one-line review count or quantity', () => {
    assert.ok(extractHtml(review('<p>12 reviews</p>')).text.includes('12 reviews'))
    assert.ok(extractHtml(review('<p>Quantity:</p>')).text.includes('Quantity:'))
  })

  it('keeps a "Sponsored" label with the paid copy it marks', () => {
    const paid = 'Our heat pumps halve a family\'s heating bill in the first winter, and every one fitted before May comes with five years of free servicing.'
    const { text } = extractHtml(review(`<div><p>Sponsored</p><p>${paid}</p></div>`))
    assert.ok(text.includes(paid), text)
    assert.ok(text.includes('Sponsored'), text)
  })
})
