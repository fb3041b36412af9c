/**
 * Ingest with a queue: inputs are split into documents (JSON Lines, WARC, feeds) and each raw
 * document is published with its content hash as the message id; workers do the rest. A document
 * published before (same bytes) is dropped by the queue and counted as a duplicate.
 */
import type { RawDocument } from '../types.js'
import type { Queue } from './queue.js'
import { encodeRaw } from './message.js'

/** What a publish did: documents read, published, dropped as duplicates, and failed with reasons. */
export interface PublishTally {
  read: number
  published: number
  duplicate: number
  failed: { where: string; message: string }[]
}

/** An empty tally. */
export function newPublishTally(): PublishTally {
  return { read: 0, published: 0, duplicate: 0, failed: [] }
}

/** Publishes one document (already split from its input), counting into `tally`. Queue errors throw (the caller stops). */
export async function publishDocument(queue: Queue, doc: RawDocument, tally: PublishTally): Promise<void> {
  tally.read++
  const { id, data } = encodeRaw(doc)
  const { duplicate } = await queue.publish(id, data)
  if (duplicate) tally.duplicate++
  else tally.published++
}

/** The one-line summary of a publish. */
export function formatPublishTally(t: PublishTally): string {
  return `${t.read} read, ${t.published} queued, ${t.duplicate} duplicate, ${t.failed.length} failed`
}
