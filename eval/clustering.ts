/**
 * Accuracy of story clustering.
 *
 * - ECB+ (../shared/datasets/ecbplus): each document becomes text from its XML tokens, all the
 *   documents of a split (train, dev) are clustered at once (`clusterArticles`: the online pass,
 *   then the batch refinement), undated, and scored with BCubed precision, recall and F1 against
 *   `subtopic_cluster` (each topic holds two events of one kind). One setting (the defaults) for
 *   both splits, chosen on train.
 * - WikiRef220 (../shared/datasets/wikiref220): 220 articles (cp1252, CRLF); no cluster may mix
 *   two of the five main topics (the noise topics may go anywhere).
 *
 * Run alone: `node --import tsx eval/clustering.ts [sharedDir]`.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { clusterArticles, type BatchOptions } from '../src/cluster/index.js'
import { annotate } from '../src/enrich/index.js'
import type { Annotated } from '../src/types.js'

interface Row {
  name: string
  value: number
}

const TOKEN_RE = /<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }
/** Tokens written without a space before them (closing punctuation, clitics). */
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|")$/i
const NO_SPACE_AFTER = /^[([{$]$/

/** The document's text: tokens joined with the usual spacing, one line per sentence. */
export function ecbText(xml: string): string {
  const lines: string[] = []
  let current = -1
  let line = ''
  let glue = false
  for (const m of xml.matchAll(TOKEN_RE)) {
    const sentence = Number(m[1])
    const token = m[2].replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e)
    if (sentence !== current) {
      if (line) lines.push(line)
      line = ''
      current = sentence
    } else if (!glue && !NO_SPACE_BEFORE.test(token)) line += ' '
    line += token
    glue = NO_SPACE_AFTER.test(token)
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

/** An annotated article from plain text (no extraction: the datasets hold clean text already). */
export function annotatedText(text: string, path: string): Annotated {
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16)
  return annotate({ id, source: { kind: 'text', path }, outlet: null, title: null, authors: [], publishedAt: null, language: 'en', text, removed: [] })
}

/** BCubed precision and recall of `made` (item -> cluster) against `gold` (item -> class), over gold's items. */
export function bcubed(made: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { precision: number; recall: number; f1: number } {
  const byMade = groupBy(made)
  const byGold = groupBy(gold)
  let p = 0
  let r = 0
  for (const [item, g] of gold) {
    const m = made.get(item)
    const mates = m === undefined ? [item] : byMade.get(m)!
    const golds = byGold.get(g)!
    const correct = mates.filter((x) => gold.get(x) === g).length
    p += correct / mates.length
    r += correct / golds.length
  }
  const precision = p / gold.size
  const recall = r / gold.size
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}

function groupBy(labels: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [item, label] of labels) {
    const list = out.get(label)
    if (list) list.push(item)
    else out.set(label, [item])
  }
  return out
}

/** Article id -> story id. */
function assignmentOf(articles: Annotated[], options: BatchOptions): Map<string, string> {
  const out = new Map<string, string>()
  for (const story of clusterArticles(articles, options)) for (const id of story.articleIds) out.set(id, story.id)
  return out
}

interface EcbDoc {
  article: Annotated
  gold: string
  split: string
}

/** The ECB+ documents with their gold subtopic cluster and split. */
export function loadEcb(sharedDir: string): EcbDoc[] {
  const dir = join(sharedDir, 'datasets', 'ecbplus')
  const rows = readFileSync(join(dir, 'doc_clusters.tsv'), 'utf8').trim().split('\n').slice(1)
  return rows.map((row) => {
    const [file, , gold, split] = row.split('\t')
    return { article: annotatedText(ecbText(readFileSync(join(dir, file), 'utf8')), file), gold, split: split.trim() }
  })
}

/** BCubed rows for one split: the default (online) setting, and with the batch refinement (`--refine`). */
export function scoreEcbSplit(docs: EcbDoc[], split: string, options: BatchOptions = {}): Row[] {
  const chosen = docs.filter((d) => d.split === split)
  const gold = new Map(chosen.map((d) => [d.article.id, d.gold]))
  const rows = (made: Map<string, string>, label: string): Row[] => {
    const { precision, recall, f1 } = bcubed(made, gold)
    return [
      { name: `ecb+ ${split} BCubed P${label}`, value: pct(precision) },
      { name: `ecb+ ${split} BCubed R${label}`, value: pct(recall) },
      { name: `ecb+ ${split} BCubed F1${label}`, value: pct(f1) },
      { name: `ecb+ ${split} clusters made${label}`, value: new Set(made.values()).size },
    ]
  }
  return [
    ...rows(assignmentOf(chosen.map((d) => d.article), { ...options, refine: false }), ''),
    ...rows(assignmentOf(chosen.map((d) => d.article), { ...options, refine: true }), ' with --refine'),
    { name: `ecb+ ${split} clusters gold`, value: new Set(gold.values()).size },
  ]
}

const WIKIREF_MAIN = new Set(['ParisAttacks2015', 'premier.league', 'malaysia.airlines.flight', 'samsung.galaxy.s5', 'michelle.obama'])

interface WikiDoc {
  article: Annotated
  topic: string
}

/** The WikiRef220 articles (decoded from cp1252, CRLF to LF) with their topic label. */
export function loadWikiRef(sharedDir: string): WikiDoc[] {
  const dir = join(sharedDir, 'datasets', 'wikiref220')
  const decoder = new TextDecoder('windows-1252')
  const rows = readFileSync(join(dir, 'labels.tsv'), 'utf8').trim().split(/\r?\n/)
  return rows.map((row) => {
    const [file, topic] = row.split('\t')
    const text = decoder.decode(readFileSync(join(dir, 'WikiRef220', file))).replace(/\r\n?/g, '\n')
    return { article: annotatedText(text, file), topic: topic.trim() }
  })
}

/** Clusters mixing two main topics (must be 0), clusters made, and BCubed over the main-topic articles. */
export function scoreWikiRef(docs: WikiDoc[], options: BatchOptions = {}): Row[] {
  const made = assignmentOf(docs.map((d) => d.article), { ...options, refine: false })
  const topicOf = new Map(docs.map((d) => [d.article.id, d.topic]))
  const mainTopicsOf = (assignment: Map<string, string>) => {
    const out = new Map<string, Set<string>>()
    for (const [id, story] of assignment) {
      const topic = topicOf.get(id)!
      if (!WIKIREF_MAIN.has(topic)) continue
      const set = out.get(story) ?? new Set()
      set.add(topic)
      out.set(story, set)
    }
    return out
  }
  const mainTopics = mainTopicsOf(made)
  const mixed = [...mainTopics.values()].filter((s) => s.size > 1).length
  const mixedRefined = [...mainTopicsOf(assignmentOf(docs.map((d) => d.article), { ...options, refine: true })).values()].filter((s) => s.size > 1).length
  const gold = new Map(docs.filter((d) => WIKIREF_MAIN.has(d.topic)).map((d) => [d.article.id, d.topic]))
  const { precision, recall, f1 } = bcubed(made, gold)
  return [
    { name: 'wikiref220 clusters mixing main topics', value: mixed },
    { name: 'wikiref220 clusters mixing main topics with --refine', value: mixedRefined },
    // The floor file holds minimums, so purity is also given as the share of clusters that mix none.
    { name: 'wikiref220 clusters pure (%)', value: pct(mainTopics.size === 0 ? 1 : 1 - mixed / mainTopics.size) },
    { name: 'wikiref220 clusters made', value: new Set(made.values()).size },
    { name: 'wikiref220 main-topic BCubed P', value: pct(precision) },
    { name: 'wikiref220 main-topic BCubed R', value: pct(recall) },
    { name: 'wikiref220 main-topic BCubed F1', value: pct(f1) },
  ]
}

function pct(x: number): number {
  return Math.round(x * 1000) / 10
}

/** The clustering suite of `npm run eval`. */
export async function evalClustering(sharedDir: string, options: BatchOptions = {}): Promise<{ rows: Row[] }> {
  const ecb = loadEcb(sharedDir)
  const rows = [...scoreEcbSplit(ecb, 'train', options), ...scoreEcbSplit(ecb, 'dev', options), ...scoreWikiRef(loadWikiRef(sharedDir), options)]
  return { rows }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const sharedDir = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
  void evalClustering(sharedDir).then(({ rows }) => {
    for (const row of rows) console.log(`${row.name}\t${row.value}`)
  })
}
