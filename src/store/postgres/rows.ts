/** Query helpers of the PostgreSQL driver. */
import { searchWords } from '../rows.js'

/**
 * A user's search words as a `to_tsquery('simple', …)` string: only letters and digits survive (so
 * `&`, `|`, `!` or quotes in the input are never syntax), all words required, the last also as a prefix.
 */
export function tsQuery(text: string): string | null {
  const words = searchWords(text.toLowerCase())
  if (words.length === 0) return null
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ')
}
