/**
 * The enrich stage: everything found in one article's clean text, as spans. The order matters:
 * quotes need sentences and entities (to attach speakers); dates read each date's sentence from
 * `sentences` (is it about the future?); numbers are independent.
 */
import type { Annotated, Article } from '../types.js'
import { findDates } from './dates/index.js'
import { findDatesAndTimexes } from './dates/timeml.js'
import { findEntities } from './entities/index.js'
import { findNumbers } from './numbers/index.js'
import { findQuotes } from './quotes/index.js'
import { splitSentences } from './sentences/index.js'

export interface AnnotateOptions {
  /**
   * Each date's TimeML reading (`timex`) and the TimeML expressions that are no dates (`timexes`);
   * on unless false. The cross-article stages never read them, so `analyze` and `cluster` leave
   * them out: on 2,000 generated articles they were about a quarter of the dates stage.
   */
  timeml?: boolean
}

/**
 * Annotates an article: sentences, entities, quotes with speakers, numbers, dates (each with its
 * TimeML reading) and the TimeML expressions that are no dates (durations, sets, "now").
 * A stage that throws leaves its list empty and records a message; the article goes on.
 * @example const annotated = annotate(extractArticle(raw))
 */
export function annotate(article: Article, { timeml = true }: AnnotateOptions = {}): Annotated {
  const { text } = article
  const messages = [...(article.messages ?? [])]
  const run = <T>(stage: string, fn: () => T, empty: T): T => {
    try {
      return fn()
    } catch (error) {
      messages.push({ stage, level: 'error', message: (error as Error).message })
      return empty
    }
  }
  const sentences = run('enrich/sentences', () => splitSentences(text), [])
  const entities = run('enrich/entities', () => findEntities(text, sentences), [])
  const quotes = run('enrich/quotes', () => findQuotes(text, sentences, entities), [])
  const numbers = run('enrich/numbers', () => findNumbers(text), [])
  const { dates, timexes } = run<{ dates: Annotated['dates']; timexes?: Annotated['timexes'] }>(
    'enrich/dates',
    () => (timeml ? findDatesAndTimexes(text, article.publishedAt, { sentences }) : { dates: findDates(text, article.publishedAt, { sentences }) }),
    timeml ? { dates: [], timexes: [] } : { dates: [] },
  )
  return { ...article, ...(messages.length > 0 ? { messages } : {}), sentences, entities, quotes, numbers, dates, ...(timexes ? { timexes } : {}) }
}

export { findDates, findDatesAndTimexes, findEntities, findNumbers, findQuotes, splitSentences }
