/**
 * The report as Markdown for journalists: one section per story with its articles, a cited
 * summary (footnote-style references that quote the cited words), facts by status, a fact x
 * outlet matrix, discrepancies, quotes by speaker, entities, timeline and coverage. Article-derived text is
 * escaped so pipes and line breaks never break a table row.
 */
import type { Report, ReportArticle, Story, StoryFact, StoryQuote } from '../types.js'
import {
  articleLabel,
  articlesById,
  citationKey,
  citedText,
  groupBy,
  numberCitations,
  storyArticles,
  creditedElsewhere,
  wordsAround,
  type SentencesById,
} from './common.js'
import { escapeMarkdown as md, truncate } from './escape.js'
import { buildLead, plural, storyCounts, storyDates, type Lead } from './lead.js'

/** Limits for the Markdown report. */
export interface MarkdownOptions {
  /** Longest cited passage quoted in a reference, in characters. */
  maxCitedChars?: number
  /** Rows of the fact x outlet matrix (corroborated and disputed facts first). */
  maxMatrixFacts?: number
  /** Each article's sentence spans (`Annotated.sentences`): a disagreeing value is shown in its whole sentence. */
  sentences?: SentencesById
}

const DEFAULTS: Required<MarkdownOptions> = { maxCitedChars: 300, maxMatrixFacts: 40, sentences: new Map() }

/** Outlet names for article ids, comma-separated; `count` gives how many distinct outlets. */
interface Labels {
  (ids: readonly string[]): string
  count(ids: readonly string[]): number
}

function makeLabels(byId: Map<string, ReportArticle>): Labels {
  const names = (ids: readonly string[]): string[] => [...new Set(ids.map((id) => articleLabel(byId.get(id), id)))]
  const labels = (ids: readonly string[]): string => names(ids).map(md).join(', ') || '—'
  return Object.assign(labels, { count: (ids: readonly string[]) => names(ids).length })
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function articlesTable(articles: ReportArticle[]): string {
  const rows = articles.map((a) => [
    md(articleLabel(a)),
    md(a.title ?? '(untitled)'),
    md(a.publishedAt ?? 'undated'),
    md(a.authors.join(', ') || '—'),
    `\`${a.id.replace(/`/g, '')}\``,
  ])
  return table(['Outlet', 'Title', 'Published', 'Authors', 'Id'], rows)
}

function summarySection(story: Story, byId: Map<string, ReportArticle>, texts: Map<string, string> | undefined, opts: Required<MarkdownOptions>): string {
  if (story.summary.length === 0) return '_No summary sentence passed the citation check._'
  const { list, numberOf } = numberCitations(story)
  const sentences = story.summary.map((s) => {
    const refs = s.citations.map((c) => `[${numberOf.get(citationKey(c))}]`).join('')
    return `${md(s.text)}${refs ? ` ${refs}` : ''}`
  })
  const references = list.map((c) => {
    const outlet = md(articleLabel(byId.get(c.articleId), c.articleId))
    const words = citedText(c, texts)
    const where = words === null ? `characters ${c.start}–${c.end}` : `“${md(truncate(words, opts.maxCitedChars))}”`
    return `[${c.n}] ${outlet}: ${where}`
  })
  const n = story.summaryRejected ?? 0
  const rejected = !story.summaryRejected ? '' : `\n\n_${n} candidate sentence${n === 1 ? '' : 's'} rejected by the citation check._`
  return `${sentences.join(' ')}\n\n${references.map((r) => `- ${r}`).join('\n')}${rejected}`
}

const STATUS_ORDER: { status: StoryFact['status']; heading: string }[] = [
  { status: 'corroborated', heading: 'Corroborated' },
  { status: 'single-source', heading: 'Single-source' },
  { status: 'disputed', heading: 'Disputed' },
]

