/**
 * `parallax dead-letters [--retry ID | --all]`: the raw articles that failed too often in the
 * workers (kept in the queue's dead-letter stream), listed one per line as JSON, and put back on
 * the queue as fresh messages on request.
 */
import type { Command } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { isNatsUrl, type Queue } from '../queue/queue.js'
import type { Io } from './run.js'

export interface DeadLettersOptions {
  queue?: string
  stream?: string
  retry?: string
  all?: boolean
  limit: number
}

/** Lists dead letters, or retries one (`retry`) or all of them (`all`); exit 1 when a named id is not there. */
export async function deadLettersCommand(options: DeadLettersOptions, io: Io): Promise<number> {
  const url = options.queue ?? process.env.PARALLAX_QUEUE ?? ''
  if (!isNatsUrl(url)) throw new ParallaxUsageError('dead-letters needs --queue nats://host:4222 (or PARALLAX_QUEUE)')
  if (options.retry && options.all) throw new ParallaxUsageError('give --retry ID or --all, not both')
  const [{ openNatsQueue }, { describeDeadLetter }] = await Promise.all([import('../queue/nats.js'), import('../queue/message.js')])
  const queue = await openNatsQueue(url, options.stream ? { stream: options.stream } : {})
  try {
    if (options.retry) return await retryOne(queue, options.retry, io)
    const dead = await queue.deadLetters({ limit: options.limit })
    if (options.all) {
      let n = 0
      for (const d of dead) if (await queue.retryDeadLetter(d.id)) n++
      io.stderr.write(`parallax: dead-letters: ${n} put back on the queue\n`)
      return 0
    }
    for (const d of dead) io.stdout.write(JSON.stringify(describeDeadLetter(d)) + '\n')
    return 0
  } finally {
    await queue.close()
  }
}

async function retryOne(queue: Queue, id: string, io: Io): Promise<number> {
  if (await queue.retryDeadLetter(id)) return io.stderr.write(`parallax: dead-letters: ${id} put back on the queue\n`), 0
  io.stderr.write(`parallax: dead-letters: no dead letter ${id}\n`)
  return 1
}

/** Adds `dead-letters` to the program. */
export function registerDeadLetters(program: Command, io: Io, setResult: (code: number) => void): void {
  program
    .command('dead-letters')
    .description('raw articles the workers gave up on (JSON Lines on stdout), and retrying them')
    .option('--queue <url>', 'NATS URL (default: $PARALLAX_QUEUE)')
    .option('--stream <name>', 'JetStream stream name (default PARALLAX_RAW)')
    .option('--retry <id>', 'put this dead letter back on the queue')
    .option('--all', 'put every listed dead letter back on the queue')
    .option('--limit <n>', 'most dead letters listed (or retried with --all)', Number, 1000)
    .action(async (options: DeadLettersOptions) => setResult(await deadLettersCommand(options, io)))
}
