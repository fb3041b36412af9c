/**
 * Where a library lives, without loading a driver: the CLI names the default in its help and
 * tells PostgreSQL URLs from files before it opens anything (the drivers load pg or better-sqlite3).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

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

/** Whether `location` names a PostgreSQL database rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}
