/**
 * Quote alignment across the articles of a story: the same words quoted by several outlets become
 * one `StoryQuote` with an occurrence per place they appear.
 *
 * Stages, in order:
 * 1. collect direct and partial quotes with their normalised tokens (quote marks, dashes, case and
 *    punctuation folded away); indirect (reported) speech is aligned only with other indirect speech;
 * 2. candidate pairs through an inverted index on content tokens (no scan over all pairs);
 * 3. match: a long common run of tokens, the shorter wording contained in the longer, or a high
 *    overlap coefficient on content tokens; matched quotes are unioned (a partial quote and its
 *    full version join through containment). Short quotes (at most `maxShortContent` content
 *    words: "useful and constructive") are common phrases, so they match only their own words,
 *    contiguous or reordered ("constructive and useful"), from the same or a compatible speaker
 *    (the Kremlin and a Kremlin aide; an unattributed quote);
 * 4. build quotes (longest wording, variants in an original wording, speaker) and discrepancies.
 */
import { createHash } from 'node:crypto'
import type { Annotated, Discrepancy, Occurrence, QuoteMention, StoryQuote } from '../types.js'
import { STOP_WORDS, wordTokens } from '../cluster/terms.js'
import type { MergedEntities } from './entities.js'
import { attributionDiscrepancy, cueVerb } from './framing.js'
import { compatibleSpeakers, type SpeakerRef } from './names.js'

export interface AlignQuotesOptions {
  /** Overlap coefficient on content tokens at or above which two quotes are one. */
  minOverlap?: number
  /** Content tokens two quotes must share for the overlap rule to apply. */
  minSharedContent?: number
  /** Quotes with fewer content words match only by containment or a common run: too few to tell a coincidence. */
  minContentForOverlap?: number
  /** A common run of this many tokens makes two quotes one. */
  minCommonRun?: number
  /** Quotes longer than this many tokens are compared on their first `maxTokens` only. */
  maxTokens?: number
  /** A quote with at most this many content words is short: it needs its own words and a compatible speaker. */
  maxShortContent?: number
}

interface Item {
  articleId: string
  q: QuoteMention
  text: string
  tokens: string[]
  content: Set<string>
  indirect: boolean
  /** Resolved once to the story's entity when there is one. */
  speaker: SpeakerRef | null
}

const CURLY_APOSTROPHE = /’/g
const DESCRIPTOR_START = /^(?:a|an|the|one|two|several|some)\s/i

/** Lowercase words with apostrophes kept straight; quote marks, dashes and punctuation dropped. */
function quoteTokens(text: string): string[] {
  const tokens = wordTokens(text)
  for (let i = 0; i < tokens.length; i++) if (tokens[i].includes('’')) tokens[i] = tokens[i].replace(CURLY_APOSTROPHE, "'")
  return tokens
}

function collect(articles: Annotated[], entities: MergedEntities, maxTokens: number): Item[] {
  const out: Item[] = []
  for (const a of articles) {
    for (const q of a.quotes) {
      const text = a.text.slice(q.span[0], q.span[1])
      const tokens = quoteTokens(text).slice(0, maxTokens)
      if (tokens.length === 0) continue
      const content = new Set(tokens.filter((t) => !STOP_WORDS.has(t)))
      const s = q.speaker
      const speaker = s ? { name: s.name, entity: entities.findInArticle(a.id, s.name, s.span) } : null
      out.push({ articleId: a.id, q, text, tokens, content, indirect: q.kind === 'indirect', speaker })
    }
  }
  return out
}

/** Length of the longest run of equal tokens (dynamic programming over two short token lists). */
function longestCommonRun(a: string[], b: string[]): number {
  let best = 0
  // Two rows, swapped: the DP needs only the previous one.
  let prev = new Uint16Array(b.length + 1)
  let cur = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1] + 1
        if (cur[j] > best) best = cur[j]
      } else cur[j] = 0
    }
    ;[prev, cur] = [cur, prev]
  }
  return best
}

