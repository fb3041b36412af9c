/**
 * The same word in other words, for fact alignment: which content words of two claims WordNet
 * calls synonyms or derivations ("endorsed" / "supporter", "resigned" / "resignation"), read from
 * the one lexicon (text/lexicon.ts). Two stages, in order:
 *   1. `storyConcepts`: per story, the concepts of its lemma features, keeping only concepts that
 *      at least two different stems of the story reach (a concept one stem alone reaches can never
 *      match two different words, and the stem's own posting already proposes its pairs);
 *   2. `softOverlap`: per pair, the weight of each claim's features that the other claim has, as
 *      the same feature or as a lemma sharing a concept.
 */
import { wordConcepts } from '../text/lexicon.js'

/** The concepts of a story's lemmas, as ids in the story's feature id space. */
export interface StoryConcepts {
  /** Per feature id, the concept ids of that lemma (sorted); undefined for names, numbers, lemmas without any. */
  conceptsOf: (Int32Array | undefined)[]
  /** Per claim, the concept ids its lemmas reach (sorted, each once). */
  concepts: Int32Array[]
}

const NO_CONCEPTS = new Int32Array(0)

/**
 * Reads the lexicon for each lemma feature (`l:<stem>`) of the story and files the concepts two or
 * more of its stems share under new feature ids, by `newId` (which also counts the kind 'c').
 * @example storyConcepts(ids, feats, newId) // "resign" and "resignation" now share a 'c:' id
 */
export function storyConcepts(ids: ReadonlyMap<string, number>, feats: readonly Int32Array[], newId: (key: string) => number): StoryConcepts {
  // Concept -> the lemma feature ids reaching it.
  const reached = new Map<number, number[]>()
  for (const [key, id] of ids) {
    if (!key.startsWith('l:')) continue
    for (const concept of wordConcepts(key.slice(2))?.synonyms ?? []) {
      const list = reached.get(concept)
      if (list) list.push(id)
      else reached.set(concept, [id])
    }
  }
  const lists: number[][] = []
  for (const [concept, lemmas] of reached) {
    if (lemmas.length < 2) continue
    const cid = newId(`c:${concept}`)
    for (const l of lemmas) (lists[l] ??= []).push(cid)
  }
  const conceptsOf = Array.from(lists, (list) => (list ? Int32Array.from(list).sort() : undefined))
  const concepts = feats.map((fs) => {
    let own: Set<number> | undefined
    for (const f of fs) {
      const cs = conceptsOf[f]
      if (!cs) continue
      own ??= new Set()
      for (const c of cs) own.add(c)
    }
    return own ? Int32Array.from(own).sort() : NO_CONCEPTS
  })
  return { conceptsOf, concepts }
}

/** Whether sorted `list` holds `x`. */
function holds(list: Int32Array, x: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid] === x) return true
    if (list[mid] < x) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** What one claim's features find in another's: exactly, through a shared concept, or not at all. */
export interface SoftOverlap {
  /** Weight of the features of the first claim the second has (same feature or a lemma's synonym). */
  matchedA: number
  /** The same, of the second claim in the first. */
  matchedB: number
  /** Of those, the weight matched only through a synonym or derivation (both sides). */
  bySynonym: number
  /** Heaviest feature of the shorter claim (by weight) that the other has in no form. */
  heaviestUnmatchedSmaller: number
  /** Heaviest feature of either claim that the other has in no form. */
  heaviestUnmatched: number
}

/**
 * Weight of the features of `a` found in `b` (sorted ids), by synonym too, and the heaviest not
 * found. `shared`: the concepts both claims reach (sorted); a feature of `a` matches by synonym
 * when one of its concepts is among them, as its concepts are all among `a`'s own.
 */
function matchInto(a: Int32Array, b: Int32Array, shared: Int32Array, weights: Float64Array, conceptsOf: StoryConcepts['conceptsOf']): [number, number, number] {
  let matched = 0
  let synonym = 0
  let unmatched = 0
  let y = 0
  for (let x = 0; x < a.length; x++) {
    const f = a[x]
    while (y < b.length && b[y] < f) y++
    const w = weights[f]
    if (y < b.length && b[y] === f) {
      matched += w
      continue
    }
    const cs = shared.length > 0 ? conceptsOf[f] : undefined
    if (cs && intersects(cs, shared)) {
      matched += w
      synonym += w
    } else if (w > unmatched) unmatched = w
  }
  return [matched, synonym, unmatched]
}

/** Whether two sorted arrays share a value (`shared` is short: the concepts two claims both reach). */
function intersects(list: Int32Array, shared: Int32Array): boolean {
  for (let k = 0; k < shared.length; k++) if (holds(list, shared[k])) return true
  return false
}

