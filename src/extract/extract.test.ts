import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { InputError } from '../errors.js'
import type { RawDocument } from '../types.js'
import { loadSeeds, seedContaining } from '../../test/helpers/shared.js'
import { articleId, extractArticle } from './index.js'

const NEWS_PAGE = new URL('./fixtures/news-page.html', import.meta.url)

function raw(bytes: Uint8Array | string, extra: Partial<RawDocument> = {}): RawDocument {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  return { source: { kind: 'text', path: 'input.txt' }, bytes: data, ...extra }
}

function seedArticle(needle: string, extra: Partial<RawDocument> = {}) {
  return extractArticle(raw(readFileSync(seedContaining(needle).path), { ...extra, source: { kind: 'text', path: 'seed.txt' } }))
}

describe('extractArticle on the seeds', () => {
  it('names the outlets the seeds name about themselves', () => {
    const wsj = seedArticle('Write to Matthew Luxmoore')
    assert.deepEqual(wsj.outlet, { name: 'The Wall Street Journal', domain: 'wsj.com' })
    assert.equal(wsj.provenance?.outlet, 'text:email-domain')
    const fox = seedArticle('listen to Fox News articles')
    assert.deepEqual(fox.outlet, { name: 'Fox News', domain: 'foxnews.com' })
    assert.equal(fox.provenance?.outlet, 'text:audio-prompt')
  })

  it('gives a syndicated CNN story to CNN and records the local site as publisher', () => {
    const cnn = seedArticle('Article Topic Follows')
    assert.deepEqual(cnn.outlet, { name: 'CNN', domain: 'cnn.com' })
    assert.equal(cnn.provenance?.outlet, 'text:dateline')
    assert.equal(cnn.provenance?.publisher, 'News-Press Now')
  })

  it('does not take cited outlets ("told Reuters", "The New York Times reported") for the outlet', () => {
    // Newsweek's house headings ("Why It Matters", "What To Know") name it; the Times it cites never does.
    assert.equal(seedArticle('The New York Times reported').outlet?.name, 'Newsweek')
    assert.equal(seedArticle('The New York Times reported').provenance?.outlet, 'text:house-marks')
    assert.equal(seedArticle('Zaryadye Park').outlet, null)
  })

  it('uses the user outlet only when the text names none', () => {
    assert.deepEqual(seedArticle('Zaryadye Park', { outlet: 'Example Daily' }).outlet, { name: 'Example Daily' })
    assert.equal(seedArticle('Zaryadye Park', { outlet: 'Example Daily' }).provenance?.outlet, 'user')
    assert.equal(seedArticle('listen to Fox News articles', { outlet: 'Example Daily' }).outlet?.name, 'Fox News')
  })

  it('reads the publication date from the stamps, else the user date, else null', () => {
    assert.equal(seedArticle('Updated Aug. 6, 2025').publishedAt, '2025-08-06')
    assert.equal(seedArticle('Update 8/6/25').publishedAt, '2025-08-06')
    assert.equal(seedArticle('Update 8/6/25').provenance?.publishedAt, 'text:update-note')
    assert.equal(seedArticle('Zaryadye Park').publishedAt, null)
    assert.equal(seedArticle('Zaryadye Park', { publishedAt: '2025-08-07' }).publishedAt, '2025-08-07')
    assert.equal(seedArticle('Updated Aug. 6, 2025', { publishedAt: '2030-01-01' }).publishedAt, '2025-08-06')
  })

  it('reads the update date from "Updated ..." stamps and "Update ...:" notes, with where it came from', () => {
    const wsj = seedArticle('Updated Aug. 6, 2025')
    assert.equal(wsj.modifiedAt, '2025-08-06')
    assert.equal(wsj.provenance?.modifiedAt, 'text:dateline-stamp')
    const note = seedArticle('Update 8/6/25')
    // "5:00 p.m." names no zone, so only the date is kept.
    assert.equal(note.modifiedAt, '2025-08-06')
    assert.equal(note.provenance?.modifiedAt, 'text:update-note')
    // "This story has been updated with developments." says that, not when.
    assert.equal(seedArticle('(CNN)').modifiedAt, null)
    for (const seed of loadSeeds()) {
      const article = extractArticle(raw(readFileSync(seed.path)))
      assert.equal(article.encoding, 'utf-8')
      assert.equal(article.canonicalUrl, null)
      assert.equal(article.language, 'en')
    }
  })

  it('lists people as authors, never "By" or the outlet', () => {
    assert.deepEqual(seedArticle('Write to Matthew Luxmoore').authors, ['Matthew Luxmoore', 'Alexander Ward', 'Alex Leary'])
    const cnn = seedArticle('Article Topic Follows').authors
    assert.equal(cnn.length, 7)
    assert.equal(cnn[0], 'Anna Chernova')
    assert.equal(cnn[6], 'Kevin Liptak')
    assert.ok(cnn.includes('Ivana Kottasová'))
    assert.ok(!cnn.some((a) => /^By\b|CNN/.test(a)))
  })

  it('sets titles, language, id and kind', () => {
    for (const seed of loadSeeds()) {
      const article = extractArticle(raw(readFileSync(seed.path)))
      assert.equal(article.language, 'en')
      assert.equal(article.id, articleId(article.text))
      assert.match(article.id, /^[0-9a-f]{16}$/)
      assert.equal(article.source.kind, 'text')
      assert.ok(article.text.length > 1000, seed.name)
    }
    assert.match(seedArticle('Zaryadye Park').title ?? '', /^Trump Envoy Meets Putin/)
    assert.equal(seedArticle('Zaryadye Park').provenance?.title, 'text:title-line')
    assert.equal(seedArticle('Write to Matthew Luxmoore').title, null)
  })
})

