/**
 * The one name key: one spelling key per name (`normalizeName`, `nameTokens`, `nameKey`) and
 * a tolerant equality (`sameName`) that treats transliteration variants as one name ("Zelensky",
 * "Zelenskyy", "Zelenskiy") by folding letters that transliteration schemes swap, then allowing a
 * small edit distance relative to length. The rules are about letters, but for one short list: the
 * familiar forms of English given names ("Jim" / "James", "Chuck" / "Charles"), which no letter
 * rule can find, and a few more: abbreviations that are not initials ("GOP"), US states' and
 * titles' abbreviations ("Calif.", "Rep."), place words abbreviated before a name ("Ft. Myers" is
 * Fort Myers, `expandPlaceWords`). A nickname in quotation marks inside a name (James
 * “Mad Dog” Mattis) is no part of its key; a body's acronym is its key ("DNC").
 * Entity merging, speaker matching, fact alignment and clustering all key names here.
 */
import { boundedCache } from './cache.js'

const MARKS = /\p{M}+/gu
const APOSTROPHES = /['’‘`´]/g
const POSSESSIVE = /['’]s\b/gi
const NON_NAME = /[^\p{L}\p{N}]+/gu
// "U.S." -> "US": dots inside an acronym are not word breaks.
const ACRONYM_DOT = /\b(\p{L})\.(?=\p{L}\b)/gu
/** Generational suffixes after a surname, lower-cased without dots ("Jr." -> "jr"). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv'])

// Story building normalises and tokenises the same few names over and over; bounded memos turn the
// chain of Unicode replacements into one lookup.
const MAX_MEMO = 8192
const normalized = boundedCache<string, string>(MAX_MEMO)

/** Lowercase, no diacritics, no possessive "'s", punctuation and hyphens as single spaces. */
export function normalizeName(name: string): string {
  return normalized.get(name, normalizeUncached)
}

/** A nickname in quotation marks between two words of a name: James “Mad Dog” Mattis. */
const QUOTED_NICKNAME = /(\S)\s+["“‘'][^"“”‘’]{1,30}["”’']\s+(?=\S)/gu

/** The nickname in quotation marks of a name and the word after it: James “Mad Dog” Mattis -> “Mad Dog” Mattis. */
const NICKNAME_AND_REST = /\S\s+["“‘'']([^"“”‘’]{1,30})["”’']\s+(\S.*)$/u

/**
 * The name a quoted nickname makes of a full name, normalised: James “Mad Dog” Mattis -> "mad dog
 * mattis" (what another outlet writes without the given name or the marks); null without one.
 * @example nicknameName('James "Mad Dog" Mattis') // 'mad dog mattis'
 */
export function nicknameName(name: string): string | null {
  const m = NICKNAME_AND_REST.exec(name)
  return m ? normalizeName(`${m[1]} ${m[2]}`) || null : null
}

function normalizeUncached(name: string): string {
  return name
    .replace(QUOTED_NICKNAME, '$1 ')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(ACRONYM_DOT, '$1')
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(NON_NAME, ' ')
    .trim()
}

const tokenized = boundedCache<string, readonly string[]>(MAX_MEMO)

/** The tokens of a name that identify it: normalised, without initials and generational suffixes. */
export function nameTokens(name: string): readonly string[] {
  return tokenized.get(name, identifyingTokens)
}

function identifyingTokens(name: string): readonly string[] {
  const tokens = normalizeName(name).split(' ').filter((t) => t.length > 0)
  const kept = tokens.filter((t) => t.length > 1 && !NAME_SUFFIXES.has(t))
  // Frozen: the array is shared by every caller asking about this name.
  return Object.freeze(kept.length > 0 ? kept : tokens)
}

// Ordered: digraphs first (kh -> h before the y/i fold), endings after the letter folds.
const FOLDS: [RegExp, string][] = [
  [/kh/g, 'h'],
  [/ks/g, 'x'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
  [/(.)\1+/g, '$1'],
  [/ff?$/g, 'v'],
]
// Any place a fold applies; most tokens have none, and then no fold can change them.
const FOLDABLE = /kh|ks|ck|ph|w|[yj]|(.)\1|f$/

/** Transliteration skeleton of one normalised token: "zelenskyy" and "zelenskiy" both give "zelenski". */
export function foldToken(token: string): string {
  if (!FOLDABLE.test(token)) return token
  let out = token
  for (const [re, to] of FOLDS) out = out.replace(re, to)
  return out
}

/**
 * Edit distance with a swap of two neighbouring letters as one edit ("Priebus" / "Preibus", the
 * commonest misspelling of a name; optimal string alignment; `swaps` false: Levenshtein), giving
 * up (returning `bound + 1`) once it exceeds `bound`.
 */
export function boundedEditDistance(a: string, b: string, bound: number, swaps = true): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  let before: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  let prevMin = 0
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1)
      if (cur[j] < rowMin) rowMin = cur[j]
    }
    // A swap reads two rows back: give up only when both rows are past the bound.
    if (rowMin > bound && prevMin > bound) return bound + 1
    before = prev
    prev = cur
    prevMin = rowMin
  }
  return Math.min(prev[b.length], bound + 1)
}

