/**
 * Quotations with their speakers. Stages, in order (chrono style: parsers, then refiners):
 *   1. find every quoted stretch (straight, curly, doubled-apostrophe and single marks;
 *      apostrophes are not marks);
 *   2. merge quotations that run over several paragraphs, then join an unattributed one to the
 *      quote just before its opening attribution (before 3, which judges whole quotes);
 *   3. classify direct / partial;
 *   4. attach the speaker, in text order (so "he said" can look back at earlier speakers), from
 *      the first that fits: a transcript label ("“ROE: ..."); a signature after a dash; a speech verb with its cue and channel; the
 *      owner of a word for something said ("Trump's claim that ..."); the subject of the clause or
 *      sentence a quote stands in; the subject before a colon that introduces it; the quote just
 *      before it, or the person (or body) the sentence before is about;
 *   5. drop titles, names in quotation marks, scare quotes and headline fragments that no one is
 *      said to have said (scare.ts).
 */
import type { EntityMention, QuoteKind, QuoteMention, Span } from '../../types.js'
import { ACCORDING, INVERTIBLE, SPEECH_VERB, channelAnywhere, phraseAfterVerb, verbsIn, type Verb } from './cues.js'
import { findStretches, mergeParagraphQuotes, speakerLabel, trimStretch, TRANSCRIPT_LABEL, type Stretch } from './marks.js'
import { dropped } from './scare.js'
import { clauseStart, clauseSubject, isStateName, lastCandidateBefore, placeGroup, resolveBack, ROLE_NOUNS, roleHolder, sentenceIndex, speakerCandidates, startWithRole, subjectOf, SUBORDINATE_LEAD, type ArticleView, type SpeakerCandidate } from './speaker.js'

const STAGE = 'enrich/quotes'
const CITING = /^,?\s+citing\s+/
/** A colon (and only space) right before the opening mark: the quote is introduced by the clause before it. */
const COLON_BEFORE = /:\s*$/
const MAX_INTRO_GAP = 8
/** Words for something said. */
const SAID_NOUNS = String.raw`(claim|claims|suggestion|conclusion|aside|remark|remarks|comment|comments|statement|assertion|argument|warning|promise|pledge|description|words|catch ?phrase|tweet|post|accusation|charge|insistence|contention|admission|assessment|characterization|vow|slogan|motto|quip|joke|message|letter|memo|speech|response|reply|answer|question|dictum|verdict|apology|missive|prediction)`
/** After a name: its possessive and a word for something said ("’s claim", "'s patronizing suggestion"). */
const SAID_NOUN_AFTER = new RegExp(String.raw`^['’]s?\s+(?:[a-z-]+\s+)?${SAID_NOUNS}\b`)
/** Right after a closing mark, a word for what was said: "” promise", "' slogan". */
const SAID_NOUN_BEHIND = new RegExp(String.raw`^["”'’]*[ \t]+${SAID_NOUNS}\b`)
/** "his claim that people would", "her warning that": a possessive pronoun, a word for something said, and its clause up to the quote. */
const OWNED_SAID_NOUN = new RegExp(String.raw`\b(his|her)\s+(?:[a-z-]+\s+)?${SAID_NOUNS}(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?\s+that(?:\s+(?:[^“”".;:']|'(?!'))[^“”".;:]{0,100})?\s*$`, 'u')
/** A sentence end (not the dot of "Mr." or an initial) or a conjunction between a quote and a verb after it. */
const SENTENCE_OR_CLAUSE = /(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|\p{Lu}))[.!?]\s|\b(?:and|but|or|while|until|because|when|as|which|who|that)\b/u
const PRONOUN_OPENS = /^["”’']*\s+(?:He|She|They|It|We|I)\b/
const ADDRESSED = /\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:asked|told)\b/
/** A sentence that hands over to the quote after it: ends in a colon, "that", or a speech verb with at most a channel or a day. */
const INTRODUCES_NEXT =
  /(?:[:,]|\b(?:that|said|says|saying|adding|added|wrote|stated|told reporters|(?:said|says|added|wrote|stated)(?:\s+(?:in|on|at|during|via)\s+(?:an?\s+|the\s+|his\s+|her\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}|\s+\w+day)))\.?$/
const MAX_BARE_ATTRIBUTION = 120
/** A sentence that is only an attribution: "Trump said.", "he added on Tuesday." */
const BARE_VERBS = String.raw`(?:said|says|added|adds|wrote|writes|explained|noted|continued|insisted|argued|stated|declared|tweeted|posted|replied|responded|asked|asks|pressed|repeated|charged|went on|answered|remarked|retorted|countered|interjected|shot back|fired back|snapped|quipped|joked|conceded|agreed|warned|demanded|questioned|wondered|exclaimed|shouted|yelled|reported)`
const BARE_ATTRIBUTION = new RegExp(
  String.raw`^(?:[Hh]e|[Ss]he|[Tt]hey|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+(?:\w+ly\s+)?${BARE_VERBS}\b[^.!?“”"]{0,40}[.!?]?$`,
  'u',
)
/** A dash right behind the closing mark (spaces may be non-breaking: “...”\u00a0― Ana Diaz). */
const SIGNATURE_DASH = /^[ \t\u00a0]*[―—–][ \t\u00a0]*/
/** A paragraph that only signs the quote before it: “...”¶- Sanders. */
const SIGNATURE_LINE = /^["”'’]*[.,]?[ \t\u00a0]*\n\s*[―—–-][ \t\u00a0]*/
/** A signature that is the whole rest of its paragraph: capitalised words, maybe a full stop ("― Pamela Ruiz."). */
const SIGNATURE_NAME = new RegExp(String.raw`^((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*?)\.?[ \t\u00a0]*(?:\n|$)`, 'u')

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
  const stretches = splitTurns(text, mergeParagraphQuotes(text, findStretches(text)).map((s) => trimStretch(text, s)))
    .filter((s) => s.end > s.start && s.end - s.start <= maxQuoteLength)
    .slice(0, maxQuotes)
  const quoted: Span[] = stretches.flatMap((s): Span[] => s.pieces ?? [[s.open, s.close]])
  const view: ArticleView = { text, sentences, candidates: speakerCandidates(text, entities, quoted), attributed: [], quoted }
  const out: QuoteMention[] = []
  let previous: Previous | null = null
  for (const s of stretches) {
    const kind = classify(text, s)
    const quote = attributeBy(SPEAKER_RULES, view, s, kind, quoted, previous)
    if (quote.speaker) view.attributed.push({ start: s.open, end: s.close, name: quote.speaker.name })
    if (dropped(view, s, quote, scareQuoteWords, quoted)) continue
    out.push(quote)
    previous = { quote, sentence: sentenceIndex(sentences, s.close - 1) }
  }
  return out
}