describe('extractArticle on a wire story of our own', () => {
  const story = [
    'Mayor Approves Budget After Long Night',
    'By JANE DOE and Sam Roe, Associated Press',
    'Published 6:02 PM EST, Tue March 5, 2024',
    'WASHINGTON (AP) — The city council approved a $4 billion budget early Wednesday after a nine-hour debate.',
    'Advertisement',
    '“This is a budget for everyone,” the mayor said.',
    'Related: City council delays vote on transit plan',
    'Opponents said the plan cut too deeply into library funding and',
    'would hurt poorer neighbourhoods.',
    'Follow Jane Doe on Twitter.',
    'Copyright 2024 The Associated Press. All rights reserved. This material may not be redistributed.',
  ].join('\r\n')
  const article = extractArticle(raw(story))

  it('keeps the three paragraphs, the broken one joined', () => {
    assert.deepEqual(article.text.split('\n\n'), [
      'WASHINGTON (AP) — The city council approved a $4 billion budget early Wednesday after a nine-hour debate.',
      '“This is a budget for everyone,” the mayor said.',
      'Opponents said the plan cut too deeply into library funding and would hurt poorer neighbourhoods.',
    ])
  })

  it('reads title, people, zoned time and the wire outlet from the dateline', () => {
    assert.equal(article.title, 'Mayor Approves Budget After Long Night')
    assert.deepEqual(article.authors, ['Jane Doe', 'Sam Roe'])
    assert.equal(article.publishedAt, '2024-03-05T18:02:00-05:00')
    assert.deepEqual(article.outlet, { name: 'AP', domain: 'apnews.com' })
    assert.deepEqual(
      article.removed.map((p) => p.reason),
      ['title', 'byline', 'dateline-stamp', 'navigation', 'related-headline', 'author-contact', 'copyright'],
    )
  })
})

