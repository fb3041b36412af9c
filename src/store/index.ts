/** The library's store: the contract, and `openStore` choosing a driver from a path. */
import { isPostgresUrl, openPostgresStore, type PostgresOptions } from './postgres/driver.js'
import { openSqliteStore, type SqliteOptions } from './sqlite/driver.js'
import type { Store } from './store.js'

export * from './store.js'
export { defaultDbPath } from './location.js'
export { normalizeUrl } from './url.js'
export { openSqliteStore, type SqliteOptions } from './sqlite/driver.js'
export { isPostgresUrl, openPostgresStore, type PostgresOptions } from './postgres/driver.js'

/**
 * Opens the store at `path`: PostgreSQL for a `postgres://` (or `postgresql://`) URL, which
 * connects lazily (so opening never blocks on the network), else a SQLite file.
 * @example openStore('postgres://parallax@db.internal:5432/news?schema=parallax')
 */
export function openStore(path: string, options: SqliteOptions & { postgres?: PostgresOptions } = {}): Store {
  if (isPostgresUrl(path)) return openPostgresStore(path, options.postgres)
  return openSqliteStore(path, options)
}
