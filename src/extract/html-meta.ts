/**
 * Metadata an HTML page states about itself: JSON-LD (NewsArticle and kin), Open Graph and
 * `article:*` meta tags, `<title>`, canonical URL. Each value says where it came from.
 */
import type { DomDocument } from './dom.js'
import { normaliseDate } from '../text/calendar.js'

/** A metadata value and where it was found (`html:json-ld`, `html:meta:og:site_name`, ...). */
export interface Found<T> {
  value: T
  from: string
}

/** What the page says about itself; null where it says nothing. */
export interface HtmlMeta {
  title: Found<string> | null
  authors: Found<string[]> | null
  publishedAt: Found<string> | null
  modifiedAt: Found<string> | null
  siteName: Found<string> | null
  /** The page's own address: canonical link, `og:url` or JSON-LD `url`, absolute. */
  url: Found<string> | null
  /** Declared language, primary subtag lower-cased (`en` of `en-US`). */
  language: Found<string> | null
}

/** Most JSON-LD blocks read per page; pages repeat them, a few are enough. */
const MAX_JSON_LD = 20
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|Report|WebPage)$/

type Json = Record<string, unknown>

/** CDATA wrappers (`<![CDATA[ ... ]]>`, perhaps behind a line or block comment opener) some sites put around JSON-LD. */
const CDATA = /^\s*(?:\/\/|\/\*)?\s*<!\[CDATA\[|(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?\s*$/g

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every object in a JSON-LD value, through arrays and `@graph`. */
function flattenJsonLd(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const item of value) flattenJsonLd(item, out)
  else if (isObject(value)) {
    out.push(value)
    if (value['@graph']) flattenJsonLd(value['@graph'], out)
  }
  return out
}

function typesOf(node: Json): string[] {
  const type = node['@type']
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')
}

/** The most article-like JSON-LD object: a NewsArticle beats an Article beats a WebPage. */
function findArticleJsonLd(document: DomDocument): Json | null {
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_JSON_LD)
  const nodes: Json[] = []
  for (const script of scripts) {
    try {
      flattenJsonLd(JSON.parse((script.textContent ?? '').replace(CDATA, '')), nodes)
    } catch {
      // Broken JSON-LD is common on real pages; the other sources still apply.
    }
  }
  const rank = (node: Json): number => {
    const types = typesOf(node).filter((t) => ARTICLE_TYPES.test(t))
    if (types.length === 0) return 0
    return types.some((t) => t.endsWith('NewsArticle')) ? 3 : types.includes('WebPage') ? 1 : 2
  }
  return nodes.reduce<Json | null>((best, node) => (rank(node) > (best ? rank(best) : 0) ? node : best), null)
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null
  if (isObject(value)) return text(value.name)
  return null
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map(text).filter((name): name is string => name !== null && !/^https?:/.test(name))
}

/** `property`/`name`/`itemprop` -> content of the first meta tag with that key (lower-cased). */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>()
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const keys = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))?.toLowerCase()
    const content = meta.getAttribute('content')?.trim()
    if (!keys || !content) continue
    // RDFa allows several properties in one attribute: property="og:title dc:title".
    for (const key of keys.split(/\s+/)) if (key && !tags.has(key)) tags.set(key, content)
  }
  return tags
}

function first<T>(...candidates: (Found<T | null> | null)[]): Found<T> | null {
  for (const c of candidates) if (c && c.value !== null && (!Array.isArray(c.value) || c.value.length > 0)) return c as Found<T>
  return null
}

function fromMeta(tags: Map<string, string>, ...keys: string[]): Found<string> | null {
  for (const key of keys) {
    const value = tags.get(key)
    if (value) return { value, from: `html:meta:${key}` }
  }
  return null
}

function dated(found: Found<string> | null): Found<string> | null {
  const value = normaliseDate(found?.value)
  return found && value ? { value, from: found.from } : null
}

/**
 * The JSON-LD headline, or its `name` when the two differ and only the name is in the `<title>`
 * (some sites put a category in `headline`: "Wikimedia list article").
 */
function jsonLdTitle(ld: Json | null, titleTag: string | null): string | null {
  const headline = text(ld?.headline)
  const name = text(ld?.name)
  if (!headline || !name || headline === name || !titleTag) return headline
  return !titleTag.includes(headline) && titleTag.includes(name) ? name : headline
}

