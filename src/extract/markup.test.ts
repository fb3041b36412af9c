import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../errors.js'
import { DEFAULT_LIMITS } from '../input/limits.js'
import { extractArticle } from './index.js'
import { extractHtml } from './html.js'
import { assertMarkupWithin, countMarkup, pruneMarkup } from './markup.js'

const page = (body: string) => `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`
const isLimit = (pattern: RegExp) => (e: unknown) => e instanceof InputError && e.code === 'limit' && pattern.test(e.message)

describe('pruneMarkup', () => {
  it('cuts each closed script, style and comment, and leaves unclosed ones as they are', () => {
    assert.equal(pruneMarkup('<p>a</p><script>x()</script><!-- c --><STYLE>b{}</STYLE ><p>b</p>'), '<p>a</p><p>b</p>')
    assert.equal(pruneMarkup('<p>a</p><script>never closed'), '<p>a</p><script>never closed')
    assert.equal(pruneMarkup('<!-- open <p>a</p>'), '<!-- open <p>a</p>')
    assert.equal(pruneMarkup('<script type="application/ld+json">{}</script><script>x</script>'), '<script type="application/ld+json">{}</script>')
  })

  it('reads a CDATA opener in HTML as a bogus comment ending at the next >, as browsers do', () => {
    assert.equal(pruneMarkup('<p>a</p><![CDATA[\n<div id="top"></div><p>b</p>'), '<p>a</p></div><p>b</p>')
    // Inside a kept JSON-LD script it is the script's own wrapper.
    const jsonLd = '<script type="application/ld+json"><![CDATA[ {"headline": "a > b"} ]]></script>'
    assert.equal(pruneMarkup(`${jsonLd}<p>a</p>`), `${jsonLd}<p>a</p>`)
    const post = '<p>The night bus now leaves the depot at ten, and the last stop moved to the station square.</p>'
    const text = extractHtml(page(`<![CDATA[\n<div id="jump"></div><main><h1>Night bus</h1>${post.repeat(4)}</main>`)).text
    assert.match(text, /night bus now leaves the depot/)
  })

  it('keeps the content of a noscript that holds the page text, and cuts a short one', () => {
    const post = '<p>The ferry to the island stopped running in March, and the council has not said when it will sail again.</p>'
    const shell = `<div id="app"></div><noscript><div class="posts">${post.repeat(6)}</div></noscript>`
    assert.equal(pruneMarkup(shell), `<div id="app"></div><div class="posts">${post.repeat(6)}</div></noscript>`)
    assert.equal(pruneMarkup('<p>a</p><noscript>Please turn on JavaScript to use this site.</noscript>'), '<p>a</p>')
    // A long notice on a page with more text of its own is not the page: it is cut whole.
    const notice = `<noscript><div>${post.repeat(6)}</div></noscript>`
    assert.equal(pruneMarkup(`<body>${notice}<article>${post.repeat(7)}</article></body>`), `<body><article>${post.repeat(7)}</article></body>`)
    const text = extractHtml(page(`<header>Site</header>${shell}`)).text
    assert.match(text, /ferry to the island stopped running/)
  })

  it('reads many unclosed openers in one pass (the outcome: left as they are)', () => {
    const openers = '<script>a'.repeat(20_000) + '<!--b'.repeat(20_000)
    assert.equal(pruneMarkup(openers), openers)
  })
})

describe('countMarkup', () => {
  const cases: [string, string, { elements: number; depth: number }][] = [
    ['balanced', '<div><p>a</p><div><b>b</b></div></div>', { elements: 4, depth: 3 }],
    ['void and self-closing tags do not nest', '<div><br><img src=x><input/><span/></div>', { elements: 5, depth: 1 }],
    ['unclosed paragraphs and items do not nest', '<ul><li>a<li>b<li>c</ul><p>x<p>y', { elements: 6, depth: 1 }],
    ['unclosed divs nest', '<div>'.repeat(10), { elements: 10, depth: 10 }],
    ['tags inside scripts and comments are not counted', '<script>"<div><div>"</script><!-- <div> --><p>a</p>', { elements: 2, depth: 0 }],
  ]
  for (const [name, html, expected] of cases) it(name, () => assert.deepEqual(countMarkup(html), expected))
})

describe('limits before parsing', () => {
  const crafted: [string, string, RegExp][] = [
    ['unclosed <div>', page('<div>'.repeat(DEFAULT_LIMITS.maxDepth + 1)), /maxDepth/],
    ['nested <div>', page('<div>'.repeat(DEFAULT_LIMITS.maxDepth + 1) + 'x' + '</div>'.repeat(DEFAULT_LIMITS.maxDepth + 1)), /maxDepth/],
    ['many <b>', page('<b>x</b>'.repeat(DEFAULT_LIMITS.maxElements + 1)), /maxElements/],
    ['many unclosed <p>', page('<p>a'.repeat(DEFAULT_LIMITS.maxElements + 1)), /maxElements/],
  ]
  for (const [name, html, message] of crafted) {
    it(`${name}: refused as limit`, () => {
      assert.throws(() => assertMarkupWithin(html, DEFAULT_LIMITS), isLimit(message))
      assert.throws(() => extractHtml(html), isLimit(message))
    })
  }

  it('lets a normal page through to the parser', () => {
    assert.doesNotThrow(() => assertMarkupWithin(page('<article><h1>T</h1><p>One.</p><p>Two.</p></article>'), DEFAULT_LIMITS))
  })
})

describe('markup in text', () => {
  it('keeps text holding two <script> elements as text', () => {
    const text = 'A plain report about the ferry.\n\n<script>alert(1)</script>\n\nIt went on for hours.\n\n<script>alert(2)</script>\n\nThe end of the report.'
    const article = extractArticle({ source: { kind: 'text', path: 'a.txt' }, bytes: new TextEncoder().encode(text) })
    assert.equal(article.source.kind, 'text')
    assert.match(article.text, /It went on for hours\./)
  })

  it('reads an HTML fragment that starts with text instead of failing inside Readability', () => {
    const result = extractHtml('Some text of the report that is long enough.<script>x()</script><p>More text of the article.</p>')
    assert.equal(result.text, 'Some text of the report that is long enough.\n\nMore text of the article.')
  })
})
