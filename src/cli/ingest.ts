/**
 * `parallax ingest <inputs>`: files, directories, globs, URLs and `-` into the library, each
 * article stored once and assigned to a story as it arrives. A progress bar on a terminal (plain
 * lines with `--progress` elsewhere), then a summary: read / new / duplicate / failed, each
 * failure named with its reason.
 */
import { stat } from 'node:fs/promises'
import type { Command } from 'commander'
import { describeError, ParallaxUsageError } from '../errors.js'
import { inputDocuments, isUrlSpec, type InputItem } from '../input/inputs.js'
import { DEFAULT_LIMITS } from '../input/limits.js'
import { expandInputs } from '../input/sources.js'
import { isNatsUrl } from '../queue/queue.js'
import { defaultDbPath } from '../store/location.js'
import { StagePool } from '../threads/pool.js'
import { type Io, parseOutlets, parsePublished, withGivenOutlet } from './run.js'

/** How far an ingest is: inputs by bytes (what the ETA is computed from) and documents by count. */
export interface IngestProgress {
  /** Bytes of inputs taken in, and of all inputs (null: unknown, e.g. stdin). */
  doneBytes: number
  totalBytes: number | null
  documents: number
  failed: number
  elapsedMs: number
}

const BAR_WIDTH = 24

function clock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s % 60).padStart(2, '0')}`
}

/**
 * One progress line: a bar and percentage when the total is known, the document count, the rate
 * and, once there is a rate to go by, the time left.
 * @example formatProgress({ doneBytes: 50, totalBytes: 100, documents: 300, failed: 0, elapsedMs: 1000 }, true)
 * // '[############------------]  50% 300 docs, 300/s, ETA 0:01'
 */
export function formatProgress(p: IngestProgress, bar: boolean): string {
  const seconds = p.elapsedMs / 1000
  const rate = seconds > 0 ? Math.round(p.documents / seconds) : 0
  const parts = [`${p.documents} docs`, `${rate}/s`]
  if (p.failed > 0) parts.push(`${p.failed} failed`)
  if (p.totalBytes === null || p.totalBytes === 0) return parts.join(', ')
  const fraction = Math.min(1, p.doneBytes / p.totalBytes)
  if (fraction > 0 && fraction < 1) parts.push(`ETA ${clock((seconds * (1 - fraction)) / fraction)}`)
  const percent = `${String(Math.floor(fraction * 100)).padStart(3)}%`
  const filled = Math.round(fraction * BAR_WIDTH)
  return `${bar ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : ''}${percent} ${parts.join(', ')}`
}

/**
 * Draws progress on stderr: redrawn in place on a terminal (at most every `redrawMs`), a plain line
 * every `lineMs` elsewhere, so logs stay readable.
 */
export class ProgressReporter {
  private readonly started = performance.now()
  private lastDraw = -Infinity
  doneBytes = 0

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly terminal: boolean,
    private readonly totalBytes: number | null,
    { redrawMs = 100, lineMs = 2000 } = {},
  ) {
    this.interval = terminal ? redrawMs : lineMs
  }

  private readonly interval: number

  /** Reports the counts now, unless the last report was too recent (`force` draws anyway). */
  update(documents: number, failed: number, force = false): void {
    const now = performance.now()
    if (!force && now - this.lastDraw < this.interval) return
    this.lastDraw = now
    const line = formatProgress({ doneBytes: this.doneBytes, totalBytes: this.totalBytes, documents, failed, elapsedMs: now - this.started }, this.terminal)
    this.out.write(this.terminal ? `\r\x1b[2K${line}` : `parallax: ingest: ${line}\n`)
  }

  /** Draws the final counts (all inputs taken in), then clears the bar on a terminal for the summary. */
  finish(documents: number, failed: number): void {
    this.doneBytes = this.totalBytes ?? this.doneBytes
    this.update(documents, failed, true)
    if (this.terminal) this.out.write('\r\x1b[2K')
  }
}

/** Sum of the file inputs' sizes, or null when an input's size cannot be known ahead (stdin, URLs). */
async function totalSize(specs: string[]): Promise<number | null> {
  if (specs.some(isUrlSpec)) return null
  const { sources } = await expandInputs(specs.length > 0 ? specs : ['-'])
  let total = 0
  for (const s of sources) {
    if (s.kind !== 'file') return null
    total += (await stat(s.path).catch(() => null))?.size ?? 0
  }
  return total
}

export interface IngestOptions {
  db?: string
  published?: string
  /** One name for every input, and/or `file=Outlet` pairs (repeatable). */
  outlet?: string | string[]
  maxBytes?: number
  allowPrivate?: boolean
  timeout?: number
  threads?: number
  progress?: boolean
  quiet?: boolean
  /** NATS URL: publish the raw documents for workers instead of processing them here. */
  queue?: string
  stream?: string
}


/**
 * The documents of the inputs (`inputDocuments`: files, directories, globs, stdin, URLs, split
 * exports), each with the user's `--published` and `--outlet`; the user's options are read first,
 * so a usage error stops the command before it opens anything.
 */
function readInputs(specs: string[], options: IngestOptions): { maxBytes: number; documents: AsyncGenerator<InputItem> } {
  const publishedAt = parsePublished(options.published)
  const outlets = parseOutlets(options.outlet)
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
  async function* documents(): AsyncGenerator<InputItem> {
    // outlets are given per document (`--outlet a.txt=Reuters` or one for all)
    const items = inputDocuments(specs, { maxBytes, publishedAt, outlet: null, allowPrivate: options.allowPrivate, timeoutMs: options.timeout })
    for await (const item of items) yield 'raw' in item ? { name: item.name, raw: withGivenOutlet(outlets, item.name, item.raw) } : item
  }
  return { maxBytes, documents: documents() }
}

/** Runs the ingest and returns the exit code (0: nothing failed; 1: some input failed). */
export async function ingestCommand(specs: string[], options: IngestOptions, io: Io): Promise<number> {
  const queueUrl = options.queue ?? process.env.PARALLAX_QUEUE
  if (queueUrl) return publishCommand(specs, queueUrl, options, io)
  const { maxBytes, documents } = readInputs(specs, options)
  // Loaded here, not at start: `annotate` and `analyze` never open a library.
  const [{ openStore }, { formatTally, Ingestor }, { Library }] = await Promise.all([import('../store/index.js'), import('../app/ingest.js'), import('../app/library.js')])
  const store = openStore(options.db ?? defaultDbPath())
  const threads = options.threads ?? 1
  const pool = threads > 1 ? new StagePool({ threads }) : null
  const terminal = io.stderr.isTTY === true
  const showProgress = !options.quiet && (options.progress ?? terminal)
  let progress: ProgressReporter | null = null
  const ingestor = new Ingestor(new Library(store), {
    extract: { limits: { maxBytes } },
    ...(pool ? { annotate: (raw, extract) => pool.run('annotate', raw, extract), maxInFlight: threads * 8 } : {}),
    onDocument: (_where, t) => progress?.update(t.read, t.failed.length),
  })
  const started = performance.now()
  try {
    // URLs' sizes are unknown until fetched, so with URLs the bar counts documents only and says no ETA
    if (showProgress) progress = new ProgressReporter(io.stderr, terminal, await totalSize(specs))
    for await (const item of documents) {
      if ('error' in item) {
        ingestor.tally.failed.push({ where: item.name, message: describeError(item.error).message })
        continue
      }
      await ingestor.addDocument(item.raw)
      if (progress) progress.doneBytes += item.raw.bytes.byteLength
    }
    await ingestor.finish()
  } finally {
    await pool?.close()
    await store.close()
  }
  const tally = ingestor.tally
  progress?.finish(tally.read, tally.failed.length)
  for (const f of tally.failed) io.stderr.write(`parallax: ${f.where}: ${f.message}\n`)
  if (!options.quiet) io.stderr.write(`parallax: ingest: ${formatTally(tally)} (${Math.round(performance.now() - started)} ms${threads > 1 ? `, ${threads} threads` : ''})\n`)
  return tally.failed.length > 0 || tally.read === 0 ? 1 : 0
}

/** `ingest --queue`: publishes every input document and returns; exit 1 when some input failed. */
async function publishCommand(specs: string[], queueUrl: string, options: IngestOptions, io: Io): Promise<number> {
  if (!isNatsUrl(queueUrl)) throw new ParallaxUsageError(`--queue must be a nats:// URL, got ${JSON.stringify(queueUrl)}`)
  const { documents } = readInputs(specs, options)
  const [{ openNatsQueue }, { formatPublishTally, newPublishTally, publishDocument }] = await Promise.all([import('../queue/nats.js'), import('../queue/publish.js')])
  const tally = newPublishTally()
  const started = performance.now()
  const queue = await openNatsQueue(queueUrl, options.stream ? { stream: options.stream } : {})
  try {
    for await (const item of documents) {
      if ('error' in item) tally.failed.push({ where: item.name, message: describeError(item.error).message })
      else await publishDocument(queue, item.raw, tally)
    }
  } finally {
    await queue.close()
  }
  for (const f of tally.failed) io.stderr.write(`parallax: ${f.where}: ${f.message}\n`)
  if (!options.quiet) io.stderr.write(`parallax: ingest: ${formatPublishTally(tally)} (${Math.round(performance.now() - started)} ms, workers process them)\n`)
  return tally.failed.length > 0 || tally.read === 0 ? 1 : 0
}

