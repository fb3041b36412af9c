/**
 * Learns the story pair model fact alignment asks about claim pairs its similarity alone does not
 * join (src/compare/same-fact-story.ts), into src/compare/same-fact-story-model.json.
 *
 * Learned from BASIL events of 2010-2014 only: the shared gold's (../shared/datasets/basil/gold)
 * and our own annotations of the other 2010-2014 events, made by the same guidelines' facts part
 * (data/basil-shared-facts, offsets into the articles: scripts/pack-shared-facts.ts); with
 * `--gold-only`, the shared gold's alone. Our 2016-2018 annotations (data/basil-shared-facts-unseen)
 * are never read here: the compare eval scores them as a collection the model never saw. Each event's three articles are extracted and annotated as `npm run eval -- compare` does, split into claims,
 * and every pair of claims of two outlets that shares a feature is labelled by the gold: same fact
 * when one gold fact's words in those two outlets overlap both claims (by the scorer's rule, a
 * third of the shorter span). The 2016-2018 gold events are not read: the compare eval scores them
 * as the half this model never saw. The odd years are held back and not in the shared folder.
 * Deterministic: the same files give the same bytes.
 *
 * With `--cv`, nothing is written: each event's pairs are scored by a model learned on the other
 * events (leave one event out), the honest estimate of how the model does on an event it never
 * saw, at the probability fact alignment joins by (`pairProbability`), over the pairs it decides
 * (similarity from 0.1 to under the threshold).
 *
 * Usage: `node --import tsx scripts/learn-story-pairs.ts [sharedDir] [outFile] [--cv] [--gold-only]`
 * (no arguments: the shipped model, byte for byte).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { articleClaims } from '../src/compare/claims.js'
import { claimPairScores, STORY_PAIR_PROBABILITY } from '../src/compare/facts.js'
import { STORY_PAIR_FEATURES } from '../src/compare/same-fact-story.js'
import { boostTrees } from '../src/compare/same-fact-learn.js'
import { treeProbability, type SameFactModel } from '../src/compare/same-fact.js'
import type { Annotated } from '../src/types.js'
import { findWords, overlaps, packedGold } from './shared-facts.js'

const here = dirname(fileURLToPath(import.meta.url))
const cv = process.argv.includes('--cv')
// Our annotations of 15 more 2010-2014 events join the gold unless asked not to (since 2026-12-07:
// on both unseen collections the model with them is better in precision and recall).
if (process.argv.includes('--with-ours')) console.error('learn-story-pairs: --with-ours is the default now (--gold-only leaves them out)')
const withOurs = !process.argv.includes('--gold-only')
const [sharedDir = process.env.PARALLAX_SHARED ?? resolve(here, '../../shared'), outFile = resolve(here, '../src/compare/same-fact-story-model.json')] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const LAST_YEAR = 2014
// Our annotations of the 2010-2014 events the shared gold leaves out (scripts/pack-shared-facts.ts).
const OURS = resolve(here, '../data/basil-shared-facts')
// Small on purpose: about 960 positive pairs from 30 events.
const OPTIONS = { trees: 200, depth: 3, learningRate: 0.05, minLeaf: 20, subsample: 0.7 }

interface GoldFact {
  reports?: Record<string, string | null>
}

// What fact alignment asks the model about: pairs from this similarity (or SOFT_FROM of it counting
// synonyms as shared) to under the threshold, joined at this probability (facts.ts:
// STORY_MODEL_FROM, SOFT_MODEL_FROM, threshold, pairProbability).
const ASKED_FROM = 0.1
const THRESHOLD = 0.45
const JOIN_AT = STORY_PAIR_PROBABILITY
const SOFT_FROM = 0.25
const SOFT = STORY_PAIR_FEATURES.indexOf('soft similarity')

/**
 * Leave one event out: each event's pairs scored by a model of the others; prints precision and
 * recall of the joins, beside the same for the model learned on all events (in-sample).
 */
function crossValidate(x: number[][], y: number[], eventOf: number[], events: number, goldEvents: ReadonlySet<number>): void {
  // Asked from ASKED_FROM of the similarity or of the similarity counting synonyms as shared.
  const asked = (k: number) => (x[k][0] >= ASKED_FROM || x[k][SOFT] >= SOFT_FROM) && x[k][0] < THRESHOLD
  const tally = (modelOf: (k: number) => Pick<SameFactModel, 'bias' | 'depth' | 'trees'>, only?: ReadonlySet<number>) => {
    let joined = 0, right = 0, positives = 0
    const ranked: [number, number][] = []
    for (let k = 0; k < x.length; k++) {
      if (!asked(k) || (only && !only.has(eventOf[k]))) continue
      positives += y[k]
      const p = treeProbability(modelOf(k), x[k])
      ranked.push([p, y[k]])
      if (p >= JOIN_AT) (joined++, (right += y[k]))
    }
    // Average precision over the ranking: how well the model orders pairs, whatever the join probability.
    ranked.sort((a, b) => b[0] - a[0])
    let hits = 0, ap = 0
    ranked.forEach(([, label], r) => {
      if (label) ap += ++hits / (r + 1)
    })
    const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0')
    return `joins ${joined}: precision ${pct(right, joined)}%, recall ${pct(right, positives)}% of ${positives} same-fact pairs; average precision ${pct(ap, positives)}%`
  }
  const heldOut = Array.from({ length: events }, (_, e) => {
    const train = x.flatMap((_, k) => (eventOf[k] === e ? [] : [k]))
    return boostTrees(train.map((k) => x[k]), train.map((k) => y[k]), OPTIONS)
  })
  const all = boostTrees(x, y, OPTIONS)
  console.log(`learn-story-pairs --cv: of the pairs under the threshold the model reads (similarity ${ASKED_FROM} to ${THRESHOLD}), at probability ${JOIN_AT}`)
  console.log(`  leave one of ${events} events out: ${tally((k) => heldOut[eventOf[k]])}`)
  if (goldEvents.size < events) console.log(`    of which the ${goldEvents.size} shared-gold events: ${tally((k) => heldOut[eventOf[k]], goldEvents)}`)
  console.log(`  in-sample (the model it writes): ${tally(() => all)}`)
}

