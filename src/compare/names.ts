/**
 * Whether two attributions can be one source (a body and its spokesman, two spellings, two unnamed
 * officials), by the one name key of src/text/names.ts.
 */
import type { StoryEntity } from '../types.js'
import { mentionsName, normalizeName, sameName } from '../text/names.js'

/** Who a quote is attributed to: the name as written and the story entity it resolved to, if any. */
export interface SpeakerRef {
  name: string
  entity: StoryEntity | null
}

const DESCRIPTOR_START = /^(?:a|an|the|one|two|several|some)\s/i
const HAS_UPPER = /\p{Lu}/u

/**
 * Two attributions can be one source: either is missing, one entity or spelling, two unnamed
 * sources ("a White House official", "a senior U.S. official": not known to be different people),
 * or a body and a person whose role or name mentions it ("the Kremlin" and "Kremlin aide Yury Ushakov").
 * @example compatibleSpeakers({ name: 'Kremlin', entity: kremlin }, { name: 'Yury Ushakov', entity: ushakov }) // true when a role of his is "Kremlin aide"
 */
export function compatibleSpeakers(a: SpeakerRef | null, b: SpeakerRef | null): boolean {
  if (!a || !b) return true
  if (a.entity && b.entity && a.entity.id === b.entity.id) return true
  if (sameName(a.name, b.name) || normalizeName(a.name) === normalizeName(b.name)) return true
  if (isUnnamed(a.name) && isUnnamed(b.name)) return true
  return speaksFor(a, b) || speaksFor(b, a)
}

/** "a senior official", "the spokesman", "officials": a description, not a name. */
function isUnnamed(name: string): boolean {
  return DESCRIPTOR_START.test(name) || !HAS_UPPER.test(name)
}

/** Whether `person` is described as part of `body`: a role or the name itself mentions one of its names. */
function speaksFor(person: SpeakerRef, body: SpeakerRef): boolean {
  if (person.entity?.type !== 'person' || body.entity?.type === 'person') return false
  const names = bodyNames(body)
  const descriptions = [person.name, ...person.entity.roles]
  return descriptions.some((d) => names.some((n) => mentionsName(d, n)))
}

/** A body's name as written and its entity's aliases. */
function bodyNames(body: SpeakerRef): string[] {
  return [body.name, ...(body.entity?.aliases ?? [])].filter(Boolean)
}

// A role in which a person speaks for the body it names ("Kremlin aide", "White House press
// secretary"), not one that merely names it ("Kremlin critic", "White House reporter").
const SPEAKS_FOR_BODY = /\b(?:aides?|spokes(?:man|woman|person)|advis[eo]rs?|officials?|secretary|ministers?|counsel|director|chief|chairman|chairwoman|chair|president|head|leader|representative|envoy|ambassador)$/i
// A role held no longer.
const FORMER_ROLE = /^(?:former|ex-|onetime|one-time|retired|then-)/i

/**
 * Stricter than `compatibleSpeakers`: `person` holds a role in which they speak for `body` now
 * ("Kremlin aide" for the Kremlin; not "Kremlin critic", nor "former Kremlin aide", nor a name that
 * merely holds the body's, "Michael Bloomberg" for Bloomberg).
 */
export function speaksInRoleFor(person: SpeakerRef, body: SpeakerRef): boolean {
  if (person.entity?.type !== 'person' || body.entity?.type === 'person') return false
  const names = bodyNames(body)
  return person.entity.roles.some((r) => {
    const role = r.trim()
    return !FORMER_ROLE.test(role) && SPEAKS_FOR_BODY.test(role) && names.some((n) => mentionsName(role, n))
  })
}