/** Edits allowed between two folded tokens: none for short tokens, where one letter makes a new name. */
function editBound(length: number): number {
  if (length >= 10) return 2
  if (length >= 6) return 1
  return 0
}

/** Two name tokens are one spelling: same skeleton, or close skeletons with the same first letter. */
export function sameToken(a: string, b: string, swaps = true): boolean {
  if (a === b) return true
  const fa = foldToken(a)
  const fb = foldToken(b)
  if (fa === fb) return true
  if (fa[0] !== fb[0]) return false
  // A trailing "a" marks a different person in many languages (Ivanov / Ivanova, Daniel / Daniela).
  if (fa + 'a' === fb || fb + 'a' === fa) return false
  return boundedEditDistance(fa, fb, editBound(Math.min(fa.length, fb.length)), swaps) <= editBound(Math.min(fa.length, fb.length))
}

/**
 * English given names and their familiar forms, one group a line (written from general knowledge,
 * not from any article). A form may belong to several names: "Ted" is Edward's and Theodore's.
 */
const GIVEN_NAME_GROUPS = `
abigail abby | albert al bert | alexander alex al sandy | alexandra alex sandra sandy | alfred al alf fred |
andrew andy drew | anthony tony | barbara barb barbie | benjamin ben benny | bernard bernie |
catherine cathy kate katie | katherine kathy kate katie kathryn | charles chuck charlie chas chaz |
christopher chris kit | christine chris chrissy | christina chris tina | daniel dan danny |
david dave davey | deborah debbie deb debra | donald don donny | douglas doug | edward ed eddie ted ned |
elizabeth liz beth betsy betty eliza lizzie libby | frederick fred freddie | gerald jerry gerry |
gregory greg | harold hal harry | henry hank harry | james jim jimmy jamie | jeffrey jeff geoffrey |
jennifer jen jenny | john jack johnny jon | jonathan jon jonny | joseph joe joey | joshua josh |
kenneth ken kenny | kimberly kim | lawrence larry | leonard len lenny leo | margaret maggie meg peggy marge |
matthew matt | michael mike mick mickey | mitchell mitch | nicholas nick nicky | patricia pat patty trish tricia |
patrick pat paddy | peter pete | philip phil | raymond ray | rebecca becky becca | richard rick dick rich richie |
robert bob bobby rob robbie bert | ronald ron ronnie | samuel sam sammy | stephen steve stevie steven |
steven steve stevie stephen | susan sue susie suzanne | theodore ted teddy theo | thomas tom tommy |
timothy tim timmy | victoria vicky tori | william bill billy will willie liam | zachary zach zack
`
/** Each given name or form, with the groups (indexes) it belongs to. */
const GIVEN_NAME_FORMS = new Map<string, number[]>()
GIVEN_NAME_GROUPS.split('|').forEach((line, group) => {
  for (const form of line.trim().split(/\s+/)) GIVEN_NAME_FORMS.set(form, [...(GIVEN_NAME_FORMS.get(form) ?? []), group])
})

/** A normalised token is a given name or a familiar form of one we know ("jim", "william"). */
export function isGivenName(token: string): boolean {
  return GIVEN_NAME_FORMS.has(token)
}