/** Per claim, the weight of its features that could match another claim's through a concept. */
export interface ConceptWeights {
  /** Aligned with the claim's `concepts`: the weight of its features reaching each one. */
  byConcept: Float64Array[]
  /** The weight of its features reaching any concept. */
  any: Float64Array
}

/** `ConceptWeights` of a story's claims (feature ids sorted, `weights` per feature id). */
export function conceptWeights(feats: readonly Int32Array[], story: StoryConcepts, weights: Float64Array): ConceptWeights {
  const any = new Float64Array(feats.length)
  const byConcept = feats.map((fs, i) => {
    const own = story.concepts[i]
    const out = new Float64Array(own.length)
    for (const f of fs) {
      const cs = story.conceptsOf[f]
      if (!cs) continue
      any[i] += weights[f]
      for (const c of cs) {
        let lo = 0
        let hi = own.length - 1
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if (own[mid] < c) lo = mid + 1
          else hi = mid
        }
        out[lo] += weights[f]
      }
    }
    return out
  })
  return { byConcept, any }
}

/**
 * An upper bound of the soft similarity of claims `i` and `j` (`softSimilarity` of `softOverlap`),
 * for a few merges instead of the overlap: a feature matches by synonym only through a concept
 * both claims reach, so each side matches at most the weight it shares exactly plus that of its
 * features reaching those concepts. Without a concept in common it is `similar`, their plain
 * similarity (the caller's, as the soft one then equals it).
 */
export function softSimilarityBound(feats: readonly Int32Array[], story: StoryConcepts, cw: ConceptWeights, weights: Float64Array, totals: Float64Array, i: number, j: number, similar: number): number {
  let synI = 0
  let synJ = 0
  let meets = false
  const ci = story.concepts[i]
  const cj = story.concepts[j]
  for (let x = 0, y = 0; x < ci.length && y < cj.length; ) {
    if (ci[x] === cj[y]) {
      meets = true
      synI += cw.byConcept[i][x++]
      synJ += cw.byConcept[j][y++]
    } else if (ci[x] < cj[y]) x++
    else y++
  }
  if (!meets) return similar
  const ti = totals[i]
  const tj = totals[j]
  if (ti <= 0 || tj <= 0) return 0
  let exact = 0
  const a = feats[i]
  const b = feats[j]
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      exact += weights[a[x]]
      x++
      y++
    } else if (a[x] < b[y]) x++
    else y++
  }
  const shared = exact + (Math.min(synI, cw.any[i]) + Math.min(synJ, cw.any[j])) / 2
  // Past the smaller claim's weight the bound says nothing (and the formula would not rise with it).
  if (shared >= Math.min(ti, tj)) return 1
  return 0.5 * (shared / (ti + tj - shared)) + 0.5 * (shared / Math.min(ti, tj))
}

/** The values two sorted arrays share, sorted. */
function common(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0 || b.length === 0) return NO_CONCEPTS
  const out: number[] = []
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      out.push(a[x])
      x++
      y++
    } else if (a[x] < b[y]) x++
    else y++
  }
  return out.length === 0 ? NO_CONCEPTS : Int32Array.from(out)
}

/**
 * Synonym-aware overlap of claims `i` and `j` (feature ids sorted, concept ids of `storyConcepts`).
 * The concepts both claims reach are found once per pair: most pairs share none or a few, and a
 * feature is then checked against those alone rather than searched for in all the other's.
 * @example softOverlap(feats, concepts, weights, totals, i, j).bySynonym // > 0 for "endorsed" / "supporter"
 */
export function softOverlap(feats: readonly Int32Array[], story: StoryConcepts, weights: Float64Array, totals: Float64Array, i: number, j: number): SoftOverlap {
  const shared = common(story.concepts[i], story.concepts[j])
  const [matchedA, synA, unA] = matchInto(feats[i], feats[j], shared, weights, story.conceptsOf)
  const [matchedB, synB, unB] = matchInto(feats[j], feats[i], shared, weights, story.conceptsOf)
  return { matchedA, matchedB, bySynonym: synA + synB, heaviestUnmatchedSmaller: totals[i] <= totals[j] ? unA : unB, heaviestUnmatched: Math.max(unA, unB) }
}

/**
 * The story similarity (half weighted Jaccard, half containment) with synonyms counted as shared:
 * equal to it when no word of one claim is a synonym of a word of the other.
 */
export function softSimilarity(o: SoftOverlap, totalA: number, totalB: number): number {
  if (totalA <= 0 || totalB <= 0) return 0
  const shared = (o.matchedA + o.matchedB) / 2
  const union = totalA + totalB - shared
  return union <= 0 ? 0 : 0.5 * (shared / union) + 0.5 * (shared / Math.min(totalA, totalB))
}
