/**
 * Outlets' house marks: the recurring section headings, credit lines and notices an outlet prints
 * in every article ("Why It Matters" / "What To Know" at Newsweek, "CLICK HERE TO GET THE FOX NEWS
 * APP"). When neither the page's metadata nor the text's self-references name the outlet, enough
 * of one outlet's marks do. The table is data: add an outlet by adding a row.
 */
import type { RemovedPiece } from '../types.js'
import type { Found } from './html-meta.js'
import { isKnownOutletName, outletByName, type Outlet } from './outlets.js'

/** One outlet's marks: whole lines (headings, compared without case or end punctuation) and phrases found anywhere. */
export interface HouseMarks {
  outlet: string
  /** Section headings printed as lines of their own. */
  headings?: string[]
  /** Credit lines and notices, matched as case-insensitive phrases anywhere in a line. */
  phrases?: string[]
  /** Distinct marks needed before the outlet is named (default 2: one heading is common English). */
  minMatches?: number
}

/** The editable table. Marks must be the outlet's own house style, not words any outlet might use. */
export const HOUSE_MARKS: readonly HouseMarks[] = [
  { outlet: 'Newsweek', headings: ['Why It Matters', 'What To Know', 'What People Are Saying', 'What Happens Next'], phrases: ['Newsweek reached out', 'contacted Newsweek', 'told Newsweek'] },
  { outlet: 'Fox News', phrases: ['click here to get the fox news app', 'click here for more coverage from fox news', 'fox news digital', 'you can now listen to fox news articles'], minMatches: 1 },
  { outlet: 'The Wall Street Journal', phrases: ['read more about how we use artificial intelligence in our journalism', 'Write to', 'wsj.com'], minMatches: 2 },
  { outlet: 'Reuters', phrases: ['reporting by', 'editing by', 'our standards: the thomson reuters trust principles'], minMatches: 2 },
  { outlet: 'AP', phrases: ['associated press writers', 'the associated press contributed', 'ap’s', 'this story has been corrected'], minMatches: 2 },
  { outlet: 'BBC', phrases: ['follow bbc', 'bbc news website', 'sign up for our'], minMatches: 2 },
  { outlet: 'The Guardian', phrases: ['this article was amended on', 'the guardian view', 'guardian australia'], minMatches: 2 },
]

/** "Originally published by X", "distributed by X", "X contributed to this report" (a named outlet only). */
const SYNDICATION = /\b(?:originally (?:appeared|published) (?:on|in|by)|(?:re)?published with permission (?:of|from)|distributed by|(?:this|the) (?:article|story) (?:first )?appeared (?:on|in))\s+(?:the\s+)?([\p{Lu}][\p{L}&.’' -]{1,40}?)(?=[.,;)]|\s*$)/imu
const EMAIL_DOMAIN = /@([\w-]+(?:\.[\w-]+)+)/g

const norm = (line: string): string => line.toLowerCase().replace(/[\s:.!?—–-]+$/, '').replace(/\s+/g, ' ').trim()

function lines(text: string, removed: readonly RemovedPiece[]): string[] {
  return [...text.split('\n'), ...removed.flatMap((r) => r.text.split('\n'))].map((l) => l.trim()).filter(Boolean)
}

/**
 * The outlet whose house marks the text carries most (at least `minMatches` distinct marks), or null.
 * @example houseMarkOutlet('...\nWhy It Matters\n...\nWhat To Know\n...', [])?.value.name // 'Newsweek'
 */
export function houseMarkOutlet(text: string, removed: readonly RemovedPiece[], table: readonly HouseMarks[] = HOUSE_MARKS): Found<Outlet> | null {
  const all = lines(text, removed)
  const headings = new Set(all.map(norm))
  const lower = all.map((l) => l.toLowerCase())
  let best: { marks: HouseMarks; count: number } | null = null
  for (const marks of table) {
    const hits = (marks.headings ?? []).filter((h) => headings.has(norm(h))).length +
      (marks.phrases ?? []).filter((p) => lower.some((l) => l.includes(p.toLowerCase()))).length
    if (hits >= (marks.minMatches ?? 2) && (!best || hits > best.count)) best = { marks, count: hits }
  }
  const outlet = best ? outletByName(best.marks.outlet) : null
  return outlet ? { value: outlet, from: 'text:house-marks' } : null
}

/** The outlet a syndication notice names ("This article originally appeared on Politico."), when it is a known outlet. */
export function syndicationOutlet(text: string, removed: readonly RemovedPiece[]): Found<Outlet> | null {
  for (const line of lines(text, removed)) {
    const name = SYNDICATION.exec(line)?.[1]?.trim()
    if (name && isKnownOutletName(name)) return { value: outletByName(name)!, from: 'text:syndication' }
  }
  return null
}

/** The outlet of the most frequent known e-mail domain anywhere in the text ("tips@cnn.com"). */
export function emailDomainOutlet(text: string, removed: readonly RemovedPiece[], byDomain: (host: string) => Outlet | null): Found<Outlet> | null {
  const counts = new Map<string, { outlet: Outlet; n: number }>()
  for (const line of lines(text, removed)) {
    for (const m of line.matchAll(EMAIL_DOMAIN)) {
      const outlet = byDomain(m[1])
      if (!outlet) continue
      const c = counts.get(outlet.name) ?? { outlet, n: 0 }
      c.n++
      counts.set(outlet.name, c)
    }
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0]
  return top ? { value: top.outlet, from: 'text:email-domain' } : null
}
