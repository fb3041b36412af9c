/**
 * Test access to ../shared (seeds and datasets). The repo never holds copies of that text:
 * tests read it from beside the checkout, as CI does.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of ../shared next to the repo. */
export const sharedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared')

export const seedsDir = join(sharedDir, 'seeds')

export interface Seed {
  name: string
  path: string
  text: string
}

/** The seed articles, in file-name order. */
export function loadSeeds(): Seed[] {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = join(seedsDir, name)
      return { name, path, text: readFileSync(path, 'utf8') }
    })
}

/** The seed whose text contains `needle` (so tests pick an article by what it says, not by file name). */
export function seedContaining(needle: string): Seed {
  const seed = loadSeeds().find((s) => s.text.includes(needle))
  if (!seed) throw new Error(`no seed contains ${JSON.stringify(needle)}`)
  return seed
}
