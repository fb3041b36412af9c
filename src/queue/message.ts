/**
 * A raw document as a queue message: a JSON header line (where it came from, the user's defaults, the container's fields: the store's raw `meta`),
 * then its bytes; the message id is the content hash, so the queue drops a document sent twice.
 */
import { createHash } from 'node:crypto'
import { rawMeta } from '../store/rows.js'
import type { RawDocument } from '../types.js'
import type { DeadLetter } from './queue.js'

const NEWLINE = 10

/** A raw document as a message body (a JSON header line, then the bytes) and its content-hash id. */
export function encodeRaw(raw: RawDocument): { id: string; data: Uint8Array } {
  const head = Buffer.from(rawMeta(raw) + '\n')
  return { id: createHash('sha256').update(raw.bytes).digest('hex').slice(0, 32), data: Buffer.concat([head, raw.bytes]) }
}

/** The raw document inside a message body. */
export function decodeRaw(data: Uint8Array): RawDocument {
  const cut = data.indexOf(NEWLINE)
  const head = JSON.parse(Buffer.from(data.subarray(0, cut)).toString('utf8')) as Omit<RawDocument, 'bytes'>
  return { ...head, bytes: data.subarray(cut + 1) }
}

/** A dead letter as the CLI and the API list it: the message's facts and where its document came from. */
export function describeDeadLetter(d: DeadLetter): { id: string; seq: number; attempts: number; at: string; reason: string; source: string | null } {
  const source = decodeRaw(d.data).source
  return { id: d.id, seq: d.seq, attempts: d.attempts, at: d.at, reason: d.reason, source: source.path ?? source.url ?? null }
}
