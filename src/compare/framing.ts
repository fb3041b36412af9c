/**
 * Framing: the words outlets choose for the same thing. Three readers, each general:
 *   1. naming: in each aligned fact, which alternative of a small lexicon of loaded and neutral
 *      names ("summit" / "meeting" / "talks", "invasion" / "war" / "military operation") each
 *      article's claim uses, outside quotation marks (a speaker's word is not the outlet's choice);
 *      per concept, each article's most used word, and a discrepancy when articles differ;
 *   2. attribution: the verb that attributes the same quote or fact ("said" / "claimed" /
 *      "admitted"), compared by tone, so "said" against "told" is no framing;
 *   3. headlines: which actor, and which verb, each headline leads with.
 * A reader that finds every article using the same word returns nothing.
 */
import type { Annotated, Citation, Discrepancy, Span } from '../types.js'
import type { Claim } from './claims.js'
import type { MergedEntities } from './entities.js'

/**
 * Concepts and the words outlets name them by. Each entry lists surface forms, `|`-separated, the
 * first being the word shown. Kept small and general: words whose choice says how an outlet sees
 * the thing, not topic words.
 */
const NAMING: readonly (readonly [concept: string, words: readonly string[]])[] = [
  ['the meeting', ['meeting|meetings', 'talks', 'summit|summits', 'sit-down|sit-downs', 'negotiations|negotiation', 'conversation|conversations', 'discussions|discussion']],
  ['the war', ['war', 'invasion|full-scale invasion', 'military operation|military operations|special military operation', 'conflict', 'aggression', 'crisis']],
  ['the deadline', ['deadline|deadlines', 'ultimatum|ultimatums']],
  ['the armed group', ['militants', 'fighters', 'rebels', 'insurgents', 'terrorists', 'separatists', 'gunmen', 'guerrillas']],
  ['the crowd', ['protesters|protestors', 'demonstrators', 'rioters', 'mob', 'activists']],
  ['the events', ['protests', 'riots', 'unrest', 'demonstrations', 'uprising']],
  ['the deaths', ['killed', 'died', 'murdered', 'massacred', 'slaughtered']],
  ['the authorities', ['government', 'regime', 'junta']],
  ['the increase', ['rose', 'increased', 'climbed', 'jumped', 'soared', 'surged', 'spiked', 'skyrocketed']],
  ['the decrease', ['fell', 'dropped', 'declined', 'slipped', 'plunged', 'plummeted', 'tumbled', 'crashed']],
  ['the attack', ['strike|strikes|airstrike|airstrikes|air strike|air strikes', 'attack|attacks', 'bombing|bombings', 'assault', 'raid|raids', 'shelling']],
  ['the migrants', ['migrants', 'immigrants', 'refugees', 'asylum seekers', 'illegal immigrants|illegal aliens', 'undocumented immigrants']],
  ['the ceasefire', ['ceasefire|cease-fire|ceasefires|cease-fires', 'truce', 'armistice']],
]

/** Verbs of attribution by tone: outlets differ in framing when the tones differ, not the verbs. */
// No prototype: a word such as "constructor" has no tone.
const ATTRIBUTION_TONE: Record<string, string> = Object.create(null)
for (const [tone, verbs] of [
  ['neutral', 'said says told tells stated states noted notes added adds wrote writes posted explained remarked commented replied responded announced'],
  ['doubt', 'claimed claims alleged alleges purported'],
  ['concession', 'admitted admits conceded concedes acknowledged acknowledges confessed'],
  ['insistence', 'insisted insists maintained maintains asserted asserts argued argues declared declares contended'],
  ['promotion', 'boasted boasts touted touts bragged brags hailed hails'],
  ['warning', 'warned warns threatened threatens'],
  ['affirmation', 'confirmed confirms revealed reveals'],
] as const) {
  for (const verb of verbs.split(' ')) ATTRIBUTION_TONE[verb] = tone
}

/**
 * Descriptors that judge the person or body they describe ("strongman", "regime", "far-right"):
 * an outlet choosing one where another gives a plain title is framing.
 */
