/**
 * Helpers shared by the Markdown and HTML report renderers: article labels, citation numbering,
 * cited-word lookup and the outlet's words around a value (`wordsAround`). Pure functions of the
 * report and the articles' texts.
 */
import { sentenceAround } from '../text/spans.js'
import type { Article, Citation, Report, ReportArticle, Span, Story, StoryFact } from '../types.js'

/** What a renderer needs to name an article. */
export type ArticleLike = Pick<ReportArticle, 'id' | 'outlet' | 'title' | 'source'>

/** Runs of hex digits long enough to be a hash (content-addressed file names). */
const HEX_RUN = /[0-9a-f]{8,}/gi

/**
 * A name from a file path or URL path when the article names no outlet: the file's stem with
 * hash-like runs and separators removed ("reuters_0c1d2e3f4a5b6c7d.txt" -> "reuters"). Null when
 * nothing readable is left.
 * @example sourceStem('../in/003_814b9930b0476a43.txt') // '003'
 */
export function sourceStem(path: string | undefined): string | null {
  if (!path) return null
  const base = path.split(/[\\/]/).filter(Boolean).at(-1) ?? ''
  const stem = base.replace(/\.[a-z0-9]{1,5}$/i, '').replace(HEX_RUN, '').replace(/[_\-.\s]+/g, ' ').trim()
  return stem || null
}

/**
 * A short, human name for an article, never a hash: its outlet, else its URL's host, else
 * "Unnamed outlet" with what its file name says ("Unnamed outlet (003)").
 */
export function articleLabel(article: ArticleLike | undefined, fallbackId = '?'): string {
  if (!article) return fallbackId
  if (article.outlet?.name) return article.outlet.name
  const url = article.source.url
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '')
    } catch {
      // not a URL we can parse: fall through to the file name
    }
  }
  const stem = sourceStem(article.source.path)
  return stem ? `Unnamed outlet (${stem})` : 'Unnamed outlet'
}

/** The metadata rows both per-article renderers list first, as [label, plain text] pairs. */
export function articleMetaRows(a: Pick<Article, 'id' | 'source' | 'outlet' | 'publishedAt' | 'authors' | 'language'>): [string, string][] {
  const source = a.source.url ?? a.source.path ?? a.source.kind
  return [
    ['Outlet', a.outlet?.name ?? 'unknown'],
    ['Published', a.publishedAt ?? 'unknown'],
    ['Authors', a.authors.join(', ') || 'none found'],
    ['Language', a.language],
    ['Source', `${a.source.kind}: ${source}`],
    ['Id', a.id],
  ]
}

/** The report's articles by id. */
export function articlesById(report: Report): Map<string, ReportArticle> {
  return new Map(report.articles.map((a) => [a.id, a]))
}

/** The story's articles in the story's order (ids missing from `report.articles` are skipped). */
export function storyArticles(story: Story, byId: Map<string, ReportArticle>): ReportArticle[] {
  const out: ReportArticle[] = []
  for (const id of story.articleIds) {
    const a = byId.get(id)
    if (a) out.push(a)
  }
  return out
}

/** A citation numbered for footnote-style references (`[1]`). */
export interface NumberedCitation extends Citation {
  n: number
}

/** A key identifying a cited span (article and offsets), for de-duplication. */
export function citationKey(c: Citation): string {
  return `${c.articleId}\u0000${c.start}\u0000${c.end}`
}

/**
 * Numbers the summary's citations in order of first appearance; a span cited twice keeps its
 * number, so the reference list has no duplicates.
 */
export function numberCitations(story: Story): { list: NumberedCitation[]; numberOf: Map<string, number> } {
  const list: NumberedCitation[] = []
  const numberOf = new Map<string, number>()
  for (const sentence of story.summary) {
    for (const c of sentence.citations) {
      const key = citationKey(c)
      if (numberOf.has(key)) continue
      const n = list.length + 1
      numberOf.set(key, n)
      list.push({ ...c, n })
    }
  }
  return { list, numberOf }
}

/** The cited words, or null when the article text is not available or the span is out of range. */
export function citedText(c: Citation, texts: Map<string, string> | undefined): string | null {
  const text = texts?.get(c.articleId)
  if (text === undefined) return null
  if (!(c.start >= 0 && c.end > c.start && c.end <= text.length)) return null
  return text.slice(c.start, c.end)
}

