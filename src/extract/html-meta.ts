/**
 * Metadata an HTML page states about itself: JSON-LD (NewsArticle and kin), Open Graph and
 * `article:*` meta tags, `<title>`, canonical URL. Each value says where it came from.
 */
import type { DomDocument } from './dom.js'
import { normaliseDate } from './dates.js'

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
  url: Found<string> | null
}

/** Most JSON-LD blocks read per page; pages repeat them, a few are enough. */
const MAX_JSON_LD = 20
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|Report|WebPage)$/

type Json = Record<string, unknown>

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
      flattenJsonLd(JSON.parse(script.textContent ?? ''), nodes)
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

/**
 * Reads a page's own metadata. JSON-LD first (the most structured), then meta tags, then `<title>`.
 * @example readHtmlMeta(parseHTML(html).document).siteName?.value // 'CNN'
 */
export function readHtmlMeta(document: DomDocument): HtmlMeta {
  const ld = findArticleJsonLd(document)
  const tags = metaTags(document)
  const publisher = ld && isObject(ld.publisher) ? text(ld.publisher.name) : null
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null
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
      dated(fromMeta(tags, 'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'dc.date', 'parsely-pub-date')),
    ),
    modifiedAt: first<string>(
      dated({ value: text(ld?.dateModified) ?? '', from: 'html:json-ld' }),
      dated(fromMeta(tags, 'article:modified_time', 'og:updated_time', 'datemodified')),
    ),
    siteName: first<string>({ value: publisher, from: 'html:json-ld:publisher' }, fromMeta(tags, 'og:site_name', 'application-name')),
    url: first<string>(fromMeta(tags, 'og:url'), { value: canonical, from: 'html:canonical' }),
  }
}
