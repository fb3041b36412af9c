/**
 * Quotations with their speakers. Stages, in order (chrono style: parsers, then refiners):
 *   1. find every quoted stretch (straight, curly and single marks; apostrophes are not marks);
 *   2. merge quotations that run over several paragraphs, then join an unattributed one to the
 *      quote just before its opening attribution (before 3, which judges whole quotes);
 *   3. classify direct / partial;
 *   4. attach cue, channel and speaker, in text order (so "he said" can look back at earlier
 *      speakers), and give a cue-less quote the speaker of the quote just before it;
 *   5. drop scare quotes and headline fragments that no one is said to have said.
 */
import type { EntityMention, QuoteKind, QuoteMention, Span } from '../../types.js'
import { channelAnywhere, phraseAfterVerb, SPEECH_VERB, type Verb } from './cues.js'
import { findStretches, mergeParagraphQuotes, trimStretch, type Stretch } from './marks.js'
import { clauseStart, clauseSubject, resolveBack, sentenceIndex, speakerCandidates, subjectOf, type ArticleView, type SpeakerCandidate } from './speaker.js'

const STAGE = 'enrich/quotes'
const ACCORDING = /^according to$/i
const CITING = /^,?\s+citing\s+/

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
      attribute(view, s, kind, quoted) ?? subjectOnly(view, s, kind) ?? inherit(text, sentences, s, kind, previous)
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
    // "promised to enforce", "is said to want": a verb before an infinitive reports no words.
    if (/^\s+to\s+[a-z]/.test(text.slice(start + m[0].length, start + m[0].length + 8)) && !ACCORDING.test(m[0])) continue
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

/** A quote with no cue of its own continues the quote just before it in the same or previous sentence. */
function inherit(
  text: string,
  sentences: readonly Span[],
  s: Stretch,
  kind: QuoteKind,
  previous: { quote: QuoteMention; sentence: number } | null,
): QuoteMention {
  const here = sentenceIndex(sentences, s.open)
  const near = kind === 'direct' && previous !== null && previous.quote.speaker !== null && here - previous.sentence <= 2 && !/\n\s*\n[^“"]/.test(text.slice(previous.quote.span[1], s.open))
  return { span: [s.start, s.end], speaker: near ? { name: previous.quote.speaker!.name } : null, kind, stage: STAGE }
}

/** Stage 5: scare quotes and titles, and quoted headline fragments standing alone without a speaker. */
function dropped(text: string, s: Stretch, q: QuoteMention, scareQuoteWords: number): boolean {
  if (q.speaker) return false
  if (q.kind === 'partial' && text.slice(s.start, s.end).split(/\s+/).length <= scareQuoteWords) return true
  const lineStart = text.lastIndexOf('\n', s.open) + 1
  const lineEnd = text.indexOf('\n', s.close)
  return text.slice(lineStart, s.open).trim() === '' && text.slice(s.close, lineEnd < 0 ? text.length : lineEnd).trim() === '' && s.mark === 'single'
}