const LOADED_DESCRIPTORS = new Set(
  ('strongman dictator autocrat autocratic tyrant despot warlord regime hardline hard-line hardliner far-right far-left ' +
    'radical extremist militant terrorist controversial embattled disgraced notorious firebrand populist ultranationalist ' +
    'puppet self-proclaimed so-called rogue kleptocrat oligarch').split(' '),
)

/** Words that may follow an actor's name in a headline as part of the actor: "Trump Envoy". */
const ROLE_WORDS = new Set('envoy envoys aide aides adviser advisers advisor official officials spokesman spokeswoman minister ministers administration team allies ally government forces troops army lawyers campaign'.split(' '))

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Surface form (lower case) -> the concept and the word shown for it. */
const FORMS = new Map<string, { concept: string; word: string }>()
for (const [concept, words] of NAMING) {
  for (const entry of words) {
    const forms = entry.split('|')
    for (const form of forms) FORMS.set(form, { concept, word: forms[0] })
  }
}
// Longest first, so "special military operation" wins over "military operation".
const NAMING_RE = new RegExp(
  String.raw`\b(?:${[...FORMS.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, String.raw`\s+`)).join('|')})\b`,
  'gi',
)
const ATTRIBUTION_RE = new RegExp(String.raw`\b(?:${Object.keys(ATTRIBUTION_TONE).join('|')})\b`, 'gi')

export interface FramingOptions {
  /** Longest fact or quote text quoted in a description, in characters. */
  maxDescribedChars?: number
}

/** A word one article chose, and where. */
interface Choice {
  articleId: string
  word: string
  /** The word's span; absent when the stage that found it kept none. */
  span?: Span
}

/** Direct and partial quotation spans of an article: words inside are the speaker's, not the outlet's. */
function quotedSpans(article: Annotated): Span[] {
  return article.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.span)
}

function insideAny(span: Span, spans: Span[]): boolean {
  return spans.some((s) => span[0] >= s[0] && span[1] <= s[1])
}

/** Lexicon words in `[start, end)` of an article's text, outside quotations. */
function matches(article: Annotated, [start, end]: Span, re: RegExp, quoted: Span[]): { form: string; span: Span }[] {
  const out: { form: string; span: Span }[] = []
  const text = article.text.slice(start, end)
  re.lastIndex = 0
  for (const m of text.matchAll(re)) {
    const span: Span = [start + m.index, start + m.index + m[0].length]
    if (!insideAny(span, quoted)) out.push({ form: m[0].toLowerCase().replace(/\s+/g, ' '), span })
  }
  return out
}

/** Groups choices by word: the articles and spans behind each, most articles first. */
function valuesOf(choices: Choice[]): Discrepancy['values'] {
  const byWord = new Map<string, { value: string; articleIds: string[]; support: Citation[] }>()
  for (const c of choices) {
    const v = byWord.get(c.word) ?? { value: c.word, articleIds: [], support: [] }
    if (!v.articleIds.includes(c.articleId)) v.articleIds.push(c.articleId)
    if (c.span) v.support.push({ articleId: c.articleId, start: c.span[0], end: c.span[1] })
    byWord.set(c.word, v)
  }
  return [...byWord.values()].sort((a, b) => b.articleIds.length - a.articleIds.length)
}

/** Each article's most used word (first seen wins ties), with every span of that word. */
function dominantChoices(choices: Choice[]): Choice[] {
  const counts = new Map<string, Map<string, number>>()
  for (const c of choices) {
    const own = counts.get(c.articleId) ?? new Map<string, number>()
    own.set(c.word, (own.get(c.word) ?? 0) + 1)
    counts.set(c.articleId, own)
  }
  const top = new Map([...counts].map(([id, own]) => [id, [...own].reduce((a, b) => (b[1] > a[1] ? b : a))[0]]))
  return choices.filter((c) => top.get(c.articleId) === c.word)
}

