/**
 * Independent sources: near-duplicate copies count once (a wire story on a local site, an AMP copy,
 * an update), and outlets of one publisher family count once, from a table the user can edit.
 */
import { ParallaxUsageError } from '../errors.js'
import type { Article } from '../types.js'
import type { StoryCluster } from './story-state.js'

/** Family name -> its outlets' names and domains (matched case-insensitively). */
export type PublisherFamilies = Record<string, { outlets: string[]; domains: string[] }>

/** A starting table; pass your own to `independentSources` (`parallax stories --families FILE`). */
export const DEFAULT_FAMILIES: PublisherFamilies = {
  'News Corp': { outlets: ['The Wall Street Journal', 'Wall Street Journal', 'New York Post', 'The Times', 'The Sun', 'The Australian', 'MarketWatch', 'Barron\'s'], domains: ['wsj.com', 'nypost.com', 'thetimes.co.uk', 'thesun.co.uk', 'theaustralian.com.au', 'marketwatch.com', 'barrons.com'] },
  'Fox Corporation': { outlets: ['Fox News', 'Fox Business'], domains: ['foxnews.com', 'foxbusiness.com'] },
  'Warner Bros. Discovery': { outlets: ['CNN'], domains: ['cnn.com'] },
  'Axel Springer': { outlets: ['Politico', 'Business Insider', 'Bild', 'Die Welt'], domains: ['politico.com', 'politico.eu', 'businessinsider.com', 'bild.de', 'welt.de'] },
  'Gannett': { outlets: ['USA Today'], domains: ['usatoday.com'] },
}

/** Checks a parsed families file; throws naming the first bad entry. */
export function parseFamilies(value: unknown): PublisherFamilies {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ParallaxUsageError('publisher families: expected an object of family -> { outlets, domains }')
  const out: PublisherFamilies = {}
  for (const [family, entry] of Object.entries(value as Record<string, { outlets?: unknown; domains?: unknown }>)) {
    const list = (x: unknown, field: string): string[] => {
      if (x === undefined) return []
      if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) throw new ParallaxUsageError(`publisher families: ${family}.${field} must be a list of strings`)
      return x
    }
    out[family] = { outlets: list(entry?.outlets, 'outlets'), domains: list(entry?.domains, 'domains') }
  }
  return out
}

/** The family of an outlet by domain (or a parent domain), then by name; null when none. */
function familyOf(outlet: Article['outlet'], index: Map<string, string>): string | null {
  if (!outlet) return null
  let domain = outlet.domain?.toLowerCase().replace(/^www\./, '')
  while (domain) {
    const hit = index.get(`d:${domain}`)
    if (hit) return hit
    const dot = domain.indexOf('.')
    domain = dot < 0 ? undefined : domain.slice(dot + 1)
  }
  return index.get(`n:${outlet.name.toLowerCase()}`) ?? null
}

/** One independent source: its key (family, outlet or original article) and the articles it covers. */
export interface SourceGroup {
  key: string
  articleIds: string[]
}

/**
 * Groups a story's articles into independent sources: a copy goes with its original, and outlets
 * of one family go together; an article with no outlet is its own source (unless a copy).
 * @example independentSources(story, articlesById).length // sources, not articles
 */
export function independentSources(story: StoryCluster, articles: ReadonlyMap<string, Pick<Article, 'id' | 'outlet'>>, families: PublisherFamilies = DEFAULT_FAMILIES): SourceGroup[] {
  const index = new Map<string, string>()
  for (const [family, { outlets, domains }] of Object.entries(families)) {
    for (const name of outlets) index.set(`n:${name.toLowerCase()}`, family)
    for (const domain of domains) index.set(`d:${domain.toLowerCase()}`, family)
  }
  const originalOf = new Map((story.copies ?? []).map((c) => [c.articleId, c.of]))
  const root = (id: string): string => {
    for (let hops = 0; hops < 64 && originalOf.has(id); hops++) id = originalOf.get(id)!
    return id
  }
  const groups = new Map<string, string[]>()
  for (const id of story.articleIds) {
    const original = root(id)
    const outlet = articles.get(original)?.outlet ?? null
    const key = familyOf(outlet, index) ?? (outlet ? `outlet:${outlet.name.toLowerCase()}` : `article:${original}`)
    const list = groups.get(key)
    if (list) list.push(id)
    else groups.set(key, [id])
  }
  return [...groups].map(([key, articleIds]) => ({ key, articleIds }))
}
