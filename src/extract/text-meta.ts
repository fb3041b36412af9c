/**
 * Metadata an article's text states about itself: bylines, author e-mail lines, datelines
 * ("(CNN) —"), wire tags, audio prompts, copyright lines, mastheads and date stamps. Only self-references
 * count: "Reuters reported" or "told CNN" cite a source and never name the article's outlet.
 */
import type { RemovedPiece } from '../types.js'
import { datelineDate, readDateline } from './dateline.js'
import { stampDates } from './dates.js'
import type { Found } from './html-meta.js'
import { emailDomainOutlet, houseMarkOutlet, syndicationOutlet } from './house-marks.js'
import { copyrightHolder, mastheadName } from './masthead.js'
import { isKnownOutletName, outletByDomain, outletByName, type Outlet } from './outlets.js'

/** Metadata found in the text, split by what the signal says about the outlet. */
export interface TextMeta {
  authors: Found<string[]> | null
  publishedAt: Found<string> | null
  /** The latest update the text states ("Updated Aug. 6, 2025", "Update 8/6/25, 5:00 p.m.: ..."). */
  modifiedAt: Found<string> | null
  /** Who wrote the story: dateline, wire tag, byline organisation. */
  origin: Found<Outlet> | null
  /** Whose site carried it: audio prompt, comment forum, e-mail domain, copyright. */
  site: Found<Outlet> | null
}

const WIRE_NAME = /^(?:the-([\w-]+?)-wire|article topic follows:\s*(.{2,40})|(.{2,40}?)[ -](?:newsource|wire))$/i
const AUDIO_NAME = /listen to (.{2,60}?) articles/i
const FORUM_NAME = /^(.{2,60}?) is committed to providing a forum/i
const REPORTING_BY = /^(?:additional )?(?:reporting|writing) by ([^;]+?)(?:;|\s+(?:editing|additional reporting) by\b|$)/i
const YEAR = /\b(?:19|20)\d{2}\b/
const EMAIL_DOMAIN = /@([\w-]+(?:\.[\w-]+)+)/g
const CONTACT_NAME = /(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+(?:(?:can|may) be (?:reached|contacted|emailed)\s+)?(?:at|on)\s+\S+@/gu
/** A person's name: two to five capitalised words (particles allowed), no digits. */
const PERSON = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:de|da|del|van|von|der|den|bin|al|la|le)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*){1,4}$/u
const ORGANISATION_WORD = /\b(?:news|press|times|post|journal|agency|network|media|wire|service|staff|reporters?|correspondents?|digital|daily|herald|tribune|gazette|radio|tv|television|courier|chronicle|observer|telegraph|register|bulletin|dispatch|examiner|inquirer|enquirer|sentinel|magazine|newspaper|weekly|bureau|desk|newsroom|editorial|online)\b/i
/** A writer's role after the names ("Coast reporter", "Moscow correspondent"): neither person nor outlet. */
const ROLE = /\b(?:reporter|correspondent|editor|writer|columnist|contributor|producer|bureau chief)s?$/i
const BYLINE_SPLIT = /\s*(?:,|\||&|\band\b|\bwith\b|\bedited by\b)\s*/i
/** A date or time run into the byline ("By Jo Bloggs March 25, 2015"): everything from there on. */
const BYLINE_DATE = /\s*(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d.*$/i
/** "By", "Written by", and the same word in the languages we guess ("Par", "Von", "Por", "Door"). */
const BYLINE_LEAD = /^(?:(?:written|reported|story|words|text)\s+)?(?:by|par|von|por|door|di|da)\s*:?\s+/i

/** True when a byline part is a person's name rather than an outlet or desk ("CNN", "Fox News Digital"). */
export function isPersonName(part: string): boolean {
  return PERSON.test(part) && !isKnownOutletName(part) && !ORGANISATION_WORD.test(part)
}

/** "JANE DOE" -> "Jane Doe"; names already in mixed case are left as written ("Ana de la Cruz"). */
function titleCaseShouted(name: string): string {
  if (name !== name.toUpperCase()) return name
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase())
}

/**
 * Names and organisation of a byline: "By A, B, and C, CNN" -> people A, B, C and organisation CNN.
 * @example parseByline('By Anna Chernova and Kevin Liptak, CNN') // { people: [...2], organisation: 'CNN' }
 */
export function parseByline(byline: string): { people: string[]; organisation: string | null } {
  const parts = byline
    .replace(/\s+/g, ' ')
    .replace(BYLINE_LEAD, '')
    .replace(BYLINE_DATE, '')
    .split(BYLINE_SPLIT)
    .map((p) => p.replace(BYLINE_LEAD, '').trim())
    .filter(Boolean)
  const people = parts.filter(isPersonName).map(titleCaseShouted)
  const others = parts.filter((p) => !isPersonName(p) && !ROLE.test(p))
  const organisation = others.find((p) => isKnownOutletName(p) || /^\p{Lu}/u.test(p)) ?? null
  return { people, organisation }
}

function piecesOf(removed: RemovedPiece[], reason: string): string[] {
  return removed.filter((p) => p.reason === reason).map((p) => p.text)
}

