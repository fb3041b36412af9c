import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dateFromStamp, normaliseDate } from '../text/calendar.js'
import { decodeEntities } from './entities.js'
import { parseHTML } from 'linkedom'
import type { DomDocument } from './dom.js'
import { readHtmlMeta, type HtmlMeta } from './html-meta.js'
import { guessLanguage } from './language.js'
import { resolveMetadata } from './metadata.js'
import { outletByDomain, outletByName } from './outlets.js'
import { datelineDate, readDateline } from './dateline.js'
import { parseByline, readTextMeta } from './text-meta.js'

describe('parseByline', () => {
  const cases: [string, string[], string | null][] = [
    ['By Anna Chernova, Svitlana Vlasova, and Kevin Liptak, CNN', ['Anna Chernova', 'Svitlana Vlasova', 'Kevin Liptak'], 'CNN'],
    ['By Jo Bloggs and Sam Doe | Reuters', ['Jo Bloggs', 'Sam Doe'], 'Reuters'],
    ['By JANE O’NEIL-DOE, Associated Press', ['Jane O’Neil-Doe'], 'Associated Press'],
    ['Written by Jo Bloggs March 25, 2015', ['Jo Bloggs'], null],
    ['By Ana de la Cruz', ['Ana de la Cruz'], null],
    ['By Fox News Digital Staff', [], 'Fox News Digital Staff'],
    ['By Ruth Okafor, Transport correspondent', ['Ruth Okafor'], null],
    ['By Jo Bloggs and Sam Doe, Staff Writers', ['Jo Bloggs', 'Sam Doe'], null],
  ]
  for (const [byline, people, organisation] of cases) {
    it(byline, () => assert.deepEqual(parseByline(byline), { people, organisation }))
  }
})

describe('outlets', () => {
  it('maps e-mail domains and hosts, subdomains included', () => {
    assert.deepEqual(outletByDomain('wsj.com'), { name: 'The Wall Street Journal', domain: 'wsj.com' })
    assert.equal(outletByDomain('edition.cnn.com')?.name, 'CNN')
    assert.equal(outletByDomain('www.bbc.co.uk')?.name, 'BBC')
    assert.equal(outletByDomain('example.org'), null)
  })

  it('maps corporate names and aliases to the outlet', () => {
    assert.equal(outletByName('Cable News Network, Inc., a Warner Bros. Discovery Company')?.name, 'CNN')
    assert.equal(outletByName('Associated Press')?.name, 'AP')
    assert.deepEqual(outletByName('Example Gazette LLC'), { name: 'Example Gazette' })
  })

  it('reads no name in 100,000 commas, and the name before 50,000 " ," (linear: the outcome is checked, not the time)', () => {
    assert.equal(outletByName(`${','.repeat(100_000)}x`), null)
    assert.equal(outletByName(','.repeat(100_000)), null)
    assert.deepEqual(outletByName(`Gazette${' ,'.repeat(50_000)}`), { name: 'Gazette' })
  })
})

describe('readTextMeta: only self-references name the outlet', () => {
  it('ignores outlets cited as sources', () => {
    const text = 'The minister told Reuters on Monday that talks would go on.\n\nThe New York Times reported the plan first.'
    const meta = readTextMeta(text, [])
    assert.equal(meta.origin, null)
    assert.equal(meta.site, null)
  })

  it('reads a wire dateline, a wire tag and a copyright holder', () => {
    assert.equal(readTextMeta('WASHINGTON (AP) — The Senate voted on Tuesday.', []).origin?.value.name, 'AP')
    assert.equal(readTextMeta('Body.', [{ text: 'The-Example-Wire', reason: 'wire-tag' }]).origin?.value.name, 'Example')
    const site = readTextMeta('Body.', [{ text: '© 2024 Example Media Group. All rights reserved.', reason: 'copyright' }]).site
    assert.deepEqual(site, { value: { name: 'Example Media Group' }, from: 'text:copyright' })
  })

  it('does not take a city dateline for an outlet', () => {
    assert.equal(readTextMeta('Moscow — The envoy arrived on Wednesday.', []).origin, null)
  })
})

