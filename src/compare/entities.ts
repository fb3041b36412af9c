/**
 * Entity merging across the articles of one story: one `StoryEntity` per real person or body.
 *
 * Stages, in order (each needs the one before):
 * 1. collect every mention with its surface text;
 * 2. group named mentions (full person names, organisations, places) by `sameName`;
 * 3. attach bare surnames to the one full name that has them (ambiguous surnames stay apart);
 * 4. keep descriptors ("a senior administration official") per article: two outlets' anonymous
 *    officials are not known to be one person, so they are never merged across articles;
 * 5. build entities (canonical name, aliases, roles) and spelling discrepancies.
 */
import { hash } from 'node:crypto'
import type { Annotated, Discrepancy, EntityMention, EntityType, Span, StoryEntity } from '../types.js'
import { isGivenName, nameKey, nameTokens, nicknameName, normalizeName, sameGivenName, sameName, sameToken } from '../text/names.js'
import { contentLemmas } from '../text/stems.js'
import { wordConcepts } from '../text/lexicon.js'
import { NAMED_BODY_PHRASE } from '../enrich/quotes/speaker.js'
import { COURTESY_TITLES } from '../enrich/entities/lexicon.js'

/** The entities of a story and lookups from article mentions and names to them. */
export interface MergedEntities {
  entities: StoryEntity[]
  /** The story entity of `articles[k].entities[mentionIndex]` in the article with this id. */
  idOf(articleId: string, mentionIndex: number): string | null
  /** The entity a name refers to across the story (exact, spelling variant, or unique surname). */
  findByName(name: string): StoryEntity | null
  /** Like `findByName`, but first looks at that article's own mentions (by span, then by name). */
  findInArticle(articleId: string, name: string, span?: Span): StoryEntity | null
  discrepancies: Discrepancy[]
}

export interface MergeEntitiesOptions {
  /** Most aliases kept per entity. */
  maxAliases?: number
}

