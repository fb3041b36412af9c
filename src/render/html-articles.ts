/**
 * Simple HTML pages for `extract`/`annotate` (article records with their annotations, quotes and
 * entities highlighted in the text) and for `cluster` (stories and why each article joined).
 * Same shell, CSP and escaping as the report page.
 */
import type { Annotated, Article } from '../types.js'
import { articleMetaRows } from './common.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { el, htmlPage, htmlTable } from './html-page.js'
import { markArticleText } from './html-text.js'
import type { Highlight } from './marks.js'
import { isAnnotated, type ClusterArticleInfo, type ClusterView } from './markdown-articles.js'
import { plural } from './lead.js'

const MAX_ITEM_CHARS = 200

function metaList(a: Article): string {
  const rows = articleMetaRows(a)
  const messages = (a.messages ?? []).map((m) => `<li>${el('strong', m.level)} (${esc(m.stage)}): ${esc(m.message)}</li>`)
  return `<ul class="plain meta">${rows.map(([k, v]) => `<li>${el('strong', k)}: ${esc(v)}</li>`).join('')}${messages.join('')}</ul>`
}

function annotationLists(a: Annotated): string {
  const s = (span: readonly [number, number]): string => esc(truncate(a.text.slice(span[0], span[1]), MAX_ITEM_CHARS))
  const lists: [string, string[]][] = [
    ['Quotes', a.quotes.map((q) => `“${s(q.span)}” — ${q.speaker ? esc(q.speaker.name) : '<em>unattributed</em>'} (${esc(q.kind)})`)],
    ['Entities', a.entities.map((e) => `${s(e.span)} → ${esc(e.name)} (${esc(e.type)}${e.role ? `, ${esc(e.role)}` : ''})`)],
    ['Numbers', a.numbers.map((n) => `${s(n.span)} → ${esc(`${n.approx ? `${n.approx} ` : ''}${n.value}${n.unit ? ` ${n.unit}` : ''}`)}`)],
    ['Dates', a.dates.map((d) => `${s(d.span)} → ${esc(d.value)} (${esc(d.granularity)}${d.inferred ? ', inferred' : ''})`)],
  ]
  return lists
    .map(([h, items]) => `<details><summary>${h} (${items.length})</summary><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></details>`)
    .join('\n')
}

function articleHtml(a: Article | Annotated, k: number): string {
  const highlights: Highlight[] = isAnnotated(a)
    ? [
        ...a.quotes.map((q) => ({ start: q.span[0], end: q.span[1], cls: 'quote' })),
        ...a.entities.map((e) => ({ start: e.span[0], end: e.span[1], cls: 'entity' })),
      ]
    : []
  const text = markArticleText(a.text, `a${k}`, [], highlights).html
  const removed = a.removed.map((r) => `<li><em>${esc(r.reason)}</em>: ${esc(truncate(r.text, MAX_ITEM_CHARS))}</li>`)
  return [
    `<section id="article-${k}">`,
    el('h2', a.title ?? '(untitled)'),
    metaList(a),
    `<details class="removed"><summary>Removed (${a.removed.length})</summary><ul>${removed.join('')}</ul></details>`,
    isAnnotated(a) ? annotationLists(a) : '',
    `<div class="article-text">${text}</div>`,
    '</section>',
  ].join('\n')
}

/** Articles (`extract` or `annotate` output) as one self-contained HTML page. */
export function renderArticlesHtml(articles: readonly (Article | Annotated)[]): string {
  const n = articles.length
  const header = `<h1>${n} ${n === 1 ? 'article' : 'articles'}</h1>`
  return htmlPage('Parallax articles', `${header}\n${articles.map(articleHtml).join('\n')}`)
}

/** Stories from `cluster` as one self-contained HTML page: each story's articles and why each joined. */
export function renderClustersHtml(clusters: readonly ClusterView[], articles: Map<string, ClusterArticleInfo>): string {
  const name = (id: string): string => {
    const a = articles.get(id)
    return a ? `${a.outlet?.name ?? 'unknown outlet'}: ${a.title ?? '(untitled)'}` : id
  }
  const sections = clusters.map((c, i) => {
    const why = new Map(c.why.map((w) => [w.articleId, w]))
    const rows = c.articleIds.map((id) => {
      const w = why.get(id)
      return [
        esc(name(id)),
        `<code>${esc(id)}</code>`,
        w?.joinedBy ? esc(name(w.joinedBy)) : 'started the story',
        w ? w.score.toFixed(2) : '—',
        esc(w?.shared.join(', ') || '—'),
      ]
    })
    const table = htmlTable(['Article', 'Id', 'Joined via', 'Score', 'Shared'], rows)
    return `<section class="story"><h2>Story ${i + 1} (${plural(c.articleIds.length, 'article')})</h2>${el('p', `id: ${c.id}`, 'meta')}${table}</section>`
  })
  const n = clusters.length
  return htmlPage('Parallax stories', `<h1>${n} ${n === 1 ? 'story' : 'stories'}</h1>\n${sections.join('\n')}`)
}
