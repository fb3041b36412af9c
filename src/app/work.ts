/**
 * What a queue worker does with PostgreSQL: per message, extract + annotate + store and write a
 * ledger row (stream sequence -> stored article id); and, in exactly one process at a time (held
 * by a PostgreSQL advisory lock), the clustering consumer that assigns stories in stream order.
 *
 * Why a single clustering consumer: assignment depends on the order articles arrive, and the
 * per-article stages (the expensive part) run in parallel anyway; one consumer following publish
 * order gives the same stories as one process, and no two workers can both open a story for one event.
 */
import type pg from 'pg'
import { DEFAULT_MAX_TERMS } from '../cluster/clusterer.js'
import { articleFeatures, decodeFeatures, encodeFeatures, type ArticleFeatures } from '../cluster/features.js'
import { StoryClusterer, STATE_FORMAT, type ClusterOptions, type ClustererState } from '../cluster/index.js'
import { processDocument } from '../document.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import type { PostgresStore } from '../store/postgres/driver.js'
import type { PutResult } from '../store/store.js'
import type { Annotated, RawDocument } from '../types.js'
import { decodeRaw } from '../queue/message.js'
import type { QueueMessage } from '../queue/queue.js'

/** Arbitrary constant key of the advisory lock held by the clustering consumer. */
const CLUSTER_LOCK = 7_207_002

/**
 * What one message became: an article to store with its clustering features (computed here, in
 * parallel across workers, so the single clustering consumer only decodes them), or why its
 * document could not be read.
 */
type Processed = { seq: number; raw: RawDocument } & ({ article: Annotated; features: string } | { failure: string })

/**
 * Handles one message: a document that cannot be extracted is recorded as failed (retrying would
 * fail the same way); a store error throws, so the queue retries it. Idempotent on redelivery.
 * With a `writer`, the store writes join the next group commit instead of committing alone.
 */
export async function processMessage(store: PostgresStore, message: QueueMessage, writer?: GroupWriter): Promise<void> {
  const raw = decodeRaw(message.data)
  let processed: Processed
  try {
    const article = processDocument(raw, { limits: { maxBytes: DEFAULT_LIMITS.maxBytes } })
    processed = { seq: message.seq, raw, article, features: encodeFeatures(articleFeatures(article, DEFAULT_MAX_TERMS), DEFAULT_MAX_TERMS) }
  } catch (error) {
    processed = { seq: message.seq, raw, failure: (error as Error).message }
  }
  return writer ? writer.write(processed) : store.atomically(() => writeProcessed(store, processed))
}

/** The store writes of one processed message: the article, its raw bytes, its ledger row. */
async function writeProcessed(store: PostgresStore, p: Processed): Promise<void> {
  if ('failure' in p) return recordOutcome(store, p.seq, null, 'failed', p.failure)
  const put = await store.putArticle(p.article, { url: p.raw.source.url ?? null })
  // the original bytes stay with the article (so a newer pipeline can re-run extraction on them);
  // also on a duplicate, since a worker that died between the two writes leaves the article without them
  await store.putRaw(put.id, p.raw)
  await recordOutcome(store, p.seq, put.id, put.status, null, featuresFor(p, put))
}

/** The features to keep in the ledger: those of a newly stored article (a duplicate's story is its original's). */
function featuresFor(p: Processed, put: PutResult): string | null {
  return 'features' in p && put.status === 'new' && put.id === p.article.id ? p.features : null
}

/** `writeProcessed` for many messages in a few statements (articles, raw bytes, ledger rows). */
async function writeGroup(store: PostgresStore, group: readonly Processed[]): Promise<void> {
  const stored = group.flatMap((p) => ('article' in p ? [{ p, article: p.article }] : []))
  const puts = await store.putArticles(stored.map(({ p, article }) => ({ article, url: p.raw.source.url ?? null })))
  await store.putRaws(stored.map(({ p }, i) => ({ articleId: puts[i].id, raw: p.raw })))
  const outcome = new Map<Processed, PutResult>(stored.map(({ p }, i) => [p, puts[i]]))
  const rows = group.map((p) => {
    const put = outcome.get(p)
    return put
      ? { seq: p.seq, id: put.id, outcome: put.status, detail: null, features: featuresFor(p, put) }
      : { seq: p.seq, id: null, outcome: 'failed', detail: 'failure' in p ? p.failure : null, features: null }
  })
  await store.insertRows('work_ledger', ['seq', 'article_id', 'outcome', 'detail', 'features'], rows.map((r) => [r.seq, r.id, r.outcome, r.detail, r.features]), 'ON CONFLICT (seq) DO NOTHING')
}

