/**
 * Accuracy of story clustering.
 *
 * - ECB+ (../shared/datasets/ecbplus): each document becomes text from its XML tokens, all the
 *   documents of a split (train, dev) are clustered at once (`clusterArticles` with its defaults:
 *   the online pass, then the batch refinement), undated, and scored with BCubed precision, recall
 *   and F1 against `subtopic_cluster` (each topic holds two events of one kind). One setting (the
 *   defaults) for both splits, chosen on train; the online pass alone is printed beside them.
 * - WikiRef220 (../shared/datasets/wikiref220): 220 articles (cp1252, CRLF); no cluster may mix
 *   two of the five main topics (the noise topics may go anywhere).
 * - BASIL (../shared/datasets/basil, the even years): each event's three articles (Fox, NYT,
 *   HuffPost; title, date and paragraphs from the JSON, not the HTML pages `make_inputs.py` writes)
 *   clustered as one bundle: the share of events in one story, over the 25 gold events and all 50;
 *   the 25 gold events' 75 articles as one mixed bundle (pairwise precision and recall against the
 *   events), and each gold event bundled with the next (the share that come out as two stories).
 *
 * Run alone: `node --import tsx eval/clustering.ts [sharedDir]`.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
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
export function annotatedText(text: string, path: string, title: string | null = null, publishedAt: string | null = null): Annotated {
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16)
  return annotate({ id, source: { kind: 'text', path }, outlet: null, title, authors: [], publishedAt, language: 'en', text, removed: [] })
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

/** BCubed rows for one split: the defaults (online pass, then the batch refinement), and the online pass alone. */
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
    ...rows(assignmentOf(chosen.map((d) => d.article), options), ''),
    ...rows(assignmentOf(chosen.map((d) => d.article), { ...options, refine: false }), ' online pass alone'),
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
  const made = assignmentOf(docs.map((d) => d.article), options)
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
  const mixedOnline = [...mainTopicsOf(assignmentOf(docs.map((d) => d.article), { ...options, refine: false })).values()].filter((s) => s.size > 1).length
  const gold = new Map(docs.filter((d) => WIKIREF_MAIN.has(d.topic)).map((d) => [d.article.id, d.topic]))
  const { precision, recall, f1 } = bcubed(made, gold)
  return [
    { name: 'wikiref220 clusters mixing main topics', value: mixed },
    { name: 'wikiref220 clusters mixing main topics online pass alone', value: mixedOnline },
    // The floor file holds minimums, so purity is also given as the share of clusters that mix none.
    { name: 'wikiref220 clusters pure (%)', value: pct(mainTopics.size === 0 ? 1 : 1 - mixed / mainTopics.size) },
    { name: 'wikiref220 clusters made', value: new Set(made.values()).size },
    { name: 'wikiref220 main-topic BCubed P', value: pct(precision) },
    { name: 'wikiref220 main-topic BCubed R', value: pct(recall) },
    { name: 'wikiref220 main-topic BCubed F1', value: pct(f1) },
  ]
}

interface BasilDoc {
  article: Annotated
  event: string
  gold: boolean
}

/** The BASIL even-year articles with their event (triplet) id and whether the event has a gold file. */
export function loadBasil(sharedDir: string): BasilDoc[] {
  const dir = join(sharedDir, 'datasets', 'basil')
  const goldEvents = new Set(readdirSync(join(dir, 'gold')).flatMap((year) => readdirSync(join(dir, 'gold', year)).map((f) => f.replace(/\.json$/, ''))))
  return readdirSync(join(dir, 'articles')).sort().flatMap((year) =>
    readdirSync(join(dir, 'articles', year)).sort().map((file) => {
      const d = JSON.parse(readFileSync(join(dir, 'articles', year, file), 'utf8')) as { title: string; date: string; 'triplet-uuid': string; 'body-paragraphs': string[][] }
      const text = d['body-paragraphs'].map((p) => p.map((s) => s.trim()).filter(Boolean).join(' ')).filter(Boolean).join('\n\n')
      const article = annotatedText(text, file, d.title.trim(), d.date)
      return { article, event: d['triplet-uuid'], gold: goldEvents.has(d['triplet-uuid']) }
    }),
  )
}

/** One-story shares of single-event bundles, a mixed bundle's pairwise agreement, and two-event bundles split. */
export function scoreBasil(docs: BasilDoc[], options: BatchOptions = {}): Row[] {
  const byEvent = new Map<string, Annotated[]>()
  for (const d of docs) byEvent.set(d.event, [...(byEvent.get(d.event) ?? []), d.article])
  const goldEvents = [...new Set(docs.filter((d) => d.gold).map((d) => d.event))]
  const oneStory = (events: string[]) => events.filter((e) => clusterArticles(byEvent.get(e)!, options).length === 1).length / events.length
  const mixed = docs.filter((d) => d.gold)
  const eventOf = new Map(mixed.map((d) => [d.article.id, d.event]))
  const { precision, recall } = pairwise(assignmentOf(mixed.map((d) => d.article), options), eventOf)
  const twoStories = goldEvents.filter((e, i) => {
    const next = goldEvents[(i + 1) % goldEvents.length]
    return clusterArticles([...byEvent.get(e)!, ...byEvent.get(next)!], options).length === 2
  }).length
  return [
    { name: 'basil gold events in one story (%)', value: pct(oneStory(goldEvents)) },
    { name: 'basil all events in one story (%)', value: pct(oneStory([...byEvent.keys()])) },
    { name: 'basil mixed bundle pairwise precision (%)', value: pct(precision) },
    { name: 'basil mixed bundle pairwise recall (%)', value: pct(recall) },
    { name: 'basil two-event bundles in two stories (%)', value: pct(twoStories / goldEvents.length) },
  ]
}

/** Pairwise precision and recall of `made` (item -> cluster) against `gold` (item -> class). */
function pairwise(made: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { precision: number; recall: number } {
  const items = [...gold.keys()]
  let together = 0
  let same = 0
  let both = 0
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const t = made.get(items[i]) === made.get(items[j])
      const s = gold.get(items[i]) === gold.get(items[j])
      if (t) together++
      if (s) same++
      if (t && s) both++
    }
  }
  return { precision: together === 0 ? 1 : both / together, recall: same === 0 ? 1 : both / same }
}

function pct(x: number): number {
  return Math.round(x * 1000) / 10
}

/** The clustering suite of `npm run eval`. */
export async function evalClustering(sharedDir: string, options: BatchOptions = {}): Promise<{ rows: Row[] }> {
  const ecb = loadEcb(sharedDir)
  const rows = [
    ...scoreEcbSplit(ecb, 'train', options), ...scoreEcbSplit(ecb, 'dev', options), ...scoreWikiRef(loadWikiRef(sharedDir), options),
    ...scoreBasil(loadBasil(sharedDir), options),
  ]
  return { rows }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const sharedDir = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
  void evalClustering(sharedDir).then(({ rows }) => {
    for (const row of rows) console.log(`${row.name}\t${row.value}`)
  })
}
