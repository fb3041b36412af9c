/**
 * Whether two sentences (or clauses) of a story state the same happening: the one place the story
 * stage decides sameness by words, for summary repeats and timeline rows. Where the aligned facts
 * already say two spans are one fact, callers use that first; this decides the rest.
 *
 * Three steps, cheapest first: figures that disagree and names that never meet say two
 * happenings; the share of content words (rarity-weighted when the caller gives rarity) says one
 * when most are shared; the pairs in between that still share `minShared` content words go to the
 * same-fact judge (`compare/same-fact.ts`, learned on MRPC), which reads the same statement in
 * other words.
 */
import { cachedFactText, sameFactAt, STORY_JUDGE_PROBABILITY, type FactText } from '../compare/same-fact.js'
import { contentLemmas } from '../text/stems.js'
import { foldCase } from '../text/tokens.js'
import { documentFrequency } from '../text/postings.js'
import { boundedCache } from '../text/cache.js'
import { relatedStems } from '../text/lexicon.js'

/** A sentence read once for comparing: its content words, names and figures. */
export interface Happening {
  text: string
  /** Content lemmas other than names and reporting words. */
  lemmas: ReadonlySet<string>
  /** Capitalised words not opening the sentence, case-folded. */
  names: ReadonlySet<string>
  /** Digit strings ("25", "2,000" as "2000"). */
  figures: ReadonlySet<string>
  /** Weekdays and months named ("friday"): telling, with rarity, of which happening it is. */
  days: ReadonlySet<string>
}

export interface SameHappeningOptions {
  /** Share of the smaller sentence's content words (weighted by `rarity`, when given) the two must share. */
  minShare?: number
  /** Content words the two must share, at least (for the word share and for the judge to read them). */
  minShared?: number
  /**
   * How telling each word and name is in the story (`storyRarity`). Given, names count with the
   * content words and every word weighs its rarity: "Farenthold" in every sentence says little,
   * "resigned" in a few says which happening.
   */
  rarity?: Rarity
}

/** The weight of a content lemma or a case-folded name. */
export type Rarity = (token: string) => number

/**
 * Inverse document frequency of words and names over a story's sentences.
 * @example const rarity = storyRarity(sentences.map(prepareHappening))
 */
export function storyRarity(happenings: readonly Happening[]): Rarity {
  const df = documentFrequency(happenings.map(tokens))
  const n = Math.max(1, happenings.length)
  // Each token's weight once: the summary weighs the same words for every pair of sentences.
  const weights = new Map<string, number>()
  return (t) => {
    let w = weights.get(t)
    if (w === undefined) weights.set(t, (w = Math.log(1 + n / (df.get(t) ?? 1))))
    return w
  }
}

// Words that say who reports a happening, not what happened: "said", "according to", "told CNN".
const REPORTING = new Set(
  contentLemmas(
    'said says saying told according reported reports statement added noted wrote posted tweeted also later earlier wednesday between though although while after before during over under amid despite still even just already',
  ),
)
// Titles and roles name who acted, as names do; shared, they say nothing about what happened.
const ROLES = new Set(
  contentLemmas('president vice special envoy secretary minister senior administration official officials adviser advisor aide spokesman spokeswoman spokesperson leader chief foreign state house white former representative senator sen rep gov governor'),
)
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}’'.-]*/gu
const FIGURE = /\d[\d,.]*/g
const DAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
)
// Capitalised words that name no one: titles, sentence openers after a colon (and DAYS).
const NOT_NAMES = new Set('mr mrs ms dr sen rep gov gen president secretary minister leader senator representative the a an in on at but and he she it they we i'.split(' '))

// Sentences read by `prepareHappening`: the summary reads a sentence as a candidate, as another's
// citation and as a chosen one's, and the timeline again; outlets repeat sentences word for word.
const HAPPENING_CACHE_LIMIT = 4096
const happenings = boundedCache<string, Happening>(HAPPENING_CACHE_LIMIT)

/**
 * Reads a sentence for `sameHappening`, once per distinct text (the reading is shared: callers
 * must not change it).
 * @example prepareHappening('Trump said on Wednesday that great progress was made.').names // Set { 'trump' }
 */
export function prepareHappening(text: string): Happening {
  return happenings.get(text, readHappening)
}