/**
 * Group commit for a worker handling several messages at once: writes that arrive while a commit
 * runs are stored together by the next one (one transaction, one disk flush, for many articles;
 * a commit is the slowest step of a worker). When a group fails, its writes are tried one by one,
 * so one bad row cannot fail its neighbours; each caller learns about its own write only.
 */
export class GroupWriter {
  private waiting: { p: Processed; done: (error?: unknown) => void }[] = []
  private flushing = false
  /** Group commits made, and the messages they stored (for the worker's closing line). */
  groups = 0
  written = 0
  constructor(private readonly store: PostgresStore, private readonly maxGroup = 64) {}

  /** Resolves once `p` is committed; rejects with its own store error. */
  write(p: Processed): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ p, done: (error) => (error === undefined ? resolve() : reject(error)) })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, this.maxGroup)
        try {
          await this.store.atomically(() => writeGroup(this.store, group.map((w) => w.p)))
          this.groups++
          this.written += group.length
          for (const w of group) w.done()
        } catch (error) {
          if (group.length === 1) {
            group[0].done(error)
            continue
          }
          for (const w of group) {
            await this.store.atomically(() => writeProcessed(this.store, w.p)).then(() => w.done(), (e: unknown) => w.done(e ?? new Error('store write failed')))
          }
        }
      }
    } finally {
      this.flushing = false
    }
  }
}

/** Writes the ledger row of stream sequence `seq` (once: a redelivery keeps the first). */
export async function recordOutcome(store: PostgresStore, seq: number, articleId: string | null, outcome: string, detail: string | null = null, features: string | null = null): Promise<void> {
  await store.query('INSERT INTO work_ledger (seq, article_id, outcome, detail, features) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING', [seq, articleId, outcome, detail, features])
}

export interface ClusterConsumerOptions {
  cluster?: ClusterOptions
  /** Ledger rows read per step. */
  batch?: number
  /**
   * Ledger rows between two saved snapshots of the open state: a process taking over the lead
   * restores the last one and replays only the rows after it (default 50,000; 0: never).
   */
  snapshotEvery?: number
  /** Told each time this process becomes the clustering consumer, once its state is rebuilt. */
  onLead?: (takeover: Takeover) => void
  /** Told after each snapshot: its ledger sequence and size in characters, or why it failed. */
  onSnapshot?: (result: { seq: number; bytes: number } | { seq: number; error: string }) => void
}

/** How the last `lead()` that won the lock rebuilt the clustering state. */
export interface Takeover {
  /** Ledger sequence of the snapshot restored (0: none, replayed from the start). */
  snapshotSeq: number
  /** Ledger rows replayed after it. */
  replayed: number
  ms: number
}

/** The clustering consumer; `step` does nothing unless this process holds the lock. */
export class ClusterConsumer {
  private client: pg.PoolClient | null = null
  private clusterer: StoryClusterer | null = null
  private cursor = 0
  private sinceSnapshot = 0
  /** Set each time this process becomes the clustering consumer. */
  takeover: Takeover | null = null
  private readonly clusterOptions: ClusterOptions
  constructor(private readonly store: PostgresStore, private readonly options: ClusterConsumerOptions = {}) {
    // stories that close live in the store; keeping them here too would grow without end
    this.clusterOptions = { ...options.cluster, keepClosed: false }
  }

