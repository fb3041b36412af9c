/**
 * The report as one self-contained HTML page for journalists: per story the outlets side by side,
 * the cited summary (each citation links to the marked words in the article text at the end), a
 * fact x outlet matrix, quotes by speaker, discrepancies, timeline and coverage. No scripts, no
 * external loads (strict CSP), and every piece of article-derived text is escaped.
 */
import type { Citation, Report, ReportArticle, Story, StoryFact } from '../types.js'
import { articleLabel, citationKey, citedText, creditedElsewhere, groupBy, numberCitations } from './common.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { el, htmlPage, htmlTable } from './html-page.js'
import { markArticleText, type MarkedText } from './html-text.js'
import type { Highlight, Range } from './marks.js'

/** Limits for the HTML report. */
export interface HtmlOptions {
  /** Longest cited passage shown in a citation's tooltip, in characters. */
  maxTooltipChars?: number
}

const DEFAULTS: Required<HtmlOptions> = { maxTooltipChars: 400 }

/** Per-page lookups: each article's position (for anchors), label and marked text. */
interface PageContext {
  index: Map<string, number>
  byId: Map<string, ReportArticle>
  marked: Map<string, MarkedText>
  texts: Map<string, string> | undefined
  opts: Required<HtmlOptions>
}

const STATUS_ORDER: StoryFact['status'][] = ['corroborated', 'disputed', 'single-source']

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
    for (const f of story.facts) for (const c of f.support) slot(c.articleId).highlights.push({ ...c, cls: 'fact' })
    for (const q of story.quotes) for (const o of q.occurrences) slot(o.articleId).highlights.push({ ...o, cls: 'quote' })
  }
  return out
}

function buildContext(report: Report, texts: Map<string, string> | undefined, opts: Required<HtmlOptions>): PageContext {
  const index = new Map(report.articles.map((a, i) => [a.id, i]))
  const byId = new Map(report.articles.map((a) => [a.id, a]))
  const marked = new Map<string, MarkedText>()
  for (const [id, m] of collectMarks(report)) {
    const text = texts?.get(id)
    const k = index.get(id)
    if (text !== undefined && k !== undefined) marked.set(id, markArticleText(text, `a${k}`, m.cited, m.highlights))
  }
  for (const a of report.articles) {
    const text = texts?.get(a.id)
    if (text !== undefined && !marked.has(a.id)) marked.set(a.id, markArticleText(text, `a${index.get(a.id)}`, [], []))
  }
  return { index, byId, marked, texts, opts }
}

const label = (ctx: PageContext, id: string): string => articleLabel(ctx.byId.get(id), id)
const outlets = (ctx: PageContext, ids: readonly string[]): string =>
  esc([...new Set(ids.map((id) => label(ctx, id)))].join(', ') || '—')

function citationLink(ctx: PageContext, c: Citation, n: number): string {
  const words = citedText(c, ctx.texts)
  const k = ctx.index.get(c.articleId)
  const markId = ctx.marked.get(c.articleId)?.markIdFor(c.start, c.end) ?? null
  const href = markId ? `#${markId}` : k === undefined ? '' : `#article-${k}`
  const tip = `${label(ctx, c.articleId)}: ${words === null ? `characters ${c.start}–${c.end}` : `“${truncate(words, ctx.opts.maxTooltipChars)}”`}`
  const attrs = `class="cite"${href ? ` href="${href}"` : ''} title="${esc(tip)}"`
  return `<a ${attrs}>[${n}]</a>`
}

function outletCards(ctx: PageContext, story: Story): string {
  const cards = story.articleIds.map((id) => {
    const a = ctx.byId.get(id)
    const k = ctx.index.get(id)
    const title = a?.title ?? '(untitled)'
    const link = k === undefined ? el('div', title, 'title') : `<div class="title"><a href="#article-${k}">${esc(title)}</a></div>`
    const meta = [a?.publishedAt ?? 'date unknown', a?.authors.join(', ') ?? ''].filter(Boolean).join(' · ')
    return `<div class="card">${el('div', label(ctx, id), 'outlet')}${link}${el('div', meta, 'meta')}</div>`
  })
  return `<div class="outlets">${cards.join('\n')}</div>`
}

function summaryHtml(ctx: PageContext, story: Story): string {
  if (story.summary.length === 0) return el('p', 'No summary sentence passed the citation check.', 'meta')
  const { numberOf } = numberCitations(story)
  const ps = story.summary.map((s) => {
    const refs = s.citations.map((c) => citationLink(ctx, c, numberOf.get(citationKey(c)) ?? 0)).join('')
    return `<p>${esc(s.text)}${refs}</p>`
  })
  const rejected = story.summaryRejected !== undefined ? el('p', `${story.summaryRejected} candidate sentence(s) rejected by the citation check.`, 'meta') : ''
  return `<div class="summary">${ps.join('\n')}${rejected}</div>`
}

