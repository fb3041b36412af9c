/**
 * Claims: the atomic statements fact alignment compares. Two stages, in order: split each sentence
 * into clauses (coordinated main clauses apart, relative clauses kept with their head), then read
 * each clause's features (content lemmas, name keys, numbers, dates) and its attribution, kept
 * apart from what it asserts. Content lemmas come from src/text/stems.ts, shared with src/story/.
 */
import type { Annotated, DateMention, NumberMention, Span } from '../types.js'
import { expandAbbreviations, nameKey } from '../text/names.js'
import { contentLemmas } from '../text/stems.js'
import { editorialLabelLength, inEditorsNotice } from '../text/tokens.js'

/** Jaccard similarity of two sets. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const x of small) if (large.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

// ---------------------------------------------------------------------------------------------
// Claims

/** One atomic statement of one article, with the features alignment compares. */
export interface Claim {
  articleId: string
  /** Outlet name, or the article id when the outlet is unknown: what "distinct sources" counts. */
  source: string
  sentenceIndex: number
  /** The claim's span inside the article; inside its sentence. */
  span: Span
  text: string
  /** Who the article says asserted it ("according to TASS", "Ushakov said"); null when the article asserts it. */
  attributedTo: string | null
  /** Most of the claim is a quotation. */
  quoted: boolean
  /** Negated or hedged ("no decision", "would decide whether", "wouldn't be"). */
  negated: boolean
  lemmas: string[]
  /** Name keys (see `nameKey`) of the entities mentioned inside the claim. */
  names: string[]
  numbers: NumberMention[]
  dates: DateMention[]
  stage: 'compare/claims'
}

export interface ClaimOptions {
  /** A clause shorter than this stays joined to its neighbour. */
  minClauseWords?: number
  /** Bound on claims read from one article. */
  maxClaimsPerArticle?: number
}

// Coordinated main clauses: "; ", ", and ", ", but ", ", while ". Relative "which/who" clauses are
// not split points, so they stay with their head.
const CLAUSE_BREAK = /;\s+|,\s+(?:and|but|while)\s+/g
const WORDS = /\S+/g
const WITHHELD = /\b(?:did|does|do|would|could|has|have|had)\s*(?:not|n['’]t)\s+(?:immediately\s+)?(?:elaborate|specify|say|give|provide|detail|disclose|comment|respond|reply|name|identify|offer)\b/gi
const SUBORDINATE_TAIL = /,\s+(?:though|although|even though|as|after|before|because|since|which|who|where|when|while)\b.*$/s
const QUOTE_CHARS = /["“”]/g
const NEGATION = /\b(?:not|no|never|none|nobody|neither|nor|denied|denies|deny|refused|unclear|whether|yet to)\b|n['’]t\b/i
const NAME_RUN = String.raw`(?:the\s+)?[A-Z][\p{L}.'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\p{L}.'’-]*){0,4}`
const DESCRIPTOR = String.raw`\b(?:[Aa]n?|[Tt]he)\s+(?:[\p{L}-]+\s+){0,4}?(?:officials?|spokes(?:man|woman|person)|sources?|person|adviser|aide|diplomats?|agency|media|outlets?|ministry|statement)`
const CUE = String.raw`(?:said|says|reported|reports|told|stated|added|noted|claimed|announced|wrote|posted|confirmed)`
const SOURCE_DESCRIPTOR = String.raw`(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:media|agency|news agency|officials?|sources?|reports?)`
const ACCORDING = new RegExp(String.raw`\b(?:according to|citing)\s+(${SOURCE_DESCRIPTOR}(?:\s+[A-Z][\p{L}]+)?|${NAME_RUN}|${DESCRIPTOR})`, 'u')
// Cheap gate: most sentences have no attribution cue, and the patterns above are costly to run.
const ANY_CUE = new RegExp(String.raw`\b(?:according to|citing|${CUE})\b`)
const TIME_WORD = /^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Earlier|Later)\b/
const SUBJECT_CUE = new RegExp(String.raw`(${NAME_RUN}|${DESCRIPTOR})\s+${CUE}\b`, 'u')
const INVERTED_CUE = new RegExp(String.raw`\b${CUE}\s+(${NAME_RUN}|${DESCRIPTOR})\s*[.,]?\s*$`, 'u')
// Sentence-initial words that a capitalised run may start with but that are not names.
const NOT_NAME_START = /^(?:The|A|An|But|And|Earlier|Later|Then|On|In|However|Meanwhile|He|She|They|It|We)\s+/
const PRONOUN_ONLY = /^(?:it|he|she|they|we|i|you|this|that|these|those)$/i

function wordCount(text: string): number {
  return text.match(WORDS)?.length ?? 0
}

/**
 * Clause spans of one sentence: split on coordinated main clauses outside quotations. `quoted`:
 * the article's quotation spans, when known; a quote carried over a paragraph break reopens with a
 * mark of its own ("... honestly.¶“European leaders were on the call, and ..."), so counting marks
 * alone would read its second paragraph as outside it.
 */
export function splitClauses(text: string, sentence: Span, minClauseWords = 4, quoted: readonly Span[] = []): Span[] {
  const body = text.slice(sentence[0], sentence[1])
  const out: Span[] = []
  let start = 0
  for (const m of body.matchAll(CLAUSE_BREAK)) {
    const at = m.index
    // Inside a quotation when an odd number of quote marks precede the break, or inside a quote span.
    if ((body.slice(0, at).match(QUOTE_CHARS)?.length ?? 0) % 2 === 1) continue
    if (quoted.some((q) => q[0] < sentence[0] + at && sentence[0] + at < q[1])) continue
    const left = body.slice(start, at)
    const rest = body.slice(at + m[0].length)
    if (wordCount(left) < minClauseWords || wordCount(rest) < minClauseWords + 1) continue
    out.push([sentence[0] + start, sentence[0] + at])
    start = at + m[0].length
  }
  out.push([sentence[0] + start, sentence[1]])
  return out
}

function inside(span: Span, outer: Span): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1]
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]))
}

