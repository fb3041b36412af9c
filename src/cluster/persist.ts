/**
 * The clusterer's open state as a plain, JSON-serialisable value, so a library restarts in
 * O(window) instead of replaying its whole archive. Only what later assignments read is kept:
 * the vocabulary's document frequencies, the open stories' sums and recent members, the retrieval
 * indexes (their posting lists in order, since they are bounded and drop the oldest), and the
 * near-duplicate fingerprints of open articles. Closed stories are not part of it: they live in
 * the store. Restoring then adding gives the same assignments as never having stopped.
 */
import { bandKeys } from './fingerprint.js'
import type { BoundedIndex } from '../text/postings.js'
import type { Member } from './scoring.js'
import type { OpenStory, StoryCluster } from './story-state.js'
import { TermTable } from './term-table.js'
import type { Vocabulary } from './vocabulary.js'

/** Bumped when the shape changes; a state of another format is ignored (the caller rebuilds). */
export const STATE_FORMAT = 1

type Pairs<K> = [K, number][]

/** A recent member as a story side: what scoring reads when naming `joinedBy`. */
interface MemberState {
  id: string
  time: number | null
  terms: [ids: string, values: string]
  norm: number
  entities: Pairs<string>
  dates: Pairs<string>
  numbers: Pairs<string>
}

interface StoryState {
  index: number
  cluster: StoryCluster
  terms: [ids: string, values: string]
  norm: number
  normDocs: number | null
  entities: Pairs<string>
  dates: Pairs<string>
  numbers: Pairs<string>
  first: number | null
  last: number | null
  recent: MemberState[]
  entityKeys: string[]
  termKeys: number[]
  touched: number
  apart: string[]
}

/** The serialisable open state of a `StoryCluster`er (see `StoryClusterer.snapshot`). */
export interface ClustererState {
  format: typeof STATE_FORMAT
  founded: number
  seen: number
  latest: number | null
  vocabulary: { terms: string[]; df: string; documents: number }
  stories: StoryState[]
  /** Open articles: id, story number, MinHash fingerprint. */
  articles: [id: string, story: number, fp: string][]
  mergedInto: [from: string, to: string][]
  entityIndex: [string, number[]][]
  termIndex: [number, number[]][]
  bands: [string, string[]][]
}

/** The clusterer's fields this module reads and writes (the class keeps them private to everyone else). */
export interface ClustererInternals {
  readonly vocabulary: Vocabulary
  open: Map<number, OpenStory>
  byId: Map<string, OpenStory>
  mergedInto: Map<string, string>
  byArticle: Map<string, { story: OpenStory; fp: Uint32Array; bands: string[] }>
  entityIndex: BoundedIndex<string, number>
  termIndex: BoundedIndex<number, number>
  bands: BoundedIndex<string, string>
  founded: number
  seen: number
  latest: number | null
}

/** Typed arrays travel as base64 of their bytes: compact, and exact for floats. */
function pack(array: Int32Array | Uint32Array | Float64Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
}

function unpack<T extends Int32Array | Uint32Array | Float64Array>(text: string, Kind: { new (b: ArrayBuffer): T }): T {
  const bytes = Buffer.from(text, 'base64')
  const copy = new ArrayBuffer(bytes.byteLength)
  new Uint8Array(copy).set(bytes)
  return new Kind(copy)
}

function packTerms(t: TermTable): [string, string] {
  return [pack(t.ids.subarray(0, t.size)), pack(t.values.subarray(0, t.size))]
}

function unpackTerms([ids, values]: [string, string]): TermTable {
  return TermTable.from(unpack(ids, Int32Array), unpack(values, Float64Array))
}

function encodeMember(m: Member): MemberState {
  return { id: m.id, time: m.time, terms: packTerms(m.terms), norm: m.norm, entities: [...m.entities], dates: [...m.dates], numbers: [...m.numbers] }
}

const NO_IDS = new Int32Array(0)
const NO_WEIGHTS = new Float64Array(0)
const NO_FP = new Uint32Array(0)