/** Two normalised given names are forms of one name: "jim" and "james", "chuck" and "charles". */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true
  const ga = GIVEN_NAME_FORMS.get(a)
  const gb = GIVEN_NAME_FORMS.get(b)
  return ga !== undefined && gb !== undefined && ga.some((g) => gb.includes(g))
}

/**
 * True when two names are spellings of one name: same number of identifying tokens, each pair
 * `sameToken`; in a name of two or more tokens, the first (the given name) may also be a familiar
 * form of the other's ("Jim Mattis", "James Mattis"). A bare surname is not the same name as a
 * full name (attaching it needs context).
 * @example sameName('Yuri Ushakov', 'Yury Ushakov') // true
 * @example sameName('Chuck Schumer', 'Charles Schumer') // true
 */
export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a)
  const tb = nameTokens(b)
  if (ta.length === 0 || ta.length !== tb.length) return false
  // A given name with two letters swapped is often another name ("Kristen" / "Kirsten"); a surname rarely.
  return ta.every((t, i) => sameToken(t, tb[i], i > 0 || ta.length === 1) || (i === 0 && ta.length > 1 && sameGivenName(t, tb[i])))
}

/**
 * True when `text` (a role, a title, a speaker's full description) names `name` as a run of its
 * words, spelling variants allowed; a leading "the" does not count.
 * @example mentionsName('Kremlin aide', 'the Kremlin') // true
 */
export function mentionsName(text: string, name: string): boolean {
  const wanted = nameTokens(name).filter((t) => t !== 'the')
  if (wanted.length === 0) return false
  const words = normalizeName(text).split(' ')
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((t, k) => sameToken(t, words[i + k]))) return true
  }
  return false
}

/**
 * Familiar abbreviations that are not the initials of the name they stand for, and two-word names
 * whose initials are their usual abbreviation (written from general knowledge): name -> key.
 */
const ABBREVIATION_OF = new Map([
  ['republican party', 'gop'],
  ['grand old party', 'gop'],
  ['united states', 'us'],
  ['united states of america', 'us'],
  ['usa', 'us'],
  ['united nations', 'un'],
  ['european union', 'eu'],
  ['united kingdom', 'uk'],
])

// Words an acronym skips: "Federal Bureau of Investigation" is FBI.
const ACRONYM_SKIPS = new Set(['of', 'the', 'for', 'and', 'on', 'to', 'in', 'at'])
// A name of at least this many words keys by its initials ("Democratic National Committee" is
// "dnc", as "DNC" is). Two-word names do not: their initials too often meet another name of the
// story ("Super Bowl" and "SB 1062", "Supreme Court" and "S.C.").
const MIN_ACRONYM_WORDS = 3

/**
 * Place words newspapers abbreviate before a name ("Ft. Myers", "Mt. Hood", "St. Louis"), and the
 * word each stands for (general knowledge).
 */
const PLACE_WORDS: Record<string, string> = { Ft: 'Fort', Mt: 'Mount', St: 'Saint' }
// The abbreviation with its full stop, before a capitalised word.
const PLACE_WORD = /\b(Ft|Mt|St)\.(?=\s+\p{Lu})/gu
// The cheap test first: most texts read here (claims, names) hold none.
const PLACE_WORD_ANYWHERE = /[FMS]t\./
// A number among the two words before: a numbered street ("5th St.", "100 Main St.") or a measure ("30 Ft. Tall").
const NUMBER_BEFORE = /(?:^|\s)\d\S*\s+(?:\S+\s+)?$/

/**
 * The text with a place word abbreviated before a name written out ("Ft. Myers" -> "Fort Myers"),
 * wherever it stands, so every outlet's form of one name reads alike, but after a number ("5th St.
 * Tuesday", "30 Ft. Tall"). A street ending a sentence before a capitalised word ("on Elm St.
 * Police said") is misread: no rule of spelling tells it from "Port St. Lucie".
 * @example expandPlaceWords('in Ft. Myers and 5th St. Tuesday') // 'in Fort Myers and 5th St. Tuesday'
 */
export function expandPlaceWords(text: string): string {
  if (!PLACE_WORD_ANYWHERE.test(text)) return text
  return text.replace(PLACE_WORD, (written, short: string, at: number) => (NUMBER_BEFORE.test(text.slice(Math.max(0, at - 40), at)) ? written : PLACE_WORDS[short]))
}