function sameQuote(x: Item, y: Item, o: Required<AlignQuotesOptions>): boolean {
  if (x.indirect !== y.indirect) return false
  const [short, long] = x.tokens.length <= y.tokens.length ? [x, y] : [y, x]
  if (Math.min(x.content.size, y.content.size) <= o.maxShortContent) {
    return short.tokens.length >= 2 && containsReordered(long.tokens, short.tokens) && compatibleSpeakers(x.speaker, y.speaker)
  }
  const run = longestCommonRun(x.tokens, y.tokens)
  if (run >= o.minCommonRun || run === short.tokens.length) return true
  let shared = 0
  for (const t of x.content) if (y.content.has(t)) shared++
  const smaller = Math.min(x.content.size, y.content.size)
  return smaller >= o.minContentForOverlap && shared >= o.minSharedContent && shared / smaller >= o.minOverlap
}

/**
 * True when `words` occur in `tokens` as a contiguous run in any order ("constructive and useful"
 * in "a very useful and constructive talk"): a sliding window of counts, linear in `tokens`.
 */
function containsReordered(tokens: string[], words: string[]): boolean {
  const n = words.length
  if (n > tokens.length) return false
  const need = new Map<string, number>()
  for (const w of words) need.set(w, (need.get(w) ?? 0) + 1)
  // `missing` counts the words of `words` the current window still lacks.
  let missing = n
  const take = (t: string, step: 1 | -1) => {
    const left = need.get(t)
    if (left === undefined) return
    if (step === 1 ? left > 0 : left >= 0) missing -= step
    need.set(t, left - step)
  }
  for (let i = 0; i < tokens.length; i++) {
    take(tokens[i], 1)
    if (i >= n) take(tokens[i - n], -1)
    if (missing === 0) return true
  }
  return false
}

function unionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  return { find, union: (a, b) => void (parent[find(b)] = find(a)) }
}

/**
 * Bounds on the comparisons of one quote in a story of thousands of articles: each index key keeps
 * its first quotes only (a word every outlet quotes adds no candidates past them), and a quote is
 * compared with at most this many candidates, those sharing most keys first. Stories of a few
 * hundred articles stay under both.
 */
const MAX_POSTING = 64
const MAX_CANDIDATES = 256

/** Groups matching quotes; candidates come from an index of content tokens (all tokens for short quotes). */
function groupQuotes(items: Item[], o: Required<AlignQuotesOptions>): Item[][] {
  const index = new Map<string, number[]>()
  const uf = unionFind(items.length)
  // The same wording from the same speaker, seen before: it matches whatever its twin matched
  // (every later quote is compared with the twin), so it joins the twin without comparisons.
  // Syndicated and wire copies make this the common case in a large story.
  const twins = new Map<string, number>()
  items.forEach((item, i) => {
    const wording = `${item.indirect ? 'i' : 'd'}\u0000${item.speaker?.entity?.id ?? item.speaker?.name ?? ''}\u0000${item.tokens.join(' ')}`
    const twin = twins.get(wording)
    if (twin !== undefined) return uf.union(twin, i)
    twins.set(wording, i)
    const keys = item.content.size > 0 ? item.content : new Set(item.tokens)
    const shared = new Map<number, number>()
    for (const k of keys) for (const j of index.get(k) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1)
    const candidates = shared.size <= MAX_CANDIDATES ? [...shared.keys()] : [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([j]) => j).sort((a, b) => a - b)
    for (const j of candidates) if (uf.find(i) !== uf.find(j) && sameQuote(items[j], item, o)) uf.union(j, i)
    for (const k of keys) {
      const list = index.get(k)
      if (!list) index.set(k, [i])
      else if (list.length < MAX_POSTING) list.push(i)
    }
  })
  const groups = new Map<number, Item[]>()
  items.forEach((item, i) => {
    const root = uf.find(i)
    const group = groups.get(root)
    if (group) group.push(item)
    else groups.set(root, [item])
  })
  return [...groups.values()]
}

