/**
 * The web pages: the story list (newest, most outlets, search box), a story page (the HTML report
 * of src/render for that story, with site navigation, a heat-mapped fact matrix and a timeline
 * chart added) and an article page (clean text, and what extraction removed). Every piece of
 * article text is escaped; pages run no script and load nothing from outside.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { reportArticle } from '../pipeline.js'
import { articleLabel } from '../render/common.js'
import { escapeHtml as esc } from '../render/escape.js'
import { plural } from '../render/lead.js'
import { htmlPage } from '../render/html-page.js'
import { markArticleText } from '../render/html-text.js'
import { renderReportHtml } from '../render/html.js'
import type { Library } from '../app/library.js'
import type { StorySummary } from '../store/store.js'
import type { Annotated, Story } from '../types.js'

const EXTRA_CSS = `
nav.site { font-family: system-ui, sans-serif; display: flex; gap: 16px; align-items: center; flex-wrap: wrap;
  padding: 10px 0 14px; border-bottom: 1px solid var(--line); }
nav.site form { margin-left: auto; } nav.site input { padding: 5px 8px; width: 260px; }
ol.stories li { margin: .6em 0; } .snippet { color: var(--muted); }
`

function page(title: string, body: string, q = ''): string {
  const nav = `<nav class="site"><a href="/">Stories</a><a href="/?sort=outlets">Most outlets</a><a href="/feeds/stories.atom">Atom feed</a>` +
    `<form action="/" method="get" role="search"><input type="search" name="q" value="${esc(q)}" placeholder="Search articles" aria-label="Search articles"> <button type="submit">Search</button></form></nav>`
  return htmlPage(title, `${nav}\n${body}`).replace('</style>', `${EXTRA_CSS}</style>`)
}

function html(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body)
}

/** A story in the list: counts as the story page gives them, its articles' newest date or "undated". */
function storyItem(s: StorySummary): string {
  const date = s.updatedAt ? s.updatedAt.slice(0, 10) : 'undated'
  return `<li><a href="/stories/${esc(s.id)}">${esc(s.title ?? 'Untitled story')}</a> <span class="meta">${plural(s.articleCount, 'article')} · ${plural(s.outletCount, 'outlet')} · ${esc(date)}</span></li>`
}

function storyPage(story: Story, articles: Annotated[]): string {
  const report = { schemaVersion: 1 as const, articles: articles.map(reportArticle), stories: [story] }
  const texts = new Map(articles.map((a) => [a.id, a.text]))
  const links = articles.map((a) => `<li><a href="/articles/${esc(a.id)}">${esc(articleLabel(a))} — ${esc(a.title ?? '(untitled)')}</a></li>`)
  const exports = `<p class="meta">Download: <a href="/v1/stories/${esc(story.id)}/facts.csv">facts × outlets (CSV)</a> · <a href="/v1/stories/${esc(story.id)}/quotes.csv">quotes (CSV)</a> · <a href="/v1/stories/${esc(story.id)}/report">report (JSON)</a></p>`
  const extra = `<h3>Article pages</h3><ul>${links.join('')}</ul>${exports}`
  const full = renderReportHtml(report, texts, { sentences: new Map(articles.map((a) => [a.id, a.sentences])) })
  const body = full.slice(full.indexOf('<main>') + 6, full.lastIndexOf('</main>'))
  return page(story.title, `${body}\n<section>${extra}</section>`)
}

function articlePage(a: Annotated): string {
  const marked = markArticleText(a.text, 'q', [], a.quotes.map((q) => ({ start: q.span[0], end: q.span[1], cls: 'quote' })))
  const meta = [articleLabel(a), a.publishedAt ?? 'undated', a.authors.join(', '), a.source.url ?? a.source.path ?? ''].filter(Boolean)
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
