/**
 * `parallax ingest <inputs>`: files, directories, globs, URLs and `-` into the library, each
 * article stored once and assigned to a story as it arrives. A progress line on a terminal, then
 * a summary: read / new / duplicate / failed, each failure named with its reason.
 */
import type { Command } from 'commander'
import { describeError } from '../errors.js'
import { safeFetch } from '../ingest/fetch.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { expandInputs, loadRaw, sourceName } from '../ingest/sources.js'
import { defaultDbPath, openStore } from '../store/index.js'
import { formatTally, Ingestor } from '../store/ingest.js'
import { Library } from '../store/library.js'
import type { RawDocument } from '../types.js'
import { StagePool } from '../workers/pool.js'
import { type Io, parsePublished } from './run.js'

export interface IngestOptions {
  db?: string
  published?: string
  outlet?: string
  maxBytes?: number
  allowPrivate?: boolean
  timeout?: number
  threads?: number
  progress?: boolean
  quiet?: boolean
}

const URL_SPEC = /^https?:\/\//i

/** Runs the ingest and returns the exit code (0: nothing failed; 1: some input failed). */
export async function ingestCommand(specs: string[], options: IngestOptions, io: Io): Promise<number> {
  const publishedAt = parsePublished(options.published)
  const defaults = { publishedAt, outlet: options.outlet ?? null }
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
  const store = openStore(options.db ?? defaultDbPath())
  const threads = options.threads ?? 1
  const pool = threads > 1 ? new StagePool({ threads }) : null
  const showProgress = options.progress ?? (io.stderr.isTTY === true && !options.quiet)
  const ingestor = new Ingestor(new Library(store), {
    extract: { limits: { maxBytes } },
    ...(pool ? { annotate: (raw, extract) => pool.run('annotate', raw, extract), maxInFlight: threads * 8 } : {}),
    onDocument: (where, t) => {
      if (showProgress) io.stderr.write(`\r\x1b[2K[${t.read}] new ${t.new} dup ${t.duplicate} failed ${t.failed.length}  ${where.slice(-60)}`)
    },
  })
  const started = performance.now()
  try {
    const urls = specs.filter((s) => URL_SPEC.test(s))
    const files = specs.filter((s) => !URL_SPEC.test(s))
    const { sources, problems } = await expandInputs(files.length > 0 || urls.length > 0 ? files : ['-'])
    for (const p of problems) ingestor.tally.failed.push({ where: p.spec, message: describeError(p.error).message })
    for (const source of sources) {
      const raw = await loadRaw(source, { maxBytes, ...defaults }).catch((error: unknown) => ingestor.fail(sourceName(source), describeError(error).message))
      if (raw) await ingestor.add(raw)
    }
    for (const url of urls) {
      const raw = await fetchRaw(url, options, maxBytes, defaults).catch((error: unknown) => ingestor.fail(url, describeError(error).message))
      if (raw) await ingestor.add(raw)
    }
    await ingestor.finish()
  } finally {
    await pool?.close()
    await store.close()
  }
  const tally = ingestor.tally
  if (showProgress) io.stderr.write('\r\x1b[2K')
  for (const f of tally.failed) io.stderr.write(`parallax: ${f.where}: ${f.message}\n`)
  if (!options.quiet) io.stderr.write(`parallax: ingest: ${formatTally(tally)} (${Math.round(performance.now() - started)} ms${threads > 1 ? `, ${threads} threads` : ''})\n`)
  return tally.failed.length > 0 || tally.read === 0 ? 1 : 0
}

async function fetchRaw(url: string, options: IngestOptions, maxBytes: number, defaults: { publishedAt: string | null; outlet: string | null }): Promise<RawDocument> {
  const page = await safeFetch(url, { allowPrivate: options.allowPrivate, maxBytes, timeoutMs: options.timeout })
  return { source: { kind: 'url', url: page.url }, bytes: page.bytes, ...defaults }
}

/** Adds `ingest` to the program. */
export function registerIngest(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('ingest')
    .description('store inputs in the library (once each) and update its stories')
    .argument('[inputs...]', 'files, directories, globs, http(s) URLs, or - for stdin; JSON Lines, WARC and RSS/Atom files hold many articles')
    .option('--db <file>', `library file (default: ${defaultDbPath()})`)
    .option('--published <date>', 'publication date (ISO 8601) for inputs that carry none')
    .option('--outlet <name>', 'outlet name for inputs that do not name one')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', Number)
    .option('--allow-private', 'let URLs reach private and loopback addresses')
    .option('--timeout <ms>', 'time limit per URL fetch, in ms', Number)
    .option('--threads <n>', 'worker threads for extract and annotate (default 1: this thread)', Number)
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('-q, --quiet', 'no progress or summary, only failures')
    .action(async (inputs: string[], options: IngestOptions) => setResult(await ingestCommand(inputs, options, io)))
}
