/**
 * A deterministic benchmark corpus: N plain-text news articles over about N/8 invented events,
 * each event covered by several outlets that write different sentences from shared templates and
 * synonyms, with site furniture lines like scraped pages. Same `(n, seed)`, same corpus.
 *
 * @example const { articles } = generateCorpus(2000, 1)
 */
import { DAY_MS, createRng, generateEvents, shuffled, type EventModel, type Person, type Rng } from './events.js'
import { BACKGROUND_SENTENCES, CONTEXT_SENTENCES, DATE_SENTENCES, FIRST_NAMES, FURNITURE, OUTLETS, QUOTE_FORMS, SURNAMES } from './lexicon.js'

export interface CorpusArticle {
  /** Neutral path (no event id in it, so nothing downstream can cheat). */
  path: string
  text: string
  /** ISO 8601 date-time (UTC) the article was published; also written in the text as a stamp. */
  publishedAt: string
  eventId: number
}

export interface Corpus {
  articles: CorpusArticle[]
}

export interface CorpusOptions {
  /** Average articles per event (events = round(n / articlesPerEvent), at least 1). */
  articlesPerEvent?: number
  /** Share of articles that report the headline number differently (a real discrepancy). */
  disagreeShare?: number
  /** Share of people drawn from a pool of recurring figures shared across events. */
  recurringShare?: number
}

const SLOT = /\{([^{}]+)\}/g
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']
/** Small rewordings that make the same quote differ slightly between outlets. */
const REWORDINGS: readonly (readonly [RegExp, string])[] = [
  [/\bthat is\b/, "that's"], [/\bWe will\b/, "We'll"], [/\bwe will\b/, "we'll"], [/\bit is\b/, "it's"],
  [/\bdo not\b/, "don't"], [/\bnobody\b/, 'no one'], [/\bevery one of them\b/, 'all of them'],
]

