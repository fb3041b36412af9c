/**
 * The one word-relation lexicon: which stems (text/stems.ts `stem`) are synonyms or derivationally
 * related ("resign" / "quit" / "resignation"), and which share a direct hypernym ("sedan" / "car").
 * Derived from WordNet 3.1 by scripts/learn-lexicon.ts into data/wordnet-lexicon.txt (licence
 * notice beside it). Read lazily on the first look-up, so a command that never compares sentences
 * never pays for it; loading is one file read and a scan for line starts (a look-up is a binary
 * search over the sorted lines, its answer kept in a bounded cache).
 */
import { readFileSync } from 'node:fs'
import { boundedCache } from './cache.js'

/** A stem's concepts: two stems are related when their lists share an id. */
export interface WordConcepts {
  /** Synsets of its most frequent senses and those its derivational links reach. */
  synonyms: readonly number[]
  /** Direct hypernyms of its most frequent sense. */
  broader: readonly number[]
  /** `synonyms` and `broader` together. */
  all: readonly number[]
}

const LEXICON_URL = new URL('../../data/wordnet-lexicon.txt', import.meta.url)
const NONE: readonly number[] = []
// Looked-up stems, parsed once each; bounded so memory stays flat on any corpus.
const CONCEPT_CACHE_LIMIT = 50_000

/** The file's text and where each of its lines starts (lines are sorted by stem). */
let table: { text: string; starts: Int32Array } | null = null
const concepts = boundedCache<string, WordConcepts | undefined>(CONCEPT_CACHE_LIMIT)

function ids(field: string): readonly number[] {
  return field === '' ? NONE : field.split(',').map((id) => parseInt(id, 36))
}

/** Reads the lexicon file (`stem<TAB>synonym ids<TAB>broader ids`, ids in base 36) and indexes its lines. */
function load(): { text: string; starts: Int32Array } {
  let text: string
  try {
    text = readFileSync(LEXICON_URL, 'utf8')
  } catch (cause) {
    throw new Error(`lexicon: cannot read ${LEXICON_URL.pathname} (rebuild it with scripts/learn-lexicon.ts)`, { cause })
  }
  const starts: number[] = []
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) starts.push(i)
  return { text, starts: Int32Array.from(starts) }
}

/** Binary search for the line of `stem` (no parse of the other lines: loading stays a file read). */
function find(stem: string): WordConcepts | undefined {
  table ??= load()
  const { text, starts } = table
  let lo = 0
  let hi = starts.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const tab = text.indexOf('\t', starts[mid])
    const key = text.slice(starts[mid], tab)
    if (key === stem) {
      const tab2 = text.indexOf('\t', tab + 1)
      const end = text.indexOf('\n', tab2)
      const synonyms = ids(text.slice(tab + 1, tab2))
      const broader = ids(text.slice(tab2 + 1, end < 0 ? text.length : end))
      return { synonyms, broader, all: broader.length === 0 ? synonyms : [...synonyms, ...broader] }
    }
    if (key < stem) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

/**
 * The concepts of a stem, or undefined when WordNet relates it to no other stem.
 * @example wordConcepts('resign')?.synonyms.length // 5
 */
export function wordConcepts(stem: string): WordConcepts | undefined {
  return concepts.get(stem, find)
}

/**
 * Whether two stems are synonyms or derivationally related (`broader`: also when one is the
 * other's direct hypernym or both share one).
 * @example relatedStems('purchase', 'buy') // true
 */
export function relatedStems(a: string, b: string, broader = false): boolean {
  if (a === b) return true
  const x = wordConcepts(a)
  const y = wordConcepts(b)
  if (!x || !y) return false
  const xs = broader ? x.all : x.synonyms
  const ys = broader ? y.all : y.synonyms
  return xs.some((id) => ys.includes(id))
}