/** Attribution of a claim: who, and where the attributing words are (kept out of its features). */
interface Attribution {
  name: string
  span: Span | null
}

/** The entity overlapping a matched stretch (the last one: the head of "U.S. President Donald Trump"). */
function canonicalName(article: Annotated, span: Span, fallback: string): string {
  const entity = article.entities.findLast((e) => overlap(e.span, span) > 0 && e.type !== 'place')
  if (entity) return entity.name
  // "It said", "they said": a pronoun names no one; the next pattern may.
  if (PRONOUN_ONLY.test(fallback.trim())) return ''
  const rest = fallback.replace(NOT_NAME_START, '').replace(/[.,;:]+$/, '').trim()
  // "The ministry" is a descriptor, not a name: keep its article, in lower case.
  return /^\p{Ll}/u.test(rest) ? fallback.charAt(0).toLowerCase() + fallback.slice(1) : rest
}

/** The speaker of a quote overlapping the claim `span`, as its attribution; else null. */
function quoteAttribution(article: Annotated, span: Span): Attribution | null {
  const speaker = article.quotes.find((q) => q.speaker && overlap(q.span, span) > 0)?.speaker
  return speaker ? { name: speaker.name, span: speaker.span ?? null } : null
}

/**
 * Who a sentence's cue credits: "according to X", "X said", "said X"; else null. The cue may sit in
 * the sentence's other clause ("X said Monday that A, and B"), so the whole sentence is read, once
 * for all its clauses.
 */
function sentenceAttribution(article: Annotated, sentence: Span): Attribution | null {
  const text = article.text.slice(sentence[0], sentence[1])
  if (!ANY_CUE.test(text)) return null
  for (const re of [ACCORDING, SUBJECT_CUE, INVERTED_CUE]) {
    const m = re.exec(text)
    if (!m || m[1] === undefined) continue
    const at = sentence[0] + m.index + m[0].indexOf(m[1])
    const matched: Span = [sentence[0] + m.index, sentence[0] + m.index + m[0].length]
    if (TIME_WORD.test(m[1])) {
      // "Trump on Wednesday said": the subject is the last person or organisation before the cue.
      const subject = article.entities.findLast((e) => e.span[1] <= at && e.span[0] >= sentence[0] && e.type !== 'place')
      if (subject) return { name: subject.name, span: matched }
      continue
    }
    const name = canonicalName(article, [at, at + m[1].length], m[1])
    if (name.length > 1) return { name, span: matched }
  }
  return null
}

/** Share of a span's characters inside direct or partial quotations. */
export function quotedShare(article: Annotated, span: Span): number {
  let covered = 0
  for (const q of article.quotes) if (q.kind !== 'indirect') covered += overlap(q.span, span)
  return covered / Math.max(1, span[1] - span[0])
}

/**
 * Whether `at` lies inside a quotation opened earlier in its paragraph and not yet closed: curly
 * marks counted open and shut, straight double quotes by parity (read back at most 2,000 characters).
 */
export function insideOpenQuote(text: string, at: number): boolean {
  const from = Math.max(0, text.lastIndexOf('\n', at - 1) + 1, at - 2000)
  let open = 0
  let straight = 0
  for (let i = from; i < at; i++) {
    const c = text[i]
    if (c === '“') open++
    else if (c === '”') open = Math.max(0, open - 1)
    else if (c === '"') straight++
  }
  return open > 0 || straight % 2 === 1
}

