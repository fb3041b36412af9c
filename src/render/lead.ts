/**
 * The lead of a story: what a reader wants first. Which facts several independent outlets confirm,
 * where outlets really disagree (framing differences are notes, not disagreements), and which of
 * the confirmed facts each outlet leaves out. Shared by the Markdown and HTML renderers, so both
 * lead with the same answers.
 */
import type { Discrepancy, ReportArticle, Story, StoryFact } from '../types.js'
import { articleLabel } from './common.js'

/** Limits for the lead; the rest of the story follows it in full. */
export interface LeadOptions {
  /** Corroborated facts shown with their outlet counts. */
  maxKeyFacts?: number
  /** Disagreements shown side by side. */
  maxDisagreements?: number
}

const DEFAULTS: Required<LeadOptions> = { maxKeyFacts: 8, maxDisagreements: 5 }

/** A corroborated fact with the outlets that report it and how many of them are independent. */
export interface KeyFact {
  fact: StoryFact
  outlets: string[]
  independent: number
}

/** One outlet's gaps: the corroborated facts none of its articles reports. */
export interface Omission {
  outlet: string
  articleIds: string[]
  facts: StoryFact[]
}

/** The lead's content for one story. */
export interface Lead {
  outlets: string[]
  keyFacts: KeyFact[]
  corroboratedCount: number
  disagreements: Discrepancy[]
  /** Differences in wording and emphasis: shown as notes after the lead. */
  framing: Discrepancy[]
  omissions: Omission[]
}

/** How much a discrepancy matters to a reader first: numbers and claims before spellings. */
const KIND_RANK: Record<string, number> = { number: 0, claim: 1, date: 2, attribution: 3, status: 4, 'quote-wording': 5, 'name-spelling': 6 }

/** Distinct outlet labels of some articles, in first-seen order. */
export function outletsOf(ids: readonly string[], byId: Map<string, ReportArticle>): string[] {
  return [...new Set(ids.map((id) => articleLabel(byId.get(id), id)))]
}

/**
 * The lead of `story`: key facts ranked by independent outlets, real disagreements, omissions.
 * @example buildLead(story, byId).keyFacts[0].independent // 4
 */
export function buildLead(story: Story, byId: Map<string, ReportArticle>, options: LeadOptions = {}): Lead {
  const opts = { ...DEFAULTS, ...options }
  const corroborated = story.facts.filter((f) => f.status === 'corroborated')
  const keyFacts = corroborated
    .map((fact) => {
      const outlets = outletsOf(fact.articleIds, byId)
      return { fact, outlets, independent: Math.min(fact.sources ?? outlets.length, outlets.length) }
    })
    .sort((a, b) => b.independent - a.independent || b.outlets.length - a.outlets.length)
    .slice(0, opts.maxKeyFacts)
  const real = story.discrepancies.filter((d) => d.kind !== 'framing')
  const disagreements = [...real].sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9)).slice(0, opts.maxDisagreements)
  const omissions: Omission[] = []
  for (const outlet of outletsOf(story.articleIds, byId)) {
    const articleIds = story.articleIds.filter((id) => articleLabel(byId.get(id), id) === outlet)
    const facts = corroborated.filter((f) => !f.articleIds.some((id) => articleIds.includes(id)))
    omissions.push({ outlet, articleIds, facts })
  }
  return {
    outlets: outletsOf(story.articleIds, byId),
    keyFacts,
    corroboratedCount: corroborated.length,
    disagreements,
    framing: story.discrepancies.filter((d) => d.kind === 'framing'),
    omissions,
  }
}

/** Plural-aware counts: plural(1, 'article') -> "1 article", plural(2, 'story', 'stories') -> "2 stories". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/**
 * "5 articles from 4 outlets and 1 unnamed source": named outlets are counted as the library
 * counts them (distinct names); articles naming none are counted apart, as sources.
 */
export function storyCounts(story: Pick<Story, 'articleIds'>, byId: Map<string, ReportArticle>): string {
  const named = new Set<string>()
  let unnamed = 0
  for (const id of story.articleIds) {
    const name = byId.get(id)?.outlet?.name
    if (name) named.add(name)
    else unnamed++
  }
  const rest = unnamed > 0 ? ` and ${plural(unnamed, 'unnamed source')}` : ''
  return `${plural(story.articleIds.length, 'article')} from ${plural(named.size, 'outlet')}${rest}`
}

/** The story's dates as a range ("2025-08-05 to 2025-08-06"), from its articles; "undated" when none has one. */
export function storyDates(story: Pick<Story, 'articleIds'>, byId: Map<string, ReportArticle>): string {
  const days = story.articleIds.map((id) => byId.get(id)?.publishedAt?.slice(0, 10)).filter((d): d is string => Boolean(d)).sort()
  if (days.length === 0) return 'undated'
  return days[0] === days.at(-1) ? days[0] : `${days[0]} to ${days.at(-1)}`
}
