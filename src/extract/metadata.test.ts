import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dateFromStamp, normaliseDate } from './dates.js'
import { decodeEntities } from './entities.js'
import { guessLanguage } from './language.js'
import { resolveMetadata } from './metadata.js'
import { outletByDomain, outletByName } from './outlets.js'
import { parseByline, readTextMeta } from './text-meta.js'

describe('parseByline', () => {
  const cases: [string, string[], string | null][] = [
    ['By Anna Chernova, Svitlana Vlasova, and Kevin Liptak, CNN', ['Anna Chernova', 'Svitlana Vlasova', 'Kevin Liptak'], 'CNN'],
    ['By Jo Bloggs and Sam Doe | Reuters', ['Jo Bloggs', 'Sam Doe'], 'Reuters'],
    ['By JANE O’NEIL-DOE, Associated Press', ['Jane O’Neil-Doe'], 'Associated Press'],
    ['Written by Jo Bloggs March 25, 2015', ['Jo Bloggs'], null],
    ['By Ana de la Cruz', ['Ana de la Cruz'], null],
    ['By Fox News Digital Staff', [], 'Fox News Digital Staff'],
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
    assert.deepEqual(meta.outlet, { name: 'Town Paper' })
    assert.equal(meta.title, 'Council approves plan')
    assert.deepEqual(meta.provenance, {
      outlet: 'user',
      title: 'text:title-line',
      publishedAt: 'text:dateline-stamp',
      language: 'stop-words',
    })
  })
})

describe('dates', () => {
  it('keeps the date of a stamp, and the time only with a zone', () => {
    assert.equal(dateFromStamp('Update 8/6/25, 5:00 p.m.: This article has been updated.'), '2025-08-06')
    assert.equal(dateFromStamp('Updated Aug. 6, 2025'), '2025-08-06')
    assert.equal(dateFromStamp('Updated 5:32 PM EDT, Wed August 6, 2025'), '2025-08-06T17:32-04:00')
    assert.equal(dateFromStamp('Updated Aug. 6'), null)
  })

  it('normalises metadata dates', () => {
    assert.equal(normaliseDate('2025-08-06T11:45:00-04:00'), '2025-08-06T11:45:00-04:00')
    assert.equal(normaliseDate('2025-08-06T11:45:00'), '2025-08-06')
    assert.equal(normaliseDate('Wed, 06 Aug 2025 15:45:00 GMT'), '2025-08-06T15:45Z')
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
})

describe('decodeEntities', () => {
  it('decodes numeric and common named references, leaves unknown ones', () => {
    assert.equal(decodeEntities('Trump&#8217;s &quot;deal&quot; &#x2014; AT&amp;T'), 'Trump’s "deal" — AT&T')
    assert.equal(decodeEntities('R&D; &bogus; &#0;'), 'R&D; &bogus; &#0;')
  })
})
