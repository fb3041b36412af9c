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
 *    half of it uses decide. A word or name one article alone uses is left out (it only adds noise).
 *
 * Groups too small for their own frequencies, or too large to compare all pairs, keep their online
 * stories. A near-duplicate always stays with its original.
 */
import type { ArticleFeatures } from './features.js'
import { averageLink } from './linkage.js'
import { closestMember, prepareMember, score, sharedWith, textCosine, type ClusterWeights, type Member, type ScoringContext } from './scoring.js'
import { storyIdOf, type StoryCluster, type Why } from './story-state.js'
import { Vocabulary } from './vocabulary.js'

export interface RefineOptions {
  /** Average text similarity at which stories join one topic group. */
  topicThreshold?: number
  /** Average similarity, by the group's own frequencies, at which articles are one event. */
  eventThreshold?: number
  /** Smallest group re-clustered by its own frequencies (smaller ones keep their online stories). */
  minGroup?: number
  /** Largest group re-clustered (all pairs of it are compared). */
  maxGroup?: number
  /** Weight of a date and of a number with a unit against a term, in the event vectors. */
  dateWeight?: number
  numberWeight?: number
}

const MAX_KEYS = 24

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
  const { topicThreshold = 0.05, eventThreshold = 0.075, minGroup = 6, maxGroup = 1000, dateWeight = 2, numberWeight = 2 } = options
  const vocabulary = new Vocabulary()
  for (const f of features) vocabulary.addDocument(Array.from(f.terms.keys(), (t) => vocabulary.intern(t)))
  const members = features.map((f) => prepareMember(f, vocabulary, MAX_KEYS, false))
  const position = new Map(features.map((f, i) => [f.id, i]))
  const copies = new Map<number, number>() // copy -> original, by position
  for (const s of stories) for (const c of s.copies ?? []) copies.set(position.get(c.articleId)!, position.get(c.of)!)
  const storyArticles = stories.map((s) => s.articleIds.map((id) => position.get(id)!))

  const decay = (a: number, b: number) => timeDecay(features[a].time, features[b].time, weights.time, maxGapDays)
  const groups = topicGroups(members, storyArticles, topicThreshold, decay)
  const parts: number[][] = []
  for (const group of groups) {
    const articles = group.flatMap((s) => storyArticles[s]).sort((a, b) => a - b)
    if (articles.length < minGroup || articles.length > maxGroup) for (const s of group) parts.push(storyArticles[s])
    else for (const part of eventParts(articles, features, copies, eventThreshold, dateWeight, numberWeight, decay)) parts.push(part.map((i) => articles[i]))
  }

  const ctx: ScoringContext = { vocabulary, weights, maxGapDays }
  const unchanged = new Map(stories.map((s, i) => [storyArticles[i].slice().sort((a, b) => a - b).join(' '), s]))
  return parts
    .map((part) => part.slice().sort((a, b) => a - b))
    .sort((a, b) => a[0] - b[0])
    .map((part) => unchanged.get(part.join(' ')) ?? newRecord(part, members, copies, stories, ctx))
}

/** Step 1: the online stories joined into topic groups (lists of story numbers), by text alone. */
function topicGroups(
  members: Member[],
  storyArticles: number[][],
  threshold: number,
  decay: (a: number, b: number) => number,
): number[][] {
  const k = storyArticles.length
  const storyOf = new Int32Array(members.length)
  storyArticles.forEach((articles, s) => articles.forEach((i) => (storyOf[i] = s)))
  const sim = new Float32Array(k * k) // k ≤ the batch size cap: 3,000 stories take 36 MB
  // Every pair: the many faint similarities of one subject's articles add up to what joins its stories.
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (storyOf[i] === storyOf[j]) continue
      const s = textCosine(members[i], members[j]) * decay(i, j)
      sim[storyOf[i] * k + storyOf[j]] += s
      sim[storyOf[j] * k + storyOf[i]] += s
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) sim[a * k + b] /= storyArticles[a].length * storyArticles[b].length
  return averageLink(k, sim, storyArticles.map((a) => a.length), threshold)
}