describe('readDateline: wire datelines with month and day', () => {
  const cases: [text: string, agency: string | null, month: number | null, day: number | null][] = [
    ['LONDON, March 4 (Reuters) - Shares rose on Friday.', 'Reuters', 3, 4],
    ['PORT ELLIS, Jan. 12 (Example Wire) — The harbour reopened.', 'Example Wire', 1, 12],
    ['WASHINGTON (AP) — The Senate voted on Tuesday.', 'AP', null, null],
    ['SAN JUAN, Sept 31 (Example Wire) - Rain fell.', 'Example Wire', 9, 31],
    ['Reuters reported on March 4 (a Friday) - that shares rose.', null, null, null],
    ['The minister (Reuters) - said nothing.', null, null, null],
  ]
  for (const [text, agency, month, day] of cases) {
    it(text, () => {
      const found = readDateline(text)
      assert.equal(found?.agency ?? null, agency)
      assert.equal(found?.month ?? null, month)
      assert.equal(found?.day ?? null, day)
    })
  }

  it('dates only real days, and only with a year from elsewhere', () => {
    assert.equal(datelineDate(readDateline('OSLO, Feb 29 (Example Wire) - Snow.'), 2024), '2024-02-29')
    assert.equal(datelineDate(readDateline('OSLO, Feb 29 (Example Wire) - Snow.'), 2025), null)
    assert.equal(datelineDate(readDateline('SAN JUAN, Sept 31 (Example Wire) - Rain fell.'), 2025), null)
    assert.equal(datelineDate(readDateline('OSLO, Feb 3 (Example Wire) - Snow.'), null), null)
  })
})

describe('resolveMetadata: wire copy', () => {
  const text = 'BRISTOW, June 9 (Fenwire) - The council met on Monday and approved the plan.'
  const copyright = { text: '© 2024 Fenwire News Agency. All rights reserved.', reason: 'copyright' }

  it('names the agency by its full name and dates the story from the dateline and the copyright year', () => {
    const meta = resolveMetadata({ text, removed: [copyright], html: null, textTitle: null, user: {} })
    assert.deepEqual(meta.outlet, { name: 'Fenwire News Agency' })
    assert.equal(meta.publishedAt, '2024-06-09')
    assert.equal(meta.provenance.publishedAt, 'text:dateline')
    assert.equal(meta.provenance.outlet, 'text:dateline')
    assert.equal(meta.provenance.publisher, undefined)
  })

  it('leaves the year to the user when no line states one, and prefers a full stamp', () => {
    assert.equal(resolveMetadata({ text, removed: [], html: null, textTitle: null, user: {} }).publishedAt, null)
    assert.equal(resolveMetadata({ text, removed: [], html: null, textTitle: null, user: { publishedAt: '2024-06-10' } }).publishedAt, '2024-06-10')
    const stamped = resolveMetadata({ text, removed: [copyright, { text: 'June 10, 2024 8:00 AM GMT', reason: 'dateline-stamp' }], html: null, textTitle: null, user: {} })
    assert.equal(stamped.publishedAt?.slice(0, 10), '2024-06-10')
  })

  it('credits the reporters of "Reporting by ...; Editing by ..." and not the editor', () => {
    const removed = [{ text: 'Reporting by Jo Bloggs and Sam Doe; Editing by Ana Ruiz', reason: 'contributor-line' }]
    assert.deepEqual(resolveMetadata({ text, removed, html: null, textTitle: null, user: {} }).authors, ['Jo Bloggs', 'Sam Doe'])
  })

  it('takes the masthead for the outlet when nothing else names it, without its initials', () => {
    const removed = [{ text: 'VPR Valley Public Radio', reason: 'masthead' }]
    assert.deepEqual(resolveMetadata({ text: 'The council met.', removed, html: null, textTitle: null, user: {} }).outlet, { name: 'Valley Public Radio' })
  })
})

