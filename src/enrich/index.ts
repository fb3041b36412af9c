/**
 * The enrich stage: everything found in one article's clean text, as spans. The order matters:
 * quotes need sentences and entities (to attach speakers); numbers and dates are independent.
 */
import type { Annotated, Article } from '../types.js'
import { findDates } from './dates/index.js'
import { findEntities } from './entities/index.js'
import { findNumbers } from './numbers/index.js'
import { findQuotes } from './quotes/index.js'
import { splitSentences } from './sentences/index.js'

/**
 * Annotates an article: sentences, entities, quotes with speakers, numbers, dates.
 * A stage that throws leaves its list empty and records a message; the article goes on.
 * @example const annotated = annotate(extractArticle(raw))
 */
export function annotate(article: Article): Annotated {
  const { text } = article
  const messages = [...(article.messages ?? [])]
  const run = <T>(stage: string, fn: () => T[]): T[] => {
    try {
      return fn()
    } catch (error) {
      messages.push({ stage, level: 'error', message: (error as Error).message })
      return []
    }
  }
  const sentences = run('enrich/sentences', () => splitSentences(text))
  const entities = run('enrich/entities', () => findEntities(text, sentences))
  const quotes = run('enrich/quotes', () => findQuotes(text, sentences, entities))
  const numbers = run('enrich/numbers', () => findNumbers(text))
  const dates = run('enrich/dates', () => findDates(text, article.publishedAt))
  return { ...article, ...(messages.length > 0 ? { messages } : {}), sentences, entities, quotes, numbers, dates }
}

export { findDates, findEntities, findNumbers, findQuotes, splitSentences }
