/**
 * Stage 5 of the quotes stage: what is not a quote. Titles of shows, books and films, names in
 * quotation marks with no speech verb, scare quotes that no cue reports, and quoted headline
 * fragments standing alone without a speaker.
 */
import type { QuoteMention, Span } from '../../types.js'
import { verbsIn } from './cues.js'
import type { Stretch } from './marks.js'
import { sentenceIndex, type ArticleView } from './speaker.js'

const MAX_TITLE_WORDS = 8
/** Longer than this, a stretch is no title (a quick test before splitting it into words). */
const MAX_TITLE_CHARS = 120
const TITLE_WORD = /^[(\[]?[\p{Lu}\p{N}][\p{L}\p{N}'’:.-]*$/u
const SMALL_WORD = /^(?:a|an|the|of|on|in|at|to|for|and|or|with|by|from|as|is|de|du|la)$/
/**
 * What names a title: an outlet's possessive, or a word for a programme, book or film before it, or
 * one for what a work is to the person named ("author of", "star of", "roles in", "rendition of",
 * "his autobiography", "the nickname"), or a programme one is interviewed on ("an interview with
 * “Harbour Tonight”", "an appearance on").
 */
const TITLE_BEFORE =
  /(?:\b[A-Z][\w.&-]*['’]s\s+|\b(?:on|show|program|programme|book|books|film|movie|documentary|series|song|album|podcast|column|op-ed|memoir|novel|titled|entitled|headlined|called|dubbed|hosts?|host of|anchor of|episode of|broadcast of|edition of|season of|premiere of|finale of|author of|star of|roles? in|starred in|stars in|rendition of|anthem|autobiography|biography|sitcom|nickname|pseudonym|interview with|appearance on|appeared on)[\s,:]+|\bdrama[\s,]+)$/
/** A determiner, possessive or preposition before a quote: it stands where a noun phrase does ("the “Gang of Eight”"). */
const NOUN_PHRASE_BEFORE = /(?:\b(?:the|a|an|his|her|their|its|our|my|your|of|in|on|at|to|from|for|with|by|about|alongside|into|like)|['’]s?)\s*$/i
/**
 * What names a title after it: a word for a programme right after the mark ("“Keepin' On” radio
 * program", "“Dear Ana” letters", "a “Roe Can Do It” bus tour", "“Vote Roe” shirts"), or an
 * appositive saying what the work is ("''Old Harbor,'' an HBO series", "“The Long Road,” a
 * biography"), who wrote it ("''Salt Roads,'' by Ana Roe") or when it came out ("..., published in 2015").
 */
const TITLE_AFTER =
  /^,?\s+(?:(?:radio|television|TV|[Ww]eb|campaign)\s+)?(?:show(?!\s+of\b)|program|programme|broadcast|series|segment|podcast|interview|episode|(?:bus\s+)?tour|ads?|letters|shirts|T-shirts|hats?|caps|signs|banners)\b|^,?\s+(?:(?:an?|the)\s+(?:[\p{L}\d'’-]+\s+){0,4}?(?:book|biography|autobiography|memoir|novel|history|series|show(?!\s+of\b)|drama|comedy|sitcom|film|movie|documentary|song|album|anthem|play|musical|procedural|thriller|podcast|column|program|programme)\b|by\s+\p{Lu}|published\b)/u

/**
 * A verb of speaking right before the mark ("chanted “Hands Off Our Pier”"), or governing it across
 * its object and a colon ("summed up the drama: “Game Over.”"): the words were said, whatever their
 * capitals. Not across a preposition ("said on “Meet the Press”" names a show).
 */
const SPOKEN_BEFORE = /\b(?:said|says|chanted|chanting|chants|shouted|shouting|shouts|yelled|yelling|screamed|declared|(?:summed|sums|summing)\s+up)(?:[,:]?\s*|(?:\s+[\p{L}'’-]+){1,3}:\s*)$/u
/**
 * The title of a show, book or film, not words anyone said: every word capitalised (small words
 * aside), no sentence punctuation inside, and named as one ("NBC's “Meet the Press”", "on “Squawk
 * Box” program", "his book, “Crippled America”").
 */
function isTitle(text: string, s: Stretch): boolean {
  if (!titleCased(text, s)) return false
  const before = text.slice(Math.max(0, s.open - 40), s.open)
  const after = text.slice(s.close, s.close + 60)
  if (SPOKEN_BEFORE.test(before)) return false
  return TITLE_BEFORE.test(before) || TITLE_AFTER.test(after)
}

/** Every word capitalised (small words aside), at most a few words, no sentence punctuation inside. */
function titleCased(text: string, s: Stretch): boolean {
  if (s.end - s.start > MAX_TITLE_CHARS) return false
  const body = text.slice(s.start, s.end).replace(/[.,]$/, '')
  const words = body.split(/\s+/)
  if (words.length > MAX_TITLE_WORDS || /[,;!?]|\.\s/.test(body)) return false
  return words.every((w, i) => TITLE_WORD.test(w) || (i > 0 && SMALL_WORD.test(w)))
}

/** Stage 5: scare quotes and titles, and quoted headline fragments standing alone without a speaker. */
export function dropped(view: ArticleView, s: Stretch, q: QuoteMention, scareQuoteWords: number, quoted: readonly Span[]): boolean {
  const { text } = view
  if (isTitle(text, s)) return true
  // A name in quotation marks (a show, a slogan, a nickname) with no speech verb reporting it.
  if (q.cue === undefined && s.mark === 'double' && titleCased(text, s) && NOUN_PHRASE_BEFORE.test(text.slice(Math.max(0, s.open - 24), s.open))) return true
  if (q.speaker) return false
  // A few words in quotation marks are a scare quote unless a speech cue in their sentence reports them.
  if (q.kind === 'partial' && text.slice(s.start, s.end).split(/\s+/).length <= scareQuoteWords && !cueInSentence(view, s, quoted)) return true
  const lineStart = text.lastIndexOf('\n', s.open) + 1
  const lineEnd = text.indexOf('\n', s.close)
  return text.slice(lineStart, s.open).trim() === '' && text.slice(s.close, lineEnd < 0 ? text.length : lineEnd).trim() === '' && s.mark === 'single'
}

/** Whether the sentence(s) holding a quote have a speech verb outside quotation marks. */
function cueInSentence(view: ArticleView, s: Stretch, quoted: readonly Span[]): boolean {
  const first = view.sentences[sentenceIndex(view.sentences, s.open)]
  const last = view.sentences[sentenceIndex(view.sentences, s.close - 1)]
  return verbsIn(view.text, first?.[0] ?? s.open, last?.[1] ?? s.close, quoted).some((v) => !thingCalls(view.text, v))
}
/**
 * "calls for", "called for": a plan, a law or a treaty calls for a “green corridor” as often as a
 * person calls for “restraint”. They keep a short quote only through a speaker (a person subject,
 * read before this stage); with none, the scare-quote rule decides. "calls it “...”" still reports words.
 */
function thingCalls(text: string, v: { word: string; end: number }): boolean {
  return /^call/i.test(v.word) && /^\s+for\b/.test(text.slice(v.end, v.end + 5))
}
