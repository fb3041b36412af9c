/**
 * Errors by kind. Misuse of the API throws `ParallaxUsageError`; an input that cannot be processed
 * throws `InputError` (the CLI names the input and goes on with the rest); failures from below are
 * wrapped with context and keep their `cause`.
 */
export class ParallaxError extends Error {
  override name = 'ParallaxError'
}

/** The caller passed something the API does not accept (wrong option, bad value). */
export class ParallaxUsageError extends ParallaxError {
  override name = 'ParallaxUsageError'
}

export type InputErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'encoding'
  | 'unsupported'
  | 'not-found'
  | 'no-text'
  | 'limit'
  | 'fetch'
  | 'malformed'

/** One input could not be processed; says which and why. */
export class InputError extends ParallaxError {
  override name = 'InputError'
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly input?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/**
 * Describes any error as a code and a one-line reason a person can act on (never a stack trace):
 * what the CLI prints for a failed input and what a JSON Lines record carries.
 */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof InputError) return { code: error.code, message: error.message }
  if (error instanceof RangeError && /Invalid string length|Maximum call stack/.test(error.message)) {
    return { code: 'limit', message: `input too large or too deeply nested to process (${error.message})` }
  }
  return { code: 'internal', message: `internal error: ${(error as Error)?.message ?? String(error)}` }
}
