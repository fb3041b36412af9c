/**
 * Background document frequencies: how common each clustering term is in news at large, learned
 * once from public training text (`scripts/learn-background-df.ts` writes background-df.json).
 *
 * Why: IDF counted over a small batch alone cannot tell a shared word from a rare one. In three
 * articles about one event, "president" and the senator's surname both appear in all three, so
 * both weigh the same, and the words each outlet chose alone outweigh both. Blended in as a fixed
 * number of pseudo-documents, the background decides the IDF of a small batch; a long stream
 * outgrows it and its own counts decide (see `Vocabulary.idf`).
 */
import table from './background-df.json' with { type: 'json' }

/** Version of background-df.json's shape. */
export const BACKGROUND_FORMAT = 1

/** The learned table as stored: terms space-separated, most common first, with their counts. */
export interface BackgroundTable {
  format: number
  /** Texts counted. */
  documents: number
  /** Terms used by fewer texts were left out (they count as unseen: rare). */
  minDf: number
  /** Source name -> texts counted from it. */
  sources: Record<string, number>
  terms: string
  df: number[]
}

/** Background frequencies scaled to `documents` pseudo-documents, as the vocabulary blends them in. */
export class Background {
  private readonly counts = new Map<string, number>()
  private readonly texts: number

  /** `documents`: how many of the batch's own documents the background weighs as. */
  constructor(
    stored: BackgroundTable,
    readonly documents: number,
  ) {
    if (stored.format !== BACKGROUND_FORMAT) throw new Error(`background: table format ${stored.format} found, ${BACKGROUND_FORMAT} expected`)
    const terms = stored.terms.split(' ')
    if (terms.length !== stored.df.length) throw new Error(`background: ${terms.length} terms but ${stored.df.length} counts`)
    for (let i = 0; i < terms.length; i++) this.counts.set(terms[i], stored.df[i])
    this.texts = stored.documents
  }

  /** The term's pseudo-document frequency (0 for a term the background has not kept: a rare one). */
  df(term: string): number {
    return ((this.counts.get(term) ?? 0) / this.texts) * this.documents
  }

  /**
   * How rare the term is in news at large, from 0 (in every text) to 1 (in none): its background
   * IDF over the largest possible.
   */
  rarity(term: string): number {
    return Math.log(1 + this.texts / (1 + (this.counts.get(term) ?? 0))) / Math.log(1 + this.texts)
  }
}

/** The committed table (src/cluster/background-df.json). */
export const DEFAULT_BACKGROUND_TABLE: BackgroundTable = table

const cache = new Map<number, Background>()

/** The committed table weighed as `documents` pseudo-documents (one instance per weight, shared). */
export function defaultBackground(documents: number): Background {
  let background = cache.get(documents)
  if (!background) {
    background = new Background(DEFAULT_BACKGROUND_TABLE, documents)
    cache.set(documents, background)
  }
  return background
}