const sortedUnique = (ids: string[]) => [...new Set(ids)]

interface Variant {
  /** Normalised wording (tokens joined): what variants are told apart and compared by. */
  key: string
  /** The words as one outlet printed them (its first occurrence). */
  text: string
  articleIds: string[]
}

/** Distinct wordings (punctuation and case do not count) with their articles, each shown as first printed. */
function variantsOf(group: Item[]): Variant[] {
  // Article ids gathered in sets: a wording syndicated to thousands of articles stays linear.
  const byWording = new Map<string, { variant: Variant; ids: Set<string> }>()
  for (const item of group) {
    const key = item.tokens.join(' ')
    const seen = byWording.get(key)
    if (seen) seen.ids.add(item.articleId)
    else byWording.set(key, { variant: { key, text: item.text.trim(), articleIds: [] }, ids: new Set([item.articleId]) })
  }
  return [...byWording.values()].map(({ variant, ids }) => ({ ...variant, articleIds: [...ids] }))
}

/** The words of a wording in sorted order: two wordings with the same are reorderings of each other. */
function sortedWords(key: string): string {
  return key.split(' ').sort().join(' ')
}

/** True when the shorter wording is a contiguous part of the longer (an excerpt, not a rewording). */
function isExcerpt(short: string, long: string): boolean {
  return ` ${long} `.includes(` ${short} `)
}

function speakerOf(group: Item[]) {
  return group.map((item) => {
    const s = item.speaker
    return { item, name: s?.entity?.name ?? s?.name ?? null, entityId: s?.entity?.id ?? null, entity: s?.entity ?? null }
  })
}


function buildQuote(group: Item[]): { quote: StoryQuote; discrepancies: Discrepancy[] } {
  const occurrences: Occurrence[] = group.map((x) => ({ articleId: x.articleId, start: x.q.span[0], end: x.q.span[1], text: x.text }))
  const longest = group.reduce((best, x) => (x.tokens.length > best.tokens.length ? x : best))
  const speakers = speakerOf(group).filter((s) => s.name !== null)
  const chosen = mostCommon(speakers.filter((s) => s.entity && s.entity.type !== 'other')) ?? mostCommon(speakers)
  const variants = variantsOf(group)
  const first = occurrences[0]
  const quote: StoryQuote = {
    id: 'q_' + createHash('sha256').update(`${first.articleId}:${first.start}:${first.end}`).digest('hex').slice(0, 10),
    text: longest.text.trim(),
    speaker: chosen ? { name: chosen.name!, entityId: chosen.entityId } : null,
    occurrences,
    articleIds: sortedUnique(group.map((x) => x.articleId)),
    variants: variants.length > 1 ? variants.map(({ text, articleIds }) => ({ text, articleIds })) : [],
  }
  const discrepancies: Discrepancy[] = []
  const wording = wordingDiscrepancy(variants, chosen?.name ?? null)
  if (wording && !longest.indirect) discrepancies.push(wording)
  const bySpeaker = new Map<string, { value: string; articleIds: string[] }>()
  for (const s of speakers) {
    // Only people: a body ("the Kremlin") and its spokesman, or an unnamed official, do not contradict.
    if (s.entity ? s.entity.type !== 'person' : DESCRIPTOR_START.test(s.name!) || !/^\p{Lu}/u.test(s.name!)) continue
    const key = s.entityId ?? s.name!.toLowerCase()
    const entry = bySpeaker.get(key) ?? { value: s.name!, articleIds: [] }
    if (!entry.articleIds.includes(s.item.articleId)) entry.articleIds.push(s.item.articleId)
    bySpeaker.set(key, entry)
  }
  // The verbs outlets attribute the same words with ("said" / "claimed" / "admitted").
  const verbs = group.flatMap((x) => {
    const verb = cueVerb(x.q.cue)
    // The evidence is the verb itself, at the start of the cue's span ("told" of "told Reuters").
    const cue = x.q.cueSpan
    return verb ? [{ articleId: x.articleId, word: verb, ...(cue ? { span: [cue[0], cue[0] + verb.length] as const } : {}) }] : []
  })
  const framing = attributionDiscrepancy(verbs, `${chosen?.name ? `${chosen.name}’s words ` : 'the quote '}${clip(longest.text.trim())}`)
  if (framing) discrepancies.push(framing)
  if (bySpeaker.size > 1) {
    discrepancies.push({
      kind: 'claim',
      description: `same words attributed to different speakers: ${clip(longest.text.trim())}`,
      values: [...bySpeaker.values()],
    })
  }
  return { quote, discrepancies }
}

