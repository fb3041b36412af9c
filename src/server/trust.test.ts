import assert from 'node:assert/strict'
import { connect } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { Library } from '../app/library.js'
import { openSqliteStore } from '../store/sqlite/driver.js'
import { buildServer } from './app.js'

// Over real HTTP on loopback: Host and Origin are what a browser sends, and timeouts and oversized
// headers are raised by Node's parser, which inject() does not go through.
let app: FastifyInstance
let port = 0
const READ_KEY = 'read-key'

before(async () => {
  app = buildServer(new Library(openSqliteStore(':memory:')), { readKey: READ_KEY, requestTimeoutMs: 1000, headersTimeoutMs: 800 })
  await app.listen({ host: '127.0.0.1', port: 0 })
  port = (app.server.address() as { port: number }).port
})
after(() => app.close())

/** Sends raw bytes, optionally holding the socket open, and returns all the server answered. */
function raw(request: string, { holdMs = 0 } = {}): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    // Held open: the server, not the client, must end a stalled request.
    const socket = connect(port, '127.0.0.1', () => (holdMs ? socket.write(request) : socket.end(request)))
    let text = ''
    socket.on('data', (chunk) => (text += chunk.toString('latin1')))
    socket.on('error', reject)
    socket.on('close', () => resolve({ text, ms: performance.now() - t0 }))
  })
}

const status = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])
const isProblem = (text: string) => /content-type: application\/problem\+json/i.test(text)
const body = JSON.stringify({ articles: [{ text: 'Engineers found cracks in the northern dam on Tuesday, the water authority said.' }] })
const post = (headers: string) => `POST /v1/ingest HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Connection: close\r\n\r\n`

describe('server trust over loopback HTTP', () => {
  it('refuses writes naming another host or coming from another origin (DNS rebinding), accepts its own names', async () => {
    const rebound = await raw(post('Host: attacker.example\r\n'))
    assert.equal(status(rebound.text), 403)
    assert.ok(isProblem(rebound.text))
    assert.match(rebound.text, /Host not allowed/)
    const fromPage = await raw(post(`Host: 127.0.0.1:${port}\r\nOrigin: http://attacker.example\r\n`))
    assert.equal(status(fromPage.text), 403)
    assert.match(fromPage.text, /Origin not allowed/)
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const own = await raw(post(`Host: ${host}\r\nOrigin: http://localhost:${port}\r\n`))
      assert.equal(status(own.text), 200, host)
    }
  })

  it('needs the read key on reads when one is set; health checks stay open', async () => {
    const without = await raw(get('/v1/stories'))
    assert.equal(status(without.text), 401)
    assert.ok(isProblem(without.text))
    assert.equal(status((await raw(get('/v1/stories', `Authorization: Bearer ${READ_KEY}\r\n`))).text), 200)
    assert.equal(status((await raw(get('/', `X-API-Key: ${READ_KEY}\r\n`))).text), 200)
    assert.equal(status((await raw(get('/healthz'))).text), 200)
  })

  it('answers 400 problem+json for numbers that are not finite', async () => {
    const key = `Authorization: Bearer ${READ_KEY}\r\n`
    for (const path of ['/v1/stories/s_x?articles=Infinity', '/v1/articles?limit=Infinity', '/v1/articles?limit=1e400']) {
      const res = await raw(get(path, key))
      assert.equal(status(res.text), 400, path)
      assert.ok(isProblem(res.text), path)
    }
  })

  it('answers the framework and parser errors as problem+json: bad URI, long parameter, oversized headers', async () => {
    const key = `Authorization: Bearer ${READ_KEY}\r\n`
    const badUri = await raw(get('/v1/%E0%A4%A', key))
    assert.equal(status(badUri.text), 400)
    assert.ok(isProblem(badUri.text))
    const longParam = await raw(get(`/v1/stories/${'a'.repeat(500)}`, key))
    assert.equal(status(longParam.text), 414)
    assert.ok(isProblem(longParam.text))
    const huge = await raw(get('/v1/stories', `${key}X-Filler: ${'x'.repeat(20_000)}\r\n`))
    assert.equal(status(huge.text), 431)
    assert.ok(isProblem(huge.text))
  })

  it('closes a request that stops mid-body with 408 problem+json', async () => {
    const stalled = await raw(`POST /v1/ingest HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"articles":`, { holdMs: 1 })
    assert.equal(status(stalled.text), 408)
    assert.ok(isProblem(stalled.text))
    assert.ok(stalled.ms < 5000, `closed after ${Math.round(stalled.ms)} ms`)
  })
})