/** True when two articles chose words with nothing in common: the mark of a framing difference. */
function disjointPair(byArticle: Map<string, Set<string>>): boolean {
  const sets = [...byArticle.values()]
  return sets.some((a, i) => sets.slice(i + 1).some((b) => ![...a].some((w) => b.has(w))))
}

function clip(text: string, max: number): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text)
}

/**
 * Naming and attribution framing across aligned facts: the concept's words each article uses in
 * claims aligned with other articles' claims, and the verbs attributing the same fact.
 * @example factFraming(alignFactClaims(articles).facts, articlesById)
 */
export function factFraming(
  facts: readonly { text: string; claims: readonly Claim[] }[],
  articles: ReadonlyMap<string, Annotated>,
  { maxDescribedChars = 80 }: FramingOptions = {},
): Discrepancy[] {
  const quoted = new Map<string, Span[]>()
  const quotedOf = (a: Annotated) => quoted.get(a.id) ?? (quoted.set(a.id, quotedSpans(a)), quoted.get(a.id)!)
  const byConcept = new Map<string, Choice[]>()
  const out: Discrepancy[] = []
  for (const fact of facts) {
    const claims = fact.claims.filter((c) => articles.has(c.articleId))
    if (new Set(claims.map((c) => c.articleId)).size < 2) continue
    const perConcept = new Map<string, Choice[]>()
    const verbs: Choice[] = []
    for (const claim of claims) {
      const article = articles.get(claim.articleId)!
      for (const { form, span } of matches(article, claim.span, NAMING_RE, quotedOf(article))) {
        const { concept, word } = FORMS.get(form)!
        const list = perConcept.get(concept) ?? []
        list.push({ articleId: claim.articleId, word, span })
        perConcept.set(concept, list)
      }
      // The verb attributing a reported fact may sit outside the claim, in its sentence. A claim
      // holding a quotation is left to quote alignment, which compares the verbs of its quotes.
      const holdsQuote = quotedOf(article).some((q) => q[0] < claim.span[1] && claim.span[0] < q[1])
      if (claim.attributedTo && !holdsQuote) {
        const sentence = article.sentences[claim.sentenceIndex] ?? claim.span
        const verb = matches(article, sentence, ATTRIBUTION_RE, quotedOf(article))[0]
        if (verb) verbs.push({ articleId: claim.articleId, word: verb.form, span: verb.span })
      }
    }
    for (const [concept, choices] of perConcept) {
      const byArticle = new Map<string, Set<string>>()
      for (const c of choices) byArticle.set(c.articleId, (byArticle.get(c.articleId) ?? new Set()).add(c.word))
      if (byArticle.size >= 2 && disjointPair(byArticle)) byConcept.set(concept, [...(byConcept.get(concept) ?? []), ...choices])
    }
    const discrepancy = attributionDiscrepancy(verbs, `the fact ${clip(fact.text, maxDescribedChars)}`)
    if (discrepancy) out.push(discrepancy)
  }
  const naming: Discrepancy[] = []
  for (const [concept, choices] of byConcept) {
    const values = valuesOf(dominantChoices(choices))
    if (values.length < 2) continue
    naming.push({ kind: 'framing', description: `words for ${concept}: ${values.map((v) => JSON.stringify(v.value)).join(' vs ')}`, values })
  }
  return [...naming, ...out]
}

/**
 * A framing discrepancy when the verbs attributing one statement differ in tone between articles
 * ("said" against "claimed"); null when every article's verb has the same tone.
 */
export function attributionDiscrepancy(verbs: readonly Choice[], what: string): Discrepancy | null {
  const known = verbs.filter((v) => ATTRIBUTION_TONE[v.word] !== undefined)
  const tones = new Map<string, Set<string>>()
  for (const v of known) tones.set(v.articleId, (tones.get(v.articleId) ?? new Set()).add(ATTRIBUTION_TONE[v.word]))
  if (tones.size < 2 || !disjointPair(tones)) return null
  const values = valuesOf(known)
  const described = values.map((v) => `${JSON.stringify(v.value)} (${ATTRIBUTION_TONE[v.value]})`).join(' vs ')
  return { kind: 'framing', description: `verb of attribution for ${what}: ${described}`, values }
}

