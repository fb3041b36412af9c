/**
 * The JSON schemas of the HTTP API. Fastify validates requests with them and `/openapi.json` is
 * generated from the same objects, so the documentation cannot drift from what is enforced.
 */

const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const
const limit = { type: 'integer', minimum: 1, maximum: 200, default: 50 } as const
const cursor = { type: 'string', maxLength: 200 } as const
const nullableString = { type: ['string', 'null'] } as const

export const problem = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
  required: ['title', 'status'],
} as const

const articleSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' }, seq: { type: 'integer' }, title: nullableString, outlet: nullableString, url: nullableString,
    publishedAt: nullableString, storyId: nullableString, ingestedAt: { type: 'string' },
  },
} as const

const storySummary = {
  type: 'object',
  properties: { id: { type: 'string' }, title: nullableString, articleCount: { type: 'integer' }, outletCount: { type: 'integer' }, updatedAt: { type: 'string' } },
} as const

const page = (items: object) => ({ type: 'object', properties: { items: { type: 'array', items }, next: nullableString } }) as const

const feed = {
  type: 'object',
  properties: {
    id: { type: 'string' }, url: { type: 'string' }, title: nullableString, etag: nullableString, lastModified: nullableString,
    errorCount: { type: 'integer' }, lastError: nullableString, nextPollAt: nullableString, lastPolledAt: nullableString,
  },
} as const

const deadLetter = {
  type: 'object',
  properties: {
    id: { type: 'string' }, seq: { type: 'integer' }, attempts: { type: 'integer' }, at: { type: 'string' }, reason: { type: 'string' },
    source: nullableString,
  },
} as const

/** A record to ingest: export field names of news-please, trafilatura and Media Cloud are accepted too. */
const ingestRecord = {
  type: 'object',
  properties: {
    url: { type: 'string', maxLength: 2048 }, title: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' },
    publishedAt: { type: 'string' }, outlet: { type: 'string' },
  },
  additionalProperties: true,
} as const

/** Route schemas by operation. */
export const schemas = {
  listArticles: {
    summary: 'List articles, newest first',
    querystring: { type: 'object', properties: { outlet: { type: 'string' }, story: id, since: { type: 'string', format: 'date' }, until: { type: 'string', format: 'date' }, limit, cursor }, additionalProperties: false },
    response: { 200: page(articleSummary) },
  },
  getArticle: {
    summary: 'One article with its clean text and annotations',
    params: { type: 'object', properties: { id }, required: ['id'] },
  },
  search: {
    summary: 'Full-text search over articles',
    querystring: { type: 'object', properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, limit: { ...limit, default: 20 } }, required: ['q'], additionalProperties: false },
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: nullableString, outlet: nullableString, storyId: nullableString, snippet: { type: 'string' } } } } } } },
  },
  listStories: {
    summary: 'List stories',
    querystring: { type: 'object', properties: { sort: { type: 'string', enum: ['newest', 'outlets'], default: 'newest' }, limit, cursor }, additionalProperties: false },
    response: { 200: page(storySummary) },
  },
  getStory: {
    summary: 'One story: its first articles (page through all with /v1/articles?story=) and, with why=true, why each joined',
    params: { type: 'object', properties: { id }, required: ['id'] },
    querystring: { type: 'object', properties: { why: { type: 'boolean', default: false }, articles: { type: 'integer', minimum: 0, maximum: 1000, default: 200 } }, additionalProperties: false },
  },
  storyFactsCsv: {
    summary: "A story's fact x outlet matrix as CSV (text/csv): one row per fact, one column per outlet, 1 where it reports the fact",
    params: { type: 'object', properties: { id }, required: ['id'] },
  },
  storyQuotesCsv: {
    summary: "A story's quotes as CSV (text/csv): one row per outlet's wording of each quote, with the speaker",
    params: { type: 'object', properties: { id }, required: ['id'] },
  },
  getStoryReport: {
    summary: "A story's cross-checked report (entities, quotes, facts, discrepancies, timeline, summary)",
    params: { type: 'object', properties: { id }, required: ['id'] },
  },
  outlets: {
    summary: 'Outlets with their article counts',
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, articleCount: { type: 'integer' } } } } } } },
  },
  listFeeds: { summary: 'Followed feeds', response: { 200: { type: 'object', properties: { items: { type: 'array', items: feed } } } } },
  addFeed: {
    summary: 'Follow a feed (write: needs the API key when one is set)',
    body: { type: 'object', properties: { url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 } }, required: ['url'], additionalProperties: false },
    response: { 201: feed },
  },
  listDeadLetters: {
    summary: 'Raw articles the workers gave up on (servers started with a queue)',
    querystring: { type: 'object', properties: { limit: { ...limit, maximum: 1000 } }, additionalProperties: false },
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: deadLetter } } } },
  },
  retryDeadLetter: {
    summary: 'Put a dead letter back on the queue as a fresh message (write: needs the API key when one is set)',
    params: { type: 'object', properties: { id }, required: ['id'] },
    response: { 200: { type: 'object', properties: { id: { type: 'string' }, requeued: { type: 'boolean' } } } },
  },
  ingest: {
    summary: 'Ingest articles: JSON {"articles": [...]} or NDJSON (application/x-ndjson), one record a line',
    body: { type: 'object', properties: { articles: { type: 'array', minItems: 1, maxItems: 1000, items: ingestRecord } }, required: ['articles'] },
    response: {
      200: {
        type: 'object',
        properties: {
          read: { type: 'integer' }, new: { type: 'integer' }, duplicate: { type: 'integer' },
          failed: { type: 'array', items: { type: 'object', properties: { where: { type: 'string' }, message: { type: 'string' } } } },
          stories: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const
