/**
 * The web pages: the story list (newest, most outlets, search box), a story page (the HTML report
 * of src/render for that story, with site navigation, a heat-mapped fact matrix and a timeline
 * chart added) and an article page (clean text, and what extraction removed). Every piece of
 * article text is escaped; pages run no script and load nothing from outside.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { reportArticle } from '../pipeline.js'
import { escapeHtml as esc } from '../render/escape.js'
import { htmlPage } from '../render/html-page.js'
import { markArticleText } from '../render/html-text.js'
import { renderReportHtml } from '../render/html.js'
import type { Library } from '../store/library.js'
import type { StorySummary } from '../store/store.js'
import type { Annotated, Story } from '../types.js'

const EXTRA_CSS = `
nav.site { font-family: system-ui, sans-serif; display: flex; gap: 16px; align-items: center; flex-wrap: wrap;
  padding: 10px 0 14px; border-bottom: 1px solid var(--line); }
nav.site form { margin-left: auto; } nav.site input { padding: 5px 8px; width: 260px; }
table.matrix td.hit { background: #bfe3c9; } table.matrix tr:has(.badge.corroborated) td.hit { background: #7cc793; }
table.matrix tr:has(.badge.disputed) td.hit { background: #f2b8b5; color: var(--bad); }
.chart { font-family: system-ui, sans-serif; font-size: .85rem; }
.chart .row { display: grid; grid-template-columns: 120px 1fr; gap: 8px; align-items: center; margin: 3px 0; }
.chart .bar { background: var(--accent); color: #fff; padding: 1px 6px; border-radius: 4px; min-width: 1.6em; }
ol.stories li { margin: .6em 0; } .snippet { color: var(--muted); }
`

function page(title: string, body: string, q = ''): string {
  const nav = `<nav class="site"><a href="/">Stories</a><a href="/?sort=outlets">Most outlets</a>` +
    `<form action="/" method="get" role="search"><input type="search" name="q" value="${esc(q)}" placeholder="Search articles" aria-label="Search articles"> <button type="submit">Search</button></form></nav>`
  return htmlPage(title, `${nav}\n${body}`).replace('</style>', `${EXTRA_CSS}</style>`)
}

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body)
}

function storyItem(s: StorySummary): string {
  return `<li><a href="/stories/${esc(s.id)}">${esc(s.title ?? s.id)}</a> <span class="meta">${s.articleCount} articles · ${s.outletCount} outlets · ${esc(s.updatedAt.slice(0, 10))}</span></li>`
}

/** A bar per timeline date, as long as the number of articles that date comes from. */
function timelineChart(story: Story): string {
  if (story.timeline.length === 0) return ''
  const max = Math.max(...story.timeline.map((t) => t.articleIds.length))
  const rows = story.timeline.map((t) => {
    const width = Math.round((100 * t.articleIds.length) / max)
    return `<div class="row"><span>${esc(t.date)}</span><span class="bar" style="width:${width}%" title="${esc(t.text)}">${t.articleIds.length}</span></div>`
  })
  return `<h3>Timeline chart</h3><div class="chart">${rows.join('')}</div>`
}

function storyPage(story: Story, articles: Annotated[]): string {
  const report = { schemaVersion: 1 as const, articles: articles.map(reportArticle), stories: [story] }
  const texts = new Map(articles.map((a) => [a.id, a.text]))
  const links = articles.map((a) => `<li><a href="/articles/${esc(a.id)}">${esc(a.outlet?.name ?? 'Unknown outlet')} — ${esc(a.title ?? '(untitled)')}</a></li>`)
  const extra = `${timelineChart(story)}<h3>Article pages</h3><ul>${links.join('')}</ul>`
  const full = renderReportHtml(report, texts)
  const body = full.slice(full.indexOf('<main>') + 6, full.lastIndexOf('</main>'))
  return page(story.title, `${body}\n<section>${extra}</section>`)
}

function articlePage(a: Annotated): string {
  const marked = markArticleText(a.text, 'q', [], a.quotes.map((q) => ({ start: q.span[0], end: q.span[1], cls: 'quote' })))
  const meta = [a.outlet?.name ?? 'Unknown outlet', a.publishedAt ?? 'date unknown', a.authors.join(', '), a.source.url ?? a.source.path ?? ''].filter(Boolean)
  const removed = a.removed.length === 0 ? '<p class="meta">Extraction removed nothing.</p>'
    : `<ul class="removed">${a.removed.map((r) => `<li><em>${esc(r.reason)}</em>: ${esc(r.text)}</li>`).join('')}</ul>`
  return page(a.title ?? 'Article', `<h1>${esc(a.title ?? '(untitled)')}</h1><p class="meta">${esc(meta.join(' · '))}</p>` +
    `<div class="article-text">${marked.html}</div><h2>What extraction removed (${a.removed.length})</h2>${removed}`)
}

/** Registers `/`, `/stories/:id` and `/articles/:id`. */
export function registerPages(app: FastifyInstance, library: Library): void {
  const store = library.store
  app.get<{ Querystring: { q?: string; sort?: string } }>('/', async (request, reply) => {
    const q = String(request.query.q ?? '').slice(0, 500)
    if (q.trim()) {
      const hits = await store.search(q, { limit: 50 })
      const items = hits.map((h) => `<li><a href="/articles/${esc(h.id)}">${esc(h.title ?? h.id)}</a> <span class="meta">${esc(h.outlet ?? '')}</span>` +
        `${h.storyId ? ` · <a href="/stories/${esc(h.storyId)}">story</a>` : ''}<div class="snippet">${esc(h.snippet)}</div></li>`)
      return html(reply, page(`Search: ${q}`, `<h1>Search: ${esc(q)}</h1><p class="meta">${hits.length} results</p><ol class="stories results">${items.join('')}</ol>`, q))
    }
    const sort = request.query.sort === 'outlets' ? 'outlets' : 'newest'
    const stories = await store.listStories({ sort, limit: 100 })
    const heading = sort === 'outlets' ? 'Stories with the most outlets' : 'Newest stories'
    const list = stories.items.length ? `<ol class="stories">${stories.items.map(storyItem).join('')}</ol>` : '<p class="meta">The library is empty: add articles with parallax ingest.</p>'
    return html(reply, page('Parallax library', `<h1>${heading}</h1>${list}`))
  })
  app.get<{ Params: { id: string } }>('/stories/:id', async (request, reply) => {
    const story = await library.storyReport(request.params.id)
    if (!story) return html(reply, page('Not found', '<h1>No such story</h1>'), 404)
    return html(reply, storyPage(story, await store.getArticles(story.articleIds)))
  })
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const article = await store.getArticle(request.params.id)
    if (!article) return html(reply, page('Not found', '<h1>No such article</h1>'), 404)
    return html(reply, articlePage(article))
  })
}