/** The verb of an attribution cue ("said on Truth Social" -> "said"); null when it is not one we know. */
export function cueVerb(cue: string | undefined): string | null {
  const first = cue?.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  return ATTRIBUTION_TONE[first] !== undefined ? first : null
}

/** A story's names (full names, surnames, organisations) by the name they stand for, with the lengths they come in, longest first. */
interface StoryNames {
  nameOf: Map<string, string>
  lengths: number[]
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Whether the code point ending just before `at` is a letter or digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  if (at === 0) return false
  const low = text.charCodeAt(at - 1)
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(from)!))
}

/**
 * The leftmost name of `names` standing as a whole word in `title`, the longest at that position:
 * what one alternation of every name, longest first, would match, without scanning every name at
 * every position (a story of hundreds of articles has thousands of names).
 */
function firstName(title: string, names: StoryNames): { key: string; at: number } | null {
  for (let at = 0; at < title.length; at++) {
    if (letterOrDigitBefore(title, at)) continue
    for (const length of names.lengths) {
      if (at + length > title.length) continue
      const key = title.slice(at, at + length)
      if (names.nameOf.has(key) && !(at + length < title.length && LETTER_OR_DIGIT.test(String.fromCodePoint(title.codePointAt(at + length)!)))) return { key, at }
    }
  }
  return null
}

