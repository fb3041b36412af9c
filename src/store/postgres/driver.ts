/**
 * The PostgreSQL driver of the store contract (`pg`): a connection pool, migrations run once on
 * first use, tsvector + GIN for search, and row locks / advisory locks where two processes could
 * race (story counts), so many workers can share one database.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Annotated, RawDocument } from '../../types.js'
import {
  articleData, articleOf, type ArticleRow, articleSummary, decodeCursor, encodeCursor, feedRecord, FEED_COLUMNS, ledgerEntry, rawBytes, rawMeta,
  rawOf, type Row, storySummary,
} from '../rows.js'
import { stateOfParts, stateParts } from '../state.js'
import {
  type ArticleQuery, type ArticleSummary, type AssignedStory, type FeedRecord, type FeedUpdate, type LedgerEntry, type Page, type PutResult,
  type ReprocessQuery, type SavedState, type SearchHit, type StateSlot, type Store, StoreError, type StoryDetail, type StoryDetailOptions,
  type StoryQuery, type StorySummary,
} from '../store.js'
import { isPostgresUrl } from '../location.js'
import { normalizeUrl } from '../url.js'
import { migrate, quoteIdent } from './migrations.js'
import { tsQuery } from './rows.js'
import { PIPELINE_VERSION } from '../version.js'

export interface PostgresOptions {
  /** Schema holding Parallax's tables (also `?schema=` in the URL); created on first use. */
  schema?: string
  /** Connections this process opens at most. */
  maxConnections?: number
  /** How long to wait for a connection before failing (so callers answer 503 instead of hanging), in ms. */
  connectTimeoutMs?: number
  /** Statement timeout, in ms. */
  statementTimeoutMs?: number
  /** Largest page a list returns. */
  maxPage?: number
  /** Search ranks this many of the newest matches by relevance (bounds search time on common words). */
  maxRankedMatches?: number
}

/** A session-level lock held by this process (`tryLock`). */
export interface SessionLock {
  /** Whether the session holding the lock is still there (if not, another process may hold it now). */
  alive(): Promise<boolean>
  /** Runs `fn` with its statements on the lock's session, in one transaction. */
  run<T>(fn: () => Promise<T>): Promise<T>
  /** Lets go of the lock (`broken`: the session is gone; close it instead). */
  release(broken?: boolean): Promise<void>
}

export { isPostgresUrl } from '../location.js'

/** Arbitrary constant key of the advisory lock held by the library's writer (`writeLocked`). */
const LIBRARY_WRITE_LOCK = 7_207_003
/** Parts of a saved clusterer state per INSERT (each part may be megabytes). */
const STATE_PARTS_PER_INSERT = 20
/** Rows per INSERT of `insertRows` (PostgreSQL takes at most 65,535 parameters per statement). */
const INSERT_ROWS = 500

const SUMMARY_COLUMNS = 'seq, id, title, outlet, url, published_at, story_id, ingested_at'

/** Opens a PostgreSQL library at `url` (`postgres://user@host:5432/db?schema=name`). Connects lazily. */
export function openPostgresStore(url: string, options: PostgresOptions = {}): PostgresStore {
  const parsed = new URL(url)
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? 'parallax'
  parsed.searchParams.delete('schema')
  quoteIdent(schema)
  const pool = new pg.Pool({
    connectionString: parsed.toString(), max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    options: `-c search_path=${schema}`,
  })
  // a client losing its server must not crash the process, idle in the pool or checked out (between
  // two statements of a transaction, or in the clustering lock's session): the statement in
  // progress, or the next one, reports it
  pool.on('error', () => {})
  pool.on('connect', (client) => void client.on('error', () => {}))
  return new PostgresStore(pool, schema, options.maxPage ?? 200, options.maxRankedMatches ?? 1000)
}

/**
 * The PostgreSQL store; beyond `Store` it offers `atomically` (many writes, one commit), `tryLock` (a
 * lock held by one process's session: the queue's clustering consumer) and `query` for tests and tools.
 */
