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
 *    contiguous or reordered ("constructive and useful") or with one function word changed ("a
 *    spot at the bar" / "not a spot at a bar"), from the same or a compatible speaker (the Kremlin
 *    and a Kremlin aide; an unattributed quote);
 * 4. build quotes (longest wording, variants in an original wording, speaker) and discrepancies:
 *    a rewording only where two outlets print the same statement with other words inside it
 *    (`wordingDifferences`), and other speakers for the same words only where both articles
 *    name the speaker beside the quote.
 */
import { hash } from 'node:crypto'
import type { Annotated, Discrepancy, Occurrence, QuoteMention, Span, StoryQuote } from '../types.js'
import { nameTokens, sameToken } from '../text/names.js'
import { wordTokens } from '../text/tokens.js'
import type { MergedEntities } from './entities.js'
import { attributionDiscrepancy, cueVerb } from './framing.js'
import { compatibleSpeakers, speaksInRoleFor, type SpeakerRef } from './names.js'
import { stem, TOPIC_STOPWORDS as STOP_WORDS } from '../text/stems.js'
import { SMALL_NUMBERS } from '../enrich/numbers/lexicon.js'

export interface AlignQuotesOptions {
  /** Overlap coefficient on content tokens at or above which two quotes are one. */
  minOverlap?: number
  /** Content tokens two quotes must share for the overlap rule to apply. */
  minSharedContent?: number
  /** Quotes with fewer content words match only by containment or a common run: too few to tell a coincidence. */
  minContentForOverlap?: number
  /** A common run of this many tokens makes two quotes one, when it is also this share of the shorter quote's tokens. */
  minCommonRun?: number
  minRunShare?: number
  /** The common run two quotes need to be one when both articles name different speakers beside them. */
  minRunAcrossSpeakers?: number
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
  /** The speaker as the article writes it at the speaker's span ("Rubio", "he"), when it has one. */
  written: string | null
  /** The speaker is written in the quote's own paragraph (no line break between them). */
  sameParagraph: boolean
}

const CURLY_APOSTROPHE = /’/g
/** A text speaking for its authors, as the quote finder names it ("the letter", "The ad", "a statement from ..."). */
const DOCUMENT_SPEAKER = /^(?:the|a|an|this|its|their)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:letters?|statements?|reports?|memo|memorandum|lawsuit|suit|complaint|filing|indictment|ads?|advertisement|commercial|video|posts|editorial|ruling|petition|release|document|study|survey|resolution|law|code)\b/iu
const DESCRIPTOR_START = /^(?:a|an|the|one|two|several|some)\s/i

