import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Article } from '../types.js'
import { extractArticle } from './index.js'

/** Body paragraphs long enough for Readability to take the article (written for these tests). */
const BODY = [
  'The harbour board met on Tuesday evening and voted to reopen the east quay after three months of repairs.',
  'Engineers told the board that the new pilings would carry twice the load of the old ones, and that the work had finished under budget.',
  'Fishermen who had moored at the west quay since spring said they would move back at once, though some asked for lower fees.',
  'The board chair said the fees would be reviewed at the next meeting, which is due in the autumn.',
].map((p) => `<p>${p}</p>`).join('\n')

interface PageParts {
  head?: string
  htmlAttrs?: string
  beforeBody?: string
  body?: string
}

function page({ head = '', htmlAttrs = '', beforeBody = '', body = BODY }: PageParts): string {
  return `<!doctype html><html${htmlAttrs}><head><title>Harbour quay reopens</title>${head}</head><body><article><h1>Harbour quay reopens</h1>${beforeBody}${body}</article></body></html>`
}

function extract(html: string, url?: string): Article {
  return extractArticle({ source: url ? { kind: 'url', url } : { kind: 'html', path: 'page.html' }, bytes: new TextEncoder().encode(html) })
}

const ld = (value: object): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('page metadata: publication and update dates, with zone and source', () => {
  const cases: [name: string, parts: PageParts, published: string | null, publishedFrom: string | undefined, modified: string | null, modifiedFrom: string | undefined][] = [
    [
      'JSON-LD datePublished and dateModified keep their offsets',
      { head: ld({ '@type': 'NewsArticle', datePublished: '2025-08-06T09:15:00-04:00', dateModified: '2025-08-06T17:40+0200' }) },
      '2025-08-06T09:15:00-04:00', 'html:json-ld', '2025-08-06T17:40:00+02:00', 'html:json-ld',
    ],
    [
      'JSON-LD wrapped in CDATA is read too, and beats the meta tags',
      { head: '<meta property="article:published_time" content="2025-08-07T10:00:00Z"><script type="application/ld+json">\n//<![CDATA[\n{"@type":"NewsArticle","datePublished":"2025-08-06T08:00:00Z"}\n//]]>\n</script>' },
      '2025-08-06T08:00:00Z', 'html:json-ld', null, undefined,
    ],
    [
      'meta tags article:published_time and article:modified_time',
      { head: '<meta property="article:published_time" content="2025-08-05T22:00:00Z"><meta property="article:modified_time" content="2025-08-06T08:30:00Z">' },
      '2025-08-05T22:00:00Z', 'html:meta:article:published_time', '2025-08-06T08:30:00Z', 'html:meta:article:modified_time',
    ],
    [
      '<time> elements labelled by itemprop',
      { beforeBody: '<p><time itemprop="datePublished" datetime="2025-08-05T10:00:00+01:00">5 August</time> <time itemprop="dateModified" datetime="2025-08-06T11:00:00+01:00">6 August</time></p>' },
      '2025-08-05T10:00:00+01:00', 'html:time', '2025-08-06T11:00:00+01:00', 'html:time',
    ],
    [
      'a local time without zone keeps its date only',
      { head: '<meta property="article:published_time" content="2025-08-06T09:15:00">' },
      '2025-08-06', 'html:meta:article:published_time', null, undefined,
    ],
    [
      'the text stamp "Published ... | Updated ..." gives both, with zones',
      { beforeBody: '<p>Published 9:00 AM EDT, Aug 5, 2025 | Updated 5:32 PM EDT, Aug 6, 2025</p>' },
      '2025-08-05T09:00:00-04:00', 'text:dateline-stamp', '2025-08-06T17:32:00-04:00', 'text:dateline-stamp',
    ],
    [
      'an "Updated" stamp alone is the update time (and stands in for publication)',
      { beforeBody: '<p>Updated Aug. 6, 2025</p>' },
      '2025-08-06', 'text:dateline-stamp', '2025-08-06', 'text:dateline-stamp',
    ],
    [
      'an update note at the end ("Update 8/6/25, 5:00 p.m.: ...") is the update date',
      { body: `${BODY}<p>Update 8/6/25, 5:00 p.m.: This article has been updated with new figures.</p>` },
      '2025-08-06', 'text:update-note', '2025-08-06', 'text:update-note',
    ],
  ]
  for (const [name, parts, published, publishedFrom, modified, modifiedFrom] of cases) {
    it(name, () => {
      const article = extract(page(parts))
      assert.equal(article.publishedAt, published)
      assert.equal(article.provenance?.publishedAt, publishedFrom)
      assert.equal(article.modifiedAt, modified)
      assert.equal(article.provenance?.modifiedAt, modifiedFrom)
    })
  }

  it('keeps update-note text out of the article', () => {
    const article = extract(page({ body: `${BODY}<p>Update 8/6/25, 5:00 p.m.: This article has been updated with new figures.</p>` }))
    assert.doesNotMatch(article.text, /has been updated/)
  })
})

