/**
 * CSV exports for spreadsheets: the fact x outlet matrix (one row per fact, one column per
 * outlet, 1 where the outlet reports it) and quotes (one row per outlet's wording of a quote).
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe, since article text is untrusted.
 */
import type { Report, ReportArticle } from '../types.js'
import { articleLabel, articlesById } from './common.js'

/** One CSV cell: quoted when it holds a comma, quote or line break; formula triggers neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Outlet labels across the report's stories, in first-seen order (the matrix's columns). */
function outletColumns(report: Report, byId: Map<string, ReportArticle>): string[] {
  return [...new Set(report.stories.flatMap((s) => s.articleIds.map((id) => articleLabel(byId.get(id), id))))]
}

/**
 * The fact x outlet matrix: `story_id, story_title, fact_id, status, outlets, independent_sources,
 * fact`, then one column per outlet holding 1 when it reports the fact (empty otherwise).
 * @example renderFactsCsv(report).split('\r\n')[0] // 'story_id,story_title,fact_id,status,outlets,independent_sources,fact,CNN,...'
 */
export function renderFactsCsv(report: Report): string {
  const byId = articlesById(report)
  const columns = outletColumns(report, byId)
  const rows: (string | number)[][] = [['story_id', 'story_title', 'fact_id', 'status', 'outlets', 'independent_sources', 'fact', ...columns]]
  for (const story of report.stories) {
    for (const fact of story.facts) {
      const reporting = new Set(fact.articleIds.map((id) => articleLabel(byId.get(id), id)))
      rows.push([story.id, story.title, fact.id, fact.status, reporting.size, fact.sources ?? reporting.size, fact.text, ...columns.map((c) => (reporting.has(c) ? 1 : ''))])
    }
  }
  return toCsv(rows)
}

/**
 * Quotes, one row per outlet's wording: `story_id, quote_id, speaker, quote, outlet, article_id,
 * words` (the quote as that article gives it), so differing wordings sit in adjacent rows.
 */
export function renderQuotesCsv(report: Report): string {
  const byId = articlesById(report)
  const rows: string[][] = [['story_id', 'quote_id', 'speaker', 'quote', 'outlet', 'article_id', 'words']]
  for (const story of report.stories) {
    for (const q of story.quotes) {
      for (const o of q.occurrences) rows.push([story.id, q.id, q.speaker?.name ?? '', q.text, articleLabel(byId.get(o.articleId), o.articleId), o.articleId, o.text])
    }
  }
  return toCsv(rows)
}
