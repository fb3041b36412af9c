/**
 * `parallax stories`: the user's edits to story clustering, kept in a JSON file (`--edits`), and
 * the stories with those edits applied.
 *
 *   parallax stories merge <target> <other> --edits edits.json
 *   parallax stories split <storyId> <articleId...> --edits edits.json
 *   parallax stories show <inputs...> --edits edits.json [--families families.json] [-f json|md]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import type { PublisherFamilies, StoryEdit } from '../cluster/index.js'
import { ParallaxUsageError } from '../errors.js'
import { CROSS_ARTICLE, exitCodeOf, formatOption, processInputs, successes, write, type InputOptions, type Io } from './run.js'

// Loaded when a stories command runs, not with every command (see ./commands.ts).
const clustering = () => import('../cluster/index.js')

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ParallaxUsageError(`cannot read ${what} ${path}: ${(error as Error).message}`)
  }
}

/** The edits in `path` (none when the file does not exist yet). */
export async function readEdits(path: string | undefined): Promise<StoryEdit[]> {
  if (!path || !existsSync(path)) return []
  return (await clustering()).parseEdits(readJson(path, 'story edits'))
}

async function appendEdit(path: string, edit: StoryEdit, io: Io): Promise<number> {
  const edits = [...(await readEdits(path)), edit]
  writeFileSync(path, JSON.stringify(edits, null, 2) + '\n')
  io.stdout.write(JSON.stringify(edits, null, 2) + '\n')
  return 0
}

type ShowOptions = InputOptions & { edits?: string; families?: string }

/** Clusters the inputs with the edits applied; each story with its independent sources. */
async function show(specs: string[], options: ShowOptions, io: Io): Promise<number> {
  const [{ clusterArticles, DEFAULT_FAMILIES, independentSources, parseFamilies }, { reportArticle }, { renderClustersMarkdown }, { plural }] = await Promise.all([
    clustering(),
    import('../pipeline.js'),
    import('../render/index.js'),
    import('../render/lead.js'),
  ])
  const edits = await readEdits(options.edits)
  const families: PublisherFamilies = options.families ? parseFamilies(readJson(options.families, 'publisher families')) : DEFAULT_FAMILIES
  const outcomes = await processInputs(specs, options, io, 'annotate', CROSS_ARTICLE)
  const articles = [...new Map(successes(outcomes).map((s) => [s.value.id, s.value])).values()]
  const byId = new Map(articles.map((a) => [a.id, a]))
  const stories = clusterArticles(articles, { edits }).map((story) => {
    const sources = independentSources(story, byId, families)
    return { ...story, independentSources: sources.length, sources }
  })
  const output =
    options.format === 'md'
      ? renderClustersMarkdown(stories, byId) + stories.map((s) => `\n- \`${s.id}\`: ${plural(s.articleIds.length, 'article')}, ${plural(s.independentSources, 'independent source')}`).join('') + '\n'
      : JSON.stringify({ schemaVersion: 1, articles: articles.map(reportArticle), stories, edits }, null, 2) + '\n'
  if (outcomes.length === 0) io.stderr.write('parallax: no input found\n')
  await write(io.stdout, output)
  return exitCodeOf(outcomes)
}

/** Adds `parallax stories` and its subcommands to the program. */
export function storiesCommand(program: Command, io: Io, setResult: (code: number) => void): Command {
  const stories = program.command('stories').description('merge or split stories (edits kept in a JSON file) and show the stories with the edits applied')
  const editsOption = () => new Option('--edits <file>', 'JSON file of story edits (created when missing)').makeOptionMandatory()
  stories
    .command('merge')
    .description('merge <other> into <target> (the target keeps its id; later articles respect it)')
    .argument('<target>', 'story id that stays')
    .argument('<other>', 'story id merged into it')
    .addOption(editsOption())
    .action(async (target: string, other: string, options: { edits: string }) => {
      const [edit] = (await clustering()).parseEdits([{ op: 'merge', storyIds: [target, other] }])
      setResult(await appendEdit(options.edits, edit, io))
    })
  stories
    .command('split')
    .description('move articles out of a story into a story of their own, kept apart from it')
    .argument('<storyId>', 'story id the articles leave')
    .argument('<articleIds...>', 'article ids that leave')
    .addOption(editsOption())
    .action(async (storyId: string, articleIds: string[], options: { edits: string }) => {
      const [edit] = (await clustering()).parseEdits([{ op: 'split', storyId, articleIds }])
      setResult(await appendEdit(options.edits, edit, io))
    })
  stories
    .command('show')
    .description('group the inputs into stories with the edits applied, with independent sources per story')
    .argument('[inputs...]', 'files, directories, globs, or - for stdin (default: stdin)')
    .addOption(formatOption(['json', 'md']))
    .option('--edits <file>', 'JSON file of story edits')
    .option('--families <file>', 'JSON publisher families table: { "Family": { "outlets": [...], "domains": [...] } }')
    .option('--published <date>', 'publication date (ISO 8601) for inputs that carry none')
    .option('--outlet <name>', 'outlet name for inputs that do not name one')
    .option('-q, --quiet', 'no progress or summary on stderr, only failures')
    .action(async (inputs: string[], options: ShowOptions) => setResult(await show(inputs, options, io)))
  return stories
}
