/**
 * The story's timeline. Stages, in order:
 *   1. events: each date mention with the words of its clause (publication stamps skipped);
 *   2. group: events with the same date value that are one happening across articles: one aligned
 *      fact supports both, or their words say so (rare words shared, or `sameHappening`);
 *   3. conflicts: groups with the same words but different dates at one granularity, one
 *      discrepancy per event whatever the number of dates it is given (not a group dated only by
 *      relative words inside quotations: "tonight" in a quote is the speaker's night);
 *   4. sort by date, coarser granularity first.
 */
import { jaccard, splitClauses } from '../compare/claims.js'
import { contentLemmas } from '../text/stems.js'
import { meaningsShared, prepareHappening, sameHappening, sharesMeaning, type Happening } from './same.js'
import { STORY_DAY_VIA } from './anchor.js'
import type { Annotated, Citation, DateMention, Discrepancy, Granularity, Span, StoryFact, TimelineEntry } from '../types.js'
import { documentFrequency } from '../text/postings.js'
import { editorialLabelLength, inEditorsNotice } from '../text/tokens.js'

export interface TimelineOptions {
  /** Words of an event's text, at most. */
  maxWords?: number
  /** A clause shorter than this grows to its neighbours, so the event says something. */
  minWords?: number
  /** Share of the smaller event's word weight two events with one date value must share to be one event. */
  groupSimilarity?: number
  /** Lemma Jaccard at which two events with different dates are the same event misdated. */
  conflictSimilarity?: number
  /** Other words two events dated at the same word must share to be the same event misdated. */
  minAnchorShared?: number
  /** Bound on date mentions read per story. */
  maxEvents?: number
  /** Other dates listed on a timeline entry whose event is dated differently elsewhere. */
  maxOtherDates?: number
  /** The story's aligned facts: two events in spans of one fact are one happening. */
  facts?: StoryFact[]
}

interface DatedEvent {
  articleId: string
  date: DateMention
  span: Span
  text: string
  lemmas: Set<string>
  /** The date is after the article's publication day: a plan, a schedule or a deadline. */
  ahead: boolean
  /** Ids of the aligned facts whose support in the article overlaps the event's words. */
  factIds: string[]
  happening: Happening
  /** The word the date is attached to ("apologize" of "apologized on Friday"), when it is one. */
  anchor: string | null
  /**
   * A relative date inside a quotation ("safe ashore tonight", she wrote): dated from the article's
   * publication day, while the speaker meant the day they spoke, which the article may not give.
   */
  quotedRelative: boolean
  stage: 'story/timeline'
}

interface EventGroup {
  value: string
  granularity: Granularity
  events: DatedEvent[]
  lemmas: Set<string>
  /** The anchors of its events. */
  anchors: Set<string>
}

const STAMP = /^\s*(?:updated|published|posted|last updated|first published|modified)\b/i
// Commas and colons before a space only: "2:10 p.m." and "1,800" are not clause edges.
const CLAUSE_EDGE = /[,;:](?=\s)|[—–()]/g
const DEADLINE_BEFORE = /\b(?:until|till|by|before|no later than)\s+(?:the\s+)?$/i
// "than" or "compared with" and at most three words before a date: what something is compared
// against; not an amount or a bound ("more than two years ago", "no later than Friday").
const COMPARED_WITH = /(?:\b(?<!\b(?:more|less|fewer|rather|other|later|earlier|sooner)\s+)than|\bcompared (?:with|to))\s+(?:[\p{L}’'-]+\s+){0,3}$/iu
const WORD_AT = /\S+/g
const GRANULARITY_ORDER: Record<Granularity, number> = { year: 0, month: 1, week: 2, day: 3, time: 4 }

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Sentences longer than this are read only this far around a date: per-date work stays bounded however long a run without sentence ends is. */
const MAX_SENTENCE_CONTEXT = 1500

/** The sentence holding `span` (binary search: sentences are in text order), cut to {@link MAX_SENTENCE_CONTEXT} around it. */
function sentenceOf(article: Annotated, span: Span): Span | null {
  const sentences = article.sentences
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid][1] < span[1]) lo = mid + 1
    else hi = mid - 1
  }
  const found = sentences[lo]
  if (!found || found[0] > span[0] || span[1] > found[1]) return null
  if (found[1] - found[0] <= MAX_SENTENCE_CONTEXT) return found
  const half = MAX_SENTENCE_CONTEXT / 2
  return [Math.max(found[0], span[0] - half), Math.min(found[1], span[1] + half)]
}

