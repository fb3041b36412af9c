/**
 * PostgreSQL schema, as an ordered list of migrations recorded in `parallax_migrations`. A new
 * schema change is a new entry at the end, never an edit of an old one. Text columns use the "C"
 * collation so ordering matches SQLite's byte order whatever the database's locale.
 */
import type { PoolClient } from 'pg'

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE articles (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id text COLLATE "C" NOT NULL UNIQUE,
     url text COLLATE "C" UNIQUE,
     title text,
     outlet text COLLATE "C",
     published_at text COLLATE "C",
     story_id text COLLATE "C",
     why text,
     ingested_at text COLLATE "C" NOT NULL,
     text text NOT NULL,
     data text NOT NULL,
     pipeline_version text,
     -- 'simple': no stemming or stop words, as SQLite's unicode61 tokenizer; prefix search covers endings
     tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
   );
   CREATE INDEX articles_story ON articles (story_id, seq);
   CREATE INDEX articles_outlet ON articles (outlet, seq);
   CREATE INDEX articles_story_outlet ON articles (story_id, outlet);
   CREATE INDEX articles_tsv ON articles USING gin (tsv);
   CREATE TABLE stories (
     id text COLLATE "C" PRIMARY KEY,
     title text,
     article_count integer NOT NULL DEFAULT 0,
     outlet_count integer NOT NULL DEFAULT 0,
     updated_at text COLLATE "C" NOT NULL
   );
   CREATE INDEX stories_newest ON stories (updated_at DESC, id);
   CREATE INDEX stories_outlets ON stories (outlet_count DESC, article_count DESC, id);
   CREATE TABLE story_reports (story_id text COLLATE "C" PRIMARY KEY, article_count integer NOT NULL, report text NOT NULL);
   CREATE TABLE feeds (
     id text COLLATE "C" PRIMARY KEY,
     url text COLLATE "C" NOT NULL UNIQUE,
     title text,
     etag text,
     last_modified text,
     error_count integer NOT NULL DEFAULT 0,
     last_error text,
     next_poll_at text,
     last_polled_at text
   );
   CREATE TABLE feed_entries (feed_id text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, PRIMARY KEY (feed_id, key));`,
  // 2: the work ledger of queue workers: one row per raw message (by stream sequence) once a worker
  // has stored its article, read in order by the single clustering consumer
  `CREATE TABLE work_ledger (
     seq bigint PRIMARY KEY,
     article_id text COLLATE "C",
     outcome text NOT NULL,
     detail text,
     done_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE cluster_cursor (one boolean PRIMARY KEY DEFAULT true CHECK (one), seq bigint NOT NULL);`,
  // 3: the raw document behind each article that came through the queue, so `parallax reprocess`
  // can run a newer extractor over the original bytes rather than the old extractor's output
  `CREATE TABLE raw_documents (
     article_id text COLLATE "C" PRIMARY KEY,
     -- the RawDocument without its bytes (source, publishedAt, outlet), as JSON
     meta text NOT NULL,
     bytes bytea NOT NULL
   );
   CREATE INDEX articles_pipeline_version ON articles (pipeline_version, seq);`,
  // 4: the library clusterer's saved state, shared by processes ingesting directly (no queue)
  `CREATE TABLE cluster_state (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL, state text NOT NULL);`,
  // 5: the search vector in a table of its own, kept by triggers: a generated column is computed
  // again (and its GIN entries written again) on every UPDATE of the row, and assigning a story
  // updates every article once; large values compressed with lz4 where the server has it
  `CREATE TABLE article_search (seq bigint PRIMARY KEY, tsv tsvector NOT NULL);
   INSERT INTO article_search (seq, tsv) SELECT seq, tsv FROM articles;
   DROP INDEX articles_tsv;
   ALTER TABLE articles DROP COLUMN tsv;
   CREATE INDEX article_search_tsv ON article_search USING gin (tsv);
   CREATE FUNCTION article_search_put() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO article_search (seq, tsv) VALUES (NEW.seq, to_tsvector('simple', coalesce(NEW.title, '') || ' ' || NEW.text))
       ON CONFLICT (seq) DO UPDATE SET tsv = excluded.tsv;
     RETURN NULL;
   END $$;
   CREATE TRIGGER articles_search_insert AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION article_search_put();
   CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text ON articles FOR EACH ROW
     WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION article_search_put();
   CREATE FUNCTION article_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN DELETE FROM article_search WHERE seq = OLD.seq; RETURN NULL; END $$;
   CREATE TRIGGER articles_search_delete AFTER DELETE ON articles FOR EACH ROW EXECUTE FUNCTION article_search_delete();
   DO $$ BEGIN
     ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN data SET COMPRESSION lz4;
     ALTER TABLE raw_documents ALTER COLUMN bytes SET COMPRESSION lz4;
     ALTER TABLE story_reports ALTER COLUMN report SET COMPRESSION lz4;
     ALTER TABLE cluster_state ALTER COLUMN state SET COMPRESSION lz4;
   EXCEPTION WHEN feature_not_supported THEN NULL; -- a server built without lz4 keeps pglz
   END $$;`,
  // 6: the clustering features a worker computed for the article of a ledger row (cluster/features.ts
  // encodeFeatures), so the single clustering consumer decodes them instead of reading and
  // re-analysing whole articles; null for failures, duplicates and rows of older versions
  `ALTER TABLE work_ledger ADD COLUMN features text;
   DO $$ BEGIN
     ALTER TABLE work_ledger ALTER COLUMN features SET COMPRESSION lz4;
   EXCEPTION WHEN feature_not_supported THEN NULL;
   END $$;`,
  // 7: the clustering consumer's open state (cluster/persist.ts) as of ledger sequence `seq`, saved
  // now and then, so a worker taking over the lead replays the ledger from there, not from the start;
  // in parts of bounded size (each a field of the state, or a slice of one), in `part` order
  `CREATE TABLE consumer_snapshot (part integer PRIMARY KEY, seq bigint NOT NULL, key text NOT NULL, json text NOT NULL);
   DO $$ BEGIN
     ALTER TABLE consumer_snapshot ALTER COLUMN json SET COMPRESSION lz4;
   EXCEPTION WHEN feature_not_supported THEN NULL;
   END $$;`,
  // 8: saved clusterer states in the one format both drivers share (store/state.ts: parts of
  // bounded size), in slots: the library's (migration 4, carried over one part per field) and the
  // clustering consumer's (migration 7, carried over as it is)
  `CREATE TABLE cluster_states (slot text COLLATE "C" PRIMARY KEY, version bigint NOT NULL, seq bigint NOT NULL);
   CREATE TABLE cluster_state_parts (slot text COLLATE "C" NOT NULL, part integer NOT NULL, key text NOT NULL, json text NOT NULL, PRIMARY KEY (slot, part));
   INSERT INTO cluster_states (slot, version, seq) SELECT 'library', version, 0 FROM cluster_state;
   INSERT INTO cluster_state_parts (slot, part, key, json)
     SELECT 'library', (row_number() OVER (ORDER BY j.ordinality))::integer - 1, j.key, j.value::text FROM cluster_state c, json_each(c.state::json) WITH ORDINALITY j;
   INSERT INTO cluster_states (slot, version, seq) SELECT 'consumer', 1, seq FROM consumer_snapshot ORDER BY part LIMIT 1;
   INSERT INTO cluster_state_parts (slot, part, key, json) SELECT 'consumer', part, key, json FROM consumer_snapshot;
   DROP TABLE cluster_state;
   DROP TABLE consumer_snapshot;
   CREATE INDEX work_ledger_article ON work_ledger (article_id, seq);
   DO $$ BEGIN
     ALTER TABLE cluster_state_parts ALTER COLUMN json SET COMPRESSION lz4;
   EXCEPTION WHEN feature_not_supported THEN NULL;
   END $$;`,
]

/** Arbitrary constant key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_207_001

/** Creates `schema` if needed and runs the migrations not yet applied, in one transaction. Returns how many ran. */
export async function migrate(client: PoolClient, schema: string): Promise<number> {
  await client.query('BEGIN')
  try {
    // two processes opening a fresh database at once must not both run migration v
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`)
    await client.query('CREATE TABLE IF NOT EXISTS parallax_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM parallax_migrations')
    const current = rows[0].v ?? 0
    for (let v = current; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v])
      await client.query('INSERT INTO parallax_migrations (version) VALUES ($1)', [v + 1])
    }
    await client.query('COMMIT')
    return MIGRATIONS.length - current
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/

/** A schema name as SQL; only plain lower-case identifiers are accepted (they come from configuration). */
export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`invalid schema name ${JSON.stringify(name)}`)
  return `"${name}"`
}
