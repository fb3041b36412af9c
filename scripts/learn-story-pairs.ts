/**
 * Learns the story pair model fact alignment asks about claim pairs its similarity alone does not
 * join (src/compare/same-fact-story.ts), into src/compare/same-fact-story-model.json.
 *
 * Learned from the BASIL gold events of 2010-2014 only (../shared/datasets/basil): each event's
 * three articles are extracted and annotated as `npm run eval -- compare` does, split into claims,
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
 * Usage: `node --import tsx scripts/learn-story-pairs.ts [sharedDir] [outFile] [--cv]`
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

const here = dirname(fileURLToPath(import.meta.url))
const cv = process.argv.includes('--cv')
const [sharedDir = process.env.PARALLAX_SHARED ?? resolve(here, '../../shared'), outFile = resolve(here, '../src/compare/same-fact-story-model.json')] = process.argv.slice(2).filter((a) => a !== '--cv')
const LAST_YEAR = 2014
// Small on purpose: about 500 positive pairs from 15 events.
const OPTIONS = { trees: 200, depth: 3, learningRate: 0.05, minLeaf: 20, subsample: 0.7 }

const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' ',
}

/** score.py's `normalise`: lower case, quotes, dashes and white space unified, with each character's offset. */
function normalise(text: string): { norm: string; where: number[] } {
  let norm = ''
  const where: number[] = []
  let space = false
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    const at = i
    i += ch.length
    if (/\s/u.test(ch)) {
      if (!space && norm.length > 0) (norm += ' '), where.push(at)
      space = true
      continue
    }
    space = false
    for (const c of [...ch.normalize('NFKC')].map((c) => QUOTES[c] ?? c).join('').toLowerCase()) (norm += c), where.push(at)
  }
  return { norm, where }
}

/** score.py's `locate`: the span of `needle` in the text, or null. */
function locate({ norm, where }: { norm: string; where: number[] }, needle: string): [number, number] | null {
  let n = normalise(needle).norm.trim()
  if (n.length < 3) return null
  let k = norm.indexOf(n)
  if (k < 0) {
    n = n.replace(/^[ "'.,;:]+|[ "'.,;:]+$/g, '')
    k = n.length >= 3 ? norm.indexOf(n) : -1
    if (k < 0) return null
  }
  return [where[k], where[k + n.length - 1] + 1]
}

/** score.py's `overlaps`: by at least a third of the shorter span. */
function overlaps(a: readonly number[], b: readonly number[]): boolean {
  const lo = Math.max(a[0], b[0])
  const hi = Math.min(a[1], b[1])
  return hi > lo && hi - lo >= Math.min(a[1] - a[0], b[1] - b[0]) / 3
}

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
function crossValidate(x: number[][], y: number[], eventOf: number[], events: number): void {
  // Asked from ASKED_FROM of the similarity or of the similarity counting synonyms as shared.
  const asked = (k: number) => (x[k][0] >= ASKED_FROM || x[k][SOFT] >= SOFT_FROM) && x[k][0] < THRESHOLD
  const tally = (modelOf: (k: number) => Pick<SameFactModel, 'bias' | 'depth' | 'trees'>) => {
    let joined = 0, right = 0, positives = 0
    const ranked: [number, number][] = []
    for (let k = 0; k < x.length; k++) {
      if (!asked(k)) continue
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
  console.log(`  in-sample (the shipped model):   ${tally(() => all)}`)
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
  const inputs = join(work, 'in')
  const run = spawnSync('python3', [join(basil, 'make_inputs.py'), join(basil, 'articles'), gold, inputs], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`learn-story-pairs: make_inputs.py failed: ${run.stderr || run.error?.message}`)
  const x: number[][] = []
  const y: number[] = []
  // The event of each pair, for leave-one-event-out.
  const eventOf: number[] = []
  let events = 0
  for (const year of readdirSync(gold).sort()) {
    for (const file of readdirSync(join(gold, year)).sort()) {
      const event = file.replace(/\.json$/, '')
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
          const span = article && words ? locate(normalise(article.text), words) : null
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
    crossValidate(x, y, eventOf, events)
    process.exit(0)
  }
  const model = { features: STORY_PAIR_FEATURES, ...boostTrees(x, y, OPTIONS) }
  writeFileSync(outFile, `${JSON.stringify(model)}\n`)
  const positive = y.reduce((s, v) => s + v, 0)
  console.log(`learn-story-pairs: ${x.length} claim pairs (${positive} same fact) -> ${outFile}, ${model.trees.length} trees, in ${((Date.now() - started) / 1000).toFixed(1)} s`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
