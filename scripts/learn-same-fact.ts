/**
 * `node --import tsx scripts/learn-same-fact.ts [trainFile] [outFile]`: learns the same-fact judge
 * from the MRPC training pairs (default ../shared/datasets/mrpc/msr_paraphrase_train.txt) and writes
 * src/compare/same-fact-model.json. Deterministic: the same file gives the same bytes.
 */
import { writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MRPC_TRAIN, preparePairs, readMrpc } from '../eval/mrpc.js'
import { learnSameFact } from '../src/compare/same-fact-learn.js'

const here = dirname(fileURLToPath(import.meta.url))
const sharedDir = process.env.PARALLAX_SHARED ?? resolve(here, '../../shared')
const [trainFile = resolve(sharedDir, MRPC_TRAIN), outFile = resolve(here, '../src/compare/same-fact-model.json')] = process.argv.slice(2)

const started = Date.now()
const pairs = preparePairs(readMrpc(trainFile))
const model = learnSameFact(pairs)
const json = JSON.stringify(model)
writeFileSync(outFile, `${json}\n`)
console.log(
  `learn-same-fact: ${pairs.length} pairs -> ${outFile} (${(json.length / 1024).toFixed(0)} KiB, ` +
    `${Object.keys(model.lexicon.words).length} words, ${model.trees.length} trees, threshold ${model.threshold}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
)
