/**
 * JSON and JSON Lines output. The report is normalised first so that every key the contract
 * requires is present: absent optional values become `null` or `[]`, never a missing key, and
 * an article's `text` never leaks into the report.
 */
import type {
  Citation,
  CoverageEntry,
  Discrepancy,
  Report,
  ReportArticle,
  Story,
  StoryEntity,
  StoryFact,
  StoryQuote,
  SummarySentence,
  TimelineEntry,
} from '../types.js'

const arr = <T>(value: readonly T[] | undefined | null): T[] => (Array.isArray(value) ? [...value] : [])

function citation(c: Citation): Citation {
  return { articleId: c.articleId, start: c.start, end: c.end }
}

function article(a: ReportArticle & { text?: unknown }): ReportArticle {
  const { text: _text, ...rest } = a
  return {
    ...rest,
    id: a.id,
    source: a.source,
    outlet: a.outlet ?? null,
    title: a.title ?? null,
    authors: arr(a.authors),
    publishedAt: a.publishedAt ?? null,
    language: a.language,
    removed: arr(a.removed),
  }
}

function entity(e: StoryEntity): StoryEntity {
  return { ...e, aliases: arr(e.aliases), roles: arr(e.roles), articleIds: arr(e.articleIds) }
}

function quote(q: StoryQuote): StoryQuote {
  const speaker = q.speaker ? { ...q.speaker, name: q.speaker.name, entityId: q.speaker.entityId ?? null } : null
  return {
    ...q,
    speaker,
    occurrences: arr(q.occurrences),
    articleIds: arr(q.articleIds),
    variants: arr(q.variants).map((v) => ({ ...v, articleIds: arr(v.articleIds) })),
  }
}

function fact(f: StoryFact): StoryFact {
  // Attribution stays on each support span: who the article says asserts the fact.
  const support = arr(f.support).map((s) => (s.attributedTo === undefined ? citation(s) : { ...citation(s), attributedTo: s.attributedTo }))
  return { ...f, articleIds: arr(f.articleIds), support }
}

function discrepancy(d: Discrepancy): Discrepancy {
  return { ...d, values: arr(d.values).map((v) => ({ ...v, articleIds: arr(v.articleIds) })) }
}

function timelineEntry(t: TimelineEntry): TimelineEntry {
  return { ...t, articleIds: arr(t.articleIds) }
}

function summarySentence(s: SummarySentence): SummarySentence {
  return { ...s, citations: arr(s.citations).map(citation) }
}

function coverageEntry(c: CoverageEntry): CoverageEntry {
  return { ...c, outlet: c.outlet ?? null, uniqueFactIds: arr(c.uniqueFactIds), omittedFactIds: arr(c.omittedFactIds) }
}

/** One story with every contract key present, as `normalizeReport` writes each (for reports written story by story). */
export function normalizeStory(s: Story): Story {
  return story(s)
}

function story(s: Story): Story {
  return {
    ...s,
    articleIds: arr(s.articleIds),
    entities: arr(s.entities).map(entity),
    quotes: arr(s.quotes).map(quote),
    facts: arr(s.facts).map(fact),
    discrepancies: arr(s.discrepancies).map(discrepancy),
    timeline: arr(s.timeline).map(timelineEntry),
    summary: arr(s.summary).map(summarySentence),
    coverage: arr(s.coverage).map(coverageEntry),
  }
}

/**
 * The report with every contract key present (nulls and empty lists made explicit) and article
 * texts removed; extra provenance fields (`stage`, `why`, `support`, ...) are kept.
 */
export function normalizeReport(report: Report): Report {
  return {
    ...report,
    schemaVersion: 1,
    articles: arr(report.articles).map(article),
    stories: arr(report.stories).map(story),
  }
}

/**
 * The report as one JSON document: normalised, 2-space indent, trailing newline.
 * @example process.stdout.write(renderReportJson(report))
 */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(normalizeReport(report), null, 2)}\n`
}

/**
 * JSON Lines: one compact JSON value per line, each line ending in a newline (empty input gives
 * an empty string). Records are written as given; the caller puts `source` on each.
 */
export function toJsonl(records: readonly unknown[]): string {
  let out = ''
  // JSON.stringify never emits a raw newline (they are escaped inside strings), so a line is a record.
  for (const record of records) out += `${JSON.stringify(record ?? null)}\n`
  return out
}
