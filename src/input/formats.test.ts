import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitDocuments } from './documents.js'
import { parseFeed } from './feed.js'
import { parseJsonl } from './jsonl.js'
import { parseWarc } from './warc.js'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('feeds', () => {
  it('reads RSS items with guid, link, date and content:encoded over description', () => {
    const feed = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
      <item><title>One</title><link>https://e.com/1</link><guid isPermaLink="false">g-1</guid><pubDate>Wed, 06 Aug 2025 10:00:00 GMT</pubDate>
      <description>short</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>
      <item><title>Two</title><link>https://e.com/2</link></item></channel></rss>`)
    assert.equal(feed.title, 'Wire')
    assert.deepEqual(feed.entries[0], { guid: 'g-1', link: 'https://e.com/1', title: 'One', publishedAt: '2025-08-06T10:00:00Z', html: '<p>Full <b>text</b></p>' })
    assert.deepEqual([feed.entries[1].guid, feed.entries[1].html], [null, null])
  })

  it('reads Atom entries with the alternate link', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:x:1</id><title>E</title>
      <link rel="self" href="https://e.com/self"/><link rel="alternate" href="https://e.com/e"/><published>2025-08-06T09:00:00Z</published>
      <summary>Brief</summary></entry></feed>`)
    assert.deepEqual(feed.entries, [{ guid: 'urn:x:1', link: 'https://e.com/e', title: 'E', publishedAt: '2025-08-06T09:00:00Z', html: 'Brief' }])
  })
})

describe('JSON Lines', () => {
  it('maps each tool\'s field names and normalises dates as every input does (a time without zone keeps its date only)', () => {
    const { records } = parseJsonl([
      JSON.stringify({ maintext: 'a', date_publish: '2025-08-06 11:45:00', source_domain: 'x.org', authors: ['A B'] }),
      JSON.stringify({ raw_text: 'b', date: '2025-08-06', hostname: 'y.org', author: 'C D; E F' }),
      JSON.stringify({ story_text: 'c', publish_date: '2025-08-06T11:45:00+02:00', media_name: 'Z' }),
    ].join('\n'))
    assert.deepEqual(records.map((r) => [r.text, r.publishedAt, r.outlet, r.authors]), [
      ['a', '2025-08-06', 'x.org', ['A B']],
      ['b', '2025-08-06', 'y.org', ['C D', 'E F']],
      ['c', '2025-08-06T11:45:00+02:00', 'Z', []],
    ])
  })
})

describe('WARC', () => {
  it('keeps the records before a truncated one and says where it broke', () => {
    const ok = 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://e.com/a\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n'
    const { records, error } = parseWarc(bytes(`${ok}WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 999\r\n\r\nshort`))
    assert.equal(records.length, 1)
    assert.equal(records[0].url, 'https://e.com/a')
    assert.match(error ?? '', /truncated WARC record at byte \d+/)
  })
})

describe('WARC HTTP bodies', () => {
  it('joins chunked bodies and undoes gzip', async () => {
    const { gzipSync } = await import('node:zlib')
    const html = Buffer.from('<html><body><p>chunked and zipped</p></body></html>')
    const zipped = gzipSync(html)
    const chunked = Buffer.concat([Buffer.from(`${(10).toString(16)}\r\n`), zipped.subarray(0, 10), Buffer.from(`\r\n${(zipped.length - 10).toString(16)}\r\n`), zipped.subarray(10), Buffer.from('\r\n0\r\n\r\n')])
    const http = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n'), chunked])
    const warc = Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`), http, Buffer.from('\r\n\r\n')])
    const { records } = parseWarc(new Uint8Array(warc))
    assert.equal(new TextDecoder().decode(records[0].body), html.toString())
  })
})

describe('splitDocuments', () => {
  it('tells containers apart by content and leaves a plain article whole', () => {
    const raw = (s: string) => ({ source: { kind: 'text' as const, path: 'in' }, bytes: bytes(s) })
    assert.equal(splitDocuments(raw('{"text":"x"}\n{"text":"y"}\n')).container, 'jsonl')
    // a record holding a long article is still one line of JSON
    assert.equal(splitDocuments(raw(`${JSON.stringify({ text: 'word '.repeat(5000) })}\n`)).documents.length, 1)
    assert.equal(splitDocuments(raw(`${JSON.stringify({ text: 'word '.repeat(5000) })}\n`)).container, 'jsonl')
    assert.equal(splitDocuments(raw('<rss><channel><item><description>x</description></item></channel></rss>')).container, 'feed')
    const plain = splitDocuments(raw('{Braces} open this plain article, which is not JSON at all.\nIts last line ends with a brace }'))
    assert.deepEqual([plain.container, plain.documents.length], ['single', 1])
  })
})
