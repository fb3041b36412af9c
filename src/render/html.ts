/**
 * The report as one self-contained HTML page for journalists. Each story opens with its lead (the
 * cited summary, what several outlets confirm, where they disagree in their own words, what each
 * leaves out), then pictures (coverage by outlet, the timeline on a date axis), then everything
 * else collapsed (`<details>`): the fact x outlet matrix, single-source facts by outlet, quotes by
 * speaker, all discrepancies, framing notes, entities, the full timeline, and the marked article
 * texts. No scripts, no external loads (strict CSP); every piece of article text is escaped.
 */
import type { Report, ReportArticle, Story, StoryFact } from '../types.js'
import { citedText, creditedElsewhere, groupBy } from './common.js'
import { coverageChart, humanDate, legend, STATUS_COLOURS, timelineChart } from './charts.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { buildContext, label, outlets, titleHtml, type HtmlOptions, type PageContext } from './html-context.js'
import { leadHtml } from './html-lead.js'
import { el, htmlPage, htmlTable } from './html-page.js'
import { plural, storyCounts, storyDates } from './lead.js'

export type { HtmlOptions } from './html-context.js'

const STATUS_ORDER: StoryFact['status'][] = ['corroborated', 'disputed', 'single-source']

/** A collapsed section: its summary line says what is inside and how much. */
function collapsed(summary: string, body: string, id?: string): string {
  return `<details class="more"${id ? ` id="${id}"` : ''}><summary>${esc(summary)}</summary>${body}</details>`
}

function outletCards(ctx: PageContext, story: Story): string {
  const cards = story.articleIds.map((id) => {
    const a = ctx.byId.get(id)
    const k = ctx.index.get(id)
    const title = titleHtml(ctx, id)
    const link = k === undefined ? `<div class="title">${title}</div>` : `<div class="title"><a href="#article-${k}">${title}</a></div>`
    const meta = [a?.publishedAt?.slice(0, 10) ?? 'undated', a?.authors.join(', ') ?? ''].filter(Boolean).join(' · ')
    return `<div class="card">${el('div', label(ctx, id), 'outlet')}${link}${el('div', meta, 'meta')}</div>`
  })
  return `<div class="outlets">${cards.join('\n')}</div>`
}

function factMatrix(ctx: PageContext, story: Story): string {
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
    const credits = creditedElsewhere(f, (id) => label(ctx, id))
    const credited = credits.length ? ` · attributed to ${credits.map((c) => c.name + (c.outlets ? ` (by ${c.outlets.join(', ')})` : '')).join(', ')}` : ''
    const meta = independent || credited ? el('div', `${plural(outletCount, 'outlet')}${independent}${credited}`, 'meta') : ''
    return [`${esc(f.text)}${meta}`, `<span class="badge ${f.status}">${f.status}</span>`, ...cells]
  })
  const coverage = new Map(story.coverage.map((c) => [c.articleId, c]))
  const shares = cols.map((id) => {
    const share = coverage.get(id)?.share
    return share === undefined ? '<td>—</td>' : `<td title="share of the story's facts">${Math.round(share * 100)}%</td>`
  })
  rows.push(['<em>share of all facts</em>', '', ...shares])
  const key = legend([
    { colour: '#7cc793', label: 'reports it: corroborated fact (hover for its words)' },
    { colour: '#bfe3c9', label: 'reports it: single-source fact' },
    { colour: '#f2b8b5', label: 'reports it: disputed fact' },
    { colour: '#c4c9cf', label: 'does not report it (·)', shape: 'dot' },
  ])
  return key + htmlTable(header, rows, 'matrix')
}

function singleSourceHtml(ctx: PageContext, facts: StoryFact[]): string {
  const byOutlet = groupBy(facts, (f) => label(ctx, f.articleIds[0] ?? ''))
  return [...byOutlet]
    .map(([outlet, list]) => `<h4>${esc(outlet)} (${list.length})</h4><ul>${list.map((f) => el('li', f.text)).join('')}</ul>`)
    .join('\n')
}

function quotesHtml(ctx: PageContext, story: Story): string {
  const bySpeaker = groupBy(story.quotes, (q) => q.speaker?.name ?? '')
  return [...bySpeaker]
    .map(([speaker, quotes]) => {
      const items = quotes.map((q) => {
        const occ = q.occurrences.map((o) => `<li><strong>${esc(label(ctx, o.articleId))}</strong>: “${esc(o.text)}”</li>`)
        const variants = q.variants.length > 1
          ? `<p class="meta">${q.variants.length} wordings</p><ul>${q.variants.map((v) => `<li>“${esc(v.text)}” — ${outlets(ctx, v.articleIds)}</li>`).join('')}</ul>`
          : ''
        return `<blockquote>“${esc(q.text)}”<div class="meta">${outlets(ctx, q.articleIds)}</div></blockquote><ul class="plain">${occ.join('')}</ul>${variants}`
      })
      return `<h4>${esc(speaker || 'Unattributed')} (${quotes.length})</h4>${items.join('\n')}`
    })
    .join('\n')
}

