import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHtml } from './html.js'
import { inlineStreamedSegments } from './streamed.js'

const STORY = [
  'The lock keepers on the canal voted on Monday to open the upper gates an hour earlier all summer.',
  'Barges waiting below the mill had queued past the bridge by noon on most days of the last heatwave.',
  'The towpath will stay open to walkers, though cyclists are asked to dismount under the low arches.',
  'A second vote, on night passages for the hire boats, was put off until the autumn meeting of the board.',
]

describe('inlineStreamedSegments', () => {
  it('puts each hidden segment where its placeholder is, dropping the loading fallback', () => {
    const html = '<main><template id="B:0"></template><div>Loading...</div><!--/$--><p>after</p></main><div hidden id="S:0"><div><p>first</p></div><template id="P:1"></template></div><div hidden id="S:1"><p>second</p></div><script>$RS("S:1","P:1");$RC("B:0","S:0")</script>'
    assert.equal(inlineStreamedSegments(html), '<main><div><p>first</p></div><p>second</p><p>after</p></main><script>$RS("S:1","P:1");$RC("B:0","S:0")</script>')
  })

  it('leaves a page without segments, and a segment without a placeholder, as they are', () => {
    const plain = '<p>a</p><div hidden id="S:4"><p>b</p></div><script>$RC("B:4","S:4")</script>'
    assert.equal(inlineStreamedSegments(plain), plain)
  })

  it('follows the runtime calls, not equal numbers, to pair boundaries with segments', () => {
    const html = '<main><template id="B:0"></template><i>wait</i><!--/$--><template id="B:1"></template><i>wait</i><!--/$--></main><div hidden id="S:0"><p>one</p></div><div hidden id="S:2"><p>two</p></div><div hidden id="S:1"><p>three</p></div><script>$RC("B:0","S:2");$RC("B:1","S:0")</script>'
    assert.equal(inlineStreamedSegments(html), '<main><p>two</p><p>one</p></main><div hidden id="S:1"><p>three</p></div><script>$RC("B:0","S:2");$RC("B:1","S:0")</script>')
  })

  it('pairs by number when the runtime is there but its calls cannot be read', () => {
    const html = '<template id="P:3"></template><div hidden id="S:3"><p>x</p></div><script>window.$RS(a[0],a[1])</script>'
    assert.equal(inlineStreamedSegments(html), '<p>x</p><script>window.$RS(a[0],a[1])</script>')
  })

  it('leaves hidden segment divs in place on a page without the streaming runtime', () => {
    const cloaked = '<p>Visible story.</p><template id="P:1"></template><div hidden id="S:1"><p>cheap pills here</p></div>'
    assert.equal(inlineStreamedSegments(cloaked), cloaked)
    const page = `<!doctype html><html><body><article>${STORY.map((s) => `<p>${s}</p>`).join('')}<template id="P:1"></template></article><div hidden id="S:1"><p>cheap pills here</p></div><p>$RC("B:1","S:1") in text</p></body></html>`
    assert.doesNotMatch(extractHtml(page).text, /cheap pills/)
  })

  it('pairs boundaries by number in a saved copy stripped of every script', () => {
    const saved = '<main><template id="B:0"></template><i>wait</i></main><div hidden id="S:0"><p>one</p></div>'
    assert.equal(inlineStreamedSegments(saved), '<main><p>one</p><i>wait</i></main>')
    const withScripts = `${saved}<script>track()</script>`
    assert.equal(inlineStreamedSegments(withScripts), withScripts)
  })

  it('reads hostile markup in one pass: unclosed segments and boundaries without their closing comment', () => {
    const unclosed = '<template id="B:0"></template>' + '<div hidden id="S:0">'.repeat(40_000) + '<script>$RC("B:0","S:0")</script>'
    assert.equal(inlineStreamedSegments(unclosed), unclosed)
    const open = Array.from({ length: 40_000 }, (_, i) => `<template id="B:${i}"></template><i>Loading</i>`).join('')
    const segments = Array.from({ length: 40_000 }, (_, i) => `<div hidden id="S:${i}">w${i} </div>`).join('')
    const out = inlineStreamedSegments(`<main>${open}</main>${segments}<script>$RC(b,s)</script>`)
    assert.ok(out.startsWith('<main>w0 <i>Loading</i>w1 <i>Loading</i>w2 '))
    assert.ok(out.endsWith('w39999 <i>Loading</i></main><script>$RC(b,s)</script>'))
  })

  it('refuses a page over the element limit before moving its segments', () => {
    const many = '<template id="B:0"></template>' + '<div hidden id="S:0">'.repeat(5_000) + '<script>$RC("B:0","S:0")</script>'
    assert.throws(() => extractHtml(`<html><body>${many}</body></html>`, { limits: { maxElements: 1_000 } }), /maxElements|maxDepth/)
  })

  it('lets the extractor read an article whose paragraphs arrive in streamed segments', () => {
    const shell = STORY.map((_, i) => `<template id="B:${i}"></template><div>Loading paragraph...</div><!--/$-->`).join('')
    const segments = STORY.map((text, i) => `<div hidden id="S:${i}"><p>${text}</p></div>`).join('')
    const page = `<!doctype html><html><head><title>Canal gates</title></head><body><article><h1>Canal gates open earlier</h1>${shell}</article>${segments}<script>${STORY.map((_, i) => `$RC("B:${i}","S:${i}");`).join('')}</script></body></html>`
    const text = extractHtml(page).text
    assert.match(text, /lock keepers on the canal voted/)
    assert.match(text, /night passages for the hire boats/)
    assert.doesNotMatch(text, /Loading paragraph/)
  })
})
