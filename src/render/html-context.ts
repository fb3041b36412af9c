/**
 * What every part of the HTML report needs to know about the page: each article's position (for
 * anchors), its label and its marked text, and the citation links into it.
 */
import type { Citation, Report, ReportArticle } from '../types.js'
import { articleLabel, citedText, type SentencesById } from './common.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { markArticleText, type MarkedText } from './html-text.js'
import type { Highlight, Range } from './marks.js'

/** Limits for the HTML report, and what it may show of the articles beyond their texts. */
export interface HtmlOptions {
  /** Longest cited passage shown in a citation's tooltip, in characters. */
  maxTooltipChars?: number
  /** Each article's sentence spans (`Annotated.sentences`): a disagreeing value is shown in its whole sentence. */
  sentences?: SentencesById
}

const DEFAULTS: Required<HtmlOptions> = { maxTooltipChars: 400, sentences: new Map() }

/** Per-page lookups: each article's position (for anchors), label and marked text. */
export interface PageContext {
  index: Map<string, number>
  byId: Map<string, ReportArticle>
  marked: Map<string, MarkedText>
  texts: Map<string, string> | undefined
  opts: Required<HtmlOptions>
}

/** Collects, per article, what to mark: summary citations (anchors), fact support and quotes (highlights). */
function collectMarks(report: Report): Map<string, { cited: Range[]; highlights: Highlight[] }> {
  const out = new Map<string, { cited: Range[]; highlights: Highlight[] }>()
  const slot = (id: string) => {
    let s = out.get(id)
    if (!s) out.set(id, (s = { cited: [], highlights: [] }))
    return s
  }
  for (const story of report.stories) {
    for (const s of story.summary) for (const c of s.citations) slot(c.articleId).cited.push(c)
    // Disagreeing words are anchors too, so the lead's side-by-side values link to them.
    for (const d of story.discrepancies) for (const v of d.values) for (const c of v.support ?? []) slot(c.articleId).cited.push(c)
    for (const f of story.facts) for (const c of f.support) slot(c.articleId).highlights.push({ ...c, cls: 'fact' })
    for (const q of story.quotes) for (const o of q.occurrences) slot(o.articleId).highlights.push({ ...o, cls: 'quote' })
  }
  return out
}

/** The page's lookups; `texts` (clean text by article id) lets citations show and link to their words. */
export function buildContext(report: Report, texts: Map<string, string> | undefined, options: HtmlOptions = {}): PageContext {
  // `sentences: undefined` is none given, as an absent option.
  const opts = { ...DEFAULTS, ...options, sentences: options.sentences ?? DEFAULTS.sentences }
  const index = new Map(report.articles.map((a, i) => [a.id, i]))
  const byId = new Map(report.articles.map((a) => [a.id, a]))
  const marked = new Map<string, MarkedText>()
  const marks = collectMarks(report)
  for (const a of report.articles) {
    const text = texts?.get(a.id)
    const m = marks.get(a.id) ?? { cited: [], highlights: [] }
    if (text !== undefined) marked.set(a.id, markArticleText(text, `a${index.get(a.id)}`, m.cited, m.highlights))
  }
  return { index, byId, marked, texts, opts }
}

/**
 * The article's headline, or, when its text has none, its first words in the page's "untitled"
 * style (a reader still tells the articles apart).
 */
export function titleHtml(ctx: PageContext, id: string): string {
  const title = ctx.byId.get(id)?.title
  if (title) return esc(title)
  const text = ctx.texts?.get(id)
  const first = text ? /^[^\n]*?[.!?](?=\s|$)|^[^\n]+/.exec(text.trim())?.[0] : undefined
  return first ? `<span class="untitled" title="no headline in the text: its first words">${esc(truncate(first, 90))}</span>` : '<span class="untitled">untitled</span>'
}

/** The article's outlet name (never a hash). */
export const label = (ctx: PageContext, id: string): string => articleLabel(ctx.byId.get(id), id)

/** Escaped outlet names of some articles, each once. */
export const outlets = (ctx: PageContext, ids: readonly string[]): string =>
  esc([...new Set(ids.map((id) => label(ctx, id)))].join(', ') || '—')

/** Where a cited span is on the page: its mark, else its article. */
export function citationHref(ctx: PageContext, c: Citation): string {
  const markId = ctx.marked.get(c.articleId)?.markIdFor(c.start, c.end) ?? null
  const k = ctx.index.get(c.articleId)
  return markId ? `#${markId}` : k === undefined ? '' : `#article-${k}`
}

/** A numbered citation link whose tooltip quotes the cited words. */
export function citationLink(ctx: PageContext, c: Citation, n: number): string {
  const words = citedText(c, ctx.texts)
  const href = citationHref(ctx, c)
  const tip = `${label(ctx, c.articleId)}: ${words === null ? `characters ${c.start}–${c.end}` : `“${truncate(words, ctx.opts.maxTooltipChars)}”`}`
  const attrs = `class="cite"${href ? ` href="${href}"` : ''} title="${esc(tip)}"`
  return `<a ${attrs}>[${n}]</a>`
}
