/**
 * Escaping of article-derived text for the renderers. Everything that came from an input (titles,
 * quotes, outlet names, clean text) passes through one of these before it reaches a page.
 */

const HTML_SPECIAL = /[&<>"']/g
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes `& < > " '` so the text is safe in HTML element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c])
}

// Characters that start Markdown syntax (emphasis, links, code, raw HTML, table cells); a
// backslash escape renders them literally in CommonMark and GFM.
const MD_SPECIAL = /[\\`*_[\]<>|]/g
const LINE_BREAKS = /\s*[\r\n]+\s*/g

/**
 * Escapes article-derived text for inline Markdown (a list item, a heading, a table cell): special
 * characters are backslash-escaped and line breaks become spaces, so a row or item never breaks.
 * @example escapeMarkdown('a | b\nc') // 'a \\| b c'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(MD_SPECIAL, (c) => `\\${c}`)
}

/** Shortens `text` to at most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`
}
