/**
 * The story's title: an outlet's own headline when there is one, chosen from the article that
 * shares most with the others; otherwise the story's top fact, shortened.
 */
import type { Annotated, StoryFact } from '../types.js'

export interface TitleOptions {
  /** Words kept when the title is made from a fact. */
  maxWords?: number
}

/** Per article, the corroborated or disputed facts it reports; one pass over the facts. */
function centrality(facts: StoryFact[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const f of facts) {
    if (f.status === 'single-source') continue
    for (const id of new Set(f.articleIds)) out.set(id, (out.get(id) ?? 0) + 1)
  }
  return out
}

const WORD = /[\p{L}\p{N}]+/gu

/**
 * Whether a "title" is only the outlet's name (a masthead line taken for a headline): equal to it,
 * or the name with one extra word such as its initials ("GPR Greyhaven Public Radio").
 */
export function isOutletName(title: string, outlet: string | null | undefined): boolean {
  if (!outlet) return false
  const words = (t: string) => t.toLowerCase().match(WORD) ?? []
  const name = new Set(words(outlet))
  const rest = words(title).filter((w) => !name.has(w))
  return name.size > 0 && rest.length <= (name.size >= 2 ? 1 : 0)
}

function shorten(text: string, maxWords: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  if (words.length <= maxWords) return words.join(' ').replace(/[.;,:]$/, '')
  return `${words.slice(0, maxWords).join(' ').replace(/[.;,:]$/, '')}…`
}

/**
 * The headline of the most central article (most corroborated or disputed facts; ties keep input
 * order), never a title that is only the outlet's name; or the top fact's text shortened to about
 * 12 words when no article has a headline.
 * @example storyTitle(articles, facts) // "Trump Envoy Meets Putin in Moscow"
 */
export function storyTitle(articles: Annotated[], facts: StoryFact[], { maxWords = 12 }: TitleOptions = {}): string {
  const central = centrality(facts)
  const titled = articles
    .map((article, order) => ({ article, order, score: central.get(article.id) ?? 0 }))
    .filter((x) => x.article.title && x.article.title.trim().length > 0 && !isOutletName(x.article.title, x.article.outlet?.name))
    .sort((a, b) => b.score - a.score || a.order - b.order)
  if (titled.length > 0) return titled[0].article.title!.trim()
  const top = facts[0]
  if (top) return shorten(top.text, maxWords)
  const first = articles.find((a) => a.sentences.length > 0)
  return first ? shorten(first.text.slice(first.sentences[0][0], first.sentences[0][1]), maxWords) : 'Untitled story'
}
