/**
 * Article metadata from every source, in order of trust: the page's own structured metadata, the
 * text's self-references, then what the user said (`--published`, `--outlet`). Each field records
 * in `provenance` where it came from.
 */
import type { Article, GivenFields, RemovedPiece } from '../types.js'
import type { Found, HtmlMeta } from './html-meta.js'
import { guessLanguage } from './language.js'
import { isKnownOutletName, outletByDomain, outletByName, sameOutlet, type Outlet } from './outlets.js'
import { parseByline, readTextMeta } from './text-meta.js'

export { parseByline } from './text-meta.js'

/** What the user gave for an input; used when the input states nothing itself. */
export interface UserMeta {
  publishedAt?: string | null
  outlet?: string | null
  /** True when the user named this input's outlet (`--outlet a.txt=Reuters`): it wins over what the input says. */
  outletForced?: boolean
  url?: string
  /** The input's file path: its name is the last hint at the outlet ("cnn-trump.txt"). */
  path?: string
}

/** The metadata fields of an article, with where each came from. */
export type ArticleMeta = Pick<Article, 'outlet' | 'title' | 'authors' | 'publishedAt' | 'language'> & {
  modifiedAt: string | null
  canonicalUrl: string | null
  provenance: Record<string, string>
}

/** Languages the stop-word guess knows; a page declaring one of them can be checked against its text. */
const GUESSABLE = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'ru'])

/**
 * The declared language, unless the text plainly is another language the guess knows (templates
 * often carry a site-wide `lang="en"` over articles in other languages); else the guess.
 */
function resolveLanguage(declared: Found<string> | null, text: string): Found<string> {
  const guess = guessLanguage(text)
  if (!declared) return { value: guess, from: 'stop-words' }
  if (guess !== 'und' && guess !== declared.value && GUESSABLE.has(declared.value)) {
    return { value: guess, from: `stop-words (page declares ${declared.value})` }
  }
  return declared
}

/** " - CNN", " | Reuters": a site name appended to a `<title>`. */
const TITLE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,40}$/

const DOMAIN_NAME = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u

function cleanTitle(title: Found<string> | null, site: string | null): string | null {
  if (!title) return null
  if (title.from !== 'html:title' && !title.from.startsWith('html:meta')) return title.value
  const suffix = TITLE_SUFFIX.exec(title.value)?.[0]
  const name = suffix?.replace(/^\s+[|–—-]\s+/, '') ?? ''
  // A suffix shaped like a domain ("| Example.cz") names the site whatever the site calls itself.
  const shaped = suffix && isSiteShaped(name, title.value.length - suffix.length)
  const named = suffix && ((site && sameOutlet(name, site)) || DOMAIN_NAME.test(name) || (shaped && (!site || title.from === 'html:title')))
  return named ? title.value.slice(0, -suffix.length) : title.value
}

/**
 * A `<title>` suffix that can be the site's name: it starts with a capital or digit and is shorter
 * than the headline before it ("Google - Site Reliability Engineering" is a headline, not a suffix).
 */
function isSiteShaped(suffix: string, headlineChars: number): boolean {
  return !/^\p{Ll}/u.test(suffix) && suffix.length <= headlineChars
}

/**
 * People only: splits "By A and B" meta values and drops organisations ("CNN", "Staff"), the page's
 * own outlet names among them ("By Jo Doe, Valley Courier": the site is not a second author).
 */
function cleanAuthors(authors: string[], outlets: (string | null | undefined)[]): string[] {
  const names = outlets.filter((o): o is string => Boolean(o))
  const people = authors.flatMap((a) => parseByline(a).people).filter((p) => !names.some((o) => sameOutlet(p, o)))
  return [...new Set(people)]
}

function hostOf(url: string | undefined | null): string | null {
  try {
    return url ? new URL(url).hostname : null
  } catch {
    return null
  }
}

/** The site's outlet with a domain: the table's, else the page's own host when the names agree or nothing is known. */
function withDomain(site: Outlet, hostOutlet: Outlet | null, host: string | null): Outlet {
  if (site.domain) return site
  if (hostOutlet) return sameOutlet(site.name, hostOutlet.name) ? hostOutlet : site
  return host ? { ...site, domain: host.replace(/^www\./, '') } : site
}

/**
 * The outlet: who wrote the story (dateline, wire tag) wins over whose site carried it, so a
 * syndicated CNN story on a local site is CNN's, with the site kept as `publisher`.
 */
