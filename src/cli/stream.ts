/**
 * Output written piece by piece: a report of 20,000 articles as one string is larger than Node
 * allows ("Invalid string length"), and holding it whole doubles the memory of the run.
 */

// How deep the writers go into objects and arrays before writing a value whole: a report, its
// stories, a story, its facts (or quotes, timeline...). A story of thousands of articles is then
// never one string (V8 refuses strings over about 512 MB: "Invalid string length").
const PIECE_DEPTH = 4

// A value of at most this many objects, arrays and members in all is written whole: one
// JSON.stringify of a record is several times faster than member by member (an annotated article
// of the generated corpus has about 600 members down to PIECE_DEPTH, 7 KB), and its size stays bounded.
const WHOLE_MEMBERS = 4096

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: objects and arrays down to
 * `PIECE_DEPTH` levels are written a member at a time, deeper values whole. Joined, the pieces are
 * that text exactly. An iterable in place of an array (a generator) is written as the array of its
 * elements, read once.
 * @example [...jsonPieces({ a: [1, 2] })].join('') === JSON.stringify({ a: [1, 2] }, null, 2)
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* pieces(value, PIECE_DEPTH, true, 0)
}

/**
 * The pieces `jsonPieces` writes for one element of an array that is the member of a top-level
 * object (a report's story): `JSON.stringify(value, null, 2)` as it stands at that place, indented
 * for it. Joined between the object's own pieces, they give `jsonPieces`' text exactly.
 */
export function* jsonElementPieces(value: unknown): Generator<string> {
  yield* pieces(value, PIECE_DEPTH - 2, true, 2)
}

/** The pieces of one JSON Lines record, its newline included (`jsonlPieces` for one record). */
export function* jsonlRecordPieces(record: unknown): Generator<string> {
  yield* jsonlPieces([record])
}

/** JSON Lines, one record a line, each record written in pieces as `JSON.stringify(record)` would write it. */
export function* jsonlPieces(records: Iterable<unknown>): Generator<string> {
  for (const record of records) {
    yield* pieces(record ?? null, PIECE_DEPTH, false, 0)
    yield '\n'
  }
}

/** `value` as JSON at nesting `level` (2-space indent when `pretty`), members one piece each down to `depth`. */
function* pieces(value: unknown, depth: number, pretty: boolean, level: number): Generator<string> {
  const newline = (n: number) => (pretty ? `\n${'  '.repeat(n)}` : '')
  if (depth === 0 || !isOpen(value) || members(value, WHOLE_MEMBERS) <= WHOLE_MEMBERS) {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null'
    return yield pretty && level > 0 ? text.replace(/\n/g, newline(level)) : text
  }
  if (isSequence(value)) {
    let j = 0
    for (const element of value) {
      yield `${j++ === 0 ? '[' : ','}${newline(level + 1)}`
      // As JSON.stringify writes them in arrays: undefined and functions as null.
      yield* pieces(element === undefined || typeof element === 'function' ? null : element, depth - 1, pretty, level + 1)
    }
    return yield j === 0 ? '[]' : `${newline(level)}]`
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol')
  if (entries.length === 0) return yield '{}'
  for (const [i, [key, item]] of entries.entries()) {
    yield `${i === 0 ? '{' : ','}${newline(level + 1)}${JSON.stringify(key)}:${pretty ? ' ' : ''}`
    yield* pieces(item, depth - 1, pretty, level + 1)
  }
  yield `${newline(level)}}`
}

/**
 * The objects, arrays and members in `value` at any depth, counted until `budget` is passed (then
 * any count over it). A sequence other than an array (a generator) is not counted: reading it
 * would use it up, so it counts as over.
 */
function members(value: unknown, budget: number): number {
  if (!isOpen(value)) return 0
  if (!Array.isArray(value) && isSequence(value)) return budget + 1
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value)
  let n = 1 + items.length
  for (let i = 0; i < items.length && n <= budget; i++) n += members(items[i], budget - n)
  return n
}

/** An object or sequence to open member by member: not null, a Map or Set (JSON writes {}), nor one with its own toJSON. */
function isOpen(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || value instanceof Map || value instanceof Set) return false
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

/** An array, or another iterable object (not a string, not a Map or Set, which JSON writes as {}). */
function isSequence(value: unknown): value is Iterable<unknown> {
  if (Array.isArray(value)) return true
  return typeof value === 'object' && value !== null && !(value instanceof Map) && !(value instanceof Set) && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
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