const basil = join(sharedDir, 'datasets/basil')
const work = mkdtempSync(join(tmpdir(), 'parallax-story-pairs-'))
const started = Date.now()
try {
  const gold = join(work, 'gold')
  for (const year of readdirSync(join(basil, 'gold')).filter((y) => Number(y) <= LAST_YEAR)) {
    mkdirSync(join(gold, year), { recursive: true })
    for (const file of readdirSync(join(basil, 'gold', year))) writeFileSync(join(gold, year, file), readFileSync(join(basil, 'gold', year, file)))
  }
  // Our own annotations of other 2010-2014 events (data/basil-shared-facts), written beside the gold.
  const ours = new Set<string>()
  for (const packed of withOurs ? packedGold(OURS, basil) : []) {
    if (Number(packed.year) > LAST_YEAR) throw new Error(`learn-story-pairs: ${packed.event}: only events up to ${LAST_YEAR} train the model`)
    mkdirSync(join(gold, packed.year), { recursive: true })
    writeFileSync(join(gold, packed.year, `${packed.event}.json`), JSON.stringify(packed.gold))
    ours.add(packed.event)
  }
  const inputs = join(work, 'in')
  const run = spawnSync('python3', [join(basil, 'make_inputs.py'), join(basil, 'articles'), gold, inputs], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`learn-story-pairs: make_inputs.py failed: ${run.stderr || run.error?.message}`)
  const x: number[][] = []
  const y: number[] = []
  // The event of each pair, for leave-one-event-out.
  const eventOf: number[] = []
  let events = 0
  // Events of the shared gold (not ours), by index, for the cross-validation's comparable line.
  const goldEvents = new Set<number>()
  for (const year of readdirSync(gold).sort()) {
    for (const file of readdirSync(join(gold, year)).sort()) {
      const event = file.replace(/\.json$/, '')
      if (!ours.has(event)) goldEvents.add(events)
      const dir = join(inputs, event)
      const byOutlet = new Map<string, Annotated>()
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name)
        const outlet = /_(fox|nyt|hpo)\.[a-z]+$/.exec(name)?.[1]
        if (outlet) byOutlet.set(outlet, annotate(extractArticle({ source: { kind: 'html', path }, bytes: readFileSync(path) })))
      }
      const articles = [...byOutlet.values()]
      const spans: { articleId: string; span: [number, number] }[][] = []
      const facts = (JSON.parse(readFileSync(join(gold, year, file), 'utf8')) as { facts?: GoldFact[] }).facts ?? []
      for (const fact of facts) {
        const located = Object.entries(fact.reports ?? {}).flatMap(([outlet, words]) => {
          const article = byOutlet.get(outlet)
          const span = article && words ? findWords(article.text, words) : null
          return span && article ? [{ articleId: article.id, span }] : []
        })
        if (located.length >= 2) spans.push(located)
      }
      const claims = articles.flatMap((a) => articleClaims(a))
      const scores = claimPairScores(claims)
      const hits = claims.map((c) => spans.map((fact) => fact.some((s) => s.articleId === c.articleId && overlaps(c.span, s.span))))
      for (let i = 0; i < claims.length; i++) {
        for (let j = i + 1; j < claims.length; j++) {
          if (claims[i].articleId === claims[j].articleId) continue
          // Learned from the pairs that share a feature (the inverted index in facts.ts proposes them;
          // it also proposes pairs sharing only a concept, but on the 2010-2014 events those are
          // about 2,000 pairs of different facts for 12 of one, which drown the rest).
          const features = scores.features(i, j)
          if (features[1] <= 0) continue
          x.push(features)
          y.push(spans.some((_, k) => hits[i][k] && hits[j][k]) ? 1 : 0)
          eventOf.push(events)
        }
      }
      events++
    }
  }
  if (cv) {
    crossValidate(x, y, eventOf, events, goldEvents)
    process.exit(0)
  }
  const model = { features: STORY_PAIR_FEATURES, ...boostTrees(x, y, OPTIONS) }
  writeFileSync(outFile, `${JSON.stringify(model)}\n`)
  const positive = y.reduce((s, v) => s + v, 0)
  console.log(`learn-story-pairs: ${x.length} claim pairs (${positive} same fact) -> ${outFile}, ${model.trees.length} trees, in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
