/** The library's store: the contract, and `openStore` choosing a driver from a path. */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { isPostgresUrl, openPostgresStore, type PostgresOptions } from './postgres/driver.js'
import { openSqliteStore, type SqliteOptions } from './sqlite/driver.js'
import type { Store } from './store.js'

export * from './store.js'
export { normalizeUrl } from './url.js'
export { openSqliteStore, type SqliteOptions } from './sqlite/driver.js'
export { isPostgresUrl, openPostgresStore, type PostgresOptions } from './postgres/driver.js'

/**
 * Where the library lives when `--db` is not given: `$PARALLAX_DB`, else the user's data
 * directory (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PARALLAX_DB) return env.PARALLAX_DB
  const home = env.HOME ?? homedir()
  const base =
    platform === 'win32' ? env.APPDATA ?? join(home, 'AppData', 'Roaming')
    : platform === 'darwin' ? join(home, 'Library', 'Application Support')
    : env.XDG_DATA_HOME ?? join(home, '.local', 'share')
  return join(base, 'parallax', 'library.db')
}

/**
 * Opens the store at `path`: PostgreSQL for a `postgres://` (or `postgresql://`) URL, which
 * connects lazily (so opening never blocks on the network), else a SQLite file.
 * @example openStore('postgres://parallax@db.internal:5432/news?schema=parallax')
 */
export function openStore(path: string, options: SqliteOptions & { postgres?: PostgresOptions } = {}): Store {
  if (isPostgresUrl(path)) return openPostgresStore(path, options.postgres)
  return openSqliteStore(path, options)
}
