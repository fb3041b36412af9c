import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import { filterBlocks } from './block-filter.js'
import type { DomElement, TextBlock } from '../dom.js'
import { extractHtml } from '../html.js'
import { pruneContent } from './prune.js'

const BODY = '<p>The harbour ferry ran aground on Tuesday morning near the north pier, the port authority said in a statement.</p>'.repeat(4)

function article(inner: string): DomElement {
  const { document } = parseHTML(`<html><body><article>${inner}</article></body></html>`)
  return document.querySelector('article') as unknown as DomElement
}

describe('pruneContent', () => {
  it('cuts menus, captions and share bars the page names, keeping the prose', () => {
    const root = article(`${BODY}<ul role="menu"><li><a href="/">Home</a></li></ul><div class="image-caption">Ferry at dawn</div><div class="share-tools">Share Tweet</div>`)
    const removed = pruneContent(root)
    assert.deepEqual(removed.map((p) => p.reason), ['navigation', 'caption', 'share-bar'])
    assert.match(root.textContent ?? '', /ran aground/)
    assert.doesNotMatch(root.textContent ?? '', /Ferry at dawn|Tweet|Home/)
  })

  it('keeps a link or code token inside running text, whatever its class words say', () => {
    const sentence = '<p>After the <a class="recommended-link" href="/ferries">ferry timetable changed</a>, commuters on the north shore waited longer for the early boat.</p>'
    const code = '<pre><code><span class="token comment"># start the pump before the tide turns</span>\npump --start\n</code></pre>'
    const related = '<div><a class="related-story" href="/x">Crane arrives at the port</a></div>'
    const root = article(BODY + sentence + code + related)
    const removed = pruneContent(root)
    assert.match(root.textContent ?? '', /After the ferry timetable changed, commuters/)
    assert.match(root.textContent ?? '', /# start the pump before the tide turns/)
    assert.deepEqual(removed.map((p) => p.text), ['Crane arrives at the port'])
  })

  it('cuts an advertisement inside running text, and a span that is not a link', () => {
    const label = '<p>The pier will close for a second week. <span class="advertisement">ADVERT - THE STORY GOES ON BELOW</span> Divers found more rot under the deck than the survey had shown.</p>'
    const paid = '<p>Repairs are paid from the harbour fund, the authority said. <a class="ad-link sponsored" href="/x">Sponsored: cheap ferry breaks all summer</a> It expects the work to finish by June.</p>'
    const label2 = '<p>Crews worked through the night to shore up the landing stage. <span class="related-label">More on the harbour</span> and on the pier</p>'
    const root = article(BODY + label + paid + label2)
    pruneContent(root)
    assert.doesNotMatch(root.textContent ?? '', /ADVERT - THE STORY|cheap ferry breaks|More on the harbour/)
    assert.match(root.textContent ?? '', /Divers found more rot/)
  })

  it('cuts a list made of links, keeps a list of prose items', () => {
    const links = '<ul><li><a href="/a">Sports</a></li><li><a href="/b">Business</a></li><li><a href="/c">Weather</a></li></ul>'
    const prose = '<ul><li>Two crew were hurt.</li><li>The pier is closed.</li><li>Ferries resume <a href="/t">Friday</a>.</li></ul>'
    const root = article(BODY + links + prose)
    pruneContent(root)
    assert.doesNotMatch(root.textContent ?? '', /Sports|Weather/)
    assert.match(root.textContent ?? '', /The pier is closed/)
  })

  it('cuts a run of link-only paragraphs with its label, keeps one lone link paragraph', () => {
    const related = '<p>You may also like...</p><p><a href="/x">Storm closes bridge</a></p><p><a href="/y">Port gets new crane</a></p>'
    const root = article(`${BODY}<p><a href="/source">[Port authority]</a></p>${related}`)
    const removed = pruneContent(root)
    assert.deepEqual(removed.map((p) => p.text), ['You may also like...', 'Storm closes bridge', 'Port gets new crane'])
    assert.match(root.textContent ?? '', /\[Port authority\]/)
  })

  it('leaves a furniture-named box that holds most of the article (a mislabelled column)', () => {
    const root = article(`<div class="related-content">${BODY}</div>`)
    assert.deepEqual(pruneContent(root), [])
    assert.match(root.textContent ?? '', /ran aground/)
  })
})

describe('filterBlocks', () => {
  it('drops the header and footer lines of posts on a page with a run of posts, and keeps names, replies and figures', () => {
    const lines = ['answered Mar 3, 2021 at 9:15', 'Improve this answer', 'Edited May 2, 2024 by tidewatcher', '• 1,204 posts', 'Joined: Jun 2019', 'Kyung Lee', 'Thanks, that worked', 'Day 2 – Rest', '$8.99', 'Section 3']
    const blocks: TextBlock[] = lines.map((text) => ({ text, kind: 'paragraph' }))
    const thread = filterBlocks(blocks, { dropCopies: true, postMeta: true })
    assert.deepEqual(thread.blocks.map((b) => b.text), ['Kyung Lee', 'Thanks, that worked', 'Day 2 – Rest', '$8.99', 'Section 3'])
    assert.ok(thread.removed.every((r) => r.reason === 'post-meta'))
    assert.equal(filterBlocks(blocks).blocks.length, lines.length)
  })

  it('keeps short lines made of words posts share but without a stamp or count, and all lines of an article with comments', () => {
    const lines = ['Final score: 3-1', 'Question 3', 'Votes: 52 to 48', 'Edit: this worked', 'Answer this question first']
    const blocks: TextBlock[] = lines.map((text) => ({ text, kind: 'paragraph' }))
    assert.deepEqual(filterBlocks(blocks, { dropCopies: true, postMeta: true }).blocks.map((b) => b.text), lines)
    const article = [...blocks, { text: '12 replies', kind: 'paragraph' as const }]
    assert.equal(filterBlocks(article, { dropCopies: true }).blocks.length, article.length)
  })

  const p = (text: string): TextBlock => ({ text, kind: 'paragraph' })

  it('removes repeated widget labels, stamps, credited captions and tagged teasers', () => {
    const blocks = [
      p('Whatsapp Facebook Pin'), p('The ferry ran aground.'), p('Whatsapp Facebook Pin'), p('Crews worked all night.'), p('Whatsapp Facebook Pin'),
      p('Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM'), p('By Jane Doe - 11/18/19 11:04 PM EST'),
      p('Crews at the pier on Tuesday (Image: GETTY )'), p('Storm hits the coast [VIDEO]'), p('Image 1 of 9'),
    ]
    const { blocks: kept, removed } = filterBlocks(blocks)
    assert.deepEqual(kept.map((b) => b.text), ['The ferry ran aground.', 'Crews worked all night.'])
    assert.deepEqual([...new Set(removed.map((r) => r.reason))], ['share-bar', 'dateline-stamp', 'byline', 'caption', 'related-headline', 'page-control'])
  })

  it('keeps repeated table cells and recipe steps (not title-case labels)', () => {
    const step = p('Drink during your workout')
    const cell = p('1 tackle (1 combined).')
    const { blocks: kept } = filterBlocks([step, cell, step, cell, step, cell])
    assert.equal(kept.length, 6)
  })

  it('removes a long paragraph repeating one kept earlier (a reply quoting the post above), not a short one', () => {
    const post = p('The ferry from the north pier leaves at seven and returns at noon on weekdays.')
    const reply = p('Thanks, the seven o\'clock ferry was on time this morning.')
    const { blocks: kept, removed } = filterBlocks([post, p('Yes.'), post, reply, p('Yes.')], { dropCopies: true })
    assert.equal(filterBlocks([post, post]).blocks.length, 2)
    assert.deepEqual(kept.map((b) => b.text), [post.text, 'Yes.', reply.text, 'Yes.'])
    assert.deepEqual(removed, [{ text: post.text, reason: 'duplicate' }])
  })

  it('removes a paragraph that is the page\'s own address', () => {
    const { removed } = filterBlocks([p('https://example.com/news/ferry-aground-123.html'), p('http://other.example/a')], { pageUrl: 'https://www.example.com/news/ferry-aground-123.html' })
    assert.deepEqual(removed, [{ text: 'https://example.com/news/ferry-aground-123.html', reason: 'url' }])
  })
})

describe('extractHtml with in-article furniture', () => {
  it('returns the prose without the related box and records what was cut', () => {
    const html = `<html><head><title>Ferry aground</title></head><body><article><h1>Ferry aground</h1>${BODY}<div class="related-stories"><a href="/a">Other story one</a> <a href="/b">Other story two</a></div></article></body></html>`
    const page = extractHtml(html)
    assert.match(page.text, /ran aground/)
    assert.doesNotMatch(page.text, /Other story/)
    assert.ok(page.removed.some((r) => r.reason === 'related-headline' && r.text.includes('Other story one')))
  })
})
