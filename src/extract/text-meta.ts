/**
 * Metadata an article's text states about itself: bylines, author e-mail lines, datelines
 * ("(CNN) —"), wire tags, audio prompts, copyright lines and date stamps. Only self-references
 * count: "Reuters reported" or "told CNN" cite a source and never name the article's outlet.
 */
import type { RemovedPiece } from '../types.js'
import { dateFromStamp } from './dates.js'
import type { Found } from './html-meta.js'
import { isKnownOutletName, outletByDomain, outletByName, type Outlet } from './outlets.js'

/** Metadata found in the text, split by what the signal says about the outlet. */
export interface TextMeta {
  authors: Found<string[]> | null
  publishedAt: Found<string> | null
  /** Who wrote the story: dateline, wire tag, byline organisation. */
  origin: Found<Outlet> | null
  /** Whose site carried it: audio prompt, comment forum, e-mail domain, copyright. */
  site: Found<Outlet> | null
}

/** Paragraphs searched for a dateline; it opens the story. */
const DATELINE_PARAGRAPHS = 3

const DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{M} .,'’-]{1,60}\s*)?\(([^()\n]{2,40})\)\s*[—–-]/u
const WIRE_NAME = /^(?:the-([\w-]+?)-wire|article topic follows:\s*(.{2,40})|(.{2,40}?)[ -](?:newsource|wire))$/i
const AUDIO_NAME = /listen to (.{2,60}?) articles/i
const FORUM_NAME = /^(.{2,60}?) is committed to providing a forum/i
const COPYRIGHT_HOLDER = /^(?:copyright\b|[©™®&\s]|\(c\))*\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+?)\.?\s*(?:all rights reserved.*)?$/i
const EMAIL_DOMAIN = /@([\w-]+(?:\.[\w-]+)+)/g
const CONTACT_NAME = /(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+(?:at|on)\s+\S+@/gu
/** A person's name: two to five capitalised words (particles allowed), no digits. */
const PERSON = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:de|da|del|van|von|der|den|bin|al|la|le)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*){1,4}$/u
const ORGANISATION_WORD = /\b(?:news|press|times|post|journal|agency|network|media|wire|service|staff|reporters?|correspondents?|digital|daily|herald|tribune|gazette|radio|tv|television)\b/i
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
  const others = parts.filter((p) => !isPersonName(p))
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
  return null
}

function publishedFrom(removed: RemovedPiece[]): Found<string> | null {
  // A stamp line is the page's own date; an update note's date comes after, and a byline may carry one.
  for (const reason of ['dateline-stamp', 'update-note', 'byline']) {
    for (const stamp of piecesOf(removed, reason)) {
      const value = dateFromStamp(stamp)
      if (value) return { value, from: `text:${reason}` }
    }
  }
  return null
}

function named(name: string | undefined, from: string): Found<Outlet> | null {
  const outlet = name ? outletByName(name) : null
  return outlet ? { value: outlet, from } : null
}

function originFrom(text: string, removed: RemovedPiece[]): Found<Outlet> | null {
  const paragraphs = text.split('\n\n', DATELINE_PARAGRAPHS)
  for (const paragraph of paragraphs) {
    const found = named(DATELINE.exec(paragraph)?.[1], 'text:dateline')
    if (found) return found
  }
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

function siteFrom(removed: RemovedPiece[]): Found<Outlet> | null {
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
    const found = named(COPYRIGHT_HOLDER.exec(line)?.[1], 'text:copyright')
    if (found) return found
  }
  return null
}

/**
 * Reads the metadata an article's text gives about itself, from its clean text and the pieces
 * `removeBoilerplate` took out.
 */
export function readTextMeta(text: string, removed: RemovedPiece[]): TextMeta {
  return {
    authors: authorsFrom(removed),
    publishedAt: publishedFrom(removed),
    origin: originFrom(text, removed),
    site: siteFrom(removed),
  }
}
