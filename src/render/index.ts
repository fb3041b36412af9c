/** Renderers: pure functions from records and reports to JSON, JSON Lines, Markdown and HTML. */
export { normalizeReport, normalizeStory, renderReportJson, toJsonl } from './json.js'
export { renderReportMarkdown, type MarkdownOptions } from './markdown.js'
export { renderArticlesMarkdown, renderClustersMarkdown, type ClusterArticleInfo, type ClusterView } from './markdown-articles.js'
export { renderReportHtml, type HtmlOptions } from './html.js'
export { renderArticlesHtml, renderClustersHtml } from './html-articles.js'
export { escapeHtml, escapeMarkdown } from './escape.js'
export { reportSchemaPath } from './schema.js'
export { renderFactsCsv, renderQuotesCsv, toCsv } from './csv.js'
