/**
 * `parallax reprocess --db postgres://...`: replays the stored raw articles through this
 * process's pipeline version and updates their derived data in place (see store/postgres/reprocess.ts).
 */
import type { Command } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { isPostgresUrl, openPostgresStore } from '../store/postgres/driver.js'
import { reprocessStore } from '../store/postgres/reprocess.js'
import { PIPELINE_VERSION } from '../store/postgres/version.js'
import type { Io } from './run.js'

export interface ReprocessCommandOptions {
  db?: string
  all?: boolean
  batch?: number
  limit?: number
  quiet?: boolean
}

/** Runs the re-processing; exit code 1 when some article failed. */
export async function reprocessCommand(options: ReprocessCommandOptions, io: Io): Promise<number> {
  const db = options.db ?? process.env.PARALLAX_DB ?? ''
  if (!isPostgresUrl(db)) throw new ParallaxUsageError('reprocess needs --db postgres://... (or PARALLAX_DB): only the PostgreSQL store keeps raw articles')
  const store = openPostgresStore(db)
  const started = performance.now()
  try {
    const tally = await reprocessStore(store, {
      all: options.all, batch: options.batch, limit: options.limit,
      onProgress: (t) => !options.quiet && io.stderr.write(`parallax: reprocess: ${t.updated} updated, ${t.failed.length} failed\n`),
    })
    for (const f of tally.failed) io.stderr.write(`parallax: reprocess: ${f.id}: ${f.message}\n`)
    if (!options.quiet) {
      io.stderr.write(`parallax: reprocess: ${tally.updated} updated to ${PIPELINE_VERSION} (${tally.fromRaw} from raw bytes, ${tally.fromText} from stored text), ${tally.failed.length} failed (${Math.round(performance.now() - started)} ms)\n`)
    }
    return tally.failed.length > 0 ? 1 : 0
  } finally {
    await store.close()
  }
}

/** Adds `reprocess` to the program. */
export function registerReprocess(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('reprocess')
    .description(`re-run the current pipeline (${PIPELINE_VERSION}) over stored articles made by another version, updating them in place`)
    .option('--db <url>', 'PostgreSQL URL (default: $PARALLAX_DB)')
    .option('--all', 'also articles already at the current version')
    .option('--batch <n>', 'articles per transaction', Number, 200)
    .option('--limit <n>', 'stop after this many articles', Number)
    .option('-q, --quiet', 'only failures on stderr')
    .action(async (options: ReprocessCommandOptions) => setResult(await reprocessCommand(options, io)))
}
