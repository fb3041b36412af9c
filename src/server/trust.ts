/**
 * Who may read and write, and what the server answers before a route runs: the API key on writes
 * (loopback only without one), `Host` and `Origin` on writes (a web page the operator visits cannot
 * write through DNS rebinding), an optional key on reads, and problem+json for the errors the
 * framework and Node's HTTP parser raise on their own (bad URL, over-long header, stalled request).
 */
import type { Socket } from 'node:net'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** An error carried to the client as problem+json. */
export class HttpProblem extends Error {
  constructor(readonly status: number, readonly title: string, detail?: string) {
    super(detail ?? title)
  }
}

/** Host names a loopback server answers to: what a browser on the same machine sends. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1']

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/** Who may call the server. */
export interface TrustOptions {
  /** Required as `Authorization: Bearer <key>` (or `X-API-Key`) on writes. */
  apiKey?: string | null
  /** When set, reads (`/v1`, `/openapi.json` and the pages) need this key or the API key. */
  readKey?: string | null
  /**
   * Host names accepted in `Host` (and `Origin`, when sent) on writes; `*` accepts any. Default:
   * the loopback names. `parallax serve` adds the address it binds.
   */
  allowedHosts?: readonly string[]
}

/** The host name of a `Host` header or an origin (no port, no brackets), lower-cased; null when unreadable. */
export function hostNameOf(value: string, isOrigin = false): string | null {
  try {
    return new URL(isOrigin ? value : `http://${value}`).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  } catch {
    return null
  }
}

function givenKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization
  const header = request.headers['x-api-key']
  return auth?.startsWith('Bearer ') ? auth.slice(7) : Array.isArray(header) ? header[0] : header
}

/** Throws 403 unless `Host` (and `Origin`, when the client sent one) name a host the server answers to. */
function checkHosts(request: FastifyRequest, allowed: ReadonlySet<string>): void {
  if (allowed.has('*')) return
  const host = hostNameOf(request.headers.host ?? '')
  if (!host || !allowed.has(host)) {
    throw new HttpProblem(403, 'Host not allowed', `writes are accepted for ${[...allowed].join(', ')}; start the server with --allowed-hosts to add ${host ?? 'this host'}`)
  }
  const origin = request.headers.origin
  if (origin === undefined) return
  const from = origin === 'null' ? null : hostNameOf(origin, true)
  if (!from || !allowed.has(from)) throw new HttpProblem(403, 'Origin not allowed', `writes from pages of ${origin} are refused`)
}

/** The `onRequest` checks of a write route and of a read route, from the options. */
export function trustHooks({ apiKey = null, readKey = null, allowedHosts = LOOPBACK_HOSTS }: TrustOptions) {
  const allowed = new Set(allowedHosts.map((h) => h.replace(/^\[|\]$/g, '').toLowerCase()))
  return {
    write: async function checkWrite(request: FastifyRequest): Promise<void> {
      checkHosts(request, allowed)
      if (apiKey) {
        if (givenKey(request) !== apiKey) throw new HttpProblem(401, 'API key required', 'send the key as Authorization: Bearer <key>')
      } else if (!LOOPBACK.test(request.ip)) {
        throw new HttpProblem(403, 'Writes are disabled', 'start the server with --api-key to accept writes from other hosts')
      }
    },
    read: async function checkRead(request: FastifyRequest): Promise<void> {
      if (!readKey) return
      const key = givenKey(request)
      if (key !== readKey && !(apiKey && key === apiKey)) throw new HttpProblem(401, 'Read key required', 'send the read key as Authorization: Bearer <key>')
    },
  }
}

/** Sends a problem+json answer. */
export function sendProblem(reply: FastifyReply, status: number, title: string, detail?: string): FastifyReply {
  return reply.code(status).type('application/problem+json').send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) })
}

/** What Node's HTTP parser reports, as the status and title a client is told. */
function clientProblem(code: string | undefined): [number, string, string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request timeout', 'the request (headers and body) did not arrive in time']
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'Request header fields too large', 'the request line and headers are over the size the server reads']
  if (code === 'HPE_URI_TOO_LONG' || code === 'HPE_INVALID_URL') return [414, 'URI too long', 'the request target is over the size the server reads']
  return [400, 'Bad request', `the request could not be read (${code ?? 'malformed'})`]
}

/**
 * Fastify's `clientErrorHandler`: errors Node's parser raises before any route (timeouts, oversized
 * headers, malformed requests) answered as problem+json on the raw socket, which is then closed.
 */
export function problemOnClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  if (!socket.writable) return void socket.destroy(error)
  const [status, title, detail] = clientProblem(error.code)
  const body = JSON.stringify({ type: 'about:blank', title, status, detail })
  socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

/**
 * Throws 400 for a number in the query that is not finite (`?limit=Infinity`, `1e400`): the schema
 * coercion turns them into numbers that pass `integer` and `maximum`.
 */
export async function finiteQuery(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown> | undefined
  for (const [name, value] of Object.entries(query ?? {})) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new HttpProblem(400, 'Invalid request', `querystring/${name} must be a finite number`)
  }
}