/**
 * The clause around a date: the main clause holding it (as fact claims split sentences); when that
 * is longer than `maxWords`, its comma-separated pieces around the date, grown while they fit.
 */
function clauseAround(text: string, sentence: Span, date: Span, minWords: number, maxWords: number): Span {
  const clause = splitClauses(text, sentence).find((c) => c[0] <= date[0] && date[1] <= c[1]) ?? sentence
  const body = text.slice(clause[0], clause[1])
  if (wordsIn(body) <= maxWords) return trimSpan(text, clause)
  const edges = [0, ...[...body.matchAll(CLAUSE_EDGE)].map((m) => m.index + 1), body.length]
  const rel = date[0] - clause[0]
  let lo = Math.max(0, edges.filter((e) => e <= rel).length - 1)
  let hi = lo + 1
  const fits = (l: number, h: number) => wordsIn(body.slice(edges[l], edges[h])) <= maxWords
  // Grow forward first: the words after a date usually say what happened on it.
  while (wordsIn(body.slice(edges[lo], edges[hi])) < minWords || (hi < edges.length - 1 && fits(lo, hi + 1))) {
    if (hi < edges.length - 1 && fits(lo, hi + 1)) hi++
    else if (lo > 0 && fits(lo - 1, hi)) lo--
    else break
  }
  let [start, end] = [edges[lo], edges[hi]]
  if (!fits(lo, hi)) {
    // One piece longer than the cap: keep words on both sides of the date.
    const before = [...body.slice(start, rel).matchAll(WORD_AT)].slice(-Math.floor(maxWords / 3))
    const after = [...body.slice(rel, end).matchAll(WORD_AT)].slice(0, maxWords - before.length)
    start = before.length > 0 ? start + before[0].index : rel
    const last = after[after.length - 1]
    end = last ? rel + last.index + last[0].length : end
  }
  return trimSpan(text, [clause[0] + start, clause[0] + end])
}