function resolveOutlet(html: HtmlMeta | null, origin: Found<Outlet> | null, textSite: Found<Outlet> | null, user: UserMeta) {
  const host = hostOf(html?.url?.value) ?? hostOf(user.url)
  const hostOutlet = host ? outletByDomain(host) : null
  const htmlSite = html?.siteName ? outletByName(html.siteName.value) : null
  const site: Found<Outlet> | null =
    (htmlSite && { value: withDomain(htmlSite, hostOutlet, host), from: html?.siteName?.from ?? 'html' }) ??
    textSite ??
    (hostOutlet && { value: hostOutlet, from: 'url:domain' })
  const userOutlet = user.outlet ? outletByName(user.outlet) : null
  const author = origin && site && isShortFormOf(origin.value.name, site.value.name) ? { value: site.value, from: origin.from } : origin
  if (userOutlet && user.outletForced) return { outlet: { value: userOutlet, from: 'user' }, publisher: null }
  const outlet = author ?? site ?? (userOutlet && { value: userOutlet, from: 'user' }) ?? fileNameOutlet(user.path ?? null, user.url ?? null)
  const publisher = author && site && !sameOutlet(author.value.name, site.value.name) ? site.value.name : null
  return { outlet, publisher }
}

/**
 * A known outlet named by the input's file or URL name: "cnn-witkoff.txt", "wsj_0c1d.html",
 * "reuters.com/world/..." (only names and domains in the outlet table count).
 */
export function fileNameOutlet(path: string | null, url: string | null): Found<Outlet> | null {
  const names = [path?.split(/[\\/]/).at(-1), url ? safePath(url) : null].filter((n): n is string => Boolean(n))
  for (const name of names) {
    for (const token of name.toLowerCase().split(/[^a-z0-9.]+|\.(?=[a-z]{2,5}$)/)) {
      const outlet = (token.includes('.') ? outletByDomain(token) : null) ?? (token.length >= 2 && isKnownOutletName(token) ? outletByName(token) : null)
      if (outlet) return { value: outlet, from: 'source:file-name' }
    }
  }
  return null
}

function safePath(url: string): string | null {
  try {
    return new URL(url).pathname
  } catch {
    return null
  }
}

/** "Example" of "Example News Agency": a dateline's short agency name for the site's full name. */
function isShortFormOf(short: string, full: string): boolean {
  const a = short.toLowerCase().replace(/^the\s+/, '')
  const b = full.toLowerCase().replace(/^the\s+/, '')
  return b.length > a.length && b.startsWith(`${a} `)
}

/** The container's stated fields as found values, each from `<container>:<field>`; empty ones left out. */
function givenFound(given: GivenFields | undefined): { title?: Found<string>; authors?: Found<string[]>; publishedAt?: Found<string> } {
  if (!given) return {}
  const title = given.title?.trim()
  return {
    ...(title ? { title: { value: title, from: `${given.from}:title` } } : {}),
    ...(given.authors && given.authors.length > 0 ? { authors: { value: [...given.authors], from: `${given.from}:authors` } } : {}),
    ...(given.publishedAt ? { publishedAt: { value: given.publishedAt, from: `${given.from}:publishedAt` } } : {}),
  }
}

/** Resolves every metadata field of an article from the page metadata, the text and the user. */
export function resolveMetadata(input: {
  text: string
  removed: RemovedPiece[]
  html: HtmlMeta | null
  textTitle: string | null
  /** What the input's container stated for this document (JSON Lines record, feed entry). */
  given?: GivenFields
  user: UserMeta
}): ArticleMeta {
  const { text, removed, html, user } = input
  const given = givenFound(input.given)
  const found = readTextMeta(text, removed)
  const provenance: Record<string, string> = {}
  const { outlet, publisher } = resolveOutlet(html, found.origin, found.site, user)
  if (outlet) provenance.outlet = outlet.from
  if (publisher) provenance.publisher = publisher
  const htmlTitle = cleanTitle(html?.title ?? null, html?.siteName?.value ?? null)
  const title = htmlTitle ?? given.title?.value ?? input.textTitle
  if (title) provenance.title = htmlTitle && html?.title ? html.title.from : given.title ? given.title.from : 'text:title-line'
  const authorSource = html?.authors ?? given.authors ?? found.authors
  const authors = cleanAuthors(authorSource?.value ?? [], [html?.siteName?.value, outlet?.value.name, publisher, user.outlet])
  if (authors.length > 0 && authorSource) provenance.authors = authorSource.from
  const published = html?.publishedAt ?? given.publishedAt ?? found.publishedAt ?? (user.publishedAt ? { value: user.publishedAt, from: 'user' } : null)
  if (published) provenance.publishedAt = published.from
  const modified = html?.modifiedAt ?? found.modifiedAt
  if (modified) provenance.modifiedAt = modified.from
  if (html?.url) provenance.canonicalUrl = html.url.from
  const language = resolveLanguage(html?.language ?? null, text)
  provenance.language = language.from
  return {
    outlet: outlet?.value ?? null,
    title,
    authors,
    publishedAt: published?.value ?? null,
    modifiedAt: modified?.value ?? null,
    canonicalUrl: html?.url?.value ?? null,
    language: language.value,
    provenance,
  }
}
