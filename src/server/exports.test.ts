import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { Library } from '../app/library.js'
import { openSqliteStore } from '../store/sqlite/driver.js'
import { buildServer } from './app.js'

// Two undated reports of one invented event, one naming its outlet by house marks, one by nothing.
const PIER_A = 'Harbour council closes ferry pier for repairs\n\nThe harbour council voted on Tuesday to close the old ferry pier for three months of repairs, council leader Ana Brook said.\n\n' +
  '"The pier is no longer safe for the morning crowds," Brook told reporters after the vote.\n\nThe work will cost $2 million, the council said.\n'
const PIER_B = 'The old ferry pier will close for repairs after a council vote on Tuesday, council leader Ana Brook said.\n\n' +
  'Brook said the pier was "no longer safe for the morning crowds."\n\nThe repairs will cost $3 million and take three months.\n\n' +
  'Why It Matters\nMost commuters cross the harbour by ferry.\n\nWhat To Know\nThe pier reopens in the summer.\n'

let app: FastifyInstance
let storyId = ''
const get = (url: string) => app.inject({ method: 'GET', url })

before(async () => {
  const library = new Library(openSqliteStore(':memory:'))
  for (const [text, path] of [[PIER_A, 'in/a-0c1d2e3f4a5b6c7d.txt'], [PIER_B, 'in/b.txt']]) {
    storyId = (await library.ingest(annotate(extractArticle({ source: { kind: 'text', path }, bytes: new TextEncoder().encode(text) })))).storyId ?? storyId
  }
  app = buildServer(library)
  await app.ready()
})

describe('library pages agree with each other', () => {
  it('says "undated" for a story whose articles state no date, never the day of ingest', async () => {
    const list = (await get('/')).body
    assert.match(list, /2 articles · 1 outlet · undated/)
    assert.doesNotMatch(list, new RegExp(new Date().toISOString().slice(0, 10)))
    const page = (await get(`/stories/${storyId}`)).body
    assert.match(page, /2 articles from 1 outlet and 1 unnamed source · undated/)
  })

  it('keeps the title the list shows on every load of the page and the list', async () => {
    const title = (body: string) => /<a href="\/stories\/[^"]+">([^<]+)<\/a>/.exec(body)?.[1]
    const before = title((await get('/')).body)
    const page1 = (await get(`/stories/${storyId}`)).body
    const page2 = (await get(`/stories/${storyId}`)).body
    const h1 = (body: string) => /<h1>([^<]+)<\/h1>/.exec(body)?.[1]
    assert.equal(h1(page1), before)
    assert.equal(h1(page2), before)
    assert.equal(title((await get('/')).body), before)
  })

  it('names every article on the story page, never by its hash', async () => {
    const page = (await get(`/stories/${storyId}`)).body
    assert.match(page, /class="outlet">Newsweek</)
    assert.match(page, /class="outlet">Unnamed outlet \(a\)</)
    assert.doesNotMatch(page, /class="outlet">[0-9a-f]{16}</)
  })
})

describe('exports', () => {
  it('serves the fact x outlet matrix and the quotes as CSV downloads', async () => {
    const facts = await get(`/v1/stories/${storyId}/facts.csv`)
    assert.equal(facts.statusCode, 200)
    assert.match(String(facts.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(facts.headers['content-disposition']), /attachment; filename="story-[\w-]+-facts\.csv"/)
    assert.match(facts.body, /^story_id,story_title,fact_id,status,outlets,independent_sources,fact,Unnamed outlet \(a\),Newsweek\r\n/)
    const quotes = await get(`/v1/stories/${storyId}/quotes.csv`)
    assert.match(quotes.body, /^story_id,quote_id,speaker,quote,outlet,article_id,words\r\n/)
    const missing = await get('/v1/stories/s_none/facts.csv')
    assert.equal(missing.statusCode, 404)
    assert.match(String(missing.headers['content-type']), /problem\+json/)
  })

  it('serves an Atom feed of the newest stories', async () => {
    const res = await get('/feeds/stories.atom')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/atom\+xml/)
    assert.match(res.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
    assert.match(res.body, new RegExp(`<entry><id>http://localhost(:\\d+)?/stories/${storyId}</id><title>[^<]+</title>`))
    assert.match(res.body, /<summary>2 articles from 1 outlet · undated<\/summary>/)
    assert.equal((res.body.match(/<entry>/g) ?? []).length, 1)
  })

  it('gives /openapi.json the package version and lists the CSV routes', async () => {
    const doc = (await get('/openapi.json')).json()
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    assert.equal(doc.info.version, version)
    assert.notEqual(doc.info.version, '0.0.0')
    assert.ok(doc.paths['/v1/stories/{id}/facts.csv'].get)
    assert.ok(doc.paths['/v1/stories/{id}/quotes.csv'].get)
  })
})
