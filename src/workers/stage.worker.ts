/** Worker thread body: runs extract (and annotate) on each job it is sent and posts the result. */
import { parentPort } from 'node:worker_threads'
import { describeError } from '../errors.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import type { JobRequest } from './pool.js'

// The pool hands this worker a document (and starts its time budget) once the modules are loaded.
parentPort?.postMessage({ ready: true })
parentPort?.on('message', ({ id, stage, raw, options }: JobRequest) => {
  try {
    const article = extractArticle(raw, options)
    parentPort?.postMessage({ id, result: { ok: true, value: stage === 'annotate' ? annotate(article) : article } })
  } catch (error) {
    parentPort?.postMessage({ id, result: { ok: false, error: describeError(error) } })
  }
})
