/**
 * Whether a sentence is narrative a summary may state in its own voice. Checks, cheapest first:
 *   1. `standsAlone`: no pronoun or "the official" standing for someone named earlier;
 *   2. `isNarrative`: no photo credit, no list of names or heading, no sentence cut at "Sens.", no quotation left open, no first
 *      person outside quotation marks (a letter's or a statement's voice), and quotation marks
 *      only with their speaker's cue in the sentence;
 *   3. `quotedFacts`: facts some outlet prints inside a quotation are someone's statement, so
 *      another outlet's bare sentence of them is no narrative either (the summary checks the cue).
 */
import { insideOpenQuote, quotedShare } from '../compare/claims.js'
import type { Annotated, Span, StoryFact } from '../types.js'

// A sentence opening on a pronoun leans on the one before it; out of context it says too little.
// "This" and "These" lean back only as pronouns ("This is", "This, he said"), not in "This week".
// So does "The comment came after ...": a noun for what was told just before, as the subject of "came".
const PRONOUN_LEAD = /^(?:(?:He|She|They|It|His|Her|Their|Its|We|I)\b|(?:This|That|These|Those)(?:,|\s+(?:is|was|are|were|has|had|have|will|would|could|may|might|means|meant|comes|came|follows|followed)\b)|The\s+(?:[\p{L}’'.-]+\s+){0,2}?(?:comments?|remarks?|statements?|moves?|steps?|news|developments?)\s+(?:came|comes?|followed|follows?)\b)/u
// Words that stand for someone named in an earlier sentence: "the official", "the spokesman".
const REFERENT = String.raw`(?:he|she|they|it|the\s+(?:[\p{L}.-]+\s+){0,2}?(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|person|aide|adviser|advisor|diplomat|statement|ministry|agency|report|envoy|president|minister|company|group|campaign))`
const CUE_VERB = String.raw`(?:said|says|added|adds|told|noted|explained|continued|wrote|stated|insisted|argued|maintained)`
// The sentence hinges on such a referent: it opens on one, or credits its claim to one
// ("..., the official added.", "..., said the spokesman.").
const UNRESOLVED = new RegExp(String.raw`^(?:The\s+(?:[\p{L}.-]+\s+){0,2}?(?:official|officials|spokesman|spokeswoman|spokesperson|source|sources|person|aide|adviser|advisor|diplomat)\s+(?:${CUE_VERB}|is|was|were|has|had|will|would|did|also|declined)\b)|[,—]\s*(?:${REFERENT}\s+${CUE_VERB}|${CUE_VERB}\s+${REFERENT})\b[^,]*[.!?"”’]*$`, 'u')

// "But their efforts ...", "Returning to the Pentagon, he asked ...": a pronoun right after an
// opening connective or a short opening phrase leans on the sentence before as much as a lead one.
const PRONOUN_AFTER_OPENING = /^(?:(?:But|And|Yet|So|Still|Also|Then|Now|Meanwhile|However|Instead|Later)\b,?\s+)?(?:[^,;"“”]{1,48},\s+){0,2}(?:he|she|they|it|his|her|their|its|we|i)\b/

/**
 * Whether a sentence makes sense alone, as a summary line must: no pronoun or "the official"
 * standing for someone named in an earlier sentence.
 * @example standsAlone('The fee rises on Monday, the official added.') // false
 */
export function standsAlone(text: string): boolean {
  return !PRONOUN_LEAD.test(text) && !UNRESOLVED.test(text) && !PRONOUN_AFTER_OPENING.test(text)
}

// First or second person outside quotation marks: a letter's or a statement's own voice
// ("I have always believed ...", "you have the right ..."), not a reporter's narrative.
const FIRST_PERSON = /(?:^|[^\p{L}-])(?:I|I'm|I’m|I've|I’ve|me|my|we|We|us|our|Our|you|You|your|Your)(?![\p{L}-])/u
// Photo credits and captions glued to a sentence ("... at the Capitol.CreditJoshua Roberts/Reuters").
const CREDIT = /Credit\s*\p{Lu}|\b(?:AP|AFP|Getty|Reuters)\s*(?:Photo|Images)\b|\bPhoto(?:graph)?:\s|\/(?:Reuters|AP|AFP|Getty Images)\b/u
// A sentence cut at an abbreviation by the sentence splitter: "... Roy Blunt, and former Sens."
const CUT_AT_ABBREVIATION = /\b(?:Sens?|Reps?|Govs?|Gens?|Mr|Mrs|Ms|Dr|Lt|Col|Sgt|Capt|Prof|Rev|Gov|St)\.$/
// Words that put a quotation in someone's mouth inside the sentence itself.
export const ATTRIBUTION_CUE = /\b(?:said|says|say|saying|told|tells|added|wrote|writes|posted|tweeted|stated|called|calls|described|describes|according to|argued|insisted|declared|warned|announced|noted|asked|urged|claimed|replied|praised|criticized|criticised|dubbed|labeled|labelled|termed)\b/i

// Words that join names in a list or a title without making a sentence of them.
const JOINING = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'de', 'van', 'von', 'for', 'in', 'on', 'at', 'to'])

/**
 * A run of names or a title ("John Ashcroft, Kit Bond, John Danforth and Jim Talent"): no lower-case
 * word besides joining ones, or one and no sentence end.
 */
function headingOrList(text: string): boolean {
  let lower = 0
  // The words one at a time (most sentences are told apart by their first few), not all split first.
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0]
    if (LOWER_START.test(w) && !JOINING.has(w.replace(TRAILING_NON_LETTERS, '')) && ++lower >= 2) return false
  }
  // "President Ann Roe fired Director Ola Berg on Tuesday." has one such word, and a full stop.
  return lower === 0 || !SENTENCE_END.test(text)
}
const SENTENCE_END = /[.!?]["”’)]?$/
// The fields `split(/\s+/)` gives, less the empty ones at the ends (which start with no letter).
const WORD = /\S+/g
const LOWER_START = /^\p{Ll}/u
const TRAILING_NON_LETTERS = /[^\p{L}]+$/u

/**
 * Whether a sentence is narrative a summary may state in its own voice: not a quoted opinion
 * whose speaker is outside the sentence, not a letter's first person, not a caption or a fragment.
 * `quoted` are the quotation spans overlapping the sentence, relative to it.
 * @example isNarrative('The plan is “a betrayal of our allies.”', [[12, 40]]) // false
 */
export function isNarrative(text: string, quoted: readonly Span[] = []): boolean {
  if (CREDIT.test(text) || CUT_AT_ABBREVIATION.test(text) || headingOrList(text)) return false
  // A quotation left open runs into the next sentence: the sentence holds half a statement.
  if (count(text, '“') > count(text, '”')) return false
  // Quotation marks in the text count too: the quotes stage may have missed a short quote.
  const spans = [...quoted]
  if (text.includes('“') || text.includes('"')) for (const m of text.matchAll(QUOTATION)) spans.push([m.index, m.index + m[0].length])
  // Most sentences quote nothing: then all of the sentence is outside.
  let outside = spans.length === 0 ? text : ''
  if (spans.length > 0) {
    let last = 0
    for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
      if (start > last) outside += text.slice(last, start) + ' '
      last = Math.max(last, end)
    }
    outside += text.slice(last)
  }
  if (FIRST_PERSON.test(outside)) return false
  return spans.length === 0 || ATTRIBUTION_CUE.test(outside)
}

const QUOTATION = /[“"][^”"]*(?:[”"]|$)/g

/** Occurrences of one character in `text`. */
function count(text: string, mark: string): number {
  let n = 0
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) n++
  return n
}

export { insideOpenQuote, quotedShare }

/** Facts that some article states inside a quotation (most of a support span quoted). */
export function quotedFacts(facts: StoryFact[], byId: Map<string, Annotated>): Set<string> {
  const out = new Set<string>()
  for (const f of facts) {
    for (const s of f.support) {
      const article = byId.get(s.articleId)
      if (article && (quotedShare(article, [s.start, s.end]) > 0.5 || insideOpenQuote(article.text, s.start))) {
        out.add(f.id)
        break
      }
    }
  }
  return out
}

/** Direct and partial quotations overlapping a span, relative to it. */
export function quotedSpans(article: Annotated, span: Span): Span[] {
  const out: Span[] = []
  for (const q of article.quotes) {
    if (q.kind === 'indirect' || q.span[1] <= span[0] || q.span[0] >= span[1]) continue
    out.push([Math.max(0, q.span[0] - span[0]), Math.min(span[1], q.span[1]) - span[0]])
  }
  return out
}