function discrepancyList(ctx: PageContext, list: Story['discrepancies']): string {
  const items = list.map((d) => {
    const values = d.values
      .map((v) => {
        const words = (v.support ?? []).map((c) => citedText(c, ctx.texts)).filter((w): w is string => w !== null)
        const tip = words.length > 0 ? ` title="${esc(truncate(words.join(' … '), ctx.opts.maxTooltipChars))}"` : ''
        return `<li${tip}>“${esc(v.value)}” — ${outlets(ctx, v.articleIds)}</li>`
      })
      .join('')
    return `<li><span class="badge kind">${esc(d.kind)}</span> ${esc(d.description)}<ul>${values}</ul></li>`
  })
  return `<ul>${items.join('\n')}</ul>`
}

function entitiesHtml(ctx: PageContext, story: Story): string {
  const rows = story.entities.map((e) => [
    esc(e.name), esc(e.type), esc((e.aliases ?? []).join(', ') || '—'), esc((e.roles ?? []).join(', ') || '—'), outlets(ctx, e.articleIds), String(e.mentions),
  ])
  return htmlTable(['Name', 'Type', 'Aliases', 'Roles', 'Outlets', 'Mentions'], rows)
}

function timelineList(ctx: PageContext, story: Story): string {
  const items = story.timeline.map((t) => {
    // An event other articles date differently is a discrepancy: say so on its line.
    const other = t.otherDates?.length ? ` <span class="badge disputed">dated otherwise: ${esc(t.otherDates.map((o) => `${o.date} (${[...new Set(o.articleIds.map((id) => label(ctx, id)))].join(', ')})`).join('; '))}</span>` : ''
    const dayFor = t.storyDayFor ?? []
    const whose = dayFor.length >= new Set(t.articleIds).size ? '' : `: ${esc([...new Set(dayFor.map((id) => label(ctx, id)))].join(', '))}`
    const day = dayFor.length > 0 ? ` <span class="meta">dated from the story's day${whose}</span>` : ''
    return `<li><strong title="${esc(t.date)}">${esc(humanDate(t.date))}</strong> ${esc(t.text)} <span class="meta">(${outlets(ctx, t.articleIds)})</span>${day}${other}</li>`
  })
  return `<ol class="plain">${items.join('\n')}</ol>`
}

/** The happenings two or more outlets report, with those outlets: the timeline's confirmed spine. */
function sharedHappenings(ctx: PageContext, story: Story): string {
  const shared = story.timeline.filter((t) => new Set(t.articleIds.map((id) => label(ctx, id))).size >= 2 || t.otherDates?.length)
  if (shared.length === 0) return ''
  return `<ul class="tight">${shared.map((t) => `<li><strong>${esc(humanDate(t.date))}</strong> ${esc(truncate(t.text, 140))} <span class="meta">(${outlets(ctx, t.articleIds)})</span></li>`).join('')}</ul>`
}

function coverageTable(ctx: PageContext, story: Story): string {
  const pct = (x: number | null | undefined) => (x === undefined || x === null ? '—' : `${Math.round(x * 100)}%`)
  const rows = story.coverage.map((c) => [
    esc(label(ctx, c.articleId)),
    c.factCount === undefined ? '—' : `${pct(c.share)} (${c.factCount} of ${story.facts.length})`,
    pct(c.corroboratedShare),
    String(c.uniqueFactIds.length),
    String(c.omittedFactIds.length),
  ])
  return htmlTable(['Outlet', 'Share of facts', 'Share of corroborated facts', 'Only this outlet', 'Corroborated, left out'], rows)
}