const DESCRIPTOR_START = /^(?:a|an|the|one|two|three|several|some|many|other|another|senior|top)\s/i
/** A name and someone who speaks for its owner: "John Doe’s lawyer", "Roe's spokeswoman". */
const SPEAKS_FOR = /['’]s?\s+(?:[a-z-]+\s+)?(?:lawyers?|attorneys?|counsel|spokes(?:man|woman|person)|aides?|advisers?|advisors?|representatives?|publicist)$/
const HAS_UPPER = /\p{Lu}/u
const DISPLAY_SPLIT = /[^\p{L}\p{M}\p{N}'’]+/u

interface Mention {
  articleId: string
  index: number
  m: EntityMention
  surface: string
}

interface Group {
  kind: 'named' | 'surname' | 'descriptor'
  mentions: Mention[]
  /** Distinct normalised names already in the group (what new names are compared with). */
  names: string[]
  /** Normalised names that joined as another's nickname or epithet ("mad dog mattis"): no name of record. */
  nicknames?: Set<string>
  /** Name keys of a body's or place's names (`nameKey`: "U.S." and "United States" are "us"). */
  keys?: string[]
  /** The group has a name written as an abbreviation in capitals ("U.S.", "DNC"), and one written in words. */
  abbreviated?: boolean
  worded?: boolean
}

/** A name written as an abbreviation in capitals, with or without full stops ("U.S.", "US", "DNC"). */
const ABBREVIATION = /^(?:\p{Lu}\.?){2,6}$/u

/** A descriptor the enrich stage resolved to a name ("the advisor" -> Yuri Ushakov) joins that name's entity. */
function isResolvedDescriptor(m: EntityMention): boolean {
  return m.via === 'descriptor' && !DESCRIPTOR_START.test(m.name) && HAS_UPPER.test(m.name)
}

function isDescriptor(m: EntityMention): boolean {
  if (isResolvedDescriptor(m)) return false
  return m.via === 'descriptor' || DESCRIPTOR_START.test(m.name) || !HAS_UPPER.test(m.name)
}

function collectMentions(articles: Annotated[]): Mention[] {
  const out: Mention[] = []
  for (const a of articles) {
    a.entities.forEach((m, index) => {
      out.push({ articleId: a.id, index, m, surface: a.text.slice(m.span[0], m.span[1]) })
    })
  }
  return out
}

/** Bucket key so names are only compared with names that could match (same class, same surname initial). */
function bucketOf(m: EntityMention): string {
  // A body or place by its name key, so its abbreviation meets it ("U.S." / "United States").
  if (m.type !== 'person') return `o:${nameKey(m.name, m.type).replace(/^[yj]/, 'i')[0] ?? ''}`
  const tokens = nameTokens(m.name)
  const last = tokens[tokens.length - 1] ?? ''
  return `p:${last.replace(/^[yj]/, 'i')[0] ?? ''}`
}

function groupNamed(mentions: Mention[]): Group[] {
  const buckets = new Map<string, Group[]>()
  const groups: Group[] = []
  // A nickname in quotes one article gives (James “Mad Dog” Mattis) names the person where another
  // article writes it without the given name or the marks ("Mad Dog Mattis"): read as the full name.
  const nicknamed = new Map<string, string>()
  for (const { m, surface } of mentions) {
    if (m.type !== 'person') continue
    for (const form of [m.name, surface]) {
      const nick = nicknameName(form)
      if (nick && nameTokens(nick).length >= 2) nicknamed.set(nick, normalizeName(form))
    }
  }
  for (const [epithet, person] of epithetNames(mentions)) if (!nicknamed.has(epithet)) nicknamed.set(epithet, person)
  for (const mention of mentions) {
    const key = bucketOf(mention.m)
    const own = normalizeName(mention.m.name)
    const norm = (mention.m.type === 'person' && nicknamed.get(own)) || own
    const bucket = buckets.get(key) ?? []
    buckets.set(key, bucket)
    // By the name key only between an abbreviation in capitals and a name of words ("U.S." / "United
    // States"): two names of words with the same initials are two bodies ("Democratic National
    // Committee" / "Democratic National Convention").
    const bodyKey = mention.m.type === 'person' ? null : nameKey(mention.m.name, mention.m.type)
    const abbreviation = ABBREVIATION.test(mention.m.name)
    let group = bucket.find(
      (g) => g.names.includes(norm) || (bodyKey !== null && g.keys?.includes(bodyKey) && (abbreviation ? g.worded === true : g.abbreviated === true)) || g.names.some((n) => sameName(n, norm)),
    )
    if (!group) {
      group = { kind: 'named', mentions: [], names: [] }
      bucket.push(group)
      groups.push(group)
    }
    group.mentions.push(mention)
    if (!group.names.includes(norm)) group.names.push(norm)
    if (bodyKey !== null && !(group.keys ??= []).includes(bodyKey)) group.keys.push(bodyKey)
    if (abbreviation) group.abbreviated = true
    else group.worded = true
    if (norm !== own) (group.nicknames ??= new Set()).add(own)
  }
  return groups
}

/** A name token that is an ordinary word of the lexicon ("mad", "dog") and no given name we know. */
function isEpithetWord(token: string): boolean {
  if (isGivenName(token)) return false
  const lemma = contentLemmas(token)[0]
  return lemma !== undefined && wordConcepts(lemma) !== undefined
}

/**
 * Names whose given part is two or more ordinary words, none a given name ("Mad Dog Mattis"): an
 * epithet before a surname, read as the story's one other person of that surname ("Jim Mattis" or
 * "James Mattis", one person by `sameName`); none when the story has no such person or several.
 * Normalised epithet name -> normalised full name.
 */
function epithetNames(mentions: readonly Mention[]): Map<string, string> {
  const out = new Map<string, string>()
  const persons = [...new Set(mentions.filter((x) => x.m.type === 'person').map((x) => normalizeName(x.m.name)))]
  const epithet = (name: string) => {
    const tokens = nameTokens(name)
    return tokens.length >= 3 && tokens.slice(0, -1).every(isEpithetWord)
  }
  for (const name of persons) {
    if (!epithet(name)) continue
    const surname = lastToken(name)
    const others = persons.filter((n) => n !== name && nameTokens(n).length >= 2 && !epithet(n) && sameToken(lastToken(n), surname))
    if (others.length > 0 && others.every((n) => sameName(n, others[0]))) out.set(name, others[0])
  }
  return out
}

/** Attaches bare person surnames to the single full-name group ending in that surname. */
function attachSurnames(named: Group[], singles: Mention[]): Group[] {
  const persons = named.filter((g) => g.mentions[0].m.type === 'person')
  const own: Group[] = []
  for (const mention of singles) {
    const surname = nameTokens(mention.m.name)[0] ?? ''
    const owners = persons.filter((g) => g.names.some((n) => sameToken(lastToken(n), surname)))
    if (owners.length === 1) {
      owners[0].mentions.push(mention)
      continue
    }
    let group = own.find((g) => g.names.some((n) => sameName(n, surname)))
    if (!group) {
      group = { kind: 'surname', mentions: [], names: [] }
      own.push(group)
    }
    group.mentions.push(mention)
    if (!group.names.includes(surname)) group.names.push(surname)
  }
  return own
}

function lastToken(normalized: string): string {
  const tokens = nameTokens(normalized)
  return tokens[tokens.length - 1] ?? ''
}

function groupDescriptors(mentions: Mention[]): Group[] {
  const byKey = new Map<string, Group>()
  for (const mention of mentions) {
    const key = `${mention.articleId}|${normalizeName(mention.m.name)}`
    const group = byKey.get(key) ?? { kind: 'descriptor' as const, mentions: [], names: [normalizeName(mention.m.name)] }
    group.mentions.push(mention)
    byKey.set(key, group)
  }
  return [...byKey.values()]
}

function mostFrequent<T>(values: T[]): T {
  const counts = new Map<T, number>()
  let best = values[0]
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > (counts.get(best) ?? 0)) best = v
  }
  return best
}

