/**
 * Quotations with their speakers. Stages, in order (chrono style: parsers, then refiners):
 *   1. find every quoted stretch (straight, curly and single marks; apostrophes are not marks);
 *   2. merge quotations that run over several paragraphs, then join an unattributed one to the
 *      quote just before its opening attribution (before 3, which judges whole quotes);
 *   3. classify direct / partial;
 *   4. attach the speaker, in text order (so "he said" can look back at earlier speakers), from
 *      the first that fits: a signature after a dash; a speech verb with its cue and channel; the
 *      subject of a partial quote's clause; the subject before a colon that introduces it; the
 *      quote just before it, or the person the sentence before is about;
 *   5. drop scare quotes and headline fragments that no one is said to have said.
 */
import type { EntityMention, QuoteKind, QuoteMention, Span } from '../../types.js'
import { channelAnywhere, phraseAfterVerb, SPEECH_VERB, type Verb } from './cues.js'
import { findStretches, mergeParagraphQuotes, trimStretch, type Stretch } from './marks.js'
import { clauseStart, clauseSubject, resolveBack, sentenceIndex, speakerCandidates, subjectOf, type ArticleView, type SpeakerCandidate } from './speaker.js'

const STAGE = 'enrich/quotes'
const ACCORDING = /^according to$/i
const CITING = /^,?\s+citing\s+/
/** A colon (and only space) right before the opening mark: the quote is introduced by the clause before it. */
const COLON_BEFORE = /:\s*$/
const MAX_INTRO_GAP = 8
const MAX_TITLE_WORDS = 8
const TITLE_WORD = /^[(\[]?[\p{Lu}\p{N}][\p{L}\p{N}'’:.-]*$/u
const SMALL_WORD = /^(?:a|an|the|of|on|in|at|to|for|and|or|with|by|from|as|is|de|du|la)$/
/** What names a title: an outlet's possessive, or a word for a programme, book or film before it. */
const TITLE_BEFORE =
  /(?:\b[A-Z][\w.&-]*['’]s\s+|\b(?:on|show|program|programme|book|books|film|movie|documentary|series|song|album|podcast|column|op-ed|memoir|novel|titled|entitled|headlined|called|dubbed|hosts?|host of|anchor of|episode of)[\s,:]+)$/
const TITLE_AFTER = /^,?\s+(?:show|program|programme|broadcast|series|segment|podcast|interview|episode)\b/
const SIGNATURE_DASH = /^[ \t]*[―—–][ \t]*/
const PLAIN_SPEECH = /^(?:said|says|say|added|adds|wrote|writes|explained|stated|noted|remarked)$/i
const PASSIVE = /\b(?:is|was|are|were|been|be)\s+(?:\w+ly\s+)?$/i

/** Options for {@link findQuotes}. */
export interface QuoteOptions {
  /** At most this many quotes per article. */
  maxQuotes?: number
  /** Quotes longer than this many characters are mis-paired marks and are skipped. */
  maxQuoteLength?: number
  /** Partial quotes of at most this many words need a speaker to be kept (else they are scare quotes). */
  scareQuoteWords?: number
}

/**
 * Quotations in `text` with speaker, cue and channel, in text order.
 * @example findQuotes(t, splitSentences(t), findEntities(t, s)) // “Great progress was made!” -> Donald Trump, "said on Truth Social"
 */
export function findQuotes(
  text: string,
  sentences: readonly Span[],
  entities: readonly EntityMention[],
  { maxQuotes = 500, maxQuoteLength = 5000, scareQuoteWords = 2 }: QuoteOptions = {},
): QuoteMention[] {
  const stretches = mergeParagraphQuotes(text, findStretches(text))
    .map((s) => trimStretch(text, s))
    .filter((s) => s.end > s.start && s.end - s.start <= maxQuoteLength)
    .slice(0, maxQuotes)
  const quoted: Span[] = stretches.flatMap((s): Span[] => s.pieces ?? [[s.open, s.close]])
  const view: ArticleView = { text, sentences, candidates: speakerCandidates(text, entities, quoted), attributed: [] }
  const out: QuoteMention[] = []
  let previous: { quote: QuoteMention; sentence: number } | null = null
  for (const s of stretches) {
    const kind = classify(text, s)
    const quote: QuoteMention =
      signed(view, s, kind) ??
      attribute(view, s, kind, quoted) ??
      subjectOnly(view, s, kind) ??
      introduced(view, s, kind) ??
      inherit(view, s, kind, previous)
    if (quote.speaker) view.attributed.push({ start: s.open, end: s.close, name: quote.speaker.name })
    if (dropped(text, s, quote, scareQuoteWords)) continue
    out.push(quote)
    previous = { quote, sentence: sentenceIndex(sentences, s.close - 1) }
  }
  return out
}

/** Direct: starts like a sentence and is one (or has enough words); partial: a few words inside the writer's sentence. */
function classify(text: string, s: Stretch): QuoteKind {
  const body = text.slice(s.start, s.end)
  const words = body.split(/\s+/).length
  const capital = /^[.…\s]*[\p{Lu}\p{N}]/u.test(body)
  return capital && (words >= 3 || /[.!?]$/.test(body)) && s.mark === 'double' ? 'direct' : 'partial'
}

/** The sentences around a quote that may hold its attribution, as `[from, to)`. */
function attributionWindow(text: string, sentences: readonly Span[], s: Stretch): [number, number] {
  const first = Math.max(0, sentenceIndex(sentences, s.open))
  const last = Math.max(first, sentenceIndex(sentences, s.close - 1))
  let from = sentences[first]?.[0] ?? 0
  const to = Math.max(sentences[last]?.[1] ?? text.length, s.close)
  // A quote that opens its sentence may be introduced by the one before: "Trump told reporters:\n“Yeah, ...”".
  if (first > 0 && text.slice(from, s.open).trim() === '') {
    const prev = sentences[first - 1]
    if (/[:,]$|\b(?:that|said|says|saying|adding|added|wrote|stated)$/.test(text.slice(prev[0], prev[1]))) from = prev[0]
  }
  return [from, to]
}

function verbsIn(text: string, from: number, to: number, quoted: readonly Span[]): Verb[] {
  const out: Verb[] = []
  const window = text.slice(from, to)
  SPEECH_VERB.lastIndex = 0
  for (let m = SPEECH_VERB.exec(window); m !== null; m = SPEECH_VERB.exec(window)) {
    const start = from + m.index
    // "promised to enforce", "is said to want": a verb before an infinitive reports no words; but
    // "said to cheers", "told to reporters" do, so plain speech verbs are skipped only in the passive.
    const toAfter = /^\s+to\s+[a-z]/.test(text.slice(start + m[0].length, start + m[0].length + 8)) && !ACCORDING.test(m[0])
    if (toAfter && (!PLAIN_SPEECH.test(m[0]) || PASSIVE.test(text.slice(Math.max(0, start - 12), start)))) continue
    if (!quoted.some(([a, b]) => start >= a && start < b)) out.push({ start, end: start + m[0].length, word: m[0] })
  }
  return out
}

/** Stage 4: the verb that attributes the quote, its speaker, cue and channel; null when no verb fits. */
function attribute(view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[]): QuoteMention | null {
  const { text } = view
  const [from, to] = attributionWindow(text, view.sentences, s)
  const verbs = verbsIn(text, from, to, quoted)
  const after = verbs.filter((v) => v.start >= s.close)
  const before = verbs.filter((v) => v.end <= s.open)
  // Adjacent attribution first (“...,” he said), then the verb before the quote, then any after it.
  const adjacent = after.find((v) => v.start - s.close < 60 && !/[.!?]\s/.test(text.slice(s.close, v.start)))
  // "according to" names a source or a channel, so any other verb comes first.
  const order = [adjacent, before.at(-1), after[0], ...verbs].filter((v): v is Verb => v !== undefined)
  order.sort((a, b) => Number(ACCORDING.test(a.word)) - Number(ACCORDING.test(b.word)))
  for (const verb of order) {
    const boundary = verb.start >= s.close ? s.close : lastBoundary(text, from, verb.start, quoted)
    const subject = subjectOf(view, verb, from, to, boundary)
    if (!subject) continue
    const source = citedSource(view, verb, to) ?? subject
    const name = source.name ?? resolveBack(view, source.start)
    const { cueEnd, channel } = phraseAfterVerb(text, verb)
    const where = channel ?? channelAnywhere(text, from, to)
    return {
      span: [s.start, s.end],
      speaker: name ? { name, span: [source.start, source.end] } : null,
      cue: text.slice(verb.start, cueEnd),
      cueSpan: [verb.start, cueEnd],
      ...(where ? { channel: where } : {}),
      kind,
      stage: STAGE,
    }
  }
  return null
}

/** A partial quote with no speech verb belongs to the subject of its clause ("Trump promised “very severe” tariffs"). */
function subjectOnly(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  if (kind !== 'partial') return null
  const sentence = view.sentences[sentenceIndex(view.sentences, s.open)]
  if (!sentence) return null
  const subject = clauseSubject(view.text, view.candidates, clauseStart(view.text, sentence[0], s.open), s.open)
  const name = subject && (subject.name ?? resolveBack(view, subject.start))
  if (!subject || !name || subject.entity?.type === 'place') return null
  return { span: [s.start, s.end], speaker: { name, span: [subject.start, subject.end] }, kind, stage: STAGE }
}

/** "RIA Novosti reported, citing the Kremlin": the cited source is the speaker. */
function citedSource(view: ArticleView, verb: Verb, to: number): SpeakerCandidate | null {
  const m = CITING.exec(view.text.slice(verb.end, Math.min(to, verb.end + 60)))
  if (!m) return null
  const at = verb.end + m[0].length
  return view.candidates.find((c) => c.start === at || c.start === at + 4) ?? null
}

/** The end of the last quotation or comma-free clause start before `pos` (for inverted "said X"). */
function lastBoundary(text: string, from: number, pos: number, quoted: readonly Span[]): number {
  let b = from
  for (const [, e] of quoted) if (e <= pos && e > b) b = e
  return b
}

/** “We will win.” ― Ana Diaz: a name after a dash right behind the closing mark signs the quote. */
function signed(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const dash = SIGNATURE_DASH.exec(view.text.slice(s.close, s.close + 6))
  if (!dash) return null
  const at = s.close + dash[0].length
  const who = view.candidates.find((c) => c.start === at && c.kind === 'entity' && (c.entity?.type === 'person' || c.entity?.type === 'organization'))
  return who?.name ? { span: [s.start, s.end], speaker: { name: who.name, span: [who.start, who.end] }, kind, stage: STAGE } : null
}

/** "Hannity interjected: “...”", "Pollster Dana Shaw: “...”": the subject before a colon that introduces the quote. */
function introduced(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const { text, sentences } = view
  const colon = COLON_BEFORE.exec(text.slice(Math.max(0, s.open - MAX_INTRO_GAP), s.open))
  if (!colon) return null
  const at = s.open - (colon[0].length - colon[0].indexOf(':'))
  const sentence = sentences[sentenceIndex(sentences, at)]
  if (!sentence) return null
  const subject = clauseSubject(text, view.candidates, clauseStart(text, sentence[0], at), at)
  if (!subject || subject.entity?.type === 'place' || subject.entity?.type === 'other') return null
  const name = subject.name ?? resolveBack(view, subject.start)
  return name ? { span: [s.start, s.end], speaker: { name, span: [subject.start, subject.end] }, kind, stage: STAGE } : null
}

/**
 * A direct quote with no cue of its own continues the quote just before it (same or previous two
 * sentences, no narration paragraph between); failing that, a quote opening its paragraph belongs
 * to the person who is the subject of the sentence just before it.
 */
function inherit(view: ArticleView, s: Stretch, kind: QuoteKind, previous: { quote: QuoteMention; sentence: number } | null): QuoteMention {
  const { text, sentences } = view
  const here = sentenceIndex(sentences, s.open)
  const bare = { span: [s.start, s.end] as Span, speaker: null, kind, stage: STAGE }
  if (kind !== 'direct') return bare
  const near = previous !== null && previous.quote.speaker !== null && here - previous.sentence <= 2 && !/\n\s*\n[^“"]/.test(text.slice(previous.quote.span[1], s.open))
  if (near) return { ...bare, speaker: { name: previous.quote.speaker!.name } }
  const opensParagraph = /\n\s*$/.test(text.slice(Math.max(0, s.open - 4), s.open))
  const before = sentences[here - 1]
  if (!opensParagraph || !before) return bare
  const people = view.candidates.filter((c) => c.kind === 'entity' && c.entity?.type === 'person' && c.start >= before[0] && c.end <= before[1])
  const subject = clauseSubject(text, people, before[0], before[1])
  return subject?.name ? { ...bare, speaker: { name: subject.name, span: [subject.start, subject.end] } } : bare
}

/**
 * The title of a show, book or film, not words anyone said: every word capitalised (small words
 * aside), no sentence punctuation inside, and named as one ("NBC's “Meet the Press”", "on “Squawk
 * Box” program", "his book, “Crippled America”").
 */
function isTitle(text: string, s: Stretch): boolean {
  const body = text.slice(s.start, s.end).replace(/[.,]$/, '')
  const words = body.split(/\s+/)
  if (words.length > MAX_TITLE_WORDS || /[,;!?]|\.\s/.test(body)) return false
  if (!words.every((w, i) => TITLE_WORD.test(w) || (i > 0 && SMALL_WORD.test(w)))) return false
  const before = text.slice(Math.max(0, s.open - 40), s.open)
  const after = text.slice(s.close, s.close + 30)
  return TITLE_BEFORE.test(before) || TITLE_AFTER.test(after)
}

/** Stage 5: scare quotes and titles, and quoted headline fragments standing alone without a speaker. */
function dropped(text: string, s: Stretch, q: QuoteMention, scareQuoteWords: number): boolean {
  if (isTitle(text, s)) return true
  if (q.speaker) return false
  if (q.kind === 'partial' && text.slice(s.start, s.end).split(/\s+/).length <= scareQuoteWords) return true
  const lineStart = text.lastIndexOf('\n', s.open) + 1
  const lineEnd = text.indexOf('\n', s.close)
  return text.slice(lineStart, s.open).trim() === '' && text.slice(s.close, lineEnd < 0 ? text.length : lineEnd).trim() === '' && s.mark === 'single'
}

