import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import type { DomElement, TextBlock } from './dom.js'
import { extractHtml } from './html.js'
import { findMainRegion, regionContent, regionFallback } from './main-region.js'
import { findPostRuns } from './threads.js'

const body = (html: string): DomElement => (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: { body: DomElement } }).document.body

const DESCRIPTION = [
  'The Harbour kettle boils a full litre in under four minutes and keeps it hot for an hour without a sound.',
  'Its long spout pours slowly and evenly, which is what a filter coffee needs, and the handle stays cool.',
  'We built the base from steel and oak offcuts so that it lasts, and every part of it can be replaced.',
  'The dial sits on the front of the base, where a reader of small print can still see it in the morning.',
  'A light under the dial turns from blue to amber as the water warms, and off when the kettle is lifted.',
]
const FEATURES = ['Precise temperature dial from 40 to 100 degrees', 'One-hour keep warm at the set temperature', 'Boil-dry protection that switches the plate off', 'Quiet heating plate under a steel cover', 'Oak handle that stays cool to the touch', 'Lid that lifts off for easy cleaning', 'Scale filter that rinses clean under the tap', 'Window marked in cups and in litres', 'Cord that winds away under the base', 'Feet that keep the worktop dry']
const SPECS: [string, string][] = [['Capacity', '1.0 litre'], ['Power', '1200 W'], ['Weight', '1.1 kg'], ['Cord', '75 cm'], ['Height', '21 cm'], ['Base', 'Steel and oak'], ['Plug', 'Type G'], ['Colour', 'Slate grey']]
const FAQ: [string, string][] = [
  ['Can I use it on a gas stove?', 'No, it heats on its own base, which plugs into any wall socket.'],
  ['How long is the warranty?', 'Two years from delivery, and a third if you register the kettle with us.'],
  ['Does it come with a plug for my country?', 'Yes, tell us where it is going at checkout and we fit the right one.'],
  ['Can I buy spare parts?', 'Every part is sold on its own, from the lid to the heating plate, for ten years.'],
  ['Is the inside of the kettle plastic?', 'No, the water only ever touches steel and the glass of the window.'],
  ['How do I clean the scale away?', 'Boil a mix of water and vinegar, leave it overnight and rinse it twice in the morning.'],
  ['Can it boil less than a cup?', 'Yes, the plate is safe with as little as two hundred millilitres in the kettle.'],
  ['Will the oak handle crack?', 'Not in normal use; oil it once a year and it will outlast the steel around it.'],
  ['How quickly do you deliver?', 'Most orders leave our workshop the next working day and arrive within three days.'],
  ['Can I return it?', 'Within sixty days, used or not, and we pay for the courier who collects it.'],
  ['Is there a larger model?', 'Not yet; a one-and-a-half litre kettle is planned for next spring.'],
  ['Does it work with a timer plug?', 'Yes, the switch stays on, so a timer plug can start it before you wake.'],
]

/** A product page whose content is spread over sibling sections of unlike markup, in page chrome. */
const productPage = `<!doctype html><html><head><title>Harbour kettle | Example Goods</title></head><body>
<header class="site-header"><a href="/">Example Goods</a><nav><a href="/shop">Shop</a> <a href="/about">About</a> <a href="/help">Help</a></nav></header>
<main>
  <section class="hero"><h1>Harbour kettle</h1><span class="price">$89.00</span></section>
  <section class="description"><div class="inner"><div class="text">${DESCRIPTION.map((p) => `<p>${p}</p>`).join('')}</div></div></section>
  <section class="features"><h2>Features</h2><ul>${FEATURES.map((f) => `<li>${f}</li>`).join('')}</ul></section>
  <section class="specs"><h2>Specifications</h2><table>${SPECS.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table></section>
  <section class="faq"><h2>Questions</h2><dl>${FAQ.map(([q, a]) => `<dt>${q}</dt><dd>${a}</dd>`).join('')}</dl></section>
  <form class="enquiry"><label>Ask us about this kettle and we will write back within a working day</label><input type="email"><textarea></textarea><button>Send</button></form>
</main>
<footer><p>© 2025 Example Goods. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`

