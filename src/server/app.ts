/**
 * `parallax serve`: the library's HTTP API under `/v1`, `/openapi.json`, and the web pages, in one
 * Fastify app. Errors are `application/problem+json`; writes need the API key when one is set
 * (and without one, only loopback clients may write) and a `Host`/`Origin` the server answers to;
 * reads need the read key when one is set (./trust.ts); every response carries a strict CSP.
 */
import { readFileSync } from 'node:fs'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { recordOf, jsonlRecordToRaw } from '../input/jsonl.js'
import { Ingestor, type AnnotateRunner } from '../app/ingest.js'
import type { Library } from '../app/library.js'
import { describeDeadLetter, encodeRaw } from '../queue/message.js'
import { isUnavailable, registerHealth, type LazyQueue, type WorkerHealth } from './health.js'
import { openApiDocument, type RegisteredRoute, type RouteSchema } from './openapi.js'
import { csvHandlers, registerFeed } from './exports.js'
import { registerPages } from './pages.js'
import { problem as problemSchema, schemas } from './schemas.js'
import { finiteQuery, HttpProblem, problemOnClientError, sendProblem, trustHooks, type TrustOptions } from './trust.js'

export { HttpProblem } from './trust.js'

export interface ServerOptions extends TrustOptions {
  /** Largest request body, in bytes; beyond it the answer is 413. */
  bodyLimit?: number
  version?: string
  logger?: boolean
  /** When set, `POST /v1/ingest` publishes raw documents here for workers (and `/readyz` checks it). */
  queue?: LazyQueue | null
  /**
   * Runs extract + annotate for `POST /v1/ingest`: a worker pool's `run` keeps the per-article work
   * (and a document over its time budget) off the event loop, so one request never blocks the rest.
   * Default: in this thread.
   */
  annotate?: AnnotateRunner
  /** The worker pool behind `annotate` and story reports: `/readyz` is 503 once it runs no more jobs. */
  workers?: WorkerHealth | null
  /** Longest a request may take to arrive whole (headers and body), in ms; then 408 and the connection closed. */
  requestTimeoutMs?: number
  /** Longest the request line and headers may take to arrive, in ms. */
  headersTimeoutMs?: number
}

/** The package's version, for `/openapi.json`. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** Sent on every response: pages load nothing from anywhere and run no script. */
export const CSP_HEADER = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/**
 * Builds the app (not listening): call `.listen({ host: '127.0.0.1', port })` or `.inject()`.
 * @example const app = buildServer(new Library(openStore('lib.db'))); await app.listen({ port: 8080 })
 */
