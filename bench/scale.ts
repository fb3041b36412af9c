/**
 * `npm run bench -- scale [--articles 1000,4000] [--formats json,jsonl]`: `parallax analyze` (the
 * built CLI, `npm run build` first) on generated corpora of each size, written to a temporary
 * directory with each article's publication date; wall time and peak memory (the child's VmHWM,
 * read from /proc while it runs) per size and format, and each size's cost over the first's.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeTexts } from './cli.js'
import { generateCorpus } from './corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface ScaleRow {
  articles: number
  format: string
  seconds: number
  peakMb: number
  stories: number | null
  outputMb: number
  exitCode: number | null
}

/** Peak resident memory of a running process in MB (Linux), or 0 where /proc is not there. */
function peakMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}

/** Runs the CLI once; stdout is counted (bytes, and stories for jsonl), not kept. */
function runAnalyze(dir: string, format: string): Promise<Omit<ScaleRow, 'articles' | 'format'>> {
  return new Promise((done) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [join(root, 'bin', 'parallax.js'), 'analyze', dir, '--format', format, '--quiet', '--published', '2025-03-05'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let bytes = 0
    let lines = 0
    let tail = ''
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      for (const b of chunk) if (b === 10) lines++
      tail = (tail + chunk.toString('latin1')).slice(-200)
    })
    let peak = 0
    const timer = setInterval(() => (peak = Math.max(peak, peakMb(child.pid!))), 100)
    child.on('exit', (code) => {
      clearInterval(timer)
      done({ seconds: (performance.now() - t0) / 1000, peakMb: Math.round(peak), stories: format === 'jsonl' ? lines : null, outputMb: Math.round((bytes / 1024 / 1024) * 10) / 10, exitCode: code })
    })
  })
}

/** Writes each corpus once and runs `analyze` on it in each format. */
export async function benchScale(sizes: number[], formats: string[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = []
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `parallax-scale-${n}-`))
    try {
      writeTexts(dir, generateCorpus(n, 1).articles.map((a) => a.text))
      for (const format of formats) {
        const row = { articles: n, format, ...(await runAnalyze(dir, format)) }
        rows.push(row)
        console.error(`scale: ${n} articles, ${format}: ${row.seconds.toFixed(1)} s, peak ${row.peakMb} MB, ${row.outputMb} MB out, exit ${row.exitCode}`)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return rows
}

/** `npm run bench -- scale`. */
export async function benchScaleCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { articles: { type: 'string', default: '1000,4000' }, formats: { type: 'string', default: 'json' } } })
  const rows = await benchScale(values.articles.split(',').map(Number), values.formats.split(','))
  console.log('| articles | format | seconds | × first size | peak RSS | output |')
  console.log('|---:|---|---:|---:|---:|---:|')
  for (const r of rows) {
    const first = rows.find((x) => x.format === r.format)!
    console.log(`| ${r.articles} | ${r.format} | ${r.seconds.toFixed(1)} | ${(r.seconds / first.seconds).toFixed(2)} | ${r.peakMb} MB | ${r.outputMb} MB${r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`} |`)
  }
}
