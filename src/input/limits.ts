/**
 * Size bounds for one input. Every stage that reads raw input takes these, so every input size has
 * a named bound (`--max-bytes`, ...) and a safe default.
 */
import { InputError } from '../errors.js'

/** Bounds on one input document. */
export interface IngestLimits {
  /** Largest input accepted, in bytes (`--max-bytes`). */
  maxBytes: number
  /** Most HTML elements a page may have after parsing. */
  maxElements: number
  /** Deepest HTML element nesting accepted. */
  maxDepth: number
  /**
   * Longest time one page's HTML extraction may take, in milliseconds. Extraction is synchronous,
   * so the clock is read between its stages: a page over it stops at the next stage with a clear
   * error, and the batch goes on with the next page.
   */
  maxPageMillis: number
}

/** Defaults: 10 MB, 50 000 elements, nesting depth 512, 5 seconds per page. */
export const DEFAULT_LIMITS: Readonly<IngestLimits> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxElements: 50_000,
  maxDepth: 512,
  maxPageMillis: 5_000,
})

/**
 * A clock for one page: `check(stage)` throws `InputError('limit')` once more than
 * `limits.maxPageMillis` have passed since the clock was made.
 */
export function pageDeadline(limits: Pick<IngestLimits, 'maxPageMillis'>, now: () => number = performance.now.bind(performance)): { check(stage: string): void } {
  const start = now()
  return {
    check(stage: string): void {
      const elapsed = now() - start
      if (elapsed <= limits.maxPageMillis) return
      throw new InputError('limit', `page took over ${limits.maxPageMillis} ms (maxPageMillis) by the end of ${stage}`)
    },
  }
}

/** Merges caller limits over the defaults. */
export function resolveLimits(limits: Partial<IngestLimits> = {}): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits }
}

/**
 * Human size: MB with one decimal for an input ("50.0 MB"), whole when a limit is whole ("10 MB");
 * sizes under 1 MB in KB or bytes, so small limits read sensibly.
 */
function humanSize(bytes: number, forceDecimal: boolean): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : bytes >= 1024 ? ['KB', 1024] : ['bytes', 1]
  const value = bytes / size
  return unit !== 'bytes' && (forceDecimal || !Number.isInteger(value)) ? `${value.toFixed(1)} ${unit}` : `${value} ${unit}`
}

/**
 * Throws `InputError('too-large')` when `bytes` is over `limits.maxBytes`.
 * @example assertWithinSize(bytes) // "input is 50.0 MB; the limit is 10 MB (--max-bytes)"
 */
export function assertWithinSize(bytes: Uint8Array, limits: Pick<IngestLimits, 'maxBytes'> = DEFAULT_LIMITS): void {
  if (bytes.byteLength <= limits.maxBytes) return
  throw new InputError(
    'too-large',
    `input is ${humanSize(bytes.byteLength, true)}; the limit is ${humanSize(limits.maxBytes, false)} (--max-bytes)`,
  )
}
