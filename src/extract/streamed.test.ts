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
    const html = '<main><template id="B:0"></template><div>Loading...</div><!--/$--><p>after</p></main><div hidden id="S:0"><div><p>first</p></div><template id="P:1"></template></div><div hidden id="S:1"><p>second</p></div>'
    assert.equal(inlineStreamedSegments(html), '<main><div><p>first</p></div><p>second</p><p>after</p></main>')
  })

  it('leaves a page without segments, and a segment without a placeholder, as they are', () => {
    const plain = '<p>a</p><div hidden id="S:4"><p>b</p></div>'
    assert.equal(inlineStreamedSegments(plain), plain)
  })

  it('lets the extractor read an article whose paragraphs arrive in streamed segments', () => {
    const shell = STORY.map((_, i) => `<template id="B:${i}"></template><div>Loading paragraph...</div><!--/$-->`).join('')
    const segments = STORY.map((text, i) => `<div hidden id="S:${i}"><p>${text}</p></div>`).join('')
    const page = `<!doctype html><html><head><title>Canal gates</title></head><body><article><h1>Canal gates open earlier</h1>${shell}</article>${segments}<script>$RC("B:0","S:0")</script></body></html>`
    const text = extractHtml(page).text
    assert.match(text, /lock keepers on the canal voted/)
    assert.match(text, /night passages for the hire boats/)
    assert.doesNotMatch(text, /Loading paragraph/)
  })
})
