/**
 * Markdown for the per-article commands (`extract`, `annotate`) and for `cluster`: metadata,
 * what was removed and why, the clean text, and for annotated articles the quotes, entities,
 * numbers and dates found in it.
 */
import type { Annotated, Article } from '../types.js'
import { articleMetaRows } from './common.js'
import { escapeMarkdown as md, truncate } from './escape.js'
import { plural } from './lead.js'

/** A story as `cluster` produces it: its articles and why each joined. */
export interface ClusterView {
  id: string
  articleIds: string[]
  why: { articleId: string; joinedBy: string | null; score: number; shared: string[] }[]
}

/** What the cluster renderers need to know about an article. */
export type ClusterArticleInfo = { title: string | null; outlet: { name: string } | null }

/** True when the article went through `enrich` (has annotation lists). */
export function isAnnotated(a: Article | Annotated): a is Annotated {
  return Array.isArray((a as Annotated).sentences) && Array.isArray((a as Annotated).quotes)
}

const PARAGRAPH_BREAK = /\n\s*\n|\n/

function slice(a: Article, span: readonly [number, number]): string {
  return a.text.slice(span[0], span[1])
}

function metadata(a: Article): string {
  const rows = articleMetaRows(a)
  const lines = rows.map(([k, v]) => `- **${k}**: ${md(v)}`)
  for (const m of a.messages ?? []) lines.push(`- **${m.level}** (${md(m.stage)}): ${md(m.message)}`)
  return lines.join('\n')
}

function annotations(a: Annotated, maxItemChars: number): string {
  const item = (text: string): string => md(truncate(text, maxItemChars))
  const quotes = a.quotes.map((q) => `- “${item(slice(a, q.span))}” — ${q.speaker ? md(q.speaker.name) : '_unattributed_'} (${q.kind})`)
  const entities = a.entities.map((e) => `- ${item(slice(a, e.span))} → ${md(e.name)} (${e.type}${e.role ? `, ${md(e.role)}` : ''})`)
  const numbers = a.numbers.map((n) => `- ${item(slice(a, n.span))} → ${n.approx ? `${n.approx} ` : ''}${n.value}${n.unit ? ` ${md(n.unit)}` : ''}`)
  const dates = a.dates.map((d) => `- ${item(slice(a, d.span))} → ${md(d.value)} (${d.granularity}${d.inferred ? ', inferred' : ''})`)
  const block = (heading: string, lines: string[]): string => `#### ${heading} (${lines.length})\n\n${lines.join('\n') || '_none_'}`
  return [
    block('Quotes', quotes),
    block('Entities', entities),
    block('Numbers', numbers),
    block('Dates', dates),
  ].join('\n\n')
}

function articleSection(a: Article | Annotated, maxItemChars: number): string {
  const removed = a.removed.map((r) => `- _${md(r.reason)}_: ${md(truncate(r.text, maxItemChars))}`)
  const text = a.text
    .split(PARAGRAPH_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(md)
    .join('\n\n')
  const parts = [
    `## ${md(a.title ?? '(untitled)')}`,
    metadata(a),
    `### Removed (${a.removed.length})\n\n${removed.join('\n') || '_nothing_'}`,
  ]
  if (isAnnotated(a)) parts.push(`### Annotations\n\n${annotations(a, maxItemChars)}`)
  parts.push(`### Text\n\n${text || '_empty_'}`)
  return parts.join('\n\n')
}

/**
 * Articles (`extract` output, or `annotate` output with its annotations) as Markdown.
 * @example renderArticlesMarkdown([article])
 */
export function renderArticlesMarkdown(articles: readonly (Article | Annotated)[], { maxItemChars = 200 } = {}): string {
  return `${articles.map((a) => articleSection(a, maxItemChars)).join('\n\n---\n\n')}\n`
}

/**
 * Stories from `cluster` as Markdown: each story's articles and why each joined (the article it
 * joined through, its score and the shared terms).
 */
export function renderClustersMarkdown(clusters: readonly ClusterView[], articles: Map<string, ClusterArticleInfo>): string {
  const name = (id: string): string => {
    const a = articles.get(id)
    return a ? md(`${a.outlet?.name ?? 'unknown outlet'}: ${a.title ?? '(untitled)'}`) : md(id)
  }
  const sections = clusters.map((c, i) => {
    const why = new Map(c.why.map((w) => [w.articleId, w]))
    const rows = c.articleIds.map((id) => {
      const w = why.get(id)
      const joined = w?.joinedBy ? name(w.joinedBy) : 'started the story'
      const shared = w?.shared.length ? w.shared.map(md).join(', ') : '—'
      return `| ${name(id)} | \`${id.replace(/`/g, '')}\` | ${joined} | ${w ? w.score.toFixed(2) : '—'} | ${shared} |`
    })
    const table = ['| Article | Id | Joined via | Score | Shared |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
    return `## Story ${i + 1} (${plural(c.articleIds.length, 'article')})\n\nId: \`${c.id.replace(/`/g, '')}\`\n\n${table}`
  })
  const n = clusters.length
  return `${[`# Stories\n\n${n} ${n === 1 ? 'story' : 'stories'}.`, ...sections].join('\n\n')}\n`
}
