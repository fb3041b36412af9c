/**
 * Raw input into the library: split containers (JSON Lines, WARC, feeds) into documents, extract,
 * annotate, store once, assign a story. Shared by `parallax ingest`, feed polling and the HTTP API.
 */
import { processDocument, runDocumentStage } from '../document.js'
import { describeError } from '../errors.js'
import type { ExtractOptions } from '../extract/index.js'
import { splitDocuments } from '../input/documents.js'
import type { Annotated, RawDocument } from '../types.js'
import type { JobResult } from '../threads/pool.js'
import type { IngestItem, Library } from './library.js'

/** What an ingest did: documents read, new, duplicate, and failed with reasons. */
export interface IngestTally {
  read: number
  new: number
  duplicate: number
  failed: { where: string; message: string }[]
  /** Stories that gained an article. */
  stories: Set<string>
}

/** An empty tally. */
export function newTally(): IngestTally {
  return { read: 0, new: 0, duplicate: 0, failed: [], stories: new Set() }
}

/** Extracts, annotates and stores one document, counting the outcome into `tally`. */
export async function ingestDocument(library: Library, raw: RawDocument, tally: IngestTally, options: ExtractOptions = {}): Promise<void> {
  tally.read++
  const where = raw.source.path ?? raw.source.url ?? '-'
  let article: Annotated
  try {
    article = processDocument(raw, options)
  } catch (error) {
    tally.failed.push({ where, message: describeError(error).message })
    return
  }
  const [result] = await library.ingestMany([{ article, url: raw.source.url ?? null, raw }])
  if (result.status === 'new') {
    tally.new++
    if (result.storyId) tally.stories.add(result.storyId)
  } else tally.duplicate++
}

/**
 * Extracts and annotates documents, then stores them all in one batch (one lock and one clusterer
 * state save). Returns, per document, whether it is in the library now (new or duplicate).
 */
export async function ingestDocuments(library: Library, raws: readonly RawDocument[], tally: IngestTally, options: ExtractOptions = {}): Promise<boolean[]> {
  const items: (IngestItem & { at: number })[] = []
  for (const [at, raw] of raws.entries()) {
    tally.read++
    try {
      items.push({ at, article: processDocument(raw, options), url: raw.source.url ?? null, raw })
    } catch (error) {
      tally.failed.push({ where: raw.source.path ?? raw.source.url ?? '-', message: describeError(error).message })
    }
  }
  const stored = raws.map(() => false)
  const results = items.length > 0 ? await library.ingestMany(items) : []
  for (const [i, result] of results.entries()) {
    stored[items[i].at] = true
    if (result.status === 'duplicate') tally.duplicate++
    else {
      tally.new++
      if (result.storyId) tally.stories.add(result.storyId)
    }
  }
  return stored
}

/** Where the per-article stages run: in this thread by default, or a worker pool. */
export type AnnotateRunner = (raw: RawDocument, options: ExtractOptions) => Promise<JobResult<Annotated>>

const inThisThread: AnnotateRunner = async (raw, options) => runDocumentStage('annotate', raw, options)

export interface IngestorOptions {
  extract?: ExtractOptions
  /** Runs extract + annotate; pass a worker pool's `run` to use more cores. */
  annotate?: AnnotateRunner
  /** Documents being annotated at once; bounds memory on huge inputs. */
  maxInFlight?: number
  /**
   * Articles stored per transaction: one write lock, one commit and one save of the clusterer
   * state per batch (the state costs O(open stories) to save, so batches amortise it).
   */
  batchSize?: number
  onDocument?: (where: string, tally: IngestTally) => void
}

/**
 * Ingests many inputs: containers are split, documents are annotated (possibly in parallel) and
 * stored in input order, so story assignment is the same however many threads annotate.
 */
export class Ingestor {
  readonly tally = newTally()
  private readonly queue: { where: string; raw: RawDocument; result: Promise<JobResult<Annotated>> }[] = []
  /** Annotated articles waiting for the next batch. */
  private pending: IngestItem[] = []
  private readonly opts: Required<IngestorOptions>

  constructor(private readonly library: Library, { extract = {}, annotate = inThisThread, maxInFlight = 64, batchSize = 256, onDocument = () => {} }: IngestorOptions = {}) {
    this.opts = { extract, annotate, maxInFlight, batchSize, onDocument }
  }

  /** Counts an input that could not even be read. */
  fail(where: string, message: string): void {
    this.tally.read++
    this.tally.failed.push({ where, message })
  }

  /** Splits one input and queues its documents; waits when too many are in flight. */
  async add(raw: RawDocument): Promise<void> {
    const split = splitDocuments(raw)
    for (const e of split.errors) this.tally.failed.push(e)
    for (const doc of split.documents) await this.addDocument(doc)
  }

  /** Queues one document as it is (already split: a feed entry, an API record). */
  async addDocument(doc: RawDocument): Promise<void> {
    this.queue.push({ where: doc.source.path ?? doc.source.url ?? '-', raw: doc, result: this.opts.annotate(doc, this.opts.extract) })
    if (this.queue.length >= this.opts.maxInFlight) await this.settleOldest()
  }

  /** Stores everything still in flight and returns the tally. */
  async finish(): Promise<IngestTally> {
    while (this.queue.length > 0) await this.settleOldest()
    await this.flush()
    return this.tally
  }

  private async settleOldest(): Promise<void> {
    const job = this.queue.shift()
    if (!job) return
    const result = await job.result
    this.tally.read++
    if (!result.ok) this.tally.failed.push({ where: job.where, message: result.error.message })
    // the raw document is kept with its article, so `parallax reprocess` can run a newer pipeline on it
    else this.pending.push({ article: result.value, url: job.raw.source.url ?? null, raw: job.raw })
    if (this.pending.length >= this.opts.batchSize) await this.flush()
    this.opts.onDocument(job.where, this.tally)
  }

  /** Stores the pending articles in one batch and counts the outcomes. */
  private async flush(): Promise<void> {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    for (const result of await this.library.ingestMany(batch)) {
      if (result.status === 'duplicate') this.tally.duplicate++
      else {
        this.tally.new++
        if (result.storyId) this.tally.stories.add(result.storyId)
      }
    }
  }
}

/** `read 12, new 9, duplicate 2, failed 1` */
export function formatTally(t: IngestTally): string {
  return `read ${t.read}, new ${t.new}, duplicate ${t.duplicate}, failed ${t.failed.length}${t.stories.size ? `; ${t.stories.size} ${t.stories.size === 1 ? 'story' : 'stories'} updated` : ''}`
}
