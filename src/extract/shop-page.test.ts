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
