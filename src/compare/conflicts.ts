/**
 * Claim discrepancies across a story's claims, aligned into one fact or not. Stages, in order:
 *   1. read: each claim's modality and the words its cue bears on (modality.ts);
 *   2. topics: keys a claim can meet another by, from an inverted index: content-lemma bigrams
 *      with a rare lemma, pairs of rare lemmas (these only count with a shared name), and a name
 *      with the word a denial negates ("Varga" + "meet" for "Varga did not meet ...");
 *   3. pair: claims of different articles under one key whose modalities conflict, definite vs
 *      open ("will take effect on Friday" vs "will decide whether to ...") or plain vs negated
 *      ("X met Y" vs "X did not meet Y"), where the shared topic lies in both cues' scopes;
 *   4. group: connected pairs become one discrepancy, one value per side.
 * False positives cost more than misses here, so every step errs on not pairing.
 */
import { insideOpenQuote, type Claim } from './claims.js'
import { contentLemmas } from '../text/stems.js'
import { nameKey } from '../text/names.js'
import { foldCase } from '../text/tokens.js'
import { readModality, type Modality, type ModalityOptions, type ModalityReading } from './modality.js'
import type { Discrepancy } from '../types.js'
import { documentFrequency } from '../text/postings.js'

export interface ConflictOptions extends ModalityOptions {
  /** A lemma in at most this share of the story's claims is rare (and at least `minRareClaims`). */
  rareShare?: number
  /** A lemma in more than this share of the claims is common: it forms no bigram key. */
  commonShare?: number
  minRareClaims?: number
  /** A topic key found in more claims than this is too common to pair on. */
  maxTopicPostings?: number
  /** Rare lemmas per claim that form pair keys (the rarest first), bounding keys per claim. */
  maxRareLemmas?: number
  /** Bound on claim pairs examined per story. */
  maxConflictPairs?: number
  /** Words of a claim shown in a discrepancy value. */
  maxValueWords?: number
}

/** A pair of claims (indices into the claims given) that disagree, and the topic they share. */
export interface ClaimConflict {
  affirmed: number
  disputing: number
  /** Lemmas the two claims disagree about. */
  topic: string[]
  /** The name key the topic is about, when the claims met by a name ("varga" for "meet"). */
  name?: string
  stage: 'compare/conflicts'
}

interface Read extends ModalityReading {
  scopeLemmas: Set<string>
  /** The first content lemma in the scope: the verb a denial negates. */
  head: string | null
}

const AFFIRMING: ReadonlySet<Modality> = new Set(['plain', 'definite'])
const LABEL: Record<Modality, string> = { definite: 'expected', open: 'not decided', negated: 'denied', plain: 'reported', hedged: 'possible' }
const UNCLEAR_CUE = /^(?:unclear|uncertain|unknown|not clear|not known)$/
// Cheap gates for the claims worth reading for an open question or a denial.
const OPEN_GATE = /\b(?:whether|unclear|undecided|uncertain|unknown|decision|decided|decide|considering|weighing|mulling|debating|clear|known)\b/i
const NEGATION_GATE = /\b(?:not|never|denie[sd]|refused|longer)\b|n['’]t\b/i
// Keys: kind, then words; a name key may hold spaces, so name and lemma are split by NUL.
const NAME_SEP = '\u0000'

function topicOf(key: string): { topic: string[]; name?: string } {
  if (!key.startsWith('v:')) return { topic: key.slice(2).split(' ') }
  const [name, lemma] = key.slice(2).split(NAME_SEP)
  return { topic: [lemma], name }
}

/** Which of two readings affirms and which disputes, or null when they do not conflict. */
function conflictSides(a: Read, b: Read): [Read, Read] | null {
  const pairs: [Modality, Modality][] = [['definite', 'open'], ['plain', 'negated']]
  for (const [yes, no] of pairs) {
    if (a.modality === yes && b.modality === no) return [a, b]
    if (b.modality === yes && a.modality === no) return [b, a]
  }
  return null
}

/** Dates stated on both sides must meet, or the claims may be about two different days. */
function datesMeet(a: Claim, b: Claim): boolean {
  if (a.dates.length === 0 || b.dates.length === 0) return true
  return a.dates.some((x) => b.dates.some((y) => x.value.startsWith(y.value) || y.value.startsWith(x.value)))
}

/** Words of a denial that are not the claim it denies. */
const DENIAL_WORDS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'deny', 'denied', 'denies', 'refuse', 'refused', 'longer'])