/**
 * Wordings not contained in another (an excerpt of a longer wording is not a rewording), and the
 * reorderings of those: both orders of "useful and constructive" are listed, with their outlets.
 */
function wordingDiscrepancy(variants: Variant[], speaker: string | null): Discrepancy | null {
  const maximal = variants.filter((v) => !variants.some((o) => o !== v && isExcerpt(v.key, o.key)))
  // Reorderings found through their sorted words (one sort per wording, not one per pair).
  const sorted = new Map(variants.map((v) => [v, sortedWords(v.key)]))
  const maximalSorted = new Set(maximal.map((m) => sorted.get(m)!))
  const maximalSet = new Set(maximal)
  const reordered = variants.filter((v) => !maximalSet.has(v) && maximalSorted.has(sorted.get(v)!))
  const listed = [...maximal, ...reordered].sort((x, y) => y.key.length - x.key.length)
  if (listed.length < 2) return null
  const keysBySorted = new Map<string, Set<string>>()
  for (const v of listed) keysBySorted.set(sorted.get(v)!, (keysBySorted.get(sorted.get(v)!) ?? new Set()).add(v.key))
  const order = [...keysBySorted.values()].some((keys) => keys.size > 1) ? ' (same words in another order)' : ''
  return {
    kind: 'quote-wording',
    description: `quote${speaker ? ` by ${speaker}` : ''} worded differently${order}: ${listed.map((v) => clip(v.text)).join(' vs ')}`,
    values: listed.map((v) => ({ value: v.text, articleIds: v.articleIds })),
  }
}

/** The value seen most often (by entity, else name); first seen wins ties. */
function mostCommon<T extends { name: string | null; entityId: string | null }>(values: T[]): T | null {
  const counts = new Map<string, number>()
  let best: T | null = null
  let bestCount = 0
  for (const v of values) {
    const key = v.entityId ?? v.name ?? ''
    const n = (counts.get(key) ?? 0) + 1
    counts.set(key, n)
    if (n > bestCount) {
      best = v
      bestCount = n
    }
  }
  return best
}

function clip(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? text.slice(0, max - 1) + '…' : text)
}

/**
 * Aligns the quotes of a story's articles: one `StoryQuote` per quote however many outlets carry
 * it, with wording and attribution discrepancies.
 * @example alignQuotes(articles, mergeEntities(articles)).quotes[0].articleIds
 */
export function alignQuotes(
  articles: Annotated[],
  entities: MergedEntities,
  { minOverlap = 0.6, minSharedContent = 3, minContentForOverlap = 4, minCommonRun = 5, maxTokens = 400, maxShortContent = 3 }: AlignQuotesOptions = {},
): { quotes: StoryQuote[]; discrepancies: Discrepancy[] } {
  const items = collect(articles, entities, maxTokens)
  const groups = groupQuotes(items, { minOverlap, minSharedContent, minContentForOverlap, minCommonRun, maxTokens, maxShortContent })
  const quotes: StoryQuote[] = []
  const discrepancies: Discrepancy[] = []
  for (const group of groups) {
    const built = buildQuote(group)
    quotes.push(built.quote)
    discrepancies.push(...built.discrepancies)
  }
  return { quotes, discrepancies }
}