/** What a speaker rule is given: the article, the quote, its kind, every quoted stretch, and the quote before it. */
type SpeakerRule = (view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[], previous: Previous | null) => QuoteMention | null
type Previous = { quote: QuoteMention; sentence: number }

/**
 * The speaker rules, by name, in the order they are tried: the first that reads the quote wins,
 * and its name is the quote's `via` (unless it names a finer reading itself, as `inherit` does).
 * A signature is unambiguous, so it goes first; a speech verb is the usual case; the rules after it
 * read weaker evidence (a word for something said, the clause's subject, a colon), and the last
 * always answers (the quote before, the sentence before, or no speaker).
 */
const SPEAKER_RULES: readonly (readonly [name: string, rule: SpeakerRule])[] = [
  ['transcript-label', (view, s, kind) => labelled(view, s, kind)],
  ['signature', (view, s, kind) => signed(view, s, kind)],
  ['said-noun', (view, s, kind, quoted) => ownedClaimThat(view, s, kind, quoted)],
  ['speech-verb', (view, s, kind, quoted) => attribute(view, s, kind, quoted)],
  ['as-lead', (view, s, kind, quoted) => asLead(view, s, kind, quoted)],
  ['said-noun', (view, s, kind) => possessiveCue(view, s, kind)],
  ['clause-subject', (view, s, kind) => subjectOnly(view, s, kind)],
  ['colon', (view, s, kind) => introduced(view, s, kind)],
  ['continuation', (view, s, kind, _quoted, previous) => inherit(view, s, kind, previous)],
]

/** The first reading of `rules` that fits, with its rule's name as `via`. */
function attributeBy(rules: typeof SPEAKER_RULES, view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[], previous: Previous | null): QuoteMention {
  for (const [name, rule] of rules) {
    const quote = rule(view, s, kind, quoted, previous)
    if (quote) return quote.via ? quote : { ...quote, via: name }
  }
  return { span: [s.start, s.end], speaker: null, kind, via: 'none', stage: STAGE }
}

