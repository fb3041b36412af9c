/**
 * A story as the clusterer holds it while it is open: the summed features scoring compares with,
 * its recent members, the index keys it is filed under, and the bookkeeping for merge and split.
 */
import { hash } from 'node:crypto'
import { addInto, prune, type Vector } from './features.js'
import type { Member, Side } from './scoring.js'
import { TermTable } from './term-table.js'

/** How an article came into its story. */
export interface Why {
  articleId: string
  /** The member it was most like (or its original, for a near-duplicate); null for the founder. */
  joinedBy: string | null
  score: number
  /** What it shares with the story: `entity:…`, `date:…`, `number:…`, `term:…`, or `near-duplicate`. */
  shared: string[]
}

/** A story merged into this one: by whom, and at what score (user merges have none). */
export interface MergeRecord {
  storyId: string
  by: 'user' | 'auto'
  score: number | null
}

/** A story: its articles and why each joined. */
export interface StoryCluster {
  id: string
  articleIds: string[]
  why: Why[]
  /** Stories merged into this one. */
  merged?: MergeRecord[]
  /** Set on a story split off by the user: the story its articles came from. */
  splitFrom?: string
  /** Articles that are near-duplicates of another member (copies): each with its original. */
  copies?: { articleId: string; of: string }[]
}

/** An open story: the summed features (a `Side`) plus bookkeeping. */
export interface OpenStory extends Side {
  /** The story's number in the indexes (founding order). */
  index: number
  cluster: StoryCluster
  recent: Member[]
  /** The document count `norm` was computed at (null: stale since the last change). */
  normDocs: number | null
  /** Index keys the story is filed under, so closing or merging can take them out. */
  entityKeys: Set<string>
  termKeys: Set<number>
  /** Articles seen by the clusterer when the story last changed (least recently used closes first). */
  touched: number
  /** Stories the user split apart from this one: never merged back automatically. */
  apart: Set<string>
}

/** `s_` + the first 12 hex of sha256 of the founding article's id: stable across re-runs. */
export function storyIdOf(firstArticleId: string): string {
  return 's_' + hash('sha256', firstArticleId, 'hex').slice(0, 12)
}

/** A new, empty story. */
export function newStory(index: number, id: string): OpenStory {
  return {
    index,
    cluster: { id, articleIds: [], why: [] },
    terms: new TermTable(),
    entities: new Map(),
    dates: new Map(),
    numbers: new Map(),
    first: null,
    last: null,
    recent: [],
    norm: 0,
    normDocs: null,
    entityKeys: new Set(),
    termKeys: new Set(),
    touched: 0,
    apart: new Set(),
  }
}

const NO_IDS = new Int32Array(0)
const NO_WEIGHTS = new Float64Array(0)
const NO_LABELS: ReadonlyMap<string, string> = new Map()

/**
 * What a story keeps of a recent member: its side (what `score` reads when naming `joinedBy`),
 * without the arrays only the article's own scoring used, which are most of a member's bytes.
 */
export function recentOf(f: Member): Member {
  const { id, time, terms, norm, entities, dates, numbers, fp } = f
  return {
    id, time, first: time, last: time, terms, norm, entities, labels: NO_LABELS as Map<string, string>, dates, numbers, fp,
    termIds: NO_IDS, termWeights: NO_WEIGHTS, entityKeys: [], topTerms: [], bands: [],
  }
}

/** Adds one member's features to the story's sums (bounded by `maxTerms`). */
export function addMember(story: OpenStory, f: Member, maxTerms: number, maxRecent: number): void {
  addSums(story, f, maxTerms)
  story.recent.push(recentOf(f))
  if (story.recent.length > maxRecent) story.recent.shift()
  for (const key of f.entityKeys) story.entityKeys.add(key)
  for (const id of f.topTerms) story.termKeys.add(id)
}

/** Adds another side's sums into the story's (a join or a merge). */
export function addSums(story: OpenStory, f: Side, maxTerms: number): void {
  story.terms.addAll(f.terms)
  addInto(story.entities, f.entities)
  addInto(story.dates, f.dates)
  addInto(story.numbers, f.numbers)
  story.terms.prune(maxTerms)
  prune(story.entities, maxTerms)
  story.normDocs = null
  if (f.first !== null) story.first = story.first === null ? f.first : Math.min(story.first, f.first)
  if (f.last !== null) story.last = story.last === null ? f.last : Math.max(story.last, f.last)
}

/** Takes a member's features out of the story's sums (a split), never below zero. */
export function subtractMember(story: OpenStory, f: Member): void {
  for (let i = 0; i < f.terms.size; i++) {
    const id = f.terms.ids[i]
    const current = story.terms.get(id)
    if (current > 0) story.terms.add(id, -Math.min(current, f.terms.values[i]))
  }
  subtractInto(story.entities, f.entities)
  subtractInto(story.dates, f.dates)
  subtractInto(story.numbers, f.numbers)
  story.recent = story.recent.filter((m) => m.id !== f.id)
  story.normDocs = null
}

function subtractInto(into: Vector, from: Vector): void {
  for (const [k, v] of from) {
    const left = (into.get(k) ?? 0) - v
    if (left > 1e-9) into.set(k, left)
    else into.delete(k)
  }
}

/** A copy of the story's public record. */
export function snapshot(story: OpenStory): StoryCluster {
  const { id, articleIds, why, merged, splitFrom, copies } = story.cluster
  return {
    id,
    articleIds: [...articleIds],
    why: [...why],
    ...(merged ? { merged: [...merged] } : {}),
    ...(splitFrom ? { splitFrom } : {}),
    ...(copies ? { copies: [...copies] } : {}),
  }
}
