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
 *    full version join through containment);
 * 4. build quotes (longest wording, variants, speaker) and discrepancies.
 */
import { createHash } from 'node:crypto'
import type { Annotated, Discrepancy, Occurrence, QuoteMention, StoryQuote } from '../types.js'
import { STOP_WORDS, wordTokens } from '../cluster/terms.js'
import type { MergedEntities } from './entities.js'

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
}

interface Item {
  articleId: string
  q: QuoteMention
  text: string
  tokens: string[]
  content: Set<string>
  indirect: boolean
}

const CURLY_APOSTROPHE = /’/g

/** Lowercase words with apostrophes kept straight; quote marks, dashes and punctuation dropped. */
function quoteTokens(text: string): string[] {
  const tokens = wordTokens(text)
  for (let i = 0; i < tokens.length; i++) if (tokens[i].includes('’')) tokens[i] = tokens[i].replace(CURLY_APOSTROPHE, "'")
  return tokens
}

function collect(articles: Annotated[], maxTokens: number): Item[] {
  const out: Item[] = []
  for (const a of articles) {
    for (const q of a.quotes) {
      const text = a.text.slice(q.span[0], q.span[1])
      const tokens = quoteTokens(text).slice(0, maxTokens)
      if (tokens.length === 0) continue
      const content = new Set(tokens.filter((t) => !STOP_WORDS.has(t)))
      out.push({ articleId: a.id, q, text, tokens, content, indirect: q.kind === 'indirect' })
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
  const run = longestCommonRun(x.tokens, y.tokens)
  const shorter = Math.min(x.tokens.length, y.tokens.length)
  if (run >= o.minCommonRun || (run === shorter && shorter >= 2)) return true
  let shared = 0
  for (const t of x.content) if (y.content.has(t)) shared++
  const smaller = Math.min(x.content.size, y.content.size)
  return smaller >= o.minContentForOverlap && shared >= o.minSharedContent && shared / smaller >= o.minOverlap
}

function unionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  return { find, union: (a, b) => void (parent[find(b)] = find(a)) }
}

/** Groups matching quotes; candidates come from an index of content tokens (all tokens for short quotes). */
function groupQuotes(items: Item[], o: Required<AlignQuotesOptions>): Item[][] {
  const index = new Map<string, number[]>()
  const uf = unionFind(items.length)
  items.forEach((item, i) => {
    const keys = item.content.size > 0 ? item.content : new Set(item.tokens)
    const candidates = new Set<number>()
    for (const k of keys) for (const j of index.get(k) ?? []) candidates.add(j)
    for (const j of candidates) if (uf.find(i) !== uf.find(j) && sameQuote(items[j], item, o)) uf.union(j, i)
    for (const k of keys) {
      const list = index.get(k)
      if (list) list.push(i)
      else index.set(k, [i])
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

/** Distinct wordings (tokens joined: punctuation and case already gone) with their articles. */
function variantsOf(group: Item[]): { text: string; articleIds: string[] }[] {
  const byWording = new Map<string, string[]>()
  for (const item of group) {
    const key = item.tokens.join(' ')
    byWording.set(key, sortedUnique([...(byWording.get(key) ?? []), item.articleId]))
  }
  return [...byWording].map(([text, articleIds]) => ({ text, articleIds }))
}

/** True when the shorter wording is a contiguous part of the longer (an excerpt, not a rewording). */
function isExcerpt(short: string, long: string): boolean {
  return ` ${long} `.includes(` ${short} `)
}

function speakerOf(group: Item[], entities: MergedEntities) {
  const resolved = group.map((item) => {
    const s = item.q.speaker
    const entity = s ? entities.findInArticle(item.articleId, s.name, s.span) : null
    return { item, name: entity?.name ?? s?.name ?? null, entityId: entity?.id ?? null, entity }
  })
  return resolved
}

const DESCRIPTOR_START = /^(?:a|an|the|one|two|several|some)\s/i

function buildQuote(group: Item[], entities: MergedEntities): { quote: StoryQuote; discrepancies: Discrepancy[] } {
  const occurrences: Occurrence[] = group.map((x) => ({ articleId: x.articleId, start: x.q.span[0], end: x.q.span[1], text: x.text }))
  const longest = group.reduce((best, x) => (x.tokens.length > best.tokens.length ? x : best))
  const speakers = speakerOf(group, entities).filter((s) => s.name !== null)
  const chosen = mostCommon(speakers.filter((s) => s.entity && s.entity.type !== 'other')) ?? mostCommon(speakers)
  const variants = variantsOf(group)
  const first = occurrences[0]
  const quote: StoryQuote = {
    id: 'q_' + createHash('sha256').update(`${first.articleId}:${first.start}:${first.end}`).digest('hex').slice(0, 10),
    text: longest.text.trim(),
    speaker: chosen ? { name: chosen.name!, entityId: chosen.entityId } : null,
    occurrences,
    articleIds: sortedUnique(group.map((x) => x.articleId)),
    variants: variants.length > 1 ? variants : [],
  }
  const discrepancies: Discrepancy[] = []
  const main = longest.tokens.join(' ')
  // Wordings not contained in another: an excerpt of a longer wording is not a rewording.
  const maximal = variants
    .filter((v) => !variants.some((o) => o !== v && isExcerpt(v.text, o.text)))
    .sort((x, y) => y.text.length - x.text.length)
  if (maximal.length > 1 && !longest.indirect) {
    discrepancies.push({
      kind: 'quote-wording',
      description: `quote${chosen ? ` by ${chosen.name}` : ''} worded differently: ${maximal.map((v) => clip(v.text)).join(' vs ')}`,
      values: maximal.map((v) => ({ value: v.text, articleIds: v.articleIds })),
    })
  }
  const bySpeaker = new Map<string, { value: string; articleIds: string[] }>()
  for (const s of speakers) {
    // Only people: a body ("the Kremlin") and its spokesman, or an unnamed official, do not contradict.
    if (s.entity ? s.entity.type !== 'person' : DESCRIPTOR_START.test(s.name!) || !/^\p{Lu}/u.test(s.name!)) continue
    const key = s.entityId ?? s.name!.toLowerCase()
    const entry = bySpeaker.get(key) ?? { value: s.name!, articleIds: [] }
    entry.articleIds = sortedUnique([...entry.articleIds, s.item.articleId])
    bySpeaker.set(key, entry)
  }
  if (bySpeaker.size > 1) {
    discrepancies.push({
      kind: 'claim',
      description: `same words attributed to different speakers: ${clip(main)}`,
      values: [...bySpeaker.values()],
    })
  }
  return { quote, discrepancies }
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
  { minOverlap = 0.6, minSharedContent = 3, minContentForOverlap = 4, minCommonRun = 5, maxTokens = 400 }: AlignQuotesOptions = {},
): { quotes: StoryQuote[]; discrepancies: Discrepancy[] } {
  const items = collect(articles, maxTokens)
  const groups = groupQuotes(items, { minOverlap, minSharedContent, minContentForOverlap, minCommonRun, maxTokens })
  const quotes: StoryQuote[] = []
  const discrepancies: Discrepancy[] = []
  for (const group of groups) {
    const built = buildQuote(group, entities)
    quotes.push(built.quote)
    discrepancies.push(...built.discrepancies)
  }
  return { quotes, discrepancies }
}