export class PostgresStore implements Store {
  readonly driver = 'postgres'
  private ready: Promise<void> | null = null
  /** The connection of the `writeLocked` call the current async context runs in. */
  private readonly locked = new AsyncLocalStorage<pg.PoolClient>()
  private lockQueue: Promise<unknown> = Promise.resolve()
  constructor(readonly pool: pg.Pool, readonly schema: string, private readonly maxPage: number, private readonly maxRanked: number) {}

  private init(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect()
      try {
        await migrate(client, this.schema)
      } finally {
        client.release()
      }
    })().catch((error: unknown) => {
      this.ready = null // retry on the next call: the server may come back
      throw error
    })
    return this.ready
  }

  /** Runs `fn` wrapped as a `StoreError` naming `operation`. */
  async run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      await this.init()
      return await fn()
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError(operation, error)
    }
  }

  /** One statement's rows. */
  async query<T extends pg.QueryResultRow = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.init()
    return (await this.db().query<T>(sql, params)).rows
  }

  /** Where a statement runs: the write lock's transaction when inside one, else any pooled connection. */
  private db(): pg.Pool | pg.PoolClient {
    return this.locked.getStore() ?? this.pool
  }

  /**
   * Runs `fn` as the library's only writer across processes: a transaction on a dedicated
   * connection holding a transaction-scoped advisory lock, so the lock ends with the commit or
   * rollback (also when the process dies). Statements `fn` makes through this store join it.
   */
  writeLocked<T>(fn: () => Promise<T>): Promise<T> {
    // re-entered from inside the lock: already the writer
    if (this.locked.getStore()) return fn()
    const result = this.lockQueue.then(() => this.runLocked(fn), () => this.runLocked(fn))
    this.lockQueue = result.catch(() => undefined)
    return result
  }

  private runLocked<T>(fn: () => Promise<T>): Promise<T> {
    return this.atomically(async () => {
      await this.query('SELECT pg_advisory_xact_lock($1)', [LIBRARY_WRITE_LOCK])
      return fn()
    }, 'writeLocked')
  }

  /**
   * Runs `fn` as one transaction that every statement `fn` makes through this store joins: many
   * writes, one commit (the queue worker stores a whole fetched batch this way). Inside
   * `writeLocked` or another `atomically`, `fn` joins the transaction already open.
   */
  async atomically<T>(fn: () => Promise<T>, operation = 'atomically'): Promise<T> {
    if (this.locked.getStore()) return fn()
    let client: pg.PoolClient
    try {
      await this.init()
      client = await this.pool.connect()
    } catch (error) {
      throw new StoreError(operation, error)
    }
    return inTransaction(client, () => this.locked.run(client, fn))
  }

  clusterStateVersion(slot: StateSlot): Promise<number> {
    return this.run('clusterStateVersion', async () => Number((await this.query<{ version: string }>('SELECT version FROM cluster_states WHERE slot = $1', [slot]))[0]?.version ?? 0))
  }

  getClusterState(slot: StateSlot): Promise<SavedState | null> {
    return this.run('getClusterState', async () => {
      const head = (await this.query<{ version: string; seq: string }>('SELECT version, seq FROM cluster_states WHERE slot = $1', [slot]))[0]
      if (!head) return null
      const parts = await this.query<{ key: string; json: string }>('SELECT key, json FROM cluster_state_parts WHERE slot = $1 ORDER BY part', [slot])
      return { version: Number(head.version), seq: Number(head.seq), state: stateOfParts(parts) }
    })
  }

  putClusterState(slot: StateSlot, state: object, seq = 0): Promise<{ version: number; chars: number }> {
    return this.run('putClusterState', () => this.atomically(async () => {
      await this.query('DELETE FROM cluster_state_parts WHERE slot = $1', [slot])
      let batch: unknown[][] = []
      let part = 0
      let chars = 0
      for (const { key, json } of stateParts(state)) {
        batch.push([slot, part++, key, json])
        chars += json.length
        // a few parts per statement: each may be megabytes
        if (batch.length === STATE_PARTS_PER_INSERT) await this.insertRows('cluster_state_parts', ['slot', 'part', 'key', 'json'], batch.splice(0))
      }
      await this.insertRows('cluster_state_parts', ['slot', 'part', 'key', 'json'], batch)
      const version = Number((await this.query<{ version: string }>(
        `INSERT INTO cluster_states (slot, version, seq) VALUES ($1, 1, $2)
         ON CONFLICT (slot) DO UPDATE SET version = cluster_states.version + 1, seq = excluded.seq RETURNING version`, [slot, seq]))[0].version)
      return { version, chars }
    }, 'putClusterState'))
  }

  /**
   * Takes the session-level advisory lock `key` if no other session holds it: held on a connection
   * of its own until released or until that session ends (a process that dies lets go of it).
   */
  async tryLock(key: number): Promise<SessionLock | null> {
    await this.init()
    const client = await this.pool.connect()
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key])
      if (!rows[0].ok) return void client.release(), null
    } catch (error) {
      client.release(true)
      throw new StoreError('tryLock', error)
    }
    // held for long: a server that goes away must not crash the process (`alive` notices)
    const ignore = (): void => {}
    client.on('error', ignore)
    return {
      alive: () => client.query('SELECT 1').then(() => true, () => false),
      // statements `fn` makes through this store run on the lock's session, in one transaction, so
      // a process whose session (and lock) is gone cannot write as the holder
      run: async (fn) => {
        await client.query('BEGIN')
        try {
          const result = await this.locked.run(client, fn)
          await client.query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {})
          throw error
        }
      },
      release: async (broken = false) => {
        if (!broken) await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {})
        client.off('error', ignore)
        client.release(broken)
      },
    }
  }

  putRaws(items: readonly { articleId: string; raw: RawDocument }[]): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    return this.run('putRaws', async () => void (await this.insertRows('raw_documents', ['article_id', 'meta', 'bytes'],
      items.map(({ articleId, raw }) => [articleId, rawMeta(raw), rawBytes(raw)]), 'ON CONFLICT DO NOTHING')))
  }

  getRaws(articleIds: readonly string[]): Promise<Map<string, RawDocument>> {
    return this.run('getRaws', async () => {
      const rows = await this.query<{ article_id: string; meta: string; bytes: Buffer }>('SELECT article_id, meta, bytes FROM raw_documents WHERE article_id = ANY($1)', [articleIds])
      return new Map(rows.map((r) => [r.article_id, rawOf(r.meta, r.bytes)]))
    })
  }

  recordOutcomes(entries: readonly LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve()
    return this.run('recordOutcomes', async () => void (await this.insertRows('work_ledger', ['seq', 'article_id', 'outcome', 'detail', 'features'],
      entries.map((e) => [e.seq, e.articleId, e.outcome, e.detail, e.features]), 'ON CONFLICT (seq) DO NOTHING')))
  }

  readLedger(after: number, { limit = 500, contiguous = false }: { limit?: number; contiguous?: boolean } = {}): Promise<LedgerEntry[]> {
    return this.run('readLedger', async () => (await this.query<Row>(
      contiguous
        ? `SELECT seq, article_id, outcome, detail, features FROM (SELECT *, row_number() OVER (ORDER BY seq) AS n FROM work_ledger WHERE seq > $1 ORDER BY seq LIMIT $2) s
           WHERE seq = $1 + n ORDER BY seq`
        : 'SELECT seq, article_id, outcome, detail, features FROM work_ledger WHERE seq > $1 ORDER BY seq LIMIT $2',
      [after, limit])).map(ledgerEntry))
  }

  assignedLedger(after: number, limit: number): Promise<LedgerEntry[]> {
    return this.run('assignedLedger', async () => (await this.query<Row>(
      `SELECT l.seq, l.article_id, l.outcome, l.detail, l.features FROM work_ledger l JOIN articles a ON a.id = l.article_id
       WHERE l.seq > $1 AND a.story_id IS NOT NULL AND l.seq = (SELECT min(seq) FROM work_ledger WHERE article_id = l.article_id) ORDER BY l.seq LIMIT $2`,
      [after, limit])).map(ledgerEntry))
  }

  ledgerCursor(): Promise<number> {
    return this.run('ledgerCursor', async () => Number((await this.query<{ seq: string }>('SELECT seq FROM cluster_cursor'))[0]?.seq ?? 0))
  }

  setLedgerCursor(seq: number): Promise<void> {
    return this.run('setLedgerCursor', async () => void (await this.query('INSERT INTO cluster_cursor (seq) VALUES ($1) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq', [seq])))
  }

  unassigned(ids: readonly string[]): Promise<string[]> {
    return this.run('unassigned', async () => {
      const open = new Set((await this.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1) AND story_id IS NULL', [ids])).map((r) => r.id))
      return ids.filter((id) => open.has(id))
    })
  }

  articlesToReprocess({ after, limit, version, all = false, shard = { index: 0, count: 1 } }: ReprocessQuery): Promise<{ seq: number; id: string }[]> {
    return this.run('articlesToReprocess', async () => (await this.query<{ seq: string; id: string }>(
      `SELECT seq, id FROM articles WHERE seq > $1 AND seq % $3 = $4 ${all ? '' : 'AND pipeline_version IS DISTINCT FROM $5'} ORDER BY seq LIMIT $2`,
      [after, limit, shard.count, shard.index, ...(all ? [] : [version])])).map((r) => ({ seq: Number(r.seq), id: r.id })))
  }

  updateArticles(updates: readonly { id: string; article: Annotated }[], version: string): Promise<void> {
    if (updates.length === 0) return Promise.resolve()
    return this.run('updateArticles', () => this.transaction(async (c) => {
      for (const { id, article } of updates) {
        await c.query('UPDATE articles SET title = $2, outlet = $3, published_at = $4, text = $5, data = $6, pipeline_version = $7 WHERE id = $1',
          [id, article.title, article.outlet?.name ?? null, article.publishedAt, article.text, articleData(article), version])
      }
      await c.query('DELETE FROM story_reports WHERE story_id IN (SELECT story_id FROM articles WHERE id = ANY($1) AND story_id IS NOT NULL)', [updates.map((u) => u.id)])
    }))
  }

  /** Without one INSERT for both, the put and the assignment share one transaction. */
  putAssignedArticle(article: Annotated, { url = null }: { url?: string | null }, assign: () => AssignedStory): Promise<PutResult & { storyId: string | null }> {
    return this.run('putAssignedArticle', () => this.atomically(async () => {
      const put = (await this.insertArticles([{ article, url }]))[0]
      if (put.status === 'duplicate') return { ...put, storyId: null }
      const { storyId, why } = assign()
      await this.assignStory(article.id, storyId, why)
      return { ...put, storyId }
    }, 'putAssignedArticle'))
  }

  /** Answers when the database is reachable and migrated (readiness probes); rejects with `StoreError` otherwise. */
  ping(): Promise<void> {
    return this.run('ping', async () => void (await this.pool.query('SELECT 1')))
  }

  /**
   * Inserts `rows` (values in `columns` order) into `table` with one parameter per value: no array
   * literal to build and escape here and to parse in the server, and Buffers travel as binary.
   * Statements of at most `INSERT_ROWS` rows; `suffix` follows the VALUES list (ON CONFLICT,
   * RETURNING); returns the rows of every statement. `table` and `columns` are trusted names.
   */
  async insertRows<T extends pg.QueryResultRow = Row>(table: string, columns: readonly string[], rows: readonly unknown[][], suffix = ''): Promise<T[]> {
    await this.init()
    const out: T[] = []
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      const chunk = rows.slice(start, start + INSERT_ROWS)
      const params: unknown[] = []
      const tuples = chunk.map((row) => '(' + row.map((value) => (params.push(value), `$${params.length}`)).join(', ') + ')')
      const { rows: returned } = await this.db().query<T>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, params)
      out.push(...returned)
    }
    return out
  }

  /** Runs `fn` inside one transaction on one connection (inside `writeLocked`: its transaction). */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.init()
    const held = this.locked.getStore()
    if (held) return fn(held)
    const client = await this.pool.connect()
    return inTransaction(client, () => fn(client))
  }

  putArticle(article: Annotated, { url = null }: { url?: string | null } = {}): Promise<PutResult> {
    return this.run('putArticle', async () => (await this.insertArticles([{ article, url }]))[0])
  }

  /**
   * Stores many articles in two statements (inside `atomically`: one commit for all); results in
   * input order, as `putArticle` would give them one after another (a repeat inside the batch is a
   * duplicate of its first copy).
   */
  putArticles(items: readonly { article: Annotated; url?: string | null }[]): Promise<PutResult[]> {
    return this.run('putArticles', () => this.insertArticles(items))
  }

  private async insertArticles(items: readonly { article: Annotated; url?: string | null }[]): Promise<PutResult[]> {
    if (items.length === 0) return []
    const keys = items.map((i) => normalizeUrl(i.url ?? i.article.source.url))
    const now = new Date().toISOString()
    const inserted = await this.insertRows<{ id: string; seq: string }>('articles', ['id', 'url', 'title', 'outlet', 'published_at', 'ingested_at', 'text', 'data', 'pipeline_version'],
      items.map(({ article: a }, i) => [a.id, keys[i], a.title, a.outlet?.name ?? null, a.publishedAt, now, a.text, articleData(a), pipelineVersionOf(a)]),
      'ON CONFLICT DO NOTHING RETURNING id, seq')
    const fresh = new Map(inserted.map((r) => [r.id, Number(r.seq)]))
    const results: (PutResult | null)[] = items.map(({ article }) => {
      const seq = fresh.get(article.id)
      if (seq === undefined) return null
      fresh.delete(article.id) // a second copy in the batch is a duplicate of the first
      return { status: 'new', id: article.id, seq }
    })
    const missing = results.flatMap((r, i) => (r ? [] : [i]))
    if (missing.length > 0) {
      const hits = await this.db().query<{ id: string; url: string | null }>('SELECT id, url FROM articles WHERE id = ANY($1) OR url = ANY($2)',
        [missing.map((i) => items[i].article.id), missing.flatMap((i) => (keys[i] ? [keys[i]] : []))])
      const ids = new Set(hits.rows.map((h) => h.id))
      const byUrl = new Map(hits.rows.flatMap((h) => (h.url ? [[h.url, h.id] as const] : [])))
      for (const i of missing) {
        const id = items[i].article.id
        // the same text wins over the same address, as in a single put
        const found = ids.has(id) ? id : (keys[i] && byUrl.get(keys[i]!)) || id
        results[i] = { status: 'duplicate', id: found, by: found === id ? 'hash' : 'url' }
      }
    }
    return results as PutResult[]
  }

  getArticle(id: string): Promise<Annotated | null> {
    return this.run('getArticle', async () => {
      const { rows } = await this.db().query<ArticleRow>('SELECT text, data FROM articles WHERE id = $1', [id])
      return rows[0] ? articleOf(rows[0]) : null
    })
  }

  getArticles(ids: readonly string[]): Promise<Annotated[]> {
    return this.run('getArticles', async () => {
      const { rows } = await this.db().query<ArticleRow & { id: string }>('SELECT id, text, data FROM articles WHERE id = ANY($1)', [ids])
      const byId = new Map(rows.map((r) => [r.id, r]))
      return ids.flatMap((id) => (byId.has(id) ? [articleOf(byId.get(id)!)] : []))
    })
  }

  listArticles({ outlet, storyId, since, until, limit = 50, cursor = null }: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return this.run('listArticles', async () => {
      const where: string[] = []
      const params: unknown[] = []
      const add = (sql: string, value: unknown) => (params.push(value), where.push(sql.replace('?', `$${params.length}`)))
      const before = decodeCursor(cursor)
      if (typeof before === 'number') add('seq < ?', before)
      if (outlet) add('outlet = ?', outlet)
      if (storyId) add('story_id = ?', storyId)
      if (since) add('published_at >= ?', since)
      // an until date includes that whole day
      if (until) add('published_at <= ?', `${until}\uffff`)
      const n = Math.max(1, Math.min(limit, this.maxPage))
      params.push(n + 1)
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`
      const { rows } = await this.db().query<Row>(sql, params)
      const items = rows.slice(0, n).map(articleSummary)
      return { items, next: rows.length > n ? encodeCursor(items[n - 1].seq) : null }
    })
  }

  async *eachArticle(): AsyncIterable<Annotated> {
    // iterate by seq in pages so the reader never holds the whole archive
    let after = 0
    for (;;) {
      const rows = await this.run('eachArticle', () => this.query<ArticleRow & { seq: string }>('SELECT seq, text, data FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500', [after]))
      if (rows.length === 0) return
      for (const row of rows) yield articleOf(row)
      after = Number(rows[rows.length - 1].seq)
    }
  }

  countArticles(): Promise<number> {
    return this.run('countArticles', async () => Number((await this.query<{ n: string }>('SELECT count(*) AS n FROM articles'))[0].n))
  }

  search(text: string, { limit = 20 }: { limit?: number } = {}): Promise<SearchHit[]> {
    return this.run('search', async () => {
      const match = tsQuery(text)
      if (!match) return []
      // ts_rank orders only the newest `maxRanked` matches, found in index order at little cost
      const rows = await this.query<Row>(
        `WITH q AS (SELECT to_tsquery('simple', $1) AS q),
         m AS (SELECT s.seq, s.tsv FROM article_search s, q WHERE s.tsv @@ q.q ORDER BY s.seq DESC LIMIT $2)
         SELECT a.id, a.title, a.outlet, a.story_id,
           ts_headline('simple', a.text, q.q, 'StartSel="",StopSel="",MinWords=8,MaxWords=16,ShortWord=2') AS snippet
         FROM m JOIN articles a USING (seq), q ORDER BY ts_rank(m.tsv, q.q) DESC, a.seq DESC LIMIT $3`,
        [match, this.maxRanked, Math.max(1, Math.min(limit, this.maxPage))],
      )
      return rows.map((r) => ({ id: r.id as string, title: r.title as string | null, outlet: r.outlet as string | null, storyId: r.story_id as string | null, snippet: r.snippet as string }))
    })
  }

  assignStory(articleId: string, storyId: string, why: NonNullable<StoryDetail['why']>[number]): Promise<void> {
    return this.run('assignStory', () => this.transaction(async (c) => {
      // one story's counters move under its lock, so two processes adding to it cannot both count an outlet as new
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [storyId])
      const m = (await c.query<{ story_id: string | null; outlet: string | null; title: string | null; at: string }>(
        `SELECT story_id, outlet, title, coalesce(published_at, '') AS at FROM articles WHERE id = $1 FOR UPDATE`, [articleId])).rows[0]
      if (!m) throw new Error(`no article ${articleId}`)
      await c.query('UPDATE articles SET story_id = $1, why = $2 WHERE id = $3', [storyId, JSON.stringify(why), articleId])
      if (m.story_id === storyId) return
      const fresh = m.outlet !== null && (await c.query('SELECT 1 FROM articles WHERE story_id = $1 AND outlet = $2 AND id <> $3 LIMIT 1', [storyId, m.outlet, articleId])).rows.length === 0
      await c.query(
        `INSERT INTO stories (id, title, article_count, outlet_count, updated_at) VALUES ($1, $2, 1, $3, $4)
         ON CONFLICT (id) DO UPDATE SET article_count = stories.article_count + 1, outlet_count = stories.outlet_count + $3,
           updated_at = greatest(stories.updated_at, $4), title = coalesce(stories.title, $2)`,
        [storyId, m.title, fresh ? 1 : 0, m.at])
      if (m.story_id) {
        await c.query(`UPDATE stories SET article_count = (SELECT count(*) FROM articles WHERE story_id = $1),
          outlet_count = (SELECT count(DISTINCT outlet) FROM articles WHERE story_id = $1) WHERE id = $1`, [m.story_id])
      }
    }))
  }

  /**
   * Assigns many articles not yet in a story, in one transaction (the queue's clustering consumer):
   * set-based, so a batch costs a few round trips rather than several per article. The touched
   * stories' counters are recounted under their locks, taken in sorted order so two writers cannot deadlock.
   */
  assignStories(items: readonly { articleId: string; storyId: string; why: NonNullable<StoryDetail['why']>[number] }[]): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    const touched = [...new Set(items.map((i) => i.storyId))].sort()
    return this.run('assignStories', () => this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext(s)) FROM (SELECT s FROM unnest($1::text[]) s ORDER BY s) t', [touched])
      await c.query(`UPDATE articles a SET story_id = u.story_id, why = u.why
        FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, story_id, why) WHERE a.id = u.id AND a.story_id IS NULL`,
        [items.map((i) => i.articleId), items.map((i) => i.storyId), items.map((i) => JSON.stringify(i.why))])
      await c.query(`INSERT INTO stories (id, title, article_count, outlet_count, updated_at)
        SELECT story_id, (array_agg(title ORDER BY seq) FILTER (WHERE title IS NOT NULL))[1], count(*), count(DISTINCT outlet), coalesce(max(published_at), '')
        FROM articles WHERE story_id = ANY($1) GROUP BY story_id
        ON CONFLICT (id) DO UPDATE SET article_count = excluded.article_count, outlet_count = excluded.outlet_count,
          updated_at = excluded.updated_at, title = coalesce(stories.title, excluded.title)`, [touched])
    }))
  }

  getStory(id: string, { maxArticles = -1, withWhy = false }: StoryDetailOptions = {}): Promise<StoryDetail | null> {
    return this.run('getStory', async () => {
      const row = (await this.query<Row>('SELECT id, title, article_count, outlet_count, updated_at FROM stories WHERE id = $1', [id]))[0]
      if (!row) return null
      const limit = maxArticles < 0 ? null : maxArticles
      const members = await this.query<{ id: string; why: string | null }>('SELECT id, why FROM articles WHERE story_id = $1 ORDER BY seq LIMIT $2', [id, limit])
      const articleIds = members.map((m) => m.id)
      if (!withWhy) return { ...storySummary(row), articleIds }
      const why = members.flatMap((m) => (m.why ? [JSON.parse(m.why) as NonNullable<StoryDetail['why']>[number]] : []))
      return { ...storySummary(row), articleIds, why }
    })
  }

  listStories({ sort = 'newest', limit = 50, cursor = null }: StoryQuery = {}): Promise<Page<StorySummary>> {
    return this.run('listStories', async () => {
      const offset = Math.max(0, Number(decodeCursor(cursor) ?? 0))
      const n = Math.max(1, Math.min(limit, this.maxPage))
      const order = sort === 'outlets' ? 'outlet_count DESC, article_count DESC, id' : 'updated_at DESC, id'
      const rows = await this.query<Row>(`SELECT id, title, article_count, outlet_count, updated_at FROM stories ORDER BY ${order} LIMIT $1 OFFSET $2`, [n + 1, offset])
      return { items: rows.slice(0, n).map(storySummary), next: rows.length > n ? encodeCursor(offset + n) : null }
    })
  }

  putStoryReport(storyId: string, articleCount: number, title: string, report: unknown): Promise<void> {
    return this.run('putStoryReport', async () => {
      await this.query(`INSERT INTO story_reports (story_id, article_count, report) VALUES ($1, $2, $3)
        ON CONFLICT (story_id) DO UPDATE SET article_count = excluded.article_count, report = excluded.report`, [storyId, articleCount, JSON.stringify(report)])
      await this.query('UPDATE stories SET title = $1 WHERE id = $2', [title, storyId])
    })
  }

  getStoryReport(storyId: string): Promise<{ articleCount: number; report: unknown } | null> {
    return this.run('getStoryReport', async () => {
      const row = (await this.query<{ article_count: number; report: string }>('SELECT article_count, report FROM story_reports WHERE story_id = $1', [storyId]))[0]
      return row ? { articleCount: row.article_count, report: JSON.parse(row.report) as unknown } : null
    })
  }

  outlets(): Promise<{ name: string; articleCount: number }[]> {
    return this.run('outlets', async () => (await this.query<{ name: string; n: string }>(
      'SELECT outlet AS name, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet')).map((r) => ({ name: r.name, articleCount: Number(r.n) })))
  }

  addFeed(url: string): Promise<FeedRecord> {
    return this.run('addFeed', async () => {
      const id = 'f_' + createHash('sha256').update(url).digest('hex').slice(0, 12)
      await this.query('INSERT INTO feeds (id, url) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING', [id, url])
      return feedRecord((await this.query<Row>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = $1 OR url = $2`, [id, url]))[0])
    })
  }

  listFeeds(): Promise<FeedRecord[]> {
    return this.run('listFeeds', async () => (await this.query<Row>(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY url`)).map(feedRecord))
  }

  getFeed(idOrUrl: string): Promise<FeedRecord | null> {
    return this.run('getFeed', async () => {
      const row = (await this.query<Row>(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = $1 OR url = $1`, [idOrUrl]))[0]
      return row ? feedRecord(row) : null
    })
  }

  updateFeed(id: string, update: FeedUpdate): Promise<void> {
    return this.run('updateFeed', async () => {
      const columns: Record<keyof FeedUpdate, string> = {
        title: 'title', etag: 'etag', lastModified: 'last_modified', errorCount: 'error_count',
        lastError: 'last_error', nextPollAt: 'next_poll_at', lastPolledAt: 'last_polled_at',
      }
      const keys = (Object.keys(update) as (keyof FeedUpdate)[]).filter((k) => k in columns)
      if (keys.length === 0) return
      const sql = `UPDATE feeds SET ${keys.map((k, i) => `${columns[k]} = $${i + 1}`).join(', ')} WHERE id = $${keys.length + 1}`
      await this.query(sql, [...keys.map((k) => update[k] ?? null), id])
    })
  }

  markEntrySeen(feedId: string, key: string): Promise<boolean> {
    return this.run('markEntrySeen', async () => (await this.db().query('INSERT INTO feed_entries (feed_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [feedId, key])).rowCount === 1)
  }

  entrySeen(feedId: string, key: string): Promise<boolean> {
    return this.run('entrySeen', async () => (await this.query('SELECT 1 FROM feed_entries WHERE feed_id = $1 AND key = $2', [feedId, key])).length > 0)
  }

  async close(): Promise<void> {
    try {
      await this.pool.end()
    } catch (error) {
      throw new StoreError('close', error)
    }
  }
}

/** The pipeline version an article records (a local field until `Annotated` carries one), else this process's. */
function pipelineVersionOf(article: Annotated): string {
  return (article as Annotated & { pipelineVersion?: string }).pipelineVersion ?? PIPELINE_VERSION
}

/** Runs `fn` between BEGIN and COMMIT on `client` (ROLLBACK when it throws), then gives the client back. */
async function inTransaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  // a server lost between two statements must not crash the process: the next statement reports it
  const ignore = (): void => {}
  client.on('error', ignore)
  let result: T
  try {
    await client.query('BEGIN')
    result = await fn()
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    // a connection that failed mid-transaction may be broken: close it rather than pool it
    client.off('error', ignore)
    client.release(true)
    throw error
  }
  client.off('error', ignore)
  client.release()
  return result
}