/** An absolute http(s) URL for `href`, resolved against `base` when relative; null otherwise. */
function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const value = href?.trim()
  if (!value) return null
  try {
    const url = base ? new URL(value, base) : new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** JSON-LD `url`, else `mainEntityOfPage` (a URL or an object with `@id`/`url`). */
function jsonLdUrl(ld: Json | null): string | null {
  if (!ld) return null
  const page = ld.mainEntityOfPage
  const pageUrl = typeof page === 'string' ? page : isObject(page) ? (page['@id'] ?? page.url) : null
  const candidates = [ld.url, pageUrl]
  return (candidates.find((c): c is string => typeof c === 'string' && /^https?:\/\//i.test(c)) ?? null)
}

/**
 * The canonical URL: `<link rel=canonical>` (resolved against the other two when relative), then
 * `og:url`, then JSON-LD. Sites set the canonical link most carefully, since search engines read it.
 */
function canonicalUrl(document: DomDocument, tags: Map<string, string>, ld: Json | null): Found<string> | null {
  const og = absoluteUrl(tags.get('og:url'), null)
  const fromLd = absoluteUrl(jsonLdUrl(ld), null)
  const link = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  const canonical = absoluteUrl(link, og ?? fromLd)
  if (canonical) return { value: canonical, from: 'html:canonical' }
  if (og) return { value: og, from: 'html:meta:og:url' }
  return fromLd ? { value: fromLd, from: 'html:json-ld' } : null
}

/** A language tag's primary subtag ("en-US", "en_GB" -> "en"), or null when it is not one. */
function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*\s*$/i.exec(tag ?? '')
  return m ? m[1].toLowerCase() : null
}

/** Content of `<meta http-equiv="name">`, matched case-insensitively as browsers do. */
function httpEquiv(document: DomDocument, name: string): string | null {
  for (const meta of Array.from(document.querySelectorAll('meta[http-equiv]'))) {
    if (meta.getAttribute('http-equiv')?.trim().toLowerCase() === name) return meta.getAttribute('content')
  }
  return null
}

/** Declared language: JSON-LD `inLanguage`, `<html lang>`, then language meta tags. */
function declaredLanguage(document: DomDocument, tags: Map<string, string>, ld: Json | null): Found<string> | null {
  const inLanguage = ld?.inLanguage
  const ldTag = typeof inLanguage === 'string' ? inLanguage : isObject(inLanguage) ? text(inLanguage.alternateName ?? inLanguage.name) : null
  const candidates: [string | null | undefined, string][] = [
    [ldTag, 'html:json-ld'],
    [document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'), 'html:lang'],
    [httpEquiv(document, 'content-language')?.split(',')[0], 'html:meta:content-language'],
    [tags.get('language') ?? tags.get('dc.language') ?? tags.get('dc:language'), 'html:meta:language'],
    [tags.get('og:locale'), 'html:meta:og:locale'],
  ]
  for (const [tag, from] of candidates) {
    const value = primaryLanguage(tag)
    if (value) return { value, from }
  }
  return null
}

/** `<time>` elements that say what they date, by `itemprop`, `pubdate` or class. */
const PUBLISHED_TIME = 'time[itemprop="datePublished"], time[pubdate], time[class*="publish"], time[class*="posted"]'
const MODIFIED_TIME = 'time[itemprop="dateModified"], time[class*="update"], time[class*="modif"]'

/** The date a `<time>` element states in its `datetime` attribute (its text is for readers). */
function timeElement(document: DomDocument, selector: string): Found<string> | null {
  const element = document.querySelector(selector)
  const value = normaliseDate(element?.getAttribute('datetime'))
  return value ? { value, from: 'html:time' } : null
}

/**
 * Reads a page's own metadata. JSON-LD first (the most structured), then meta tags, then `<title>`.
 * @example readHtmlMeta(parseHTML(html).document).siteName?.value // 'CNN'
 */
export function readHtmlMeta(document: DomDocument): HtmlMeta {
  const ld = findArticleJsonLd(document)
  const tags = metaTags(document)
  const publisher = ld && isObject(ld.publisher) ? text(ld.publisher.name) : null
  const titleTag = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null
  return {
    title: first<string>(
      { value: jsonLdTitle(ld, titleTag), from: 'html:json-ld' },
      fromMeta(tags, 'dc:title', 'dcterm:title', 'og:title', 'twitter:title', 'parsely-title', 'headline'),
      { value: titleTag, from: 'html:title' },
    ),
    authors: first<string[]>(
      { value: names(ld?.author), from: 'html:json-ld' },
      { value: names(tags.get('author') ?? tags.get('article:author') ?? tags.get('byl') ?? tags.get('parsely-author') ?? tags.get('dc:creator')), from: 'html:meta:author' },
    ),
    publishedAt: first<string>(
      dated({ value: text(ld?.datePublished) ?? '', from: 'html:json-ld' }),
      dated(fromMeta(tags, 'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'dc.date', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date')),
      timeElement(document, PUBLISHED_TIME),
    ),
    modifiedAt: first<string>(
      dated({ value: text(ld?.dateModified) ?? '', from: 'html:json-ld' }),
      dated(fromMeta(tags, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified')),
      timeElement(document, MODIFIED_TIME),
    ),
    siteName: first<string>({ value: publisher, from: 'html:json-ld:publisher' }, fromMeta(tags, 'og:site_name', 'application-name')),
    url: canonicalUrl(document, tags, ld),
    language: declaredLanguage(document, tags, ld),
  }
}
