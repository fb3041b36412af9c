/**
 * Near-duplicate fingerprints: MinHash over word 5-gram shingles. Syndicated copies of one article
 * (same text plus a furniture line or two) share most shingles, so most of their minimum hashes.
 *
 * One-permutation MinHash (Li, Owen, Zhang 2012): each shingle hash goes to one of 64 bins by its
 * top bits and each bin keeps its minimum, so a shingle costs one hash, not 64; empty bins borrow
 * from the next filled bin (rotation densification) so short texts still compare.
 */
import { words } from './terms.js'

/** Number of bins (the fingerprint length); similarity resolution is 1/64. */
export const FINGERPRINT_SIZE = 64
const SHINGLE = 5
const BIN_SHIFT = 26 // 32 - log2(FINGERPRINT_SIZE)
const VALUE_MASK = (1 << BIN_SHIFT) - 1
const EMPTY = 0xffffffff

/** murmur3 finaliser: a cheap, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Fills empty bins from the next filled bin, marked with the distance so borrowed values differ from own. */
function densify(bins: Uint32Array): void {
  const n = bins.length
  const own = Array.from(bins, (v) => v !== EMPTY)
  if (!own.includes(true)) return
  for (let i = 0; i < n; i++) {
    if (own[i]) continue
    let d = 1
    while (!own[(i + d) % n]) d++
    bins[i] = (bins[(i + d) % n] + d * (VALUE_MASK + 1)) >>> 0
  }
}

/**
 * MinHash of a text's word 5-grams (the whole text as one shingle when shorter).
 * @example similarity(fingerprint(text), fingerprint(text + '\nRead more.')) // close to 1
 */
export function fingerprint(text: string): Uint32Array {
  return fingerprintOf(words(text))
}

/** `fingerprint` of text already split by `words`. */
export function fingerprintOf(tokens: readonly string[]): Uint32Array {
  const hashes = tokens.map(fnv1a)
  const out = new Uint32Array(FINGERPRINT_SIZE).fill(EMPTY)
  if (hashes.length === 0) return out
  const count = Math.max(1, hashes.length - SHINGLE + 1)
  for (let s = 0; s < count; s++) {
    let h = 0
    for (let k = s; k < Math.min(s + SHINGLE, hashes.length); k++) h = Math.imul(h ^ hashes[k], 0x01000193) + 1
    const v = fmix32(h)
    const bin = v >>> BIN_SHIFT
    const value = v & VALUE_MASK
    if (value < out[bin]) out[bin] = value
  }
  densify(out)
  return out
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal minimum hashes. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length)
  if (n === 0) return 0
  let same = 0
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++
  return same / n
}

/**
 * LSH band keys: texts whose fingerprints agree on one whole band become candidates, so finding
 * near-duplicates is a lookup, not a scan. 16 bands of 4 rows catch pairs above ~0.6 almost surely.
 */
export function bandKeys(fp: Uint32Array, bands = 16): string[] {
  const rows = Math.floor(fp.length / bands)
  const out: string[] = []
  for (let b = 0; b < bands; b++) {
    let h = b
    for (let r = 0; r < rows; r++) h = fmix32(h ^ fp[b * rows + r])
    out.push(`${b}:${h.toString(36)}`)
  }
  return out
}
