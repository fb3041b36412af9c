/**
 * Entity mentions (people, organisations, places, unnamed sources) in one article's text.
 *
 * Stages, in order (each refines the list the one before made):
 *   1. tokens and capitalised runs (headings in Title Case are marked: their capitals mean nothing; a
 *      quoted nickname inside a name is blanked first, so "James “Mad Dog” Mattis" is one run);
 *   2. candidates: lexicon places/organisations, title words set aside, the rest typed by shape;
 *   3. place cues ("the X region", "X, Ohio", the "Tex." of "Kerrville, Tex.") type unknown words — before 4, so the type spreads to every mention;
 *   4. aliases: a surface's type spreads, a lone surname becomes the full name;
 *   5. roles before or after each person's name;
 *   6. unnamed-source descriptors (not those inside a named person's role), and bare "the official"
 *      resolved to what it refers back to.
 */
import type { EntityMention, Span } from '../../types.js'
import { segmentRun } from './candidates.js'
import { FIRST_NAMES } from './lexicon.js'
import { findDescriptors, resolveBareDescriptors } from './descriptors.js'
import { resolveAliases, typePlacesByCue, type Resolved } from './resolve.js'
import { roleAfter, roleBefore } from './roles.js'
import { lowerBound } from '../../text/spans.js'
import { capitalisedRuns, headingSentences, tokenize, type Token } from './tokens.js'

const STAGE = 'enrich/entities'

/** Options for {@link findEntities}. */
export interface EntityOptions {
  /** Text beyond this many characters is not searched (bounds work per article). */
  maxTextLength?: number
  /** At most this many mentions are returned. */
  maxMentions?: number
}

/**
 * People, organisations, places and unnamed sources mentioned in `text`, sorted by position.
 * @example findEntities(t, splitSentences(t)) // "Kremlin spokesman Dmitry Peskov" -> person "Dmitry Peskov", role "Kremlin spokesman"
 */
export function findEntities(
  text: string,
  sentences: readonly Span[],
  { maxTextLength = 200_000, maxMentions = 5_000 }: EntityOptions = {},
): EntityMention[] {
  const bounded = withoutNicknames(text.length > maxTextLength ? text.slice(0, maxTextLength) : text)
  const tokens = tokenize(bounded, sentences)
  const headings = headingSentences(tokens, Math.max(1, sentences.length))
  const candidates = capitalisedRuns(tokens).flatMap(([from, to]) =>
    segmentRun(bounded, tokens, from, to, headings.has(tokens[from].sentence)),
  )
  typePlacesByCue(bounded, tokens, candidates)
  const resolved = resolveAliases(tokens, candidates)
  // The entity before each one: a role read back from a name starts at it ("Kremlin spokesman") or
  // after it, never inside it ("Department of Homeland Security Secretary Ann Roe" gives the role
  // "Secretary", not "Security Secretary").
  const byEnd = [...resolved].sort((a, b) => a.to - b.to)
  const ends = byEnd.map((r) => r.to)
  const named = resolved.map((r) => toMention(bounded, tokens, r, byEnd[lowerBound(ends, r.from + 1) - 1]))
  // A descriptor inside a named person's role ("Ann Lee, the board official leading ...") is that person, not a source.
  const roles = named.flatMap((m) => (m.roleSpan ? [m.roleSpan] : []))
  const descriptors = findDescriptors(bounded).filter((d) => !roles.some(([s, e]) => d.span[0] < e && d.span[1] > s))
  const mentions = [...named, ...descriptors].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])
  resolveBareDescriptors(mentions)
  return mentions.slice(0, maxMentions)
}

/** A nickname in quotation marks between a first name and a surname: James “Mad Dog” Mattis. */
const NICKNAME = /\b(\p{Lu}\p{Ll}+)(\s+["“][\p{Lu}][\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}["”]\s+)(?=\p{Lu}\p{Ll})/gu

/**
 * The text with each quoted nickname inside a name blanked (same length, so spans hold), so the
 * name reads as one run: "James “Mad Dog” Mattis" is the person James Mattis.
 */
function withoutNicknames(text: string): string {
  return text.replace(NICKNAME, (all, first: string, nick: string) => (FIRST_NAMES.has(first) ? first + ' '.repeat(nick.length) : all))
}

function toMention(text: string, tokens: readonly Token[], r: Resolved, before: Resolved | undefined): EntityMention {
  const span: Span = [tokens[r.from].start, tokens[r.to - 1].end]
  const mention: EntityMention = { span, type: r.type, name: r.name, via: r.via, stage: STAGE }
  if (r.type !== 'person') return mention
  const role = roleBefore(text, tokens, r.from, before && [before.from, before.to]) ?? roleAfter(text, tokens, r.to)
  return role ? { ...mention, role: role.role, roleSpan: role.roleSpan } : mention
}
