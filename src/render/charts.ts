/**
 * Pictures for the HTML report, as inline SVG (no scripts, no loads: the page's CSP allows
 * neither): a coverage chart (per outlet, how many facts it reports by status and how many
 * corroborated facts it leaves out) and a timeline of happenings on a date axis. Every colour has
 * a legend, and every chart has a text alternative.
 */
import type { ReportArticle, Story } from '../types.js'
import { articleLabel } from './common.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { outletsOf } from './lead.js'

/** The report's colours for fact status; the legend and the badges use the same. */
export const STATUS_COLOURS = {
  corroborated: '#1f7a3f',
  disputed: '#b3261e',
  'single-source': '#8a4f00',
  omitted: '#c4c9cf',
} as const

/** A legend: a swatch and a label per colour. */
export function legend(items: readonly { colour: string; label: string; shape?: 'box' | 'dot' | 'line' | 'mark' }[]): string {
  const swatch = (c: string, shape = 'box') =>
    shape === 'line' ? `<span class="swatch line" style="border-bottom-color:${c}"></span>`
    : shape === 'dot' ? `<span class="swatch dot" style="background:${c}"></span>`
    : `<span class="swatch" style="background:${c}"></span>`
  return `<ul class="legend">${items.map((i) => `<li>${swatch(i.colour, i.shape)}${esc(i.label)}</li>`).join('')}</ul>`
}

interface OutletRow {
  outlet: string
  corroborated: number
  disputed: number
  single: number
  omitted: number
}

function coverageRows(story: Story, byId: Map<string, ReportArticle>): OutletRow[] {
  return outletsOf(story.articleIds, byId).map((outlet) => {
    const mine = new Set(story.articleIds.filter((id) => articleLabel(byId.get(id), id) === outlet))
    const reports = (f: Story['facts'][number]) => f.articleIds.some((id) => mine.has(id))
    const count = (status: string, reported: boolean) => story.facts.filter((f) => f.status === status && reports(f) === reported).length
    return { outlet, corroborated: count('corroborated', true), disputed: count('disputed', true), single: count('single-source', true), omitted: count('corroborated', false) }
  })
}

/**
 * Per outlet, one bar: facts it reports (corroborated, disputed, single-source) and the
 * corroborated facts it leaves out, on one scale.
 */
export function coverageChart(story: Story, byId: Map<string, ReportArticle>): string {
  const rows = coverageRows(story, byId)
  if (rows.length === 0 || story.facts.length === 0) return ''
  const W = 1000, LABEL = 230, ROW = 30, TOP = 6
  const total = (r: OutletRow) => r.corroborated + r.disputed + r.single + r.omitted
  const scale = (W - LABEL - 10) / Math.max(1, ...rows.map(total))
  const bars = rows.map((r, i) => {
    const y = TOP + i * ROW
    let x = LABEL
    const parts: [number, string, string][] = [
      [r.corroborated, STATUS_COLOURS.corroborated, 'corroborated'],
      [r.disputed, STATUS_COLOURS.disputed, 'disputed'],
      [r.single, STATUS_COLOURS['single-source'], 'only this outlet'],
      [r.omitted, STATUS_COLOURS.omitted, 'corroborated, left out'],
    ]
    const rects = parts.filter(([n]) => n > 0).map(([n, colour, what]) => {
      const w = n * scale
      const text = w >= 26 ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 17}" text-anchor="middle" fill="${colour === STATUS_COLOURS.omitted ? '#1d232b' : '#fff'}">${n}</text>` : ''
      const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}"><title>${esc(`${r.outlet}: ${n} ${what}`)}</title></rect>`
      x += w
      return `<g fill="${colour}">${rect}${text}</g>`
    })
    return `<text x="${LABEL - 8}" y="${y + 16}" text-anchor="end" fill="#1d232b">${esc(truncate(r.outlet, 30))}</text>${rects.join('')}`
  })
  const height = TOP + rows.length * ROW
  const alt = rows.map((r) => `${r.outlet}: ${r.corroborated} corroborated, ${r.disputed} disputed, ${r.single} only this outlet, ${r.omitted} corroborated left out`).join('; ')
  const svg = `<svg class="chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(`Coverage by outlet. ${alt}`)}" font-size="14" font-family="system-ui, sans-serif">${bars.join('')}</svg>`
  return `<figure class="chart coverage">${svg}${legend([
    { colour: STATUS_COLOURS.corroborated, label: 'corroborated facts it reports' },
    { colour: STATUS_COLOURS.disputed, label: 'disputed facts it reports' },
    { colour: STATUS_COLOURS['single-source'], label: 'facts only this outlet reports' },
    { colour: STATUS_COLOURS.omitted, label: 'corroborated facts it leaves out' },
  ])}</figure>`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * A timeline date as people write it: "2025-08-06" -> "6 Aug 2025", "2025-08" -> "Aug 2025",
 * "2025-W32" -> "week 32, 2025", "2025-08-06T12:00" -> "6 Aug 2025, 12:00".
 */
