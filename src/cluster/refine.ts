/**
 * Batch refinement of the online stories, for a batch clustered at once (`clusterArticles`): the
 * online pass sees each article once, in order, so one event worded two ways can end up in two
 * stories, and two events of one kind in one. With the whole batch at hand:
 *
 * 1. topics: the online stories are joined by average link over their articles' text similarity
 *    at a low threshold, so each group holds one subject (earthquakes in Peru, a team's injuries);
 * 2. events: each group big enough to tell its events apart is re-clustered from its articles by
 *    average link over vectors weighted by the group's own document frequencies. A word every
 *    article of the group uses (the subject) weighs nothing there; names, dates and numbers that
 *    half of it uses decide. A word or name one article alone uses is left out (it only adds noise),
 *    and so is one that the articles of one outlet alone use (its furniture and its own wording), and
 *    the names of the group's outlets ("told the Valley Voice" names who reports, not the event).
 *    Words common in news at large are weighed down as well (background.ts): two events of one
 *    kind written from shared phrases would otherwise join on those phrases.
 * 3. checks: a part that joins online stories stays joined only when its pairs from different
 *    online stories score `minJoinScore` on average by the online scoring; else its articles go
 *    back to their online stories (a group of many one-article events of one kind).
 *
 * Groups too small for their own frequencies, or too large to compare all pairs, keep their online
 * stories. A near-duplicate always stays with its original.
 */
import { defaultBackground, type Background } from './background.js'
import { outletKeys, type ArticleFeatures } from './features.js'
import { averageLink } from './linkage.js'
import { closestMember, FREE_GAP_DAYS, prepareMember, score, sharedWith, type ClusterWeights, type Member, type ScoringContext } from './scoring.js'
import { storyIdOf, type StoryCluster, type Why } from './story-state.js'
import { TermTable } from './term-table.js'
import { Vocabulary } from './vocabulary.js'

export interface RefineOptions {
  /** Average text similarity at which stories join one topic group. */
  topicThreshold?: number
  /** Average similarity, by the group's own frequencies, at which articles are one event. */
  eventThreshold?: number
  /**
   * Mean online score (scoring.ts, the batch's frequencies) the pairs of articles an event part
   * newly joins must reach, else the part keeps the online stories it would join. The default is
   * half the online threshold: the group's own frequencies join fragments of one event that the
   * online pass scored a little under its bar, but in a group of many one-article events of one
   * kind they find every article like every other (2,500 generated articles of 1,976 events:
   * refined BCubed F1 0.551 without it, 0.828 with it; ECB+ train 90.8 -> 90.6, dev 98.0 -> 97.9).
   */
  minJoinScore?: number
  /** Smallest group re-clustered by its own frequencies (smaller ones keep their online stories). */
  minGroup?: number
  /** Largest group re-clustered (all pairs of it are compared). */
  maxGroup?: number
  /** Weight of a date and of a number with a unit against a term, in the event vectors. */
  dateWeight?: number
  numberWeight?: number
  /**
   * Power of a term's background rarity (background.ts) its event weight is multiplied by: a word
   * common in news at large ("warehouse", "firefighters") says little about which event it is,
   * even where the group's own frequencies make it look rare (two fires written from one set of
   * phrases). 0: the group's frequencies alone.
   */
  rarityPower?: number
}

// Earlier articles of a refined story searched for each article's `why` (the closest one), at most.
const WHY_PEERS = 64

/**
 * Refines `stories` (the online pass over `features`, which are in publication order). Stories
 * that come out as they went in keep their record; new ones get their id from their earliest
 * article and a `why` per article (the closest earlier member, the score, what they share).
 */
