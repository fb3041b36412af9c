/**
 * The inverted indexes retrieval runs on: bounded posting lists (so the cost per article does not
 * grow with the archive) and a hit counter that ranks stories by how many keys they share.
 */

/** Key -> the most recent values filed under it, at most `max` per key. */
export class BoundedIndex<K, V> {
  private readonly lists = new Map<K, V[]>()

  constructor(private readonly max: number) {}

  /** The values under `key`, oldest first (empty when none). */
  get(key: K): readonly V[] {
    return this.lists.get(key) ?? EMPTY
  }

  /** Files `value` under `key` unless it is there already; drops the oldest beyond `max`. */
  add(key: K, value: V): void {
    const list = this.lists.get(key)
    if (!list) return void this.lists.set(key, [value])
    if (list.includes(value)) return
    list.push(value)
    if (list.length > this.max) list.shift()
  }

  /** Takes `value` out from under `key` (a story closed or merged away); drops the key when empty. */
  remove(key: K, value: V): void {
    const list = this.lists.get(key)
    if (!list) return
    const at = list.indexOf(value)
    if (at >= 0) list.splice(at, 1)
    if (list.length === 0) this.lists.delete(key)
  }

  /** Every key with its values, oldest first (to persist the index; `load` puts them back as they were). */
  entries(): IterableIterator<[K, V[]]> {
    return this.lists.entries()
  }

  /** Puts back one key's values as `entries` gave them. */
  load(key: K, values: V[]): void {
    if (values.length > 0) this.lists.set(key, values.slice(-this.max))
  }

  /** Keys held (for memory accounting). */
  get size(): number {
    return this.lists.size
  }
}

const EMPTY: readonly never[] = []

/**
 * Counts index hits per story number in a reusable typed array, so ranking one article's
 * candidates allocates no map. Ties keep first-hit order (the sort is stable).
 */
export class HitCounter {
  private counts = new Int32Array(256)
  private readonly touched: number[] = []

  /** Counts one hit for each story in `stories`. */
  hitAll(stories: readonly number[]): void {
    for (const s of stories) {
      if (s >= this.counts.length) this.grow(s)
      if (this.counts[s]++ === 0) this.touched.push(s)
    }
  }

  /** The `max` stories with the most hits, and resets the counter for the next article. */
  top(max: number): number[] {
    const counts = this.counts
    const ranked = this.touched.sort((a, b) => counts[b] - counts[a]).slice(0, max)
    for (const s of this.touched) counts[s] = 0
    this.touched.length = 0
    return ranked
  }

  private grow(at: number): void {
    const counts = new Int32Array(Math.max(at + 1, this.counts.length * 2))
    counts.set(this.counts)
    this.counts = counts
  }
}