function factsSection(story: Story, labels: Labels): string {
  if (story.facts.length === 0) return '_No facts._'
  const parts: string[] = []
  for (const { status, heading } of STATUS_ORDER) {
    const facts = story.facts.filter((f) => f.status === status)
    if (facts.length === 0) continue
    if (status === 'single-source') {
      // Grouped by outlet: what each outlet alone reports.
      const byOutlet = groupBy(facts, (f) => labels(f.articleIds))
      const groups = [...byOutlet].map(([outlet, list]) => `**${outlet}** (${list.length})\n\n${list.map((f) => `- ${md(f.text)}`).join('\n')}`)
      parts.push(`#### ${heading} (${facts.length}), by outlet\n\n${groups.join('\n\n')}`)
      continue
    }
    const items = facts.map((f) => {
      const outlets = labels.count(f.articleIds)
      // Copies and outlets of one publisher family are one source: say so when that lowers the count.
      const independent = f.sources !== undefined && f.sources < outlets ? `, ${f.sources} independent source${f.sources === 1 ? '' : 's'}` : ''
      const count = status === 'corroborated' ? `${plural(outlets, 'outlet')}${independent}: ` : ''
      const credits = creditedElsewhere(f, (id) => labels([id]))
      const credited = credits.length ? `; attributed to ${credits.map((c) => md(c.name) + (c.outlets ? ` (by ${c.outlets.join(', ')})` : '')).join(', ')}` : ''
      return `- ${md(f.text)} _(${count}${labels(f.articleIds)}${credited})_`
    })
    parts.push(`#### ${heading} (${facts.length})\n\n${items.join('\n')}`)
  }
  return parts.join('\n\n')
}

/**
 * Facts (corroborated and disputed first) against the story's articles: ● where the article
 * reports the fact, · where it does not; the last row gives each article's share of all facts.
 */
function matrixSection(story: Story, byId: Map<string, ReportArticle>, opts: Required<MarkdownOptions>): string {
  if (story.facts.length === 0) return '_No facts._'
  const rank = { corroborated: 0, disputed: 1, 'single-source': 2 } as const
  const facts = [...story.facts].sort((a, b) => rank[a.status] - rank[b.status]).slice(0, opts.maxMatrixFacts)
  const cols = story.articleIds
  const rows = facts.map((f) => [md(truncate(f.text, 80)), f.status, ...cols.map((id) => (f.articleIds.includes(id) ? '●' : '·'))])
  const coverage = new Map(story.coverage.map((c) => [c.articleId, c]))
  const share = cols.map((id) => {
    const c = coverage.get(id)
    return c?.share === undefined ? '—' : `${Math.round(c.share * 100)}%`
  })
  rows.push(['_share of all facts_', '', ...share])
  const more = story.facts.length > facts.length ? `\n\n_${story.facts.length - facts.length} more single-source facts are listed above._` : ''
  return table(['Fact', 'Status', ...cols.map((id) => md(articleLabel(byId.get(id), id)))], rows) + more
}

function discrepanciesSection(story: Story, labels: Labels): string {
  if (story.discrepancies.length === 0) return '_No discrepancies found._'
  return story.discrepancies
    .map((d) => {
      const values = d.values.map((v) => `  - “${md(v.value)}” — ${labels(v.articleIds)}`)
      return [`- **${d.kind}**: ${md(d.description)}`, ...values].join('\n')
    })
    .join('\n')
}

function quoteBlock(q: StoryQuote, labels: Labels): string {
  const lines = [`- “${md(q.text)}” — ${labels(q.articleIds)}`]
  for (const o of q.occurrences) lines.push(`  - ${labels([o.articleId])}: “${md(o.text)}”`)
  if (q.variants.length > 1) {
    lines.push(`  - ${q.variants.length} wordings:`)
    for (const v of q.variants) lines.push(`    - “${md(v.text)}” — ${labels(v.articleIds)}`)
  }
  return lines.join('\n')
}

function quotesSection(story: Story, labels: Labels): string {
  if (story.quotes.length === 0) return '_No quotes._'
  const bySpeaker = groupBy(story.quotes, (q) => q.speaker?.name ?? '')
  return [...bySpeaker]
    .map(([speaker, quotes]) => `#### ${speaker ? md(speaker) : 'Unattributed'}\n\n${quotes.map((q) => quoteBlock(q, labels)).join('\n')}`)
    .join('\n\n')
}

