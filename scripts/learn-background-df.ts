/**
 * Learns the background document frequencies clustering blends with a batch's own counts
 * (src/cluster/background-df.json; see src/cluster/background.ts): the share of public news texts
 * that use each clustering term, counted as the clusterer counts them (`termVector`: the 150 most
 * frequent content terms of each text). Deterministic: files are read in sorted order and the table
 * is written sorted.
 *
 * Learned from training parts only, never from what clustering is measured on:
 * - PolNeAR train (US political news, 2016; `polnear/data/train/text`);
 * - the article bodies of the extraction benchmark (`aeb/ground-truth.json`, general web news);
 * - the TempEval-3 training documents (TimeBank and AQUAINT newswire, 1989-2000; their `TEXT`,
 *   tags stripped). They measure date finding, which these counts do not touch.
 * Not used: BASIL (the even years measure one-story bundles, the odd years are held back), ECB+ (its
 * train and dev splits are what the clustering eval scores; topics 36-45 are held back), PolNeAR
 * dev and test, WikiRef220 (scored for topic purity).
 *
 * Usage: `node --import tsx scripts/learn-background-df.ts [sharedDir] [--min-df N]`
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_MAX_TERMS } from '../src/cluster/clusterer.js'
import { BACKGROUND_FORMAT, type BackgroundTable } from '../src/cluster/background.js'
import { termVector } from '../src/cluster/features.js'
import { words } from '../src/cluster/terms.js'

interface Text {
  title: string | null
  body: string
}

function polnearTrain(datasets: string): Text[] {
  const dir = join(datasets, 'polnear', 'data', 'train', 'text')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ title: null, body: readFileSync(join(dir, f), 'utf8') }))
}

function aebBodies(datasets: string): Text[] {
  const truth = JSON.parse(readFileSync(join(datasets, 'aeb', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>
  return Object.keys(truth)
    .sort()
    .map((k) => ({ title: null, body: truth[k].articleBody ?? '' }))
    .filter((t) => t.body.length > 0)
}

function tempevalTraining(datasets: string): Text[] {
  const out: Text[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, name.name)
      if (name.isDirectory()) walk(path)
      else if (name.name.endsWith('.tml')) {
        const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(readFileSync(path, 'utf8'))?.[1] ?? ''
        out.push({ title: null, body: text.replace(/<[^>]+>/g, '') })
      }
    }
  }
  walk(join(datasets, 'tempeval3', 'Training'))
  return out
}

/** Document frequencies of the texts' clustering terms, terms used by fewer than `minDf` texts left out. */
export function learn(sources: Record<string, Text[]>, minDf: number): BackgroundTable {
  const df = new Map<string, number>()
  let documents = 0
  for (const texts of Object.values(sources)) {
    for (const { title, body } of texts) {
      documents++
      for (const term of termVector(title, words(body), DEFAULT_MAX_TERMS).keys()) df.set(term, (df.get(term) ?? 0) + 1)
    }
  }
  const kept = [...df].filter(([, n]) => n >= minDf).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return {
    format: BACKGROUND_FORMAT,
    documents,
    minDf,
    sources: Object.fromEntries(Object.entries(sources).map(([name, texts]) => [name, texts.length])),
    terms: kept.map(([t]) => t).join(' '),
    df: kept.map(([, n]) => n),
  }
}

const args = process.argv.slice(2)
const minAt = args.indexOf('--min-df')
const minDf = minAt >= 0 ? Number(args.splice(minAt, 2)[1]) : 3
const sharedDir = args[0] ?? resolve(fileURLToPath(import.meta.url), '../../../shared')
const datasets = join(sharedDir, 'datasets')
const table = learn({ 'polnear train': polnearTrain(datasets), 'aeb ground truth': aebBodies(datasets), 'tempeval3 training': tempevalTraining(datasets) }, minDf)
const out = fileURLToPath(new URL('../src/cluster/background-df.json', import.meta.url))
writeFileSync(out, JSON.stringify(table) + '\n')
console.log(`${out}: ${table.df.length} terms from ${table.documents} texts (min df ${minDf})`)
