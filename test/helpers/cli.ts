/** Runs the CLI in-process with captured stdout/stderr (the same code path as the `parallax` binary). */
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli/main.js'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (c: Buffer) => chunks.push(c))
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

/** `await cli('analyze', dir, '--format', 'json')` */
export async function cli(...args: string[]): Promise<CliResult> {
  const out = capture()
  const err = capture()
  const code = await main(['node', 'parallax', ...args], { stdout: out.stream, stderr: err.stream })
  await new Promise((r) => setImmediate(r))
  return { code, stdout: out.text(), stderr: err.text() }
}
