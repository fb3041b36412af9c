/**
 * SQLite schema, as an ordered list of migrations. `PRAGMA user_version` records how many have run;
 * a new schema change is a new entry at the end, never an edit of an old one.
 */
import type Database from 'better-sqlite3'

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE articles (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     url TEXT UNIQUE,
     title TEXT,
     outlet TEXT,
     published_at TEXT,
     story_id TEXT,
     why TEXT,
     ingested_at TEXT NOT NULL,
     text TEXT NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX articles_story ON articles(story_id, seq);
   CREATE INDEX articles_outlet ON articles(outlet, seq);
   -- external content: the index keeps no second copy of the text; snippets read articles.text
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     title TEXT,
     article_count INTEGER NOT NULL DEFAULT 0,
     outlet_count INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX stories_newest ON stories(updated_at DESC, id);
   CREATE INDEX stories_outlets ON stories(outlet_count DESC, article_count DESC, id);
   CREATE TABLE story_reports (story_id TEXT PRIMARY KEY, article_count INTEGER NOT NULL, report TEXT NOT NULL);
   CREATE TABLE feeds (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL UNIQUE,
     title TEXT,
     etag TEXT,
     last_modified TEXT,
     error_count INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     next_poll_at TEXT,
     last_polled_at TEXT
   );
   CREATE TABLE feed_entries (feed_id TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (feed_id, key)) WITHOUT ROWID;`,
  // 2: stories are counted incrementally on assignment; this index answers "does the story have this outlet yet"
  `CREATE INDEX articles_story_outlet ON articles(story_id, outlet);`,
  // 3: the clusterer's open state, saved with each batch of assignments so a process starts from
  // it (and notices another process's batch by the version) instead of replaying the archive
  `CREATE TABLE cluster_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, state TEXT NOT NULL);`,
  // 4: saved clusterer states in the one format both drivers share (store/state.ts: parts of
  // bounded size, so no state needs one string longer than JavaScript allows), in slots; the
  // library's state of migration 3 carried over, one part per field
  `CREATE TABLE cluster_states (slot TEXT PRIMARY KEY, version INTEGER NOT NULL, seq INTEGER NOT NULL);
   CREATE TABLE cluster_state_parts (slot TEXT NOT NULL, part INTEGER NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (slot, part));
   INSERT INTO cluster_states (slot, version, seq) SELECT 'library', version, 0 FROM cluster_state;
   INSERT INTO cluster_state_parts (slot, part, key, json)
     SELECT 'library', row_number() OVER (ORDER BY j.id) - 1, j.key, c.state -> j.fullkey FROM cluster_state c, json_each(c.state) j;
   DROP TABLE cluster_state;`,
  // 5: what PostgreSQL keeps too: the raw document behind each article (so `parallax reprocess`
  // re-runs a newer pipeline over the original bytes) with the pipeline version that made the
  // article, and the queue's ingest ledger with the clustering consumer's cursor
  `CREATE TABLE raw_documents (article_id TEXT PRIMARY KEY, meta TEXT NOT NULL, bytes BLOB NOT NULL);
   ALTER TABLE articles ADD COLUMN pipeline_version TEXT;
   CREATE INDEX articles_pipeline_version ON articles(pipeline_version, seq);
   CREATE TABLE work_ledger (
     seq INTEGER PRIMARY KEY,
     article_id TEXT,
     outcome TEXT NOT NULL,
     detail TEXT,
     features TEXT,
     done_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   );
   CREATE INDEX work_ledger_article ON work_ledger(article_id, seq);
   CREATE TABLE cluster_cursor (one INTEGER PRIMARY KEY CHECK (one = 1), seq INTEGER NOT NULL);`,
]

/** Runs the migrations not yet applied, each in its own transaction. Returns how many ran. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number
  let ran = 0
  for (let v = current; v < MIGRATIONS.length; v++) {
    // IMMEDIATE: two processes opening a new file at once must not both run migration v
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== v) return
      db.exec(MIGRATIONS[v])
      db.pragma(`user_version = ${v + 1}`)
      ran++
    }).immediate()
  }
  return ran
}
