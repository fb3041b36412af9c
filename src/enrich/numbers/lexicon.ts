/**
 * Word lists for number finding: cardinal words, scales, currencies, approximation cues and unit
 * nouns. Lexicons are data, kept apart from the stages that read them.
 */
import type { NumberMention } from '../../types.js'

export type Approx = NonNullable<NumberMention['approx']>

/** Cardinal words below one hundred. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
])

/** Multiplying words; `dozen` behaves like a scale ("two dozen" = 24). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['dozen', 12], ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9],
  ['trillion', 1e12],
])

/** Compact scale suffixes written against digits ("$200m", "10bn"). `m`/`k`/`b` need a currency. */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['b', 1e9], ['bn', 1e9], ['tn', 1e12], ['trn', 1e12],
])
/** Suffixes that are unambiguous without a currency sign ("10bn barrels"). */
export const STANDALONE_SUFFIXES: ReadonlySet<string> = new Set(['bn', 'mn', 'mln', 'tn', 'trn'])

/**
 * Plural scale words used alone ("dozens", "hundreds of families"). Value is the smallest amount
 * the plural can mean (two of the scale) and approx is `at least`: "dozens" is never fewer than 24.
 */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 24], ['scores', 40], ['hundreds', 200], ['thousands', 2000], ['millions', 2e6],
  ['billions', 2e9],
])

/** Fraction words; unit `fraction`. Only read after "a"/"one"/a cardinal, or "half" before a noun. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 0.5], ['halves', 0.5], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 0.25],
  ['quarters', 0.25], ['fifth', 0.2], ['fifths', 0.2], ['tenth', 0.1], ['tenths', 0.1],
])

/** Currency signs and codes written before the amount. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['€', 'EUR'], ['eur', 'EUR'], ['£', 'GBP'],
  ['gbp', 'GBP'], ['₽', 'RUB'], ['rub', 'RUB'], ['¥', 'JPY'], ['₴', 'UAH'], ['c$', 'CAD'], ['a$', 'AUD'],
])

/** Currency words written after the amount ("5 million rubles"). Bare "pounds" is left as weight. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['ruble', 'RUB'],
  ['rubles', 'RUB'], ['rouble', 'RUB'], ['roubles', 'RUB'], ['pounds sterling', 'GBP'],
  ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['yen', 'JPY'],
])

/** Words before a number that qualify it, longest first so "no more than" beats "more than". */
export const APPROX_CUES: readonly (readonly [string, Approx])[] = [
  ['no fewer than', 'at least'], ['no less than', 'at least'], ['a minimum of', 'at least'],
  ['no more than', 'up to'], ['as many as', 'up to'], ['as much as', 'up to'], ['a maximum of', 'up to'],
  ['in excess of', 'more than'], ['upwards of', 'more than'], ['more than', 'more than'],
  ['greater than', 'more than'], ['at least', 'at least'], ['at most', 'up to'], ['up to', 'up to'],
  ['fewer than', 'up to'], ['less than', 'up to'], ['just under', 'nearly'], ['close to', 'nearly'],
  ['an estimated', 'about'], ['approximately', 'about'], ['roughly', 'about'], ['around', 'about'],
  ['about', 'about'], ['some', 'about'], ['approx.', 'about'], ['nearly', 'nearly'],
  ['almost', 'nearly'], ['over', 'more than'], ['under', 'up to'], ['~', 'about'],
]

/** Irregular plurals and nouns whose unit is a fixed word. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'people'], ['person', 'people'], ['persons', 'people'], ['children', 'child'],
  ['men', 'man'], ['women', 'woman'], ['feet', 'foot'], ['lives', 'life'], ['wives', 'wife'],
  ['centuries', 'century'], ['countries', 'country'], ['families', 'family'], ['casualties', 'casualty'],
  ['companies', 'company'], ['cities', 'city'], ['parties', 'party'], ['deputies', 'deputy'],
  ['mice', 'mouse'], ['teeth', 'tooth'], ['crises', 'crisis'], ['analyses', 'analysis'],
  ['series', 'series'], ['aircraft', 'aircraft'], ['personnel', 'personnel'],
])

/**
 * Nouns known to be units or counted things (singular form). A word outside this list becomes a
 * unit only when it looks like a plural noun; these are also accepted in the singular.
 */
export const UNIT_NOUNS: ReadonlySet<string> = new Set([
  'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 'night',
  'kilometre', 'kilometer', 'km', 'mile', 'metre', 'meter', 'foot', 'inch', 'kilogram', 'kg',
  'tonne', 'ton', 'pound', 'barrel', 'gallon', 'litre', 'liter', 'acre', 'hectare',
  'people', 'child', 'man', 'woman', 'civilian', 'soldier', 'troop', 'resident', 'official',
  'family', 'casualty', 'prisoner', 'hostage', 'refugee', 'victim', 'drone', 'missile', 'rocket',
  'tank', 'shell', 'bomb', 'aircraft', 'jet', 'vote', 'seat', 'country', 'nation', 'state', 'vehicle',
  'point', 'percentage point', 'time', 'round', 'leader', 'member', 'worker', 'student',
])

/** Words that count people without a noun: "12 wounded", "two were killed". */
export const CASUALTY_WORDS: ReadonlySet<string> = new Set([
  'killed', 'wounded', 'injured', 'dead', 'died', 'hurt', 'missing', 'detained', 'arrested',
  'displaced', 'evacuated', 'rescued', 'captured',
])

/** Words that may sit between a number and its noun: "two more people", "six Ukrainian soldiers". */
export const NOUN_MODIFIERS: ReadonlySet<string> = new Set([
  'more', 'other', 'additional', 'extra', 'further', 'new', 'separate', 'different', 'consecutive',
  'straight', 'full', 'whole', 'long', 'short', 'successive', 'young', 'old', 'small', 'large',
  'big', 'major', 'senior', 'top', 'former', 'remaining', 'civilian', 'military', 'foreign',
])

/** Lowercase words ending in "s" that are never plural nouns. */
export const NOT_PLURAL: ReadonlySet<string> = new Set([
  'is', 'was', 'has', 'does', 'this', 'its', 'his', 'hers', 'ours', 'yours', 'theirs', 'as', 'us',
  'thus', 'plus', 'less', 'always', 'perhaps', 'whereas', 'besides', 'sometimes', 'unless', 'across',
  'towards', 'afterwards', 'says', 'goes', 'news', 'various', 'previous', 'serious', 'numerous',
])

/** Singular form of a counted noun ("hours" -> "hour", "children" -> "child"). */
export function singularNoun(word: string): string {
  const lower = word.toLowerCase()
  const irregular = IRREGULAR.get(lower)
  if (irregular) return irregular
  if (/[^aeiou]ies$/.test(lower)) return lower.slice(0, -3) + 'y'
  if (/(?:ss|sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2)
  if (/[^s]s$/.test(lower) && !/(?:us|is)$/.test(lower)) return lower.slice(0, -1)
  return lower
}