describe('findMainRegion', () => {
  it('descends to the element holding most of the content text, and reads it without furniture', () => {
    const region = findMainRegion(body(productPage.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')))
    const inner = region?.levels[0].blocks.map((b) => b.text) ?? []
    assert.ok(inner.includes(DESCRIPTION[1]) && inner.includes('Features') && inner.includes('Capacity | 1.0 litre'), JSON.stringify(inner))
    // A form asking for typed input, the site header with its menu and the footer are no content.
    assert.ok(!inner.some((t) => /Ask us|Example Goods|Shop|All rights/.test(t)), JSON.stringify(inner))
    assert.equal(region?.levels.at(-1)?.blocks.length, region?.levels[0].blocks.length)
  })

  it('counts a cookie consent box out, but not a wrapper named for one that holds the page', () => {
    const consent = `<div id="cookie-consent"><p>${DESCRIPTION.join(' ')} ${FAQ.map(([, a]) => a).join(' ')}</p></div>`
    const region = findMainRegion(body(`${consent}<div class="page"><p>${FAQ[0][1]}</p><p>${FAQ[1][1]}</p></div>`))
    assert.deepEqual(region?.levels[0].blocks.map((b) => b.text), [FAQ[0][1], FAQ[1][1]])
    const wrapped = findMainRegion(body(`<div class="has-cookie-bar"><main><h1>Kettles</h1><p>${FAQ[0][1]}</p></main></div>`))
    assert.ok(wrapped?.levels.at(-1)?.blocks.some((b) => b.text === FAQ[0][1]))
  })

  it('reads a page-wide wrapper that class words name as chrome ("with_header"), not a <header> of that size', () => {
    const content = DESCRIPTION.map((p) => `<p>${p}</p>`).join('')
    const wrapped = findMainRegion(body(`<div class="page_frame with_header"><div class="menu-bar"><a href="/">Home</a></div><div class="copy">${content}</div></div>`))
    assert.deepEqual(wrapped?.levels[0].blocks.map((b) => b.text), DESCRIPTION)
    const header = findMainRegion(body(`<header>${content}</header><div class="copy"><p>${FAQ[0][1]}</p></div>`))
    assert.deepEqual(header?.levels[0].blocks.map((b) => b.text), [FAQ[0][1]])
  })

  it('reads a layout named for its sidebar that holds the page, but not a sidebar or an <aside> beside the text', () => {
    const content = DESCRIPTION.map((p) => `<p>${p}</p>`).join('')
    const side = `<div class="sidebar-links"><a href="/a">Filters</a> <a href="/b">Grinders</a></div>`
    const layout = findMainRegion(body(`<div class="layout-sidebar-left">${side}<div class="copy">${content}</div></div>`))
    assert.deepEqual(layout?.levels[0].blocks.map((b) => b.text), DESCRIPTION)
    const camel = findMainRegion(body(`<div class="p-body-main--withSidebar"><div class="copy">${content}</div></div>`))
    assert.deepEqual(camel?.levels[0].blocks.map((b) => b.text), DESCRIPTION)
    const aside = findMainRegion(body(`<aside>${content}</aside><div class="copy"><p>${FAQ[0][1]}</p></div>`))
    assert.deepEqual(aside?.levels[0].blocks.map((b) => b.text), [FAQ[0][1]])
  })

  it('reads a link inside a sentence as part of it, even one that class words name as related', () => {
    const sentence = `<p>${DESCRIPTION[0]} Read our <a class="recommendation-link" href="/guide">guide to filter coffee</a> before you pour the first cup.</p>`
    const region = findMainRegion(body(`<nav><a href="/">Home</a></nav><main>${sentence}<p>${DESCRIPTION[1]}</p></main>`))
    assert.match(region?.levels[0].blocks[0].text ?? '', /Read our guide to filter coffee before you pour/)
  })

  it('leaves out an advertisement label inside a paragraph', () => {
    const sentence = `<p>${DESCRIPTION[0]} <span class="advertisement">ADVERT - THE STORY GOES ON BELOW</span> Then pour the first cup slowly.</p>`
    const region = findMainRegion(body(`<nav><a href="/">Home</a></nav><main>${sentence}<p>${DESCRIPTION[1]}</p></main>`))
    assert.doesNotMatch(region?.levels[0].blocks[0].text ?? '', /ADVERT/)
    assert.match(region?.levels[0].blocks[0].text ?? '', /pour the first cup/)
  })

  it('finds nothing on a page without content text', () => {
    assert.equal(findMainRegion(body('<nav><a href="/">Home</a></nav><footer>© Example</footer>')), null)
  })
})

describe('regionContent', () => {
  const region = findMainRegion(body(`<div id="page"><div class="intro"><p>${DESCRIPTION[0]}</p></div><div class="grid">${DESCRIPTION.slice(1).map((p) => `<p>${p}</p>`).join('')}${FEATURES.map((f) => `<p>${f} for every kitchen, tested in ours for a year.</p>`).join('')}</div></div>`))
  const kept = (texts: string[]): TextBlock[] => texts.map((text) => ({ text, kind: 'paragraph' }))

  it('takes the region when what was kept is a small part of it', () => {
    assert.equal(regionContent(kept([DESCRIPTION[1]]), region!)?.length, DESCRIPTION.length - 1 + FEATURES.length)
  })

  it('climbs to the level holding what was kept when it lies beside the dominant child', () => {
    assert.equal(regionContent(kept([DESCRIPTION[0]]), region!)?.[0].text, DESCRIPTION[0])
  })

  it('gives a third of the region\'s text way on an undated page of prose, not on a dated one or among links', () => {
    const prose = findMainRegion(body(`<div>${DESCRIPTION.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}</div>`))!
    assert.equal(regionContent(kept([DESCRIPTION[0]]), prose)?.length, 3)
    // A dated article body (three long paragraphs) holding a third of its region stays as it is.
    const story = (n: number): string[] => Array.from({ length: n }, (_, i) => `${DESCRIPTION[i % 5]} ${DESCRIPTION[(i + 1) % 5]}`)
    const article = findMainRegion(body(`<div>${story(8).map((p) => `<p>${p}</p>`).join('')}</div>`))!
    assert.equal(regionContent(kept(story(3)), article)?.length, 8)
    assert.equal(regionContent(kept(story(3)), article, { dated: true }), null)
    const teasers = FEATURES.slice(0, 6).map((f) => `<p><a href="/k">${f}, and more in our kitchen guide.</a></p>`).join('')
    const linked = findMainRegion(body(`<div>${DESCRIPTION.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}${teasers}</div>`))!
    assert.equal(regionContent(kept([DESCRIPTION[0]]), linked), null)
  })

  it('gives way on a dated page too when what was kept is no article body (two long paragraphs at most)', () => {
    const sections = findMainRegion(body(`<div><section><p>${DESCRIPTION[0]}</p><p>${DESCRIPTION[1]}</p></section>${FAQ.slice(0, 4).map(([q, a]) => `<section><h2>${q}</h2><p>${a}</p></section>`).join('')}</div>`))!
    assert.equal(regionContent(kept(DESCRIPTION.slice(0, 2)), sections, { dated: true })?.length, 10)
  })

  it('keeps what was kept when it holds most of the region', () => {
    assert.equal(regionContent(kept(DESCRIPTION.concat(FEATURES.map((f) => `${f} for every kitchen, tested in ours for a year.`))), region!), null)
  })

  it('measures a pick from outside every level (page furniture) against the inner region, unless the page is a thread', () => {
    const blurb = kept(['The site is owned by Example Goods.'])
    assert.equal(regionContent(blurb, region!)?.length, DESCRIPTION.length - 1 + FEATURES.length)
    assert.equal(regionContent(blurb, region!, { thread: true }), null)
  })
})

describe('extractHtml on pages whose content is spread over sections', () => {
  it('keeps every section of a product page, not only the longest', () => {
    const page = extractHtml(productPage)
    assert.equal(page.provenance.text, 'region')
    for (const expected of [DESCRIPTION[2], '• Boil-dry protection that switches the plate off', 'Power | 1200 W', 'How long is the warranty?', FAQ[1][1], '$89.00']) {
      assert.ok(page.text.includes(expected), `${expected} in ${JSON.stringify(page.text)}`)
    }
    assert.doesNotMatch(page.text, /Ask us|All rights|Privacy/)
  })

  it('leaves a news article with a short box beside it to Readability', () => {
    const story = DESCRIPTION.concat(FAQ.map(([, a]) => a)).map((p) => `<p>${p}</p>`).join('')
    const page = extractHtml(`<!doctype html><html><head><title>Kettle maker opens a workshop</title></head><body><main><article><h1>Kettle maker opens a workshop</h1>${story}</article><div class="box"><p>Harbour market opens on Sunday.</p></div></main></body></html>`)
    assert.equal(page.provenance.text, 'readability')
  })
})

describe('regionFallback', () => {
  const comments = DESCRIPTION.map((p) => `<div class="comment"><span class="author">reader</span><p>${p}</p></div>`).join('')
  const page = body(`<main><h1>Kettles</h1><p>${FAQ[0][1]}</p><div class="comments">${comments}</div></main>`)
  const runs = findPostRuns(page)
  const region = findMainRegion(page)!

  it('takes a run of posts the region counted out as comments', () => {
    assert.deepEqual(regionFallback(region, runs, 10)?.filter((b) => b.text !== 'reader').map((b) => b.text), DESCRIPTION)
  })

  it('takes the region when no run holds more, and nothing when the region is too short', () => {
    assert.deepEqual(regionFallback(region, [], 10)?.map((b) => b.text), [FAQ[0][1]])
    assert.equal(regionFallback(region, [], 1000), null)
  })
})