/** Step 2: one group's articles (positions, ascending) split into events; returns indices into `articles`. */
function eventParts(
  articles: number[],
  features: readonly ArticleFeatures[],
  copies: ReadonlyMap<number, number>,
  threshold: number,
  dateWeight: number,
  numberWeight: number,
  decay: (a: number, b: number) => number,
): number[][] {
  const n = articles.length
  const bags = articles.map((i) => eventBag(features[i], dateWeight, numberWeight))
  const df = new Map<string, number>()
  for (const bag of bags) for (const key of bag.keys()) df.set(key, (df.get(key) ?? 0) + 1)
  const vectors = bags.map((bag) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [key, w] of bag) {
      const d = df.get(key)!
      if (d < 2 || d === n) continue
      const x = w * Math.log(n / d)
      v.set(key, x)
      norm += x * x
    }
    return { v, norm: Math.sqrt(norm) }
  })
  const sim = new Float64Array(n * n)
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const s = localCosine(vectors[a], vectors[b]) * decay(articles[a], articles[b])
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

/** As in online scoring: days between publications beyond the first take away, halved beyond `maxGapDays`; undated pairs keep all. */
function timeDecay(a: number | null, b: number | null, perDay: number, maxGapDays: number): number {
  if (a === null || b === null) return 1
  const gapDays = Math.abs(a - b) / 86_400_000
  const decayed = Math.exp(-Math.max(0, gapDays - 1) * perDay)
  return gapDays > maxGapDays ? decayed / 2 : decayed
}

/** What an article is, as one bag: its terms, entities, dates and numbers (these last two weighted up). */
function eventBag(f: ArticleFeatures, dateWeight: number, numberWeight: number): Map<string, number> {
  const bag = new Map<string, number>()
  for (const [t, w] of f.terms) bag.set(`t:${t}`, w)
  for (const [k, w] of f.entities) bag.set(k, w)
  for (const [k, w] of f.dates) bag.set(k, dateWeight * w)
  for (const [k, w] of f.numbers) bag.set(k, numberWeight * w)
  return bag
}

function localCosine(a: { v: Map<string, number>; norm: number }, b: { v: Map<string, number>; norm: number }): number {
  if (a.norm === 0 || b.norm === 0) return 0
  const [small, large] = a.v.size <= b.v.size ? [a.v, b.v] : [b.v, a.v]
  let dot = 0
  for (const [k, w] of small) {
    const o = large.get(k)
    if (o !== undefined) dot += w * o
  }
  return dot / (a.norm * b.norm)
}

/** The record of a story the refinement made: id from its earliest article, why per article. */
function newRecord(part: number[], members: Member[], copies: ReadonlyMap<number, number>, stories: readonly StoryCluster[], ctx: ScoringContext): StoryCluster {
  const inPart = new Set(part)
  const why: Why[] = part.map((i, at) => {
    const f = members[i]
    if (at === 0) return { articleId: f.id, joinedBy: null, score: 1, shared: [] }
    const original = copies.get(i)
    if (original !== undefined && inPart.has(original) && original < i) return { articleId: f.id, joinedBy: members[original].id, score: 1, shared: ['near-duplicate'] }
    const earlier = part.slice(0, at).map((j) => members[j])
    const closestId = closestMember(f, earlier, ctx)
    const closest = earlier.find((m) => m.id === closestId)!
    return { articleId: f.id, joinedBy: closest.id, score: Math.round(score(f, closest, ctx) * 1000) / 1000, shared: sharedWith(f, closest, ctx.vocabulary) }
  })
  const ids = new Set(part.map((i) => members[i].id))
  const kept = stories.flatMap((s) => s.copies ?? []).filter((c) => ids.has(c.articleId) && ids.has(c.of))
  return { id: storyIdOf(members[part[0]].id), articleIds: part.map((i) => members[i].id), why, ...(kept.length > 0 ? { copies: kept } : {}) }
}
