import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import type { DomDocument, DomElement } from '../dom.js'
import { extractHtml, pruneMarkup } from '../html.js'
import { collectPageBlocks, containerReason, listDroppedBlocks } from './page-furniture.js'

function documentOf(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document
}

function firstElement(html: string): DomElement {
  const element = documentOf(`<html><body>${html}</body></html>`).body?.firstElementChild
  assert.ok(element)
  return element
}

describe('containerReason', () => {
  const cases: [html: string, reason: string | null][] = [
    ['<nav></nav>', 'navigation'],
    ['<div role="navigation"></div>', 'navigation'],
    ['<ul class="mainNav"></ul>', 'navigation'],
    ['<div class="breadcrumbs"></div>', 'navigation'],
    ['<footer></footer>', 'footer'],
    ['<div role="contentinfo"></div>', 'footer'],
    ['<aside></aside>', 'related-headline'],
    ['<section class="more-on-this"></section>', 'related-headline'],
    ['<figcaption></figcaption>', 'caption'],
    ['<p class="image-credit"></p>', 'photo-credit'],
    ['<div id="comments"></div>', 'comment-notice'],
    ['<div class="share-tools"></div>', 'share-bar'],
    ['<div class="ad-slot"></div>', 'advertisement'],
    ['<div class="ad top"></div>', 'advertisement'],
    ['<div class="newsletter-signup"></div>', 'newsletter'],
    ['<p class="kicker"></p>', 'section-label'],
    ['<p class="standfirst"></p>', 'standfirst'],
    // Words inside other words, page states and whole-page containers say nothing.
    ['<div class="canvas-wrap"></div>', null],
    ['<div class="commentary-body"></div>', null],
    ['<div class="layout has-sidebar with-comments"></div>', null],
    ['<article class="related-story"></article>', null],
    ['<div class="story-body"></div>', null],
    ['<div class="node node--type-recipe node--promoted"></div>', null],
    ['<div class="promo-box"></div>', 'advertisement'],
    ['<div class="p-body-main p-body-main--withSidebar"></div>', null],
    ['<div class="post is-promoted"></div>', null],
    ['<div class="view view--site-promoted-blocks"></div>', null],
    ['<div class="promoted-stories"></div>', 'advertisement'],
    ['<div id="trc_promoted_widget"></div>', 'advertisement'],
    ['<div class="isAdvertisement"></div>', 'advertisement'],
    ['<div class="Layout Has-Sidebar"></div>', null],
    ['<div class="notes-panel"></div>', null],
  ]
  for (const [html, reason] of cases) {
    it(`${html} -> ${reason}`, () => assert.equal(containerReason(firstElement(html)), reason))
  }
})

describe('collectPageBlocks and listDroppedBlocks', () => {
  const page = `<html><body>
    <header><a class="logo" href="/">Tidewater Post</a>
      <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
    <div class="layout has-sidebar">
      <article><h1>Pier reopens after storm repairs</h1>
        <p>The north pier reopened on Friday after six weeks of repairs to its storm-damaged deck.</p>
        <p>Anglers were back <a href="/fishing">on the end</a> within the hour.</p></article>
      <div class="share-bar"><a href="#">Share</a> <a href="#">Email</a></div>
      <aside><h2>Most read</h2><p>By Kim Lowe, AP</p><ul><li><a href="/x">Tide tables change</a></li></ul></aside>
      <div id="comments"><p>Be the first to comment.</p><p>Log in to reply.</p></div>
      <div class="ad-slot"><p>Advertisement</p></div>
    </div>
    <footer><p>Write to the editor at desk@tidewaterpost.example</p><p>Copyright 2025 Tidewater Post Ltd</p>
      <ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
  </body></html>`
  const body = documentOf(page).body
  assert.ok(body)
  const blocks = collectPageBlocks(body)
  const kept = [
    { text: 'The north pier reopened on Friday after six weeks of repairs to its storm-damaged deck.', kind: 'paragraph' as const },
    { text: 'Anglers were back on the end within the hour.', kind: 'paragraph' as const },
  ]
  const dropped = listDroppedBlocks(blocks, kept, { title: 'Pier reopens after storm repairs' })

  it('runs inline text on in its block, splits menus into items and gives each block its innermost container', () => {
    assert.ok(blocks.some((b) => b.text === 'Anglers were back on the end within the hour.' && b.reason === null))
    assert.ok(blocks.some((b) => b.text === 'Home | Local | Sport' && b.reason === 'navigation'))
    assert.ok(blocks.some((b) => b.text === 'Tidewater Post' && b.reason === 'header'))
  })

  it('lists every dropped block once, in page order, merged per box, with its reason', () => {
    assert.deepEqual(dropped, [
      { text: 'Tidewater Post', reason: 'header' },
      { text: 'Home | Local | Sport', reason: 'navigation' },
      { text: 'Pier reopens after storm repairs', reason: 'title' },
      { text: 'Share | Email', reason: 'share-bar' },
      // A byline inside a box of other stories is that box's, not this article's.
      { text: 'Most read | By Kim Lowe, AP | Tide tables change', reason: 'related-headline' },
      { text: 'Be the first to comment. | Log in to reply.', reason: 'comment-notice' },
      { text: 'Advertisement', reason: 'advertisement' },
      // In a footer the words are more specific than the box.
      { text: 'Write to the editor at desk@tidewaterpost.example', reason: 'author-contact' },
      { text: 'Copyright 2025 Tidewater Post Ltd', reason: 'copyright' },
      { text: 'Terms | Privacy', reason: 'footer' },
    ])
  })

  it('keeps a sentence with links whole, and a weak box inside a strong one keeps the strong reason', () => {
    const html = `<html><body><aside class="related"><p>Read <a href="/a">the ruling</a> and <a href="/b">the appeal</a>.</p>
      <div class="comments"><p class="author">Jo Reader</p><p>Great piece, <a href="/u">thanks</a>!</p></div></aside></body></html>`
    const body = documentOf(html).body
    assert.ok(body)
    assert.deepEqual(collectPageBlocks(body), [
      { text: 'Read the ruling and the appeal.', reason: 'related-headline' },
      { text: 'Jo Reader', reason: 'comment-notice' },
      { text: 'Great piece, thanks!', reason: 'comment-notice' },
    ])
  })

  it('bounds the number and length of pieces', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ text: `Teaser headline number ${i} about something else`, reason: 'related-headline' }))
    const short = listDroppedBlocks(many, [], { maxPieces: 3, maxPieceChars: 60 })
    assert.equal(short.length, 3)
    for (const piece of short) assert.ok(piece.text.length <= 60, piece.text)
    const long = listDroppedBlocks([{ text: 'x'.repeat(1000), reason: null }], [], { maxPieceChars: 300 })
    assert.equal(long[0].text.length, 300)
    assert.ok(long[0].text.endsWith('…'))
  })

  it('skips blocks of whitespace and counts a long block found inside the kept text as kept', () => {
    const kept2 = [{ text: 'The first sentence of a long paragraph. The second sentence of it.', kind: 'paragraph' as const }]
    const page2 = [{ text: 'The second sentence of it.', reason: null }, { text: 'Tide', reason: null }]
    assert.deepEqual(listDroppedBlocks(page2, kept2), [{ text: 'Tide', reason: 'outside-article' }])
    const spaces = documentOf('<html><body><div>   </div><p>\n\t</p></body></html>').body
    assert.ok(spaces)
    assert.deepEqual(collectPageBlocks(spaces), [])
    // Hidden text is neither article nor furniture: Readability skips it and no reader sees it.
    const hidden = documentOf('<html><body><p>Seen<sup style="display: none">[update]</sup></p><div hidden>Gone</div><nav aria-hidden="true">Menu</nav></body></html>').body
    assert.ok(hidden)
    assert.deepEqual(collectPageBlocks(hidden), [{ text: 'Seen', reason: null }])
  })
})

