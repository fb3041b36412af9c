/**
 * What every input-taking command shares: expanding the specs, reading each input with limits,
 * running the per-article stages, naming each failure on stderr while the batch goes on, progress
 * on a terminal, and the exit code (0 all worked, 1 some failed).
 */
import { InvalidArgumentError, Option } from 'commander'
import { CROSS_ARTICLE, runDocumentStage } from '../document.js'
import type { AnnotateOptions } from '../document.js'
import { describeError, ParallaxUsageError } from '../errors.js'
import { DEFAULT_LIMITS } from '../input/limits.js'
import { inputDocuments } from '../input/inputs.js'
import type { Annotated, Article, RawDocument } from '../types.js'
import { batchThreads, defaultThreads, type JobResult, type PerArticleStage, StagePool } from '../threads/pool.js'

/** What the cross-article commands (cluster, analyze, stories show) have annotation read (document.ts). */
export { CROSS_ARTICLE }

export type Format = 'json' | 'jsonl' | 'md' | 'html' | 'csv'
export const FORMATS: Format[] = ['json', 'jsonl', 'md', 'html']

// Names users type for a format: "markdown" is `md`, "ndjson" is `jsonl`.
const FORMAT_ALIASES: Record<string, string> = { markdown: 'md', ndjson: 'jsonl' }