/** A restored recent member holds its side (what `score` reads of a member); its article-side arrays stay empty. */
function decodeMember(m: MemberState): Member {
  return {
    id: m.id, time: m.time, first: m.time, last: m.time, terms: unpackTerms(m.terms), norm: m.norm,
    entities: new Map(m.entities), labels: new Map(), dates: new Map(m.dates), numbers: new Map(m.numbers),
    fp: NO_FP, termIds: NO_IDS, termWeights: NO_WEIGHTS, entityKeys: [], topTerms: [], bands: [],
  }
}

function encodeStory(s: OpenStory): StoryState {
  return {
    index: s.index, cluster: s.cluster, terms: packTerms(s.terms), norm: s.norm, normDocs: s.normDocs,
    entities: [...s.entities], dates: [...s.dates], numbers: [...s.numbers], first: s.first, last: s.last,
    recent: s.recent.map(encodeMember), entityKeys: [...s.entityKeys], termKeys: [...s.termKeys], touched: s.touched, apart: [...s.apart],
  }
}

function decodeStory(s: StoryState): OpenStory {
  return {
    index: s.index, cluster: s.cluster, terms: unpackTerms(s.terms), norm: s.norm, normDocs: s.normDocs,
    entities: new Map(s.entities), dates: new Map(s.dates), numbers: new Map(s.numbers), first: s.first, last: s.last,
    recent: s.recent.map(decodeMember), entityKeys: new Set(s.entityKeys), termKeys: new Set(s.termKeys), touched: s.touched, apart: new Set(s.apart),
  }
}

/** The open state of a clusterer (shares no mutable structure with it once serialised). */
export function encodeState(c: ClustererInternals): ClustererState {
  const vocabulary = c.vocabulary.export()
  const open = new Set(c.byId.keys())
  return {
    format: STATE_FORMAT, founded: c.founded, seen: c.seen, latest: c.latest,
    vocabulary: { terms: vocabulary.terms, df: pack(vocabulary.df), documents: vocabulary.documents },
    stories: [...c.open.values()].map(encodeStory),
    articles: Array.from(c.byArticle, ([id, a]) => [id, a.story.index, pack(a.fp)]),
    // only redirects that still lead to an open story can be followed after a restart
    mergedInto: [...c.mergedInto].filter(([, to]) => open.has(to) || c.mergedInto.has(to)),
    entityIndex: Array.from(c.entityIndex.entries(), ([k, v]) => [k, v.slice()]),
    termIndex: Array.from(c.termIndex.entries(), ([k, v]) => [k, v.slice()]),
    bands: Array.from(c.bands.entries(), ([k, v]) => [k, v.slice()]),
  }
}

/** Loads `state` into a freshly constructed clusterer's fields. */
export function decodeState(state: ClustererState, c: ClustererInternals): void {
  if (state.format !== STATE_FORMAT) throw new Error(`cluster state format ${String(state.format)} is not ${STATE_FORMAT}`)
  c.vocabulary.load({ terms: state.vocabulary.terms, df: unpack(state.vocabulary.df, Int32Array), documents: state.vocabulary.documents })
  c.founded = state.founded
  c.seen = state.seen
  c.latest = state.latest
  for (const s of state.stories) {
    const story = decodeStory(s)
    c.open.set(story.index, story)
    c.byId.set(story.cluster.id, story)
  }
  for (const [id, index, fp] of state.articles) {
    const prints = unpack(fp, Uint32Array)
    c.byArticle.set(id, { story: c.open.get(index)!, fp: prints, bands: bandKeys(prints) })
  }
  for (const [from, to] of state.mergedInto) c.mergedInto.set(from, to)
  for (const [k, v] of state.entityIndex) c.entityIndex.load(k, v)
  for (const [k, v] of state.termIndex) c.termIndex.load(k, v)
  for (const [k, v] of state.bands) c.bands.load(k, v)
}
