/**
 * `parallax reprocess [--db file|postgres://...]`: replays the stored raw articles through this
 * process's pipeline version and updates their derived data in place (see app/reprocess.ts).
 */
import type { Command } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { defaultDbPath } from '../store/location.js'
import { PIPELINE_VERSION } from '../store/version.js'
import type { Io } from './run.js'

export interface ReprocessCommandOptions {
  db?: string
  all?: boolean
  batch?: number
  limit?: number
  shard?: string
  quiet?: boolean
}

/** "2/8" -> index 2 of 8 shards. */
function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN]
  if (!(count >= 1 && index >= 0 && index < count)) throw new ParallaxUsageError(`--shard takes K/N with 0 <= K < N (got "${text}")`)
  return { index, count }
}

/** Runs the re-processing; exit code 1 when some article failed. */
export async function reprocessCommand(options: ReprocessCommandOptions, io: Io): Promise<number> {
  const shard = parseShard(options.shard)
  const [{ openStore }, { reprocessStore }] = await Promise.all([import('../store/index.js'), import('../app/reprocess.js')])
  const store = openStore(options.db ?? defaultDbPath())
  const started = performance.now()
  try {
    const tally = await reprocessStore(store, {
      all: options.all, batch: options.batch, limit: options.limit, shard,
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
    .option('--db <file|url>', `library file or postgres:// URL (default: ${defaultDbPath()})`)
    .option('--all', 'also articles already at the current version')
    .option('--batch <n>', 'articles per transaction', Number, 200)
    .option('--limit <n>', 'stop after this many articles', Number)
    .option('--shard <k/n>', 'only shard K of N (by sequence number): N processes share an archive without overlap')
    .option('-q, --quiet', 'only failures on stderr')
    .action(async (options: ReprocessCommandOptions) => setResult(await reprocessCommand(options, io)))
}