/** `-f, --format`: one of `formats`, or an alias of one (default json). */
export function formatOption(formats: readonly string[]): Option {
  const aliases = Object.entries(FORMAT_ALIASES).filter(([, f]) => formats.includes(f))
  const also = aliases.length > 0 ? `; ${aliases.map(([a, f]) => `${a} = ${f}`).join(', ')}` : ''
  return new Option('-f, --format <format>', `output format: ${formats.join(', ')}${also}`)
    .default('json')
    .argParser((value: string) => {
      const format = Object.hasOwn(FORMAT_ALIASES, value) ? FORMAT_ALIASES[value] : value
      if (!formats.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.`)
      return format
    })
}
/** `analyze` also writes CSV (the fact x outlet matrix, or quotes with `--csv quotes`). */
export const REPORT_FORMATS: Format[] = [...FORMATS, 'csv']

/** Options every input-taking command accepts. */
export interface InputOptions {
  format: Format
  published?: string
  /** One name for every input, and/or `file=Outlet` pairs for single inputs (repeatable). */
  outlet?: string | string[]
  maxBytes?: number
  progress?: boolean
  quiet?: boolean
  /** Worker threads for per-article stages (default: every core, at most 8, for batches of `LARGE_BATCH_FROM` documents or more; one less than the cores for 24 or more; else none) and for building the stories of a batch in `analyze` (200 inputs or more; 24 with `threads` given). */
  threads?: number
  /** Let URL inputs reach private and loopback addresses. */
  allowPrivate?: boolean
  /** Time limit per URL input, in ms. */
  timeout?: number
}

/** One input's outcome: its article, or why it failed. */
export type Outcome<T> = { source: string; ok: true; value: T } | { source: string; ok: false; error: { code: string; message: string } }

export interface Io {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** Checks `--published`: an ISO 8601 date or date-time that exists on the calendar. */
export function parsePublished(value: string | undefined): string | null {
  if (value === undefined) return null
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    throw new ParallaxUsageError(`--published wants an ISO 8601 date such as 2025-08-06, not ${JSON.stringify(value)}`)
  }
  return value.replace(' ', 'T')
}

/** The `--outlet` values: one default for every input and per-input names (`a.txt=Reuters`). */
export interface OutletOptions {
  all: string | null
  byInput: Map<string, string>
}

/**
 * Reads `--outlet` values: "Reuters" names every input's outlet when the input names none;
 * "a.txt=Reuters" names one input's outlet (matched by path or file name) whatever it says.
 * @example parseOutlets(['CNN', 'b.txt=Reuters']).byInput.get('b.txt') // 'Reuters'
 */
export function parseOutlets(value: string | string[] | undefined): OutletOptions {
  const out: OutletOptions = { all: null, byInput: new Map() }
  for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
    const eq = v.lastIndexOf('=')
    if (eq < 0) {
      if (!v.trim()) throw new ParallaxUsageError('--outlet wants a name, or input=name')
      out.all = v.trim()
      continue
    }
    const input = v.slice(0, eq).trim()
    const name = v.slice(eq + 1).trim()
    if (!input || !name) throw new ParallaxUsageError(`--outlet wants input=name (e.g. a.txt=Reuters), not ${JSON.stringify(v)}`)
    out.byInput.set(input, name)
  }
  return out
}

/** The outlet the user gave for one input, and whether it was given for that input by name. */
export function outletForInput(outlets: OutletOptions, input: string): { outlet: string | null; outletForced: boolean } {
  const base = input.split(/[\\/]/).at(-1) ?? input
  const named = outlets.byInput.get(input) ?? outlets.byInput.get(base) ?? outlets.byInput.get(input.replace(/^\.\//, ''))
  return named ? { outlet: named, outletForced: true } : { outlet: outlets.all, outletForced: false }
}

/**
 * A document of input `name` with the user's outlet: a document of an export (`export.jsonl#L3`)
 * takes its input's; the document's own outlet field comes first unless the user named one for that input.
 */
export function withGivenOutlet(outlets: OutletOptions, name: string, raw: RawDocument): RawDocument {
  const given = outletForInput(outlets, name.replace(/#[^#]*$/, ''))
  return { ...raw, outlet: given.outletForced ? given.outlet : (raw.outlet ?? given.outlet), outletForced: given.outletForced }
}

/** What a per-article stage yields. */
export type StageValue<S extends PerArticleStage> = S extends 'annotate' ? Annotated : Article

/** Batches at least this large go to worker threads (below it, starting threads costs more than it saves). */
export const PARALLEL_FROM = 24

/**
 * From this many documents (the files and URLs named, a container's documents counted as it is
 * read), a batch's per-article step runs on every core (`batchThreads`), not on all but one
 * (`defaultThreads`; on 2 cores, none: the main thread alone). Measured on 2 cores, built CLI: two
 * workers from the start annotated 840 and 2,000 articles 15-21% faster, 150 alike, 30 or 60 about
 * 0.1 s slower; started only once 64 inputs had been read, they made 150 slower (their start and
 * first compiles come on top of the main thread's), so the count is read before the first document.
 */
export const LARGE_BATCH_FROM = 200

/**
 * Expands the inputs and runs `stage` on each, in worker threads for large batches. Failures are
 * written to stderr as `parallax: <input>: <reason>` and kept as outcomes; the rest of the batch
 * goes on. Outcomes come in input order. `annotate` says what annotation reads (`annotate`'s options).
 */
export async function processInputs<S extends PerArticleStage>(
  specs: string[],
  options: InputOptions,
  io: Io,
  stage: S,
  annotate: AnnotateOptions = {},
  /**
   * Told once, when the `from`-th input is handed to its stage (for work to start while the batch is
   * read); and `pool`, offered the worker threads made for the per-article step, when there are any,
   * with the number of documents the inputs are known to hold then: true keeps them running after
   * it for the caller, who closes them.
   */
  onInputs?: { from: number; start: () => void; pool?: (pool: StagePool, documents: number) => boolean },
): Promise<Outcome<StageValue<S>>[]> {
  const publishedAt = parsePublished(options.published)
  const outlets = parseOutlets(options.outlet)
  const extractOptions = { limits: { maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes }, annotate }
  const outcomes: Outcome<StageValue<S>>[] = []
  const fail = (source: string, error: { code: string; message: string }) => {
    io.stderr.write(`${clearLine(io)}parallax: ${source}: ${error.message}\n`)
    outcomes.push({ source, ok: false, error })
  }
  // Documents are read lazily (a JSON Lines export or a directory may hold thousands), so the
  // batch size that picks threads is the number of documents read before the first job, and the
  // number the inputs are known to hold by then (files and URLs, and the documents of containers read).
  let named = 0
  const documents = inputDocuments(specs, {
    maxBytes: extractOptions.limits.maxBytes,
    publishedAt,
    // Outlets are given per document below (`--outlet a.txt=Reuters` or one for all).
    outlet: null,
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeout,
    onCount: (count) => {
      named = count
    },
  })
  // Read by hand: breaking out of a for-await loop would close the generator.
  const first: { name: string; raw?: RawDocument; error?: unknown }[] = []
  while (first.length < PARALLEL_FROM) {
    const next = await documents.next()
    if (next.done) break
    first.push(next.value)
  }
  const showProgress = options.progress ?? (io.stderr.isTTY === true && first.length > 1 && !options.quiet)
  const threads = options.threads ?? (first.length < PARALLEL_FROM ? 1 : named >= LARGE_BATCH_FROM ? batchThreads() : defaultThreads())
  const pool = threads > 1 ? new StagePool({ threads }) : null
  const kept = pool !== null && (onInputs?.pool?.(pool, Math.max(named, first.length)) ?? false)
  const started = performance.now()
  // Jobs in flight, oldest first; bounded so a huge batch never holds every input in memory.
  const inFlight: { source: string; result: Promise<JobResult<StageValue<S>>> | null; error?: unknown }[] = []
  let done = 0
  const settleOldest = async () => {
    const job = inFlight.shift()
    if (!job) return
    if (!job.result) fail(job.source, describeError(job.error))
    else {
      const result = await job.result
      if (result.ok) outcomes.push({ source: job.source, ok: true, value: result.value })
      else fail(job.source, result.error)
    }
    if (showProgress) io.stderr.write(`\r\x1b[2K[${++done}] ${job.source}`)
  }
  let submitted = 0
  const submit = async (item: { name: string; raw?: RawDocument; error?: unknown }) => {
    if (++submitted === onInputs?.from) onInputs.start()
    const raw = item.raw && withGivenOutlet(outlets, item.name, item.raw)
    const result = raw ? (pool ? pool.run(stage, raw, extractOptions) : Promise.resolve(runDocumentStage(stage, raw, extractOptions))) : null
    inFlight.push({ source: item.name, result: result as Promise<JobResult<StageValue<S>>> | null, error: item.error })
    if (inFlight.length >= Math.max(1, threads * 4)) await settleOldest()
  }
  try {
    for (const item of first) await submit(item)
    for await (const item of documents) await submit(item)
    while (inFlight.length > 0) await settleOldest()
  } finally {
    if (!kept) await pool?.close()
  }
  if (showProgress) io.stderr.write('\r\x1b[2K')
  const failed = outcomes.filter((o) => !o.ok).length
  if (!options.quiet && outcomes.length > 1) {
    const ms = Math.round(performance.now() - started)
    io.stderr.write(`parallax: ${outcomes.length} inputs, ${outcomes.length - failed} processed, ${failed} failed (${ms} ms${threads > 1 ? `, ${threads} threads` : ''})\n`)
  }
  return outcomes
}

function clearLine(io: Io): string {
  return io.stderr.isTTY ? '\r\x1b[2K' : ''
}

/** Writes text to a stream and resolves once it has been handed off (large outputs wait for drain). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}

/** 0 when every input worked, 1 when any failed. */
export function exitCodeOf(outcomes: Outcome<unknown>[]): number {
  return outcomes.some((o) => !o.ok) || outcomes.length === 0 ? 1 : 0
}

/** The successful values, in input order. */
export function successes<T>(outcomes: Outcome<T>[]): { source: string; value: T }[] {
  return outcomes.flatMap((o) => (o.ok ? [{ source: o.source, value: o.value }] : []))
}
