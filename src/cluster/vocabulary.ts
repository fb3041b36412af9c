/**
 * The clusterer's vocabulary: each term interned to a small integer once, so story sums and
 * document frequencies are keyed by numbers (cheap to hash) instead of by strings compared again
 * and again, and IDF computed once per term per document count instead of once per lookup.
 */

/** Interned terms with their document frequencies; `idf` is cached until the next document. */
export class Vocabulary {
  private readonly ids = new Map<string, number>()
  private readonly terms: string[] = []
  private df = new Int32Array(1024)
  private idfs = new Float64Array(1024)
  /** The document count each cached IDF was computed at (-1: never). */
  private idfAt = new Int32Array(1024).fill(-1)
  private docs = 0

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

  /** The term an id stands for. */
  term(id: number): string {
    return this.terms[id]
  }

  /** Counts one document containing each of `ids` (each id once). */
  addDocument(ids: ArrayLike<number>): void {
    this.docs++
    for (let i = 0; i < ids.length; i++) this.df[ids[i]]++
  }

  /** log(1 + N / df): rare terms weigh more; a term not seen yet counts as seen once. */
  idf(id: number): number {
    if (this.idfAt[id] !== this.docs) {
      this.idfs[id] = Math.log(1 + this.docs / (this.df[id] || 1))
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
    for (let id = 0; id < this.terms.length; id++) {
      const half = this.df[id] >> 1
      if (half === 0 && !inUse.has(id)) continue
      remap[id] = terms.length
      df[terms.length] = half
      terms.push(this.terms[id])
    }
    this.ids.clear()
    terms.forEach((t, id) => this.ids.set(t, id))
    this.terms.length = 0
    this.terms.push(...terms)
    this.df = df
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
    this.df = df
    this.idfs = idfs
    this.idfAt = idfAt
  }
}