/** The span without surrounding spaces and clause punctuation. */
function trimSpan(text: string, [start, end]: Span): Span {
  const slice = text.slice(start, end)
  const lead = slice.length - slice.trimStart().length
  const kept = slice.trim().replace(/[\s,;:—–(]+$/, '')
  return [start + lead, start + lead + kept.length]
}

/** Words of saying a date may stand beside ("said Friday"): the date is when it was said, not what happened. */
const SAYING = /^(?:said|says|say|told|tells|tell|wrote|writes|added|adds|noted|notes|asked|asks|reported|reports|posted|posts|tweeted|tweets|stated|states|commented|statement|interview|remarks)$/i
/** Words that belong to the date ("late Friday", "last week"), passed over. */
const OF_DATE = /^(?:on|last|this|next|early|late|earlier|later|since|until|by|week|weekend|night|morning|afternoon|evening|the)$/i
const LOWER_WORD = /^\p{Ll}[\p{L}'’-]*$/u

/**
 * The word a date is attached to: the nearer of the first content word after it and the last
 * before it, within `reach` words, lower-case (a name is who, not what happened); none when a word
 * of saying is nearer: "had to apologize Saturday", "on Friday apologized" -> "apologiz".
 */
function dateAnchor(before: string, after: string, reach = 2): string | null {
  const near = (words: string[]): [string, number] | null => {
    for (let k = 0, seen = 0; k < words.length && seen <= reach; k++) {
      const w = words[k]
      if (SAYING.test(w)) return null
      if (OF_DATE.test(w)) continue
      seen++
      const lemma = LOWER_WORD.test(w) ? contentLemmas(w)[0] : undefined
      // "apologize" and "apologized" lemmatise apart; without a final "e" they are one key.
      if (lemma) return [lemma.replace(/e$/, ''), k]
    }
    return null
  }
  const clean = (w: string) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const b = near(before.split(/\s+/).map(clean).filter(Boolean).reverse())
  const a = near(after.split(/\s+/).map(clean).filter(Boolean))
  if (a && b) return a[1] < b[1] ? a[0] : b[0]
  return (a ?? b)?.[0] ?? null
}

function datedEvents(article: Annotated, minWords: number, maxWords: number, supports: { id: string; start: number; end: number }[]): DatedEvent[] {
  const out: DatedEvent[] = []
  for (const date of article.dates) {
    const sentence = sentenceOf(article, date.span)
    if (!sentence) continue
    const sentenceText = article.text.slice(sentence[0], sentence[1])
    const dateText = article.text.slice(date.span[0], date.span[1])
    // A stamp line ("Updated Aug. 6, 2025") dates the page, not an event; so does an editor's
    // label ("UPDATE 7:19 p.m. --") or notice ("Correction: ...").
    if (STAMP.test(sentenceText) || wordsIn(sentenceText) - wordsIn(dateText) < 3) continue
    if (date.span[0] < sentence[0] + editorialLabelLength(sentenceText) || inEditorsNotice(article.text, sentence[0])) continue
    // "closer today than we were yesterday", "higher than last year": the date a comparison is made against dates nothing.
    if (COMPARED_WITH.test(article.text.slice(Math.max(sentence[0], date.span[0] - 40), date.span[0]))) continue
    const span = clauseAround(article.text, sentence, date.span, minWords, maxWords)
    const text = article.text.slice(span[0], span[1])
    const withoutDate = text.replace(dateText, ' ')
    const lemmas = new Set(contentLemmas(withoutDate))
    // "until Friday", "by Friday", "the Friday deadline": the same deadline however it is worded.
    if (DEADLINE_BEFORE.test(article.text.slice(Math.max(0, date.span[0] - 20), date.span[0]))) lemmas.add('deadline')
    const published = article.publishedAt?.slice(0, 10) ?? null
    const ahead = published !== null && sortKey(date.value).slice(0, 10) > published
    const factIds = supports.filter((s) => s.start < span[1] && span[0] < s.end).map((s) => s.id)
    const anchor = dateAnchor(article.text.slice(span[0], date.span[0]), article.text.slice(date.span[1], span[1]))
    const quotedRelative = date.inferred && article.quotes.some((q) => q.span[0] <= date.span[0] && date.span[1] <= q.span[1])
    out.push({ articleId: article.id, date, span, text, lemmas, ahead, factIds, happening: prepareHappening(withoutDate), anchor, quotedRelative, stage: 'story/timeline' })
  }
  return out
}

/**
 * Whether two events with one date value are one event: the words they share, each weighted by
 * how rare it is among the story's events ("ferry" and the town's name say which story, not which
 * event), over the smaller event's weight.
 */
function sameEvent(a: DatedEvent, b: DatedEvent, groupSimilarity: number, weight: (l: string) => number): boolean {
  let both = 0
  let sharedWeight = 0
  for (const l of a.lemmas) {
    if (!b.lemmas.has(l)) continue
    both++
    sharedWeight += weight(l)
  }
  // A plan or deadline after publication: one story rarely schedules two things for one day, so a
  // single shared word ("sanction", "deadline") ties two mentions of it.
  if (a.ahead && b.ahead) return both >= 1
  if (both >= 2 && sharedWeight / Math.max(1e-9, Math.min(totalWeight(a, weight), totalWeight(b, weight))) >= groupSimilarity) return true
  // Different articles only: one article rarely tells one happening twice with one date.
  if (a.articleId === b.articleId) return false
  return a.factIds.some((id) => b.factIds.includes(id)) || sameHappening(a.happening, b.happening)
}

/**
 * Whether an event joins a group as the one thing each of their articles dates to that day
 * ("the comments he made Thursday night" / "said in a speech Thursday night"): within one story,
 * an outlet that dates one thing to a day and another outlet that dates one thing to that day
 * mostly tell the same thing, in words too different for the overlap. Only at day or time
 * granularity, or a week with more words shared (`WEEK_SHARED`; a year or a month holds too many
 * happenings), not a relative date inside a quotation
 * (the speaker's day, not the outlet's), each event the only one its article dates to that day
 * (`once`), and sharing a word or its synonym with every event of the group (`sharesMeaning`),
 * so that no row grows by one link at a time into several happenings (BASIL 2010-2014 gold
 * shared facts in one timeline row 53.1 -> 63.3%, 2016-2018 31.7 -> 43.9%).
 */
function joinsAsOnlyOne(event: DatedEvent, group: EventGroup, once: (e: DatedEvent) => boolean): boolean {
  const fine = event.date.granularity === 'day' || event.date.granularity === 'time'
  const single = (e: DatedEvent) => (fine || e.date.granularity === 'week') && !e.quotedRelative && once(e)
  if (!single(event)) return false
  const need = fine ? 1 : WEEK_SHARED
  return group.events.every((e) => e.articleId !== event.articleId && single(e) && meaningsShared(e.happening, event.happening, DATE_WORDS, need) >= need)
}

// A week holds seven days of happenings: two mentions of one week, each its article's only one,
// must share this many words or synonyms ("the letters", "the bishops", "represent" / "express"),
// where one ("the hospital") joined a ward's closure and an attack in its car park (BASIL 2010-2014
// one more gold fact in one row at 2 or 3, none lost; months joined nothing more).
const WEEK_SHARED = 3

// Words that belong to a date ("Thursday night", "late Friday"): shared, they say when, not what.
const DATE_WORDS = new Set(contentLemmas('last next past ago week weekend night tonight morning afternoon evening day today yesterday tomorrow early earlier late later month year'))

// An event's summed word weight, read once: grouping compares each event with many others.
const totals = new WeakMap<DatedEvent, number>()
function totalWeight(e: DatedEvent, weight: (l: string) => number): number {
  let total = totals.get(e)
  if (total === undefined) {
    total = 0
    for (const l of e.lemmas) total += weight(l)
    totals.set(e, total)
  }
  return total
}

/** Inverse frequency of each word over the story's events. */
function lemmaWeights(events: DatedEvent[]): (l: string) => number {
  const df = documentFrequency(events.map((e) => e.lemmas))
  return (l) => Math.log(1 + events.length / (df.get(l) ?? 1))
}

/**
 * Most events of one group (and groups of one date) an event is compared with: a story of thousands
 * of articles, or a page of one date repeated, would otherwise compare every event with every other.
 * Groups and stories under it are read whole.
 */
const MAX_COMPARED = 200

function groupEvents(events: DatedEvent[], groupSimilarity: number): EventGroup[] {
  const weight = lemmaWeights(events)
  // How many events of its article fall on each day ("3 p.m. Thursday" and "on Thursday" are one day).
  const dated = new Map<string, number>()
  const articleDay = (e: DatedEvent) => (e.date.granularity === 'day' || e.date.granularity === 'time' ? `${e.articleId}|${sortKey(e.date.value).slice(0, 10)}` : `${e.articleId}|${e.date.granularity}|${e.date.value}`)
  for (const e of events) dated.set(articleDay(e), (dated.get(articleDay(e)) ?? 0) + 1)
  const once = (e: DatedEvent) => dated.get(articleDay(e)) === 1
  const byValue = new Map<string, EventGroup[]>()
  for (const event of events) {
    const key = `${event.date.granularity}|${event.date.value}`
    const groups = byValue.get(key) ?? []
    const near = groups.slice(0, MAX_COMPARED)
    const group = near.find((g) => g.events.slice(0, MAX_COMPARED).some((e) => sameEvent(e, event, groupSimilarity, weight))) ?? near.find((g) => joinsAsOnlyOne(event, g, once))
    if (group) {
      group.events.push(event)
      for (const l of event.lemmas) group.lemmas.add(l)
      if (event.anchor) group.anchors.add(event.anchor)
    } else {
      groups.push({ value: event.date.value, granularity: event.date.granularity, events: [event], lemmas: new Set(event.lemmas), anchors: new Set(event.anchor ? [event.anchor] : []) })
    }
    byValue.set(key, groups)
  }
  return [...byValue.values()].flat()
}

/** The group's wording: the event sharing most words with the others, then the shortest. */
function groupText(group: EventGroup): string {
  const events = group.events.slice(0, MAX_COMPARED)
  const score = (e: DatedEvent) => events.reduce((s, o) => (o === e ? s : s + jaccard(e.lemmas, o.lemmas)), 0) - wordsIn(e.text) * 0.01
  const scores = events.map(score)
  return events[scores.reduce((best, x, i) => (x > scores[best] ? i : best), 0)].text
}

function articleIds(group: EventGroup): string[] {
  return [...new Set(group.events.map((e) => e.articleId))]
}

/**
 * Two groups whose dates are attached to the same word ("apologize") and that share at least
 * `minShared` other words ("Facebook post"): one happening, worded apart too much for the word
 * overlap alone.
 */
function sameAnchoredEvent(a: EventGroup, b: EventGroup, minShared: number): boolean {
  const anchor = [...a.anchors].find((x) => b.anchors.has(x))
  if (!anchor) return false
  let shared = 0
  for (const l of a.lemmas) if (l !== anchor && b.lemmas.has(l)) shared++
  return shared >= minShared
}

/** Whether one group's words (or its dated word and three more) tell what another's tell (`conflictSimilarity`, `sameAnchoredEvent`). */
function tellsSame(x: EventGroup, y: EventGroup, conflictSimilarity: number, minAnchorShared: number): boolean {
  return jaccard(x.lemmas, y.lemmas) >= conflictSimilarity || sameAnchoredEvent(x, y, minAnchorShared)
}

/**
 * The events of two groups of different dates that give one happening those dates, or null when
 * they do not. Two groups of different articles disagree when their words tell the same; of
 * each, the events that on their own tell what the other group tells (the rest of a row may be
 * another happening of that day), or all of it when none does alone. An article does not disagree
 * with itself, but the other articles of two groups that share one may: one outlet dates a post
 * Friday and the apology Saturday, another the apology Friday (in a row with the first outlet's
 * post). Then the other articles' events must tell what the shared article's events in the other
 * group tell more than what its events in their own group tell: an outlet that dates the Senate
 * vote Tuesday and the House vote Wednesday gives another outlet's Senate vote on Tuesday no
 * second date.
 */
function conflictSides(a: EventGroup, b: EventGroup, idsA: readonly string[], idsB: readonly string[], conflictSimilarity: number, minAnchorShared: number): [DatedEvent[], DatedEvent[]] | null {
  const shared = idsA.filter((id) => idsB.includes(id))
  if (shared.length === 0) {
    if (!tellsSame(a, b, conflictSimilarity, minAnchorShared)) return null
    return [alike(a, b, conflictSimilarity, minAnchorShared), alike(b, a, conflictSimilarity, minAnchorShared)]
  }
  for (const [x, y, own] of [
    [without(a, idsB), b, a],
    [without(b, idsA), a, b],
  ] as const) {
    if (!x || !tellsSame(x, y, conflictSimilarity, minAnchorShared)) continue
    const theirs = only(y, shared)
    const mine = only(own, shared)
    // One clause of the shared article in both groups ("retiring at the end of the month, his
    // office said on Monday"): it gives both dates to one statement, and says which of them is the
    // happening's no more than the row does. Two clauses of one sentence may date two happenings
    // ("arrested on Monday, and released on bail on Wednesday"): they are read as any two.
    if (theirs && mine && theirs.events.some((t) => mine.events.some((e) => e.span[0] < t.span[1] && t.span[0] < e.span[1]))) continue
    if (theirs && mine && jaccard(x.lemmas, theirs.lemmas) <= jaccard(x.lemmas, mine.lemmas)) continue
    const sides: [DatedEvent[], DatedEvent[]] = [alike(x, y, conflictSimilarity, minAnchorShared), alike(y, x, conflictSimilarity, minAnchorShared)]
    return x.events[0] && a.events.includes(x.events[0]) ? sides : [sides[1], sides[0]]
  }
  return null
}

/** The events of `group` that on their own tell what `other` tells; all of them when none does. */
function alike(group: EventGroup, other: EventGroup, conflictSimilarity: number, minAnchorShared: number): DatedEvent[] {
  if (group.events.length === 1) return group.events
  const own = group.events.filter((e) => tellsSame(subgroup(group, [e])!, other, conflictSimilarity, minAnchorShared))
  return own.length > 0 ? own : group.events
}

/** The group without the events of `articleIds` (null when nothing is left). */
function without(group: EventGroup, articleIds: readonly string[]): EventGroup | null {
  return subgroup(group, group.events.filter((e) => !articleIds.includes(e.articleId)))
}

/** The group's events of `articleIds` only (null when none). */
function only(group: EventGroup, articleIds: readonly string[]): EventGroup | null {
  return subgroup(group, group.events.filter((e) => articleIds.includes(e.articleId)))
}

/** A group of some of a group's events, its words and anchors read again (null when none). */
function subgroup(group: EventGroup, events: DatedEvent[]): EventGroup | null {
  if (events.length === 0) return null
  const lemmas = new Set<string>()
  const anchors = new Set<string>()
  for (const e of events) {
    for (const l of e.lemmas) lemmas.add(l)
    if (e.anchor) anchors.add(e.anchor)
  }
  return { value: group.value, granularity: group.granularity, events, lemmas, anchors }
}

/** Words telling a happening as a repeat of an earlier one: "again", "the second time", "another round of talks". */
const REPEATED = /\b(?:again|anew|once more|(?:second|third|fourth|fifth|another|follow-up|renewed)\s+(?:[\p{L}-]+\s+)?(?:time|meeting|round|call|visit|session|vote|attempt|trip|talks|summit|debate|hearing|strike|attack))\b/iu

/**
 * Same event words, different dates at one granularity, from different articles: pairs of groups,
 * joined into one discrepancy per event (an event given five dates is one discrepancy with five
 * values, not ten pairs).
 */
function dateConflicts(groups: EventGroup[], conflictSimilarity: number, maxOtherDates: number, minAnchorShared: number): { discrepancies: Discrepancy[]; otherDates: Map<number, NonNullable<TimelineEntry['otherDates']>> } {
  // Groups are compared only within a granularity and through a shared lemma index, not all pairs.
  const index = new Map<string, number[]>()
  groups.forEach((g, i) =>
    g.lemmas.forEach((l) => {
      const list = index.get(l)
      if (list) list.push(i)
      else index.set(l, [i])
    }),
  )
  const parent = groups.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const ids = groups.map(articleIds)
  // A group dated only by relative words inside quotations says when an outlet published the words,
  // not when they were said: two outlets a day apart quoting "tonight" do not disagree.
  const quotedOnly = groups.map((g) => g.events.every((e) => e.quotedRelative))
  // A happening told as a repeat ("Thursday's meeting marks the second time in a week they met")
  // is not the earlier one another outlet dates, told without such words; two repeats ("the third
  // debate", "again criticised") are the same one as any two happenings are.
  const repeated = groups.map((g) => g.events.every((e) => REPEATED.test(e.text)))
  const seen = new Set<number>()
  const inConflict = new Set<number>()
  // Per group in a conflict, its events that disagree with another group (the whole group unless
  // the two share an article).
  const disagreeing = new Map<number, Set<DatedEvent>>()
  groups.forEach((a, i) => {
    for (const l of a.lemmas) {
      for (const j of index.get(l) ?? []) {
        const b = groups[j]
        if (j <= i || seen.has(i * groups.length + j) || a.granularity !== b.granularity || a.value === b.value || quotedOnly[i] || quotedOnly[j] || repeated[i] !== repeated[j]) continue
        seen.add(i * groups.length + j)
        const sides = conflictSides(a, b, ids[i], ids[j], conflictSimilarity, minAnchorShared)
        if (!sides) continue
        parent[find(j)] = find(i)
        inConflict.add(i).add(j)
        for (const [g, side] of [[i, sides[0]], [j, sides[1]]] as const) {
          const events = disagreeing.get(g)
          if (events) for (const e of side) events.add(e)
          else disagreeing.set(g, new Set(side))
        }
      }
    }
  })
  const components = new Map<number, number[]>()
  for (const i of [...inConflict].sort((x, y) => x - y)) {
    const root = find(i)
    const list = components.get(root)
    if (list) list.push(i)
    else components.set(root, [i])
  }
  const discrepancies: Discrepancy[] = []
  const otherDates = new Map<number, NonNullable<TimelineEntry['otherDates']>>()
  for (const members of components.values()) {
    // One value per date: groups of one date joined, most reported first.
    const byDate = new Map<string, { value: string; articleIds: string[]; support: Citation[] }>()
    for (const g of members) {
      const v = byDate.get(groups[g].value) ?? { value: groups[g].value, articleIds: [], support: [] }
      for (const e of disagreeing.get(g) ?? []) {
        if (!v.articleIds.includes(e.articleId)) v.articleIds.push(e.articleId)
        v.support.push({ articleId: e.articleId, start: e.date.span[0], end: e.date.span[1] })
      }
      byDate.set(groups[g].value, v)
    }
    const values = [...byDate.values()].sort((x, y) => y.articleIds.length - x.articleIds.length)
    // Worded by the events that disagree, not by the rest of their rows (another happening of that day).
    const told = (g: number) => [...(disagreeing.get(g) ?? [])]
    const lead = members.reduce((best, g) => (new Set(told(g).map((e) => e.articleId)).size > new Set(told(best).map((e) => e.articleId)).size ? g : best))
    const leadEvents = told(lead)
    const wording = groupText({ ...groups[lead], events: leadEvents.length > 0 ? leadEvents : groups[lead].events })
    discrepancies.push({ kind: 'date', description: `date of ${wording.split(/\s+/).slice(0, 10).join(' ')}`, values })
    // Each entry of the event names the other dates it is given (the most reported first), by the
    // outlets not in the entry: one in it gives the entry's date to what the entry says.
    for (const g of members) {
      const others = values
        .filter((v) => v.value !== groups[g].value)
        .map((v) => ({ date: v.value, articleIds: v.articleIds.filter((id) => !ids[g].includes(id)) }))
        .filter((v) => v.articleIds.length > 0)
        .slice(0, maxOtherDates)
      if (others.length > 0) otherDates.set(g, others)
    }
  }
  return { discrepancies, otherDates }
}

/** Sortable start of a date value: ISO weeks become their Monday. */
function sortKey(value: string): string {
  const week = /^(\d{4})-W(\d{2})/.exec(value)
  if (!week) return value
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4))
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (Number(week[2]) - 1) * 7 * 864e5)
  return monday.toISOString().slice(0, 10)
}

