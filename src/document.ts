/**
 * The per-article step, written once: a raw document through extract and annotate. Every path that
 * turns documents into articles (the CLI, its worker threads, the library's ingest, the queue's
 * workers, reprocess) calls this, so each runs the same stages with the same limits and options.
 */
import { annotate, type AnnotateOptions } from './enrich/index.js'
import { describeError } from './errors.js'
import { type ExtractOptions, extractArticle } from './extract/index.js'
import type { Annotated, Article, RawDocument } from './types.js'

/** How far the per-article step goes: the clean article, or the article with its annotations. */
/** What annotate may leave out, as the per-article step takes it (the CLI passes it through here). */
export type { AnnotateOptions }

export type DocumentStage = 'extract' | 'annotate'

/** What a stage yields. */
export type DocumentStageValue<S extends DocumentStage> = S extends 'annotate' ? Annotated : Article

/** Options of the per-article step: extraction's, and what annotation reads (`annotate`). */
export interface DocumentOptions extends ExtractOptions {
  annotate?: AnnotateOptions
}

/** A stage's outcome as a value (worker threads post it; batches keep going past a failure). */
export type DocumentResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/**
 * What the cross-article stages read of an annotation: all of it but the TimeML reading (TIMEX3
 * values of durations and sets, `annotate`'s `timexes`), which no comparison stage reads and no
 * report shows. `analyze`, `cluster` and `analyzeRaw` annotate with it.
 */
export const CROSS_ARTICLE: AnnotateOptions = { timeml: false }

/**
 * Extracts and annotates one raw document; throws `InputError` for input that cannot be processed.
 * @example const article = processDocument({ source: { kind: 'text', path: 'a.txt' }, bytes }, { limits: { maxBytes } })
 */
export function processDocument(raw: RawDocument, options: DocumentOptions = {}): Annotated {
  return annotate(extractArticle(raw, options), options.annotate)
}

/** Runs the per-article step up to `stage`, failures as values. */
export function runDocumentStage<S extends DocumentStage>(stage: S, raw: RawDocument, options: DocumentOptions = {}): DocumentResult<DocumentStageValue<S>> {
  try {
    const article = extractArticle(raw, options)
    return { ok: true, value: (stage === 'annotate' ? annotate(article, options.annotate) : article) as DocumentStageValue<S> }
  } catch (error) {
    return { ok: false, error: describeError(error) }
  }
}