function entitiesSection(story: Story, labels: Labels): string {
  if (story.entities.length === 0) return '_No entities._'
  const rows = story.entities.map((e) => [
    md(e.name),
    e.type,
    md((e.aliases ?? []).join(', ') || '—'),
    md((e.roles ?? []).join(', ') || '—'),
    labels(e.articleIds),
    String(e.mentions),
  ])
  return table(['Name', 'Type', 'Aliases', 'Roles', 'Outlets', 'Mentions'], rows)
}

function timelineSection(story: Story, labels: Labels): string {
  if (story.timeline.length === 0) return '_No dated events._'
  // An event other articles date differently is a discrepancy: its row says so.
  const other = (t: Story['timeline'][number]): string =>
    t.otherDates?.length ? `⚠ ${t.otherDates.map((o) => `${md(o.date)} (${labels(o.articleIds)})`).join('; ')}` : ''
  // Outlets that print no date of their own are dated from the story's day: the row says whose.
  const dayOf = (t: Story['timeline'][number]): string => {
    const day = t.storyDayFor ?? []
    if (day.length === 0) return ''
    return day.length >= new Set(t.articleIds).size ? " (dated from the story's day)" : ` (dated from the story's day: ${labels(day)})`
  }
  const rows = story.timeline.map((t) => [md(t.date), t.granularity, md(t.text), `${labels(t.articleIds)}${dayOf(t)}`, other(t)])
  return table(['Date', 'Granularity', 'Event', 'Outlets', 'Dated otherwise by'], rows)
}

function coverageSection(story: Story, byId: Map<string, ReportArticle>): string {
  if (story.coverage.length === 0) return '_No coverage data._'
  const factText = new Map(story.facts.map((f) => [f.id, f.text]))
  // A count first, then the facts themselves (shortened) so the table reads without the fact list.
  const cell = (ids: string[]): string =>
    ids.length === 0 ? '0' : `${ids.length}: ${ids.map((id) => md(truncate(factText.get(id) ?? id, 80))).join('; ')}`
  const pct = (x: number | null | undefined) => (x === undefined || x === null ? '—' : `${Math.round(x * 100)}%`)
  const rows = story.coverage.map((c) => [
    md(c.outlet ?? articleLabel(byId.get(c.articleId), c.articleId)),
    c.factCount === undefined ? '—' : `${pct(c.share)} (${c.factCount} of ${story.facts.length})`,
    pct(c.corroboratedShare),
    cell(c.uniqueFactIds),
    cell(c.omittedFactIds),
  ])
  return table(['Outlet', 'Share of facts', 'Share of corroborated facts', 'Unique facts', 'Omitted facts'], rows)
}

function keyFactsSection(lead: Lead): string {
  if (lead.keyFacts.length === 0) return '_No fact is reported by more than one outlet._'
  const total = lead.outlets.length
  const items = lead.keyFacts.map(({ fact, outlets, independent }) => {
    const copies = independent < outlets.length ? `, ${independent} independent` : ''
    return `- **${outlets.length}/${total}** ${md(fact.text)} _(${outlets.map(md).join(', ')}${copies})_`
  })
  const more = lead.corroboratedCount > lead.keyFacts.length ? `\n\n_${lead.corroboratedCount - lead.keyFacts.length} more corroborated facts under Facts below._` : ''
  return items.join('\n') + more
}

/** A disagreeing value in the outlet's own words: its sentence, or the words around it (`wordsAround`). */
function wordsOf(v: Story['discrepancies'][number]['values'][number], texts: Map<string, string> | undefined, sentences: SentencesById): string {
  const c = (v.support ?? [])[0]
  const text = c && texts?.get(c.articleId)
  if (!c || !text || !(c.end > c.start && c.end <= text.length)) return ''
  return `: “${md(wordsAround(text, c.start, c.end, sentences.get(c.articleId)))}”`
}

function disagreementsSection(story: Story, lead: Lead, labels: Labels, texts: Map<string, string> | undefined, sentences: SentencesById): string {
  if (lead.disagreements.length === 0) return '_The outlets do not contradict each other on any number, date, name, quote or claim found._'
  const items = lead.disagreements.map((d) => {
    const values = d.values.map((v) => {
      const words = wordsOf(v, texts, sentences)
      // A long value (a whole claim) is the outlet's words already: shown once.
      return v.value.length > 80 && words ? `  - ${labels(v.articleIds)}${words}` : `  - ${labels(v.articleIds)} — **${md(truncate(v.value, 120))}**${words}`
    })
    return [`- _${d.kind}_: ${md(truncate(d.description, 200))}`, ...values].join('\n')
  })
  const real = story.discrepancies.length - lead.framing.length
  const more = real > lead.disagreements.length ? `\n\n_${real - lead.disagreements.length} more under Discrepancies below._` : ''
  return items.join('\n') + more
}

