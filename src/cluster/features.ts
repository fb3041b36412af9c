/**
 * What clustering compares, computed once per article: term counts, entity keys (weighted by how
 * much a shared one says: full person names most, places least), dates and numbers with units,
 * publication time and the near-duplicate fingerprint. Plus the sparse-vector helpers.
 */
import type { Annotated, EntityMention } from '../types.js'
import { foldToken, nameTokens } from '../text/names.js'
import { fingerprintOf } from './fingerprint.js'
import { contentTerms, termsOf, words } from './terms.js'

/** A sparse vector: key -> weight. */
export type Vector = Map<string, number>

export interface ArticleFeatures {
  id: string
  /** Publication time in ms, or null. */
  time: number | null
  /** The outlet's name (else its domain), or null when the article names none. */
  outlet?: string | null
  /** Term -> count (title counted twice: it names the event). */
  terms: Vector
  /** Entity key -> weight; `labels` keeps a readable name per key for explanations. */
  entities: Vector
  labels: Map<string, string>
  /** `d:2025-08-06` -> 1 */
  dates: Vector
  /** `n:5 people` -> 1 */
  numbers: Vector
  fp: Uint32Array
}

/** How much one shared entity counts, by kind. */
const ENTITY_WEIGHT = { fullName: 3, surname: 1, organization: 2, place: 1 } as const

function entityKeys(m: EntityMention): [key: string, weight: number][] {
  if (m.via === 'descriptor' || m.type === 'other') return []
  const tokens = nameTokens(m.name).map(foldToken)
  if (tokens.length === 0) return []
  const full = tokens.join(' ')
  if (m.type === 'person') {
    const surname: [string, number] = [`s:${tokens[tokens.length - 1]}`, ENTITY_WEIGHT.surname]
    return tokens.length > 1 ? [[`e:${full}`, ENTITY_WEIGHT.fullName], surname] : [surname]
  }
  // Keyed without the type: the same name typed differently in two articles is still one entity.
  if (m.type === 'organization') return [[`e:${full}`, ENTITY_WEIGHT.organization]]
  return [[`e:${full}`, ENTITY_WEIGHT.place]]
}

/** The keys an outlet's name takes among an article's terms and entities ("told the Valley Voice"). */
export function outletKeys(name: string): string[] {
  const tokens = nameTokens(name).map(foldToken)
  return [...contentTerms(name).map((t) => `t:${t}`), ...(tokens.length > 0 ? [`e:${tokens.join(' ')}`] : [])]
}

function parseTime(iso: string | null): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : t
}

/** Extracts the clustering features of one article, keeping at most `maxTerms` terms. */
export function articleFeatures(article: Annotated, maxTerms: number): ArticleFeatures {
  const tokens = words(article.text)
  const terms = termVector(article.title, tokens, maxTerms)
  const entities: Vector = new Map()
  const labels = new Map<string, string>()
  for (const m of article.entities) {
    for (const [key, weight] of entityKeys(m)) {
      entities.set(key, weight)
      if (!labels.has(key) || m.type === 'person') labels.set(key, m.name)
    }
  }
  const dates: Vector = new Map()
  for (const d of article.dates) {
    if (d.granularity === 'day' || d.granularity === 'time') dates.set(`d:${d.value.slice(0, 10)}`, 1)
    // Months and years stated in the text (not inferred) tell apart events of one kind years apart.
    else if (!d.inferred && (d.granularity === 'month' || d.granularity === 'year')) dates.set(`d:${d.value.slice(0, 7)}`, 0.5)
  }
  const numbers: Vector = new Map()
  for (const n of article.numbers) if (n.unit) numbers.set(`n:${n.value} ${n.unit}`, 1)
  return {
    id: article.id,
    time: parseTime(article.publishedAt),
    outlet: article.outlet?.name || article.outlet?.domain || null,
    terms,
    entities,
    labels,
    dates,
    numbers,
    fp: fingerprintOf(tokens),
  }
}

/**
 * The article's terms as clustering weighs them: the `maxTerms` most frequent content terms (a
 * title occurrence counts twice: it names the event), each weighted 1 + ln(count). `tokens` are
 * the text's `words`. The background document frequencies are learned from the same terms.
 */