export function buildServer(library: Library, options: ServerOptions = {}): FastifyInstance {
  const { bodyLimit = 5 * 1024 * 1024, version = PACKAGE_VERSION, logger = false, queue = null, requestTimeoutMs = 30_000, headersTimeoutMs = 10_000 } = options
  const app = Fastify({
    logger,
    bodyLimit,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
    // A client that stops mid-headers or mid-body is answered 408 and closed, checked every second.
    requestTimeout: requestTimeoutMs,
    http: { requestTimeout: requestTimeoutMs, headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs), connectionsCheckingInterval: Math.min(1000, headersTimeoutMs) },
    clientErrorHandler: problemOnClientError,
    frameworkErrors: (error: Error & { statusCode?: number }, _request, reply) => sendProblem(reply, error.statusCode ?? 400, error.statusCode === 414 ? 'URI too long' : 'Bad request', error.message),
  })
  const trust = trustHooks(options)
  const routes: RegisteredRoute[] = []
  const store = library.store

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP_HEADER)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
  })
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, _request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.title, error.message)
    if (error.validation) return sendProblem(reply, 400, 'Invalid request', error.message)
    // a database or queue that is down: clients should retry later, not see an internal error
    if (isUnavailable(error)) return sendProblem(reply, 503, 'Service unavailable', error.message)
    const status = error.statusCode ?? 500
    if (status === 413) return sendProblem(reply, 413, 'Request body too large', `the limit is ${bodyLimit} bytes`)
    if (status < 500) return sendProblem(reply, status, error.message)
    app.log.error(error)
    return sendProblem(reply, 500, 'Internal error')
  })
  // Reads need the read key when one is set (health checks are for operators' probes and stay open).
  app.addHook('onRequest', async (request) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !/^\/(?:healthz|readyz)(?:\?|$)/.test(request.url)) await trust.read(request)
  })
  app.addHook('preHandler', finiteQuery)
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'Not found', `${request.method} ${request.url.split('?')[0]}`))
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => {
    const lines = String(body).split(/\r?\n/).filter((l) => l.trim() !== '')
    try {
      done(null, { articles: lines.map((l) => JSON.parse(l) as unknown) })
    } catch {
      done(new HttpProblem(400, 'Invalid NDJSON', 'every line must be one JSON object'), undefined)
    }
  })

  const route = <Q = unknown>(method: 'GET' | 'POST', url: string, schema: RouteSchema, handler: (request: FastifyRequest & Q, reply: FastifyReply) => unknown, write = false) => {
    routes.push({ method, url, schema, write })
    // Writes are checked before their body is read.
    app.route({ method, url, schema: schema as object, ...(write ? { onRequest: trust.write } : {}), handler: async (request, reply) => handler(request as FastifyRequest & Q, reply) })
  }
  type Q<T> = { query: T }
  type P = { params: { id: string } }

  route<Q<{ outlet?: string; story?: string; since?: string; until?: string; limit: number; cursor?: string }>>('GET', '/v1/articles', schemas.listArticles, (r) =>
    store.listArticles({ outlet: r.query.outlet, storyId: r.query.story, since: r.query.since, until: r.query.until, limit: r.query.limit, cursor: r.query.cursor }))
  route<P>('GET', '/v1/articles/:id', schemas.getArticle, async (r) => (await store.getArticle(r.params.id)) ?? notFound('article', r.params.id))
  route<Q<{ q: string; limit: number }>>('GET', '/v1/search', schemas.search, async (r) => ({ items: await store.search(r.query.q, { limit: r.query.limit }) }))
  route<Q<{ sort: 'newest' | 'outlets'; limit: number; cursor?: string }>>('GET', '/v1/stories', schemas.listStories, (r) => store.listStories(r.query))
  route<P & Q<{ why: boolean; articles: number }>>('GET', '/v1/stories/:id', schemas.getStory, async (r) =>
    (await store.getStory(r.params.id, { maxArticles: r.query.articles, withWhy: r.query.why })) ?? notFound('story', r.params.id))
  route<P>('GET', '/v1/stories/:id/report', schemas.getStoryReport, async (r) => (await library.storyReport(r.params.id)) ?? notFound('story', r.params.id))
  const csv = csvHandlers(library, (id) => notFound('story', id))
  route('GET', '/v1/stories/:id/facts.csv', schemas.storyFactsCsv, csv.facts)
  route('GET', '/v1/stories/:id/quotes.csv', schemas.storyQuotesCsv, csv.quotes)
  route('GET', '/v1/outlets', schemas.outlets, async () => ({ items: await store.outlets() }))
  route('GET', '/v1/feeds', schemas.listFeeds, async () => ({ items: await store.listFeeds() }))
  route<{ body: { url: string } }>('POST', '/v1/feeds', schemas.addFeed, async (r, reply) => reply.code(201).send(await store.addFeed(r.body.url)), true)
  route<{ body: { articles: Record<string, unknown>[] } }>('POST', '/v1/ingest', schemas.ingest, async (r) => {
    if (queue) return publishRecords(queue, r.body.articles)
    // one Ingestor: the request's articles are stored in batches (one lock, one state save each)
    const ingestor = new Ingestor(library, options.annotate ? { annotate: options.annotate } : {})
    for (const [i, obj] of r.body.articles.entries()) {
      const raw = jsonlRecordToRaw(recordOf(obj, i + 1), 'request')
      if (raw) await ingestor.addDocument(raw)
      else ingestor.fail(`request#L${i + 1}`, 'record has no text or html field')
    }
    const tally = await ingestor.finish()
    return { ...tally, stories: [...tally.stories] }
  }, true)

  const withQueue = (): LazyQueue => queue ?? (() => {
    throw new HttpProblem(404, 'No queue', 'this server has no queue: start it with --queue nats://host:4222 (or PARALLAX_QUEUE)')
  })()
  route<Q<{ limit: number }>>('GET', '/v1/dead-letters', schemas.listDeadLetters, async (r) =>
    ({ items: await withQueue().use(async (q) => (await q.deadLetters({ limit: r.query.limit })).map(describeDeadLetter)) }))
  route<P>('POST', '/v1/dead-letters/:id/retry', schemas.retryDeadLetter, async (r) => {
    if (!(await withQueue().use((q) => q.retryDeadLetter(r.params.id)))) throw new HttpProblem(404, 'No such dead letter', `${r.params.id} is not among the dead letters`)
    return { id: r.params.id, requeued: true }
  }, true)

  registerHealth(app, store, queue, options.workers ?? null)
  const doc = openApiDocument(routes, { version, problem: problemSchema })
  app.get('/openapi.json', async () => doc)
  registerPages(app, library)
  registerFeed(app, library)
  return app
}

/** With a queue, the request's records are published for workers: `new` counts the queued ones. */
async function publishRecords(queue: LazyQueue, records: Record<string, unknown>[]) {
  const tally = { read: 0, new: 0, duplicate: 0, failed: [] as { where: string; message: string }[], stories: [] as string[] }
  await queue.use(async (q) => {
    for (const [i, obj] of records.entries()) {
      const raw = jsonlRecordToRaw(recordOf(obj, i + 1), 'request')
      if (!raw) {
        tally.failed.push({ where: `request#L${i + 1}`, message: 'record has no text or html field' })
        continue
      }
      tally.read++
      const { id, data } = encodeRaw(raw)
      if ((await q.publish(id, data)).duplicate) tally.duplicate++
      else tally.new++
    }
  })
  return tally
}

function notFound(what: string, id: string): never {
  throw new HttpProblem(404, `No such ${what}`, `${what} ${id} is not in the library`)
}