describe('extractArticle on HTML', () => {
  const article = extractArticle(raw(readFileSync(NEWS_PAGE), { source: { kind: 'text', path: 'page.txt' } }))

  it('detects HTML by content even in a .txt file', () => assert.equal(article.source.kind, 'html'))

  it('keeps the article paragraphs and its section heading, and drops navigation, related links, caption and footer', () => {
    const paragraphs = article.text.split('\n\n')
    assert.equal(paragraphs.length, 6)
    assert.match(paragraphs[0], /^The harbour council voted 9 to 2 on Wednesday evening/)
    assert.equal(paragraphs[2], 'Costs questioned')
    assert.match(paragraphs[5], /^Residents of Storholmen have campaigned/)
    for (const furniture of ['Sport', 'Weather', 'Bridge repairs delayed', 'Photo: Ingrid Dahl', 'All rights reserved', 'Privacy', 'newsletter', 'By Marta Olsen']) {
      assert.ok(!article.text.includes(furniture), furniture)
    }
    assert.ok(article.removed.some((p) => p.reason === 'caption' && p.text.includes('Photo: Ingrid Dahl')))
    assert.ok(!article.removed.some((p) => p.text === 'Costs questioned'))
    assert.ok(article.removed.some((p) => p.reason === 'newsletter'))
    assert.equal(article.provenance?.text, 'readability')
  })

  it('lists what the page had outside the article, merged per box, with the reason its markup gives', () => {
    const piece = (reason: string) => article.removed.filter((p) => p.reason === reason).map((p) => p.text)
    assert.deepEqual(piece('navigation'), ['News | Sport | Weather'])
    assert.deepEqual(piece('related-headline'), ['Related stories | Bridge repairs delayed again | Island school gets new roof'])
    assert.deepEqual(piece('copyright'), ['© 2024 Lakeside Courier Media AS. All rights reserved.'])
    assert.deepEqual(piece('footer'), ['Privacy · Contact us'])
    assert.deepEqual(piece('title'), ['Harbour council approves new ferry route'])
    // Pieces outside the article never describe it: the footer's holder does not become the outlet.
    assert.equal(article.provenance?.outlet, 'html:json-ld:publisher')
  })

  it('reads JSON-LD metadata: headline, people only, date, publisher and the page domain', () => {
    assert.equal(article.title, 'Harbour council approves new ferry route')
    assert.deepEqual(article.authors, ['Marta Olsen', 'Tomas Berg'])
    assert.equal(article.publishedAt, '2024-03-14T09:30:00+01:00')
    assert.deepEqual(article.outlet, { name: 'Lakeside Courier', domain: 'lakesidecourier.example' })
    assert.equal(article.provenance?.authors, 'html:json-ld')
  })

  it('falls back to the page body when Readability finds too little', () => {
    const page = `<!doctype html><html><head><title>Short note - Town Paper</title></head><body>
      <nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div><p>The library opens at nine on Saturdays from next month.</p><p>Entry stays free.</p></div>
      <footer>Town Paper footer text</footer></body></html>`
    const short = extractArticle(raw(page))
    assert.equal(short.provenance?.text, 'fallback')
    assert.equal(short.text, 'The library opens at nine on Saturdays from next month.\n\nEntry stays free.')
    assert.equal(short.title, 'Short note')
  })

  it('never takes a modal dialog (a consent box) into the text of a page of short teasers', () => {
    const consent = '<p>We and our partners store and read information on your device, such as cookies, to measure visits, show offers, and keep your choices, as described in our notice, which you may read, change, or withdraw at any time, from the link at the foot of every page.</p>'.repeat(2)
    const heads = ['Ferry timetable changes in May', 'Council approves school roof', 'Harbour market opens on Sunday', 'Bridge repairs start next week', 'Library extends its hours', 'New bus stop for the north pier', 'Pool reopens after repairs', 'Town band plays on Saturday']
    const teasers = heads.map((t) => `<div class="teaser"><h2>${t}</h2><p>${t} after a vote this week.</p></div>`).join('')
    const page = `<!doctype html><html><head><title>News - Alder Gazette</title></head><body><main>${teasers}</main>
      <div aria-modal="true" class="cmp-box">${consent}<button>Accept</button></div></body></html>`
    const front = extractArticle(raw(page))
    assert.ok(!front.text.includes('our partners store'))
    assert.match(front.text, /Town band plays on Saturday after a vote/)
  })

  it('keeps a dialog that holds most of the page (a modal the markup never closed)', () => {
    const body = '<p>The ferry terminal at Alder Point will close for repairs from Monday, the port authority said on Thursday.</p>'.repeat(4)
    const page = `<!doctype html><html><head><title>Terminal to close - Alder Gazette</title></head><body>
      <div class="modal" role="dialog"><p>Loading...</p><div class="story">${body}</div></body></html>`
    assert.match(extractArticle(raw(page)).text, /^The ferry terminal at Alder Point will close/)
  })

  it('drops a prompt box marked by its class, whatever it says, and a byline with the writer\'s role', () => {
    const body = '<p>The ferry terminal at Alder Point will close for repairs from Monday, the port authority said on Thursday.</p>'.repeat(3)
    const page = `<!doctype html><html><head><title>Terminal to close - Alder Gazette</title></head><body><main><article>
      <h1>Terminal to close</h1><p class="byline">By Ruth Okafor, Transport correspondent</p>${body}
      <div class="promo-signup"><p>Never miss a story from the coast.</p><button>Join</button></div>
      <p>Passengers will be carried by bus to the north pier, officials said in a statement.</p></article></main></body></html>`
    const article = extractArticle(raw(page))
    assert.ok(!article.text.includes('Never miss a story'))
    assert.ok(!article.text.includes('Transport correspondent'))
    assert.match(article.text, /bus to the north pier/)
    assert.ok(article.removed.some((p) => p.reason === 'newsletter' && p.text.startsWith('Never miss a story')))
    assert.ok(article.removed.some((p) => p.reason === 'byline' && p.text.includes('Ruth Okafor')))
  })

  it('throws limit for too many elements or too deep nesting', () => {
    const many = `<html><body>${'<p>x</p>'.repeat(200)}</body></html>`
    assert.throws(() => extractArticle(raw(many), { limits: { maxElements: 100 } }), (e: unknown) => e instanceof InputError && e.code === 'limit')
    const deep = `<html><body>${'<div>'.repeat(60)}deep${'</div>'.repeat(60)}</body></html>`
    assert.throws(() => extractArticle(raw(deep), { limits: { maxDepth: 50 } }), (e: unknown) => e instanceof InputError && e.code === 'limit')
  })

  it('throws limit naming maxPageMillis when a page runs over its time', () => {
    const page = '<html><body><article><p>Putin met Witkoff in Moscow on Wednesday.</p></article></body></html>'
    // No page takes less than no time: a negative budget is spent by the first check.
    assert.throws(
      () => extractArticle(raw(page), { limits: { maxPageMillis: -1 } }),
      (e: unknown) => e instanceof InputError && e.code === 'limit' && /maxPageMillis/.test(e.message),
    )
    assert.match(extractArticle(raw(page)).text, /Putin met Witkoff/)
  })
})

