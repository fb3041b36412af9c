/**
 * The one bounded cache: a memo for pure functions of a string (a name's key, a word's lemma, a
 * stamp's date) that recur across a corpus. It holds at most `limit` answers and is emptied when
 * full, so memory stays flat on any input and the hot case stays one `Map` lookup.
 */

/** A memo of at most `limit` answers, emptied when full. */
export interface BoundedCache<K, V> {
  /** The answer for `key`, computed by `make` on a miss. */
  get(key: K, make: (key: K) => V): V
  readonly size: number
}

/**
 * A bounded memo over a map.
 * @example const keys = boundedCache<string, string>(8192); keys.get('Putin', slowKey)
 */
export function boundedCache<K, V>(limit: number): BoundedCache<K, V> {
  if (!(limit >= 1)) throw new RangeError(`boundedCache: limit must be at least 1, found ${limit}`)
  const map = new Map<K, V>()
  return {
    get(key, make) {
      const known = map.get(key)
      if (known !== undefined || map.has(key)) return known as V
      const value = make(key)
      if (map.size >= limit) map.clear()
      map.set(key, value)
      return value
    },
    get size() {
      return map.size
    },
  }
}
