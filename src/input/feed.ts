/**
 * RSS 2.0 and Atom feeds, parsed with linkedom's XML DOMParser: the feed's title and its entries
 * (guid, link, title, date, and the HTML content when the feed carries it).
 */
import { normaliseDate } from '../text/calendar.js'
import type { RawDocument } from '../types.js'
import { linkedom } from './lazy.js'

export interface FeedEntry {
  guid: string | null
  link: string | null
  title: string | null
  publishedAt: string | null
  /** Entry body as HTML (content:encoded, Atom content, else description/summary). */
  html: string | null
}

export interface ParsedFeed {
  title: string | null
  entries: FeedEntry[]
}

const FEED_HEAD = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i

/** True when the text starts like an RSS, RDF or Atom document. */
export function looksLikeFeed(head: string): boolean {
  return FEED_HEAD.test(head)
}

type El = { getAttribute(n: string): string | null; textContent: string | null; querySelector?: unknown }
type Parent = { getElementsByTagName(name: string): ArrayLike<El & Parent> }

function text(parent: Parent, ...names: string[]): string | null {
  for (const name of names) {
    const el = parent.getElementsByTagName(name)[0]
    const value = el?.textContent?.trim()
    if (value) return value
  }
  return null
}

function atomLink(entry: Parent): string | null {
  const links = Array.from(entry.getElementsByTagName('link'))
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && l.getAttribute('href')) ?? links.find((l) => l.getAttribute('href'))
  return alt?.getAttribute('href') ?? (links[0]?.textContent?.trim() || null)
}

/**
 * Parses a feed. Entries keep document order; a feed with no entries gives an empty list.
 * @example parseFeed('<rss><channel><item><title>T</title><link>https://x/1</link></item></channel></rss>')
 */
export function parseFeed(xml: string, { maxEntries = 1000 } = {}): ParsedFeed {
  const doc = new (linkedom().DOMParser)().parseFromString(xml, 'text/xml') as unknown as Parent
  const items = Array.from(doc.getElementsByTagName('item'))
  const atom = items.length === 0
  const nodes = (atom ? Array.from(doc.getElementsByTagName('entry')) : items).slice(0, maxEntries)
  const channel = doc.getElementsByTagName(atom ? 'feed' : 'channel')[0]
  const feedTitle = channel ? firstChildText(channel, 'title') : null
  const entries = nodes.map((n): FeedEntry => ({
    guid: text(n, atom ? 'id' : 'guid'),
    link: atom ? atomLink(n) : text(n, 'link'),
    title: text(n, 'title'),
    publishedAt: normaliseDate(text(n, 'pubDate', 'published', 'updated', 'dc:date')),
    html: text(n, 'content:encoded', 'content', 'description', 'summary'),
  }))
  return { title: feedTitle, entries }
}

/** The feed's own title, not the first entry's. */
function firstChildText(parent: Parent & El, name: string): string | null {
  const children = (parent as unknown as { children: ArrayLike<El & { tagName: string }> }).children
  for (const child of Array.from(children)) if (child.tagName.toLowerCase() === name) return child.textContent?.trim() || null
  return null
}

/** An entry as a raw document when it carries its body (title + content), else null (fetch its link). */
export function feedEntryToRaw(entry: FeedEntry, path: string, defaults: { publishedAt?: string | null; outlet?: string | null } = {}): RawDocument | null {
  if (!entry.html) return null
  const title = entry.title ? `<h1>${escapeXmlText(entry.title)}</h1>` : ''
  return {
    source: { kind: 'feed', path, ...(entry.link ? { url: entry.link } : {}) },
    bytes: new TextEncoder().encode(`<!doctype html><html><body><article>${title}${entry.html}</article></body></html>`),
    publishedAt: defaults.publishedAt ?? null,
    outlet: defaults.outlet ?? null,
    given: { from: 'feed', title: entry.title, publishedAt: entry.publishedAt },
  }
}

function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