/** The text with the given article spans replaced by spaces (offsets kept). */
function blank(text: string, offset: number, spans: Span[]): string {
  let out = text
  for (const [start, end] of spans) {
    const s = Math.max(0, start - offset)
    const e = Math.min(text.length, end - offset)
    if (e > s) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e)
  }
  return out
}

/**
 * The article's sentences, with the sentences one quotation runs across joined into one: a quote
 * cut at its own sentence breaks ("... talks. And it must be done honestly.”) is one claim with
 * one attribution, not fragments. Each unit keeps the index of its first sentence.
 */
export function claimUnits(article: Annotated): { span: Span; sentenceIndex: number }[] {
  const units: { span: Span; sentenceIndex: number }[] = []
  const quotes = article.quotes.filter((q) => q.kind !== 'indirect').sort((a, b) => a.span[0] - b.span[0])
  let q = 0
  article.sentences.forEach((sentence, sentenceIndex) => {
    // An editor's notice about the article ("Correction: This article originally said ...") states
    // no fact of the story, and an editor's label ("UPDATE:", "Updated:") is no part of the one after it.
    if (inEditorsNotice(article.text, sentence[0])) return
    const label = editorialLabelLength(article.text.slice(sentence[0], Math.min(sentence[1], sentence[0] + 60)))
    if (label > 0) sentence = [sentence[0] + label, sentence[1]]
    const last = units[units.length - 1]
    // Quotes ending before this sentence cannot join it to the previous one.
    while (q < quotes.length && quotes[q].span[1] <= sentence[0]) q++
    let joins = false
    for (let k = q; k < quotes.length && quotes[k].span[0] < sentence[0]; k++) if (quotes[k].span[1] > sentence[0]) joins = true
    if (joins && last) last.span = [last.span[0], sentence[1]]
    else units.push({ span: [sentence[0], sentence[1]], sentenceIndex })
  })
  return units
}

/** Splits an article into claims with their features, in text order. */
export function articleClaims(
  article: Annotated,
  { minClauseWords = 4, maxClaimsPerArticle = 400 }: ClaimOptions = {},
): Claim[] {
  const claims: Claim[] = []
  const source = article.outlet?.name ?? article.id
  const quoted = article.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.span)
  for (const { span: sentence, sentenceIndex } of claimUnits(article)) {
    const inUnit = quoted.filter((q) => q[0] < sentence[1] && sentence[0] < q[1])
    // Who the sentence's cue credits, read when a clause without a quote's speaker first needs it.
    let credited: Attribution | null | undefined
    for (const clause of splitClauses(article.text, sentence, minClauseWords, inUnit)) {
      if (claims.length >= maxClaimsPerArticle) return claims
      const raw = article.text.slice(clause[0], clause[1])
      const text = raw.trim()
      if (text.length === 0) continue
      // Span and text agree exactly, so offsets inside `text` map back to the article.
      const lead = raw.length - raw.trimStart().length
      const span: Span = [clause[0] + lead, clause[0] + lead + text.length]
      // Who a claim is attributed to: a quote's speaker, else the sentence's cue.
      const attributed = quoteAttribution(article, span) ?? (credited === undefined ? (credited = sentenceAttribution(article, sentence)) : credited)
      const cue = attributed?.span && overlap(attributed.span, span) > 0 ? attributed.span : null
      const entities = article.entities.filter((e) => inside(e.span, span) && !(cue && inside(e.span, cue)))
      // Lemmas come from the words around the names: names count once, as name keys; attributing
      // words say who speaks, not what happened. A role beside a name stays: "the seven-term
      // congressman", "a former Navy admiral" state facts outlets share (BASIL: corroboration
      // recall 41.2 -> 42.4, precision 87.8 -> 88.7; leave-one-event-out 28.4% -> 33.2% of pairs).
      const asserted = blank(text, span[0], [...(cue ? [cue] : []), ...entities.map((e) => e.span)])
      claims.push({
        articleId: article.id,
        source,
        sentenceIndex,
        span,
        text,
        attributedTo: attributed?.name ?? null,
        quoted: quotedShare(article, span) > 0.5,
        // A negation in a trailing subordinate clause ("..., though he did not say which") or about
        // details withheld ("did not elaborate") does not deny the claim itself.
        negated: NEGATION.test(text.replace(SUBORDINATE_TAIL, '').replace(WITHHELD, '')),
        // "Rep." and "Representative", "Calif." and "California" are one word.
        lemmas: contentLemmas(expandAbbreviations(asserted)),
        names: entities.map((e) => nameKey(e.name, e.type)),
        numbers: article.numbers.filter((n) => inside(n.span, span)),
        dates: article.dates.filter((d) => inside(d.span, span)),
        stage: 'compare/claims',
      })
    }
  }
  return claims
}
