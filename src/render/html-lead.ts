/**
 * The lead of a story in HTML, first on the page: the cited summary, the facts several outlets
 * confirm (with how many), the real disagreements side by side in each outlet's words, and what
 * each outlet leaves out of the confirmed facts.
 */
import type { Citation, Discrepancy, Story } from '../types.js'
import { citationKey, numberCitations, wordsAround } from './common.js'
import { escapeHtml as esc, truncate } from './escape.js'
import { citationHref, citationLink, outlets, type PageContext } from './html-context.js'
import { el } from './html-page.js'
import { buildLead, plural, type Lead, type Omission } from './lead.js'

/** Facts listed per outlet in the omissions table before "and N more". */
const MAX_OMITTED_LISTED = 2

function summaryHtml(ctx: PageContext, story: Story): string {
  if (story.summary.length === 0) return el('p', 'No summary sentence passed the citation check.', 'meta')
  const { numberOf } = numberCitations(story)
  const ps = story.summary.map((s) => {
    const refs = s.citations.map((c) => citationLink(ctx, c, numberOf.get(citationKey(c)) ?? 0)).join('')
    return `<p>${esc(s.text)}${refs}</p>`
  })
  const n = story.summaryRejected
  const rejected = n !== undefined && n > 0 ? el('p', `${plural(n, 'candidate sentence')} rejected by the citation check.`, 'meta') : ''
  return `<div class="summary">${ps.join('\n')}${rejected}</div>`
}

function keyFactsHtml(lead: Lead, total: number): string {
  if (lead.keyFacts.length === 0) return el('p', 'No fact is reported by more than one outlet.', 'meta')
  const items = lead.keyFacts.map(({ fact, outlets: names, independent }) => {
    const copies = independent < names.length ? ` (${independent} independent)` : ''
    return `<li><span class="count" title="${esc(`${names.length} of ${total} outlets`)}">${names.length}/${total}</span> ${esc(fact.text)}<div class="meta">${esc(names.join(', '))}${copies}</div></li>`
  })
  const more = lead.corroboratedCount > lead.keyFacts.length ? el('p', `${lead.corroboratedCount - lead.keyFacts.length} more corroborated facts in “All facts by outlet” below.`, 'meta') : ''
  return `<ol class="keyfacts">${items.join('')}</ol>${more}`
}

function words(ctx: PageContext, support: readonly Citation[] | undefined): string {
  const seen = new Set<string>()
  const quotes: string[] = []
  for (const c of support ?? []) {
    const text = ctx.texts?.get(c.articleId)
    if (text === undefined || !(c.end > c.start && c.end <= text.length)) continue
    const s = wordsAround(text, c.start, c.end, ctx.opts.sentences.get(c.articleId))
    if (seen.has(s)) continue
    seen.add(s)
    const href = citationHref(ctx, c)
    quotes.push(`<blockquote>“${esc(s)}”${href ? ` <a class="cite" href="${href}">[text]</a>` : ''}</blockquote>`)
    if (quotes.length === 2) break
  }
  return quotes.join('')
}

function disagreementHtml(ctx: PageContext, d: Discrepancy): string {
  const sides = d.values.map((v) => {
    const quoted = words(ctx, v.support)
    // A long value (a whole claim) is the outlet's words already: shown once, as the quote.
    const value = v.value.length <= 80 || !quoted ? `<div class="value">${esc(truncate(v.value, 200))}</div>` : ''
    return `<div class="side">${value}<div class="meta">${outlets(ctx, v.articleIds)}</div>${quoted}</div>`
  })
  return `<li><span class="badge kind">${esc(d.kind)}</span> ${esc(truncate(d.description, 200))}<div class="sides">${sides.join('')}</div></li>`
}

