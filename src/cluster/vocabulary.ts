/**
 * The clusterer's vocabulary: each term interned to a small integer once, so story sums and
 * document frequencies are keyed by numbers (cheap to hash) instead of by strings compared again
 * and again, and IDF computed once per term per document count instead of once per lookup.
 * Document frequencies blend the stream's own counts with background ones (background.ts).
 */
import type { Background } from './background.js'

/** Interned terms with their document frequencies; `idf` is cached until the next document. */
export class Vocabulary {
  private readonly ids = new Map<string, number>()
  private readonly terms: string[] = []
  private df = new Int32Array(1024)
  /** Each term's background pseudo-document frequency (fixed: the background does not halve). */
  private bg = new Float64Array(1024)
  private idfs = new Float64Array(1024)
  /** The document count each cached IDF was computed at (-1: never). */
  private idfAt = new Int32Array(1024).fill(-1)
  private docs = 0

  /** `background`: frequencies blended with the counted ones; without it IDF rests on the counts alone. */
  constructor(private readonly background: Background | null = null) {}

  /** Documents counted so far. */
  get documents(): number {
    return this.docs
  }

  /** Terms interned so far. */
  get size(): number {
    return this.terms.length
  }

  /** The id of `term`, assigned on first sight. */
  intern(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.ids.set(term, id)
      this.terms.push(term)
      if (id >= this.df.length) this.grow()
      if (this.background) this.bg[id] = this.background.df(term)
    }
    return id
  }

  /** Every term (by id) with its document frequency, and the document count: what `restore` takes. */
  export(): { terms: string[]; df: Int32Array; documents: number } {
    return { terms: this.terms.slice(), df: this.df.slice(0, this.terms.length), documents: this.docs }
  }

  /** Loads what `export` gave into this empty vocabulary (ids keep their numbers). */
  load({ terms, df, documents }: { terms: readonly string[]; df: Int32Array; documents: number }): void {
    if (this.terms.length > 0 || this.docs > 0) throw new Error('vocabulary: load into a vocabulary already in use')
    for (const term of terms) this.intern(term)
    this.df.set(df.subarray(0, terms.length))
    this.docs = documents
  }

  /** The id of `term` when interned, else -1 (nothing is assigned). */
  lookup(term: string): number {
    return this.ids.get(term) ?? -1
  }

  /** The term an id stands for. */
  term(id: number): string {
    return this.terms[id]
  }

  /** Counts one document containing each of `ids` (each id once). */
  addDocument(ids: ArrayLike<number>): void {
    this.docs++
    for (let i = 0; i < ids.length; i++) this.df[ids[i]]++
  }

  /**
   * log(1 + N / df) over the counted documents plus the background's pseudo-documents: rare terms
   * weigh more; a term seen in neither counts as seen once.
   */
  idf(id: number): number {
    if (this.idfAt[id] !== this.docs) {
      const documents = this.docs + (this.background?.documents ?? 0)
      this.idfs[id] = Math.log(1 + documents / Math.max(1, this.df[id] + this.bg[id]))
      this.idfAt[id] = this.docs
    }
    return this.idfs[id]
  }

  /** Marks (1) the terms `halve` would forget unless held: those whose frequency halves to zero. */
  fading(): Uint8Array {
    const out = new Uint8Array(this.terms.length)
    for (let id = 0; id < this.terms.length; id++) if (this.df[id] >> 1 === 0) out[id] = 1
    return out
  }

  /**
   * Halves every document frequency and the document count (so frequencies follow the recent
   * stream, not the whole archive) and forgets the terms whose frequency fell to zero unless
   * `inUse` holds them. Returns old id -> new id (-1: forgotten); the ids kept stay in order.
   */
  halve(inUse: { has(id: number): boolean }): Int32Array {
    const remap = new Int32Array(this.terms.length).fill(-1)
    const terms: string[] = []
    const df = new Int32Array(Math.max(1024, this.df.length))
    const bg = new Float64Array(df.length)
    for (let id = 0; id < this.terms.length; id++) {
      const half = this.df[id] >> 1
      if (half === 0 && !inUse.has(id)) continue
      remap[id] = terms.length
      df[terms.length] = half
      bg[terms.length] = this.bg[id]
      terms.push(this.terms[id])
    }
    this.ids.clear()
    terms.forEach((t, id) => this.ids.set(t, id))
    this.terms.length = 0
    this.terms.push(...terms)
    this.df = df
    this.bg = bg
    this.idfs = new Float64Array(df.length)
    this.idfAt = new Int32Array(df.length).fill(-1)
    this.docs >>= 1
    return remap
  }

  private grow(): void {
    const size = this.df.length * 2
    const df = new Int32Array(size)
    df.set(this.df)
    const idfs = new Float64Array(size)
    idfs.set(this.idfs)
    const idfAt = new Int32Array(size).fill(-1)
    idfAt.set(this.idfAt)
    const bg = new Float64Array(size)
    bg.set(this.bg)
    this.df = df
    this.bg = bg
    this.idfs = idfs
    this.idfAt = idfAt
  }
}