describe('resolveMetadata: page titles without the site name', () => {
  const empty: HtmlMeta = { title: null, authors: null, publishedAt: null, modifiedAt: null, siteName: null, url: null, language: null }
  const cases: [title: string, from: string, site: string | null, expected: string][] = [
    ['Bridge reopens after repairs | Alder Gazette', 'html:title', null, 'Bridge reopens after repairs'],
    ['Bridge reopens after repairs | Alder Gazette', 'html:meta:og:title', 'Alder Gazette', 'Bridge reopens after repairs'],
    ['Bridge reopens after repairs | Aldergazette.cz', 'html:meta:og:title', 'Alder Media Group', 'Bridge reopens after repairs'],
    ['Bridge reopens after repairs - Alder Gazette', 'html:meta:og:title', 'Other Site', 'Bridge reopens after repairs - Alder Gazette'],
    ['How we built the tide tables - a short history', 'html:title', null, 'How we built the tide tables - a short history'],
    ['Tides - Coastal Engineering Handbook', 'html:title', null, 'Tides - Coastal Engineering Handbook'],
  ]
  for (const [title, from, site, expected] of cases) {
    it(`${title} (${from})`, () => {
      const html: HtmlMeta = { ...empty, title: { value: title, from }, siteName: site ? { value: site, from: 'html:meta:og:site_name' } : null }
      assert.equal(resolveMetadata({ text: 'Body.', removed: [], html, textTitle: null, user: {} }).title, expected)
    })
  }
})

describe('readHtmlMeta', () => {
  const read = (head: string) => readHtmlMeta((parseHTML(`<html><head>${head}</head><body></body></html>`) as unknown as { document: DomDocument }).document)

  it('reads meta tags that name several properties at once, Dublin Core before Open Graph', () => {
    const meta = read('<title>Page</title><meta property="og:title" content="OG title"><meta property="x:title dc:title" content="DC title"><meta property="dc:creator twitter:site_name" content="Jo Bloggs">')
    assert.equal(meta.title?.value, 'DC title')
    assert.deepEqual(meta.authors?.value, ['Jo Bloggs'])
  })

  it('reads Parse.ly tags', () => {
    const meta = read('<meta name="parsely-title" content="Ferry fares frozen"><meta name="parsely-pub-date" content="2024-04-20T04:20:00Z">')
    assert.equal(meta.title?.value, 'Ferry fares frozen')
    assert.equal(meta.publishedAt?.value, '2024-04-20T04:20:00Z')
  })

  it('takes the JSON-LD name over a headline that is only a category, using the <title> to decide', () => {
    const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', ...o })}</script>`
    assert.equal(read(`<title>List of lighthouses - Example</title>${ld({ headline: 'Reference list', name: 'List of lighthouses' })}`).title?.value, 'List of lighthouses')
    assert.equal(read(`<title>Lighthouse keepers strike - Example</title>${ld({ headline: 'Lighthouse keepers strike', name: 'Example' })}`).title?.value, 'Lighthouse keepers strike')
  })
})

describe('resolveMetadata', () => {
  it('prefers the text date over the user date and records where each came from', () => {
    const meta = resolveMetadata({
      text: 'The council met on Tuesday and the mayor said the plan was approved.',
      removed: [{ text: 'Updated Mar. 4, 2024', reason: 'dateline-stamp' }],
      html: null,
      textTitle: 'Council approves plan',
      user: { publishedAt: '2024-05-01', outlet: 'Town Paper' },
    })
    assert.equal(meta.publishedAt, '2024-03-04')
    assert.equal(meta.modifiedAt, '2024-03-04')
    assert.deepEqual(meta.outlet, { name: 'Town Paper' })
    assert.equal(meta.title, 'Council approves plan')
    assert.deepEqual(meta.provenance, {
      outlet: 'user',
      title: 'text:title-line',
      modifiedAt: 'text:dateline-stamp',
      publishedAt: 'text:dateline-stamp',
      language: 'stop-words',
    })
  })
})

