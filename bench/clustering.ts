/**
 * `npm run bench -- clustering [--articles N]`: online story assignment on a generated stream
 * (default 200,000 articles, about 8 per event, many outlets, names shared between events). Prints
 * articles per second on one core (by wall time and by the process's CPU time, which a busy shared
 * machine disturbs less), the cost per article over the first and the last 10,000 and their ratio
 * (and every slice's), the postings read per article, peak RSS, the heap the clusterer keeps per
 * open article after a full GC, and how well the stories match the generated events (BCubed F1),
 * so a faster assignment that groups worse shows up here too.
 */
import { createHash } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { StoryClusterer, type ClusterOptions } from '../src/cluster/index.js'
import { articleFeatures, type ArticleFeatures } from '../src/cluster/features.js'
import type { Annotated, EntityMention } from '../src/types.js'

const SLICE = 10_000
/** Articles whose features are computed before they are assigned as one timed block (bounds what is held). */
const BLOCK = 1_000
const HOUR = 3_600_000

/** mulberry32: seeded, so the same stream every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sa', 'dri', 'ne', 'pol', 'gu', 'ber', 'an', 'sto', 'fi', 'mar', 'lek', 'ush', 'ob', 'zen']
const KINDS = ['earthquake', 'election', 'strike', 'merger', 'trial', 'summit', 'flood', 'fire', 'transfer', 'protest', 'launch', 'scandal']
const COMMON = 'officials said the government would review the decision after reports that several groups had raised concerns about the plan and its cost to local residents in the region'.split(' ')

function word(rand: () => number, parts = 3): string {
  let w = ''
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)]
  return w
}

interface Event {
  kind: string
  people: string[]
  place: string
  terms: string[]
  day: string
  count: number
  time: number
}

/** Names come from pools much smaller than the number of events, so events share names. */
function makeEvent(rand: () => number, people: string[], places: string[], time: number): Event {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  return {
    kind: pick(KINDS),
    people: [pick(people), pick(people), pick(people)],
    place: pick(places),
    terms: Array.from({ length: 6 }, () => word(rand)),
    day: new Date(time).toISOString().slice(0, 10),
    count: 0,
    time,
  }
}

function mention(text: string, name: string, type: EntityMention['type']): EntityMention {
  const at = text.indexOf(name)
  return { span: [at, at + name.length], type, name, via: 'name', stage: 'bench' }
}

/** One article of the event: its words, a share of common filler, and its entities, date and number. */
function article(rand: () => number, e: Event, n: number, outlets: string[]): Annotated {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const words: string[] = []
  for (let i = 0; i < 120; i++) words.push(rand() < 0.35 ? pick(e.terms) : rand() < 0.5 ? pick(COMMON) : word(rand, 2))
  const lead = `${e.people[0]} and ${e.people[1]} in ${e.place}: ${e.kind} on ${e.day}, ${e.people[2]} said ${n + 3} were hurt.`
  const text = `${lead} ${words.join(' ')}.`
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16)
  const numberAt = text.indexOf(String(n + 3))
  const dateAt = text.indexOf(e.day)
  return {
    id, source: { kind: 'text' }, outlet: { name: pick(outlets) }, title: `${e.kind} in ${e.place}`, authors: [],
    publishedAt: new Date(e.time + e.count * HOUR).toISOString(), language: 'en', text, removed: [], sentences: [[0, text.length]],
    entities: [...e.people.map((p) => mention(text, p, 'person')), mention(text, e.place, 'place')],
    quotes: [],
    numbers: [{ span: [numberAt, numberAt + String(n + 3).length], value: n + 3, unit: 'people', stage: 'bench' }],
    dates: [{ span: [dateAt, dateAt + 10], value: e.day, granularity: 'day', inferred: false, stage: 'bench' }],
  }
}

/** The stream, generated lazily in publication order: new events start as old ones run out. */
function* stream(total: number, seed = 1): Generator<{ article: Annotated; event: number }> {
  const rand = prng(seed)
  const people = Array.from({ length: 4000 }, () => `${word(rand, 2)} ${word(rand, 3)}`.replace(/\b\w/g, (c) => c.toUpperCase()))
  const places = Array.from({ length: 800 }, () => word(rand, 3).replace(/^\w/, (c) => c.toUpperCase()))
  const outlets = Array.from({ length: 300 }, (_, i) => `Outlet ${i}`)
  const live: { e: Event; id: number; size: number }[] = []
  let next = 0
  let clock = Date.parse('2025-01-01T00:00:00Z')
  for (let i = 0; i < total; i++) {
    clock += 60_000 // one article a minute: 200,000 articles span about 140 days
    while (live.length < 40) live.push({ e: makeEvent(rand, people, places, clock), id: next++, size: 2 + Math.floor(rand() * 13) })
    const at = Math.floor(rand() * live.length)
    const { e, id, size } = live[at]
    e.time = Math.max(e.time, clock - e.count * HOUR)
    yield { article: article(rand, e, e.count++, outlets), event: id }
    if (e.count >= size) live.splice(at, 1)
  }
}