function factMatrix(ctx: PageContext, story: Story): string {
  if (story.facts.length === 0) return el('p', 'No facts.', 'meta')
  const cols = story.articleIds
  const header = ['Fact', 'Status', ...cols.map((id) => esc(label(ctx, id)))]
  const facts = [...story.facts].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  const rows = facts.map((f) => {
    const support = groupBy(f.support, (c) => c.articleId)
    const cells = cols.map((id) => {
      if (!f.articleIds.includes(id) && !support.has(id)) return '<td class="miss" title="not reported">·</td>'
      const words = (support.get(id) ?? []).map((c) => citedText(c, ctx.texts)).filter((w): w is string => w !== null)
      const tip = words.length > 0 ? truncate(words.join(' … '), ctx.opts.maxTooltipChars) : 'reported'
      return `<td class="hit" title="${esc(tip)}">●</td>`
    })
    const outletCount = new Set(f.articleIds.map((id) => label(ctx, id))).size
    const independent = f.sources !== undefined && f.sources < outletCount ? ` · ${f.sources} independent` : ''
    const credited = creditedElsewhere(f).length ? ` · attributed to ${creditedElsewhere(f).join(', ')}` : ''
    const meta = independent || credited ? el('div', `${outletCount} outlets${independent}${credited}`, 'meta') : ''
    return [`${esc(f.text)}${meta}`, `<span class="badge ${f.status}">${f.status}</span>`, ...cells]
  })
  // The last row: each article's share of the story's facts.
  const coverage = new Map(story.coverage.map((c) => [c.articleId, c]))
  const shares = cols.map((id) => {
    const share = coverage.get(id)?.share
    return share === undefined ? '<td>—</td>' : `<td title="share of the story's facts">${Math.round(share * 100)}%</td>`
  })
  rows.push(['<em>share of all facts</em>', '', ...shares])
  return htmlTable(header, rows, 'matrix')
}

function quotesHtml(ctx: PageContext, story: Story): string {
  if (story.quotes.length === 0) return el('p', 'No quotes.', 'meta')
  const bySpeaker = groupBy(story.quotes, (q) => q.speaker?.name ?? '')
  return [...bySpeaker]
    .map(([speaker, quotes]) => {
      const items = quotes.map((q) => {
        const occ = q.occurrences.map((o) => `<li><strong>${esc(label(ctx, o.articleId))}</strong>: “${esc(o.text)}”</li>`)
        const variants =
          q.variants.length > 1
            ? `<p class="meta">${q.variants.length} wordings</p><ul>${q.variants.map((v) => `<li>“${esc(v.text)}” — ${outlets(ctx, v.articleIds)}</li>`).join('')}</ul>`
            : ''
        return `<blockquote>“${esc(q.text)}”<div class="meta">${outlets(ctx, q.articleIds)}</div></blockquote><ul class="plain">${occ.join('')}</ul>${variants}`
      })
      const name = speaker || 'Unattributed'
      return `<details open><summary>${esc(name)} (${quotes.length})</summary>${items.join('\n')}</details>`
    })
    .join('\n')
}

function discrepanciesHtml(ctx: PageContext, story: Story): string {
  if (story.discrepancies.length === 0) return el('p', 'No discrepancies found.', 'meta')
  const items = story.discrepancies.map((d) => {
    const values = d.values
      .map((v) => {
        // The words behind each value, when the discrepancy gives them, as a tooltip.
        const words = (v.support ?? []).map((c) => citedText(c, ctx.texts)).filter((w): w is string => w !== null)
        const tip = words.length > 0 ? ` title="${esc(truncate(words.join(' … '), ctx.opts.maxTooltipChars))}"` : ''
        return `<li${tip}>“${esc(v.value)}” — ${outlets(ctx, v.articleIds)}</li>`
      })
      .join('')
    return `<li><span class="badge">${esc(d.kind)}</span> ${esc(d.description)}<ul>${values}</ul></li>`
  })
  return `<ul>${items.join('\n')}</ul>`
}

function entitiesHtml(ctx: PageContext, story: Story): string {
  if (story.entities.length === 0) return el('p', 'No entities.', 'meta')
  const rows = story.entities.map((e) => [
    esc(e.name),
    esc(e.type),
    esc((e.aliases ?? []).join(', ') || '—'),
    esc((e.roles ?? []).join(', ') || '—'),
    outlets(ctx, e.articleIds),
    String(e.mentions),
  ])
  const table = htmlTable(['Name', 'Type', 'Aliases', 'Roles', 'Outlets', 'Mentions'], rows)
  return `<details><summary>${story.entities.length} people, organizations and places</summary>${table}</details>`
}

