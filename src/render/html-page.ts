/**
 * The HTML page shell shared by every HTML renderer: a strict Content-Security-Policy (no
 * scripts, no external loads), inline CSS, and small element helpers that escape their text.
 */
import { escapeHtml } from './escape.js'

/** The CSP every page carries: nothing loads from anywhere; only inline styles and data: images. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const CSS = `
:root { --ink:#1d232b; --muted:#5b6673; --line:#d9dee4; --bg:#fbfbf9; --card:#fff; --accent:#0b5cad;
  --ok:#1f7a3f; --warn:#8a4f00; --bad:#b3261e; --mark:#fff1a8; --quote:#e3efff; --fact:#e6f4ea; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.55 Georgia, "Iowan Old Style", "Times New Roman", serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1, h2, h3, h4, th, .meta, .badge, nav, table { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.9rem; margin: .2em 0 .4em; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4em 0 .5em; }
.meta { color: var(--muted); font-size: .85rem; }
.story { margin-top: 1.2em; }
.outlets { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .outlet { font-family: system-ui, sans-serif; font-weight: 700; font-size: .95rem; }
.card .title { margin: .3em 0; }
.summary p { font-size: 1.08rem; margin: .5em 0; }
a.cite { font-family: system-ui, sans-serif; font-size: .72em; vertical-align: super; text-decoration: none;
  color: var(--accent); padding: 0 1px; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; background: var(--card); }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; font-weight: 600; }
td.hit { text-align: center; color: var(--ok); font-weight: 700; }
td.miss { text-align: center; color: #c4c9cf; }
table.matrix td.hit { background: #bfe3c9; } table.matrix tr:has(.badge.corroborated) td.hit { background: #7cc793; }
table.matrix tr:has(.badge.disputed) td.hit { background: #f2b8b5; color: var(--bad); }
.scroll { overflow-x: auto; }
.badge { display: inline-block; font-size: .72rem; font-weight: 700; padding: 1px 7px; border-radius: 99px;
  color: #fff; background: var(--muted); white-space: nowrap; }
.badge.corroborated { background: var(--ok); } .badge.single-source { background: var(--warn); }
.badge.disputed { background: var(--bad); }
details { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; margin: 8px 0; }
summary { cursor: pointer; font-family: system-ui, sans-serif; font-weight: 600; }
blockquote { margin: .6em 0; padding: .1em .9em; border-left: 3px solid var(--accent); }
ul.plain { list-style: none; padding-left: 0; }
.article-text { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 18px; }
mark { background: var(--mark); padding: 0 1px; }
mark:target { outline: 2px solid var(--accent); background: #ffe066; }
.hl-quote { background: var(--quote); } .hl-fact { border-bottom: 2px solid var(--ok); }
.hl-entity { border-bottom: 1px dotted var(--muted); }
.removed { color: var(--muted); font-size: .9rem; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 10px; margin: 10px 0 18px; }
.glance .box { display: block; background: var(--card); border: 1px solid var(--line); border-top: 4px solid var(--accent);
  border-radius: 8px; padding: 8px 12px; color: var(--ink); text-decoration: none; font: .9rem/1.4 system-ui, sans-serif; }
.glance .box:hover { border-color: var(--accent); }
.glance .h { display: block; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; font-size: .72rem; color: var(--muted); margin-bottom: 2px; }
.lead { border-left: 4px solid var(--accent); padding: 2px 0 8px 18px; margin: 12px 0 28px; }
.lead h3:first-child { margin-top: .4em; }
ol.keyfacts { padding-left: 0; list-style: none; } ol.keyfacts li { margin: .45em 0; }
.count { display: inline-block; min-width: 2.6em; font: 700 .8rem system-ui, sans-serif; text-align: center; color: #fff;
  background: var(--ok); border-radius: 4px; padding: 1px 5px; margin-right: 4px; }
ul.disagreements { list-style: none; padding-left: 0; } ul.disagreements > li { margin: .8em 0; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px; margin-top: 6px; }
.side { background: var(--card); border: 1px solid var(--line); border-top: 3px solid var(--bad); border-radius: 6px; padding: 8px 12px; }
.side .value { font: 700 1rem system-ui, sans-serif; } .side blockquote { font-size: .92rem; margin: .4em 0; }
.badge.kind { background: #5b6673; }
ul.tight { margin: .2em 0; padding-left: 1.1em; } ul.tight li { margin: .1em 0; }
table.omissions td:nth-child(2) { white-space: nowrap; }
figure.chart { margin: 8px 0 16px; } svg.chart { width: 100%; height: auto; max-height: 420px; }
ul.legend { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 18px;
  font: .85rem system-ui, sans-serif; color: var(--muted); }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
.swatch.dot { border-radius: 50%; } .swatch.line { height: 0; border-bottom: 3px solid; border-radius: 0; vertical-align: 3px; }
details.more > summary, details.article > summary { padding: 2px 0; }
details.article { margin: 6px 0; }
.untitled { font-style: italic; }
@media (max-width: 600px) { main { padding: 16px 12px 48px; } h1 { font-size: 1.45rem; }
  .lead { padding-left: 10px; border-left-width: 3px; } .summary p { font-size: 1rem; } }
`

/** One complete, self-contained HTML document. `body` must already be escaped markup. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

/** An element with escaped text content and optional class. */
export function el(tag: string, text: string, cls?: string): string {
  return `<${tag}${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</${tag}>`
}

/** A table from a header and rows of already-escaped cell markup. */
export function htmlTable(header: string[], rows: string[][], cls?: string): string {
  const head = `<tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`
  const body = rows.map((r) => `<tr>${r.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`).join('\n')
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>`
}