  /** Whether this process is the clustering consumer (tries to become it). */
  async lead(): Promise<boolean> {
    if (this.client) {
      // the lock lives as long as its session: a lost connection means another process may lead now
      if (await this.client.query('SELECT 1').then(() => true, () => false)) return true
      this.client.release(true)
      this.client = null
    }
    const client = await this.store.pool.connect()
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [CLUSTER_LOCK])
      if (!rows[0].ok) return void client.release(), false
      // held for long: a server that goes away must not crash the process (the check above notices)
      client.on('error', ignore)
      this.client = client
      await this.rebuild()
      return true
    } catch (error) {
      this.client = null
      client.release(true)
      throw error
    }
  }

  /**
   * Assigns stories for the next ledger rows in sequence order. Stops at a gap (a message still
   * being worked on) unless `idle` says the queue is drained, when gaps are real (purged messages).
   * Returns how many rows it consumed.
   */
  async step(idle: boolean): Promise<number> {
    // draining with nothing left past the committed cursor: no need to lead (and replay) at all
    if (idle && !this.client && !(await this.waiting())) return 0
    if (!(await this.lead())) return 0
    const limit = this.options.batch ?? 500
    // how far the ledger runs without a gap (the sequence numbers alone: cheap, the rows come next)
    const [{ last }] = await this.store.query<{ last: string | null }>(
      idle
        ? 'SELECT max(seq) AS last FROM (SELECT seq FROM work_ledger WHERE seq > $1 ORDER BY seq LIMIT $2) s'
        : `SELECT max(seq) AS last FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM work_ledger WHERE seq > $1 ORDER BY seq LIMIT $2) s
           WHERE seq = $1 + n`,
      [this.cursor, limit])
    if (last === null) return 0
    const taken = await this.store.query<LedgerRow>('SELECT seq, article_id, features FROM work_ledger WHERE seq > $1 AND seq <= $2 ORDER BY seq', [this.cursor, last])
    try {
      await this.assignAll(taken)
    } catch (error) {
      // the clusterer in memory moved on while the database rolled back: give up the lead, so the
      // next step (here or in another process) rebuilds from what was committed
      await this.release()
      throw error
    }
    this.cursor = Number(last)
    await this.store.query('INSERT INTO cluster_cursor (seq) VALUES ($1) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq', [this.cursor])
    this.sinceSnapshot += taken.length
    const every = this.options.snapshotEvery ?? 50_000
    if (every > 0 && this.sinceSnapshot >= every) {
      // the assignments are committed: a snapshot that cannot be made (e.g. a state too large for
      // one string) only means a longer replay at the next takeover; try again after as many rows
      await this.saveSnapshot().then(
        (bytes) => this.options.onSnapshot?.({ seq: this.cursor, bytes }),
        (error: unknown) => this.options.onSnapshot?.({ seq: this.cursor, error: (error as Error)?.message ?? String(error) }))
      this.sinceSnapshot = 0
    }
    return taken.length
  }

  /**
   * Saves the open state as of the cursor, in parts of bounded size (one JSON text of a large state
   * would pass JavaScript's longest string), replacing the last snapshot in one transaction. Written
   * on the connection that holds the lock, so a process that lost the lead (its session gone)
   * cannot overwrite its successor's snapshot. Returns the characters written.
   */
  private async saveSnapshot(): Promise<number> {
    const client = this.client!
    let written = 0
    await client.query('BEGIN')
    try {
      await client.query('DELETE FROM consumer_snapshot')
      let batch: string[][] = []
      let part = 0
      const flush = async () => {
        if (batch.length === 0) return
        const params = batch.flat()
        const tuples = batch.map((_, i) => `($${i * 4 + 1}::integer, $${i * 4 + 2}::bigint, $${i * 4 + 3}, $${i * 4 + 4})`)
        await client.query(`INSERT INTO consumer_snapshot (part, seq, key, json) VALUES ${tuples.join(', ')}`, params)
        batch = []
      }
      for (const { key, json } of snapshotParts(this.clusterer!.snapshot())) {
        batch.push([String(part++), String(this.cursor), key, json])
        written += json.length
        if (batch.length === SNAPSHOT_PARTS_PER_INSERT) await flush()
      }
      await flush()
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
    return written
  }

  /** Whether ledger rows wait past the cursor the clustering consumer (whichever process) committed. */
  private async waiting(): Promise<boolean> {
    const rows = await this.store.query('SELECT 1 FROM work_ledger WHERE seq > (SELECT coalesce(max(seq), 0) FROM cluster_cursor) LIMIT 1')
    return rows.length > 0
  }

  /** Gives up the lock (another process takes over). */
  async release(): Promise<void> {
    if (!this.client) return
    await this.client.query('SELECT pg_advisory_unlock($1)', [CLUSTER_LOCK]).catch(() => {})
    this.client.off('error', ignore)
    this.client.release()
    this.client = null
  }

  /**
   * Assigns stories to the articles of ledger `rows` in order: from the features their workers
   * computed, or, for rows without usable ones (written by an older version), from the stored
   * articles, read in one query.
   */
  private async assignAll(rows: readonly LedgerRow[]): Promise<void> {
    const ids = rows.flatMap((r) => (r.article_id ? [r.article_id] : []))
    if (ids.length === 0) return
    // already assigned: a redelivered or re-sent document, or a step repeated after a crash
    const open = await this.store.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1) AND story_id IS NULL', [ids])
    const waiting = new Set(open.map((r) => r.id))
    const assigned = []
    for (const f of await this.featuresOf(rows.filter((r) => r.article_id !== null && waiting.has(r.article_id)))) {
      // a document re-sent within one batch appears twice; the first copy is the one assigned
      if (!waiting.delete(f.id)) continue
      const { storyId, ...why } = this.clusterer!.addFeatures(f, true)
      assigned.push({ articleId: f.id, storyId, why })
    }
    await this.store.assignStories(assigned)
  }

  /** The clustering features of the ledger rows' articles, in row order (decoded, else computed from the stored article). */
  private async featuresOf(rows: readonly LedgerRow[]): Promise<ArticleFeatures[]> {
    const maxTerms = this.options.cluster?.maxTerms ?? DEFAULT_MAX_TERMS
    const decoded = rows.map((r) => (r.features ? decodeFeatures(r.features, maxTerms) : null))
    const missing = rows.flatMap((r, i) => (decoded[i] ? [] : [r.article_id!]))
    const stored = new Map((missing.length > 0 ? await this.store.getArticles(missing) : []).map((a) => [a.id, articleFeatures(a, maxTerms)]))
    return rows.flatMap((r, i) => {
      const f = decoded[i] ?? stored.get(r.article_id!)
      return f ? [f] : []
    })
  }

  /**
   * Rebuilds the clustering state from what was committed: the last snapshot (when there is one
   * not past the cursor), then the assignments made after it, replayed in the order they were made.
   */
  private async rebuild(): Promise<void> {
    const started = performance.now()
    const cursor = await this.store.query<{ seq: string }>('SELECT seq FROM cluster_cursor')
    this.cursor = Number(cursor[0]?.seq ?? 0)
    const parts = await this.store.query<{ seq: string; key: string; json: string }>('SELECT seq, key, json FROM consumer_snapshot ORDER BY part')
    const snapshotSeq = Number(parts[0]?.seq ?? 0)
    const state = parts.length > 0 && snapshotSeq <= this.cursor ? stateOfParts(parts) : null
    const from = state?.format === STATE_FORMAT ? snapshotSeq : 0
    this.clusterer = from > 0 ? StoryClusterer.restore(state!, this.clusterOptions) : new StoryClusterer(this.clusterOptions)
    const rows = await this.store.query<LedgerRow>(
      `SELECT l.seq, l.article_id, l.features FROM work_ledger l JOIN articles a ON a.id = l.article_id
       WHERE l.seq > $1 AND a.story_id IS NOT NULL AND l.seq = (SELECT min(seq) FROM work_ledger WHERE article_id = l.article_id) ORDER BY l.seq`, [from])
    for (let i = 0; i < rows.length; i += 500) {
      for (const f of await this.featuresOf(rows.slice(i, i + 500))) this.clusterer.addFeatures(f, true)
    }
    this.sinceSnapshot = rows.length
    this.takeover = { snapshotSeq: from, replayed: rows.length, ms: Math.round(performance.now() - started) }
    this.options.onLead?.(this.takeover)
  }
}

