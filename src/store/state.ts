/**
 * The one format of a saved clusterer state, for both drivers and both writers (the library and
 * the queue's clustering consumer): parts of bounded size, each a top-level field of the state or
 * a slice of an array field, stored in order. One JSON text of a large state would pass
 * JavaScript's longest string; parts never do.
 */

/** Array elements per part. */
export const STATE_SLICE = 5000

/** A state as parts of bounded size: each array field in slices, every other field whole. */
export function* stateParts(state: object, slice = STATE_SLICE): Generator<{ key: string; json: string }> {
  for (const [key, value] of Object.entries(state)) {
    if (!Array.isArray(value)) {
      yield { key, json: JSON.stringify(value) }
      continue
    }
    for (let i = 0; i === 0 || i < value.length; i += slice) yield { key, json: JSON.stringify(value.slice(i, i + slice)) }
  }
}

/** `stateParts`' parts, in order, back as the state. */
export function stateOfParts(parts: Iterable<{ key: string; json: string }>): Record<string, unknown> {
  const state: Record<string, unknown> = {}
  for (const { key, json } of parts) {
    const value: unknown = JSON.parse(json)
    const held = state[key]
    if (Array.isArray(value) && Array.isArray(held)) for (const item of value) held.push(item)
    else state[key] = value
  }
  return state
}
