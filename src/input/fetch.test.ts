import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { after, before, describe, it } from 'node:test'
import { isPrivateAddress, safeFetch } from './fetch.js'

let server: Server
let base = ''

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') return res.end('<html><body><p>hello</p></body></html>')
    if (req.url === '/hop') return res.writeHead(302, { location: '/page' }).end()
    if (req.url === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end()
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end()
    if (req.url === '/bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000)))
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000)
    if (req.url === '/etag') return req.headers['if-none-match'] === '"v1"' ? res.writeHead(304).end() : res.writeHead(200, { etag: '"v1"' }).end('body')
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => server.close())

describe('safeFetch', () => {
  it('refuses loopback unless allowed, then fetches and follows redirects', async () => {
    await assert.rejects(safeFetch(`${base}/page`), /private or loopback/)
    const page = await safeFetch(`${base}/hop`, { allowPrivate: true })
    assert.equal(page.url, `${base}/page`)
    assert.match(new TextDecoder().decode(page.bytes), /hello/)
  })

  it('re-checks each redirect target and bounds the number of hops', async () => {
    await assert.rejects(safeFetch(`${base}/to-file`, { allowPrivate: true }), /only http and https/)
    await assert.rejects(safeFetch(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }), /more than 3 redirects/)
    await assert.rejects(safeFetch('ftp://example.com/x'), /only http and https/)
  })

  it('caps decoded bytes, enforces the time limit and reports HTTP errors', async () => {
    await assert.rejects(safeFetch(`${base}/bomb`, { allowPrivate: true, maxBytes: 100_000 }), /after decompression/)
    await assert.rejects(safeFetch(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }), /timed out after 200 ms/)
    await assert.rejects(safeFetch(`${base}/missing`, { allowPrivate: true }), /HTTP 404/)
  })

  it('passes conditional headers and returns a 304 as is', async () => {
    const first = await safeFetch(`${base}/etag`, { allowPrivate: true })
    assert.equal(first.headers.etag, '"v1"')
    const again = await safeFetch(`${base}/etag`, { allowPrivate: true, headers: { 'if-none-match': '"v1"' } })
    assert.equal(again.status, 304)
  })

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.equal(isPrivateAddress(a), true, a)
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) assert.equal(isPrivateAddress(a), false, a)
  })

  it('refuses every IPv6 form of a private or loopback IPv4 address, and lets public ones through', () => {
    const privateForms = [
      '::127.0.0.1', '::7f00:1', '::10.0.0.1', // IPv4-compatible
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::FFFF:a00:1', '0:0:0:0:0:ffff:192.168.0.1', // IPv4-mapped, dotted and hex
      '::ffff:0:127.0.0.1', // IPv4-translated
      '64:ff9b::127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::808:808', // NAT64, local-use prefix whole
      '2002:7f00:1::', '2002:c0a8:101::1', '2002:a9fe:a9fe::', // 6to4
      '2001:0:4136:e378:8000:63bf:80ff:fffe', // Teredo, client 127.0.0.1
      'fe80::1%eth0', '::', 'not-an-address',
    ]
    for (const a of privateForms) assert.equal(isPrivateAddress(a), true, a)
    for (const a of ['::ffff:93.184.216.34', '64:ff9b::808:808', '2002:5db8:d822::1', '2001:4860:4860::8888']) assert.equal(isPrivateAddress(a), false, a)
  })

  it('refuses the URL forms of IPv4-compatible and NAT64 loopback before connecting', async () => {
    for (const url of ['http://[::127.0.0.1]/', 'http://[64:ff9b::7f00:1]/', 'http://[::ffff:7f00:1]/', 'http://[2002:7f00:1::]/']) {
      await assert.rejects(safeFetch(url), /private or loopback/, url)
    }
  })
})