/** The key of a normalised name that is not a person's: an abbreviation and the name it stands for share one. */
function bodyKey(normalized: string): string {
  const key = normalized.replace(/^the /, '')
  const known = ABBREVIATION_OF.get(key) ?? stateKeys().get(key)
  if (known) return known
  const words = key.split(' ').filter((w) => !ACRONYM_SKIPS.has(w))
  // Initials of words only: a name with a figure in it ("Group of 20") is not an acronym.
  if (words.length >= MIN_ACRONYM_WORDS && words.every((w) => /^\p{L}/u.test(w))) return words.map((w) => w[0]).join('')
  return key
}

/**
 * The key a name is compared by across articles' claims. A person's is the surname alone (initials
 * and "Jr." aside), so "Vladimir Putin", "Putin" and "Vladimir V. Putin" meet, as do "Bob Bauer" and
 * "Robert F. Bauer". Any other name keys so that its abbreviation meets it: a name of three or more
 * words by its initials ("Democratic National Committee" and "DNC" are "dnc"), a few familiar
 * abbreviations by themselves ("Republican Party" and "GOP" are "gop"), a state's abbreviation by
 * the state ("Calif." and "California" are "california"; a party tag, "R-Calif.", is not: see
 * `expandAbbreviations`), a place word abbreviated before a name by the word ("Ft. Myers" and
 * "Fort Myers" are "fort myers"; "ST Microelectronics", with no full stop, stays as it is).
 * @example nameKey('Vladimir Putin', 'person') // 'putin'
 * @example nameKey('Democratic National Committee', 'organization') // 'dnc'
 */
export function nameKey(name: string, type?: string): string {
  if (type !== 'person') return bodyKey(normalizeName(expandPlaceWords(name)))
  const tokens = nameTokens(name)
  return tokens[tokens.length - 1] ?? ''
}

// Words of a name at most, when looking for a name's key among a text's words.
const MAX_NAME_WORDS = 6

/**
 * Whether some run of the text's words is a name keyed `key` (see `nameKey`): the words that
 * name "the Democratic National Committee" hold the key "dnc", as "DNC" does.
 * @example mentionsKey('a 25% levy on the European Union', 'eu') // true
 */
export function mentionsKey(text: string, key: string): boolean {
  const words = normalizeName(expandPlaceWords(text)).split(' ')
  for (let i = 0; i < words.length; i++) {
    if (words[i] === key) return true
    for (let k = i + 1; k <= Math.min(words.length, i + MAX_NAME_WORDS); k++) if (bodyKey(words.slice(i, k).join(' ')) === key) return true
  }
  return false
}

/** Titles written before names, abbreviated, and the word each stands for (general knowledge). */
const TITLES: Record<string, string> = {
  Rep: 'Representative', Reps: 'Representatives', Sen: 'Senator', Sens: 'Senators', Gov: 'Governor',
  Lt: 'Lieutenant', Gen: 'General', Atty: 'Attorney', Sgt: 'Sergeant', Adm: 'Admiral', Capt: 'Captain',
  Col: 'Colonel', Cmdr: 'Commander', Supt: 'Superintendent', Pres: 'President', Sec: 'Secretary',
  Rev: 'Reverend', Amb: 'Ambassador', Asst: 'Assistant', Dept: 'Department',
}

/**
 * US states and the abbreviations newspapers write for them (AP style, general knowledge). Postal
 * codes are left out: "Ms.", "Co." and "Oh." are other words.
 */