function disagreementsHtml(ctx: PageContext, lead: Lead, story: Story): string {
  if (lead.disagreements.length === 0) return el('p', 'The outlets do not contradict each other on any number, date, name, quote or claim found.', 'meta')
  const real = story.discrepancies.length - lead.framing.length
  const more = real > lead.disagreements.length ? el('p', `${real - lead.disagreements.length} more in “All discrepancies” below.`, 'meta') : ''
  return `<ul class="disagreements">${lead.disagreements.map((d) => disagreementHtml(ctx, d)).join('\n')}</ul>${more}`
}

function omissionRow(o: Omission, total: number): string[] {
  const listed = o.facts.slice(0, MAX_OMITTED_LISTED).map((f) => `<li>${esc(truncate(f.text, 100))}</li>`).join('')
  const more = o.facts.length > MAX_OMITTED_LISTED ? `<li class="meta">and ${o.facts.length - MAX_OMITTED_LISTED} more</li>` : ''
  return [esc(o.outlet), `${o.facts.length} of ${total}`, o.facts.length === 0 ? 'nothing' : `<ul class="tight">${listed}${more}</ul>`]
}

function omissionsHtml(lead: Lead): string {
  if (lead.corroboratedCount === 0) return el('p', 'No corroborated facts, so nothing to leave out.', 'meta')
  const rows = lead.omissions.map((o) => `<tr>${omissionRow(o, lead.corroboratedCount).map((c) => `<td>${c}</td>`).join('')}</tr>`)
  return `<div class="scroll"><table class="omissions"><thead><tr><th>Outlet</th><th>Leaves out</th><th>Corroborated facts it does not report</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
}

/**
 * The answers in four short boxes, so the first screen says what the news is, who confirms it,
 * where outlets disagree and who leaves most out; each box links to its full section below.
 */
function glanceHtml(story: Story, lead: Lead, si: number): string {
  const total = lead.outlets.length
  const first = story.summary[0]?.text
  const top = lead.keyFacts[0]
  const gaps = [...lead.omissions].sort((a, b) => b.facts.length - a.facts.length)[0]
  const box = (anchor: string, heading: string, body: string) =>
    `<a class="box" href="#s${si}-${anchor}"><span class="h">${heading}</span>${body}</a>`
  const boxes = [
    box('news', 'The news', first ? esc(truncate(first, 170)) : 'No summary passed the citation check.'),
    box('confirmed', 'Confirmed', top
      ? `<strong>${plural(lead.corroboratedCount, 'fact')}</strong> reported by two or more outlets; the widest (${top.outlets.length} of ${total}): ${esc(truncate(top.fact.text, 110))}`
      : 'No fact is reported by more than one outlet.'),
    box('disagree', 'Disagree', lead.disagreements.length
      ? `<strong>${plural(story.discrepancies.length - lead.framing.length, 'disagreement')}</strong>: ${lead.disagreements.slice(0, 2).map((d) => esc(truncate(d.description, 80))).join('; ')}`
      : 'No contradiction found.'),
    box('gaps', 'Leaves out', gaps && gaps.facts.length
      ? `<strong>${esc(gaps.outlet)}</strong> reports the fewest confirmed facts: it leaves out ${gaps.facts.length} of ${lead.corroboratedCount}.`
      : 'Every outlet reports every confirmed fact.'),
  ]
  return `<div class="glance">${boxes.join('')}</div>`
}

/** The story's lead as HTML: the glance boxes, then summary, confirmations, disagreements, omissions. */
export function leadHtml(ctx: PageContext, story: Story, si = 0): string {
  const lead = buildLead(story, ctx.byId)
  const total = lead.outlets.length
  return `${glanceHtml(story, lead, si)}
<div class="lead">
<h3 id="s${si}-news">What happened</h3>
${summaryHtml(ctx, story)}
<h3 id="s${si}-confirmed">Confirmed by several outlets</h3>
${keyFactsHtml(lead, total)}
<h3 id="s${si}-disagree">Where outlets disagree</h3>
${disagreementsHtml(ctx, lead, story)}
<h3 id="s${si}-gaps">What each outlet leaves out</h3>
${omissionsHtml(lead)}
</div>`
}
