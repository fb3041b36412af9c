/**
 * Libraries only some inputs need, loaded the first time such an input comes: a batch of plain
 * text never loads the HTML parser and Readability (over a fifth of the CLI's start-up).
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

let linkedomModule: typeof import('linkedom') | undefined
let readabilityModule: typeof import('@mozilla/readability') | undefined

/** linkedom (HTML and XML parsing), loaded on first use. */
export function linkedom(): typeof import('linkedom') {
  return (linkedomModule ??= require('linkedom') as typeof import('linkedom'))
}

/** Mozilla Readability, loaded on first use. */
export function readability(): typeof import('@mozilla/readability') {
  return (readabilityModule ??= require('@mozilla/readability') as typeof import('@mozilla/readability'))
}
