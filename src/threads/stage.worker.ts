/** Worker thread body: runs extract (and annotate) on each job it is sent and posts the result. */
import { parentPort } from 'node:worker_threads'
import { runDocumentStage } from '../document.js'
import type { JobRequest } from './pool.js'

// The pool hands this worker a document (and starts its time budget) once the modules are loaded.
parentPort?.postMessage({ ready: true })
parentPort?.on('message', ({ id, stage, raw, options }: JobRequest) => {
  parentPort?.postMessage({ id, result: runDocumentStage(stage, raw, options) })
})
