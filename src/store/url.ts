/**
 * URL normalisation for the store's unique key: the same page reached through tracking links,
 * a trailing slash, `www.` or a fragment is one article.
 */

/** Query parameters that only track a click and never change the page. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|smid|taid|_ga)$/i

/**
 * The normalised form of an http(s) URL, or null when it is not one.
 * @example normalizeUrl('HTTPS://www.Example.com/a/?utm_source=x#top') // 'https://example.com/a'
 */
export function normalizeUrl(input: string | null | undefined): string | null {
  if (!input) return null
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // http and https of one page are one article; keep the scheme out of the key
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  const params = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : ''
  const path = url.pathname.replace(/\/+$/, '') || ''
  return `//${host}${port}${path}${query}`
}
