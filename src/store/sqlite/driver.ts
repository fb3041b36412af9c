/**
 * The SQLite driver of the store contract: better-sqlite3, WAL (readers never wait for the one
 * writer), FTS5 for search, a busy timeout so two processes writing at once queue instead of fail.
 */
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Annotated, RawDocument } from '../../types.js'
import {
  articleData, articleOf, type ArticleRow, articleSummary, decodeCursor, encodeCursor, feedRecord, FEED_COLUMNS, ftsQuery, ledgerEntry,
  rawBytes, rawMeta, rawOf, type Row, storySummary,
} from '../rows.js'
import { stateOfParts, stateParts } from '../state.js'
import {
  type ArticleQuery, type ArticleSummary, type AssignedStory, type FeedRecord, type FeedUpdate, type LedgerEntry, type Page, type PutResult,
  type ReprocessQuery, type SavedState, type SearchHit, type StateSlot, type Store, StoreError, type StoryDetail, type StoryDetailOptions,
  type StoryQuery, type StorySummary, type StoryWhy,
} from '../store.js'
import { normalizeUrl } from '../url.js'
import { PIPELINE_VERSION } from '../version.js'
import { migrate } from './migrations.js'

export interface SqliteOptions {
  /** How long a writer waits for another process's lock, in ms. */
  busyTimeoutMs?: number
  /** Largest page a list returns. */
  maxPage?: number
  /** Search ranks this many of the newest matches by relevance (bounds search time on common words). */
  maxRankedMatches?: number
}

const SUMMARY_COLUMNS = 'seq, id, title, outlet, url, published_at, story_id, ingested_at'

/** Opens (creating if needed) a SQLite library at `path` (`:memory:` for a throwaway one). */
export function openSqliteStore(path: string, { busyTimeoutMs = 10_000, maxPage = 200, maxRankedMatches = 1000 }: SqliteOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, { timeout: busyTimeoutMs })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return new SqliteStore(db, maxPage, maxRankedMatches)
}