// "&" between words is "and" ("some good & some bad"; not "A & M").
const AMPERSAND = /(?<=[\p{L}]{2}\s)&(?=\s[\p{L}]{2})/gu
// A swear word one outlet masks with asterisks or three or more hyphens ("f***ing", "s---"), standing
// as a word of its own, is the word another outlet prints whole; two hyphens are a stammer ("a--a plan").
const MASKED = /(?<![\p{L}\p{N}'’])(\p{L})(?:\*+|-{3,})(\p{L}{0,3})(?![\p{L}\p{N}*-])/gu
const SWEAR_WORDS: Readonly<Record<string, string>> = { f: 'fuck', s: 'shit', b: 'bitch', d: 'damn', a: 'ass', h: 'hell' }
// What may follow the mask: an ending of the word ("f***ing", "f-----g", "s***s").
const MASKED_ENDINGS: Readonly<Record<string, string>> = { '': '', ing: 'ing', in: 'in', g: 'ing', ed: 'ed', er: 'er', s: 's' }

/** The quote's words as printed whole: "&" between words written out, a masked swear word unmasked. */
function unmasked(text: string): string {
  const out = text.includes('&') ? text.replace(AMPERSAND, 'and') : text
  if (!out.includes('*') && !out.includes('---')) return out
  return out.replace(MASKED, (masked, first: string, rest: string) => {
    const word = SWEAR_WORDS[first.toLowerCase()]
    const ending = MASKED_ENDINGS[rest.toLowerCase()]
    return word && ending !== undefined ? first + word.slice(1) + ending : masked
  })
}

/** Lowercase words with apostrophes kept straight; quote marks, dashes and punctuation dropped ("&" and masked words read whole: `unmasked`). */
function quoteTokens(text: string): string[] {
  const tokens = wordTokens(unmasked(text))
  for (let i = 0; i < tokens.length; i++) if (tokens[i].includes('’')) tokens[i] = tokens[i].replace(CURLY_APOSTROPHE, "'")
  return joinLetters(tokens)
}

const SINGLE_LETTER = /^\p{L}$/u

/** A run of single letters is one dotted acronym ("F.B.I." -> "fbi"), as another outlet writes "FBI". */
function joinLetters(tokens: string[]): string[] {
  if (!tokens.some((t, i) => SINGLE_LETTER.test(t) && SINGLE_LETTER.test(tokens[i + 1] ?? ''))) return tokens
  const out: string[] = []
  for (let i = 0; i < tokens.length; ) {
    let j = i
    while (j < tokens.length && SINGLE_LETTER.test(tokens[j]) && tokens[j] !== 'a') j++
    if (j - i >= 2) {
      out.push(tokens.slice(i, j).join(''))
      i = j
    } else out.push(tokens[i++])
  }
  return out
}

/** Whether `written` holds a word of `name` (spelling variants allowed). */
function sharesNameWord(written: string, name: string): boolean {
  const words = nameTokens(written)
  return nameTokens(name).some((t) => t !== 'the' && words.some((w) => sameToken(t, w)))
}

function collect(articles: Annotated[], entities: MergedEntities, maxTokens: number): Item[] {
  const out: Item[] = []
  for (const a of articles) {
    // Where the last quote with a written speaker has it.
    let placed: Span | undefined
    for (const q of a.quotes) {
      const text = a.text.slice(q.span[0], q.span[1])
      const tokens = quoteTokens(text).slice(0, maxTokens)
      if (tokens.length === 0) continue
      const content = new Set(tokens.filter((t) => !STOP_WORDS.has(t)))
      const s = q.speaker
      const written = s?.span ? a.text.slice(s.span[0], s.span[1]) : null
      // "the Fox News host" resolved to Glenn Beck: where the speaker is written locates the entity only when it holds a word of the name.
      const located = written !== null && s && sharesNameWord(written, s.name) ? s.span : undefined
      const speaker = s ? { name: s.name, entity: entities.findInArticle(a.id, s.name, located) } : null
      // A continuation ("“His conduct ...”" after "..., said Jon Thompson.") is placed by the speaker
      // of the quote it continues.
      const at = s?.span ?? (q.via?.startsWith('continuation/') ? placed : undefined)
      const between = at ? a.text.slice(Math.min(at[1], q.span[0]), Math.max(at[0], q.span[1])) : '\n'
      if (s?.span) placed = s.span
      out.push({ articleId: a.id, q, text, tokens, content, indirect: q.kind === 'indirect', speaker, written, sameParagraph: !between.includes('\n') })
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

// Two speakers, one of them read away from the words: the share of the shorter quote's words the
// longer must hold, in order, for the two to be one statement (a rewording of it, not a phrase).
const SAME_STATEMENT_SHARE = 0.8

function sameQuote(x: Item, y: Item, o: Required<AlignQuotesOptions>, weak?: (x: Item, y: Item) => boolean): boolean {
  if (x.indirect !== y.indirect) return false
  const [short, long] = x.tokens.length <= y.tokens.length ? [x, y] : [y, x]
  if (Math.min(x.content.size, y.content.size) <= o.maxShortContent) {
    // Words the longer quote itself puts in quotation marks ("the war was not “a war of Obama's
    // choosing.”") are someone else's words it repeats, not a part of its own statement.
    if (!(x.speaker && y.speaker && compatibleSpeakers(x.speaker, y.speaker)) && quotedInside(long.text, short.tokens)) return false
    const inside =
      containsReordered(long.tokens, short.tokens) ||
      (short.tokens.length >= MIN_EDITED_SHORT && (containsWithOneFunctionWord(long.tokens, short.tokens) || containsWithOneInsertion(long.tokens, short.tokens)))
    return short.tokens.length >= 2 && inside && compatibleSpeakers(x.speaker, y.speaker)
  }
  const run = longestCommonRun(x.tokens, y.tokens)
  // Two speakers both articles name beside their words: one quote only when the words are plainly
  // the same (a long common run), else two statements sharing a phrase.
  if (!compatibleSpeakers(x.speaker, y.speaker)) {
    if (namedBeside(x) && namedBeside(y)) return run >= o.minRunAcrossSpeakers
    // One of the two found its speaker away from the words (a pronoun, the quote before it): the
    // same statement still joins, though credited to two people and worded a little apart, but a
    // phrase two people's statements share ("... are on the wrong side of history") does not.
    if (run < o.minRunAcrossSpeakers && commonSubsequence(short.tokens, long.tokens).length < SAME_STATEMENT_SHARE * short.tokens.length) return false
  }
  // A run of a few words in a long quote is a phrase two statements share ("a preferential option
  // for the poor, which"): it must also be a good part of the shorter quote.
  if ((run >= o.minCommonRun && run >= o.minRunShare * short.tokens.length) || run === short.tokens.length) return true
  // Shared words without a long run: weak evidence, which the caller may refuse (`groupQuotes`).
  if (weak?.(x, y)) return false
  let shared = 0
  for (const t of x.content) if (y.content.has(t)) shared++
  const smaller = Math.min(x.content.size, y.content.size)
  // Shared words without a long shared run are weak evidence: two speakers make them two statements.
  return smaller >= o.minContentForOverlap && shared >= o.minSharedContent && shared / smaller >= o.minOverlap && compatibleSpeakers(x.speaker, y.speaker)
}

// A stretch in quotation marks inside a quote's words: double marks, or single ones whose closing
// mark is no apostrophe ("‘a war of Obama’s choosing.’").
const NESTED_QUOTE = /[“"]([^“”"\n]{1,300})[”"]|‘([^‘\n]{1,300}?)’(?!\p{L})/gu

/** Whether `words` stand, in any order, inside a stretch that `text` (a quote's words) itself quotes. */
function quotedInside(text: string, words: string[]): boolean {
  if (!/[“"‘]/.test(text)) return false
  for (const m of text.matchAll(NESTED_QUOTE)) if (containsReordered(quoteTokens(m[1] ?? m[2]), words)) return true
  return false
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

/**
 * Words whose change leaves a short quote recognisably the same line ("a spot at the bar" / "not a
 * spot at a bar"): articles, determiners, possessives and prepositions, never a content word, a
 * negation or a number.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the this that these those its his her their our my your of in on at to for with by from into onto'.split(' '),
)

/** A short quote this long (in tokens) may differ from its full version by one function word: a shorter one is too easily another phrase. */
const MIN_EDITED_SHORT = 4

/**
 * True when `words` occur contiguously in `tokens` but for one function word changed, added or
 * left out ("a spot at the bar" in "dress like you deserve respect, not a spot at a bar"): one
 * outlet's short partial quote of a line another prints whole, with an article of its own.
 */
function containsWithOneFunctionWord(tokens: string[], words: string[]): boolean {
  // Matches words[j..] at tokens[i..], exactly once no edit is left.
  const rest = (i: number, j: number): boolean => {
    if (words.length - j > tokens.length - i) return false
    for (let k = 0; k < words.length - j; k++) if (tokens[i + k] !== words[j + k]) return false
    return true
  }
  const edited = (i: number, j: number): boolean => {
    for (; j < words.length; i++, j++) {
      // The long quote ends first: only a last function word of the short one may be left over.
      if (i >= tokens.length) return j === words.length - 1 && FUNCTION_WORDS.has(words[j])
      if (tokens[i] === words[j]) continue
      const [t, w] = [tokens[i], words[j]]
      return (
        (FUNCTION_WORDS.has(t) && FUNCTION_WORDS.has(w) && rest(i + 1, j + 1)) ||
        (FUNCTION_WORDS.has(t) && rest(i + 1, j)) ||
        (FUNCTION_WORDS.has(w) && rest(i, j + 1))
      )
    }
    return true
  }
  for (let i = 0; i + words.length - 1 <= tokens.length; i++) if (edited(i, 0)) return true
  return false
}

/** Words one outlet may print inside a short quote that the other leaves out ("under a lot of duress" / "under duress"). */
const MAX_INSERTED = 3
/** A short quote longer than this is compared by its runs of words, not read for one insertion (the search is cubic). */
const MAX_INSERTION_SHORT = 16
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nothing', 'nobody', 'none', 'neither', 'nor', 'cannot'])
const NOT_SUFFIX = /n['’]t$/

/**
 * True when `words` occur in `tokens` but for one stretch of at most `MAX_INSERTED` words the
 * longer quote has inside them ("that's just a bunch of malarkey" for "that's a bunch of
 * malarkey"): the same short line with words one outlet left out, which the wording comparison
 * then reports. Both parts around the stretch are printed word for word, and the short quote's
 * words are not all function words.
 */
function containsWithOneInsertion(tokens: string[], words: string[]): boolean {
  if (words.length > MAX_INSERTION_SHORT || words.every((w) => FUNCTION_WORDS.has(w) || STOP_WORDS.has(w))) return false
  const at = (i: number, from: number, to: number) => {
    for (let k = from; k < to; k++) if (tokens[i + k - from] !== words[k]) return false
    return true
  }
  for (let cut = 1; cut < words.length; cut++) {
    for (let i = 0; i + cut <= tokens.length; i++) {
      if (!at(i, 0, cut)) continue
      for (let gap = 1; gap <= MAX_INSERTED; gap++) {
        const j = i + cut + gap
        if (j + words.length - cut > tokens.length) break
        // "we do not support the deal" is not "we support the deal" with words left out.
        if (at(j, cut, words.length)) return !tokens.slice(i + cut, j).some((w) => NEGATIONS.has(w) || NOT_SUFFIX.test(w))
      }
    }
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

/** Speakers kept per quote group for the check that joins two groups. */
const MAX_SPOKEN = 16

/** One item per speaker (by entity, else name), first seen first. */
function distinctSpeakers(items: Item[]): Item[] {
  const seen = new Set<string>()
  return items.filter((x) => {
    const key = x.speaker?.entity?.id ?? x.speaker?.name ?? ''
    return !seen.has(key) && seen.add(key) !== undefined
  })
}

/** Groups matching quotes; candidates come from an index of content tokens (all tokens for short quotes). */
function groupQuotes(items: Item[], o: Required<AlignQuotesOptions>): Item[][] {
  const index = new Map<string, number[]>()
  const uf = unionFind(items.length)
  // The same wording from the same speaker, seen before: it matches whatever its twin matched
  // (every later quote is compared with the twin), so it joins the twin without comparisons.
  // Syndicated and wire copies make this the common case in a large story.
  const twins = new Map<string, number>()
  // Per group root, its items with a speaker, one per speaker (a few kept per group).
  const spoken = new Map<number, Item[]>()
  // Per group root, the articles its quotes come from (for the second pass).
  const articlesOf = new Map<number, Set<string>>()
  const articles = (root: number) => articlesOf.get(root) ?? new Set([items[root].articleId])
  const join = (i: number, j: number) => {
    const [ri, rj] = [uf.find(i), uf.find(j)]
    const joined = new Set([...articles(ri), ...articles(rj)])
    uf.union(j, i)
    articlesOf.delete(ri)
    articlesOf.delete(rj)
    articlesOf.set(uf.find(i), joined)
  }
  const keysOf = (item: Item) => (item.content.size > 0 ? item.content : new Set(item.tokens))
  const candidatesOf = (item: Item): number[] => {
    const shared = new Map<number, number>()
    for (const k of keysOf(item)) for (const j of index.get(k) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1)
    return shared.size <= MAX_CANDIDATES ? [...shared.keys()] : [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES).map(([j]) => j).sort((a, b) => a - b)
  }
  /** Joins the groups of `i` and `j` when their quotes match (`sameQuote` with `weak`) and their speakers allow it. */
  const tryJoin = (i: number, j: number, weak: (x: Item, y: Item) => boolean) => {
    if (uf.find(i) === uf.find(j) || !sameQuote(items[j], items[i], o, weak)) return
    // Matching quotes chain: a third quote sharing words with two statements of different
    // speakers would make them one. Two groups join only when every pair of their speakers that
    // cannot be one source matched directly (the same words credited to two people).
    const [ri, rj] = [uf.find(i), uf.find(j)]
    const [xs, ys] = [spoken.get(rj) ?? [], spoken.get(ri) ?? []]
    if (!xs.every((x) => ys.every((y) => compatibleSpeakers(x.speaker, y.speaker) || sameQuote(x, y, o)))) return
    join(i, j)
    const merged = distinctSpeakers([...xs, ...ys]).slice(0, MAX_SPOKEN)
    spoken.delete(ri)
    spoken.delete(rj)
    if (merged.length > 0) spoken.set(uf.find(i), merged)
  }
  // First pass: quotes that share a long run of words or sit inside one another.
  const firstOfTwins: number[] = []
  items.forEach((item, i) => {
    const wording = `${item.indirect ? 'i' : 'd'}\u0000${item.speaker?.entity?.id ?? item.speaker?.name ?? ''}\u0000${item.tokens.join(' ')}`
    const twin = twins.get(wording)
    if (twin !== undefined) return join(twin, i)
    twins.set(wording, i)
    firstOfTwins.push(i)
    if (item.speaker) spoken.set(i, [item])
    for (const j of candidatesOf(item)) tryJoin(i, j, STRONG_ONLY)
    for (const k of keysOf(item)) {
      const list = index.get(k)
      if (!list) index.set(k, [i])
      else if (list.length < MAX_POSTING) list.push(i)
    }
  })
  // Second pass: shared words alone join two groups only when no article has a quote in both: two
  // statements of one article ("I have not heard them admit a problem" and "Hello, my name is the
  // party and I have a problem") are not one quote because a third shares words with each.
  const position = new Map(items.map((item, i) => [item, i]))
  const sharesArticle = (x: Item, y: Item) => {
    const ax = articles(uf.find(position.get(x)!))
    for (const a of articles(uf.find(position.get(y)!))) if (ax.has(a)) return true
    return false
  }
  for (const i of firstOfTwins) for (const j of candidatesOf(items[i])) if (j !== i) tryJoin(i, j, sharesArticle)
  const groups = new Map<number, Item[]>()
  items.forEach((item, i) => {
    const root = uf.find(i)
    const group = groups.get(root)
    if (group) group.push(item)
    else groups.set(root, [item])
  })
  return [...groups.values()]
}

/** For `sameQuote`: no match by shared words alone. */
const STRONG_ONLY = () => true

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

/** True when the shorter wording is a contiguous part of the longer (an excerpt, not a rewording). */
function isExcerpt(short: string, long: string): boolean {
  return ` ${long} `.includes(` ${short} `)
}

const PRONOUN = /^(?:he|she|they|we|i|it|him|her|his|their)$/i

/** The speaker's name is written, with an attribution verb, within `window` characters of the quote. */
function namedBeside(item: Item, window = 160): boolean {
  const { speaker, cue, span } = item.q
  if (!speaker?.span || !cue) return false
  const [from, to] = speaker.span
  if (from < span[0] - window || to > span[1] + window) return false
  return item.written !== null && !PRONOUN.test(item.written.trim())
}

function speakerOf(group: Item[]) {
  return group.map((item) => {
    const s = item.speaker
    return { item, name: s?.entity?.name ?? s?.name ?? null, entityId: s?.entity?.id ?? null, entity: s?.entity ?? null }
  })
}


/**
 * The one person among `candidates` who speaks for the body `body` in their role
 * (`speaksInRoleFor`), else null: several such people (the body's aide and its spokesman
 * disagreeing) leave the words the body's.
 */
function spokesperson<T extends { name: string | null; entityId: string | null; entity: SpeakerRef['entity'] }>(body: T, candidates: readonly T[]): T | null {
  const ref: SpeakerRef = { name: body.name ?? '', entity: body.entity }
  const people = candidates.filter((c) => c.name !== null && speaksInRoleFor({ name: c.name, entity: c.entity }, ref))
  return new Set(people.map((p) => p.entityId ?? p.name)).size === 1 ? people[0] : null
}

function buildQuote(group: Item[]): { quote: StoryQuote; discrepancies: Discrepancy[] } {
  const occurrences: Occurrence[] = group.map((x) => ({ articleId: x.articleId, start: x.q.span[0], end: x.q.span[1], text: x.text }))
  const longest = group.reduce((best, x) => (x.tokens.length > best.tokens.length ? x : best))
  const speakers = speakerOf(group).filter((s) => s.name !== null)
  // Outlets naming the speaker beside the words first: a speaker found through a pronoun or an
  // earlier sentence is our reading, and wrong more often.
  const beside = speakers.filter((s) => namedBeside(s.item))
  // A person, body or place over an untyped name; a document or phrase ("the letter") is as good.
  const typed = (xs: typeof speakers) => xs.filter((s) => (s.entity ? s.entity.type !== 'other' : DOCUMENT_SPEAKER.test(s.name!)))
  // Then a speaker written in the quote's paragraph ("..., said Jon Thompson. “His conduct ...”")
  // over one carried from a quote paragraphs before.
  const near = speakers.filter((s) => s.item.sameParagraph)
  const common = mostCommon(typed(beside)) ?? mostCommon(beside) ?? mostCommon(typed(near)) ?? mostCommon(typed(speakers)) ?? mostCommon(speakers)
  // A body and the person who speaks for it ("the Kremlin" and "Kremlin aide Yury Ushakov"): the person says more.
  // Read among the speakers `common` was chosen from: one found through a pronoun does not outrank outlets naming the body.
  const chosen = common?.entity?.type === 'organization' ? (spokesperson(common, [beside, near, speakers].find((tier) => tier.includes(common)) ?? []) ?? common) : common
  const variants = variantsOf(group)
  const first = occurrences[0]
  const quote: StoryQuote = {
    id: 'q_' + hash('sha256', `${first.articleId}:${first.start}:${first.end}`, 'hex').slice(0, 10),
    text: longest.text.trim(),
    speaker: chosen ? { name: chosen.name!, entityId: chosen.entityId } : null,
    occurrences,
    articleIds: sortedUnique(group.map((x) => x.articleId)),
    variants: variants.length > 1 ? variants.map(({ text, articleIds }) => ({ text, articleIds })) : [],
  }
  const discrepancies: Discrepancy[] = []
  const wording = wordingDiscrepancy(group, variants, chosen?.name ?? null)
  if (wording && !longest.indirect) discrepancies.push(wording)
  const bySpeaker = new Map<string, { value: string; articleIds: string[] }>()
  for (const s of speakers) {
    // Only people: a body ("the Kremlin") and its spokesman, or an unnamed official, do not contradict.
    if (s.entity ? s.entity.type !== 'person' : DESCRIPTOR_START.test(s.name!) || !/^\p{Lu}/u.test(s.name!)) continue
    // Only speakers the article names beside the quote: one found through a pronoun or an earlier
    // sentence is our reading, not the outlet's attribution.
    if (!namedBeside(s.item)) continue
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
  // Across outlets only: one article crediting its own two quotes of these words differently is
  // its reading (or ours), not outlets disagreeing.
  if (bySpeaker.size > 1 && new Set([...bySpeaker.values()].flatMap((v) => v.articleIds)).size > 1) {
    discrepancies.push({
      kind: 'attribution',
      description: `same words attributed to different speakers: ${clip(longest.text.trim())}`,
      values: [...bySpeaker.values()],
    })
  }
  return { quote, discrepancies }
}

/** A stretch where two wordings of one quote differ, between words they share on both sides. */
interface WordingDifference {
  /** The words on each side, with the shared words around them ("at the bar" / "at a bar"). */
  sides: [string, string]
}

/** One word, however inflected or abbreviated ("Sen." / "Senator", "think" / "thinks"); stems given. */
function sameWord(x: string, y: string, stemX: string, stemY: string): boolean {
  if (x === y || stemX === stemY) return true
  if (CLITIC_WORDS[x]?.includes(y) || CLITIC_WORDS[y]?.includes(x)) return true
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.length >= 3 && !STOP_WORDS.has(short) && long.startsWith(short)
}

/**
 * Index pairs of a longest common subsequence of two token lists (words compared by `sameWord`,
 * each list stemmed once, not once per cell of the table).
 */
function commonSubsequence(a: string[], b: string[]): [number, number][] {
  const [sa, sb] = [a.map(stem), b.map(stem)]
  const same = (i: number, j: number) => sameWord(a[i], b[j], sa[i], sb[j])
  const m = b.length + 1
  const table = new Uint16Array((a.length + 1) * m)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * m + j] = same(i, j) ? table[(i + 1) * m + j + 1] + 1 : Math.max(table[(i + 1) * m + j], table[i * m + j + 1])
    }
  }
  const out: [number, number][] = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (same(i, j) && table[i * m + j] === table[(i + 1) * m + j + 1] + 1) out.push([i++, j++])
    else if (table[(i + 1) * m + j] >= table[i * m + j + 1]) i++
    else j++
  }
  return out
}

/**
 * Where two wordings of the same statement differ: the longest stretch the two share, almost word
 * for word (gaps of at most `maxGap` words, shared words at least `minDensity` of it on each side),
 * and inside it every gap that shared words hold on both sides (at least `minAnchor` of them in
 * all). What one wording has before or after the other (an excerpt), a gap that spans more than
 * `maxGap` words (a sentence left out) and words left out where the other shows an ellipsis
 * (`ellipsis`: per side, the indices of the words an ellipsis stands before) are not rewordings. Null when the two are not one statement: too little shared, or a shared stretch
 * shorter than `minStatement` words that is under `minCover` of the shorter wording (a phrase two statements share).
 */
export function wordingDifferences(
  a: string[],
  b: string[],
  {
    maxGap = 5,
    minShared = 4,
    minDensity = 0.6,
    minAnchor = 3,
    minStatement = 8,
    minCover = 0.5,
    ellipsis = [new Set<number>(), new Set<number>()] as [ReadonlySet<number>, ReadonlySet<number>],
    shown = [plain(a), plain(b)] as [Printed, Printed],
  } = {},
): WordingDifference[] | null {
  const pairs = commonSubsequence(a, b)
  // Chains of matched words whose gaps are short on both sides; the one with most matches is the statement.
  const chains: [number, number][][] = []
  let best: [number, number][] = []
  let chain: [number, number][] = []
  for (const p of pairs) {
    const last = chain[chain.length - 1]
    if (last && (p[0] - last[0] - 1 > maxGap || p[1] - last[1] - 1 > maxGap)) chains.push((chain = []))
    if (chains.length === 0) chains.push(chain)
    chain.push(p)
    if (chain.length > best.length) best = chain
  }
  // A quote of four words shares three with its other wording at most ("partisan political attack
  // dog" / "partisan attack dog organization"): the caller matched the two as one line already.
  const least = Math.min(minShared, Math.max(3, Math.min(a.length, b.length) - 1))
  const dense = (c: [number, number][]) => {
    const [first, last] = [c[0], c[c.length - 1]]
    return c.length >= least && c.length / (last[0] - first[0] + 1) >= minDensity && c.length / (last[1] - first[1] + 1) >= minDensity
  }
  if (!dense(best)) return null
  // A short shared stretch in two otherwise different quotes is a phrase both use ("a preferential
  // option for the poor, which"), not one statement: it must be long or most of the shorter quote.
  // Long enough, it must be long in words that say something: "marriage is between a man and a
  // woman" shared by two of one speaker's statements is three content words and five small ones.
  if (best.length < minCover * Math.min(a.length, b.length)) {
    if (best.length < minStatement) return null
    let content = 0
    for (const [i] of best) if (!STOP_WORDS.has(a[i]) && !FUNCTION_WORDS.has(a[i])) content++
    if (content < MIN_STATEMENT_CONTENT) return null
  }
  const out: WordingDifference[] = []
  // The longest stretch makes the two one statement; every other dense stretch of it, past a
  // sentence one outlet left out or an ellipsis, is compared too.
  for (const c of chains) if (c === best || dense(c)) differencesIn(a, b, c, minAnchor, ellipsis, shown, out)
  return out
}

/** The gaps inside one stretch of matched words (`wordingDifferences`), appended to `out`. */
function differencesIn(
  a: string[],
  b: string[],
  stretch: [number, number][],
  minAnchor: number,
  ellipsis: [ReadonlySet<number>, ReadonlySet<number>],
  shown: [Printed, Printed],
  out: WordingDifference[],
): void {
  // Runs of consecutive matches, then the gaps between neighbouring runs.
  const runs: { from: [number, number]; to: [number, number]; length: number }[] = []
  for (const p of stretch) {
    const run = runs[runs.length - 1]
    if (run && p[0] === run.to[0] + 1 && p[1] === run.to[1] + 1) {
      run.to = p
      run.length++
    } else runs.push({ from: p, to: p, length: 1 })
  }
  for (let k = 1; k < runs.length; k++) {
    const [left, right] = [runs[k - 1], runs[k]]
    const gapA = a.slice(left.to[0] + 1, right.from[0])
    const gapB = b.slice(left.to[1] + 1, right.from[1])
    if (left.length + right.length < minAnchor) continue
    if ((gapA.length === 0 && ellipsis[0].has(right.from[0])) || (gapB.length === 0 && ellipsis[1].has(right.from[1]))) continue
    if (gapA.length === 0 || gapB.length === 0) {
      // "said that he" / "said he": a word transcripts keep or drop, not another wording.
      if ([...gapA, ...gapB].every((w) => OPTIONAL_WORDS.has(w))) continue
      // An article or preposition an excerpt starts or ends with, matched far off in the longer
      // wording ("the lines of communication ..." / "... of the meeting, but lines of ..."): the
      // excerpt's own edge, not words left out.
      // The excerpt is the side with nothing left out; its edge run starts (or ends) it while the
      // other wording goes on past it.
      const side = gapA.length === 0 ? 0 : 1
      const lengths = [a.length, b.length]
      const edgeWords = (run: (typeof runs)[number]) => a.slice(run.from[0], run.to[0] + 1).every((w) => FUNCTION_WORDS.has(w))
      if (k === 1 && left.from[side] === 0 && left.from[1 - side] > 0 && edgeWords(left)) continue
      if (k === runs.length - 1 && right.to[side] === lengths[side] - 1 && right.to[1 - side] < lengths[1 - side] - 1 && edgeWords(right)) continue
    }
    // The words as printed: a contraction written out for the comparison is shown once, as written.
    const around = ({ tokens, from: of }: Printed, from: number, to: number) => {
      const indices = of.slice(Math.max(0, from - 2), to + 3).filter((k, i, all) => i === 0 || k !== all[i - 1])
      return indices.map((k) => tokens[k]).join(' ')
    }
    out.push({ sides: [around(shown[0], left.to[0] + 1, right.from[0] - 1), around(shown[1], left.to[1] + 1, right.from[1] - 1)] })
  }
}

const ELLIPSIS = /…|\.\s?\.\s?\./g

/** A wording's tokens as printed, and for each token compared the printed token it comes from. */
interface Printed {
  tokens: readonly string[]
  from: readonly number[]
}
const plain = (tokens: readonly string[]): Printed => ({ tokens, from: tokens.map((_, i) => i) })
const printed = (tokens: readonly string[], from: readonly number[]): Printed => ({ tokens, from })

/** Content words a shared stretch under `minCover` of the shorter wording needs to make two quotes one statement. */
const MIN_STATEMENT_CONTENT = 4

/** Words a transcript keeps or drops without changing what was said ("he said that he" / "he said he"). */
const OPTIONAL_WORDS: ReadonlySet<string> = new Set(['that'])

// Contracted forms written out, so "he's" / "he is" and "don't" / "do not" are one wording.
// "'s" and "'d" stay clitics: each stands for two words ("is" or "has", "would" or "had"), which `sameWord` accepts.
const CONTRACTED: Readonly<Record<string, string>> = { "'re": 'are', "'ve": 'have', "'ll": 'will', "'m": 'am', "'d": "'d" }
const CLITIC_WORDS: Readonly<Record<string, readonly string[]>> = { "'s": ['is', 'has'], "'d": ['would', 'had'] }
const NOT_BASES: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall' }
const IS_BEFORE = new Set(['he', 'she', 'it', 'that', 'there', 'here', 'what', 'who', 'where', 'how', 'this'])

/**
 * A quote's tokens as spoken: contractions written out ("don't" -> "do not", "he's" -> "he is")
 * and number words as digits ("one-in-three" / "1 in 3"), so two outlets' transcriptions of one
 * line differ only where their words do. `at[i]` is where token i starts in the result.
 */
export function spokenTokens(tokens: readonly string[]): { tokens: string[]; at: number[]; from: number[] } {
  const out: string[] = []
  const at: number[] = []
  const from: number[] = []
  for (const [i, t] of tokens.entries()) {
    at.push(out.length)
    const number = SMALL_NUMBERS.get(t)
    if (number !== undefined) out.push(String(number))
    else if (t.endsWith("n't") && t.length > 3) out.push(NOT_BASES[t.slice(0, -3)] ?? t.slice(0, -3), 'not')
    else if (t === 'cannot') out.push('can', 'not')
    else if (t.endsWith("'s") && IS_BEFORE.has(t.slice(0, -2))) out.push(t.slice(0, -2), "'s")
    else if (t === "let's") out.push('let', 'us')
    else {
      const ending = t.length > 3 ? t.slice(-3) : ''
      const short = t.length > 2 ? t.slice(-2) : ''
      if (CONTRACTED[ending]) out.push(t.slice(0, -3), CONTRACTED[ending])
      else if (CONTRACTED[short]) out.push(t.slice(0, -2), CONTRACTED[short])
      else out.push(t)
    }
    while (from.length < out.length) from.push(i)
  }
  at.push(out.length)
  return { tokens: out, at, from }
}

/** Indices of the words an ellipsis stands before, in the quote's own tokens. */
function ellipsisPositions(text: string): Set<number> {
  const out = new Set<number>()
  if (!text.includes('…') && !text.includes('..')) return out
  for (const m of text.matchAll(ELLIPSIS)) out.add(quoteTokens(text.slice(0, m.index)).length)
  return out
}

/**
 * The same statement of the same speaker worded differently by two outlets: a substitution or an
 * insertion inside words both print (see `wordingDifferences`). Excerpts (one wording inside the
 * other), another order of the same short words, differences of case, punctuation, inflection and
 * abbreviation, and different statements of one speaker that merely share some words are not.
 */
function wordingDiscrepancy(group: Item[], variants: Variant[], speaker: string | null, maxTokens = 200, maxVariants = 16): Discrepancy | null {
  // Bounded: in a story of hundreds of outlets, the wordings most outlets print are compared.
  const maximal = variants
    .filter((v) => !variants.some((o) => o !== v && isExcerpt(v.key, o.key)))
    .sort((p, q) => q.articleIds.length - p.articleIds.length)
    .slice(0, maxVariants)
  if (maximal.length < 2) return null
  const itemOf = new Map<string, Item>()
  for (const item of group) if (!item.indirect && !itemOf.has(item.tokens.join(' '))) itemOf.set(item.tokens.join(' '), item)
  const ellipses = new Map<Item, Set<number>>()
  const ellipsesOf = (item: Item) => ellipses.get(item) ?? ellipses.set(item, ellipsisPositions(item.text)).get(item)!
  // Each wording read as spoken once, not once per pair it is compared in.
  const spoken = new Map<Item, ReturnType<typeof spokenTokens>>()
  const spokenOf = (item: Item) => spoken.get(item) ?? spoken.set(item, spokenTokens(item.tokens.slice(0, maxTokens))).get(item)!
  const listed = new Set<Variant>()
  const shown: string[] = []
  for (let x = 0; x < maximal.length; x++) {
    for (let y = x + 1; y < maximal.length; y++) {
      const [vx, vy] = [maximal[x], maximal[y]]
      const [ix, iy] = [itemOf.get(vx.key), itemOf.get(vy.key)]
      if (!ix || !iy || vx.articleIds.every((id) => vy.articleIds.includes(id))) continue
      // Two speakers both articles name beside the words: an attribution question, not a rewording.
      if (namedBeside(ix) && namedBeside(iy) && !compatibleSpeakers(ix.speaker, iy.speaker)) continue
      const [sx, sy] = [spokenOf(ix), spokenOf(iy)]
      const moved = (positions: Set<number>, at: number[]) => new Set([...positions].map((i) => at[Math.min(i, at.length - 1)]))
      const diffs = wordingDifferences(sx.tokens, sy.tokens, { ellipsis: [moved(ellipsesOf(ix), sx.at), moved(ellipsesOf(iy), sy.at)], shown: [printed(ix.tokens, sx.from), printed(iy.tokens, sy.from)] })
      if (!diffs || diffs.length === 0) continue
      listed.add(vx)
      listed.add(vy)
      for (const d of diffs) if (shown.length < 3) shown.push(`"…${d.sides[0]}…" vs "…${d.sides[1]}…"`)
    }
  }
  if (listed.size < 2) return null
  const values = [...listed].sort((p, q) => q.key.length - p.key.length)
  return {
    kind: 'quote-wording',
    description: `quote${speaker ? ` by ${speaker}` : ''} worded differently: ${shown.join('; ')}`,
    values: values.map((v) => ({
      value: v.text,
      articleIds: v.articleIds,
      support: group.filter((i) => v.articleIds.includes(i.articleId) && i.tokens.join(' ') === v.key).map((i) => ({ articleId: i.articleId, start: i.q.span[0], end: i.q.span[1] })),
    })),
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
  { minOverlap = 0.6, minSharedContent = 3, minContentForOverlap = 4, minCommonRun = 5, minRunShare = 0.3, minRunAcrossSpeakers = 12, maxTokens = 400, maxShortContent = 3 }: AlignQuotesOptions = {},
): { quotes: StoryQuote[]; discrepancies: Discrepancy[] } {
  const items = collect(articles, entities, maxTokens)
  const groups = groupQuotes(items, { minOverlap, minSharedContent, minContentForOverlap, minCommonRun, minRunShare, minRunAcrossSpeakers, maxTokens, maxShortContent })
  const quotes: StoryQuote[] = []
  const discrepancies: Discrepancy[] = []
  for (const group of groups) {
    const built = buildQuote(group)
    quotes.push(built.quote)
    discrepancies.push(...built.discrepancies)
  }
  return { quotes, discrepancies }
}
