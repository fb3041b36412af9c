/**
 * `npm run bench -- cli [--articles N] [--runs N]`: the throughput check of issue 15, whole CLI
 * processes. Each corpus is written to a temporary directory (one file per article), then timed as
 * separate processes, each from spawn to exit (module load, reading, the work and the output):
 *   - floor: `node` reading every file, decoding it and splitting it on a sentence regex;
 *   - `parallax annotate DIR --format jsonl` and `parallax analyze DIR --format jsonl` (the built
 *     CLI, `npm run build` first), stdout counted and dropped.
 * The figure is each command's seconds over the floor's (× floor, lower is better). Corpora: the
 * generated one, PolNeAR train texts and BASIL articles (even years; title and paragraphs as
 * text) when ../shared/datasets has them.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { polnearTexts } from './annotation.js'
import { generateCorpus } from './corpus.js'
import { median } from './measure.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// The floor process: read, decode and split every file under the directory (CommonJS, no imports to load).
const FLOOR_SCRIPT = String.raw`
const fs = require('node:fs'), path = require('node:path')
const decoder = new TextDecoder()
let n = 0
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else n += decoder.decode(fs.readFileSync(p)).split(/(?<=[.!?])\s+/).length } }
walk(process.argv[1])
process.stdout.write(n + '\n')
`

export interface CliRow {
  corpus: string
  articles: number
  charsPerArticle: number
  floorSeconds: number
  annotateSeconds: number
  analyzeSeconds: number
  /** Command seconds over floor seconds: 7 means seven times as long as reading and splitting. */
  annotateTimesFloor: number
  analyzeTimesFloor: number
  /** The same ratios of CPU seconds (user + system), or null without GNU time. */
  annotateCpuTimesFloor: number | null
  analyzeCpuTimesFloor: number | null
  exitCodes: (number | null)[]
}

/** Writes texts one file each (1,000 per folder), in order. */
export function writeTexts(dir: string, texts: readonly string[]): void {
  for (const [i, text] of texts.entries()) {
    const file = join(dir, String(Math.floor(i / 1000)), `${String(i).padStart(6, '0')}.txt`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  }
}

// GNU time prints the child's CPU seconds (user, system) as the last line of stderr.
const GNU_TIME = '/usr/bin/time'
const CPU_LINE = /^parallax-cpu (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/m

/**
 * Runs a node process to its exit; stdout is counted, not kept. Seconds from spawn to exit, and
 * the process's CPU seconds (user + system, through GNU time where it is installed, else null):
 * on a shared machine the CPU time is the steadier figure.
 */
function timeProcess(args: string[]): Promise<{ seconds: number; cpuSeconds: number | null; exitCode: number | null }> {
  return new Promise((done) => {
    const t0 = performance.now()
    const timed = existsSync(GNU_TIME)
    const child = timed
      ? spawn(GNU_TIME, ['-f', 'parallax-cpu %U %S', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let stderr = ''
    child.stdout.on('data', () => {})
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4096)))
    child.on('close', (exitCode) => {
      const cpu = CPU_LINE.exec(stderr)
      const rest = stderr.replace(CPU_LINE, '').trim()
      if (rest) process.stderr.write(`${rest}\n`)
      done({ seconds: (performance.now() - t0) / 1000, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, exitCode })
    })
  })
}

/** BASIL articles (even years only: odd years are kept back) as plain text: title, then paragraphs. */
export function basilTexts(sharedDir: string, limit: number): string[] {
  const dir = join(sharedDir, 'datasets/basil/articles')
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const year of readdirSync(dir).sort()) {
    if (!/^\d{4}$/.test(year) || Number(year) % 2 === 1) continue
    for (const name of readdirSync(join(dir, year)).sort()) {
      if (out.length >= limit || !name.endsWith('.json')) continue
      const a = JSON.parse(readFileSync(join(dir, year, name), 'utf8')) as { title?: string; 'body-paragraphs'?: string[][] | string[] }
      const paragraphs = (a['body-paragraphs'] ?? []).map((p) => (Array.isArray(p) ? p.join(' ') : p))
      out.push([a.title ?? '', ...paragraphs].filter(Boolean).join('\n\n'))
    }
  }
  return out
}