/**
 * A denial disputes a claim only when it says the same thing apart from the negation: most of the
 * smaller claim's content lemmas and names (at least `minShared`) are in the other. A shared name and verb
 * alone ("Obama" + "war") pair two different statements.
 */
function sameProposition(a: Claim, b: Claim, minShared = 3, minOverlap = 0.5): boolean {
  const x = new Set([...a.lemmas.filter((l) => !DENIAL_WORDS.has(l)), ...a.names.map((n) => `n:${n}`)])
  const y = new Set([...b.lemmas.filter((l) => !DENIAL_WORDS.has(l)), ...b.names.map((n) => `n:${n}`)])
  let shared = 0
  for (const l of x) if (y.has(l)) shared++
  return shared >= minShared && shared / Math.max(1, Math.min(x.size, y.size)) >= minOverlap
}

function sharesName(a: Claim, b: Claim): boolean {
  return a.names.some((n) => b.names.includes(n))
}

/**
 * Topic keys of one claim: `b:x y` bigrams of lemmas neither of which is common (a bigram is rarer
 * than its words; its posting list is bounded later), `p:x y` pairs of rare lemmas.
 */
function topicKeys(claim: Claim, rare: (l: string) => boolean, common: (l: string) => boolean, df: Map<string, number>, maxRare: number): Set<string> {
  const keys = new Set<string>()
  const ls = claim.lemmas
  for (let i = 1; i < ls.length; i++) {
    if (ls[i] !== ls[i - 1] && !common(ls[i]) && !common(ls[i - 1])) keys.add(`b:${ls[i - 1]} ${ls[i]}`)
  }
  const rarest = [...new Set(ls.filter(rare))].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1)).slice(0, maxRare)
  rarest.sort()
  for (let i = 0; i < rarest.length; i++) for (let j = i + 1; j < rarest.length; j++) keys.add(`p:${rarest[i]} ${rarest[j]}`)
  return keys
}

/** `v:` keys of the denials among the claims: a name with the verb denied, bounded by `maxKeys`. */
function denialKeys(claims: Claim[], readOf: (i: number) => Read, maxKeys = 64): Set<string> {
  const keys = new Set<string>()
  claims.forEach((c, i) => {
    if (keys.size >= maxKeys || c.names.length === 0 || !NEGATION_GATE.test(c.text)) return
    const r = readOf(i)
    if (r.modality === 'negated' && r.head) for (const name of c.names) keys.add(`v:${name}${NAME_SEP}${r.head}`)
  })
  return keys
}

/** Whether the first place `cue` (folded words) stands in `text` is inside quotation marks. */
function cueQuoted(text: string, cue: string | null): boolean {
  const at = cue ? foldCase(text).indexOf(cue) : -1
  return at >= 0 && insideOpenQuote(text, at)
}

/** Whether the pair, meeting under `key`, disagrees about it. */
function conflictOn(key: string, a: Claim, b: Claim, ra: Read, rb: Read): [Read, Read] | null {
  const sides = conflictSides(ra, rb)
  if (!sides) return null
  // A denial must name who or what it denies about, and be about the same day; a plan and an
  // open question may be dated by when each was said, so only the topic ties them.
  if ((key.startsWith('p:') || sides[1].modality === 'negated') && !sharesName(a, b)) return null
  if (sides[1].modality === 'negated' && !datesMeet(a, b)) return null
  // Quoted words are a speaker's side of an argument, not an outlet reporting otherwise; so is a
  // denial by another source than the one each outlet credits with the claim ("Steele said it was
  // ..." / "Republicans said it was not ..."). A plan and an open question may come from two sources.
  if (a.quoted || b.quoted) return null
  // So is a denial in the quoted words of one ("Beck said it's \"not that simple\"").
  if (sides[1].modality === 'negated' && cueQuoted(sides[1] === ra ? a.text : b.text, sides[1].cue)) return null
  if (sides[1].modality === 'negated' && a.attributedTo && b.attributedTo && nameKey(a.attributedTo, 'person') !== nameKey(b.attributedTo, 'person')) return null
  if (sides[1].modality === 'negated' && !sameProposition(a, b)) return null
  const { topic } = topicOf(key)
  const [yes, no] = sides
  if (key.startsWith('v:') && no.head !== topic[0]) return null
  // The disputing cue must bear on the topic; a definite cue too (a plain claim has no cue).
  if (!topic.every((l) => no.scopeLemmas.has(l))) return null
  if (yes.modality === 'definite' && !topic.some((l) => yes.scopeLemmas.has(l))) return null
  return sides
}

