/**
 * Exports of the library for other tools: a story's fact x outlet matrix and quotes as CSV, and an
 * Atom feed of the newest stories (`/feeds/stories.atom`) for feed readers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { reportArticle } from '../pipeline.js'
import { renderFactsCsv, renderQuotesCsv } from '../render/csv.js'
import { escapeHtml as xml } from '../render/escape.js'
import { plural } from '../render/lead.js'
import type { Library } from '../app/library.js'
import type { StorySummary } from '../store/store.js'
import type { Report } from '../types.js'

/** Stories in the Atom feed. */
const FEED_STORIES = 50

/** A story's report with its articles (for outlet names), or null when there is no such story. */
async function storyAsReport(library: Library, id: string): Promise<Report | null> {
  const story = await library.storyReport(id)
  if (!story) return null
  const articles = await library.store.getArticles(story.articleIds)
  return { schemaVersion: 1, articles: articles.map(reportArticle), stories: [story] }
}

/** Sends CSV as a download named after the story. */
function sendCsv(reply: FastifyReply, id: string, table: string, body: string): FastifyReply {
  const name = `story-${id.replace(/[^A-Za-z0-9_-]/g, '')}-${table}.csv`
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body)
}

/**
 * Handlers for `/v1/stories/:id/facts.csv` and `/v1/stories/:id/quotes.csv`; `missing` answers a
 * story not in the library (throws the server's 404 problem).
 */
export function csvHandlers(library: Library, missing: (id: string) => never) {
  const handler = (table: 'facts' | 'quotes') => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string }
    const report = (await storyAsReport(library, id)) ?? missing(id)
    return sendCsv(reply, id, table, table === 'facts' ? renderFactsCsv(report) : renderQuotesCsv(report))
  }
  return { facts: handler('facts'), quotes: handler('quotes') }
}

/** An ISO date or date-time as an RFC 3339 timestamp ("2025-08-06" -> "2025-08-06T00:00:00Z"). */
function rfc3339(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`
  const t = Date.parse(date)
  return Number.isNaN(t) ? date : new Date(t).toISOString()
}

/**
 * The Atom document for some stories. `base` is the site's origin, for absolute links. A story
 * whose articles state no date carries the feed's date and says "undated" in its summary.
 * @example atomFeed(stories, 'http://127.0.0.1:8080')
 */
export function atomFeed(stories: readonly StorySummary[], base: string): string {
  const dated = stories.map((s) => s.updatedAt).filter(Boolean).sort()
  const feedUpdated = dated.length ? rfc3339(dated.at(-1)!) : '1970-01-01T00:00:00Z'
  const entries = stories.map((s) => {
    const url = `${base}/stories/${encodeURIComponent(s.id)}`
    const when = s.updatedAt ? s.updatedAt.slice(0, 10) : 'undated'
    return `<entry><id>${xml(url)}</id><title>${xml(s.title ?? 'Untitled story')}</title><link rel="alternate" type="text/html" href="${xml(url)}"/>` +
      `<updated>${s.updatedAt ? rfc3339(s.updatedAt) : feedUpdated}</updated>` +
      `<summary>${xml(`${plural(s.articleCount, 'article')} from ${plural(s.outletCount, 'outlet')} · ${when}`)}</summary></entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(`${base}/feeds/stories.atom`)}</id><title>Parallax library: newest stories</title>` +
    `<link rel="self" type="application/atom+xml" href="${xml(`${base}/feeds/stories.atom`)}"/><link rel="alternate" type="text/html" href="${xml(`${base}/`)}"/>` +
    `<updated>${feedUpdated}</updated><generator>Parallax</generator>\n${entries.join('\n')}\n</feed>\n`
}

/** Registers `/feeds/stories.atom`: the newest stories, as the story list shows them. */
export function registerFeed(app: FastifyInstance, library: Library): void {
  app.get('/feeds/stories.atom', async (request, reply) => {
    const stories = await library.store.listStories({ sort: 'newest', limit: FEED_STORIES })
    const base = `${request.protocol}://${request.host}`
    return reply.type('application/atom+xml; charset=utf-8').send(atomFeed(stories.items, base))
  })
}
