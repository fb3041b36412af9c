/**
 * Output written piece by piece: a report of 20,000 articles as one string is larger than Node
 * allows ("Invalid string length"), and holding it whole doubles the memory of the run.
 */

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: the arrays held by a top-level object
 * one element at a time, everything else whole. Joined, the pieces are that text exactly. An
 * iterable in place of an array (a generator) is written as the array of its elements, read once.
 * @example [...jsonPieces({ a: [1, 2] })].join('') === JSON.stringify({ a: [1, 2] }, null, 2)
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return yield JSON.stringify(value, null, 2)
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function')
  if (entries.length === 0) return yield '{}'
  yield '{'
  for (const [i, [key, item]] of entries.entries()) {
    const lead = `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `
    if (isSequence(item)) {
      // Arrays, and iterables such as a generator of stories built as they are read.
      let j = 0
      for (const element of item) yield `${j++ === 0 ? `${lead}[` : ','}\n    ${(JSON.stringify(element, null, 2) ?? 'null').replace(/\n/g, '\n    ')}`
      yield j === 0 ? `${lead}[]` : '\n  ]'
    } else yield `${lead}${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`
  }
  yield '\n}'
}

/** An array, or another iterable object (not a string, not a Map or Set, which JSON writes as {}). */
function isSequence(value: unknown): value is Iterable<unknown> {
  if (Array.isArray(value)) return true
  return typeof value === 'object' && value !== null && !(value instanceof Map) && !(value instanceof Set) && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
}

/** JSON Lines, one record a piece. */
export function* jsonlPieces(records: Iterable<unknown>): Generator<string> {
  for (const record of records) yield `${JSON.stringify(record ?? null)}\n`
}

/** Writes the pieces in order, in writes of about 64 KB, waiting for the stream to drain when it asks. */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let buffer = ''
  const flush = async () => {
    const text = buffer
    buffer = ''
    if (!text) return
    await new Promise<void>((resolve, reject) => {
      const ok = stream.write(text, (error) => (error ? reject(error) : ok ? resolve() : undefined))
      if (!ok) stream.once('drain', resolve)
    })
  }
  for (const piece of pieces) {
    buffer += piece
    if (buffer.length >= 65_536) await flush()
  }
  await flush()
}