function ignore(): void {}

/** Array elements per snapshot part, and parts per INSERT. */
const SNAPSHOT_SLICE = 5000
const SNAPSHOT_PARTS_PER_INSERT = 20

/** A clustering state as parts of bounded size: each array field in slices, every other field whole. */
export function* snapshotParts(state: ClustererState, slice = SNAPSHOT_SLICE): Generator<{ key: string; json: string }> {
  for (const [key, value] of Object.entries(state)) {
    if (!Array.isArray(value)) {
      yield { key, json: JSON.stringify(value) }
      continue
    }
    for (let i = 0; i === 0 || i < value.length; i += slice) yield { key, json: JSON.stringify(value.slice(i, i + slice)) }
  }
}

/** `snapshotParts`' parts, in order, back as the state. */
export function stateOfParts(parts: readonly { key: string; json: string }[]): ClustererState {
  const state: Record<string, unknown> = {}
  for (const { key, json } of parts) {
    const value: unknown = JSON.parse(json)
    const held = state[key]
    if (Array.isArray(value) && Array.isArray(held)) for (const item of value) held.push(item)
    else state[key] = value
  }
  return state as unknown as ClustererState
}

/** A work ledger row as the clustering consumer reads it. */
interface LedgerRow {
  seq: string
  article_id: string | null
  features: string | null
}