export function humanDate(date: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(date)
  if (m) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}${m[4] ? `, ${m[4]}` : ''}`
  m = /^(\d{4})-W(\d{2})$/.exec(date)
  if (m) return `week ${Number(m[2])}, ${m[1]}`
  m = /^(\d{4})-(\d{2})$/.exec(date)
  if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`
  return date
}

/** Most happenings drawn in the chart (the full list follows it). */
const MAX_DOTS_PER_DATE = 12

/**
 * Happenings on a date axis: one column per date the articles give (in order, evenly spaced, so a
 * busy day is not squeezed against a year-old one), a dot per happening, dark when two or more
 * outlets report it.
 */
export function timelineChart(story: Story, byId: Map<string, ReportArticle>): string {
  if (story.timeline.length === 0) return ''
  const byDate = new Map<string, Story['timeline']>()
  for (const t of [...story.timeline].sort((a, b) => a.date.localeCompare(b.date))) byDate.set(t.date, [...(byDate.get(t.date) ?? []), t])
  const dates = [...byDate.keys()]
  const COL = Math.max(46, Math.min(120, Math.floor(960 / dates.length)))
  const W = Math.max(400, COL * dates.length + 90), DOT = 14, BASE = 20 + MAX_DOTS_PER_DATE * DOT
  const cols = dates.map((date, i) => {
    const x = 10 + i * COL + COL / 2
    const dots = byDate.get(date)!.slice(0, MAX_DOTS_PER_DATE).map((t, k) => {
      const outlets = outletsOf(t.articleIds, byId)
      const colour = outlets.length >= 2 ? STATUS_COLOURS.corroborated : '#8fa3b8'
      return `<circle cx="${x}" cy="${BASE - 8 - k * DOT}" r="${outlets.length >= 2 ? 6 : 4.5}" fill="${colour}"><title>${esc(`${humanDate(date)}: ${truncate(t.text, 160)} (${outlets.join(', ')})`)}</title></circle>`
    })
    const label = `<text transform="translate(${x + 4},${BASE + 8}) rotate(40)" font-size="12" fill="#1d232b">${esc(humanDate(date))}</text>`
    return `<line x1="${x}" x2="${x}" y1="${BASE - 2}" y2="${BASE + 4}" stroke="#5b6673"/>${dots.join('')}${label}`
  })
  const axis = `<line x1="10" x2="${W - 10}" y1="${BASE}" y2="${BASE}" stroke="#5b6673"/>`
  const svg = `<svg class="chart" viewBox="0 0 ${W} ${BASE + 100}" role="img" aria-label="${esc(`Timeline: ${story.timeline.length} happenings on ${dates.length} dates from ${humanDate(dates[0])} to ${humanDate(dates.at(-1)!)}`)}" font-family="system-ui, sans-serif">${axis}${cols.join('')}</svg>`
  return `<figure class="chart timeline">${svg}${legend([
    { colour: STATUS_COLOURS.corroborated, label: 'reported by two or more outlets', shape: 'dot' },
    { colour: '#8fa3b8', label: 'reported by one outlet', shape: 'dot' },
  ])}</figure>`
}
