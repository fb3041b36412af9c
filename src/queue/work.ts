/**
 * What a queue worker does with PostgreSQL: per message, extract + annotate + store and write a
 * ledger row (stream sequence -> stored article id); and, in exactly one process at a time (held
 * by a PostgreSQL advisory lock), the clustering consumer that assigns stories in stream order.
 *
 * Why a single clustering consumer: assignment depends on the order articles arrive, and the
 * per-article stages (the expensive part) run in parallel anyway; one consumer following publish
 * order gives the same stories as one process, and no two workers can both open a story for one event.
 */
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { StoryClusterer, type ClusterOptions } from '../cluster/index.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import type { PostgresStore } from '../store/postgres/driver.js'
import type { RawDocument } from '../types.js'
import type { QueueMessage } from './queue.js'

const NEWLINE = 10
/** Arbitrary constant key of the advisory lock held by the clustering consumer. */
const CLUSTER_LOCK = 7_207_002

/** A raw document as a message body (a JSON header line, then the bytes) and its content-hash id. */
export function encodeRaw(raw: RawDocument): { id: string; data: Uint8Array } {
  const head = Buffer.from(JSON.stringify({ source: raw.source, publishedAt: raw.publishedAt ?? null, outlet: raw.outlet ?? null }) + '\n')
  return { id: createHash('sha256').update(raw.bytes).digest('hex').slice(0, 32), data: Buffer.concat([head, raw.bytes]) }
}

/** The raw document inside a message body. */
export function decodeRaw(data: Uint8Array): RawDocument {
  const cut = data.indexOf(NEWLINE)
  const head = JSON.parse(Buffer.from(data.subarray(0, cut)).toString('utf8')) as Omit<RawDocument, 'bytes'>
  return { ...head, bytes: data.subarray(cut + 1) }
}

/**
 * Handles one message: a document that cannot be extracted is recorded as failed (retrying would
 * fail the same way); a store error throws, so the queue retries it. Idempotent on redelivery.
 */
export async function processMessage(store: PostgresStore, message: QueueMessage): Promise<void> {
  const raw = decodeRaw(message.data)
  let article
  try {
    article = annotate(extractArticle(raw))
  } catch (error) {
    return recordOutcome(store, message.seq, null, 'failed', (error as Error).message)
  }
  const put = await store.putArticle(article, { url: raw.source.url ?? null })
  // the original bytes stay with the article (so a newer pipeline can re-run extraction on them);
  // also on a duplicate, since a worker that died between the two writes leaves the article without them
  await store.putRaw(put.id, raw)
  await recordOutcome(store, message.seq, put.id, put.status)
}

/** Writes the ledger row of stream sequence `seq` (once: a redelivery keeps the first). */
export async function recordOutcome(store: PostgresStore, seq: number, articleId: string | null, outcome: string, detail: string | null = null): Promise<void> {
  await store.query('INSERT INTO work_ledger (seq, article_id, outcome, detail) VALUES ($1, $2, $3, $4) ON CONFLICT (seq) DO NOTHING', [seq, articleId, outcome, detail])
}

export interface ClusterConsumerOptions {
  cluster?: ClusterOptions
  /** Ledger rows read per step. */
  batch?: number
}

/** The clustering consumer; `step` does nothing unless this process holds the lock. */
export class ClusterConsumer {
  private client: pg.PoolClient | null = null
  private clusterer: StoryClusterer | null = null
  private cursor = 0
  constructor(private readonly store: PostgresStore, private readonly options: ClusterConsumerOptions = {}) {}

  /** Whether this process is the clustering consumer (tries to become it). */
  async lead(): Promise<boolean> {
    if (this.client) return true
    const client = await this.store.pool.connect()
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [CLUSTER_LOCK])
    if (!rows[0].ok) return void client.release(), false
    this.client = client
    await this.rebuild()
    return true
  }

  /**
   * Assigns stories for the next ledger rows in sequence order. Stops at a gap (a message still
   * being worked on) unless `idle` says the queue is drained, when gaps are real (purged messages).
   * Returns how many rows it consumed.
   */
  async step(idle: boolean): Promise<number> {
    if (!(await this.lead())) return 0
    const rows = await this.store.query<{ seq: string; article_id: string | null }>('SELECT seq, article_id FROM work_ledger WHERE seq > $1 ORDER BY seq LIMIT $2', [this.cursor, this.options.batch ?? 500])
    let take = 0
    for (const row of rows) {
      if (Number(row.seq) !== this.cursor + take + 1 && !idle) break
      take++
    }
    if (take === 0) return 0
    const taken = rows.slice(0, take)
    try {
      await this.assignAll(taken.flatMap((r) => (r.article_id ? [r.article_id] : [])))
    } catch (error) {
      // the clusterer in memory moved on while the database rolled back: give up the lead, so the
      // next step (here or in another process) rebuilds from what was committed
      await this.release()
      throw error
    }
    this.cursor = Number(taken[take - 1].seq)
    await this.store.query('INSERT INTO cluster_cursor (seq) VALUES ($1) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq', [this.cursor])
    return take
  }

  /** Gives up the lock (another process takes over). */
  async release(): Promise<void> {
    if (!this.client) return
    await this.client.query('SELECT pg_advisory_unlock($1)', [CLUSTER_LOCK]).catch(() => {})
    this.client.release()
    this.client = null
  }

  /** Assigns stories to `ids` in order, reading the articles not yet in a story in one query. */
  private async assignAll(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    // already assigned: a redelivered or re-sent document, or a step repeated after a crash
    const open = await this.store.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1) AND story_id IS NULL', [ids])
    const waiting = new Set(open.map((r) => r.id))
    const articles = await this.store.getArticles(ids.filter((id) => waiting.has(id)))
    const assigned = []
    for (const article of articles) {
      // a document re-sent within one batch appears twice; the first copy is the one assigned
      if (!waiting.delete(article.id)) continue
      const { storyId, ...why } = this.clusterer!.add(article)
      assigned.push({ articleId: article.id, storyId, why })
    }
    await this.store.assignStories(assigned)
  }

  /** Replays the assignments made so far, in the order they were made, into a fresh clusterer. */
  private async rebuild(): Promise<void> {
    this.clusterer = new StoryClusterer(this.options.cluster)
    const cursor = await this.store.query<{ seq: string }>('SELECT seq FROM cluster_cursor')
    this.cursor = Number(cursor[0]?.seq ?? 0)
    const rows = await this.store.query<{ id: string }>(
      `SELECT l.article_id AS id FROM work_ledger l JOIN articles a ON a.id = l.article_id
       WHERE a.story_id IS NOT NULL AND l.seq = (SELECT min(seq) FROM work_ledger WHERE article_id = l.article_id) ORDER BY l.seq`)
    for (let i = 0; i < rows.length; i += 500) {
      for (const article of await this.store.getArticles(rows.slice(i, i + 500).map((r) => r.id))) this.clusterer.add(article)
    }
  }
}
