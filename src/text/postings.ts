/**
 * The one postings and document-frequency helper: how many documents hold each key
 * (`documentFrequency`), which documents hold it (`postingLists`), and for the clusterer's
 * retrieval, bounded posting lists (so the cost per article does not grow with the archive) and a
 * hit counter that ranks stories by how many keys they share.
 */

/**
 * How many of `docs` hold each key, a key counted once per document.
 * @example documentFrequency([['talks', 'moscow'], ['talks', 'talks']]) // Map { 'talks' => 2, 'moscow' => 1 }
 */
export function documentFrequency<K>(docs: Iterable<Iterable<K>>): Map<K, number> {
  const df = new Map<K, number>()
  for (const doc of docs) for (const key of doc instanceof Set ? doc : new Set(doc)) df.set(key, (df.get(key) ?? 0) + 1)
  return df
}

/**
 * Key -> the indexes of the documents that hold it, in document order, each once.
 * @example postingLists([['talks', 'moscow'], ['talks']]) // Map { 'talks' => [0, 1], 'moscow' => [0] }
 */
export function postingLists<K>(docs: Iterable<Iterable<K>>): Map<K, number[]> {
  const postings = new Map<K, number[]>()
  let i = 0
  for (const doc of docs) {
    for (const key of doc) {
      const list = postings.get(key)
      if (!list) postings.set(key, [i])
      else if (list[list.length - 1] !== i) list.push(i)
    }
    i++
  }
  return postings
}

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

  /** Renames every key by `rename` (null: the key is dropped with its values). */
  rekey(rename: (key: K) => K | null): void {
    const lists = [...this.lists]
    this.lists.clear()
    for (const [key, values] of lists) {
      const renamed = rename(key)
      if (renamed !== null) this.lists.set(renamed, values)
    }
  }

  /** Keys held (for memory accounting). */
  get size(): number {
    return this.lists.size
  }
}

const EMPTY: readonly never[] = []

/**
 * The `max` items with the highest `score`, highest first, ties in the order given (what a stable
 * sort would give), by insertion into a short sorted list instead of sorting every item.
 */
export function topBy<T>(items: Iterable<T>, score: (item: T) => number, max: number): T[] {
  const best: T[] = []
  const scores: number[] = []
  for (const item of items) {
    const w = score(item)
    if (best.length === max && scores[max - 1] >= w) continue
    let at = best.length
    while (at > 0 && scores[at - 1] < w) at--
    best.splice(at, 0, item)
    scores.splice(at, 0, w)
    if (best.length > max) {
      best.pop()
      scores.pop()
    }
  }
  return best
}

/**
 * Counts index hits per story number in a small open-addressing table that is emptied after each
 * article, so ranking one article's candidates allocates nothing and its memory is bounded by the
 * hits of one article, not by the number of stories ever founded.
 */
export class HitCounter {
  /** Story number + 1 per slot (0: empty), its hit count, and the slots in first-hit order. */
  private keys = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private mask = 1023
  private readonly touched: number[] = []

  /** Counts one hit for each of the last `limit` stories of `stories` (the most recent, by default all). */
  hitAll(stories: readonly number[], limit = stories.length): void {
    for (let i = Math.max(0, stories.length - limit); i < stories.length; i++) this.hit(stories[i])
  }

  /** Counts one hit for story `s`. */
  hit(s: number): void {
    const keys = this.keys
    let h = Math.imul(s, 0x9e3779b1) & this.mask
    for (;;) {
      const k = keys[h]
      if (k === s + 1) break
      if (k === 0) {
        keys[h] = s + 1
        this.touched.push(h)
        if (this.touched.length * 2 > this.mask) {
          this.counts[h] = 1
          return this.grow()
        }
        break
      }
      h = (h + 1) & this.mask
    }
    this.counts[h]++
  }

  /** The `max` stories with the most hits (ties in first-hit order), and resets the counter for the next article. */
  top(max: number): number[] {
    const { keys, counts, touched } = this
    // slots, by count descending, ties in first-hit order
    const ranked = topBy(touched, (slot) => counts[slot], max).map((slot) => keys[slot] - 1)
    for (const slot of touched) {
      keys[slot] = 0
      counts[slot] = 0
    }
    touched.length = 0
    return ranked
  }

  /** Doubles the table, keeping the hits so far and their first-hit order. */
  private grow(): void {
    const { keys, counts, touched } = this
    const size = keys.length * 2
    this.keys = new Int32Array(size)
    this.counts = new Int32Array(size)
    this.mask = size - 1
    const old = touched.splice(0)
    for (const slot of old) {
      let h = Math.imul(keys[slot] - 1, 0x9e3779b1) & this.mask
      while (this.keys[h] !== 0) h = (h + 1) & this.mask
      this.keys[h] = keys[slot]
      this.counts[h] = counts[slot]
      touched.push(h)
    }
  }
}
