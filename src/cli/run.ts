/**
 * What every input-taking command shares: expanding the specs, reading each input with limits,
 * running the per-article stages, naming each failure on stderr while the batch goes on, progress
 * on a terminal, and the exit code (0 all worked, 1 some failed).
 */
import { InputError, ParallaxUsageError } from '../errors.js'
import { extractArticle } from '../extract/index.js'
import { DEFAULT_LIMITS } from '../ingest/limits.js'
import { expandInputs, loadRaw, sourceName } from '../ingest/sources.js'
import type { Article } from '../types.js'

export type Format = 'json' | 'jsonl' | 'md' | 'html'
export const FORMATS: Format[] = ['json', 'jsonl', 'md', 'html']

/** Options every input-taking command accepts. */
export interface InputOptions {
  format: Format
  published?: string
  outlet?: string
  maxBytes?: number
  progress?: boolean
  quiet?: boolean
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

/** Describes any error as a one-line reason a person can act on (never a stack trace). */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof InputError) return { code: error.code, message: error.message }
  if (error instanceof RangeError && /Invalid string length|Maximum call stack/.test(error.message)) {
    return { code: 'limit', message: `input too large or too deeply nested to process (${error.message})` }
  }
  return { code: 'internal', message: `internal error: ${(error as Error)?.message ?? String(error)}` }
}

/**
 * Expands the inputs and runs `stage` on each, in order. Failures are written to stderr as
 * `parallax: <input>: <reason>` and kept as outcomes; the rest of the batch goes on.
 */
export async function processInputs<T>(
  specs: string[],
  options: InputOptions,
  io: Io,
  stage: (article: Article) => T,
): Promise<Outcome<T>[]> {
  const publishedAt = parsePublished(options.published)
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes
  const { sources, problems } = await expandInputs(specs.length > 0 ? specs : ['-'])
  const outcomes: Outcome<T>[] = []
  const fail = (source: string, error: unknown) => {
    const reason = describeError(error)
    io.stderr.write(`${clearLine(io)}parallax: ${source}: ${reason.message}\n`)
    outcomes.push({ source, ok: false, error: reason })
  }
  for (const problem of problems) fail(problem.spec, problem.error)
  const progress = options.progress ?? (io.stderr.isTTY === true && sources.length > 1 && !options.quiet)
  const started = performance.now()
  for (const [index, source] of sources.entries()) {
    const name = sourceName(source)
    if (progress) io.stderr.write(`\r\x1b[2K[${index + 1}/${sources.length}] ${name}`)
    try {
      const raw = await loadRaw(source, { maxBytes, publishedAt, outlet: options.outlet ?? null })
      const article = extractArticle(raw, { limits: { maxBytes } })
      outcomes.push({ source: name, ok: true, value: stage(article) })
    } catch (error) {
      fail(name, error)
    }
  }
  if (progress) io.stderr.write('\r\x1b[2K')
  const failed = outcomes.filter((o) => !o.ok).length
  if (!options.quiet && outcomes.length > 1) {
    const ms = Math.round(performance.now() - started)
    io.stderr.write(`parallax: ${outcomes.length} inputs, ${outcomes.length - failed} processed, ${failed} failed (${ms} ms)\n`)
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