/** Direct: starts like a sentence and is one (or has enough words); partial: a few words inside the writer's sentence. */
function classify(text: string, s: Stretch): QuoteKind {
  const body = text.slice(s.start, s.end)
  const words = body.split(/\s+/).length
  const capital = /^[.…\s[(]*[\p{Lu}\p{N}]/u.test(body)
  return capital && (words >= 3 || /[.!?]$/.test(body)) && s.mark === 'double' ? 'direct' : 'partial'
}

/** The sentences around a quote that may hold its attribution, as `[from, to)`. */
function attributionWindow(text: string, sentences: readonly Span[], s: Stretch): [number, number] {
  const first = Math.max(0, sentenceIndex(sentences, s.open))
  const last = Math.max(first, sentenceIndex(sentences, s.close - 1))
  let from = sentences[first]?.[0] ?? 0
  const to = Math.max(sentences[last]?.[1] ?? text.length, s.close)
  // A quote that opens its sentence may be introduced by the one before: "Trump told reporters:\n“Yeah, ...”",
  // "Ana Diaz said in a statement. “...”".
  if (first > 0 && text.slice(from, s.open).trim() === '') {
    const prev = sentences[first - 1]
    if (INTRODUCES_NEXT.test(text.slice(Math.max(prev[0], prev[1] - 80), prev[1]))) from = prev[0]
  }
  // “We will win.” Trump said. — the attribution may stand as a sentence of its own after the quote.
  const next = sentences[last + 1]
  if (next && next[1] - next[0] <= MAX_BARE_ATTRIBUTION && text.slice(s.close, next[0]).trim() === '' && BARE_ATTRIBUTION.test(text.slice(next[0], next[1]))) {
    return [from, next[1]]
  }
  return [from, to]
}

/** Stage 4: the verb that attributes the quote, its speaker, cue and channel; null when no verb fits. */
function attribute(view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[]): QuoteMention | null {
  const { text } = view
  const [from, to] = attributionWindow(text, view.sentences, s)
  const verbs = verbsIn(text, from, to, quoted)
  const after = verbs.filter((v) => v.start >= s.close)
  // "When Trump suggested it, Rubio fired back: “...”": a verb in a leading subordinate clause reports other words.
  const sentenceStart = view.sentences[sentenceIndex(view.sentences, s.open)]?.[0] ?? from
  const lead = SUBORDINATE_LEAD.exec(text.slice(sentenceStart, Math.min(s.open, sentenceStart + 160)))
  const leadEnd = lead ? sentenceStart + lead[0].length : -1
  const before = verbs.filter((v) => v.end <= s.open && v.start >= leadEnd)
  // Adjacent attribution first (“...,” he said), then the verb before the quote, then any after it.
  // A conjunction between them ("“very encouraged” and Trump calling it") starts another clause.
  // “... for the long run!” She replied ...: a capitalised pronoun after a closing .!? opens a new sentence.
  const newSentence = /[.!?]\s*$/.test(text.slice(s.start, s.end)) && PRONOUN_OPENS.test(text.slice(s.close, s.close + 8))
  const adjacent = newSentence ? undefined : after.find((v) => v.start - s.close < 60 && !SENTENCE_OR_CLAUSE.test(text.slice(s.close, v.start)))
  // "according to" names a source or a channel, so any other verb comes first.
  const order = [adjacent, outerVerb(view, before), before.at(-1), after[0], ...verbs.filter((v) => v.start >= leadEnd)].filter((v): v is Verb => v !== undefined)
  order.sort((a, b) => Number(ACCORDING.test(a.word)) - Number(ACCORDING.test(b.word)))
  for (const verb of order) {
    // One verb has one subject: “...,” Ann Roe, a Republican trying to unseat Tom Hale, said. “...” — the quote after it is hers too.
    const known = view.verbSpeakers?.get(verb.start)
    if (known) {
      const { cueEnd, channel } = phraseAfterVerb(text, verb)
      return { span: [s.start, s.end], speaker: known, cue: text.slice(verb.start, cueEnd), cueSpan: [verb.start, cueEnd], ...(channel ? { channel } : {}), kind, stage: STAGE }
    }
    const boundary = verb.start >= s.close ? s.close : lastBoundary(text, from, verb.start, quoted)
    let rule = 'subject'
    const subject = subjectOf(view, verb, from, to, boundary, verb.start >= s.close, (name) => (rule = name))
    // A state never speaks ("Arizona said ..."): its officials do, and the article names them.
    if (!subject || (subject.entity?.type === 'place' && isStateName(subject.entity.name))) continue
    const cited = citedSource(view, verb, to)
    const source = cited ?? placeGroup(text, subject) ?? subject
    const resolved = source.kind === 'unnamed' ? null : (source.name ?? resolveBack(view, source.start))
    // "he asked the congressman if he “...”": whoever "he" is, it is not the one asked.
    const name = resolved && !source.name && asksThatPerson(view, verb, resolved) ? null : resolved
    const { cueEnd, channel } = phraseAfterVerb(text, verb)
    const where = channel ?? channelAnywhere(text, from, to)
    if (name) (view.verbSpeakers ??= new Map()).set(verb.start, { name, span: source.nameSpan ?? [source.start, source.end] })
    return {
      span: [s.start, s.end],
      speaker: name ? { name, span: source.nameSpan ?? [source.start, source.end] } : null,
      cue: text.slice(verb.start, cueEnd),
      cueSpan: [verb.start, cueEnd],
      ...(where ? { channel: where } : {}),
      kind,
      via: `speech-verb/${cited ? 'citing' : rule}`,
      stage: STAGE,
    }
  }
  const next = adjacent ?? after[0]
  return (next && nameAtCue(view, s, kind, next)) || (before.length > 0 ? nameOpening(view, s, kind, before[0]) : null)
}

/**
 * A sentence led by an as-clause that reports someone's words ("As Ann Roe put it, the plan is
 * “...”", "Of course, as Ivo Brandt observed, the real test came later:" before the quote's
 * paragraph): the clause's subject speaks the quote of the main clause, since the writer cites
 * them for it. The verb rule skips such a lead (a subordinate clause's verb reports other words,
 * see attribute), so the main clause's own subject was taken before ("the harbor pilot ... “never
 * saw ...”"). Only for a speech verb in the lead: "As the rain fell," cites no one.
 */
function asLead(view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[]): QuoteMention | null {
  const { text, sentences, candidates } = view
  let at = sentenceIndex(sentences, s.open)
  if (at < 0) return null
  // A quote opening its sentence after one that ends in a colon: that sentence introduces it.
  if (text.slice(sentences[at][0], s.open).trim() === '' && at > 0 && /:\s*$/.test(text.slice(sentences[at - 1][0], sentences[at - 1][1]))) at--
  const from = sentences[at][0]
  // Sticky at the sentence start, on the text itself: this runs for every quote no verb reads, so no slice is made.
  AS_LEAD.lastIndex = from
  const lead = AS_LEAD.exec(text)
  if (!lead || from + lead[0].length > s.open) return null
  const leadStart = from + lead[0].length - lead[1].length
  const leadEnd = from + lead[0].length
  const verb = verbsIn(text, leadStart, leadEnd, quoted).find((v) => !ACCORDING.test(v.word) && !/^(?:call|describ|asked|ask)/i.test(v.word))
  if (!verb) return null
  const subject = clauseSubject(text, candidates, leadStart, verb.start)
  if (!subject || subject.kind === 'unnamed' || subject.entity?.type === 'place') return null
  const name = subject.name ?? resolveBack(view, subject.start)
  if (!name) return null
  const { cueEnd } = phraseAfterVerb(text, verb)
  return { span: [s.start, s.end], speaker: { name, span: subject.nameSpan ?? [subject.start, subject.end] }, cue: text.slice(verb.start, cueEnd), cueSpan: [verb.start, cueEnd], kind, stage: STAGE }
}
/** "As Ann Roe put it, ", "Of course, as the Times reported in May, ": the as-clause (group 1, from "as") and its comma. */
const AS_LEAD = /\s*(?:\p{Lu}[\p{L} ]{0,20},\s*)?([Aa]s\s[^,;:“”"]{1,140}),\s/uy

/** "Bryne went on to say, “...”": a sentence opening with capitalised words and the verb; the words are the speaker. */
function nameOpening(view: ArticleView, s: Stretch, kind: QuoteKind, verb: Verb): QuoteMention | null {
  const { text, sentences } = view
  const sentence = sentences[sentenceIndex(sentences, verb.start)]
  if (!sentence) return null
  const m = NAME_OPENING.exec(text.slice(sentence[0], verb.start))
  if (!m || NOT_A_NAME.test(m[1]) || COMMON_START.test(m[1]) || isStateName(m[1])) return null
  const { cueEnd } = phraseAfterVerb(text, verb)
  const start = sentence[0] + m[0].indexOf(m[1])
  return { span: [s.start, s.end], speaker: { name: m[1], span: [start, start + m[1].length] }, cue: text.slice(verb.start, cueEnd), cueSpan: [verb.start, cueEnd], kind, via: 'speech-verb/sentence-opening', stage: STAGE }
}

/** Capitalised words that name someone the entity finder did not know ("Jun", "J.J. MacNab"). */
const NAME_WORDS = String.raw`((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)`
const NAME_BEFORE_VERB = new RegExp(String.raw`^[,.!?]?["”'’]*,?\s+${NAME_WORDS}(?:\s*,\s*(?:the|a|an)\s+[^,;“”"]{1,80},)?\s+(?:\w+ly\s+)?$`, 'u')
const NAME_AFTER_VERB = new RegExp(String.raw`^\s+${NAME_WORDS}(?=\s*(?:[,.;]|$))`, 'u')
const NAME_OPENING = new RegExp(String.raw`^\s*${NAME_WORDS}\s+(?:(?:also|then|later|\w+ly)\s+)?$`, 'u')
/** Capitalised sentence openers that name no one. */
const COMMON_START = /^(?:But|And|So|Then|Still|Yet|Later|Earlier|Asked|When|After|Others|Many|Both|Some|Critics|Officials|Supporters|Democrats|Republicans)$/
/** A run of capitals only: a heading, not a signature. */
const ALL_CAPS_WORDS = /^[\p{Lu}\s.'’-]+$/u
const NOT_A_NAME = /^(?:The|A|An|He|She|They|It|We|I|You|This|That|One|Some|Mr|Mrs|Ms)\b/

/**
 * “...,” Jun wrote. / “...,” says J.J. MacNab, an expert: the verb right after the quote has a
 * capitalised subject that no entity covers; the words are the speaker as written.
 */
function nameAtCue(view: ArticleView, s: Stretch, kind: QuoteKind, verb: Verb): QuoteMention | null {
  const { text } = view
  const gap = text.slice(s.close, verb.start)
  let m = NAME_BEFORE_VERB.exec(gap)
  let start = m ? s.close + m[0].indexOf(m[1]) : -1
  if (!m && INVERTIBLE.test(verb.word) && /^[,.!?]?["”'’]*,?\s+$/.test(gap)) {
    m = NAME_AFTER_VERB.exec(text.slice(verb.end, verb.end + 60))
    start = m ? verb.end + m[0].indexOf(m[1]) : -1
  }
  if (!m || NOT_A_NAME.test(m[1]) || isStateName(m[1])) return null
  const { cueEnd } = phraseAfterVerb(text, verb)
  return { span: [s.start, s.end], speaker: { name: m[1], span: [start, start + m[1].length] }, cue: text.slice(verb.start, cueEnd), cueSpan: [verb.start, cueEnd], kind, via: 'speech-verb/name-at-cue', stage: STAGE }
}

/** "Israel said Clinton called on members to be “closely coordinated”": the words are reported by the outer speaker. */
const OUTER_SPEECH = /^(?:said|says|told|tells|wrote|writes|added|adds|claimed|argued|insisted)$/i
function outerVerb(view: ArticleView, before: readonly Verb[]): Verb | undefined {
  const inner = before.at(-1)
  const outer = before.at(-2)
  if (!inner || !outer || !OUTER_SPEECH.test(outer.word) || OUTER_SPEECH.test(inner.word)) return undefined
  const gap = view.text.slice(outer.end, inner.start)
  // The inner verb must stand in the outer one's complement: no clause ("said, but Kevin ..., and as Trump went on") between.
  return gap.length < 80 && (/^,\s*$/.test(gap) || !/[,.;:!?“”"]/.test(gap)) ? outer : undefined
}

/**
 * "Trump’s claim that Obama “founded ISIS”", "Podliska’s most explosive claim is that the committee
 * is a “witch hunt”": a named owner of a word for something said, whose "that" clause holds the
 * quote, said its words, whatever verb stands around the phrase ("Pence blamed the media for ...
 * Trump’s claim that Obama “founded ISIS,” saying ..." is not Pence's quote). Tried before the
 * speech verbs for that reason, unless one stands before the owner in the sentence ("Frazier said
 * that Rubio’s claim that ... is “simply not true”"); up to two words before the noun ("most explosive").
 */
function ownedClaimThat(view: ArticleView, s: Stretch, kind: QuoteKind, quoted: readonly Span[]): QuoteMention | null {
  const { text, sentences, candidates } = view
  // Most quotes have no " that " right before them: a plain search first, bounded by a slice (this rule runs for
  // every quote; an unbounded indexOf ran on to the text's next " that " and took most of the rule's time).
  if (!text.slice(Math.max(0, s.open - 130), s.open).includes(' that ')) return null
  const sentence = sentences[sentenceIndex(sentences, s.open)]
  if (!sentence) return null
  for (let i = lastCandidateBefore(candidates, s.open); i >= 0; i--) {
    const c = candidates[i]
    if (c.start < sentence[0]) return null
    if (c.end > s.open || c.kind !== 'entity' || !c.name || c.entity?.type !== 'person') continue
    const mark = text[c.end]
    if (mark !== "'" && mark !== '’') continue
    const m = OWNED_CLAIM_THAT.exec(text.slice(c.end, s.open))
    if (!m) continue
    // "Frazier said that Rubio’s claim that Cruz ... is “simply not true”": a speech verb before the owner reports the whole.
    if (verbsIn(text, sentence[0], c.start, quoted).length > 0) return null
    // "Bell’s claim that the vote was rigged is “absurd,” Roe said", "Bell’s claim ..., Roe said, is “absurd.”": a
    // finite speech verb (or "according to") after the owner reports the quote as someone's judgement of the claim.
    // A participle after the quote ("..., saying they missed ...") is the main clause's, and leaves the claim its owner's;
    // so does a copula right after the quote ("Bell’s argument that the budget is “balanced” is false, said Roe": the
    // quote is inside the that-clause, the verb reports the main clause's judgement).
    const finite = (v: { word: string }): boolean => !/ing$/i.test(v.word)
    if (verbsIn(text, c.end, s.open, quoted).some(finite)) return null
    if (!COPULA_AFTER.test(text.slice(s.close, s.close + 8)) && verbsIn(text, s.close, sentence[1], quoted).some(finite)) return null
    // "Bell’s claim that the vote was rigged is “absurd”": a copula after the that-clause's own verb starts the main
    // clause's predicate, and the quote is that predicate, not the claim's words.
    // "Bell’s claim that ..., Ann Roe believes, ...": a comma, a name and a verb open another clause inside the sentence.
    if (claimJudged(m[0])) return null
    const cueStart = c.end + m[0].indexOf(m[1], 1)
    // The same reading as possessiveCue's, tried earlier: its via is that rule's.
    return { span: [s.start, s.end], speaker: { name: c.name, span: [c.start, c.end] }, cue: m[1], cueSpan: [cueStart, cueStart + m[1].length], kind, via: 'said-noun', stage: STAGE }
  }
  return null
}
/** Whether the words from a claim's owner to the quote make the quote the main clause's predicate or hold another's clause (see ownedClaimThat). */
function claimJudged(between: string): boolean {
  const that = between.lastIndexOf(' that ')
  return (that >= 0 && CLAIM_PREDICATE.test(between.slice(that))) || COMMA_NAME_VERB.test(between)
}
const COPULA_AFTER = /^,?\s+(?:is|was|are|were)\b/
/** A verb inside the that-clause, then a copula right before the quote: "that the vote was rigged is ", "that the mayor lied was ". */
const CLAIM_PREDICATE = /^ that \S.*\b(?:is|was|are|were|has|have|had|will|would|could|can|did|does|\p{Ll}+ed)\s+\S.*\b(?:is|was|are|were|remains|seems)\s+(?:\p{Ll}+\s+)?$/u
/** ", Ann Roe said", ", Mayor Roe insisted": a comma, capitalised words and a verb. */
const COMMA_NAME_VERB = /,\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Ll}+(?:ed|s)\b/u
const OWNED_CLAIM_THAT = new RegExp(String.raw`^['’]s?\s+(?:[a-z-]+\s+){0,2}?${SAID_NOUNS}(?:\s+(?:is|was))?\s+that\s+[^“”".;:]{0,120}$`)

/**
 * "Mr. Obama's suggestion that she was “likable enough”", "Trump's claim that Obama “founded
 * ISIS”": the owner of a word for something said, earlier in the quote's sentence.
 */
function possessiveCue(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const { text, sentences, candidates } = view
  const sentence = sentences[sentenceIndex(sentences, s.open)]
  if (!sentence) return null
  // "Contrary to his claim that people would “learn nothing”": the owner is a pronoun, resolved back.
  const owned = OWNED_SAID_NOUN.exec(text.slice(Math.max(sentence[0], s.open - 160), s.open))
  if (owned) {
    const at = s.open - owned[0].length
    const name = resolveBack(view, at)
    const cueStart = at + owned[0].indexOf(owned[2], owned[1].length)
    if (name) return { span: [s.start, s.end], speaker: { name, span: [at, at + owned[1].length] }, cue: owned[2], cueSpan: [cueStart, cueStart + owned[2].length], kind, stage: STAGE }
  }
  // "Obama’s “if you like your plan, you can keep it” promise": the owner right before the quote, the word for it right after.
  const before = candidates[lastCandidateBefore(candidates, s.open)]
  const after = SAID_NOUN_BEHIND.exec(text.slice(s.close, s.close + 30))
  if (after && before?.kind === 'entity' && before.name && /^['’]s?\s*$/.test(text.slice(before.end, s.open))) {
    const cueStart = s.close + after[0].length - after[1].length
    return { span: [s.start, s.end], speaker: { name: before.name, span: [before.start, before.end] }, cue: after[1], cueSpan: [cueStart, cueStart + after[1].length], kind, stage: STAGE }
  }
  for (let i = lastCandidateBefore(candidates, s.open); i >= 0; i--) {
    const c = candidates[i]
    if (c.end > s.open) continue
    if (c.start < sentence[0]) return null
    const noun = SAID_NOUN_AFTER.exec(text.slice(c.end, Math.min(s.open, c.end + 40)))
    if (!noun || c.kind !== 'entity' || !c.name) continue
    // "Bell’s claim that ..., Roe believes, is “absurd”": another's clause stands between, as in ownedClaimThat. (Its
    // copula test here, "Bell’s claim that the vote was rigged is “absurd”", cost PolNeAR train odd speakers 95.3 -> 95.2.)
    if (COMMA_NAME_VERB.test(text.slice(c.end, s.open))) return null
    const cueSpan: Span = [c.end + noun[0].length - noun[1].length, c.end + noun[0].length]
    return { span: [s.start, s.end], speaker: { name: c.name, span: [c.start, c.end] }, cue: noun[1], cueSpan, kind, stage: STAGE }
  }
  return null
}

/**
 * A quote with no speech verb, inside a sentence the writer started, belongs to the subject of its
 * clause ("Trump promised “very severe” tariffs", "Clinton shared her worry with donors, “I do not
 * know ...”"), or of the sentence when the clause has none ("... but described it as a “work in
 * progress”"). A quote that opens its sentence has no such subject.
 */
function subjectOnly(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const sentence = view.sentences[sentenceIndex(view.sentences, s.open)]
  if (!sentence || view.text.slice(sentence[0], s.open).trim() === '') return null
  // "Quist was asked, “...”": the one asked did not say the words.
  if (ADDRESSED.test(view.text.slice(sentence[0], s.open))) return null
  let to = complementAt(view.text, sentence[0], s.open)
  // "Democrats lob charges that Ryan stands for “...”": the words are the charge's, not its target's.
  const charge = CHARGE_THAT.exec(view.text.slice(Math.max(sentence[0], s.open - 200), s.open))
  if (charge && to === s.open) {
    const at = s.open - charge[0].length
    // "Roe rejected claims that she had “...”": whoever made the claims is not named.
    if (DENIED_BEFORE.test(view.text.slice(Math.max(sentence[0], at - 40), at))) return { span: [s.start, s.end], speaker: null, kind, stage: STAGE }
    to = at
  }
  const subject =
    clauseSubject(view.text, view.candidates, clauseStart(view.text, sentence[0], to), to) ??
    clauseSubject(view.text, view.candidates, sentence[0], to) ??
    openingName(view.text, sentence[0], to)
  if (subject?.kind === 'unnamed') return { span: [s.start, s.end], speaker: null, kind, stage: STAGE }
  const name = subject && (subject.name ?? resolveBack(view, subject.start))
  if (!subject || !name || subject.entity?.type === 'place') return null
  return { span: [s.start, s.end], speaker: { name, span: subject.nameSpan ?? [subject.start, subject.end] }, kind, stage: STAGE }
}

// A word for something said, with no owner written before it, and its that-clause up to the quote.
const CHARGE_THAT = new RegExp(String.raw`(?<![’']s\s+(?:[a-z-]+\s+)?)\b(?:[Cc]laims?|[Cc]harges?|[Aa]ccusations?|[Aa]llegations?|[Aa]ssertions?|[Ss]uggestions?|[Ww]arnings?|[Cc]ontention|[Ii]nsistence|[Aa]dmission|[Aa]rguments?)\s+that\s+(?:[^“”".;:,]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Jr|St)\.|\b(?:\p{Lu}\.)+){0,160}$`, 'u')
// A verb turning down what the words after it say: its subject did not say them.
const DENIED_BEFORE = /\b(?:reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|refut(?:e|es|ed|ing)|counter(?:s|ed|ing)?|fac(?:e|es|ed|ing)|deflect(?:s|ed|ing)?|(?:brush(?:es|ed|ing)?|laugh(?:s|ed|ing)?) off|push(?:es|ed|ing)? back (?:on|against))\s+(?:(?:the|such|those|these|any|all|new|renewed|repeated)\s+)*(?:\p{Ll}+\s+)?$/u

/**
 * "Moore thanked him for “...”": a sentence opening with a capitalised word and a verb, when the
 * word is also written capitalised inside a sentence elsewhere (so it is a name, not a sentence start).
 */
function openingName(text: string, from: number, to: number): SpeakerCandidate | null {
  const m = OPENING_NAME_VERB.exec(text.slice(from, Math.min(to, from + 60)))
  if (!m || NOT_A_NAME.test(m[2]) || COMMON_START.test(m[2])) return null
  const inside = new RegExp(String.raw`[\p{Ll},] ${m[2]}\b`, 'u')
  // "Scott's family has called ...": the owner's group, as written.
  return inside.test(text) ? { start: from, end: from + m[1].length, name: m[1], kind: 'phrase' } : null
}
const OPENING_NAME_VERB = /^((\p{Lu}[\p{Ll}-]+)(?:['’]s?\s+[a-z]+)?)\s+(?:(?:also|then|later|[a-z]+ly)\s+)?[a-z]+(?:ed|s)\b/u

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

/** A label opening a later turn inside the same quoted stretch, after the end of the turn before ("... race? KOVA: Oh, ..."). */
const INNER_LABEL = /(?<=[.!?…]["”’]?\s+)((?:\p{Lu}[\p{Lu}'’.-]+\s+){0,2}\p{Lu}[\p{Lu}'’.-]+):\s/gu

/**
 * “ROE: Will you run? DIAZ: No.”: a quoted transcript of several turns is one quote per turn, each
 * opened by its label (read by `labelled`), not one quote of the first speaker.
 */
function splitTurns(text: string, stretches: Stretch[]): Stretch[] {
  const out: Stretch[] = []
  for (const s of stretches) {
    const first = s.pieces ? null : TRANSCRIPT_LABEL.exec(text.slice(s.start, s.start + 40))
    if (!first || !speakerLabel(first[1])) {
      out.push(s)
      continue
    }
    const starts = [s.start]
    for (const m of text.slice(s.start, s.end).matchAll(INNER_LABEL)) if (speakerLabel(m[1])) starts.push(s.start + m.index)
    starts.forEach((start, k) => {
      const last = k === starts.length - 1
      let end = last ? s.end : starts[k + 1]
      while (end > start && /\s/.test(text[end - 1])) end--
      out.push({ ...s, open: k === 0 ? s.open : start, start, end, close: last ? s.close : end, closed: last ? s.closed : true })
    })
  }
  return out
}

/** “ROE: We will win.”: a transcript turn; the label names the speaker as written, and quotes after it continue the turn. */
function labelled(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const m = TRANSCRIPT_LABEL.exec(view.text.slice(s.start, s.start + 40))
  if (!m || !speakerLabel(m[1])) return null
  return { span: [s.start, s.end], speaker: { name: m[1], span: [s.start, s.start + m[1].length] }, kind, stage: STAGE }
}

/** “We will win.” ― Ana Diaz: a name after a dash right behind the closing mark signs the quote. */
function signed(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  // The signature may also open the next paragraph: “...”¶¶- Bernie Sanders.
  const dash = SIGNATURE_DASH.exec(view.text.slice(s.close, s.close + 6)) ?? SIGNATURE_LINE.exec(view.text.slice(s.close, s.close + 12))
  if (!dash) return s.closed ? null : closingSignature(view, s, kind)
  const at = s.close + dash[0].length
  // The name may carry its title ("- President Ana Diaz, tweeting after the speech").
  const who = view.candidates.find(
    (c) => (c.start === at || c.entity?.roleSpan?.[0] === at) && c.kind === 'entity' && (c.entity?.type === 'person' || c.entity?.type === 'organization'),
  )
  if (who?.name) return { span: [s.start, s.end], speaker: { name: who.name, span: [who.start, who.end] }, kind, stage: STAGE }
  // A name no entity covers ("― Pamela Ruiz"): signs the quote when it is all that is left of the paragraph.
  const name = SIGNATURE_NAME.exec(view.text.slice(at, at + 80))
  if (!name || NOT_A_NAME.test(name[1]) || ALL_CAPS_WORDS.test(name[1]) || isStateName(name[1])) return null
  return { span: [s.start, s.end], speaker: { name: name[1], span: [at, at + name[1].length] }, kind, stage: STAGE }
}

/**
 * "I worry that ...¶Dean Baker, Center for Economic Policy." — a quote left open at its line's end,
 * and a line (or, after extraction, a paragraph) after it holding only a name (and an affiliation
 * after a comma) that ends with the closing mark: the block quote is signed by the name, and the mark closes the block.
 */
function closingSignature(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const { text } = view
  // Extraction turns the line break into a paragraph break ("...apart.\n\nDean Baker, ...\""): a blank line may stand between.
  const gap = BLOCK_BREAK.exec(text.slice(s.close, s.close + 8))
  if (!gap) return null
  const at = s.close + gap[0].length
  const line = SIGNATURE_CLOSING_LINE.exec(text.slice(at, at + 160))
  if (!line || NOT_A_NAME.test(line[1]) || ALL_CAPS_WORDS.test(line[1]) || isStateName(line[1])) return null
  // A person the entity finder knows there ("S.C. Rep. Jim Clyburn") is named as it names them.
  const who = view.candidates.find((c) => c.start >= at && c.end <= at + line[1].length && c.entity?.type === 'person')
  // Across a paragraph break only a person the entity finder knows signs: a closing line of the quote's own
  // ("Tom Bell said: \"We will win the vote.¶¶Go Team.\"", "...¶¶Thank You.\"") is as capitalised as a name.
  if (!who && gap[0].length > 1) return null
  const span: Span = who ? [who.start, who.end] : [at, at + line[1].length]
  return { span: [s.start, s.end], speaker: { name: who?.name ?? line[1], span }, kind, stage: STAGE }
}
/** One line break, or a paragraph break (blank lines between). */
const BLOCK_BREAK = /^\n(?:[ \t]*\n)*/
const SIGNATURE_CLOSING_LINE = new RegExp(String.raw`^((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*?)\.?(?:,\s+[^\n"“”]{1,100}?)?\.?["”](?:[ \t]*\n|[ \t]*$)`, 'u')

/** "Hannity interjected: “...”", "Pollster Dana Shaw: “...”": the subject before a colon that introduces the quote. */
function introduced(view: ArticleView, s: Stretch, kind: QuoteKind): QuoteMention | null {
  const { text, sentences } = view
  const colon = COLON_BEFORE.exec(text.slice(Math.max(0, s.open - MAX_INTRO_GAP), s.open))
  if (!colon) return null
  const at = s.open - (colon[0].length - colon[0].indexOf(':'))
  const sentence = sentences[sentenceIndex(sentences, at)]
  if (!sentence) return null
  // "... and argues that it is this plan that has Roe worried:": the one who argues introduces the quote.
  const end = complementAt(text, sentence[0], at)
  const start = clauseStart(text, sentence[0], end)
  const subject = (end === at ? lastBeforeColon(view, start, at) : null) ?? clauseSubject(text, view.candidates, start, end)
  if (!subject || subject.entity?.type === 'place' || subject.entity?.type === 'other') return null
  if (subject.kind === 'unnamed') return { span: [s.start, s.end], speaker: null, kind, stage: STAGE }
  const name = subject.name ?? resolveBack(view, subject.start)
  return name ? { span: [s.start, s.end], speaker: { name, span: [subject.start, subject.end] }, kind, stage: STAGE } : null
}

/**
 * Whether a verb of asking or telling has the person `name` as its object, named ("told Pell") or by
 * a role ("asked the congressman"): a pronoun before it that resolves to that person is someone
 * else, as no one asks himself.
 */
function asksThatPerson(view: ArticleView, verb: Verb, name: string): boolean {
  if (!ADDRESS_VERB.test(verb.word)) return false
  const after = verb.start + verb.word.length
  const head = view.text.slice(after, after + 60)
  const role = ADDRESSED_ROLE.exec(head)
  if (role) return !/^['’]/.test(view.text.slice(after + role[0].length, after + role[0].length + 1)) && roleHolder(view, after + role[0].length - role[1].length) === name
  const gap = /^\s+/.exec(head)
  const at = after + (gap ? gap[0].length : 0)
  // The name with the title written before it ("Rep. Pell"), not a possessive ("Pell’s aides").
  return view.candidates.some((c) => startWithRole(c) === at && c.kind === 'entity' && c.name === name && !/^['’]/.test(view.text.slice(c.end, c.end + 1)))
}
const ADDRESS_VERB = /^(?:asked|asks|told|tells|questioned|pressed)$/i
// A role with its article after the verb: "the congressman", "the Ohio senator".
const ADDRESSED_ROLE = new RegExp(String.raw`^\s+(the\s+(?:[\p{L}-]+\s+){0,2}(?:${ROLE_NOUNS})\b)`, 'u')

/**
 * Where a clause reported by a verb of saying or thinking begins ("argues that", "believes that"),
 * between `from` and `to`, else `to`: the names in that clause are talked about, and the subject of
 * the words before a quote with no verb of its own ("... argues that it is this plan that has Roe
 * worried: “...”") is found before it. Not for a verb's own subject: in "the mayor argued that Roe
 * said", Roe is the one who said. Only a clause that runs on to `to`: after a leading subordinate
 * clause ("Asked about what Pell said that day, Roe had a reply:"), and not one a new clause follows
 * ("Pell believes that the plan failed, but Roe had a reply:"), nor "that" as a word of its own
 * ("said that day", "knew that best").
 */
function complementAt(text: string, from: number, to: number): number {
  const lead = SUBORDINATE_LEAD.exec(text.slice(from, Math.min(to, from + 160)))
  const start = lead ? from + lead[0].length : from
  const window = text.slice(start, to)
  COMPLEMENT.lastIndex = 0
  for (let m = COMPLEMENT.exec(window); m !== null; m = COMPLEMENT.exec(window)) {
    const that = m.index + m[0].length - 4
    const after = window.slice(that + 4)
    if (THAT_ALONE.test(after) || CLAUSE_AFTER.test(after)) continue
    return start + that
  }
  return to
}
const COMPLEMENT = new RegExp(String.raw`(?:${SPEECH_VERB.source}|\b(?:believes?|believed|thinks?|thought|suggests?|suggested|hopes?|hoped|fears?|feared|worries|worried|finds|found|shows?|showed|means|meant|knows?|knew))\s+that\b`, 'gi')
// "that" standing for a time, a degree or a thing ("said that day", "knew that best", "said that.").
const THAT_ALONE = /^\s*(?:[,.;:!?)]|$|(?:day|days|week|month|year|night|morning|afternoon|evening|time|point|much|far|best|well|way|one)\b)/i
// A new clause after the reported one: it has a subject of its own.
const CLAUSE_AFTER = /[;–—]|,\s*(?:and|but|yet|so|while|whereas|though)\b|\s--?\s/

/**
 * "When Trump said so, Rubio fired back:": the last person or body before the colon with no comma
 * after it, so a subordinate clause's subject does not speak.
 */
function lastBeforeColon(view: ArticleView, from: number, at: number): SpeakerCandidate | null {
  const { text, candidates } = view
  for (let i = lastCandidateBefore(candidates, at); i >= 0; i--) {
    const c = candidates[i]
    if (c.end > at) continue
    if (c.start < from || /[,;(]/.test(text.slice(c.end, at))) return null
    const type = c.entity?.type
    if (c.kind === 'entity' && (type === 'person' || type === 'organization') && !/^['’]/.test(text.slice(c.end, c.end + 1))) return c
  }
  return null
}

/**
 * A direct quote with no cue of its own continues the quote just before it (same or previous two
 * sentences, no narration paragraph between); failing that, a quote opening its sentence belongs
 * to the person who is the subject of the sentence just before it.
 */
function inherit(view: ArticleView, s: Stretch, kind: QuoteKind, previous: Previous | null): QuoteMention {
  const { text, sentences } = view
  const here = sentenceIndex(sentences, s.open)
  const bare = { span: [s.start, s.end] as Span, speaker: null, kind, via: 'none', stage: STAGE }
  // A partial quote continues only a quote in the sentence just before ("said Unruh. “[he] has no clue”");
  // but a quote that is a whole paragraph of its own ("“… and they go on lying.”") is read like a direct one.
  const wholeParagraph = /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, s.open - 20), s.open)) && /^["”'’]*[ \t]*(?:\n|$)/.test(text.slice(s.close, s.close + 20))
  if (kind !== 'direct' && !(wholeParagraph && text.slice(s.start, s.end).split(/\s+/).length >= 6)) {
    // Or one in the same sentence ("“This was an example of Ann Roe” and her team “just quietly deciding”").
    const next = previous !== null && previous.quote.speaker !== null && here - previous.sentence <= 1 && !text.slice(previous.quote.span[1], s.open).includes('\n')
    return next ? { ...bare, speaker: { name: previous.quote.speaker!.name }, via: 'continuation/previous-quote' } : bare
  }
  const near = previous !== null && previous.quote.speaker !== null && here - previous.sentence <= 2 && !/\n\s*\n[^“"]/.test(text.slice(previous.quote.span[1], s.open))
  // The quote opens its paragraph or sentence after one about its speaker ("Ann Roe agreed. “Time is short.”").
  const opensSentence = here >= 0 && text.slice(sentences[here][0], s.open).trim() === ''
  const before = sentences[here - 1]
  const subject = opensSentence && before ? subjectOfSentence(view, before) : null
  // A narration sentence naming someone between the two quotes ("Hannity pressed.") hands the word over.
  if (near && !(subject && previous.sentence < here - 1)) return { ...bare, speaker: { name: previous.quote.speaker!.name }, via: 'continuation/previous-quote' }
  return subject?.name ? { ...bare, speaker: { name: subject.name, span: [subject.start, subject.end] }, via: 'continuation/sentence-before' } : bare
}

/** The person who is the subject of a sentence, or the body when no person is named there. */
function subjectOfSentence(view: ArticleView, [from, end]: Span): SpeakerCandidate | null {
  // "... argues that it is this plan that has Roe worried:": Roe is talked about.
  const to = complementAt(view.text, from, end)
  const inside: SpeakerCandidate[] = []
  for (let i = lastCandidateBefore(view.candidates, from) + 1; i < view.candidates.length && view.candidates[i].start < to; i++) {
    const c = view.candidates[i]
    if (c.kind === 'entity' && c.end <= to) inside.push(c)
  }
  const named =
    clauseSubject(view.text, inside.filter((c) => c.entity?.type === 'person'), from, to) ??
    clauseSubject(view.text, inside.filter((c) => c.entity?.type === 'organization'), from, to)
  if (named) return named
  // "She pauses." — a sentence opening with "he" or "she" and a verb is about the person the pronoun refers to.
  const pronoun = PRONOUN_SUBJECT.exec(view.text.slice(from, Math.min(to, from + 40)))
  const name = pronoun ? resolveBack(view, from) : null
  return name ? { start: from, end: from + pronoun![1].length, name, kind: 'pronoun' } : null
}
const PRONOUN_SUBJECT = /^(He|She)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b/

