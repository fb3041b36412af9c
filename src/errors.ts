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
