import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { Library } from '../app/library.js'
import { openSqliteStore } from '../store/sqlite/driver.js'
import { loadSeeds } from '../../test/helpers/shared.js'
import { buildServer, CSP_HEADER } from './app.js'
import { ServiceUnavailable } from './health.js'
import { StagePool } from '../threads/pool.js'
import { poolStoryBuilder } from '../cli/serve.js'

let app: FastifyInstance
let storyId = ''
const KEY = 'test-key'

before(async () => {
  const library = new Library(openSqliteStore(':memory:'))
  for (const s of loadSeeds()) {
    const r = await library.ingest(annotate(extractArticle({ source: { kind: 'text', path: s.path }, bytes: new TextEncoder().encode(s.text) })))
    storyId = r.storyId ?? storyId
  }
  app = buildServer(library, { apiKey: KEY, bodyLimit: 20_000 })
  await app.ready()
})

const get = (url: string) => app.inject({ method: 'GET', url })

describe('HTTP API', () => {
  it('lists articles with cursor paging and filters by story', async () => {
    const first = (await get('/v1/articles?limit=2')).json()
    assert.equal(first.items.length, 2)
    const second = (await get(`/v1/articles?limit=2&cursor=${first.next}`)).json()
    assert.equal(second.items.length, 2)
    assert.notDeepEqual(second.items.map((a: { id: string }) => a.id), first.items.map((a: { id: string }) => a.id))
    const inStory = (await get(`/v1/articles?story=${storyId}&limit=50`)).json()
    assert.equal(inStory.items.length, loadSeeds().length)
  })

  it('serves a story, its report and search results', async () => {
    const story = (await get(`/v1/stories/${storyId}`)).json()
    assert.equal(story.articleIds.length, loadSeeds().length)
    assert.equal(story.why, undefined)
    const withWhy = (await get(`/v1/stories/${storyId}?why=true&articles=2`)).json()
    assert.deepEqual([withWhy.articleIds.length, withWhy.why.length, withWhy.articleCount], [2, 2, loadSeeds().length])
    const report = (await get(`/v1/stories/${storyId}/report`)).json()
    assert.ok(report.facts.length > 0 && report.summary.length > 0)
    const hits = (await get('/v1/search?q=Kremlin')).json()
    assert.ok(hits.items.length > 0)
    assert.ok(hits.items.every((h: { snippet: string }) => /kremlin/i.test(h.snippet)))
    assert.ok((await get('/v1/outlets')).json().items.length >= 3)
  })

  it('answers errors as problem+json', async () => {
    const missing = await get('/v1/stories/s_nope')
    assert.equal(missing.statusCode, 404)
    assert.match(missing.headers['content-type'] as string, /application\/problem\+json/)
    assert.equal(missing.json().title, 'No such story')
    const bad = await get('/v1/articles?limit=100000')
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().status, 400)
    assert.equal((await get('/v1/nothing')).json().status, 404)
  })

  it('requires the API key for writes and refuses bodies over the limit with 413', async () => {
    const body = { articles: [{ title: 'Dam inspection finds cracks', text: 'Engineers found cracks in the northern dam on Tuesday, the water authority said in a statement.', url: 'https://example.net/dam' }] }
    assert.equal((await app.inject({ method: 'POST', url: '/v1/ingest', payload: body })).statusCode, 401)
    const ok = await app.inject({ method: 'POST', url: '/v1/ingest', payload: body, headers: { authorization: `Bearer ${KEY}` } })
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().new, 1)
    const ndjson = `${JSON.stringify(body.articles[0])}\n${JSON.stringify({ maintext: 'A second record about the ferry timetable changing in spring for all island routes.', title: 'Ferry timetable' })}\n`
    const nd = await app.inject({ method: 'POST', url: '/v1/ingest', payload: ndjson, headers: { 'x-api-key': KEY, 'content-type': 'application/x-ndjson' } })
    assert.deepEqual([nd.json().new, nd.json().duplicate], [1, 1])
    const big = await app.inject({ method: 'POST', url: '/v1/ingest', payload: { articles: [{ text: 'x'.repeat(30_000) }] }, headers: { authorization: `Bearer ${KEY}` } })
    assert.equal(big.statusCode, 413)
    assert.match(big.headers['content-type'] as string, /problem\+json/)
  })

  it('publishes /openapi.json from the validating schemas', async () => {
    const doc = (await get('/openapi.json')).json()
    assert.equal(doc.openapi, '3.1.0')
    const list = doc.paths['/v1/articles'].get
    assert.deepEqual(list.parameters.find((p: { name: string }) => p.name === 'limit').schema.maximum, 200)
    assert.ok(doc.paths['/v1/stories/{id}/report'].get)
    assert.deepEqual(doc.paths['/v1/ingest'].post.security, [{ apiKey: [] }])
  })
})

