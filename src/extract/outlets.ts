/**
 * A small table of major news outlets: domains and the names they go by, so an author's e-mail
 * domain, a page URL or a copyright holder ("Cable News Network, Inc.") maps to one outlet name.
 */

/** An outlet as it appears on an article. */
export interface Outlet {
  name: string
  domain?: string
}

/** Domain -> outlet name, then other names the outlet is known by (lower-cased on lookup). */
const OUTLETS: readonly (readonly [domain: string, name: string, ...aliases: string[]])[] = [
  ['wsj.com', 'The Wall Street Journal', 'Wall Street Journal', 'WSJ'],
  ['cnn.com', 'CNN', 'Cable News Network', 'CNN Newsource', 'CNN Wire'],
  ['foxnews.com', 'Fox News', 'Fox News Digital', 'FOX News Network'],
  ['foxbusiness.com', 'Fox Business', 'Fox Business Network'],
  ['nytimes.com', 'The New York Times', 'New York Times', 'NYT'],
  ['reuters.com', 'Reuters', 'Thomson Reuters'],
  ['apnews.com', 'AP', 'Associated Press', 'The Associated Press'],
  ['bbc.co.uk', 'BBC', 'BBC News'],
  ['bbc.com', 'BBC', 'BBC News'],
  ['theguardian.com', 'The Guardian', 'Guardian', 'Guardian News & Media'],
  ['washingtonpost.com', 'The Washington Post', 'Washington Post'],
  ['newsweek.com', 'Newsweek', 'Newsweek Digital'],
  ['nbcnews.com', 'NBC News', 'NBC'],
  ['cbsnews.com', 'CBS News', 'CBS'],
  ['abcnews.go.com', 'ABC News', 'ABC'],
  ['npr.org', 'NPR', 'National Public Radio'],
  ['politico.com', 'Politico', 'POLITICO'],
  ['bloomberg.com', 'Bloomberg', 'Bloomberg News', 'Bloomberg L.P.'],
  ['ft.com', 'Financial Times', 'The Financial Times'],
  ['usatoday.com', 'USA Today', 'USA TODAY'],
  ['latimes.com', 'Los Angeles Times', 'LA Times'],
  ['axios.com', 'Axios'],
  ['thehill.com', 'The Hill'],
  ['aljazeera.com', 'Al Jazeera'],
  ['afp.com', 'AFP', 'Agence France-Presse'],
  ['economist.com', 'The Economist', 'Economist'],
  ['time.com', 'Time', 'TIME'],
  ['nypost.com', 'New York Post', 'The New York Post'],
  ['msnbc.com', 'MSNBC'],
  ['cnbc.com', 'CNBC'],
  ['telegraph.co.uk', 'The Telegraph', 'Telegraph'],
  ['independent.co.uk', 'The Independent', 'Independent'],
  ['dw.com', 'DW', 'Deutsche Welle'],
  ['france24.com', 'France 24'],
  ['kyivindependent.com', 'The Kyiv Independent', 'Kyiv Independent'],
  ['themoscowtimes.com', 'The Moscow Times', 'Moscow Times'],
  ['tass.com', 'TASS'],
  ['rferl.org', 'Radio Free Europe/Radio Liberty', 'RFE/RL'],
]

const BY_DOMAIN = new Map<string, Outlet>()
const BY_NAME = new Map<string, Outlet>()
for (const [domain, name, ...aliases] of OUTLETS) {
  const outlet = { name, domain }
  BY_DOMAIN.set(domain, outlet)
  for (const alias of [name, ...aliases]) if (!BY_NAME.has(alias.toLowerCase())) BY_NAME.set(alias.toLowerCase(), outlet)
}

/** The outlet of a host name or e-mail domain ("edition.cnn.com", "wsj.com"), or null. */
export function outletByDomain(host: string): Outlet | null {
  const labels = host.toLowerCase().replace(/^www\./, '').split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const outlet = BY_DOMAIN.get(labels.slice(i).join('.'))
    if (outlet) return { ...outlet }
  }
  return null
}

/** Longest outlet name read: past it a "name" is a page's text in a metadata field, not a name. */
const MAX_NAME_CHARS = 200

/** `text` without the trailing characters `strip` accepts: linear, where `/[…]+$/` retries the run from each of its characters. */
function trimEndWhile(text: string, strip: (code: number) => boolean): string {
  let end = text.length
  while (end > 0 && strip(text.charCodeAt(end - 1))) end--
  return text.slice(0, end)
}

const isSpaceCommaOrPeriod = (c: number) => c === 44 || c === 46 || c === 32 || (c >= 9 && c <= 13) || c === 160

/** Strips corporate suffixes so "Cable News Network, Inc., a Warner Bros. Discovery Company" names the network. */
function stripCorporate(name: string): string {
  // The corporate suffix is matched on the trimmed end only: an end-anchored pattern over a long
  // run of commas or spaces retries from each of them (100,000 commas took 17-27 s).
  const withoutOwner = name.slice(0, MAX_NAME_CHARS).replace(/,?\s+(?:an?|part of)\s.*$/i, '')
  const tail = withoutOwner.slice(-24)
  const suffix = /,?\s+(?:inc|llc|ltd|limited|plc|corp|corporation|co|company|gmbh|s\.a)\.?,?$/i.exec(tail)
  const withoutSuffix = suffix ? withoutOwner.slice(0, withoutOwner.length - tail.length + suffix.index) : withoutOwner
  return trimEndWhile(withoutSuffix, isSpaceCommaOrPeriod).trim()
}

/**
 * The outlet named `name`: the table's canonical name and domain when known ("Cable News Network,
 * Inc." -> CNN), else the name as given (corporate suffix removed). Null for an empty name.
 */
export function outletByName(name: string): Outlet | null {
  const cleaned = stripCorporate(name.replace(/\s+/g, ' ').trim())
  if (!cleaned) return null
  const known = BY_NAME.get(cleaned.toLowerCase()) ?? BY_NAME.get(name.trim().toLowerCase())
  return known ? { ...known } : { name: cleaned }
}

/** True when `name` is a known outlet name or alias (used to tell an outlet from a person in a byline). */
export function isKnownOutletName(name: string): boolean {
  return BY_NAME.has(stripCorporate(name).toLowerCase())
}

/** Same outlet? Compares canonical names, so "Cable News Network" equals "CNN". */
export function sameOutlet(a: string, b: string): boolean {
  return outletByName(a)?.name.toLowerCase() === outletByName(b)?.name.toLowerCase()
}