/** Everything after the lead, collapsed: each summary line gives its count. */
function detailSections(ctx: PageContext, story: Story, si: number): string {
  const single = story.facts.filter((f) => f.status === 'single-source')
  const framing = story.discrepancies.filter((d) => d.kind === 'framing')
  const real = story.discrepancies.filter((d) => d.kind !== 'framing')
  const speakers = new Set(story.quotes.map((q) => q.speaker?.name ?? '')).size
  const parts: string[] = []
  if (story.facts.length > 0) parts.push(collapsed(`All facts by outlet (${story.facts.length})`, factMatrix(ctx, story), `s${si}-matrix`))
  if (single.length > 0) parts.push(collapsed(`Reported by one outlet only (${single.length}), by outlet`, singleSourceHtml(ctx, single)))
  if (real.length > 0) parts.push(collapsed(`All discrepancies (${real.length})`, discrepancyList(ctx, real)))
  if (framing.length > 0) parts.push(collapsed(`Framing notes: differences in wording and emphasis (${framing.length})`, discrepancyList(ctx, framing)))
  if (story.quotes.length > 0) parts.push(collapsed(`Quotes by speaker (${plural(story.quotes.length, 'quote')}, ${plural(speakers, 'speaker')})`, quotesHtml(ctx, story)))
  if (story.entities.length > 0) parts.push(collapsed(`People, organizations and places (${story.entities.length})`, entitiesHtml(ctx, story)))
  if (story.timeline.length > 0) parts.push(collapsed(`Full timeline (${plural(story.timeline.length, 'happening')})`, timelineList(ctx, story)))
  if (story.coverage.length > 0) parts.push(collapsed('Coverage in numbers', coverageTable(ctx, story)))
  return parts.join('\n')
}

function storyHtml(ctx: PageContext, story: Story, si: number, single: boolean): string {
  const meta = `${storyCounts(story, ctx.byId)} · ${storyDates(story, ctx.byId)}`
  // A one-story page already has the story's title as its h1.
  const heading = single ? '' : `<h2>${esc(story.title)}</h2>`
  const pictures = [
    ['Coverage by outlet', coverageChart(story, ctx.byId)],
    ['Timeline', timelineChart(story, ctx.byId) + sharedHappenings(ctx, story)],
  ].filter(([, html]) => html).map(([h, html]) => `<h3>${h}</h3>\n${html}`).join('\n')
  return `<section class="story" id="story-${si}">${heading}${el('p', meta, 'meta')}
${leadHtml(ctx, story, si)}
<h3>The articles</h3>
${outletCards(ctx, story)}
${pictures}
<h3>More detail</h3>
${detailSections(ctx, story, si)}
</section>`
}

const MARKS_LEGEND = legend([
  { colour: 'var(--mark)', label: 'words cited by the summary or a disagreement', shape: 'mark' },
  { colour: STATUS_COLOURS.corroborated, label: 'words stating a fact', shape: 'line' },
  { colour: 'var(--quote)', label: 'a quote', shape: 'mark' },
])

function articleTextHtml(ctx: PageContext, a: ReportArticle, k: number): string {
  const source = a.source.url ?? a.source.path ?? a.source.kind
  // Source URLs are shown as text, never as links or loads: the page makes no request on its own.
  const meta = [a.publishedAt ?? 'undated', a.authors.join(', '), `source: ${source}`, `id: ${a.id}`].filter(Boolean).join(' · ')
  const marked = ctx.marked.get(a.id)
  const text = marked ? `<div class="article-text">${marked.html}</div>` : el('p', 'Text not included in this report.', 'meta')
  const removed = a.removed.length > 0
    ? `<details class="removed"><summary>${plural(a.removed.length, 'piece')} of site furniture removed</summary><ul>${a.removed.map((r) => `<li><em>${esc(r.reason)}</em>: ${esc(r.text)}</li>`).join('')}</ul></details>`
    : ''
  return `<details class="article" id="article-${k}"><summary>${esc(label(ctx, a.id))} — ${titleHtml(ctx, a.id)}</summary>${el('p', meta, 'meta')}${removed}${text}</details>`
}

/**
 * The report as one self-contained HTML page. Pass `texts` (clean text by article id) so
 * citations show the cited words and link to them, marked, in the article texts at the end.
 * @example writeFileSync('report.html', renderReportHtml(report, texts))
 */
export function renderReportHtml(report: Report, texts?: Map<string, string>, options: HtmlOptions = {}): string {
  const ctx = buildContext(report, texts, options)
  const n = report.stories.length
  const title = n === 1 ? report.stories[0].title : `Parallax report: ${plural(n, 'story', 'stories')}`
  const nav = n > 1 ? `<nav aria-label="Stories"><ol>${report.stories.map((s, i) => `<li><a href="#story-${i}">${esc(s.title)}</a></li>`).join('')}</ol></nav>` : ''
  const header = `<header><p class="meta">Parallax report · ${plural(n, 'story', 'stories')} · ${plural(report.articles.length, 'article')}</p><h1>${esc(title)}</h1>${nav}</header>`
  const stories = report.stories.map((s, i) => storyHtml(ctx, s, i, n === 1)).join('\n')
  const articles = report.articles.map((a, k) => articleTextHtml(ctx, a, k)).join('\n')
  return htmlPage(title, `${header}\n${stories}\n<h2>Articles</h2>\n${MARKS_LEGEND}\n${articles}`)
}
