/**
 * `parallax serve`: the library's HTTP API and web pages. Binds to 127.0.0.1 unless told otherwise;
 * binding elsewhere without an API key leaves writes refused for other hosts.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { isNatsUrl } from '../queue/queue.js'
import { ParallaxUsageError } from '../errors.js'
import { defaultDbPath, isPostgresUrl } from '../store/location.js'
import { defaultThreads, StagePool } from '../threads/pool.js'
import type { Io } from './run.js'
import type { StoryBuilder } from '../app/library.js'

export interface ServeOptions {
  db?: string
  host: string
  port: number
  apiKey?: string
  /** Key required on reads too (or the API key). */
  readKey?: string
  /** Comma-separated host names accepted in `Host`/`Origin` on writes, besides the loopback names and the bound address. */
  allowedHosts?: string
  bodyLimit: number
  /** Longest one ingested document may take in its worker thread, in ms. */
  documentTimeout: number
  /** NATS URL: `POST /v1/ingest` publishes for workers instead of processing in the server. */
  queue?: string
  stream?: string
}

/**
 * A library path `serve` can open: a postgres URL, or a file in a directory that exists (serving
 * never creates directories: a mistyped path fails here instead of serving an empty new library).
 */
export function checkDbPath(path: string, io: Io): string {
  if (isPostgresUrl(path) || path === ':memory:') return path
  const dir = dirname(resolve(path))
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ParallaxUsageError(`--db ${path}: no directory ${dir}; create the library first with parallax ingest --db ${path} <inputs>`)
  }
  if (!existsSync(path)) io.stderr.write(`parallax: ${path} does not exist yet: serving a new, empty library\n`)
  return path
}

/**
 * Story reports built in the pool's worker threads (`StagePool.runStory`): a failed build (a worker
 * that stopped, a closed pool) is an error naming the story.
 */
export function poolStoryBuilder(pool: Pick<StagePool, 'runStory' | 'stopped'>, unavailable: (message: string) => Error = (message) => new Error(message)): StoryBuilder {
  return async (cluster, articles, storyOptions) => {
    const built = await pool.runStory(cluster, articles, storyOptions)
    if (built.ok) return built.value
    const message = `building the report of story ${cluster.id} failed: ${built.error.message}`
    // A pool that runs no more jobs is a dependency down (503, as /readyz says), not this story's fault.
    throw pool.stopped ? unavailable(message) : new Error(message)
  }
}

/** Starts the server; resolves when it is closed (SIGINT or SIGTERM). */
export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  if (!Number.isFinite(options.documentTimeout) || options.documentTimeout <= 0) {
    throw new ParallaxUsageError(`--document-timeout must be a positive number of milliseconds, got ${JSON.stringify(String(options.documentTimeout))}`)
  }
  const queueUrl = options.queue ?? process.env.PARALLAX_QUEUE
  if (queueUrl && !isNatsUrl(queueUrl)) throw new ParallaxUsageError(`--queue must be a nats:// URL, got ${JSON.stringify(queueUrl)}`)
  const path = checkDbPath(options.db ?? defaultDbPath(), io)
  // the store, queue and HTTP stack load here, not with the CLI: every other command starts without them
  const [{ openStore }, { openNatsQueue }, { LazyQueue, ServiceUnavailable }, { Library }, { buildServer }, { LOOPBACK_HOSTS }] = await Promise.all([
    import('../store/index.js'),
    import('../queue/nats.js'),
    import('../server/health.js'),
    import('../app/library.js'),
    import('../server/app.js'),
    import('../server/trust.js'),
  ])
  const store = openStore(path)
  // opened on first use, so the server starts (and /readyz says why it is not ready) while NATS is down
  const queue = queueUrl ? new LazyQueue(() => openNatsQueue(queueUrl, options.stream ? { stream: options.stream } : {})) : null
  // Per-article work of POST /v1/ingest runs in worker threads with a time budget, so a crafted
  // document never holds up /healthz or other requests (with a queue, workers do it elsewhere), and
  // so do story reports, built on request: a story of 200 articles takes about a second.
  const pool = new StagePool({ threads: Math.max(1, defaultThreads()), jobTimeoutMs: options.documentTimeout, stories: true })
  let app: Awaited<ReturnType<typeof buildServer>> | null = null
  // Whatever stops the server, listening or not (a port in use), the workers and the store are let go:
  // a pool left running would keep the process alive.
  try {
    // Writes name this server in Host/Origin: its loopback names, the address it binds (unless it
    // binds every interface, which names no host) and those given; a rebinding page names its own.
    const bound = options.host === '0.0.0.0' || options.host === '::' ? [] : [options.host]
    const given = (options.allowedHosts ?? process.env.PARALLAX_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)
    app = buildServer(new Library(store, { buildStory: poolStoryBuilder(pool, (message) => new ServiceUnavailable('workers', new Error(message))) }), {
      apiKey: options.apiKey ?? process.env.PARALLAX_API_KEY ?? null,
      readKey: options.readKey ?? process.env.PARALLAX_READ_KEY ?? null,
      allowedHosts: [...LOOPBACK_HOSTS, ...bound, ...given],
      bodyLimit: options.bodyLimit,
      queue,
      workers: pool,
      ...(queue ? {} : { annotate: (raw, extract) => pool.run('annotate', raw, extract) }),
    })
    const address = await app.listen({ host: options.host, port: options.port })
    io.stderr.write(`parallax: serving ${options.db ?? defaultDbPath()} at ${address} (API under /v1, OpenAPI at /openapi.json)\n`)
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  } finally {
    await app?.close()
    await pool.close()
    await queue?.close()
    await store.close()
  }
  return 0
}

/** Adds `serve` to the program. */
export function registerServe(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('serve')
    .description('HTTP API (/v1, /openapi.json) and web pages over the library')
    .option('--db <file|url>', `library file or postgres:// URL (default: ${defaultDbPath()})`)
    .option('--queue <url>', 'NATS URL (or $PARALLAX_QUEUE): POST /v1/ingest publishes for `parallax worker`')
    .option('--stream <name>', 'JetStream stream name with --queue (default PARALLAX_RAW)')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--port <n>', 'port', Number, 8080)
    .option('--api-key <key>', 'key required for writes (or set PARALLAX_API_KEY)')
    .option('--read-key <key>', 'key required for reads too, the API key also accepted (or set PARALLAX_READ_KEY); /healthz and /readyz stay open')
    .option('--allowed-hosts <names>', 'comma-separated host names accepted in Host and Origin on writes, besides loopback and --host; * for any (or set PARALLAX_ALLOWED_HOSTS)')
    .option('--body-limit <bytes>', 'largest request body', Number, 5 * 1024 * 1024)
    .option('--document-timeout <ms>', 'longest one ingested document may take (in a worker thread) before it fails as limit', Number, 10_000)
    .action(async (options: ServeOptions) => setResult(await serveCommand(options, io)))
}