describe('page metadata: canonical URL', () => {
  const cases: [name: string, head: string, url: string | undefined, canonical: string | null, from: string | undefined][] = [
    ['link rel=canonical wins over og:url', '<link rel="canonical" href="https://news.example.org/quay"><meta property="og:url" content="https://m.example.org/quay?utm=x">', undefined, 'https://news.example.org/quay', 'html:canonical'],
    ['a relative canonical link resolves against og:url', '<link rel="canonical" href="/2025/quay"><meta property="og:url" content="https://news.example.org/amp/quay">', undefined, 'https://news.example.org/2025/quay', 'html:canonical'],
    ['og:url alone', '<meta property="og:url" content="https://news.example.org/quay">', undefined, 'https://news.example.org/quay', 'html:meta:og:url'],
    ['JSON-LD mainEntityOfPage', ld({ '@type': 'NewsArticle', mainEntityOfPage: { '@id': 'https://news.example.org/quay' } }), undefined, 'https://news.example.org/quay', 'html:json-ld'],
    ['nothing stated: null, not the fetched URL', '', 'https://example.org/x', null, undefined],
    ['a javascript: link is not a URL', '<link rel="canonical" href="javascript:void(0)">', undefined, null, undefined],
  ]
  for (const [name, head, url, canonical, from] of cases) {
    it(name, () => {
      const article = extract(page({ head }), url)
      assert.equal(article.canonicalUrl, canonical)
      assert.equal(article.provenance?.canonicalUrl, from)
    })
  }
})

describe('page metadata: language', () => {
  const french = [
    'Le conseil du port a voté mardi soir pour la réouverture du quai est après trois mois de travaux.',
    'Les ingénieurs ont dit que les nouveaux pieux porteraient deux fois plus que les anciens, et que le chantier a coûté moins que prévu.',
    'Les pêcheurs qui étaient amarrés au quai ouest depuis le printemps ont dit qu’ils reviendraient tout de suite.',
    'La présidente a dit que les tarifs seraient revus à la prochaine réunion, qui est prévue pour l’automne.',
  ].map((p) => `<p>${p}</p>`).join('')
  const cases: [name: string, parts: PageParts, language: string, from: string][] = [
    ['html lang, region dropped', { htmlAttrs: ' lang="en-GB"' }, 'en', 'html:lang'],
    ['JSON-LD inLanguage first', { htmlAttrs: ' lang="en"', head: ld({ '@type': 'NewsArticle', inLanguage: 'en-US' }) }, 'en', 'html:json-ld'],
    ['meta http-equiv content-language', { head: '<meta http-equiv="Content-Language" content="en">' }, 'en', 'html:meta:content-language'],
    ['og:locale', { head: '<meta property="og:locale" content="en_US">' }, 'en', 'html:meta:og:locale'],
    ['a language we cannot guess is taken as declared', { htmlAttrs: ' lang="sv"' }, 'sv', 'html:lang'],
    ['a site-wide lang="en" over French text: the text wins', { htmlAttrs: ' lang="en"', body: french }, 'fr', 'stop-words (page declares en)'],
    ['nothing declared: the stop-word guess', { body: french }, 'fr', 'stop-words'],
  ]
  for (const [name, parts, language, from] of cases) {
    it(name, () => {
      const article = extract(page(parts))
      assert.equal(article.language, language)
      assert.equal(article.provenance?.language, from)
    })
  }
})

describe('page metadata: outlet of syndicated copies, authors', () => {
  it('a "(CNN) —" dateline on a local site: outlet CNN, the site as publisher', () => {
    const body = BODY.replace('<p>The harbour', '<p>(CNN) — The harbour')
    const html = page({ head: '<meta property="og:site_name" content="Valley Courier"><link rel="canonical" href="https://www.valleycourier.example/news/quay">', body })
    const article = extract(html)
    assert.deepEqual(article.outlet, { name: 'CNN', domain: 'cnn.com' })
    assert.equal(article.provenance?.outlet, 'text:dateline')
    assert.equal(article.provenance?.publisher, 'Valley Courier')
  })

  it('the site itself when nothing says the story is syndicated, with its domain', () => {
    const article = extract(page({ head: '<meta property="og:site_name" content="Valley Courier"><link rel="canonical" href="https://www.valleycourier.example/news/quay">' }))
    assert.deepEqual(article.outlet, { name: 'Valley Courier', domain: 'valleycourier.example' })
    assert.equal(article.provenance?.publisher, undefined)
  })

  const authorCases: [name: string, parts: PageParts, authors: string[]][] = [
    ['JSON-LD people and an organisation: people only', { head: ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Mara Lindqvist' }, { '@type': 'Organization', name: 'Reuters' }] }) }, ['Mara Lindqvist']],
    ['meta author with "By" and two names', { head: '<meta name="author" content="By Mara Lindqvist and Tomas Berg">' }, ['Mara Lindqvist', 'Tomas Berg']],
    ['a staff byline names no person', { head: '<meta name="author" content="Valley Courier Staff">' }, []],
    ['a byline in the text', { beforeBody: '<p class="byline">By Mara Lindqvist, Valley Courier</p>' }, ['Mara Lindqvist']],
  ]
  for (const [name, parts, authors] of authorCases) {
    it(name, () => {
      const article = extract(page(parts))
      assert.deepEqual(article.authors, authors)
      for (const author of article.authors) assert.doesNotMatch(author, /^By\b/)
    })
  }
})