/** Times the floor (median of `runs`), annotate and analyze (median of `runs` each) on one corpus. */
export async function benchCliOn(corpus: string, texts: readonly string[], runs: number): Promise<CliRow> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'))
  try {
    writeTexts(dir, texts)
    const bin = join(root, 'bin', 'parallax.js')
    const floor: number[] = []
    const annotate: number[] = []
    const analyze: number[] = []
    const cpu = { floor: [] as number[], annotate: [] as number[], analyze: [] as number[] }
    const exitCodes: (number | null)[] = []
    // Alternating, so a change in the machine's load touches every command alike.
    for (let run = 0; run < runs; run++) {
      const f = await timeProcess(['-e', FLOOR_SCRIPT, dir])
      const a = await timeProcess([bin, 'annotate', dir, '--format', 'jsonl', '--quiet'])
      const b = await timeProcess([bin, 'analyze', dir, '--format', 'jsonl', '--quiet'])
      floor.push(f.seconds)
      annotate.push(a.seconds)
      analyze.push(b.seconds)
      if (f.cpuSeconds !== null && a.cpuSeconds !== null && b.cpuSeconds !== null) {
        cpu.floor.push(f.cpuSeconds)
        cpu.annotate.push(a.cpuSeconds)
        cpu.analyze.push(b.cpuSeconds)
      }
      exitCodes.push(a.exitCode, b.exitCode)
    }
    const f = median(floor)
    const round = (x: number, d = 100) => Math.round(x * d) / d
    const cpuRatio = (xs: number[]) => (cpu.floor.length > 0 && median(cpu.floor) > 0 ? round(median(xs) / median(cpu.floor), 10) : null)
    return {
      corpus,
      articles: texts.length,
      charsPerArticle: Math.round(texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length)),
      floorSeconds: round(f, 1000),
      annotateSeconds: round(median(annotate)),
      analyzeSeconds: round(median(analyze)),
      annotateTimesFloor: round(median(annotate) / f, 10),
      analyzeTimesFloor: round(median(analyze) / f, 10),
      annotateCpuTimesFloor: cpuRatio(cpu.annotate),
      analyzeCpuTimesFloor: cpuRatio(cpu.analyze),
      exitCodes: [...new Set(exitCodes)],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The generated corpus, then the real ones the shared datasets hold. */
export async function benchCli(articles: number, runs: number, sharedDir: string): Promise<CliRow[]> {
  const corpora: [string, string[]][] = [[`generated (seed 1)`, generateCorpus(articles, 1).articles.map((a) => a.text)]]
  const polnear = polnearTexts(sharedDir, articles)
  if (polnear.length > 0) corpora.push(['PolNeAR train (real news)', polnear])
  const basil = basilTexts(sharedDir, articles)
  if (basil.length > 0) corpora.push(['BASIL, even years (real news)', basil])
  const rows: CliRow[] = []
  for (const [name, texts] of corpora) rows.push(await benchCliOn(name, texts, runs))
  return rows
}

/** Prints the rows as a table, with the goals. */
export function printCliBench(rows: readonly CliRow[]): void {
  console.log('| whole CLI process | articles | chars/article | floor s | annotate s | annotate × floor (CPU) | analyze s | analyze × floor (CPU) |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
  const cpu = (x: number | null) => (x === null ? '' : ` (${x})`)
  for (const r of rows) {
    const failed = r.exitCodes.some((c) => c !== 0) ? ` (exit ${r.exitCodes.join(',')})` : ''
    console.log(`| ${r.corpus}${failed} | ${r.articles} | ${r.charsPerArticle} | ${r.floorSeconds} | ${r.annotateSeconds} | ${r.annotateTimesFloor}${cpu(r.annotateCpuTimesFloor)} | ${r.analyzeSeconds} | ${r.analyzeTimesFloor}${cpu(r.analyzeCpuTimesFloor)} |`)
  }
  console.log('× floor = the command\'s seconds ÷ the floor process\'s (node reading, decoding and regex-splitting the same files), spawn to exit; in brackets the same of CPU seconds (user + system); goals (issue 15, generated corpus): annotate ≤ 7×, analyze ≤ 25×')
}

/** `npm run bench -- cli`. */
export async function benchCliCli(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { articles: { type: 'string', default: '2000' }, runs: { type: 'string', default: '1' } } })
  const articles = Number(values.articles)
  const runs = Number(values.runs)
  if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error('bench cli: --articles and --runs must be integers >= 1')
    process.exit(2)
  }
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    console.error('bench cli: run `npm run build` first (the bench times bin/parallax.js)')
    process.exit(2)
  }
  const rows = await benchCli(articles, runs, join(root, '..', 'shared'))
  printCliBench(rows)
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
}