/** Fills `{slot}` from `slots` and `{a|b}` with a seeded choice; an unknown slot is left as is. */
export function fill(template: string, slots: Record<string, string>, rng: Rng): string {
  return template.replace(SLOT, (whole, key: string) => (key.includes('|') ? rng.pick(key.split('|')) : (slots[key] ?? whole)))
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/** The headline number as one outlet writes it: exact, or with an approximation that still agrees. */
function approximate(value: number, allowed: boolean, rng: Rng): string {
  if (!allowed) return String(value)
  const roll = rng.next()
  if (roll < 0.5) return String(value)
  if (roll < 0.7) return `about ${value}`
  if (roll < 0.85) return `nearly ${value}`
  return `at least ${value}`
}

function fullName(person: Person, style: 0 | 1): string {
  return `${person.first[style]} ${person.surname}`
}

/** Relative phrase for the event day as seen from the publication day. */
function dayPhrase(event: Date, published: Date, rng: Rng): string {
  const weekday = WEEKDAYS[event.getUTCDay()]
  const lag = Math.round((published.getTime() - event.getTime()) / DAY_MS)
  if (lag === 1 && rng.chance(0.3)) return 'yesterday'
  return rng.chance(0.8) ? `on ${weekday}` : weekday
}

function nextPhrase(event: Date, rng: Rng): string {
  const roll = rng.int(0, 3)
  if (roll === 0) return 'next week'
  if (roll === 1) return 'next month'
  return `on ${WEEKDAYS[(event.getUTCDay() + rng.int(2, 5)) % 7]}`
}

function absoluteDate(date: Date, rng: Rng): string {
  const d = date.getUTCDate()
  const m = date.getUTCMonth()
  const y = date.getUTCFullYear()
  return rng.chance(0.5) ? `${MONTHS[m]} ${d}, ${y}` : `${d} ${MONTHS[m]} ${y}`
}

interface ArticlePlan {
  event: EventModel
  outlet: string
  style: 0 | 1
  published: Date
  disagree: boolean
}

function slotsFor(plan: ArticlePlan, rng: Rng): Record<string, string> {
  const { event, published } = plan
  const n = event.numbers
  const count = plan.disagree ? n.count + rng.int(1, Math.max(2, Math.round(n.count * 0.3))) : n.count
  const inspected = new Date(event.date.getTime() - rng.int(40, 400) * DAY_MS)
  return {
    place: event.place, region: event.region, org: event.org, outlet: plan.outlet,
    count: approximate(count, event.kind.approx, rng), other: String(n.other), hours: String(n.hours),
    money: String(n.money), pop: String(n.pop), years: String(n.years),
    day: dayPhrase(event.date, published, rng), next: nextPhrase(event.date, rng),
    absolute: absoluteDate(inspected, rng), month: `the end of ${MONTHS[(event.date.getUTCMonth() + 2) % 12]}`,
  }
}

/** One quote paragraph: the speaker introduced with role on first mention, by surname after. */
function quoteParagraph(plan: ArticlePlan, person: Person, said: string, first: boolean, slots: Record<string, string>, rng: Rng): string {
  let quote = fill(said, slots, rng)
  for (const [pattern, replacement] of REWORDINGS) if (rng.chance(0.25)) quote = quote.replace(pattern, replacement)
  const descriptor = fill(person.role.descriptor, slots, rng)
  const form = first ? rng.pick(QUOTE_FORMS.slice(0, 7)) : rng.pick(QUOTE_FORMS)
  // The descriptor form names the role after the name, so the title would say it twice.
  const titled = first && !form.includes('{descriptor}')
  const name = titled ? `${person.role.title} ${fullName(person, plan.style)}` : first ? fullName(person, plan.style) : person.surname
  // A quote ending the sentence keeps its full stop; one followed by the cue takes a comma.
  const q = form.startsWith('{name} said') ? quote : quote.replace(/\.$/, ',')
  return capitalize(fill(form, { ...slots, q, name, descriptor, pronoun: person.pronoun }, rng))
}

function furniture(kind: keyof typeof FURNITURE, slots: Record<string, string>, rng: Rng): string {
  return fill(rng.pick(FURNITURE[kind]), slots, rng)
}

function stampLine(published: Date, rng: Rng): string {
  const m = published.getUTCMonth()
  const d = published.getUTCDate()
  const y = published.getUTCFullYear()
  const h = published.getUTCHours()
  const time = `${h % 12 || 12}:${String(published.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'a.m.' : 'p.m.'}`
  return rng.chance(0.5) ? `Updated ${MONTH_ABBR[m]} ${d}, ${y} ${time}` : `Published ${MONTHS[m]} ${d}, ${y} at ${time}`
}

/** `k` distinct items of `items`, in random order. */
function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  return shuffled(items, rng).slice(0, k)
}

/** Joins some neighbouring sentences into one paragraph, as writers do. */
function paragraphs(sentences: string[], rng: Rng): string[] {
  const out: string[] = []
  for (const sentence of sentences) {
    if (out.length > 0 && rng.chance(0.35)) out[out.length - 1] += ` ${sentence}`
    else out.push(sentence)
  }
  return out
}

/** Interleaves two lists at random, keeping each list's own order (quotes: first mention first). */
function interleave(a: string[], b: string[], rng: Rng): string[] {
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && rng.int(1, a.length - i + b.length - j) <= a.length - i)
    out.push(takeA ? a[i++] : b[j++])
  }
  return out
}

function bodyParagraphs(plan: ArticlePlan, slots: Record<string, string>, rng: Rng): string[] {
  const { event } = plan
  const render = (template: string): string => capitalize(fill(template, slots, rng))
  const sentences = [
    ...event.kind.facts.filter(() => rng.chance(0.8)),
    ...sample(DATE_SENTENCES, rng.int(1, 3), rng),
    ...sample(BACKGROUND_SENTENCES, rng.int(1, 2), rng),
    ...sample(CONTEXT_SENTENCES, rng.int(5, 10), rng),
  ].map(render)
  const quotes: string[] = []
  for (const person of event.people.filter(() => rng.chance(0.75))) {
    quotes.push(quoteParagraph(plan, person, person.quotes[0], true, slots, rng))
    if (person.quotes.length > 1 && rng.chance(0.6)) quotes.push(quoteParagraph(plan, person, person.quotes[1], false, slots, rng))
  }
  return interleave(paragraphs(sample(sentences, sentences.length, rng), rng), quotes, rng)
}

