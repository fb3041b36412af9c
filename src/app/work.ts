/**
 * What a queue worker does with PostgreSQL: per message, extract + annotate + store and write a
 * ledger row (stream sequence -> stored article id; the ledger is part of the store contract); and,
 * in exactly one process at a time (held by a PostgreSQL session lock), the clustering consumer
 * that assigns stories in stream order.
 *
 * Why a single clustering consumer: assignment depends on the order articles arrive, and the
 * per-article stages (the expensive part) run in parallel anyway; one consumer following publish
 * order gives the same stories as one process, and no two workers can both open a story for one event.
 */
import { DEFAULT_MAX_TERMS } from '../cluster/clusterer.js'
import { articleFeatures, decodeFeatures, encodeFeatures, type ArticleFeatures } from '../cluster/features.js'
import { StoryClusterer, STATE_FORMAT, type ClusterOptions, type ClustererState } from '../cluster/index.js'
import { processDocument } from '../document.js'
import { DEFAULT_LIMITS } from '../input/limits.js'
import type { PostgresStore, SessionLock } from '../store/postgres/driver.js'
import type { LedgerEntry, PutResult, Store } from '../store/store.js'
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
  await store.putRaws([{ articleId: put.id, raw: p.raw }])
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
  await store.recordOutcomes(group.map((p): LedgerEntry => {
    const put = outcome.get(p)
    return put
      ? { seq: p.seq, articleId: put.id, outcome: put.status, detail: null, features: featuresFor(p, put) }
      : { seq: p.seq, articleId: null, outcome: 'failed', detail: 'failure' in p ? p.failure : null, features: null }
  }))
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
export function recordOutcome(store: Store, seq: number, articleId: string | null, outcome: string, detail: string | null = null, features: string | null = null): Promise<void> {
  return store.recordOutcomes([{ seq, articleId, outcome, detail, features }])
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
  private lock: SessionLock | null = null
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
    if (this.lock) {
      // the lock lives as long as its session: a lost connection means another process may lead now
      if (await this.lock.alive()) return true
      await this.lock.release(true)
      this.lock = null
    }
    const lock = await this.store.tryLock(CLUSTER_LOCK)
    if (!lock) return false
    try {
      this.lock = lock
      await this.rebuild()
      return true
    } catch (error) {
      this.lock = null
      await lock.release(true)
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
    if (idle && !this.lock && !(await this.waiting())) return 0
    if (!(await this.lead())) return 0
    const limit = this.options.batch ?? 500
    // the rows up to the first gap (a message still being worked on), or up to the limit when drained
    const taken = await this.store.readLedger(this.cursor, { limit, contiguous: !idle })
    if (taken.length === 0) return 0
    const last = taken[taken.length - 1].seq
    try {
      await this.assignAll(taken)
    } catch (error) {
      // the clusterer in memory moved on while the database rolled back: give up the lead, so the
      // next step (here or in another process) rebuilds from what was committed
      await this.release()
      throw error
    }
    this.cursor = last
    await this.store.setLedgerCursor(this.cursor)
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
   * Saves the open state as of the cursor (in the store's one format for clusterer states, parts of
   * bounded size), replacing the last snapshot. Written on the session that holds the lock, so a
   * process that lost the lead (its session gone) cannot overwrite its successor's snapshot.
   * Returns the characters of state written.
   */
  private async saveSnapshot(): Promise<number> {
    const snapshot = this.clusterer!.snapshot()
    return (await this.lock!.run(() => this.store.putClusterState('consumer', snapshot, this.cursor))).chars
  }

  /** Whether ledger rows wait past the cursor the clustering consumer (whichever process) committed. */
  private async waiting(): Promise<boolean> {
    return (await this.store.readLedger(await this.store.ledgerCursor(), { limit: 1 })).length > 0
  }

  /** Gives up the lock (another process takes over). */
  async release(): Promise<void> {
    if (!this.lock) return
    const lock = this.lock
    this.lock = null
    await lock.release()
  }

  /**
   * Assigns stories to the articles of ledger `rows` in order: from the features their workers
   * computed, or, for rows without usable ones (written by an older version), from the stored
   * articles, read in one query.
   */
  private async assignAll(rows: readonly LedgerEntry[]): Promise<void> {
    const ids = rows.flatMap((r) => (r.articleId ? [r.articleId] : []))
    if (ids.length === 0) return
    // already assigned: a redelivered or re-sent document, or a step repeated after a crash
    const waiting = new Set(await this.store.unassigned(ids))
    const assigned = []
    for (const f of await this.featuresOf(rows.filter((r) => r.articleId !== null && waiting.has(r.articleId)))) {
      // a document re-sent within one batch appears twice; the first copy is the one assigned
      if (!waiting.delete(f.id)) continue
      const { storyId, ...why } = this.clusterer!.addFeatures(f, true)
      assigned.push({ articleId: f.id, storyId, why })
    }
    await this.store.assignStories(assigned)
  }

  /** The clustering features of the ledger rows' articles, in row order (decoded, else computed from the stored article). */
  private async featuresOf(rows: readonly LedgerEntry[]): Promise<ArticleFeatures[]> {
    const maxTerms = this.options.cluster?.maxTerms ?? DEFAULT_MAX_TERMS
    const decoded = rows.map((r) => (r.features ? decodeFeatures(r.features, maxTerms) : null))
    const missing = rows.flatMap((r, i) => (decoded[i] ? [] : [r.articleId!]))
    const stored = new Map((missing.length > 0 ? await this.store.getArticles(missing) : []).map((a) => [a.id, articleFeatures(a, maxTerms)]))
    return rows.flatMap((r, i) => {
      const f = decoded[i] ?? stored.get(r.articleId!)
      return f ? [f] : []
    })
  }

  /**
   * Rebuilds the clustering state from what was committed: the last snapshot (when there is one
   * not past the cursor), then the assignments made after it, replayed in the order they were made.
   */
  private async rebuild(): Promise<void> {
    const started = performance.now()
    this.cursor = await this.store.ledgerCursor()
    const saved = await this.store.getClusterState('consumer')
    const state = saved && saved.seq <= this.cursor ? (saved.state as unknown as ClustererState) : null
    const from = state?.format === STATE_FORMAT ? saved!.seq : 0
    this.clusterer = from > 0 ? StoryClusterer.restore(state!, this.clusterOptions) : new StoryClusterer(this.clusterOptions)
    let replayed = 0
    for (let after = from; ;) {
      const rows = await this.store.assignedLedger(after, 500)
      if (rows.length === 0) break
      for (const f of await this.featuresOf(rows)) this.clusterer.addFeatures(f, true)
      replayed += rows.length
      after = rows[rows.length - 1].seq
    }
    this.sinceSnapshot = replayed
    this.takeover = { snapshotSeq: from, replayed, ms: Math.round(performance.now() - started) }
    this.options.onLead?.(this.takeover)
  }
}