function omissionsSection(lead: Lead): string {
  if (lead.corroboratedCount === 0) return '_No corroborated facts, so nothing to leave out._'
  const rows = lead.omissions.map((o) => [
    md(o.outlet),
    `${o.facts.length} of ${lead.corroboratedCount}`,
    o.facts.length === 0 ? '—' : o.facts.slice(0, 2).map((f) => md(truncate(f.text, 70))).join('; ') + (o.facts.length > 2 ? `; and ${o.facts.length - 2} more` : ''),
  ])
  return table(['Outlet', 'Leaves out', 'Corroborated facts it does not report'], rows)
}

/** One line of counts for everything after the lead. */
function detailCounts(story: Story): string {
  const count = (status: string) => story.facts.filter((f) => f.status === status).length
  const framing = story.discrepancies.filter((d) => d.kind === 'framing').length
  const speakers = new Set(story.quotes.map((q) => q.speaker?.name ?? '')).size
  return `_In detail below: ${plural(story.facts.length, 'fact')} (${count('corroborated')} corroborated, ${count('disputed')} disputed, ${count('single-source')} single-source), ` +
    `${plural(story.discrepancies.length, 'discrepancy', 'discrepancies')} (${framing} of framing), ${plural(story.quotes.length, 'quote')} by ${plural(speakers, 'speaker')}, ` +
    `${plural(story.entities.length, 'entity', 'entities')}, ${plural(story.timeline.length, 'dated happening')}._`
}

function storySection(story: Story, byId: Map<string, ReportArticle>, texts: Map<string, string> | undefined, opts: Required<MarkdownOptions>): string {
  const labels = makeLabels(byId)
  const lead = buildLead(story, byId)
  const sections: [string, string][] = [
    ['What happened', summarySection(story, byId, texts, opts)],
    ['Confirmed by several outlets', keyFactsSection(lead)],
    ['Where outlets disagree', disagreementsSection(story, lead, labels, texts, opts.sentences)],
    ['What each outlet leaves out', omissionsSection(lead)],
    ['Articles', `${articlesTable(storyArticles(story, byId))}\n\n${detailCounts(story)}`],
    ['Facts', factsSection(story, labels)],
    ['Facts by outlet', matrixSection(story, byId, opts)],
    ['Discrepancies', discrepanciesSection(story, labels)],
    ['Quotes by speaker', quotesSection(story, labels)],
    ['Entities', entitiesSection(story, labels)],
    ['Timeline', timelineSection(story, labels)],
    ['Coverage', coverageSection(story, byId)],
  ]
  const body = sections.map(([heading, text]) => `### ${heading}\n\n${text}`).join('\n\n')
  const meta = `_${storyCounts(story, byId)} (${lead.outlets.map(md).join(', ')}) · ${storyDates(story, byId)}_`
  return `## ${md(story.title)}\n\n${meta}\n\n${body}`
}

/**
 * The report as Markdown, one section per story. Pass `texts` (clean text by article id) so the
 * summary's references quote the cited words; without it they give character offsets.
 * @example renderReportMarkdown(report, new Map(articles.map((a) => [a.id, a.text])))
 */
export function renderReportMarkdown(report: Report, texts?: Map<string, string>, options: MarkdownOptions = {}): string {
  // `sentences: undefined` is none given, as an absent option.
  const opts = { ...DEFAULTS, ...options, sentences: options.sentences ?? DEFAULTS.sentences }
  const byId = articlesById(report)
  const n = report.stories.length
  const head = `# Parallax report\n\n${plural(n, 'story', 'stories')} from ${plural(report.articles.length, 'article')}.`
  const stories = report.stories.map((s) => storySection(s, byId, texts, opts))
  return `${[head, ...stories].join('\n\n')}\n`
}