describe('extractHtml: what the page left out, and section headings', () => {
  const filler = 'The county opened its new flood barrier at the mouth of the Wend river on Monday, two years late.'
  const page = `<!doctype html><html><head><title>Flood barrier opens - Wend Valley News</title>
    <script>var tracking = "Sign up for our newsletter"</script><style>p { color: red }</style></head><body>
    <nav class="site-nav"><a href="/">Front page</a> <a href="/county">County</a></nav>
    <main><article><h1>Flood barrier opens</h1>
      <p>${filler}</p><p>${filler.replace('Monday', 'Tuesday')}</p>
      <h2>How it works</h2>
      <p>Two steel gates swing shut when the tide rises above four metres, the engineers said.</p>
      <h3>1 / 4</h3>
      <p>${filler.replace('county', 'council')}</p>
      <h2>Related coverage</h2>
      <p>The barrier cost 31 million pounds, paid mostly by the national flood fund, officials said.</p>
    </article></main>
    <footer><p>© 2025 Wend Valley News</p></footer></body></html>`
  const result = extractHtml(page)
  const paragraphs = result.text.split('\n\n')

  it('keeps an h2 of the article as its own paragraph, in place', () => {
    assert.equal(paragraphs[2], 'How it works')
    assert.match(paragraphs[3], /^Two steel gates/)
  })

  it('leaves out related-links headings and slide counters, with a reason', () => {
    assert.ok(!result.text.includes('Related coverage'))
    assert.ok(!result.text.includes('1 / 4'))
    assert.ok(result.removed.some((p) => p.text === 'Related coverage' && p.reason === 'related-headline'))
    assert.ok(result.removed.some((p) => p.text === '1 / 4' && p.reason === 'section-heading'))
  })

  it('lists navigation and footer apart from pieces of the article', () => {
    assert.deepEqual(result.dropped.map((p) => p.reason).sort(), ['copyright', 'navigation', 'title'])
    assert.ok(result.dropped.some((p) => p.text === 'Front page | County'))
    assert.ok(!result.dropped.some((p) => /tracking|color/.test(p.text)))
  })
})

describe('extractHtml on the example pages', () => {
  for (const file of ['02.html', '04.html']) {
    it(`${file}: navigation and footer are listed, the body is intact`, () => {
      const html = readFileSync(new URL(`../../../examples/harbour-ferry/${file}`, import.meta.url), 'utf8')
      const result = extractHtml(html)
      const nav = result.dropped.find((p) => p.reason === 'navigation' && p.text.includes('News | '))
      assert.ok(nav, 'menu listed as one piece')
      assert.ok(result.dropped.some((p) => p.reason === 'copyright' && p.text.startsWith('© 2026')))
      assert.ok(result.dropped.some((p) => p.reason === 'related-headline' && p.text.includes('Read more:')))
      assert.ok(result.dropped.some((p) => p.reason === 'comment-notice'))
      assert.match(result.text, /^(?:A ferry carrying 212|It took about 45 minutes)/)
      for (const piece of result.dropped) assert.ok(!result.text.includes(piece.text), piece.text)
    })
  }
})

describe('pruneMarkup', () => {
  it('drops scripts, styles, SVG, noscript and comments, in any case, but keeps JSON-LD', () => {
    const html = '<head><script src="a.js"></script><script type="application/ld+json">{"headline":"H"}</script><style>b{}</style></head><body><!-- x --><svg><text>chart</text></svg><NOSCRIPT><img src="a.png"></NOSCRIPT><p>Text</p></body>'
    assert.equal(pruneMarkup(html), '<head><script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text</p></body>')
  })
})