function writeArticle(plan: ArticlePlan, rng: Rng): string {
  const slots = slotsFor(plan, rng)
  const author = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`
  const domain = `${plan.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`
  const extra = { ...slots, author, person: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`, email: `${author.split(' ')[1].toLowerCase()}@${domain}`, year: String(plan.published.getUTCFullYear()) }
  const headline = capitalize(fill(rng.pick(plan.event.kind.headline), slots, rng))
  const lines: string[] = []
  if (rng.chance(0.5)) lines.push(furniture('top', extra, rng))
  if (rng.chance(0.5)) lines.push(plan.outlet)
  if (rng.chance(0.3)) lines.push(furniture('nav', extra, rng))
  lines.push(headline)
  if (rng.chance(0.8)) lines.push(`By ${author}`)
  lines.push(stampLine(plan.published, rng))
  if (rng.chance(0.5)) lines.push(furniture('photo', extra, rng))
  const lead = capitalize(fill(rng.pick(plan.event.kind.lead), slots, rng))
  lines.push(rng.chance(0.4) ? `${plan.event.place.toUpperCase()} \u2014 ${lead}` : lead)
  const body = bodyParagraphs(plan, slots, rng)
  if (rng.chance(0.5)) body.splice(rng.int(1, body.length), 0, `Read more: ${capitalize(fill(rng.pick(plan.event.kind.headline), slots, rng))}`)
  lines.push(...body)
  if (rng.chance(0.4)) lines.push(furniture('newsletter', extra, rng))
  if (rng.chance(0.4)) lines.push(furniture('email', extra, rng))
  if (rng.chance(0.7)) lines.push(furniture('copyright', extra, rng))
  if (rng.chance(0.3)) lines.push(furniture('comments', extra, rng))
  return lines.join(rng.chance(0.5) ? '\n\n' : '\n') + '\n'
}

/** Which event each article reports: every event gets at least two, the rest at random, then shuffled. */
function assignEvents(n: number, events: number, rng: Rng): number[] {
  const ids: number[] = []
  for (let i = 0; i < n; i++) ids.push(i < events * 2 ? i % events : rng.int(0, events - 1))
  return shuffled(ids, rng)
}

/**
 * Generates `n` articles from `seed`. Articles of one event share people, places and numbers;
 * each outlet keeps one transliteration style, and `disagreeShare` of articles misreport the
 * headline number.
 */
export function generateCorpus(n = 2000, seed = 1, { articlesPerEvent = 8, disagreeShare = 0.12, recurringShare = 0.15 }: CorpusOptions = {}): Corpus {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`generateCorpus: n must be a non-negative integer, got ${n}`)
  const rng = createRng(seed)
  const eventCount = Math.max(1, Math.round(n / articlesPerEvent))
  const events = generateEvents(rng, eventCount, { recurringShare })
  const articles = assignEvents(n, eventCount, rng).map((eventId, i): CorpusArticle => {
    const event = events[eventId]
    const outletIndex = rng.int(0, OUTLETS.length - 1)
    const published = new Date(event.date.getTime() + rng.int(0, 2) * DAY_MS + rng.int(6 * 60, 22 * 60) * 60_000)
    const plan: ArticlePlan = { event, outlet: OUTLETS[outletIndex], style: (outletIndex % 2) as 0 | 1, published, disagree: rng.chance(disagreeShare) }
    return { path: `corpus/${String(i).padStart(5, '0')}.txt`, text: writeArticle(plan, rng), publishedAt: published.toISOString(), eventId }
  })
  return { articles }
}