describe('dates', () => {
  it('keeps the date of a stamp, and the time only with a zone', () => {
    assert.equal(dateFromStamp('Update 8/6/25, 5:00 p.m.: This article has been updated.'), '2025-08-06')
    assert.equal(dateFromStamp('Updated Aug. 6, 2025'), '2025-08-06')
    assert.equal(dateFromStamp('Updated 5:32 PM EDT, Wed August 6, 2025'), '2025-08-06T17:32:00-04:00')
    assert.equal(dateFromStamp('Updated Aug. 6'), null)
  })

  it('reads a plain month-day-year stamp (the fast path) as chrono would, and no impossible day', () => {
    const cases: [string, string | null][] = [
      ['August 6, 2025', '2025-08-06'],
      ['Aug 6, 2025', '2025-08-06'],
      ['SEPT. 30, 2024', '2024-09-30'],
      ['Feb. 29, 2024', '2024-02-29'],
      ['December 31, 1999', '1999-12-31'],
    ]
    for (const [stamp, expected] of cases) assert.equal(dateFromStamp(stamp), expected, stamp)
    const impossible: [string, string][] = [['Feb. 30, 2025', '2025-02-30'], ['Feb. 29, 2025', '2025-02-29'], ['Sept. 31, 2024', '2024-09-31']]
    for (const [stamp, day] of impossible) assert.notEqual(dateFromStamp(stamp)?.slice(0, 10), day, stamp)
  })

  it('reads "Published" stamps and clock times without a zone as the date alone, with a zone as an instant', () => {
    assert.equal(dateFromStamp('Published August 6, 2025 at 5:32 p.m.'), '2025-08-06')
    assert.equal(dateFromStamp('Sept. 6, 2025 11:05 a.m.'), '2025-09-06')
    assert.equal(dateFromStamp('Posted on Aug 6, 2025, 9:00 PM'), '2025-08-06')
    assert.equal(dateFromStamp('Published August 6, 2025 at 5:32 p.m. EDT'), '2025-08-06T17:32:00-04:00')
    assert.notEqual(dateFromStamp('Published Feb. 30, 2025 at 5:32 p.m.')?.slice(0, 10), '2025-02-30')
  })

  it('gives the same answer for a stamp read again (bylines and stamps repeat across articles)', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(dateFromStamp('By Jo Bloggs'), null)
      assert.equal(dateFromStamp('5:32 PM EDT, Wed August 6, 2025'), '2025-08-06T17:32:00-04:00')
    }
  })

  it('normalises metadata dates', () => {
    assert.equal(normaliseDate('2025-08-06T11:45:00-04:00'), '2025-08-06T11:45:00-04:00')
    assert.equal(normaliseDate('2025-08-06T11:45:00'), '2025-08-06')
    assert.equal(normaliseDate('Wed, 06 Aug 2025 15:45:00 GMT'), '2025-08-06T15:45:00Z')
    assert.equal(normaliseDate('soon'), null)
  })
})

describe('guessLanguage', () => {
  const cases: [string, string][] = [
    ['The envoy said on Wednesday that the meeting with the president was productive.', 'en'],
    ['Der Gesandte sagte am Mittwoch, dass das Treffen mit dem Präsidenten nicht einfach war.', 'de'],
    ['Le président a dit que la rencontre avec les dirigeants était utile pour la paix.', 'fr'],
    ['Президент сказал, что встреча была полезной, но это не конец и он не уедет', 'ru'],
    ['Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod', 'und'],
  ]
  for (const [text, expected] of cases) it(`${expected}: ${text.slice(0, 30)}`, () => assert.equal(guessLanguage(text), expected))
  it('counts words of any length but matches stop words whole, in any case', () => {
    assert.equal(guessLanguage('THE Ministers OF Transport AND THE Envoys'), 'en')
    // "theory", "often", "andere" contain stop words but are none
    assert.equal(guessLanguage('theory often andere anderes theorem offend'), 'und')
    assert.equal(guessLanguage("l'homme et la femme dans la maison avec le chien"), 'fr')
  })
})

describe('decodeEntities', () => {
  it('decodes numeric and common named references, leaves unknown ones', () => {
    assert.equal(decodeEntities('Trump&#8217;s &quot;deal&quot; &#x2014; AT&amp;T'), 'Trump’s "deal" — AT&T')
    assert.equal(decodeEntities('R&D; &bogus; &#0;'), 'R&D; &bogus; &#0;')
  })
})

describe('decodeEntities: unknown names', () => {
  it('leaves an entity named like an object property as written', () => {
    assert.equal(decodeEntities('a &constructor; and &toString; b &amp; c'), 'a &constructor; and &toString; b & c')
  })
})