/** Longest passage of an outlet's words shown around a value, in characters. */
export const MAX_WORDS_AROUND = 240

/** Sentence spans by article id, as the enrich stage found them (`Annotated.sentences`). */
export type SentencesById = ReadonlyMap<string, readonly Span[]>

/**
 * The outlet's words around a span: the sentence holding it as the sentence splitter read it
 * (`sentences`, the article's: "U.S.-Russia ties" and "Mr. Pell" end no sentence, a quotation's
 * closing mark stays with the sentence it closes), or the sentences from the one holding `start`
 * to the one holding `end`; when longer than `max`, or when the sentences are not given, the words
 * around the span, cut at word breaks, with "…" where words were left out.
 * @example wordsAround('He left. The U.S.-Russia talks ended. Then rain.', 13, 17, [[0, 8], [9, 37], [38, 48]]) // 'The U.S.-Russia talks ended.'
 */
export function wordsAround(text: string, start: number, end: number, sentences: readonly Span[] = [], max = MAX_WORDS_AROUND): string {
  const from = Math.min(start, sentenceAround(sentences, start, text.length)[0])
  const to = Math.max(end, sentenceAround(sentences, Math.max(start, end - 1), text.length)[1])
  if (to - from <= max) return text.slice(from, to).trim()
  // Centred on the span, inside its sentences; a span longer than `max` from its start.
  const pad = Math.max(0, Math.floor((max - (end - start)) / 2))
  let a = start - pad
  let b = Math.min(end + pad, start + max)
  if (a < from) (b = Math.min(to, b + from - a)), (a = from)
  if (b > to) (a = Math.max(from, a - (b - to))), (b = to)
  // Cut at word breaks: after the first space past `a` (before the span), at the last one before
  // `b` (after the span, or inside a span longer than `max`).
  if (a > from) {
    SPACE.lastIndex = a
    const space = SPACE.exec(text)
    if (space && space.index < start) a = space.index + 1
  }
  if (b < to) {
    const space = lastSpaceBefore(text, b)
    if (space >= Math.min(end, b) || (end > b && space > a)) b = space
  }
  return `${a > from ? '…' : ''}${text.slice(a, b).trim()}${b < to ? '…' : ''}`
}

const SPACE = /\s/g

/** The last white space at or before `pos` (-1 when none). */
function lastSpaceBefore(text: string, pos: number): number {
  for (let k = Math.min(pos, text.length - 1); k >= 0; k--) if (/\s/.test(text[k])) return k
  return -1
}

/** Groups items by a key, keeping first-seen order of keys. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = out.get(key)
    if (list) list.push(item)
    else out.set(key, [item])
  }
  return out
}

/** A source a fact is credited to, with the outlets that credit it when not all of the fact's outlets do. */
export interface Credit {
  name: string
  /** The outlets (as `outletOf` names them) whose words credit `name`, when some of the fact's outlets do not; null when all do. */
  outlets: string[] | null
}

/**
 * The sources a fact is credited to that its text does not already name ("Trump said ..."), each
 * with the outlets that credit it when others do not: a fact five outlets give as Trump's words
 * and one as a senior official's is "attributed to a senior official" by that one outlet only, not
 * by the five. Outlets, not articles, are compared (`outletOf`: an article's outlet as the report
 * names it), so two articles of one outlet, one crediting the source, count as that outlet crediting
 * it. A disputed fact's text is one version: every source is named, so the one its text gives is
 * not read as the source of the others ("the hospital said 15" beside a harbour authority that said 12).
 */
export function creditedElsewhere(
  fact: Pick<StoryFact, 'text' | 'attributedTo'> & Partial<Pick<StoryFact, 'status' | 'support' | 'articleIds'>>,
  outletOf: (articleId: string) => string = (id) => id,
): Credit[] {
  const names = fact.status === 'disputed' ? (fact.attributedTo ?? []) : (fact.attributedTo ?? []).filter((name) => !fact.text.includes(name.split(/\s+/).at(-1) ?? name))
  const outlets = new Set((fact.articleIds ?? []).map(outletOf))
  return names.map((name) => {
    const by = [...new Set((fact.support ?? []).filter((s) => s.attributedTo === name).map((s) => outletOf(s.articleId)))]
    // Without supports that name it (a report written before supports carried their source), no outlets are given.
    return { name, outlets: by.length === 0 || [...outlets].every((o) => by.includes(o)) ? null : by }
  })
}
