/**
 * HTML character references left in scraped plain text ("Trump&#8217;s", "AT&amp;T"). Only
 * well-formed references are decoded: numeric ones and a short table of common names.
 */

// No prototype: a word such as "constructor" must find nothing here, not Object's function.
const NAMED: Record<string, string> = Object.assign(Object.create(null), {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®',
  trade: '™', eacute: 'é', egrave: 'è', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú',
  ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', euro: '€', pound: '£', deg: '°',
})

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi

function fromCodePoint(code: number, original: string): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : original
}

/**
 * Decodes HTML character references in plain text; unknown names are left as they are.
 * @example decodeEntities('Trump&#8217;s &quot;deal&quot;') // 'Trump’s "deal"'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal) return fromCodePoint(Number(decimal), match)
    if (hex) return fromCodePoint(Number.parseInt(hex, 16), match)
    return NAMED[(name ?? '').toLowerCase()] ?? match
  })
}