/** Canonical name: the most frequent spelling among the group's fullest names (full before surname). */
function canonicalName(group: Group): string {
  // A nickname is no one's name of record: "Mad Dog Mattis" is named by the Jim or James Mattis
  // beside it, and James "Mad Dog" Mattis by James Mattis.
  const all = group.mentions.map((x) => x.m.name.trim())
  const named = all.filter((n) => !group.nicknames?.has(normalizeName(n)) && nicknameName(n) === null)
  const names = named.length > 0 ? named : all
  const most = Math.max(...names.map((n) => nameTokens(n).length))
  return mostFrequent(names.filter((n) => nameTokens(n).length === most))
}

function dedupeCaseless(values: string[], exclude: string[] = []): string[] {
  const seen = new Set(exclude.map((v) => v.toLowerCase()))
  const out: string[] = []
  for (const v of values) {
    const key = v.toLowerCase()
    if (!seen.has(key)) {
      seen.add(key)
      out.push(v)
    }
  }
  return out
}

function hashId(prefix: string, key: string, used: Set<string>): string {
  for (let salt = 0; ; salt++) {
    const id = prefix + hash('sha256', salt === 0 ? key : `${key}#${salt}`, 'hex').slice(0, 10)
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}

function buildEntity(group: Group, used: Set<string>, maxAliases: number): StoryEntity {
  const name = canonicalName(group)
  const type: EntityType = group.kind === 'descriptor' ? 'other' : mostFrequent(group.mentions.map((x) => x.m.type))
  // a resolved descriptor's surface ("The advisor") is not a name of the entity
  const forms = group.mentions.flatMap((x) => [x.m.name.trim(), ...(isResolvedDescriptor(x.m) ? [] : [x.surface.trim()])]).filter((f) => HAS_UPPER.test(f))
  const aliases = dedupeCaseless(forms.map((f) => f.replace(/['’]s$/, '')), [name])
  const key = group.kind === 'descriptor' ? `${group.mentions[0].articleId}|${name}` : `${type}|${normalizeName(name)}`
  return {
    id: hashId('e_', key, used),
    name,
    type,
    aliases: aliases.slice(0, maxAliases),
    // "Mr.", "Ms.": the form of address the annotation keeps with the name says nothing of what the person does.
    roles: dedupeCaseless(group.mentions.flatMap((x) => (x.m.role && !COURTESY_TITLES.has(x.m.role.trim().toLowerCase().replace(/\.$/, '')) ? [x.m.role.trim()] : []))),
    articleIds: [...new Set(group.mentions.map((x) => x.articleId))],
    mentions: group.mentions.length,
  }
}

const DERIVING_SUFFIX = /^(?:s|es|n|ns|an|ans|ian|ians|ese|i|is)$/

/** `form` is `base` with an English plural or demonym ending ("Pennsylvania" -> "Pennsylvanians"). */
function isDerivedForm(base: string, form: string): boolean {
  return base !== form && form.startsWith(base) && DERIVING_SUFFIX.test(form.slice(base.length))
}

/** Per token of the canonical name, the spellings articles used for it; a discrepancy where they differ. */
function spellingDiscrepancy(group: Group, entity: StoryEntity): Discrepancy[] {
  const slots = nameTokens(entity.name)
  // slot -> normalised spelling -> { display forms, articles }
  // Per spelling, its first mention per article written that way: the evidence a reader checks.
  const seen = slots.map(() => new Map<string, { display: string[]; articleIds: Set<string>; support: Map<string, Span> }>())
  for (const x of group.mentions) {
    const written = isResolvedDescriptor(x.m) ? [] : x.surface.split(DISPLAY_SPLIT)
    for (const display of new Set([...x.m.name.split(DISPLAY_SPLIT), ...written])) {
      const clean = display.replace(/['’]s$/, '')
      const norm = normalizeName(clean)
      if (norm.length < 2 || !HAS_UPPER.test(clean)) continue
      const slot = slots.findIndex((t) => sameToken(t, norm))
      if (slot < 0) continue
      const entry = seen[slot].get(norm) ?? { display: [], articleIds: new Set<string>(), support: new Map<string, Span>() }
      entry.display.push(clean)
      entry.articleIds.add(x.articleId)
      if (!entry.support.has(x.articleId) && written.includes(display)) entry.support.set(x.articleId, x.m.span)
      seen[slot].set(norm, entry)
    }
  }
  const out: Discrepancy[] = []
  for (const spellings of seen) {
    // "Pennsylvanians", "Arabian", "Israeli": a word made from the name, not another spelling of it.
    for (const key of [...spellings.keys()]) if ([...spellings.keys()].some((base) => isDerivedForm(base, key))) spellings.delete(key)
    if (spellings.size < 2) continue
    const values = [...spellings.values()]
      .map((e) => ({
        value: mostFrequent(e.display),
        articleIds: [...e.articleIds],
        ...(e.support.size > 0 ? { support: [...e.support].map(([articleId, [start, end]]) => ({ articleId, start, end })) } : {}),
      }))
      .sort((a, b) => b.articleIds.length - a.articleIds.length)
    if (new Set(values.flatMap((v) => v.articleIds)).size < 2) continue
    out.push({
      kind: 'name-spelling',
      description: values.map((v) => JSON.stringify(v.value)).join(' vs '),
      values,
    })
  }
  return out
}

/**
 * One person given two first names by different outlets ("Rep. Linda Sanchez" in one, "Rep.
 * Loretta Sanchez" in another): the only two people of one surname in the story, with a shared
 * role, never both named in one article (an article naming both tells two people apart, as one
 * naming two sisters does).
 */
function firstNameDiscrepancies(entities: readonly StoryEntity[]): Discrepancy[] {
  const people = entities.filter((e) => e.type === 'person' && e.roles.length > 0 && nameTokens(e.name).length >= 2)
  // A surname the story gives to three or more people is a family's ("Barack", "Malia" and "Sasha Obama").
  const bySurname = new Map<string, number>()
  for (const e of entities) if (e.type === 'person' && nameTokens(e.name).length >= 2) bySurname.set(lastToken(e.name), (bySurname.get(lastToken(e.name)) ?? 0) + 1)
  const out: Discrepancy[] = []
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const [a, b] = [people[i], people[j]]
      if (lastToken(a.name) !== lastToken(b.name) || bySurname.get(lastToken(a.name)) !== 2 || a.articleIds.some((id) => b.articleIds.includes(id))) continue
      // "Benjamin Todd Jealous" and "Ben Jealous": one given name, in full and familiar form.
      if (sameGivenName(nameTokens(a.name)[0], nameTokens(b.name)[0])) continue
      const roles = new Set(b.roles.map(normalizeName))
      if (!a.roles.some((r) => roles.has(normalizeName(r)))) continue
      out.push({
        kind: 'name-spelling',
        description: `${JSON.stringify(a.name)} vs ${JSON.stringify(b.name)}: one surname and role, another first name`,
        values: [a, b].map((e) => ({ value: e.name, articleIds: [...e.articleIds] })),
      })
    }
  }
  return out
}

/** An age in apposition right after a person's name: "Cesar Roe, 56, of Aventura". */
const AGE_AFTER = /^\s*,\s*(\d{1,3})\s*,/

/**
 * Different ages given for one person by different outlets ("Ann Roe, 56," / "Ann Roe, 57,"); an
 * article giving both (a birthday in the story) tells them apart, so it is left out.
 */
function ageDiscrepancy(group: Group, entity: StoryEntity, textOf: (articleId: string) => string): Discrepancy[] {
  if (entity.type !== 'person') return []
  const byAge = new Map<number, { articleIds: Set<string>; support: { articleId: string; start: number; end: number }[] }>()
  const perArticle = new Map<string, Set<number>>()
  for (const x of group.mentions) {
    const text = textOf(x.articleId)
    const m = AGE_AFTER.exec(text.slice(x.m.span[1], x.m.span[1] + 12))
    const age = m ? Number(m[1]) : NaN
    if (!(age >= 1 && age <= 120)) continue
    const start = x.m.span[1] + m![0].indexOf(m![1])
    const entry = byAge.get(age) ?? { articleIds: new Set<string>(), support: [] }
    entry.articleIds.add(x.articleId)
    entry.support.push({ articleId: x.articleId, start, end: start + m![1].length })
    byAge.set(age, entry)
    perArticle.set(x.articleId, (perArticle.get(x.articleId) ?? new Set()).add(age))
  }
  if (byAge.size < 2 || perArticle.size < 2 || [...perArticle.values()].some((ages) => ages.size > 1)) return []
  const values = [...byAge].map(([age, e]) => ({ value: String(age), articleIds: [...e.articleIds], support: e.support }))
  return [{ kind: 'number', description: `age of ${entity.name}: ${values.map((v) => v.value).join(' vs ')}`, values }]
}

/** Lookup by name: exact normalised name or alias, then spelling variant, then unique surname. */
function nameFinder(entities: StoryEntity[]): (name: string) => StoryEntity | null {
  const named = entities.filter((e) => e.type !== 'other')
  const exact = new Map<string, StoryEntity | null>()
  for (const e of named) {
    for (const form of [e.name, ...e.aliases]) {
      const key = normalizeName(form)
      const prior = exact.get(key)
      exact.set(key, prior === undefined || prior === e ? e : null)
    }
  }
  // Answers by name: a story's quotes and claims credit the same few names many times, and the
  // fallbacks compare the name with every entity of the story.
  const found = new Map<string, StoryEntity | null>()
  const find = (name: string): StoryEntity | null => {
    const key = normalizeName(name)
    const hit = exact.get(key)
    if (hit !== undefined) return hit
    const variants = named.filter((e) => sameName(e.name, name))
    if (variants.length === 1) return variants[0]
    const tokens = nameTokens(name)
    if (tokens.length !== 1) return null
    const bySurname = named.filter((e) => e.type === 'person' && nameTokens(e.name).length > 1 && sameToken(lastToken(e.name), tokens[0]))
    return bySurname.length === 1 ? bySurname[0] : null
  }
  return (name) => {
    let entity = found.get(name)
    if (entity === undefined) found.set(name, (entity = find(name)))
    return entity
  }
}

/**
 * Merges the entity mentions of a story's articles into story entities.
 * @example mergeEntities(articles).findByName('Rubio')?.name // 'Marco Rubio'
 */
export function mergeEntities(articles: Annotated[], { maxAliases = 12 }: MergeEntitiesOptions = {}): MergedEntities {
  const mentions = collectMentions(articles)
  const descriptors: Mention[] = []
  const rest: Mention[] = []
  for (const x of mentions) (isDescriptor(x.m) ? descriptors : rest).push(x)
  const isBareSurname = (x: Mention) => x.m.type === 'person' && nameTokens(x.m.name).length === 1
  const named = groupNamed(rest.filter((x) => !isBareSurname(x)))
  const surnames = attachSurnames(named, rest.filter(isBareSurname))
  const groups = [...named, ...surnames, ...groupDescriptors(descriptors)]

  const used = new Set<string>()
  const entities: StoryEntity[] = []
  const discrepancies: Discrepancy[] = []
  const idByMention = new Map<string, string>()
  const order = new Map(articles.map((a, i) => [a.id, i]))
  const texts = new Map(articles.map((a) => [a.id, a.text]))
  const textOf = (id: string) => texts.get(id) ?? ''
  for (const group of groups) {
    // Surnames were attached after full names; restore reading order for articleIds and canonical ties.
    group.mentions.sort((x, y) => order.get(x.articleId)! - order.get(y.articleId)! || x.index - y.index)
    const entity = buildEntity(group, used, maxAliases)
    entities.push(entity)
    if (group.kind !== 'descriptor') discrepancies.push(...spellingDiscrepancy(group, entity), ...ageDiscrepancy(group, entity, textOf))
    for (const x of group.mentions) idByMention.set(`${x.articleId}#${x.index}`, entity.id)
  }
  entities.sort((a, b) => b.mentions - a.mentions || b.articleIds.length - a.articleIds.length)
  discrepancies.push(...firstNameDiscrepancies(entities))
  const byId = new Map(entities.map((e) => [e.id, e]))
  const findByName = nameFinder(entities)
  const byArticle = new Map(articles.map((a) => [a.id, a]))

  return {
    entities,
    discrepancies,
    idOf: (articleId, mentionIndex) => idByMention.get(`${articleId}#${mentionIndex}`) ?? null,
    findByName,
    findInArticle(articleId, name, span) {
      // "John Doe’s lawyer" speaks for John Doe but is not him: no entity of the story is that speaker.
      if (SPEAKS_FOR.test(name)) return null
      const own = byArticle.get(articleId)?.entities ?? []
      // "one Facebook user", "the St. Louis group": people or a body the name only owns or places.
      if (NAMED_BODY_PHRASE.test(name) && !(span && own.some((m) => m.type === 'person' && m.span[0] < span[1] && span[0] < m.span[1]))) return null
      const norm = normalizeName(name)
      // A speaker written with a role or a body ("Senate Majority Leader Ann Roe’s office") is the person in it.
      // A place inside it ("the lawsuit from Nebraska") is not the speaker.
      const overlapping = span ? own.flatMap((m, i) => (m.span[0] < span[1] && span[0] < m.span[1] && m.type !== 'place' ? [i] : [])) : []
      let index = overlapping.find((i) => own[i].type === 'person') ?? overlapping[0] ?? -1
      if (index < 0) index = own.findIndex((m) => normalizeName(m.name) === norm)
      const id = index >= 0 ? idByMention.get(`${articleId}#${index}`) : undefined
      return (id && byId.get(id)) || findByName(name)
    },
  }
}
