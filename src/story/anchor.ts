/**
 * The story's day for articles that state none. An article without a publication date reads
 * "Wednesday", "next week" and "last month" as no date at all: annotate has no day to count from.
 * In a story whose other articles were all published within a few days, it is coverage of the same
 * news, so its relative dates are read from the day most of them were published. Each date read so
 * says how: `inferred`, its `anchor` the story's day, its `via` ending in "+story-day". The
 * article's own `publishedAt` stays null: the report never claims a publication date it was not given.
 */
import { findDates } from '../enrich/dates/index.js'
import type { Annotated } from '../types.js'

export interface StoryDayOptions {
  /** Days between the earliest and latest dated article, at most, for the story to have one day. */
  maxSpreadDays?: number
}

const DAY_MS = 86_400_000

/** How a date read from the story's day ends its `via`. */
export const STORY_DAY_VIA = '+story-day'

/**
 * The story's day: the publication day most of its dated articles share (the earliest of a tie),
 * or null when none is dated or their days lie more than `maxSpreadDays` apart.
 * @example storyDay([{ publishedAt: '2026-03-04T09:00:00Z' }, { publishedAt: null }]) // '2026-03-04'
 */
export function storyDay(articles: readonly Pick<Annotated, 'publishedAt'>[], { maxSpreadDays = 3 }: StoryDayOptions = {}): string | null {
  const days = articles.flatMap((a) => (a.publishedAt && /^\d{4}-\d{2}-\d{2}/.test(a.publishedAt) ? [a.publishedAt.slice(0, 10)] : [])).sort()
  if (days.length === 0) return null
  if ((Date.parse(days[days.length - 1]) - Date.parse(days[0])) / DAY_MS > maxSpreadDays) return null
  const counts = new Map<string, number>()
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1)
  let best = days[0]
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

/**
 * The story's articles, each undated one with its dates read from the story's day (`storyDay`);
 * the others, and every article of a story without a day, as they were.
 */
export function anchorUndated(articles: Annotated[], options: StoryDayOptions = {}): Annotated[] {
  if (articles.every((a) => a.publishedAt)) return articles
  const day = storyDay(articles, options)
  if (day === null) return articles
  return articles.map((a) => {
    if (a.publishedAt) return a
    const dates = findDates(a.text, day, { sentences: a.sentences }).map((d) =>
      d.inferred ? { ...d, anchor: day, via: `${d.via ?? 'dates'}${STORY_DAY_VIA}`, stage: 'story/anchor' } : d,
    )
    return { ...a, dates }
  })
}