const STATES: Record<string, string> = {
  Ala: 'Alabama', Ariz: 'Arizona', Ark: 'Arkansas', Calif: 'California', Cal: 'California', Colo: 'Colorado',
  Conn: 'Connecticut', Del: 'Delaware', Fla: 'Florida', Ga: 'Georgia', Ill: 'Illinois', Ind: 'Indiana',
  Kan: 'Kansas', Kans: 'Kansas', Ky: 'Kentucky', La: 'Louisiana', Md: 'Maryland', Mass: 'Massachusetts',
  Mich: 'Michigan', Minn: 'Minnesota', Mo: 'Missouri', Mont: 'Montana', Neb: 'Nebraska', Nebr: 'Nebraska',
  Nev: 'Nevada', 'N.H': 'New Hampshire', 'N.J': 'New Jersey', 'N.M': 'New Mexico', 'N.Y': 'New York',
  'N.C': 'North Carolina', 'N.D': 'North Dakota', Okla: 'Oklahoma', Ore: 'Oregon', Oreg: 'Oregon',
  Pa: 'Pennsylvania', Penn: 'Pennsylvania', Penna: 'Pennsylvania', 'R.I': 'Rhode Island', 'S.C': 'South Carolina',
  'S.D': 'South Dakota', Tenn: 'Tennessee', Tex: 'Texas', Vt: 'Vermont', Va: 'Virginia', Wash: 'Washington',
  'W.Va': 'West Virginia', Wis: 'Wisconsin', Wisc: 'Wisconsin', Wyo: 'Wyoming',
}
/**
 * A state's abbreviation as written before a title abbreviation ("Ariz." of "Ariz. Gov. Jan
 * Brewer"): the state, then the title; `word` without its final full stop ("Ariz", "N.Y").
 */
export function stateBeforeTitle(word: string, next: string): boolean {
  return Object.hasOwn(STATES, word) && !WORDLIKE_STATES.has(word) && Object.hasOwn(TITLES, next.replace(/\.$/, '')) && next.endsWith('.')
}

/**
 * The US state a word after a town names ("Tex" of "Kerrville, Tex.", without its full stop; "Ohio"
 * of "Dayton, Ohio"), or null. One-word names and the abbreviations above only.
 */
export function stateAfterTown(word: string, abbreviated: boolean): string | null {
  if (abbreviated) return Object.hasOwn(STATES, word) ? STATES[word] : null
  stateNames ??= new Set([...Object.values(STATES).filter((name) => !name.includes(' ')), ...UNABBREVIATED_STATES])
  return stateNames.has(word) ? word : null
}
let stateNames: Set<string> | undefined
/** States newspapers never abbreviate (AP style), so not in STATES. */
const UNABBREVIATED_STATES = ['Alaska', 'Hawaii', 'Idaho', 'Iowa', 'Maine', 'Ohio', 'Utah']

// State abbreviations that are also words or names a sentence may end with ("attended Mass.", "at Penn.", "Mo.").
const WORDLIKE_STATES = new Set(['Mass', 'Penn', 'Penna', 'Cal', 'Ill', 'Ind', 'Del', 'La', 'Mo'])

// Abbreviations that, lower-cased as name keys are, mostly name something else: "LA" is Los Angeles, "Cal" and "Penn" universities.
const NOT_STATE_KEYS = new Set(['La', 'Cal', 'Penn'])
let stateKeyMap: Map<string, string> | undefined

/** Normalised state abbreviation -> the state's normalised name ("calif" -> "california", "ny" -> "new york"). */
function stateKeys(): Map<string, string> {
  stateKeyMap ??= new Map(Object.entries(STATES).filter(([short]) => !NOT_STATE_KEYS.has(short)).map(([short, state]) => [normalizeName(short), normalizeName(state)]))
  return stateKeyMap
}

// A title or a state abbreviation as written: capitalised, with its full stop ("Rep.", "Calif.", "N.Y.").
const WRITTEN_ABBREVIATION = /\b(W\.Va|[A-Z]\.[A-Z]|[A-Z][a-z]{1,4})\.(?=[\s,;:)'’"”-]|$)/g

/**
 * The text with titles, state abbreviations and place words before a name written out, so that
 * "Rep." and "Representative", "Calif." and "California", "Ft. Myers" and "Fort Myers" are one word to whoever reads its words (lengths change: read offsets
 * before). Only a capitalised abbreviation with its full stop counts.
 * A party tag ("R-Iowa") is read as words here, not keyed as the state in `nameKey`: it describes
 * the politician beside it, and the state a story happens in is named by most of its claims (on
 * BASIL 2010-2014, keying tags as states joined claims that share only their setting).
 * @example expandAbbreviations('Rep. Darrell Issa, R-Calif.') // 'Representative Darrell Issa, R-California'
 */
export function expandAbbreviations(text: string): string {
  return expandPlaceWords(text).replace(WRITTEN_ABBREVIATION, (written, short: string) => TITLES[short] ?? STATES[short] ?? written)
}
