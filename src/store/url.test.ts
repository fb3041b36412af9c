import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeUrl } from './url.js'

describe('normalizeUrl', () => {
  const same: [string, string][] = [
    ['https://www.example.com/a/b/', 'http://example.com/a/b'],
    ['https://example.com/a?utm_source=x&utm_medium=y', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://EXAMPLE.com/a#comments', 'https://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
  ]
  for (const [a, b] of same) it(`${a} is ${b}`, () => assert.equal(normalizeUrl(a), normalizeUrl(b)))

  it('keeps what changes the page apart', () => {
    assert.notEqual(normalizeUrl('https://example.com/a?id=1'), normalizeUrl('https://example.com/a?id=2'))
    assert.notEqual(normalizeUrl('https://example.com/A'), normalizeUrl('https://example.com/a'))
    assert.notEqual(normalizeUrl('https://example.com:8080/a'), normalizeUrl('https://example.com/a'))
  })

  it('gives null for what is not an http(s) URL', () => {
    for (const bad of ['', 'not a url', 'ftp://example.com/a', 'javascript:alert(1)', null, undefined]) assert.equal(normalizeUrl(bad), null)
  })
})