export function refineStories(
  stories: readonly StoryCluster[],
  features: readonly ArticleFeatures[],
  { weights, maxGapDays }: { weights: ClusterWeights; maxGapDays: number },
  options: RefineOptions = {},
): StoryCluster[] {
  const { topicThreshold = 0.05, eventThreshold = 0.075, minJoinScore = 0.125, minGroup = 6, maxGroup = 1000, dateWeight = 2, numberWeight = 2, rarityPower = 2 } = options
  const vocabulary = new Vocabulary()
  const termIds = features.map((f) => Int32Array.from(f.terms.keys(), (t) => vocabulary.intern(t)))
  for (const ids of termIds) vocabulary.addDocument(ids)
  // Members are only scored here: no index keys (the online pass filed them).
  const members = features.map((f, i) => prepareMember(f, vocabulary, null, false, termIds[i]))
  // only the background's rarity is read here, which does not depend on its weight in documents
  const event = new EventKeys({ dateWeight, numberWeight, rarityPower, background: defaultBackground(0) }, vocabulary)
  const position = new Map(features.map((f, i) => [f.id, i]))
  const copies = new Map<number, number>() // copy -> original, by position
  for (const s of stories) for (const c of s.copies ?? []) copies.set(position.get(c.articleId)!, position.get(c.of)!)
  const storyArticles = stories.map((s) => s.articleIds.map((id) => position.get(id)!))

  const gapDecay = (a: number | null, b: number | null) => (a === null || b === null ? 1 : timeDecay(Math.abs(a - b), weights.time, maxGapDays))
  const groups = topicGroups(members, vocabulary, storyArticles, topicThreshold, gapDecay)
  const decay = (a: number, b: number) => gapDecay(features[a].time, features[b].time)
  const ctx: ScoringContext = { vocabulary, weights, maxGapDays }
  const parts: number[][] = []
  for (const group of groups) {
    const articles = group.flatMap((s) => storyArticles[s]).sort((a, b) => a - b)
    if (articles.length < minGroup || articles.length > maxGroup) for (const s of group) parts.push(storyArticles[s])
    else {
      const storyOf = new Map<number, number>()
      for (const s of group) for (const a of storyArticles[s]) storyOf.set(a, s)
      for (const part of eventParts(articles, features, members, copies, eventThreshold, event, decay)) {
        const joined = part.map((i) => articles[i])
        if (joinHolds(joined, storyOf, members, ctx, minJoinScore)) parts.push(joined)
        else parts.push(...splitBy(joined, storyOf))
      }
    }
  }

  const unchanged = new Map(stories.map((s, i) => [storyArticles[i].slice().sort((a, b) => a - b).join(' '), s]))
  return parts
    .map((part) => part.slice().sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0])
    .map((part) => unchanged.get(part.join(' ')) ?? newRecord(part, members, copies, stories, ctx))
}

/** Articles of a part compared at most, evenly spaced, when checking what it joins (pairs stay bounded). */
const MAX_JOIN_CHECKED = 64

/**
 * Whether the pairs of `part`'s articles from different online stories score `min` on average
 * (online scoring): what refinement joins must look alike by the batch's words too.
 */
function joinHolds(part: number[], storyOf: ReadonlyMap<number, number>, members: Member[], ctx: ScoringContext, min: number): boolean {
  if (new Set(part.map((a) => storyOf.get(a))).size < 2) return true
  const step = Math.max(1, part.length / MAX_JOIN_CHECKED)
  const checked: number[] = []
  for (let i = 0; i < part.length; i += step) checked.push(part[Math.floor(i)])
  let sum = 0
  let pairs = 0
  for (let x = 0; x < checked.length; x++) {
    for (let y = x + 1; y < checked.length; y++) {
      if (storyOf.get(checked[x]) === storyOf.get(checked[y])) continue
      sum += score(members[checked[x]], members[checked[y]], ctx)
      pairs++
    }
  }
  return pairs === 0 || sum / pairs >= min
}

/** A part's articles back in the online stories they came from. */
function splitBy(part: number[], storyOf: ReadonlyMap<number, number>): number[][] {
  const byStory = new Map<number, number[]>()
  for (const a of part) {
    const s = storyOf.get(a)!
    const list = byStory.get(s)
    if (list) list.push(a)
    else byStory.set(s, [a])
  }
  return [...byStory.values()]
}

/**
 * Step 1: the online stories joined into topic groups (lists of story numbers), by text alone.
 * Two stories are as close as the mean text cosine over their pairs of articles: the many faint
 * similarities of one subject's articles add up to what joins its stories. That mean is the dot
 * product of the stories' sums of unit article vectors over the product of their sizes, so it
 * costs one product per pair of stories, not per pair of articles (the refinement of 2,000
 * generated articles: 9 s -> about 1 s of CPU);
 * the publication gap is taken between the stories' mean times.
 */