/** Adds `ingest` to the program. */
export function registerIngest(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('ingest')
    .description('store inputs in the library (once each) and update its stories')
    .argument('[inputs...]', 'files, directories, globs, http(s) URLs, or - for stdin; JSON Lines, WARC and RSS/Atom files hold many articles')
    .option('--db <file|url>', `library file or postgres:// URL (default: ${defaultDbPath()})`)
    .option('--queue <url>', 'NATS URL (nats://host:4222, or $PARALLAX_QUEUE): publish the raw documents for `parallax worker` and return')
    .option('--stream <name>', 'JetStream stream name with --queue (default PARALLAX_RAW)')
    .option('--published <date>', 'publication date (ISO 8601) for inputs that carry none')
    .option('--outlet <name>', 'outlet name for inputs that do not name one; input=name names one input\'s outlet whatever it says (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--max-bytes <n>', 'largest input accepted, in bytes', Number)
    .option('--allow-private', 'let URLs reach private and loopback addresses')
    .option('--timeout <ms>', 'time limit per URL fetch, in ms', Number)
    .option('--threads <n>', 'worker threads for extract and annotate (default 1: this thread)', Number)
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('-q, --quiet', 'no progress or summary, only failures')
    .action(async (inputs: string[], options: IngestOptions) => setResult(await ingestCommand(inputs, options, io)))
}