// Plain code-unit order: locale collation would ignore the hyphens of ISO dates.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Builds the timeline of a story's articles: one entry per event (a date with the words around it),
 * grouped across articles, sorted by date; and the events different articles date differently.
 * @example const { timeline } = buildTimeline(story.articles)
 */
export function buildTimeline(
  articles: Annotated[],
  { maxWords = 25, minWords = 6, groupSimilarity = 0.4, conflictSimilarity = 0.5, minAnchorShared = 3, maxEvents = 2000, maxOtherDates = 5, facts = [] }: TimelineOptions = {},
): { timeline: TimelineEntry[]; discrepancies: Discrepancy[] } {
  const supports = new Map<string, { id: string; start: number; end: number }[]>()
  for (const f of facts) {
    // A fact one article alone reports joins nothing across articles.
    if (f.articleIds.length < 2) continue
    for (const s of f.support) {
      const list = supports.get(s.articleId)
      if (list) list.push({ id: f.id, start: s.start, end: s.end })
      else supports.set(s.articleId, [{ id: f.id, start: s.start, end: s.end }])
    }
  }
  const events = articles.flatMap((a) => datedEvents(a, minWords, maxWords, supports.get(a.id) ?? [])).slice(0, maxEvents)
  const groups = groupEvents(events, groupSimilarity)
  const timeline = groups.map((g): TimelineEntry => {
    const support: Citation[] = g.events.map((e) => ({ articleId: e.articleId, start: e.span[0], end: e.span[1] }))
    // Say which outlets' dates were read from the story's day, not from their own publication date.
    const storyDayFor = [...new Set(g.events.filter((e) => e.date.via?.endsWith(STORY_DAY_VIA)).map((e) => e.articleId))]
    return { date: g.value, granularity: g.granularity, text: groupText(g), articleIds: articleIds(g), support, ...(storyDayFor.length > 0 ? { storyDayFor } : {}) }
  })
  const conflicts = dateConflicts(groups, conflictSimilarity, maxOtherDates, minAnchorShared)
  for (const [g, others] of conflicts.otherDates) timeline[g].otherDates = others
  timeline.sort(
    (a, b) =>
      compareKeys(sortKey(a.date), sortKey(b.date)) ||
      GRANULARITY_ORDER[a.granularity] - GRANULARITY_ORDER[b.granularity] ||
      b.articleIds.length - a.articleIds.length,
  )
  return { timeline, discrepancies: conflicts.discrepancies }
}