class SqliteStore implements Store {
  readonly driver = 'sqlite'
  /** The end of the queue of `writeLocked` callers in this process. */
  private writers: Promise<unknown> = Promise.resolve()
  private readonly q
  constructor(private readonly db: Database.Database, private readonly maxPage: number, private readonly maxRanked: number) {
    this.q = {
      insert: db.prepare(`INSERT INTO articles (id, url, title, outlet, published_at, ingested_at, text, data, pipeline_version)
        VALUES (@id, @url, @title, @outlet, @publishedAt, @ingestedAt, @text, @data, @version) ON CONFLICT DO NOTHING`),
      // a new article inserted with its story: an UPDATE after the INSERT would rewrite the whole row (text + JSON)
      insertAssigned: db.prepare(`INSERT INTO articles (id, url, title, outlet, published_at, ingested_at, text, data, pipeline_version, story_id, why)
        VALUES (@id, @url, @title, @outlet, @publishedAt, @ingestedAt, @text, @data, @version, @storyId, @why)`),
      insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      byIdOrUrl: db.prepare('SELECT id, url FROM articles WHERE id = ? OR url = ?'),
      data: db.prepare('SELECT text, data FROM articles WHERE id = ?'),
      assign: db.prepare('UPDATE articles SET story_id = ?, why = ? WHERE id = ?'),
      // counts move by one per assignment (a recount would grow with the story); a re-assignment
      // of an already assigned article is rare and recounted in full
      newOutlet: db.prepare('SELECT NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ? AND outlet IS ? AND id != ?) AS fresh'),
      member: db.prepare(`SELECT story_id, outlet, title, coalesce(published_at, '') AS at FROM articles WHERE id = ?`),
      bumpStory: db.prepare(`INSERT INTO stories (id, title, article_count, outlet_count, updated_at)
        VALUES (@story, @title, 1, @outletAdded, @at)
        ON CONFLICT (id) DO UPDATE SET article_count = article_count + 1, outlet_count = outlet_count + @outletAdded,
          updated_at = max(updated_at, @at), title = coalesce(stories.title, @title)`),
      recount: db.prepare(`UPDATE stories SET article_count = (SELECT count(*) FROM articles WHERE story_id = @story),
        outlet_count = (SELECT count(DISTINCT outlet) FROM articles WHERE story_id = @story) WHERE id = @story`),
      story: db.prepare('SELECT id, title, article_count, outlet_count, updated_at FROM stories WHERE id = ?'),
      storyMembers: db.prepare('SELECT id FROM articles WHERE story_id = ? ORDER BY seq LIMIT ?').pluck(),
      storyWhy: db.prepare('SELECT why FROM articles WHERE story_id = ? ORDER BY seq LIMIT ?').pluck(),
      putReport: db.prepare(`INSERT INTO story_reports (story_id, article_count, report) VALUES (?, ?, ?)
        ON CONFLICT (story_id) DO UPDATE SET article_count = excluded.article_count, report = excluded.report`),
      setTitle: db.prepare('UPDATE stories SET title = ? WHERE id = ?'),
      report: db.prepare('SELECT article_count, report FROM story_reports WHERE story_id = ?'),
      // bm25 ranks only the newest `maxRanked` matches: ranking every match of a common word grows
      // with the archive, while the newest matches are found in index order at little cost
      search: db.prepare(`SELECT a.id, a.title, a.outlet, a.story_id, snippet(articles_fts, 1, '', '', '…', 16) AS snippet
        FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
        WHERE articles_fts MATCH @match AND articles_fts.rowid >= coalesce((SELECT min(rowid) FROM
          (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match ORDER BY rowid DESC LIMIT @ranked)), 0)
        ORDER BY rank LIMIT @limit`),
      stateVersion: db.prepare('SELECT version FROM cluster_states WHERE slot = ?').pluck(),
      state: db.prepare('SELECT version, seq FROM cluster_states WHERE slot = ?'),
      stateParts: db.prepare('SELECT key, json FROM cluster_state_parts WHERE slot = ? ORDER BY part'),
      dropParts: db.prepare('DELETE FROM cluster_state_parts WHERE slot = ?'),
      putPart: db.prepare('INSERT INTO cluster_state_parts (slot, part, key, json) VALUES (?, ?, ?, ?)'),
      putState: db.prepare(`INSERT INTO cluster_states (slot, version, seq) VALUES (?, 1, ?)
        ON CONFLICT (slot) DO UPDATE SET version = version + 1, seq = excluded.seq RETURNING version`).pluck(),
      putRaw: db.prepare('INSERT INTO raw_documents (article_id, meta, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      raw: db.prepare('SELECT meta, bytes FROM raw_documents WHERE article_id = ?'),
      ledger: db.prepare(`INSERT INTO work_ledger (seq, article_id, outcome, detail, features) VALUES (@seq, @articleId, @outcome, @detail, @features)
        ON CONFLICT (seq) DO NOTHING`),
      ledgerAfter: db.prepare('SELECT seq, article_id, outcome, detail, features FROM work_ledger WHERE seq > ? ORDER BY seq LIMIT ?'),
      assignedLedger: db.prepare(`SELECT l.seq, l.article_id, l.outcome, l.detail, l.features FROM work_ledger l JOIN articles a ON a.id = l.article_id
        WHERE l.seq > ? AND a.story_id IS NOT NULL AND l.seq = (SELECT min(seq) FROM work_ledger WHERE article_id = l.article_id) ORDER BY l.seq LIMIT ?`),
      cursor: db.prepare('SELECT seq FROM cluster_cursor WHERE one = 1').pluck(),
      setCursor: db.prepare('INSERT INTO cluster_cursor (one, seq) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET seq = excluded.seq'),
      storyOf: db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck(),
      update: db.prepare(`UPDATE articles SET title = @title, outlet = @outlet, published_at = @publishedAt, text = @text, data = @data,
        pipeline_version = @version WHERE id = @id RETURNING seq, story_id`),
      // the search index keeps no copy of the text, so an update first removes the old words
      ftsDelete: db.prepare(`INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', seq, coalesce(title, ''), text FROM articles WHERE id = ?`),
      dropReport: db.prepare('DELETE FROM story_reports WHERE story_id = ?'),
      outlets: db.prepare('SELECT outlet AS name, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet'),
      count: db.prepare('SELECT count(*) AS n FROM articles'),
      addFeed: db.prepare('INSERT INTO feeds (id, url) VALUES (?, ?) ON CONFLICT (url) DO NOTHING'),
      feed: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = ? OR url = ?`),
      feeds: db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY url`),
      seen: db.prepare('INSERT INTO feed_entries (feed_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      wasSeen: db.prepare('SELECT 1 FROM feed_entries WHERE feed_id = ? AND key = ?'),
    }
  }

  private run<T>(operation: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn())
    } catch (error) {
      return Promise.reject(new StoreError(operation, error))
    }
  }

  putArticle(article: Annotated, { url = null }: { url?: string | null } = {}): Promise<PutResult> {
    return this.run('putArticle', () => {
      const key = normalizeUrl(url ?? article.source.url)
      const put = this.db.transaction((): PutResult => {
        const info = this.q.insert.run({
          id: article.id, url: key, title: article.title, outlet: article.outlet?.name ?? null,
          publishedAt: article.publishedAt, ingestedAt: new Date().toISOString(), text: article.text, data: articleData(article), version: PIPELINE_VERSION,
        })
        if (info.changes === 1) {
          const seq = Number(info.lastInsertRowid)
          this.q.insertFts.run(seq, article.title ?? '', article.text)
          return { status: 'new', id: article.id, seq }
        }
        const hit = this.q.byIdOrUrl.get(article.id, key) as { id: string; url: string | null }
        return { status: 'duplicate', id: hit.id, by: hit.id === article.id ? 'hash' : 'url' }
      })
      return put.immediate()
    })
  }

  /**
   * Stores a new article already assigned to a story, in one INSERT: the duplicate check runs first
   * and `assign` (the clusterer) only for a new article. Same outcome as `putArticle` + `assignStory`.
   */
  putAssignedArticle(article: Annotated, { url = null }: { url?: string | null }, assign: () => AssignedStory): Promise<PutResult & { storyId: string | null }> {
    return this.run('putAssignedArticle', () => {
      const key = normalizeUrl(url ?? article.source.url)
      const put = (): PutResult & { storyId: string | null } => {
        const hit = this.q.byIdOrUrl.get(article.id, key) as { id: string; url: string | null } | undefined
        if (hit) return { status: 'duplicate', id: hit.id, by: hit.id === article.id ? 'hash' : 'url', storyId: null }
        const { storyId, why } = assign()
        const outlet = article.outlet?.name ?? null
        const outletAdded = outlet !== null && (this.q.newOutlet.get(storyId, outlet, article.id) as { fresh: number }).fresh ? 1 : 0
        const ingestedAt = new Date().toISOString()
        const info = this.q.insertAssigned.run({
          id: article.id, url: key, title: article.title, outlet, publishedAt: article.publishedAt, ingestedAt,
          text: article.text, data: articleData(article), version: PIPELINE_VERSION, storyId, why: JSON.stringify(why),
        })
        const seq = Number(info.lastInsertRowid)
        this.q.insertFts.run(seq, article.title ?? '', article.text)
        this.q.bumpStory.run({ story: storyId, title: article.title, outletAdded, at: article.publishedAt ?? '' })
        return { status: 'new', id: article.id, seq, storyId }
      }
      // inside the library's write lock a failure rolls back the whole batch, so a savepoint per
      // article would only add two statements; alone, the article gets its own transaction
      return this.atomically(put)
    })
  }

  getArticle(id: string): Promise<Annotated | null> {
    return this.run('getArticle', () => {
      const row = this.q.data.get(id) as ArticleRow | undefined
      return row ? articleOf(row) : null
    })
  }

  getArticles(ids: readonly string[]): Promise<Annotated[]> {
    return this.run('getArticles', () => ids.flatMap((id) => {
      const row = this.q.data.get(id) as ArticleRow | undefined
      return row ? [articleOf(row)] : []
    }))
  }

  listArticles({ outlet, storyId, since, until, limit = 50, cursor = null }: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return this.run('listArticles', () => {
      const where: string[] = []
      const params: unknown[] = []
      const before = decodeCursor(cursor)
      if (typeof before === 'number') (where.push('seq < ?'), params.push(before))
      if (outlet) (where.push('outlet = ?'), params.push(outlet))
      if (storyId) (where.push('story_id = ?'), params.push(storyId))
      if (since) (where.push('published_at >= ?'), params.push(since))
      // an until date includes that whole day
      if (until) (where.push('published_at <= ?'), params.push(`${until}\uffff`))
      const n = Math.max(1, Math.min(limit, this.maxPage))
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`
      const rows = this.db.prepare(sql).all(...params, n + 1) as Row[]
      const items = rows.slice(0, n).map(articleSummary)
      return { items, next: rows.length > n ? encodeCursor(items[n - 1].seq) : null }
    })
  }

  async *eachArticle(): AsyncIterable<Annotated> {
    // iterate by seq in pages so the reader never holds the whole archive
    let after = 0
    const page = this.db.prepare('SELECT seq, text, data FROM articles WHERE seq > ? ORDER BY seq LIMIT 500')
    for (;;) {
      const rows = page.all(after) as (ArticleRow & { seq: number })[]
      if (rows.length === 0) return
      for (const row of rows) yield articleOf(row)
      after = rows[rows.length - 1].seq
    }
  }

  countArticles(): Promise<number> {
    return this.run('countArticles', () => (this.q.count.get() as { n: number }).n)
  }

  search(text: string, { limit = 20 }: { limit?: number } = {}): Promise<SearchHit[]> {
    return this.run('search', () => {
      const match = ftsQuery(text)
      if (!match) return []
      const rows = this.q.search.all({ match, ranked: this.maxRanked, limit: Math.max(1, Math.min(limit, this.maxPage)) }) as Row[]
      return rows.map((r) => ({ id: r.id as string, title: r.title as string | null, outlet: r.outlet as string | null, storyId: r.story_id as string | null, snippet: r.snippet as string }))
    })
  }

  writeLocked<T>(fn: () => Promise<T>): Promise<T> {
    const turn = async (): Promise<T> => {
      // IMMEDIATE takes the write lock now (waiting up to the busy timeout for another process),
      // so what the caller reads inside is what it writes against
      try {
        this.db.exec('BEGIN IMMEDIATE')
      } catch (error) {
        throw new StoreError('writeLocked', error)
      }
      try {
        const result = await fn()
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw error
      }
    }
    const result = this.writers.then(turn, turn)
    this.writers = result.catch(() => undefined)
    return result
  }

  clusterStateVersion(slot: StateSlot): Promise<number> {
    return this.run('clusterStateVersion', () => (this.q.stateVersion.get(slot) as number | undefined) ?? 0)
  }

  getClusterState(slot: StateSlot): Promise<SavedState | null> {
    return this.run('getClusterState', () => {
      const head = this.q.state.get(slot) as { version: number; seq: number } | undefined
      return head ? { version: head.version, seq: head.seq, state: stateOfParts(this.q.stateParts.iterate(slot) as Iterable<{ key: string; json: string }>) } : null
    })
  }

  putClusterState(slot: StateSlot, state: object, seq = 0): Promise<{ version: number; chars: number }> {
    return this.run('putClusterState', () => this.atomically(() => {
      this.q.dropParts.run(slot)
      let part = 0
      let chars = 0
      for (const { key, json } of stateParts(state)) {
        this.q.putPart.run(slot, part++, key, json)
        chars += json.length
      }
      return { version: this.q.putState.get(slot, seq) as number, chars }
    }))
  }

  /** Runs `fn` in a transaction of its own, or inside the one open (the write lock's). */
  private atomically<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn).immediate()
  }

  putRaws(items: readonly { articleId: string; raw: RawDocument }[]): Promise<void> {
    return this.run('putRaws', () => this.atomically(() => {
      for (const { articleId, raw } of items) this.q.putRaw.run(articleId, rawMeta(raw), rawBytes(raw))
    }))
  }

  getRaws(articleIds: readonly string[]): Promise<Map<string, RawDocument>> {
    return this.run('getRaws', () => new Map(articleIds.flatMap((id) => {
      const row = this.q.raw.get(id) as { meta: string; bytes: Buffer } | undefined
      return row ? [[id, rawOf(row.meta, row.bytes)] as const] : []
    })))
  }

  recordOutcomes(entries: readonly LedgerEntry[]): Promise<void> {
    return this.run('recordOutcomes', () => this.atomically(() => {
      for (const e of entries) this.q.ledger.run(e)
    }))
  }

  readLedger(after: number, { limit = 500, contiguous = false }: { limit?: number; contiguous?: boolean } = {}): Promise<LedgerEntry[]> {
    return this.run('readLedger', () => {
      const rows = (this.q.ledgerAfter.all(after, limit) as Row[]).map(ledgerEntry)
      if (!contiguous) return rows
      const gap = rows.findIndex((r, i) => r.seq !== after + i + 1)
      return gap < 0 ? rows : rows.slice(0, gap)
    })
  }

  assignedLedger(after: number, limit: number): Promise<LedgerEntry[]> {
    return this.run('assignedLedger', () => (this.q.assignedLedger.all(after, limit) as Row[]).map(ledgerEntry))
  }

  ledgerCursor(): Promise<number> {
    return this.run('ledgerCursor', () => (this.q.cursor.get() as number | undefined) ?? 0)
  }

  setLedgerCursor(seq: number): Promise<void> {
    return this.run('setLedgerCursor', () => void this.q.setCursor.run(seq))
  }

  unassigned(ids: readonly string[]): Promise<string[]> {
    return this.run('unassigned', () => ids.filter((id) => this.q.storyOf.get(id) === null))
  }

  assignStories(items: readonly ({ articleId: string } & AssignedStory)[]): Promise<void> {
    return this.run('assignStories', () => this.atomically(() => {
      for (const { articleId, storyId, why } of items) {
        if (this.q.storyOf.get(articleId) === null) this.assign(articleId, storyId, why)
      }
    }))
  }

  articlesToReprocess({ after, limit, version, all = false, shard = { index: 0, count: 1 } }: ReprocessQuery): Promise<{ seq: number; id: string }[]> {
    return this.run('articlesToReprocess', () => this.db.prepare(
      `SELECT seq, id FROM articles WHERE seq > ? AND seq % ? = ? ${all ? '' : 'AND pipeline_version IS NOT ?'} ORDER BY seq LIMIT ?`,
    ).all(after, shard.count, shard.index, ...(all ? [] : [version]), limit) as { seq: number; id: string }[])
  }

  updateArticles(updates: readonly { id: string; article: Annotated }[], version: string): Promise<void> {
    return this.run('updateArticles', () => this.atomically(() => {
      const stories = new Set<string>()
      for (const { id, article } of updates) {
        this.q.ftsDelete.run(id)
        const row = this.q.update.get({
          id, title: article.title, outlet: article.outlet?.name ?? null, publishedAt: article.publishedAt, text: article.text,
          data: articleData(article), version,
        }) as { seq: number; story_id: string | null } | undefined
        if (!row) continue
        this.q.insertFts.run(row.seq, article.title ?? '', article.text)
        if (row.story_id) stories.add(row.story_id)
      }
      for (const story of stories) this.q.dropReport.run(story)
    }))
  }

  assignStory(articleId: string, storyId: string, why: StoryWhy): Promise<void> {
    return this.run('assignStory', () => this.atomically(() => this.assign(articleId, storyId, why)))
  }

  /** Moves an article into a story and the stories' counts with it (inside a transaction). */
  private assign(articleId: string, storyId: string, why: StoryWhy): void {
    const m = this.q.member.get(articleId) as { story_id: string | null; outlet: string | null; title: string | null; at: string } | undefined
    if (!m) throw new Error(`no article ${articleId}`)
    if (m.story_id === storyId) return void this.q.assign.run(storyId, JSON.stringify(why), articleId)
    const outletAdded = m.outlet !== null && (this.q.newOutlet.get(storyId, m.outlet, articleId) as { fresh: number }).fresh ? 1 : 0
    this.q.assign.run(storyId, JSON.stringify(why), articleId)
    this.q.bumpStory.run({ story: storyId, title: m.title, outletAdded, at: m.at })
    if (m.story_id) this.q.recount.run({ story: m.story_id })
  }

  getStory(id: string, { maxArticles = -1, withWhy = false }: StoryDetailOptions = {}): Promise<StoryDetail | null> {
    return this.run('getStory', () => {
      const row = this.q.story.get(id) as Row | undefined
      if (!row) return null
      const articleIds = this.q.storyMembers.all(id, maxArticles) as string[]
      if (!withWhy) return { ...storySummary(row), articleIds }
      const why = (this.q.storyWhy.all(id, maxArticles) as (string | null)[]).flatMap((w) => (w ? [JSON.parse(w) as NonNullable<StoryDetail['why']>[number]] : []))
      return { ...storySummary(row), articleIds, why }
    })
  }

  listStories({ sort = 'newest', limit = 50, cursor = null }: StoryQuery = {}): Promise<Page<StorySummary>> {
    return this.run('listStories', () => {
      const offset = Math.max(0, Number(decodeCursor(cursor) ?? 0))
      const n = Math.max(1, Math.min(limit, this.maxPage))
      const order = sort === 'outlets' ? 'outlet_count DESC, article_count DESC, id' : 'updated_at DESC, id'
      const rows = this.db.prepare(`SELECT id, title, article_count, outlet_count, updated_at FROM stories ORDER BY ${order} LIMIT ? OFFSET ?`).all(n + 1, offset) as Row[]
      return { items: rows.slice(0, n).map(storySummary), next: rows.length > n ? encodeCursor(offset + n) : null }
    })
  }

  putStoryReport(storyId: string, articleCount: number, title: string, report: unknown): Promise<void> {
    return this.run('putStoryReport', () => {
      this.q.putReport.run(storyId, articleCount, JSON.stringify(report))
      this.q.setTitle.run(title, storyId)
    })
  }

  getStoryReport(storyId: string) {
    return this.run('getStoryReport', () => {
      const row = this.q.report.get(storyId) as { article_count: number; report: string } | undefined
      return row ? { articleCount: row.article_count, report: JSON.parse(row.report) as unknown } : null
    })
  }

  outlets() {
    return this.run('outlets', () => (this.q.outlets.all() as { name: string; n: number }[]).map((r) => ({ name: r.name, articleCount: r.n })))
  }

  addFeed(url: string): Promise<FeedRecord> {
    return this.run('addFeed', () => {
      const id = 'f_' + createHash('sha256').update(url).digest('hex').slice(0, 12)
      this.q.addFeed.run(id, url)
      return feedRecord(this.q.feed.get(id, url) as Row)
    })
  }

  listFeeds() {
    return this.run('listFeeds', () => (this.q.feeds.all() as Row[]).map(feedRecord))
  }

  getFeed(idOrUrl: string) {
    return this.run('getFeed', () => {
      const row = this.q.feed.get(idOrUrl, idOrUrl) as Row | undefined
      return row ? feedRecord(row) : null
    })
  }

  updateFeed(id: string, update: FeedUpdate): Promise<void> {
    return this.run('updateFeed', () => {
      const columns: Record<keyof FeedUpdate, string> = {
        title: 'title', etag: 'etag', lastModified: 'last_modified', errorCount: 'error_count',
        lastError: 'last_error', nextPollAt: 'next_poll_at', lastPolledAt: 'last_polled_at',
      }
      const keys = (Object.keys(update) as (keyof FeedUpdate)[]).filter((k) => k in columns)
      if (keys.length === 0) return
      const sql = `UPDATE feeds SET ${keys.map((k) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`
      this.db.prepare(sql).run(...keys.map((k) => update[k] ?? null), id)
    })
  }

  markEntrySeen(feedId: string, key: string): Promise<boolean> {
    return this.run('markEntrySeen', () => this.q.seen.run(feedId, key).changes === 1)
  }

  entrySeen(feedId: string, key: string): Promise<boolean> {
    return this.run('entrySeen', () => this.q.wasSeen.get(feedId, key) !== undefined)
  }

  close(): Promise<void> {
    return this.run('close', () => void this.db.close())
  }
}
