/**
 * The `parallax` command line. Data goes to stdout, progress and warnings to stderr; the exit code
 * is 0 when every input worked, 1 when some failed, 2 for a usage error.
 */
import { readFileSync } from 'node:fs'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { ParallaxUsageError } from '../errors.js'
import { registerDeadLetters } from './dead-letters.js'
import { analyzeCommand, annotateCommand, clusterCommand, extractCommand } from './commands.js'
import { registerFeeds } from './feeds.js'
import { registerIngest } from './ingest.js'
import { registerServe } from './serve.js'
import { registerReprocess } from './reprocess.js'
import { FORMATS, formatOption, REPORT_FORMATS, type Format, type InputOptions, type Io } from './run.js'
import { storiesCommand } from './stories.js'
import { registerWorker } from './worker.js'

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number')
  return n
}

/** `--summary-sentences`: checked when the command line is read, before any input is touched. */
function summarySentences(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 3 || n > 7) throw new InvalidArgumentError('expected a whole number from 3 to 7')
  return n
}

function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim())
  if (!m) throw new InvalidArgumentError('expected a size such as 10MB, 512KB or 1048576')
  const scale: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 }
  return Math.round(Number(m[1]) * scale[(m[2] ?? 'b').toLowerCase()])
}

/** Repeatable options: every value, in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

type Action = (specs: string[], options: InputOptions & { summarySentences?: number }, io: Io) => Promise<number>

const INPUT_HELP = `
Inputs: files, directories (read recursively), globs ('news/**/*.html', quoted), http(s) URLs
(private and loopback addresses refused unless --allow-private) and - for stdin. JSON Lines
exports, WARC archives and RSS/Atom files are read as the articles they hold. Plain text and HTML
are told apart by content, not by file name.

Exit codes: 0 every input worked, 1 some input failed (each is named on stderr), 2 usage error.`

function inputCommand(program: Command, name: string, description: string, action: Action, setResult: (code: number) => void, io: Io, formats: Format[] = FORMATS): Command {
  return program
    .command(name)
    .description(description)
    .argument('[inputs...]', 'files, directories, globs, http(s) URLs, or - for stdin (default: stdin)')
    .addOption(formatOption(formats))
    .option('--published <date>', 'publication date (ISO 8601) for inputs that carry none; anchors "Wednesday" and "last month"')
    .option('--outlet <name>', 'outlet name for inputs that do not name one; input=name (e.g. a.txt=Reuters) names one input\'s outlet whatever it says (repeatable)', collect)
    .option('--max-bytes <size>', 'largest input accepted (e.g. 10MB)', byteSize)
    .option('--threads <n>', 'worker threads for extract and annotate (default: every core, at most 8, for 200 or more files and URLs; cores - 1 for 24 or more inputs) and, in analyze, for building the stories of 200 or more inputs (24 with --threads; default: every core); 1 runs everything in this thread', positiveInt)
    .option('--allow-private', 'let URL inputs reach private and loopback addresses')
    .option('--timeout <ms>', 'time limit per URL input, in ms (default 20000)', positiveInt)
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('-q, --quiet', 'no progress or summary on stderr, only failures')
    .addHelpText('after', INPUT_HELP)
    .action(async (inputs: string[], options: InputOptions & { summarySentences?: number; refine?: boolean }) => {
      setResult(await action(inputs, options, io))
    })
}

const REFINE_HELP = 'the default: after the online pass, re-cluster with the whole batch at hand (topic groups split into events by their own names, dates and numbers; batches up to 3,000 articles)'
const NO_REFINE_HELP = 'the online pass alone, without the batch refinement'

/** Builds the program; `io` is where output goes (tests pass their own streams). */
export function buildProgram(io: Io, setResult: (code: number) => void): Command {
  const program = new Command('parallax')
    .description('Cross-check many outlets\' reports of the same events: quotes, facts, discrepancies, timeline, cited summary.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
  inputCommand(program, 'extract', 'clean text and metadata (outlet, title, authors, dates) per input, with what was removed and why', extractCommand, setResult, io)
  inputCommand(program, 'annotate', 'the clean article plus sentences, entities, quotes with speakers, numbers and dates, as spans', annotateCommand, setResult, io)
  inputCommand(program, 'cluster', 'group the inputs into stories, with why each article joined its story', clusterCommand, setResult, io)
    .option('--refine', REFINE_HELP)
    .option('--no-refine', NO_REFINE_HELP)
  inputCommand(program, 'analyze', 'one cross-checked report per story: entities, quotes, facts, discrepancies, timeline, summary, coverage', analyzeCommand, setResult, io, REPORT_FORMATS)
    .option('--summary-sentences <n>', 'sentences in each summary (3 to 7)', summarySentences, 5)
    .addOption(new Option('--csv <table>', 'with --format csv: the fact x outlet matrix (facts) or one row per outlet\'s wording of each quote (quotes)').choices(['facts', 'quotes']).default('facts'))
    .option('--refine', REFINE_HELP)
    .option('--no-refine', NO_REFINE_HELP)
  storiesCommand(program, io, setResult)
  registerIngest(program, io, setResult)
  registerServe(program, io, setResult)
  registerFeeds(program, io, setResult)
  registerWorker(program, io, setResult)
  registerReprocess(program, io, setResult)
  registerDeadLetters(program, io, setResult)
  return program
}

/**
 * Runs the CLI and returns the exit code (it never calls process.exit, so it can be tested in-process).
 * @example process.exitCode = await main(process.argv)
 */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = 0
  const program = buildProgram(io, (c) => (code = c))
  try {
    await program.parseAsync(argv)
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version end through here with exit code 0
      return error.exitCode === 0 ? 0 : 2
    }
    if (error instanceof ParallaxUsageError) {
      io.stderr.write(`parallax: ${error.message}\n`)
      return 2
    }
    io.stderr.write(`parallax: internal error: ${(error as Error).message}\n`)
    return 1
  }
}
