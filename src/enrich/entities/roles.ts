/**
 * Roles next to a person's name, kept apart from the name: before it ("Kremlin spokesman Dmitry
 * Peskov", "Secretary of State Marco Rubio") or as an appositive after it ("Yuri Ushakov, Putin’s
 * foreign policy adviser").
 */
import type { Span } from '../../types.js'
import { isTitleWord, titleKey } from './candidates.js'
import { ORGANIZATIONS, ROLE_HEADS } from './lexicon.js'
import type { Token } from './tokens.js'

export interface Role {
  role: string
  roleSpan: Span
}

const MAX_ROLE_WORDS = 8
const MAX_APPOSITIVE_TAIL = 6
const DETERMINER = /^(?:the|a|an)$/i
/** Words that may carry a role on to the clause end: "adviser to X", "official leading the inquiry". */
const ROLE_LINK = /^(?:for|of|to|at|on|[a-z]{2,}ing)$/
const CLAUSE_END = /^\s*(?:[,.;:)]|—|–|$)/u
/** Lowercase words that narrow a title written after them ("harbour master", "transport commissioner"). */
const ROLE_MODIFIERS = new Set(
  'harbour harbor port fire police transport health education regional local city county district federal provincial municipal'.split(' '),
)

/** The role written right before the name that starts at token `from`, starting at or after the entity `previous` (token range) before it, never inside it; or null. */
export function roleBefore(text: string, tokens: readonly Token[], from: number, previous?: readonly [from: number, to: number]): Role | null {
  let k = from
  let headSeen = false
  while (k > 0 && from - k < MAX_ROLE_WORDS && (tokens[k].joined || abbreviatedTitle(text, tokens, k))) {
    const t = tokens[k - 1]
    if (t.possessive) break
    if (isTitleWord(t)) {
      headSeen ||= ROLE_HEADS.has(titleKey(t.text))
      k--
    } else if (t.text === 'of' && k - 2 >= 0 && isTitleWord(tokens[k - 2]) && k < from) {
      k--
    } else if (k < from && ROLE_MODIFIERS.has(t.text.toLowerCase())) {
      k--
    } else if (k < from && orgBefore(tokens, k) > 0) {
      k -= orgBefore(tokens, k) // "Kremlin spokesman", "White House press secretary"
    } else break
  }
  // "Department of Homeland Security Secretary": the role starts after the organisation it cut into.
  if (previous && previous[0] < k && k < previous[1]) k = previous[1]
  if (k === from || !headSeen) return null
  // "tried to whip Tom Pell", "to head the panel": one lowercase head word after "to" is a verb.
  if (k === from - 1 && k > 0 && tokens[k - 1].text.toLowerCase() === 'to' && /^\p{Ll}/u.test(tokens[k].text)) return null
  // Leading "of" or a dangling organisation without a title after it is not part of the role.
  while (k < from && tokens[k].text === 'of') k++
  const start = tokens[k].start
  const end = tokens[from - 1].end + (text[tokens[from - 1].end] === '.' ? 1 : 0)
  return { role: text.slice(start, end), roleSpan: [start, end] }
}

/** "Sen. Evan Bayh": a title abbreviation before token `k`, its dot and one space between. */
function abbreviatedTitle(text: string, tokens: readonly Token[], k: number): boolean {
  // An abbreviation, not a title word ending the sentence before ("spoke first. Mr. Pell", "met the Pope. Mr. Pell").
  const t = tokens[k - 1].text
  return text.slice(tokens[k - 1].end, tokens[k].start) === '. ' && /^\p{Lu}/u.test(t) && TITLE_ABBREVIATIONS.has(titleKey(t))
}

/** Title words written abbreviated before a dot ("Sen.", "Lt. Gen.", "Supt."). */
const TITLE_ABBREVIATIONS = new Set(
  'sen rep reps sens gov gen lt col adm capt sgt maj dr mr mrs ms prof rev supt atty asst dist brig lieut cmdr amb sec cpl pvt insp det fr msgr gens cdr sr jr'.split(' '),
)

/** How many tokens before `k` form a known organisation name (0 if none). */
function orgBefore(tokens: readonly Token[], k: number): number {
  for (let n = 3; n >= 1; n--) {
    if (k - n < 0) continue
    let phrase = ''
    for (let j = k - n; j < k; j++) phrase += (j > k - n ? ' ' : '') + tokens[j].text
    if (ORGANIZATIONS.has(phrase) && !tokens[k - 1].possessive) return n
  }
  return 0
}

/**
 * An appositive role after the name ending at token `to - 1`: ", [the] (possessive | title |
 * capitalised)* HEAD [for|of|to ...]" up to the end of the clause.
 */
export function roleAfter(text: string, tokens: readonly Token[], to: number): Role | null {
  const first = tokens[to]
  if (!first || !/^\s*,\s*$/.test(text.slice(tokens[to - 1].end + (tokens[to - 1].possessive ? 2 : 0), first.start))) return null
  let k = to
  if (DETERMINER.test(tokens[k].text)) k++
  const roleStart = tokens[k]?.start
  let headAt = -1
  for (let n = 0; k < tokens.length && n < MAX_ROLE_WORDS; n++, k++) {
    const t = tokens[k]
    if (k > to && !t.joined) break
    if (ROLE_HEADS.has(titleKey(t.text))) headAt = k
    else if (!(t.possessive || t.cap || isTitleWord(t))) break
  }
  if (headAt < 0 || roleStart === undefined) return null
  let end = headAt + 1
  if (tokens[end] && tokens[end].joined && ROLE_LINK.test(tokens[end].text)) {
    let j = end + 1
    while (j < tokens.length && j - end <= MAX_APPOSITIVE_TAIL && tokens[j].joined) j++
    // The tail must reach the end of the clause, or it is the start of a new one.
    for (let e = j; e > end + 1; e--) {
      if (CLAUSE_END.test(text.slice(tokens[e - 1].end + (tokens[e - 1].possessive ? 2 : 0), tokens[e - 1].end + 8))) {
        end = e
        break
      }
    }
  }
  const stop = tokens[end - 1].end
  const rest = text.slice(stop, stop + 12)
  if (!CLAUSE_END.test(rest) && !/^\s+(?:and|who|said)\b/.test(rest)) return null
  return { role: text.slice(roleStart, stop), roleSpan: [roleStart, stop] }
}