/**
 * Pairs of claims, from different articles, that disagree about a shared rare topic.
 * @example findClaimConflicts(claims).map((c) => c.topic) // [['secondary', 'sanction']]
 */
export function findClaimConflicts(claims: Claim[], options: ConflictOptions = {}): ClaimConflict[] {
  const { rareShare = 0.04, commonShare = 0.15, minRareClaims = 3, maxTopicPostings = 16, maxRareLemmas = 6, maxConflictPairs = 20_000 } = options
  const reads: (Read | undefined)[] = []
  const readOf = (i: number): Read => {
    let r = reads[i]
    if (!r) {
      const m = readModality(claims[i].text, options)
      const lemmas = contentLemmas(m.scope.join(' '))
      reads[i] = r = { ...m, scopeLemmas: new Set(lemmas), head: lemmas[0] ?? null }
    }
    return r
  }
  // Most stories have no open question and no denial: then there is nothing to pair, and the
  // keys of every claim need not be built.
  const open = claims.flatMap((c, i) => (OPEN_GATE.test(c.text) && readOf(i).modality === 'open' ? [i] : []))
  const denials = denialKeys(claims, readOf)
  if (open.length === 0 && denials.size === 0) return []
  const df = documentFrequency(claims.map((c) => c.lemmas))
  const rareMax = Math.max(minRareClaims, rareShare * claims.length)
  const rare = (l: string) => (df.get(l) ?? 0) <= rareMax
  const commonMin = Math.max(minRareClaims, commonShare * claims.length)
  const common = (l: string) => (df.get(l) ?? 0) > commonMin
  const wanted = new Set(open.flatMap((i) => [...topicKeys(claims[i], rare, common, df, maxRareLemmas)]))
  const postings = new Map<string, number[]>()
  const post = (key: string, i: number) => {
    const list = postings.get(key)
    if (list) list.push(i)
    else postings.set(key, [i])
  }
  const denied = new Map<string, string[]>()
  for (const key of denials) {
    const [name, lemma] = key.slice(2).split(NAME_SEP)
    denied.set(name, [...(denied.get(name) ?? []), lemma])
  }
  claims.forEach((c, i) => {
    if (wanted.size > 0) for (const key of topicKeys(c, rare, common, df, maxRareLemmas)) if (wanted.has(key)) post(key, i)
    for (const name of c.names) {
      for (const lemma of denied.get(name) ?? []) if (c.lemmas.includes(lemma)) post(`v:${name}${NAME_SEP}${lemma}`, i)
    }
  })
  const out: ClaimConflict[] = []
  const seen = new Set<string>()
  let examined = 0
  // Rarest keys first: a pair is reported under the most specific topic it shares.
  const keys = [...postings].filter(([, list]) => list.length >= 2 && list.length <= maxTopicPostings)
  keys.sort((a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : 1))
  for (const [key, list] of keys) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x], list[y]]
        if (claims[i].articleId === claims[j].articleId || seen.has(`${i}:${j}`)) continue
        if (++examined > maxConflictPairs) return out
        const sides = conflictOn(key, claims[i], claims[j], readOf(i), readOf(j))
        if (!sides) continue
        seen.add(`${i}:${j}`)
        const affirmed = sides[0] === reads[i] ? i : j
        out.push({ affirmed, disputing: affirmed === i ? j : i, ...topicOf(key), stage: 'compare/conflicts' })
      }
    }
  }
  return out
}

