/**
 * Safe URL fetching: http and https only; every redirect is checked again; hosts that resolve to
 * private, loopback or link-local addresses are refused (checked on the address actually
 * connected to, so DNS rebinding cannot slip through) unless `allowPrivate`; a total time limit
 * and a cap on decoded bytes.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import { InputError } from '../errors.js'

export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean
  /** Total time for the whole fetch, redirects included. */
  timeoutMs?: number
  /** Most bytes accepted after decompression. */
  maxBytes?: number
  maxRedirects?: number
  /** Extra request headers (If-None-Match, If-Modified-Since for feeds). */
  headers?: Record<string, string>
  userAgent?: string
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string
  status: number
  headers: http.IncomingHttpHeaders
  bytes: Uint8Array
}

const PRIVATE = new BlockList()
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4')
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6')

/** The eight 16-bit groups of an IPv6 address (zone id dropped, a dotted IPv4 tail read), or null. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.replace(/%.*$/, '')
  if (isIP(bare) !== 6) return null
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(bare)
  const hex = dotted ? `${bare.slice(0, dotted.index)}${((+dotted[1] << 8) | +dotted[2]).toString(16)}:${((+dotted[3] << 8) | +dotted[4]).toString(16)}` : bare
  const [head, tail] = hex.includes('::') ? hex.split('::') : [hex, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array<string>(tail === null ? 0 : 8 - left.length - right.length).fill('0'), ...right].map((g) => parseInt(g, 16))
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null
}

/** The IPv4 address held in two 16-bit groups. */
const ipv4Of = (high: number, low: number): string => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`

/**
 * The IPv4 addresses an IPv6 address reaches or names: IPv4-mapped (`::ffff:a.b.c.d`, also written
 * in hex), IPv4-compatible (`::a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), NAT64
 * (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo (`2001::/32`: server and de-obfuscated client).
 */
function embeddedIpv4(groups: number[]): string[] {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0)
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return [ipv4Of(groups[6], groups[7])]
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return [ipv4Of(groups[6], groups[7])]
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return [ipv4Of(groups[6], groups[7])]
  if (groups[0] === 0x2002) return [ipv4Of(groups[1], groups[2])]
  if (groups[0] === 0x2001 && groups[1] === 0) return [ipv4Of(groups[2], groups[3]), ipv4Of(groups[6] ^ 0xffff, groups[7] ^ 0xffff)]
  return []
}

/**
 * True for addresses a fetch must not reach unless allowed: private, loopback, link-local,
 * multicast and unspecified ones, and every IPv6 form that maps onto such an IPv4 address.
 * NAT64 local-use prefixes (`64:ff9b:1::/48`) are refused whole: what they reach is the network's own.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address.replace(/%.*$/, ''))
  if (family === 0) return true
  if (family === 4) return PRIVATE.check(address, 'ipv4')
  const groups = ipv6Groups(address)
  if (!groups) return true
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return true
  if (embeddedIpv4(groups).some((v4) => PRIVATE.check(v4, 'ipv4'))) return true
  return PRIVATE.check(address.replace(/%.*$/, ''), 'ipv6')
}

/** A DNS lookup that fails for private addresses: the check happens on what is connected to. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0)
    const list = addresses as LookupAddress[]
    const bad = list.find((a) => isPrivateAddress(a.address))
    if (bad) return callback(Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), { code: 'EPRIVATE' }), '', 0)
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
    callback(null, list[0].address, list[0].family)
  })
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError('fetch', `not a URL: ${raw}`, raw)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('fetch', `only http and https URLs are fetched, not ${url.protocol}`, raw)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!allowPrivate && (isIP(host) ? isPrivateAddress(host) : /^localhost$|\.localhost$/i.test(host))) {
    throw new InputError('fetch', `refusing private or loopback address ${host} (allow it explicitly to fetch it)`, raw)
  }
  return url
}

/**
 * Fetches a URL within the limits. Redirects are followed up to `maxRedirects`, each target checked.
 * A 304 is returned as is (empty body) for conditional requests; other non-2xx statuses throw.
 * @example const page = await safeFetch('https://example.com/news/1', { timeoutMs: 10_000 })
 */
export async function safeFetch(raw: string, options: FetchOptions = {}): Promise<FetchResult> {
  const { allowPrivate = false, timeoutMs = 20_000, maxBytes = 10 * 1024 * 1024, maxRedirects = 5 } = options
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    let url = checkUrl(raw, allowPrivate)
    for (let hop = 0; ; hop++) {
      const res = await request(url, options, controller.signal, allowPrivate)
      const location = res.headers.location
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && location) {
        res.resume()
        if (hop >= maxRedirects) throw new InputError('fetch', `more than ${maxRedirects} redirects`, raw)
        url = checkUrl(new URL(location, url).toString(), allowPrivate)
        continue
      }
      const status = res.statusCode ?? 0
      if (status === 304) return (res.resume(), { url: url.toString(), status, headers: res.headers, bytes: new Uint8Array() })
      if (status < 200 || status >= 300) throw (res.resume(), new InputError('fetch', `HTTP ${status} from ${url}`, raw))
      const bytes = await readCapped(decoded(res), maxBytes, raw)
      return { url: url.toString(), status, headers: res.headers, bytes }
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    if (controller.signal.aborted) throw new InputError('fetch', `timed out after ${timeoutMs} ms`, raw, { cause: error })
    throw new InputError('fetch', `cannot fetch: ${(error as Error).message}`, raw, { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

function request(url: URL, options: FetchOptions, signal: AbortSignal, allowPrivate: boolean): Promise<http.IncomingMessage> {
  const get = url.protocol === 'https:' ? https.get : http.get
  const headers = { 'user-agent': options.userAgent ?? 'parallax-news (+https://github.com/)', 'accept-encoding': 'gzip, deflate, br', ...options.headers }
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, signal, ...(allowPrivate ? {} : { lookup: guardedLookup }) }, resolve)
    req.on('error', reject)
  })
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip())
  if (encoding === 'deflate') return res.pipe(createInflate())
  if (encoding === 'br') return res.pipe(createBrotliDecompress())
  return res
}

/** Reads a stream, giving up as soon as it passes `maxBytes` (a decompression bomb stops early). */
async function readCapped(stream: Readable, maxBytes: number, raw: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > maxBytes) {
      stream.destroy()
      throw new InputError('too-large', `response passes the cap of ${maxBytes} bytes (after decompression)`, raw)
    }
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