function topicGroups(
  members: Member[],
  vocabulary: Vocabulary,
  storyArticles: number[][],
  threshold: number,
  decay: (a: number | null, b: number | null) => number,
): number[][] {
  const k = storyArticles.length
  // Each story's sum is added up in one array over the vocabulary's ids (the terms in order of
  // first use: every addend is positive, so a slot at 0 is one not used yet), then kept as a
  // table: no hashing per article term.
  const dense = new Float64Array(vocabulary.size)
  const used: number[] = []
  const sums = storyArticles.map((articles) => {
    for (const i of articles) {
      const m = members[i]
      if (m.norm === 0) continue
      for (let t = 0; t < m.terms.size; t++) {
        const id = m.terms.ids[t]
        if (dense[id] === 0) used.push(id)
        dense[id] += (m.terms.values[t] * vocabulary.idf(id)) / m.norm
      }
    }
    const sum = TermTable.from(used, Array.from(used, (id) => dense[id]))
    for (const id of used) dense[id] = 0
    used.length = 0
    return sum
  })
  const times = storyArticles.map((articles) => meanTime(articles.map((i) => members[i].time)))
  const sim = new Float32Array(k * k) // k ≤ the batch size cap: 3,000 stories take 36 MB
  tableDots(sums, vocabulary.size, (a, b, dot) => {
    const s = (dot * decay(times[a], times[b])) / (storyArticles[a].length * storyArticles[b].length)
    sim[a * k + b] = s
    sim[b * k + a] = s
  })
  return averageLink(k, sim, storyArticles.map((a) => a.length), threshold)
}

/**
 * Calls `visit(a, b, dot)` for every pair a < b of the tables (term ids below `terms`) with their
 * dot product, summed over the smaller table's terms (the earlier one on equal sizes) in its
 * order, the other table's weight 0 for a term it lacks. Each table in turn is spread over an
 * array by term id, and the tables it is the larger of are summed against that array: a read per
 * term instead of a hash look-up, and the same sum to the last bit.
 */
function tableDots(tables: readonly TermTable[], terms: number, visit: (a: number, b: number, dot: number) => void): void {
  const dense = new Float64Array(terms)
  for (let large = 0; large < tables.length; large++) {
    const l = tables[large]
    for (let i = 0; i < l.size; i++) dense[l.ids[i]] = l.values[i]
    for (let small = 0; small < tables.length; small++) {
      const s = tables[small]
      if (small === large || s.size > l.size || (s.size === l.size && small > large)) continue
      let sum = 0
      for (let i = 0; i < s.size; i++) sum += s.values[i] * dense[s.ids[i]]
      visit(Math.min(small, large), Math.max(small, large), sum)
    }
    for (let i = 0; i < l.size; i++) dense[l.ids[i]] = 0
  }
}

/** The mean publication time of a story's dated articles (null: none dated). */
function meanTime(times: (number | null)[]): number | null {
  const dated = times.filter((t): t is number => t !== null)
  return dated.length === 0 ? null : dated.reduce((x, y) => x + y, 0) / dated.length
}

