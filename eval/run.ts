/**
 * `npm run eval [-- <suite>...]`: accuracy against ../shared/datasets. Prints one table per suite,
 * with the published numbers to compare against, and exits 1 when a score is under its floor in
 * eval/floors.json.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evalClustering } from './clustering.js'
import { evalDates } from './dates.js'
import { evalExtraction } from './extraction.js'
import { evalQuotes } from './quotes.js'

interface Row {
  name: string
  value: number
}

type Suite = (sharedDir: string) => Promise<{ rows: Row[] }>

/** Published figures printed beside ours, so a score reads against what it has to beat. */
const REFERENCES: Record<string, string> = {
  'tempeval3 value F1': 'HeidelTime 77.6, SUTime 67.4',
  'ecb+ dev BCubed F1': 'TF-IDF cosine + average link, threshold tuned on dev: about 88 (target 93)',
  'ecb+ train BCubed F1': 'target 93 with the dev setting',
  'wikiref220 clusters mixing main topics': 'must be 0',
  'basil gold events in one story (%)': 'target 95 (0.2.0: 60, by make_inputs.py pages and analyze)',
  'basil mixed bundle pairwise precision (%)': 'must stay 100: a bundle of several events splits',
  'aeb F1': 'rs_trafilatura 0.970, go_trafilatura 0.960, trafilatura 0.958, Readability.js 0.947 (target 0.975)',
  'aeb pages readability_js gets right kept %': 'must be 100',
  'readability-pages extracted without crash': 'all 130',
  'polnear dev quote F1 @0.3': 'Gender Gap Tracker (en) 83.7; datasets README gives the every-quoted-stretch baseline as 93.9 (our scorer: the baseline rows) (target 97)',
  'polnear dev quote F1 @0.8': 'Gender Gap Tracker (en) 76.1; datasets README gives the every-quoted-stretch baseline as 93.6 (our scorer: the baseline rows) (target 96)',
  'polnear dev speaker accuracy': 'Gender Gap Tracker (en) speaker match 86.5; Citron (PARC 3.0) source F1 82.0 (target 92)',
  'polnear train quote F1 @0.3': 'Gender Gap Tracker (en) 83.7',
  'polnear train quote F1 @0.8': 'Gender Gap Tracker (en) 76.1',
  'polnear train speaker accuracy': 'Gender Gap Tracker (en) 86.5',
}

const SUITES: Record<string, Suite> = { dates: evalDates, clustering: evalClustering, extraction: evalExtraction, quotes: evalQuotes }

const here = dirname(fileURLToPath(import.meta.url))
const sharedDir = process.env.PARALLAX_SHARED ?? resolve(here, '../../shared')
const floors = JSON.parse(readFileSync(resolve(here, 'floors.json'), 'utf8')) as Record<string, Record<string, number>>

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(name in SUITES))
if (unknown.length > 0) {
  console.error(`eval: unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}`)
  process.exit(2)
}

let failed = 0
for (const name of asked.length > 0 ? asked : Object.keys(SUITES)) {
  const { rows } = await SUITES[name](sharedDir)
  console.log(`\n${name}\n`)
  console.log('| metric | Parallax | floor | published |\n|---|---|---|---|')
  for (const row of rows) {
    const floor = floors[name]?.[row.name]
    const under = floor !== undefined && row.value < floor
    if (under) failed++
    console.log(`| ${row.name} | ${row.value}${under ? ' (UNDER FLOOR)' : ''} | ${floor ?? ''} | ${REFERENCES[row.name] ?? ''} |`)
  }
}
if (failed > 0) {
  console.error(`\neval: ${failed} score(s) under the floor in eval/floors.json`)
  process.exit(1)
}