function readHappening(text: string): Happening {
  const names = new Set<string>()
  const days = new Set<string>()
  for (const m of text.matchAll(CAPITALISED)) {
    const name = foldCase(m[0].replace(/[’'.]s?$|[.-]+$/, ''))
    if (DAYS.has(name)) days.add(name)
    else if (m.index > 0 && name.length > 1 && !NOT_NAMES.has(name)) names.add(name)
  }
  const nameLemmas = new Set(contentLemmas([...names].join(' ')))
  const lemmas = new Set(contentLemmas(text).filter((l) => !REPORTING.has(l) && !ROLES.has(l) && !nameLemmas.has(l)))
  const figures = new Set([...text.matchAll(FIGURE)].map((m) => m[0].replace(/[,.]+$/, '').replace(/,/g, '')))
  for (const d of days) lemmas.delete(d)
  return { text, lemmas, names, figures, days }
}

// Each happening's words, names, days and figures as one set, made when first compared by rarity.
const tokenSets = new WeakMap<Happening, ReadonlySet<string>>()

function tokens(h: Happening): ReadonlySet<string> {
  let set = tokenSets.get(h)
  if (!set) tokenSets.set(h, (set = new Set([...h.lemmas, ...h.names, ...h.days, ...h.figures])))
  return set
}

function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/**
 * Whether `a` and `b` state the same happening: the figures of both agree, the names of both
 * meet, and they share most of the smaller one's content words or the same-fact judge reads them
 * as one statement.
 * @example sameHappening('Trump said great progress was made in Moscow.', 'Great progress was made in Moscow, Trump wrote.') // true
 */
export function sameHappening(a: Happening | string, b: Happening | string, { minShare = 0.5, minShared = 3, rarity }: SameHappeningOptions = {}): boolean {
  const x = typeof a === 'string' ? prepareHappening(a) : a
  const y = typeof b === 'string' ? prepareHappening(b) : b
  // "12 hurt" and "15 hurt" are two reports of one crash, but not the same statement.
  if (x.figures.size > 0 && y.figures.size > 0 && overlap(x.figures, y.figures) === 0) return false
  if (x.names.size > 0 && y.names.size > 0 && overlap(x.names, y.names) === 0) return false
  const shared = overlap(x.lemmas, y.lemmas)
  const share = rarity ? weightedShare(x, y, rarity, minShared) : shared >= minShared ? shared / Math.max(1, Math.min(x.lemmas.size, y.lemmas.size)) : 0
  if (share >= minShare) return true
  // Blocking: the judge reads only pairs with `minShared` content words in common (in a 200-article
  // story, two shared words sent 30,000 pairs to it, a sixth of the story's time).
  return shared >= minShared && sameFactAt(judgeText(x), judgeText(y), STORY_JUDGE_PROBABILITY)
}

// Each happening is read for the judge once, when first judged.
const judgeTexts = new WeakMap<Happening, FactText>()
function judgeText(h: Happening): FactText {
  let t = judgeTexts.get(h)
  if (!t) judgeTexts.set(h, (t = cachedFactText(h.text)))
  return t
}

/** Rarity-weighted share of the lighter sentence's words and names found in the other; 0 under `minShared` in common. */
function weightedShare(x: Happening, y: Happening, rarity: Rarity, minShared: number): number {
  let shared = 0
  let count = 0
  let wx = 0
  let wy = 0
  const ys = tokens(y)
  for (const t of tokens(x)) {
    const w = rarity(t)
    wx += w
    if (ys.has(t)) {
      shared += w
      count++
    }
  }
  for (const t of ys) wy += rarity(t)
  return count < minShared ? 0 : shared / Math.max(1e-9, Math.min(wx, wy))
}

/**
 * Whether two sentences share a content word, or a WordNet synonym or derivation of one
 * ("resigned" / "quit", "ad" / "advertisement"), names and reporting words aside: the least two
 * spans must have in common to be read as one happening when something else (one aligned fact,
 * one date) already ties them.
 */
export function sharesMeaning(a: Happening, b: Happening, ignore?: ReadonlySet<string>): boolean {
  return meaningsShared(a, b, ignore, 1) >= 1
}

/**
 * How many content words of `a` (names, reporting words and `ignore` aside) `b` holds, or holds a
 * WordNet synonym or derivation of; counting stops at `enough`. Words held as they are are counted
 * first: most pairs are decided without a look-up of relations.
 */
export function meaningsShared(a: Happening, b: Happening, ignore?: ReadonlySet<string>, enough = Infinity): number {
  let shared = 0
  for (const x of a.lemmas) if (b.lemmas.has(x) && !ignore?.has(x) && ++shared >= enough) return shared
  for (const x of a.lemmas) {
    if (ignore?.has(x) || b.lemmas.has(x)) continue
    for (const y of b.lemmas) {
      if (ignore?.has(y) || !relatedStems(x, y)) continue
      if (++shared >= enough) return shared
      break
    }
  }
  return shared
}