/** BCubed F1 of the stories made against the generated events, from the (story, event) pair counts. */
function bcubedF1(pairs: Map<string, number>, storySizes: Map<string, number>, eventSizes: Map<number, number>, total: number): number {
  let p = 0
  let r = 0
  for (const [key, n] of pairs) {
    const at = key.indexOf(' ')
    p += (n * n) / storySizes.get(key.slice(0, at))!
    r += (n * n) / eventSizes.get(Number(key.slice(at + 1)))!
  }
  p /= total
  r /= total
  return Math.round(((2 * p * r) / (p + r)) * 1000) / 10
}

function median3(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
}

/** CPU time of the process so far, in ms (the machine may be shared: wall time counts waiting for a core). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** A full garbage collection, so heap figures count what is reachable only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/** Runs the stream through one clusterer and prints the figures. */
export async function benchClustering(total = 200_000, options: ClusterOptions = {}): Promise<Record<string, number>> {
  collectGarbage()
  const heapBefore = process.memoryUsage().heapUsed
  const clusterer = new StoryClusterer({ keepClosed: false, ...options })
  const sliceMs: number[] = []
  const sliceCpuMs: number[] = []
  const pairs = new Map<string, number>()
  const storySizes = new Map<string, number>()
  const eventSizes = new Map<number, number>()
  let peakRss = 0
  let featureMs = 0
  let t = performance.now()
  let n = 0
  // A block at a time: features for the block's articles first (a per-article stage, any thread),
  // then their serial assignment, timed as one block so no timer call sits inside the measured loop.
  const block: { features: ArticleFeatures; event: number }[] = []
  let sliceWall = 0
  let sliceCpu = 0
  const assignBlock = () => {
    const w0 = performance.now()
    const c0 = cpuMs()
    const storyIds = block.map(({ features }) => clusterer.addFeatures(features, true).storyId)
    sliceCpu += cpuMs() - c0
    sliceWall += performance.now() - w0
    block.forEach(({ event }, i) => {
      const key = `${storyIds[i]} ${event}`
      pairs.set(key, (pairs.get(key) ?? 0) + 1)
      storySizes.set(storyIds[i], (storySizes.get(storyIds[i]) ?? 0) + 1)
      eventSizes.set(event, (eventSizes.get(event) ?? 0) + 1)
    })
    block.length = 0
  }
  for (const { article, event } of stream(total)) {
    const t0 = performance.now()
    block.push({ features: articleFeatures(article, 150), event })
    featureMs += performance.now() - t0
    if (block.length === BLOCK) assignBlock()
    if (++n % SLICE === 0) {
      assignBlock()
      sliceMs.push(sliceWall)
      sliceCpuMs.push(sliceCpu)
      sliceWall = sliceCpu = 0
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }
  }
  assignBlock()
  const elapsed = performance.now() - t
  t = performance.now()
  const assignTotal = sliceMs.reduce((a, b) => a + b, 0)
  const cpuTotal = sliceCpuMs.reduce((a, b) => a + b, 0)
  const stats = clusterer.stats()
  collectGarbage()
  // The bench's own tallies (story and event sizes) are in it too: a slight overstatement.
  const heap = process.memoryUsage().heapUsed - heapBefore
  const last = sliceMs.length - 1
  const result = {
    articles: n,
    assignPerSecond: Math.round((n / assignTotal) * 1000),
    assignPerCpuSecond: Math.round((n / cpuTotal) * 1000),
    featuresPerSecond: Math.round((n / featureMs) * 1000),
    bothPerSecond: Math.round((n / (featureMs + assignTotal)) * 1000),
    firstSliceUsPerArticle: Math.round((sliceMs[0] / SLICE) * 1000),
    lastSliceUsPerArticle: Math.round((sliceMs[last] / SLICE) * 1000),
    lastFirstRatio: Math.round((sliceMs[last] / sliceMs[0]) * 100) / 100,
    lastFirstCpuRatio: Math.round((sliceCpuMs[last] / sliceCpuMs[0]) * 100) / 100,
    // one slice is 2-3 s: on a shared machine a neighbour's burst moves it, so also median of three against median of three
    lastFirstCpuRatioMedian3: Math.round((median3(sliceCpuMs.slice(-3)) / median3(sliceCpuMs.slice(0, 3))) * 100) / 100,
    postingsReadPerArticle: Math.round(stats.postingsRead / n),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    openStories: stats.openStories,
    openArticles: stats.openArticles,
    vocabulary: stats.vocabulary,
    heapBytesPerOpenArticle: Math.round(heap / Math.max(1, stats.openArticles)),
    heapMb: Math.round(heap / 2 ** 20),
    storiesMade: storySizes.size,
    events: eventSizes.size,
    bcubedF1VsEvents: bcubedF1(pairs, storySizes, eventSizes, n),
    wallSeconds: Math.round(elapsed / 100) / 10,
  }
  console.log(`clustering bench: ${n} articles, one core (features per article, then serial assignment; generating the stream not counted)\n`)
  console.log('| metric | value |\n|---|---|')
  for (const [k, v] of Object.entries(result)) console.log(`| ${k} | ${v} |`)
  const series = (ms: number[]) => ms.map((x) => Math.round((x / SLICE) * 1000)).join(' ')
  console.log(`\nassignment cost per ${SLICE.toLocaleString('en')} articles, µs/article wall: ${series(sliceMs)}`)
  console.log(`assignment cost per ${SLICE.toLocaleString('en')} articles, µs/article CPU:  ${series(sliceCpuMs)}`)
  return result
}