function timelineHtml(ctx: PageContext, story: Story): string {
  if (story.timeline.length === 0) return el('p', 'No dated events.', 'meta')
  const items = story.timeline.map((t) => {
    // An event other articles date differently is a discrepancy: say so on its line.
    const other = t.otherDates?.length ? ` <span class="badge disputed">dated otherwise: ${esc(t.otherDates.map((o) => `${o.date} (${[...new Set(o.articleIds.map((id) => label(ctx, id)))].join(', ')})`).join('; '))}</span>` : ''
    return `<li><strong>${esc(t.date)}</strong> ${esc(t.text)} <span class="meta">(${outlets(ctx, t.articleIds)})</span>${other}</li>`
  })
  return `<ol class="plain">${items.join('\n')}</ol>`
}

function coverageHtml(ctx: PageContext, story: Story): string {
  if (story.coverage.length === 0) return el('p', 'No coverage data.', 'meta')
  const factText = new Map(story.facts.map((f) => [f.id, f.text]))
  const cell = (ids: string[]): string =>
    ids.length === 0 ? '0' : `${ids.length}<ul>${ids.map((id) => el('li', truncate(factText.get(id) ?? id, 120))).join('')}</ul>`
  const pct = (x: number | null | undefined) => (x === undefined || x === null ? '—' : `${Math.round(x * 100)}%`)
  const rows = story.coverage.map((c) => [
    esc(c.outlet ?? label(ctx, c.articleId)),
    c.factCount === undefined ? '—' : `${pct(c.share)} (${c.factCount} of ${story.facts.length})`,
    pct(c.corroboratedShare),
    cell(c.uniqueFactIds),
    cell(c.omittedFactIds),
  ])
  return htmlTable(['Outlet', 'Share of facts', 'Share of corroborated facts', 'Only this outlet', 'Left out by this outlet'], rows)
}

function storyHtml(ctx: PageContext, story: Story, si: number, single: boolean): string {
  const n = new Set(story.articleIds.map((id) => label(ctx, id))).size
  const parts: [string, string][] = [
    ['Outlets', outletCards(ctx, story)],
    ['Summary', summaryHtml(ctx, story)],
    ['Facts by outlet', factMatrix(ctx, story)],
    ['Discrepancies', discrepanciesHtml(ctx, story)],
    ['Quotes by speaker', quotesHtml(ctx, story)],
    ['Timeline', timelineHtml(ctx, story)],
    ['Entities', entitiesHtml(ctx, story)],
    ['Coverage', coverageHtml(ctx, story)],
  ]
  const body = parts.map(([h, html]) => `<h3>${h}</h3>\n${html}`).join('\n')
  const meta = `${story.articleIds.length} articles from ${n} outlets`
  // A one-story page already has the story's title as its h1.
  const heading = single ? '' : `<h2>${esc(story.title)}</h2>`
  return `<section class="story" id="story-${si}">${heading}${el('p', meta, 'meta')}\n${body}</section>`
}

function articleTextHtml(ctx: PageContext, a: ReportArticle, k: number): string {
  const source = a.source.url ?? a.source.path ?? a.source.kind
  // Source URLs are shown as text, never as links or loads: the page makes no request on its own.
  const meta = [a.publishedAt ?? 'date unknown', a.authors.join(', '), `source: ${source}`, `id: ${a.id}`].filter(Boolean).join(' · ')
  const marked = ctx.marked.get(a.id)
  const text = marked ? `<div class="article-text">${marked.html}</div>` : el('p', 'Text not included in this report.', 'meta')
  const removed = a.removed.length > 0
    ? `<details class="removed"><summary>${a.removed.length} piece(s) removed</summary><ul>${a.removed.map((r) => `<li><em>${esc(r.reason)}</em>: ${esc(r.text)}</li>`).join('')}</ul></details>`
    : ''
  return `<section id="article-${k}"><h3>${esc(label(ctx, a.id))} — ${esc(a.title ?? '(untitled)')}</h3>${el('p', meta, 'meta')}${removed}${text}</section>`
}

/**
 * The report as one self-contained HTML page. Pass `texts` (clean text by article id) so
 * citations show the cited words and link to them, marked, in the article texts at the end.
 * @example writeFileSync('report.html', renderReportHtml(report, texts))
 */
export function renderReportHtml(report: Report, texts?: Map<string, string>, options: HtmlOptions = {}): string {
  const ctx = buildContext(report, texts, { ...DEFAULTS, ...options })
  const n = report.stories.length
  const title = n === 1 ? report.stories[0].title : `Parallax report: ${n} stories`
  const nav = n > 1 ? `<nav><ol>${report.stories.map((s, i) => `<li><a href="#story-${i}">${esc(s.title)}</a></li>`).join('')}</ol></nav>` : ''
  const header = `<header><p class="meta">Parallax report · ${n} ${n === 1 ? 'story' : 'stories'} · ${report.articles.length} articles</p><h1>${esc(title)}</h1>${nav}</header>`
  const stories = report.stories.map((s, i) => storyHtml(ctx, s, i, n === 1)).join('\n')
  const articles = report.articles.map((a, k) => articleTextHtml(ctx, a, k)).join('\n')
  return htmlPage(title, `${header}\n${stories}\n<h2>Articles</h2>\n${articles}`)
}
