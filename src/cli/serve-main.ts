/**
 * `node --import tsx src/cli/serve-main.ts <db> [port]`: `parallax serve` run from the sources
 * (benches and tests that need the server in its own process, without a build).
 */
import { main } from './main.js'

const [db, port = '0'] = process.argv.slice(2)
if (!db) {
  process.stderr.write('usage: serve-main.ts <db> [port]\n')
  process.exitCode = 2
} else {
  process.exitCode = await main(['node', 'parallax', 'serve', '--db', db, '--port', port])
}