describe('extractArticle on a plain-text wire story', () => {
  const text = [
    'Fenwire News Agency',
    'Skip to content',
    'World | Business | Markets | Regions',
    '',
    'Harbour authority orders inspection of all ferries after engine fire',
    '',
    'BRISTOW, June 9 (Fenwire) - The harbour authority ordered inspections of every ferry in its fleet on Monday after an engine fire forced a crossing to turn back.',
    '',
    'No one was hurt, the authority said in a statement.',
    '',
    'Reporting by Jo Bloggs; Editing by Ana Ruiz',
    '',
    '© 2024 Fenwire News Agency. All rights reserved.',
  ].join('\n')
  const article = extractArticle(raw(text))

  it('takes the headline below the masthead and menu, and names the agency in full', () => {
    assert.equal(article.title, 'Harbour authority orders inspection of all ferries after engine fire')
    assert.deepEqual(article.outlet, { name: 'Fenwire News Agency' })
    assert.deepEqual(article.authors, ['Jo Bloggs'])
    assert.ok(article.removed.some((p) => p.reason === 'masthead' && p.text === 'Fenwire News Agency'))
    assert.ok(article.removed.some((p) => p.reason === 'navigation' && p.text.startsWith('World |')))
  })

  it('dates the story from the dateline and the copyright year, and keeps the first sentence', () => {
    assert.equal(article.publishedAt, '2024-06-09')
    assert.equal(article.provenance?.publishedAt, 'text:dateline')
    assert.match(article.text, /^BRISTOW, June 9 \(Fenwire\) - The harbour authority ordered inspections/)
  })
})

describe('extractArticle errors', () => {
  const code = (c: string) => (e: unknown) => e instanceof InputError && e.code === c && e.input === 'input.txt'
  it('names the input and the reason', () => {
    assert.throws(() => extractArticle(raw('')), code('empty'))
    assert.throws(() => extractArticle(raw(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))), code('binary'))
    assert.throws(() => extractArticle(raw(new Uint8Array([0x61, 0xff, 0x62]))), code('encoding'))
    assert.throws(() => extractArticle(raw('hello there'), { limits: { maxBytes: 4 } }), code('too-large'))
    assert.throws(() => extractArticle(raw('Skip to Content\nRead the full article here\n')), code('no-text'))
  })
})