/** The actor and verb a headline leads with: its first named person or body, its role word, then the next word. */
function headlineAngle(title: string, names: StoryNames): { actor: string; verb: string | null; at: number } | null {
  const m = firstName(title, names)
  if (!m) return null
  const best = { name: names.nameOf.get(m.key) ?? m.key, at: m.at, end: m.at + m.key.length }
  const rest = title.slice(best.end)
  if (/^['’]s\b/.test(rest)) return { actor: best.name, verb: null, at: best.at }
  const words = rest.match(/[\p{L}-]+/gu) ?? []
  let actor = best.name
  let k = 0
  while (k < words.length && ROLE_WORDS.has(words[k].toLowerCase())) actor += ` ${words[k++].toLowerCase()}`
  const next = words[k]?.toLowerCase() ?? null
  // A verb in a headline is in the present tense ("says", "meets", "warns") or a known attribution verb.
  const verb = next && (ATTRIBUTION_TONE[next] !== undefined || /^[a-z]{3,}s$/.test(next)) ? next : null
  return { actor, verb, at: best.at }
}

/**
 * The angle of each headline (who it leads with, doing what), as a framing discrepancy when the
 * headlines of two or more articles lead differently.
 * @example headlineFraming(articles) // values like "Donald Trump says", "Steve Witkoff meets"
 */
export function headlineFraming(articles: readonly Annotated[]): Discrepancy[] {
  const nameOf = new Map<string, string>()
  const firstNames = new Set<string>()
  for (const a of articles) {
    for (const e of a.entities) {
      if (e.type === 'person' && e.name.includes(' ')) firstNames.add(e.name.split(/\s+/)[0])
    }
  }
  for (const a of articles) {
    for (const e of a.entities) {
      if (e.type !== 'person' && e.type !== 'organization') continue
      // A lone first name ("Mark" of "Mark Felt") is not an actor of its own.
      if (e.type === 'person' && !e.name.includes(' ') && firstNames.has(e.name)) continue
      const keys = e.type === 'person' ? [e.name, e.name.split(/\s+/).pop() ?? e.name] : [e.name]
      for (const key of keys) if (key.length >= 3 && !nameOf.has(key)) nameOf.set(key, e.name)
    }
  }
  if (nameOf.size === 0) return []
  const names: StoryNames = { nameOf, lengths: [...new Set([...nameOf.keys()].map((k) => k.length))].sort((a, b) => b - a) }
  // Angles are grouped by actor (its surname or last word) and, for verbs of attribution, their
  // tone ("says" against "admits"); one actor doing differently worded things is one angle.
  const angles = new Map<string, { actor: string; verbs: Map<string, number>; choices: Choice[] }>()
  for (const a of articles) {
    if (!a.title) continue
    const angle = headlineAngle(a.title, names)
    if (!angle) continue
    // The headline is often the text's first line too: then its words are the evidence.
    const at = a.text.indexOf(a.title)
    const span: Span | undefined = at >= 0 ? [at, at + a.title.length] : undefined
    const key = `${foldActor(angle.actor)}|${(angle.verb && ATTRIBUTION_TONE[angle.verb]) ?? ''}`
    const group = angles.get(key) ?? { actor: angle.actor, verbs: new Map<string, number>(), choices: [] }
    if (angle.verb) group.verbs.set(angle.verb, (group.verbs.get(angle.verb) ?? 0) + 1)
    group.choices.push({ articleId: a.id, word: key, span })
    angles.set(key, group)
  }
  if (angles.size < 2) return []
  const choices = [...angles.values()].flatMap(({ actor, verbs, choices: own }) => {
    const verb = [...verbs].reduce<[string, number] | null>((best, v) => (!best || v[1] > best[1] ? v : best), null)?.[0]
    return own.map((c) => ({ ...c, word: verb ? `${actor} ${verb}` : actor }))
  })
  const values = valuesOf(choices)
  return [{ kind: 'framing', description: `headline angle (who the headline leads with, doing what): ${values.map((v) => JSON.stringify(v.value)).join(' vs ')}`, values }]
}

/** An actor compared by its surname or last word, with its role words: "Donald Trump envoy" -> "trump envoy". */
function foldActor(actor: string): string {
  const words = actor.toLowerCase().split(/\s+/)
  const roles = words.filter((w) => ROLE_WORDS.has(w))
  const name = words.filter((w) => !ROLE_WORDS.has(w))
  return [name.at(-1) ?? '', ...roles].join(' ')
}

/** The loaded descriptor word in a role ("Russian strongman" -> "strongman"), or null. */
function loadedWord(role: string): string | null {
  for (const w of role.toLowerCase().split(/[^\p{L}-]+/u)) if (LOADED_DESCRIPTORS.has(w)) return w
  return null
}

/**
 * Descriptor framing: for one person or body of the story, the roles outlets give it when one of
 * them judges ("Russian strongman" against "Russian President"). Plain differences of title
 * ("envoy" against "special envoy") are not framing.
 * @example entityFraming(articles, mergeEntities(articles))
 */
export function entityFraming(articles: readonly Annotated[], entities: Pick<MergedEntities, 'findInArticle'>): Discrepancy[] {
  const byEntity = new Map<string, { name: string; choices: Choice[]; loaded: Set<string>; plain: Set<string> }>()
  for (const a of articles) {
    for (const m of a.entities) {
      if (!m.role || (m.type !== 'person' && m.type !== 'organization')) continue
      const entity = entities.findInArticle(a.id, m.name, m.span)
      if (!entity) continue
      const entry = byEntity.get(entity.id) ?? { name: entity.name, choices: [], loaded: new Set<string>(), plain: new Set<string>() }
      const word = loadedWord(m.role)
      ;(word ? entry.loaded : entry.plain).add(a.id)
      entry.choices.push({ articleId: a.id, word: m.role, ...(m.roleSpan ? { span: m.roleSpan } : {}) })
      byEntity.set(entity.id, entry)
    }
  }
  const out: Discrepancy[] = []
  for (const { name, choices, loaded, plain } of byEntity.values()) {
    // Framing when some article judges and another, never judging, gives a plain title.
    const neutral = [...plain].filter((id) => !loaded.has(id))
    if (loaded.size === 0 || neutral.length === 0) continue
    const kept = choices.filter((c) => (loaded.has(c.articleId) ? loadedWord(c.word) !== null : neutral.includes(c.articleId)))
    const values = valuesOf(kept)
    out.push({ kind: 'framing', description: `words describing ${name}: ${values.map((v) => JSON.stringify(v.value)).join(' vs ')}`, values })
  }
  return out
}