export function termVector(title: string | null, tokens: readonly string[], maxTerms: number): Vector {
  const counts: Vector = new Map()
  for (const t of contentTerms(title ?? '')) counts.set(t, (counts.get(t) ?? 0) + 2)
  for (const t of termsOf(tokens)) counts.set(t, (counts.get(t) ?? 0) + 1)
  const terms: Vector = new Map()
  for (const [t, c] of heaviestFirst(counts, maxTerms)) terms.set(t, 1 + Math.log(c))
  return terms
}

/**
 * The `max` largest counts, largest first, ties in insertion order: a stable sort by count done as
 * a bucket sort, since counts are small integers (one per occurrence, two per title occurrence).
 */
function heaviestFirst(counts: Vector, max: number): [string, number][] {
  const buckets: [string, number][][] = []
  for (const entry of counts) (buckets[entry[1]] ??= []).push(entry)
  const out: [string, number][] = []
  for (let c = buckets.length - 1; c > 0 && out.length < max; c--) {
    for (const entry of buckets[c] ?? []) {
      if (out.length === max) break
      out.push(entry)
    }
  }
  return out
}

/** Adds `from` into `into` (cluster sums). */
export function addInto<K>(into: Map<K, number>, from: Map<K, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v)
}

/** Keeps the `max` heaviest keys, so a cluster's sums stay bounded however many articles join. */
export function prune<K>(vector: Map<K, number>, max: number): void {
  if (vector.size <= max * 2) return
  const kept = [...vector].sort((a, b) => b[1] - a[1]).slice(0, max)
  vector.clear()
  for (const [k, v] of kept) vector.set(k, v)
}

/** Cosine of two sparse vectors; 0 when either is empty. */
export function cosine(a: Vector, b: Vector): number {
  if (a.size === 0 || b.size === 0) return 0
  let dot = 0
  let na = 0
  let nb = 0
  for (const [k, v] of a) {
    na += v ** 2
    const o = b.get(k)
    if (o !== undefined) dot += v * o
  }
  for (const v of b.values()) nb += v ** 2
  return dot === 0 ? 0 : dot / Math.sqrt(na * nb)
}

/** Version tag of `encodeFeatures`' text: a reader meeting another version recomputes from the article. */
const FEATURES_FORMAT = 1

/**
 * One article's features as compact text, for a clustering consumer in another process (the queue
 * workers compute them in parallel; the single consumer only decodes): terms as their counts
 * (weights are 1 + ln(count), recomputed on decoding to the same value), the fingerprint in base64.
 * `maxTerms` is recorded so a consumer with another setting does not use them.
 */
export function encodeFeatures(f: ArticleFeatures, maxTerms: number): string {
  const terms: (string | number)[] = []
  for (const [t, w] of f.terms) terms.push(t, Math.round(Math.exp(w - 1)))
  const entities = Array.from(f.entities, ([k, w]) => [k, w, f.labels.get(k) ?? null])
  const fp = Buffer.alloc(f.fp.length * 4)
  for (let i = 0; i < f.fp.length; i++) fp.writeUInt32LE(f.fp[i], i * 4)
  return JSON.stringify([FEATURES_FORMAT, maxTerms, f.id, f.time, terms, entities, [...f.dates], [...f.numbers], fp.toString('base64')])
}

/** `encodeFeatures`' text back as features; null when it was made by another format or `maxTerms`. */
export function decodeFeatures(text: string, maxTerms: number): ArticleFeatures | null {
  const [format, max, id, time, terms, entities, dates, numbers, fp64] = JSON.parse(text) as [
    number, number, string, number | null, (string | number)[], [string, number, string | null][], [string, number][], [string, number][], string]
  if (format !== FEATURES_FORMAT || max !== maxTerms) return null
  const decoded: Vector = new Map()
  for (let i = 0; i < terms.length; i += 2) decoded.set(terms[i] as string, 1 + Math.log(terms[i + 1] as number))
  const labels = new Map<string, string>()
  for (const [k, , label] of entities) if (label !== null) labels.set(k, label)
  const bytes = Buffer.from(fp64, 'base64')
  const fingerprint = new Uint32Array(bytes.length / 4)
  for (let i = 0; i < fingerprint.length; i++) fingerprint[i] = bytes.readUInt32LE(i * 4)
  return {
    id, time, terms: decoded, entities: new Map(entities.map(([k, w]) => [k, w])), labels,
    dates: new Map(dates), numbers: new Map(numbers), fp: fingerprint,
  }
}