const SURFACE_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu
const DAY_PREPOSITION = /^(?:on|by|from|until|before|after|in|next|this|last)\b/i

function shorten(text: string, maxWords: number): string {
  const words = text.split(/\s+/)
  return words.length <= maxWords ? text : `${words.slice(0, maxWords).join(' ')}…`
}

/** The topic as the claim words it ("secondary sanctions"), with the claim's date ("on Friday"). */
function describeTopic(claim: Claim, topic: string[], name?: string): string {
  const words = [...claim.text.matchAll(SURFACE_WORD)]
  const at = words.flatMap((w, k) => (topic.includes(contentLemmas(w[0])[0] ?? '') ? [k] : []))
  let phrase = topic.join(' ')
  if (at.length > 0) {
    const [first, last] = [at[0], at[at.length - 1]]
    let end = last
    // "impose secondary" reads better as "impose secondary sanctions": run on to the next noun.
    while (end + 1 < words.length && end - first < 3 && contentLemmas(words[end + 1][0]).length > 0 && !/^\p{Lu}/u.test(words[end + 1][0])) end++
    const run = end - first < 4 ? words.slice(first, end + 1) : at.map((k) => words[k])
    phrase = run.map((w) => w[0]).join(' ')
  }
  if (name) phrase = `${name.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase())} ${phrase}`
  const date = claim.dates.find((d) => d.granularity === 'day' || d.granularity === 'time')
  if (date) {
    const said = claim.text.slice(date.span[0] - claim.span[0], date.span[1] - claim.span[0])
    phrase += DAY_PREPOSITION.test(said) ? ` ${said}` : ` on ${said}`
  }
  return phrase.charAt(0).toUpperCase() + phrase.slice(1)
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]]
  return i
}

/** The claim of a side paired most often (the first on ties): it speaks for the side. */
function representative(side: number[], count: Map<number, number>): number {
  return side.reduce((best, i) => ((count.get(i) ?? 0) > (count.get(best) ?? 0) ? i : best))
}

/**
 * Claim discrepancies from conflicting pairs: pairs sharing a claim are one discrepancy, with one
 * value per side (the representative claim's words and every article on that side).
 */
export function claimDiscrepancies(claims: Claim[], conflicts: ClaimConflict[], { maxValueWords = 25, ...options }: ConflictOptions = {}): Discrepancy[] {
  const parent = claims.map((_, i) => i)
  const count = new Map<number, number>()
  for (const c of conflicts) {
    parent[find(parent, c.affirmed)] = find(parent, c.disputing)
    for (const i of [c.affirmed, c.disputing]) count.set(i, (count.get(i) ?? 0) + 1)
  }
  const groups = new Map<number, ClaimConflict[]>()
  for (const c of conflicts) {
    const root = find(parent, c.affirmed)
    groups.set(root, [...(groups.get(root) ?? []), c])
  }
  const out: Discrepancy[] = []
  for (const group of groups.values()) {
    const yes = [...new Set(group.map((c) => c.affirmed))].sort((a, b) => a - b)
    const no = [...new Set(group.map((c) => c.disputing))].sort((a, b) => a - b)
    const [ry, rn] = [representative(yes, count), representative(no, count)]
    const { topic, name } = group.find((c) => c.affirmed === ry && c.disputing === rn) ?? group[0]
    const [my, mn] = [readModality(claims[ry].text, options), readModality(claims[rn].text, options)]
    const noLabel = mn.modality === 'open' && UNCLEAR_CUE.test(mn.cue ?? '') ? 'unclear' : LABEL[mn.modality]
    const value = (side: number[], rep: number) => ({
      value: shorten(claims[rep].text, maxValueWords),
      articleIds: [...new Set([rep, ...side].map((i) => claims[i].articleId))],
      // The claims stating this side, in every article that does.
      support: [...new Set([rep, ...side])].map((i) => ({ articleId: claims[i].articleId, start: claims[i].span[0], end: claims[i].span[1] })),
    })
    out.push({
      kind: 'claim',
      description: `${describeTopic(claims[ry], topic, name)}: ${LABEL[my.modality]} vs ${noLabel}`,
      values: [value(yes, ry), value(no, rn)],
    })
  }
  return out
}
