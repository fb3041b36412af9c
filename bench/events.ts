/**
 * The events behind the benchmark corpus: who, where, when and how many, drawn from a seeded PRNG
 * so the same seed always gives the same corpus (no Math.random anywhere).
 */
import { EVENT_KINDS, FIRST_NAMES, GENERIC_QUOTES, ORG_KINDS, REGIONS, ROLES, SURNAMES, TOWN_HEADS, TOWN_TAILS, TRANSLITERATED } from './lexicon.js'

/** A small deterministic PRNG (mulberry32) with the helpers the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** Creates a seeded PRNG; the same seed gives the same sequence on every platform. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  return { next, int, pick: (items) => items[Math.floor(next() * items.length)], chance: (p) => next() < p }
}

export type EventKind = (typeof EVENT_KINDS)[number]

export interface Person {
  /** The first name as each transliteration style writes it (the same twice for most names). */
  first: readonly [string, string]
  surname: string
  role: (typeof ROLES)[number]
  pronoun: 'he' | 'she'
  /** Quote texts this person says in this event. */
  quotes: string[]
}

export interface EventModel {
  id: number
  kind: EventKind
  place: string
  region: string
  org: string
  /** Day the event happened, UTC midnight. */
  date: Date
  people: Person[]
  numbers: { count: number; other: number; hours: number; money: number; pop: number; years: number }
}

export interface EventOptions {
  /** Share of people drawn from a small pool of recurring public figures (names shared across events). */
  recurringShare?: number
  /** First day events may fall on. */
  firstDay?: string
  /** Days after `firstDay` that events spread over. */
  spanDays?: number
}

const DAY_MS = 86_400_000

function makeTown(rng: Rng): string {
  return rng.pick(TOWN_HEADS) + rng.pick(TOWN_TAILS)
}

function makePerson(rng: Rng): Omit<Person, 'role' | 'quotes'> {
  const translit = rng.chance(0.15)
  const first: readonly [string, string] = translit
    ? rng.pick(TRANSLITERATED)
    : ((name) => [name, name] as const)(rng.pick(FIRST_NAMES))
  return { first, surname: rng.pick(SURNAMES), pronoun: rng.chance(0.5) ? 'she' : 'he' }
}

/** Recurring figures (regional ministers, union heads...) who appear in many events. */
function makeRecurring(rng: Rng, size: number): Omit<Person, 'role' | 'quotes'>[] {
  return Array.from({ length: size }, () => makePerson(rng))
}

/** A shuffled copy (Fisher-Yates with the seeded PRNG). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

function drawNumber(rng: Rng, range: readonly [number, number]): number {
  return rng.int(range[0], range[1])
}

/**
 * Draws `count` events. People get a role each and one or two of the event kind's quotes; about
 * `recurringShare` of them come from a shared pool so names overlap between unrelated events.
 */
export function generateEvents(rng: Rng, count: number, { recurringShare = 0.15, firstDay = '2025-01-01', spanDays = 540 }: EventOptions = {}): EventModel[] {
  const recurring = makeRecurring(rng, 24)
  const start = Date.parse(`${firstDay}T00:00:00Z`)
  const events: EventModel[] = []
  for (let id = 0; id < count; id++) {
    const kind = rng.pick(EVENT_KINDS)
    const org = `${rng.pick(SURNAMES)} ${rng.pick(ORG_KINDS)}`
    const peopleCount = rng.int(3, 5)
    const people: Person[] = []
    const usedRoles = new Set<number>()
    // Each person gets their own two quotes: the kind's own first, then generic ones.
    const pool = [...shuffled(kind.quotes, rng), ...shuffled(GENERIC_QUOTES, rng)]
    for (let p = 0; p < peopleCount; p++) {
      let roleIndex = rng.int(0, ROLES.length - 1)
      while (usedRoles.has(roleIndex)) roleIndex = (roleIndex + 1) % ROLES.length
      usedRoles.add(roleIndex)
      const base = rng.chance(recurringShare) ? rng.pick(recurring) : makePerson(rng)
      const quotes = [pool[p], pool[p + peopleCount]]
      people.push({ ...base, role: ROLES[roleIndex], quotes })
    }
    events.push({
      id,
      kind,
      place: makeTown(rng),
      region: rng.pick(REGIONS),
      org,
      date: new Date(start + rng.int(0, spanDays) * DAY_MS),
      people,
      numbers: {
        count: drawNumber(rng, kind.ranges.count),
        other: drawNumber(rng, kind.ranges.other),
        hours: drawNumber(rng, kind.ranges.hours),
        money: drawNumber(rng, kind.ranges.money),
        pop: rng.int(8, 240),
        years: rng.int(3, 40),
      },
    })
  }
  return events
}

export { DAY_MS }
