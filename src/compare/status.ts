/**
 * Status discrepancies: outlets giving one person a different standing in the same matter,
 * "resigned" vs "is retiring", "charged with five crimes" vs "no charges have been filed",
 * "was convicted" vs "was acquitted". Stages, in order:
 *   1. read: each claim outside quotation marks, for the status words of each matter (STATUSES);
 *   2. attach: the status to the person the claim names first, or, for a claim naming no one
 *      ("No charges have been filed against him"), to the person the previous claim named;
 *   3. compare: per person and matter, the statuses each article gives; a discrepancy when two
 *      articles give different statuses and no article gives both (an article telling both is
 *      telling a sequence, "resigned, then retired").
 * The words are a small table by matter, read in order (a negated charge before a charge, and
 * hiding it).
 */
import type { Annotated, Discrepancy } from '../types.js'
import type { Claim } from './claims.js'
import { nameKey } from '../text/names.js'

/** One matter and its mutually exclusive statuses, each with the words that state it. */
interface Matter {
  name: string
  statuses: { status: string; words: RegExp; /** A claim stating this status states none after it in the list ("not charged" hides "charged"). */ masks?: boolean }[]
}

export const STATUSES: readonly Matter[] = [
  {
    name: 'leaving office',
    statuses: [
      { status: 'resigned', words: /\b(?:resign(?:s|ed|ing)?|resignation|quit(?:s|ting)?)\b/i },
      { status: 'retiring', words: /\b(?:retir(?:e|es|ed|ing)|retirement)\b/i },
      { status: 'fired', words: /\b(?:fired|ousted|dismissed|sacked|forced out)\b/i },
    ],
  },
  {
    name: 'charges',
    statuses: [
      // Read first: "has not been charged" must not count as "charged".
      { status: 'not charged', masks: true, words: /\b(?:no (?:formal |criminal )?charges|not (?:yet )?(?:been )?(?:formally )?charged|n['’]t (?:yet )?(?:been )?charged|without (?:being )?charged?)\b/i },
      // "charged with", and the active "prosecutors charged Ann Roe with" / "charged him with" (case
      // matters here: a name is capitalised).
      { status: 'charged', words: /\b(?:[Cc]harged (?:(?:him|her|them)\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3})?with|[Ii]ndicted|[Ff]aces? (?:\w+ )?(?:federal |criminal |state )?charges|[Ww]as charged|[Ww]ere charged|[Bb]een charged)\b/u },
    ],
  },
  {
    name: 'verdict',
    statuses: [
      { status: 'acquitted', words: /\b(?:acquitted|found not guilty|not guilty verdict)\b/i },
      { status: 'convicted', words: /\b(?:convicted|found guilty|guilty verdict|pleaded guilty)\b/i },
    ],
  },
]

const QUOTE_MARKS = /["“”]/

interface Reading {
  person: string
  display: string
  matter: string
  status: string
  claim: Claim
}

/**
 * Words right before a status word that make it no status: a demand, a possibility or a denial of
 * one ("calls on him to resign", "calls for his resignation", "should resign", "refused to resign",
 * "if convicted"). A plan is one ("will retire", "plans to retire").
 */
const NOT_STATED = /\b(?:should|could|must|may|might|not|never|n['’]t|if|whether|call(?:s|ed|ing)?\s+for|(?:call(?:s|ed|ing)?\s+on|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|press(?:ed|ing)?|push(?:ed|ing)?|ask(?:s|ed|ing)?|refus(?:e|es|ed|ing)|want(?:s|ed)?|threaten(?:s|ed|ing)?)(?:\s+[\w’']+){0,2}?\s+to)\s+(?:(?:be|been|him|her|them|his|their|a|the|formal|immediate)\s+){0,2}$/i

/** The statuses a claim states, per matter, in the table's order (a masking status ends the matter), each with where its words start. */
function statusesOf(text: string): { matter: string; status: string; at: number }[] {
  const out: { matter: string; status: string; at: number }[] = []
  for (const matter of STATUSES) {
    for (const s of matter.statuses) {
      const m = s.words.exec(text)
      if (!m) continue
      if (!s.masks && NOT_STATED.test(text.slice(Math.max(0, m.index - 40), m.index))) continue
      out.push({ matter: matter.name, status: s.status, at: m.index })
      if (s.masks) break
    }
  }
  return out
}

type Person = { key: string; display: string }

/**
 * Whose status the words at `at` state: the person named last before them ("Trump said Mattis
 * will retire": Mattis), else the first after them ("the resignation of Mattis").
 */
function personAt(people: readonly { span: readonly [number, number]; name: string }[], at: number): Person | null {
  const before = people.filter((e) => e.span[1] <= at).at(-1)
  const e = before ?? people.find((x) => x.span[0] >= at)
  return e ? { key: nameKey(e.name, 'person'), display: e.name } : null
}

/**
 * Status discrepancies across a story's claims (`articleClaims` of each article, in text order).
 * @example statusDiscrepancies(articles, claims)[0].description // 'status of Mattis: resigned vs retiring'
 */
export function statusDiscrepancies(articles: readonly Annotated[], claims: readonly Claim[]): Discrepancy[] {
  const byId = new Map(articles.map((a) => [a.id, a]))
  const readings: Reading[] = []
  let lastPerson: { articleId: string; key: string; display: string; sentenceIndex: number } | null = null
  for (const claim of claims) {
    const article = byId.get(claim.articleId)
    if (!article) continue
    const people = article.entities.filter((e) => e.type === 'person' && e.span[0] >= claim.span[0] && e.span[1] <= claim.span[1])
    const previous = lastPerson && lastPerson.articleId === claim.articleId && claim.sentenceIndex - lastPerson.sentenceIndex <= 1 ? lastPerson : null
    const last = people.at(-1)
    if (last) lastPerson = { articleId: claim.articleId, key: nameKey(last.name, 'person'), display: last.name, sentenceIndex: claim.sentenceIndex }
    // Words inside quotation marks are a speaker's, and a status someone asserts is not the outlet's;
    // an announcement the outlet reports ("Trump said Mattis will retire") is.
    if (claim.quoted || QUOTE_MARKS.test(claim.text)) continue
    for (const { matter, status, at } of statusesOf(claim.text)) {
      // A claim naming no one ("No charges have been filed against him") is about the person before.
      const person = personAt(people, claim.span[0] + at) ?? previous
      if (person) readings.push({ person: person.key, display: person.display, matter, status, claim })
    }
  }
  const groups = new Map<string, Reading[]>()
  for (const r of readings) {
    const key = `${r.person}\u0000${r.matter}`
    const list = groups.get(key)
    if (list) list.push(r)
    else groups.set(key, [r])
  }
  const out: Discrepancy[] = []
  for (const group of groups.values()) {
    const byArticle = new Map<string, Set<string>>()
    for (const r of group) byArticle.set(r.claim.articleId, (byArticle.get(r.claim.articleId) ?? new Set()).add(r.status))
    const statuses = [...new Set(group.map((r) => r.status))]
    if (statuses.length < 2 || byArticle.size < 2) continue
    if ([...byArticle.values()].some((s) => s.size > 1)) continue
    const display = group.reduce((best, r) => (r.display.length > best.length ? r.display : best), group[0].display)
    out.push({
      kind: 'status',
      description: `${group[0].matter} of ${display}: ${statuses.join(' vs ')}`,
      values: statuses.map((status) => {
        const own = group.filter((r) => r.status === status)
        return {
          value: status,
          articleIds: [...new Set(own.map((r) => r.claim.articleId))],
          support: own.map((r) => ({ articleId: r.claim.articleId, start: r.claim.span[0], end: r.claim.span[1] })),
        }
      }),
    })
  }
  return out
}
