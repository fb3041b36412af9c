/** Worker thread body: runs extract (and annotate), or builds a story, for each job it is sent and posts the result. */
import { parentPort, workerData } from 'node:worker_threads'
import { runDocumentStage } from '../document.js'
import type { JobRequest, WorkerStart } from './pool.js'

// The cross-article stages load on the first story job, or at once in a pool started to build
// stories: a pool that only extracts and annotates never compiles them.
let pipeline: Promise<typeof import('../pipeline.js')> | null = (workerData as WorkerStart | undefined)?.stories ? import('../pipeline.js') : null
// A failed load is told with the first story job (below), not as an unhandled rejection.
pipeline?.catch(() => {})

// The pool hands this worker a document (and starts its time budget) once the modules are loaded.
parentPort?.postMessage({ ready: true })
parentPort?.on('message', (request: JobRequest) => {
  if (request.stage !== 'story') return void parentPort?.postMessage({ id: request.id, result: runDocumentStage(request.stage, request.raw, request.options) })
  pipeline ??= import('../pipeline.js')
  pipeline.then(
    ({ buildStory }) => {
      let result
      try {
        result = { ok: true, value: buildStory(request.cluster, request.articles, request.options) }
      } catch (error) {
        result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
      }
      parentPort?.postMessage({ id: request.id, result })
    },
    (error: unknown) => parentPort?.postMessage({ id: request.id, result: { ok: false, error: { code: 'internal', message: `worker could not load the pipeline: ${error instanceof Error ? error.message : String(error)}` } } }),
  )
})