/** Step 2: one group's articles (positions, ascending) split into events; returns indices into `articles`. */
function eventParts(
  articles: number[],
  features: readonly ArticleFeatures[],
  members: readonly Member[],
  copies: ReadonlyMap<number, number>,
  threshold: number,
  keys: EventKeys,
  decay: (a: number, b: number) => number,
): number[][] {
  const n = articles.length
  // Keys as numbers from the start (in order of first use): the counts below are array slots.
  keys.clear()
  const bags = articles.map((i) => keys.bag(features[i], members[i]))
  const df = new Int32Array(keys.size)
  for (const bag of bags) for (const key of bag.keys) df[key]++
  // Outlets using each key: what one outlet's articles alone share (its furniture, its name, its
  // own figures or spelling of a name) is how it writes, not which event it reports. Per key, the
  // first outlet met and whether another one uses it too.
  const outletIds = new Map<string | number, number>()
  const firstOutlet = new Int32Array(keys.size).fill(-1)
  const manyOutlets = new Uint8Array(keys.size)
  // The group's outlets named in the text ("told the Valley Voice") say who reports, not what happened.
  const outletNames = new Set<string>()
  bags.forEach((bag, a) => {
    const name = features[articles[a]].outlet
    const outlet = name?.toLowerCase() ?? a // an article naming no outlet is its own source
    if (name && !outletNames.has(`o:${outlet}`)) {
      outletNames.add(`o:${outlet}`)
      for (const key of outletKeys(name)) outletNames.add(key)
    }
    let o = outletIds.get(outlet)
    if (o === undefined) outletIds.set(outlet, (o = outletIds.size))
    for (const key of bag.keys) {
      if (firstOutlet[key] === -1) firstOutlet[key] = o
      else if (firstOutlet[key] !== o) manyOutlets[key] = 1
    }
  })
  const named = new Uint8Array(keys.size)
  for (const name of outletNames) {
    const id = keys.find(name)
    if (id !== -1) named[id] = 1
  }
  // Vector ids in order of first use by a kept key, each vector sorted by them: a cosine sums its
  // products in that order.
  const vectorId = new Int32Array(keys.size).fill(-1)
  let vectorIds = 0
  // A bag's values by vector id while its ids are sorted (a bag holds each key once).
  const valueOf = new Float64Array(keys.size)
  // Each kept key's weight in the group, log(n / df), once per key; 0 marks a key left out.
  const idf = new Float64Array(keys.size)
  for (let key = 0; key < keys.size; key++) {
    const d = df[key]
    if (d < 2 || d === n || manyOutlets[key] === 0 || named[key] === 1) continue
    idf[key] = Math.log(n / d)
  }
  const vectors = bags.map((bag): SparseVector => {
    const ids: number[] = []
    let norm = 0
    for (let k = 0; k < bag.keys.length; k++) {
      const key = bag.keys[k]
      if (idf[key] === 0) continue
      const x = bag.weights[k] * idf[key]
      if (vectorId[key] === -1) vectorId[key] = vectorIds++
      ids.push(vectorId[key])
      valueOf[vectorId[key]] = x
      norm += x * x
    }
    const sorted = Int32Array.from(ids).sort()
    const values = new Float64Array(sorted.length)
    for (let i = 0; i < sorted.length; i++) values[i] = valueOf[sorted[i]]
    return { ids: sorted, values, norm: Math.sqrt(norm) }
  })
  // The dot products first, in the upper half of the matrix, then the cosines over both halves.
  const sim = pairDots(vectors, vectorIds)
  for (let a = 0; a < n; a++) {
    const va = vectors[a]
    for (let b = a + 1; b < n; b++) {
      const vb = vectors[b]
      const cosine = va.norm === 0 || vb.norm === 0 ? 0 : sim[a * n + b] / (va.norm * vb.norm)
      const s = cosine * decay(articles[a], articles[b])
      sim[a * n + b] = s
      sim[b * n + a] = s
    }
  }
  const at = new Map(articles.map((p, i) => [p, i]))
  for (const [copy, original] of copies) {
    const a = at.get(copy)
    const b = at.get(original)
    if (a !== undefined && b !== undefined) sim[a * n + b] = sim[b * n + a] = 1
  }
  return averageLink(n, sim, new Array<number>(n).fill(1), threshold)
}

/** As in online scoring: days of publication gap beyond the first {@link FREE_GAP_DAYS} take away, halved beyond `maxGapDays`. */
function timeDecay(gapMs: number, perDay: number, maxGapDays: number): number {
  const gapDays = gapMs / 86_400_000
  const decayed = Math.exp(-Math.max(0, gapDays - FREE_GAP_DAYS) * perDay)
  return gapDays > maxGapDays ? decayed / 2 : decayed
}

interface EventVectorOptions {
  dateWeight: number
  numberWeight: number
  rarityPower: number
  background: Background
}

/**
 * The key ids of one group's event bags, in order of first use: a term by its vocabulary id (an
 * array slot, no string made or hashed), an entity, date or number by its key. `clear` before each
 * group. Each term's background rarity weight is read once per refinement, not once per article.
 */
class EventKeys {
  size = 0
  private readonly termKey: Int32Array
  private readonly termsUsed: number[] = []
  private readonly others = new Map<string, number>()
  private readonly rarity: Float64Array

  constructor(
    private readonly options: EventVectorOptions,
    private readonly vocabulary: Vocabulary,
  ) {
    this.termKey = new Int32Array(vocabulary.size).fill(-1)
    this.rarity = new Float64Array(vocabulary.size).fill(-1)
  }

  clear(): void {
    for (const id of this.termsUsed) this.termKey[id] = -1
    this.termsUsed.length = 0
    this.others.clear()
    this.size = 0
  }

  /** The id of a key as `eventBag` names it (`t:` and a term, or an entity, date or number key); -1 when the group has none. */
  find(key: string): number {
    if (!key.startsWith('t:')) return this.others.get(key) ?? -1
    const id = this.vocabulary.lookup(key.slice(2))
    return id === -1 ? -1 : this.termKey[id]
  }

