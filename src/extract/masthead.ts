/**
 * Mastheads: the outlet's own name printed above a scraped article ("The Example Courier",
 * "EPR Example Public Radio"). They are found by comparing header lines with the names the text
 * gives its outlet elsewhere (copyright holder, author e-mail domain, the outlet table), and, when
 * the text names none, by shape: a short capitalised name ending in a newspaper word.
 */
import { isKnownOutletName } from './outlets.js'

/** "© 2026 Example Media. All rights reserved." -> "Example Media" (group 1). */
const COPYRIGHT_HOLDER = /^(?:copyright\b|[©™®&\s]|\(c\))*\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+?)\.?\s*(?:all rights reserved.*)?$/i
const EMAIL_LABEL = /@(?:[\w-]+\.)*?([\w-]+)\.[a-z]{2,}\b/gi
/** An all-capitals token of two to six letters: the outlet's initials ("EPR", "BBC"). */
const ACRONYM = /^\p{Lu}{2,6}$/u
const PUNCTUATION = /[^\p{L}\p{N}& ]+/gu
/** Words that end or make up a news outlet's name (lexicon for mastheads no other line names). */
const OUTLET_WORD = /^(?:news|times|post|journal|herald|tribune|gazette|courier|observer|guardian|telegraph|express|chronicle|radio|daily|weekly|standard|mail|star|sun|independent|agency|wire|press|register|record|inquirer|examiner|bulletin|dispatch|monitor|sentinel|globe|mirror|review|network|media|tv|television|broadcasting|report|reporter|leader|echo|advertiser|argus|beacon|ledger|enquirer)$/i
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’&.-]*|of|the|and|&|on)$/u
/** Longest masthead, in words. */
const MAX_MASTHEAD_WORDS = 6

/** The holder named in a copyright line, or null. */
export function copyrightHolder(line: string): string | null {
  return COPYRIGHT_HOLDER.exec(line)?.[1]?.trim() || null
}

/** Lower case, no punctuation, no leading "the": "The Example Courier." -> "example courier". */
function normalise(name: string): string {
  return name.toLowerCase().replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim().replace(/^the /, '')
}

/** Initials of a name's capitalised words: "Example Public Radio" -> "EPR". */
function initials(name: string): string {
  return name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && w !== 'The').map((w) => w[0]).join('')
}

/** The outlet names a text gives itself: copyright holders and author e-mail domains (as labels). */
export function selfNames(copyrightLines: readonly string[], contactLines: readonly string[]): string[] {
  const names = copyrightLines.map(copyrightHolder).filter((n): n is string => n !== null)
  for (const line of contactLines) for (const m of line.matchAll(EMAIL_LABEL)) names.push(m[1])
  return names
}

/** The line without a leading or trailing acronym: "EPR Example Public Radio" -> "Example Public Radio". */
export function mastheadName(line: string): string {
  const words = line.trim().split(/\s+/)
  if (words.length >= 3 && ACRONYM.test(words[0]) && initials(words.slice(1).join(' ')).startsWith(words[0][0])) return words.slice(1).join(' ')
  if (words.length >= 3 && ACRONYM.test(words[words.length - 1])) return words.slice(0, -1).join(' ')
  return line.trim()
}

/** True when the line is one of `names` (or the table's outlets), alone or with its initials. */
export function isNamedMasthead(line: string, names: readonly string[]): boolean {
  if (line.split(/\s+/).length > MAX_MASTHEAD_WORDS + 1) return false
  const bare = normalise(mastheadName(line))
  if (!bare) return false
  if (isKnownOutletName(line) || isKnownOutletName(mastheadName(line))) return true
  const squeezed = bare.replace(/ /g, '')
  return names.some((name) => {
    const wanted = normalise(name)
    return wanted === bare || wanted.replace(/ /g, '') === squeezed || (ACRONYM.test(line.trim()) && initials(name) === line.trim())
  })
}

/**
 * Shaped like an outlet's name: a few capitalised words, no digits, the last one a newspaper word
 * ("Herald", "Radio") or the first an acronym. Only trusted above another headline-shaped line.
 */
export function looksLikeMasthead(line: string): boolean {
  const words = line.trim().split(/\s+/)
  if (words.length < 2 || words.length > MAX_MASTHEAD_WORDS || /\d/.test(line)) return false
  if (!words.every((w) => NAME_WORD.test(w))) return false
  return OUTLET_WORD.test(words[words.length - 1]) || (ACRONYM.test(words[0]) && words.length >= 3)
}