function authorsFrom(removed: RemovedPiece[]): Found<string[]> | null {
  for (const byline of piecesOf(removed, 'byline')) {
    const { people } = parseByline(byline)
    if (people.length > 0) return { value: people, from: 'text:byline' }
  }
  for (const contact of piecesOf(removed, 'author-contact')) {
    const people = Array.from(contact.matchAll(CONTACT_NAME), (m) => m[1].replace(/^(?:write to|contact|reach)\s+/i, ''))
    if (people.length > 0) return { value: people.filter(isPersonName), from: 'text:author-contact' }
  }
  // Wire copy credits its writers at the end: "Reporting by A and B; Editing by C" (the editor is not an author).
  for (const line of piecesOf(removed, 'contributor-line')) {
    const reporters = REPORTING_BY.exec(line)?.[1]
    const people = reporters ? parseByline(reporters).people : []
    if (people.length > 0) return { value: people, from: 'text:contributor-line' }
  }
  return null
}

/** The year a copyright line states ("© 2026 Example News"), or null. */
function copyrightYear(removed: RemovedPiece[]): number | null {
  for (const line of piecesOf(removed, 'copyright')) {
    const year = YEAR.exec(line)?.[0]
    if (year) return Number(year)
  }
  return null
}

/** Lines that may carry a date, in order of trust: the page's stamp, an update note, the byline. */
const STAMP_REASONS = ['dateline-stamp', 'update-note', 'byline']

/**
 * Publication and update dates from stamp lines. "Published ... | Updated ..." gives both; a line
 * that gives only an update time ("Updated Aug. 6, 2025") also stands in for the publication date
 * when nothing else states one, as the latest day the story can have appeared (its provenance says
 * which line it came from).
 */
function datesFrom(text: string, removed: RemovedPiece[]): { publishedAt: Found<string> | null; modifiedAt: Found<string> | null } {
  let published: Found<string> | null = null
  let modified: Found<string> | null = null
  for (const reason of STAMP_REASONS) {
    for (const stamp of piecesOf(removed, reason)) {
      if (published && modified) break
      const found = stampDates(stamp)
      if (!published && found.published) published = { value: found.published, from: `text:${reason}` }
      if (!modified && found.modified) modified = { value: found.modified, from: `text:${reason}` }
    }
  }
  // A dateline gives month and day only; the copyright line's year completes it.
  const dateline = datelineDate(readDateline(text), copyrightYear(removed))
  published ??= dateline ? { value: dateline, from: 'text:dateline' } : modified
  return { publishedAt: published, modifiedAt: modified }
}

function named(name: string | undefined, from: string): Found<Outlet> | null {
  const outlet = name ? outletByName(name) : null
  return outlet ? { value: outlet, from } : null
}

function originFrom(text: string, removed: RemovedPiece[]): Found<Outlet> | null {
  const dateline = named(readDateline(text)?.agency, 'text:dateline')
  if (dateline) return dateline
  for (const tag of piecesOf(removed, 'wire-tag')) {
    const m = WIRE_NAME.exec(tag)
    const found = named(m?.[1]?.replace(/-/g, ' ') ?? m?.[2] ?? m?.[3], 'text:wire-tag')
    if (found) return found
  }
  for (const byline of piecesOf(removed, 'byline')) {
    const found = named(parseByline(byline).organisation ?? undefined, 'text:byline')
    if (found) return found
  }
  return null
}

function siteFrom(text: string, removed: RemovedPiece[]): Found<Outlet> | null {
  for (const prompt of piecesOf(removed, 'audio-prompt')) {
    const found = named(AUDIO_NAME.exec(prompt)?.[1], 'text:audio-prompt')
    if (found) return found
  }
  for (const notice of piecesOf(removed, 'comment-notice')) {
    const found = named(FORUM_NAME.exec(notice)?.[1], 'text:comment-notice')
    if (found) return found
  }
  for (const contact of piecesOf(removed, 'author-contact')) {
    for (const m of contact.matchAll(EMAIL_DOMAIN)) {
      const outlet = outletByDomain(m[1])
      if (outlet) return { value: outlet, from: 'text:email-domain' }
    }
  }
  for (const line of piecesOf(removed, 'copyright')) {
    const found = named(copyrightHolder(line) ?? undefined, 'text:copyright')
    if (found) return found
  }
  for (const line of piecesOf(removed, 'masthead')) {
    const found = named(mastheadName(line), 'text:masthead')
    if (found) return found
  }
  // Weaker signals last: a syndication notice, e-mail domains in the body, the outlet's house style.
  return syndicationOutlet(text, removed) ?? emailDomainOutlet(text, removed, outletByDomain) ?? houseMarkOutlet(text, removed)
}

/**
 * Reads the metadata an article's text gives about itself, from its clean text and the pieces
 * `removeBoilerplate` took out.
 */
export function readTextMeta(text: string, removed: RemovedPiece[]): TextMeta {
  return {
    authors: authorsFrom(removed),
    ...datesFrom(text, removed),
    origin: originFrom(text, removed),
    site: siteFrom(text, removed),
  }
}