  /**
   * What an article is, as one bag of key ids: its terms (weighed down as they are common in news
   * at large), entities, dates and numbers (these last two weighted up). The kinds' keys have
   * different prefixes (`t:`, `e:`/`s:`, `d:`, `n:`), so no key comes twice. `m` is the article
   * prepared with the refinement's vocabulary: its term ids are `f.terms`' keys, in order.
   */
  bag(f: ArticleFeatures, m: Member): { keys: number[]; weights: number[] } {
    const { dateWeight, numberWeight, rarityPower } = this.options
    const keys: number[] = []
    const weights: number[] = []
    let t = 0
    for (const w of f.terms.values()) {
      const id = m.termIds[t++]
      keys.push(this.term(id))
      weights.push(rarityPower === 0 ? w : w * this.rarityWeight(id))
    }
    for (const [k, w] of f.entities) keys.push(this.other(k)), weights.push(w)
    for (const [k, w] of f.dates) keys.push(this.other(k)), weights.push(dateWeight * w)
    for (const [k, w] of f.numbers) keys.push(this.other(k)), weights.push(numberWeight * w)
    return { keys, weights }
  }

  private term(id: number): number {
    let key = this.termKey[id]
    if (key === -1) {
      key = this.termKey[id] = this.size++
      this.termsUsed.push(id)
    }
    return key
  }

  private other(k: string): number {
    let key = this.others.get(k)
    if (key === undefined) this.others.set(k, (key = this.size++))
    return key
  }

  /** The term's background rarity to the power `rarityPower`. */
  private rarityWeight(id: number): number {
    let r = this.rarity[id]
    if (r === -1) r = this.rarity[id] = this.options.background.rarity(this.vocabulary.term(id)) ** this.options.rarityPower
    return r
  }
}

/** A sparse vector: key ids ascending, their values, and its Euclidean norm. */
interface SparseVector {
  ids: Int32Array
  values: Float64Array
  norm: number
}

/**
 * The dot products of every pair of vectors, at `[a * n + b]` for a < b of an n × n matrix (the
 * rest 0), through each vector id's list of the vectors holding it: only pairs sharing an id meet,
 * and each pair's products are summed in ascending id order, as a merge of the two sorted vectors
 * would sum them (so each cosine is the same number to the last bit).
 */
function pairDots(vectors: readonly SparseVector[], ids: number): Float64Array {
  const n = vectors.length
  const start = new Int32Array(ids + 1)
  for (const v of vectors) for (let x = 0; x < v.ids.length; x++) start[v.ids[x] + 1]++
  for (let id = 0; id < ids; id++) start[id + 1] += start[id]
  const holder = new Int32Array(start[ids])
  const value = new Float64Array(start[ids])
  const next = start.slice(0, ids)
  for (let a = 0; a < n; a++) {
    const v = vectors[a]
    for (let x = 0; x < v.ids.length; x++) {
      const at = next[v.ids[x]]++
      holder[at] = a
      value[at] = v.values[x]
    }
  }
  // Per id, where the vector being read sits in its list (read in vector order): the later ones follow it.
  const cursor = start.slice(0, ids)
  const dots = new Float64Array(n * n)
  for (let a = 0; a < n; a++) {
    const v = vectors[a]
    const row = a * n
    for (let x = 0; x < v.ids.length; x++) {
      const id = v.ids[x]
      const mine = v.values[x]
      const end = start[id + 1]
      for (let at = cursor[id]++ + 1; at < end; at++) dots[row + holder[at]] += mine * value[at]
    }
  }
  return dots
}

/** The record of a story the refinement made: id from its earliest article, why per article. */
function newRecord(part: number[], members: Member[], copies: ReadonlyMap<number, number>, stories: readonly StoryCluster[], ctx: ScoringContext): StoryCluster {
  const inPart = new Set(part)
  const why: Why[] = part.map((i, at) => {
    const f = members[i]
    if (at === 0) return { articleId: f.id, joinedBy: null, score: 1, shared: [] }
    const original = copies.get(i)
    if (original !== undefined && inPart.has(original) && original < i) return { articleId: f.id, joinedBy: members[original].id, score: 1, shared: ['near-duplicate'] }
    // The closest among the latest earlier members: a part of hundreds of articles would
    // otherwise score every pair of them for its explanations.
    const earlier = part.slice(Math.max(0, at - WHY_PEERS), at).map((j) => members[j])
    const closest = closestMember(f, earlier, ctx)
    const member = earlier.find((m) => m.id === closest.id)!
    return { articleId: f.id, joinedBy: closest.id, score: Math.round(closest.score * 1000) / 1000, shared: sharedWith(f, member, ctx.vocabulary) }
  })
  const ids = new Set(part.map((i) => members[i].id))
  const kept = stories.flatMap((s) => s.copies ?? []).filter((c) => ids.has(c.articleId) && ids.has(c.of))
  return { id: storyIdOf(members[part[0]].id), articleIds: part.map((i) => members[i].id), why, ...(kept.length > 0 ? { copies: kept } : {}) }
}