describe('readiness', () => {
  it('/readyz is 503 naming the worker pool once it runs no more jobs, while /healthz stays ok', async () => {
    const workers = { stopped: null as string | null }
    const ready = buildServer(new Library(openSqliteStore(':memory:')), { workers })
    try {
      const up = await ready.inject({ method: 'GET', url: '/readyz' })
      assert.equal(up.statusCode, 200)
      assert.equal(up.json().checks.workers, 'ok')
      workers.stopped = 'worker thread failed: out of memory'
      const down = await ready.inject({ method: 'GET', url: '/readyz' })
      assert.equal(down.statusCode, 503)
      assert.match(down.json().checks.workers, /workers unavailable: worker thread failed: out of memory/)
      assert.equal((await ready.inject({ method: 'GET', url: '/healthz' })).statusCode, 200)
    } finally {
      await ready.close()
    }
  })

  it('answers a report its stopped worker pool cannot build with 503, and caches nothing', async () => {
    const pool = new StagePool({ threads: 1 })
    await pool.close()
    const library = new Library(openSqliteStore(':memory:'), { buildStory: poolStoryBuilder(pool, (message) => new ServiceUnavailable('workers', new Error(message))) })
    let id = ''
    for (const s of loadSeeds().slice(0, 2)) id = (await library.ingest(annotate(extractArticle({ source: { kind: 'text', path: s.path }, bytes: new TextEncoder().encode(s.text) })))).storyId ?? id
    const served = buildServer(library, { workers: pool })
    try {
      const answer = await served.inject({ method: 'GET', url: `/v1/stories/${id}/report` })
      assert.equal(answer.statusCode, 503)
      assert.match(answer.headers['content-type'] as string, /problem\+json/)
      assert.match(answer.json().detail, /workers unavailable: building the report of story .* failed: the worker pool was closed/)
      assert.equal(await library.store.getStoryReport(id), null)
    } finally {
      await served.close()
    }
  })
})

describe('web pages', () => {
  it('sends a strict CSP and escapes everything on the list, story and article pages', async () => {
    const list = await get('/')
    assert.equal(list.headers['content-security-policy'], CSP_HEADER)
    assert.match(list.body, new RegExp(`href="/stories/${storyId}"`))
    const story = await get(`/stories/${storyId}`)
    assert.equal(story.statusCode, 200)
    assert.match(story.body, /All facts by outlet/)
    assert.match(story.body, /class="lead"/)
    assert.match(story.body, /<svg class="chart"/)
    assert.doesNotMatch(story.body, /<script|src="http/i)
    const articleId = (await get('/v1/articles?limit=1')).json().items[0].id
    const article = await get(`/articles/${articleId}`)
    assert.match(article.body, /What extraction removed/)
    assert.equal((await get('/stories/s_missing')).statusCode, 404)
  })

  it('searches from the list page', async () => {
    const res = await get('/?q=Kremlin')
    assert.match(res.body, /results/)
    assert.match(res.body, /href="\/articles\/[0-9a-f]{16}"/)
  })
})
