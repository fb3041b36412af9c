/**
 * Who a speech verb belongs to: the mention before it ("Rubio also said"), after it ("said
 * Kremlin spokesman Dmitry Peskov"), after "by" for a passive ("was described as ... by Yuri
 * Ushakov"), or the subject of the clause. Pronouns ("he said") and role phrases ("the Ukrainian
 * leader said") are resolved back to the nearest fitting person.
 */
import { spanIndexAt } from '../../text/spans.js'
import type { EntityMention, Span } from '../../types.js'
import { COMMON_CAPITALISED, DEMONYMS, ORG_HEADS, PLACES } from '../entities/lexicon.js'
import { genderOf } from '../entities/names.js'
import { isOccupationNoun } from '../entities/context.js'
import { FILLER, INVERTIBLE, RELATIVE_CLAUSE, type Verb } from './cues.js'
import { IRREGULAR_PAST } from '../../text/verbs.js'

/** Something that can be a speaker: an entity mention, a pronoun, or a definite role phrase. */
export interface SpeakerCandidate {
  start: number
  end: number
  /** The entity's canonical name; absent for pronouns and role phrases until resolved. */
  name?: string
  entity?: EntityMention
  /**
   * `phrase`: an unnamed speaker as written after an inverted verb ("said one Republican strategist");
   * `document`: a text that speaks for its authors, as written ("the letter", "a statement from Ann Roe's office");
   * `unnamed`: someone the article does not name and who is no source ("the reporter", "another man"): the quote has no speaker.
   */
  kind: 'entity' | 'pronoun' | 'role-phrase' | 'phrase' | 'document' | 'unnamed'
  /** Where the name is written, when not the whole candidate (a document's author). */
  nameSpan?: Span
}

/** What {@link Attributor} needs to know about the article. */
export interface ArticleView {
  text: string
  sentences: readonly Span[]
  /** Candidates sorted by start, none inside a quotation. */
  candidates: SpeakerCandidate[]
  /** Speakers already attributed, by position of their quote (for "he said" after a quote). */
  attributed: { start: number; end: number; name: string }[]
  /** Gender learnt from the text so far: a person "she" or "he" was resolved to. Filled as quotes are attributed. */
  genders?: Map<string, Gender>
  /** The quoted stretches, sorted: sentences inside them are not counted when looking back. */
  quoted?: readonly Span[]
  /** Names of the bodies and places among the candidates, once asked for. */
  bodies?: Set<string>
  /** The speaker found for each speech verb (by its start), so a verb attributing two quotes gives both one subject. */
  verbSpeakers?: Map<number, { name: string; span: Span }>
}

type Gender = 'female' | 'male'
const SHE = /^(?:she|her|the (?:[\w-]+ )*?(?:spokeswoman|chairwoman|congresswoman|businesswoman))\b/i
const HE = /^(?:he|his|the (?:[\w-]+ )*?(?:spokesman|chairman|congressman|businessman))\b/i

const PRONOUN = /\b(?:[Hh]e|[Ss]he|[Tt]hey)\b/g
const THEY = /^[Tt]hey$/
/** What may stand before a main clause's subject: nothing, or one leading phrase and its comma. */
const MAIN_CLAUSE_LEAD = /^\s*(?:[^,;“”"]{0,60},\s*)?$/
/** Words that may stand before a role noun in a role phrase ("the former", "the Ukrainian", "the 77-year-old"). */
const ROLE_MODIFIERS = String.raw`[A-Z][\w-]*|former|then|top|new|senior|presidential|vice|retired|real|estate|billionaire|likely|presumptive|\d+-year-old|[a-z]+-(?:term|time|year|serving)`
/** Role nouns of role phrases ("the leader", "the Ukrainian president"). */
export const ROLE_NOUNS = 'leader|president|minister|chancellor|envoy|spokesman|spokeswoman|adviser|advisor|secretary|premier|prime minister|chief|diplomat|aide|mayor|governor|senator|candidate|nominee|front-?runner|congressman|congresswoman|lawmaker|pope|pontiff|businessman|businesswoman|mogul|neurosurgeon|chairman|chairwoman|speaker|host|director'
const ROLE_PHRASE = new RegExp(String.raw`\b[Tt]he (?:(?:${ROLE_MODIFIERS}) ){0,3}(?:${ROLE_NOUNS})\b`, 'g')
/** A role phrase of the role noun alone at the start of a text, the noun captured ("the mayor", "The governor"). */
const BARE_ROLE_AT = new RegExp(String.raw`^[Tt]he (${ROLE_NOUNS})\b`)
const PREPOSITION_BEFORE = /\b(?:to|with|by|of|for|from|at|about|on|in|against|between|among|than|like|including|into|over|near|after|before|during|via|toward|towards|under|told|called|asked|met|and)\s+(?:(?:the|an?|his|her|its|their)\s+)?$/i
/**
 * Texts an owner speaks through: "Roe's brief said", "Hale’s apology noted" are the owner's words,
 * credited as written ("Ann Roe’s brief"), so the owner's name is in the speaker. Only before a
 * speech verb: a sentence about "Roe's letter" is still about Roe when "he" looks back.
 */
const OWNED_DOCUMENTS = 'letter|statement|brief|filing|lawsuit|complaint|memo|report|ad|video|apology|missive|release|website|post|tweet'
/** After a possessive, the body that speaks for its owner: "Powell’s office said", "Trump's campaign said". */
const SPOKESBODY = new RegExp(String.raw`^['’]s?\s+((?:press\s+)?(?:office|campaign|spokesman|spokeswoman|spokesperson|team|aides|lawyers?|attorneys?|camp|staff|representatives?|${OWNED_DOCUMENTS}))(?:\s*,\s*[a-z][^,;“”"]{0,30},)?\s+(?:(?:also|later|then|has|had|have)\s+)?$`)
/** After a possessive, a body that speaks for its owner, then a verb: "’s campaign shrugged", "’s office said". */
const POSSESSIVE_BODY = new RegExp(String.raw`^['’]s?\s+((?:press\s+)?(?:office|campaign|spokesman|spokeswoman|spokesperson|team|aides|lawyers?|attorneys?|camp|staff|representatives?))(?=\s+(?:(?:also|later|then|has|had|have|quickly|swiftly)\s+)?[a-z]+(?:ed|s)\b)`)
/** Prepositions whose object, right before a verb, is not its subject ("the director for the Iowa Democratic Party said"). */
const OBJECT_OF = /\b(?:for|of|with|from|about|against|among|including|at|on|in|to|via|through)\s+(?:the\s+)?$/i
// Place prepositions, in lower case only: "Under Secretary Ann Roe", "Over the weekend," open no object.
const OBJECT_OF_PLACE = /\b(?:near|outside|inside|across|around|behind|beside|beyond|toward|towards|under|over|into|onto|within|throughout)\s+(?:the\s+)?$/
const objectBefore = (before: string): boolean => OBJECT_OF.test(before) || OBJECT_OF_PLACE.test(before)
/** "And" opening a sentence joins clauses, not objects ("And Mr. Christie gloated: ..."). */
const AND_OPENS = /(?:^|[.!?:]\s+|\n\s*)And\s+(?:the\s+)?$/
const AS_BEFORE = /\bas\s+$/i
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$/
const BY_AFTER = /\bby\s+/g
const MAX_BACK_SENTENCES = 5
/** One lowercase word between an employer and a name ("Fox News host Glenn Beck"), maybe after a word of its kind of work ("Obama campaign manager Jim Messina"). */
const OCCUPATION_GAP = /^[ \u00a0]+(?:(?:campaign|press|communications|policy|political|legal|senior|deputy|chief|general|national|field|finance|media|digital|research)[ \u00a0]+)?(\p{Ll}+)[ \u00a0]+/u
/**
 * Between an inverted verb and its named subject, a few words and no clause break ("said Democratic
 * strategist Ann Roe"), not a preposition ("said of Trump") nor a conjunction ("said when Roe
 * asked"), nor a relative pronoun ("said a party member who backs Ann Roe": Roe is its object).
 * Five words; up to eight only with no lower-case "of", "for", "to", "representing" or "suing" and
 * a lower-case word after it in the gap, so a title of two offices reaches its name ("said former
 * Ohio Gov. and Democratic National Committee Chairman Ed Rendell": eight words, PolNeAR train odd
 * half 2421 -> 2424 of 2550 speakers right against five, dev and the even half unchanged; six words
 * measured the odd half's speaker accuracy 95.1, not 95.3) and "Secretary of State" passes, while a relation does not hand the quote to the
 * person it names ("said the father of the star quarterback Tom Bell", "said the longtime chief of
 * staff to former Senator Ann Roe"): with eight words for every gap, those went to the name.
 */
const INVERTED_GAP = /^\s+(?!(?:of|to|about|with|for|at|in|on|by|after|before|when|while|as|because|if|that|since|until|once)\s)(?:(?!(?:who|whom|whose|which|that)\s)[\p{L}\p{N}.'’&/-]+\s+){0,8}$/u
/** A relation in the gap: "father of the", "lawyer representing the", "chief of staff to former". */
const GAP_RELATION = /\s(?:of|for|to|representing|suing)\s+\p{Ll}/u
function invertedGap(gap: string): boolean {
  if (!INVERTED_GAP.test(gap)) return false
  return gap.trim().split(/\s+/).length <= 5 || !GAP_RELATION.test(gap)
}
/** An unnamed speaker written right after an inverted verb, up to the comma: "said one Republican strategist". */
const UNNAMED_AFTER = /^\s+((?:a|an|one|another|the|two|three|several|some)\s+[^,.;:“”"()\n]{3,60}?)(?=\s*(?:[,.;:()]|\n|$|\s+(?:who|which|in|at|on|during|after|before|when)\b))/

/**
 * An unnamed speaker between a quote's close and its verb: "“...,” a port official told reporters",
 * "“...,” one resident said". Indefinite only: "the official" refers back (`resolveBack`).
 */
const UNNAMED_BEFORE_VERB = /^[\s,'"’”]*((?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+[\p{Ll}\p{Lu}][^,.;:“”"()\n]{2,60}?)(\s+(?:\p{Ll}+ly\s+)?)$/u

/** Who speaks for someone: "’s lawyer", "’s spokeswoman". */
const AGENT_WORDS = String.raw`lawyers?|attorneys?|counsel|spokes(?:man|woman|person)|aides?|advisers?|advisors?|representatives?|publicist`
/** "said his lawyer.": an agent after an inverted verb with no name set off after it (then the name speaks). */
const AGENT_AFTER_VERB = new RegExp(String.raw`^\s+((?:his|her|their|its)\s+(?:[a-z-]+\s+){0,2}?(?:${AGENT_WORDS}))\b(?=\s*(?:[.;:()]|\n|$|,(?!\s*\p{Lu})))`, 'u')
/** Texts that can say something in their authors' stead. */
const DOCUMENT_NOUNS =
  'letters?|statements?|reports?|memo|memorandum|lawsuit|suit|complaint|filing|indictment|ads?|advertisement|commercial|video|posts|editorial|op-ed|ruling|petition|release|document|study|survey|resolution|manifesto|law|code|statute'
/** Words that may stand between a determiner and the document noun ("the two-page resignation letter", "The Georgetown University letter"). */
const DOCUMENT_MODIFIER = String.raw`(?:\p{Lu}[\p{L}.’'-]*|[\p{L}-]+['’]s?|new|joint|written|signed|open|resignation|federal|formal|official|internal|leaked|public|press|news|campaign|television|TV|radio|web|online|social|media|legal|court|latest|original|[a-z]+-page|\d+-page)`
/**
 * A document phrase: a determiner, up to three modifiers, the noun, and maybe its author ("from
 * the Democratic committee", "by Ann Roe's office", "in The Daily Ledger"). Owners ("Roe's letter",
 * "his letter") are left out: the owner is the better speaker, and the stages that read possessives
 * find them.
 */
const DOCUMENT = new RegExp(
  String.raw`\b(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)\s+(?:${DOCUMENT_MODIFIER}\s+){0,3}?(?<noun>${DOCUMENT_NOUNS})\b(?:(?:,?\s+(?:from|by)|\s+(?:of|in)|\s+on(?=\s+(?:the\s+)?\p{Lu}[^,.;“”"]{0,40}['’]s?\s+(?:web\s*site|site|page|account|blog)\b))\s+(?<author>(?:the\s+|The\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+(?:and\s+|&\s+)?){0,5}\p{Lu}[\p{L}.-]*(?:\s+(?:committee|party|campaign|office|group|council|department|administration|agency|board|union|association|coalition|caucus)\b)?(?:['’]s?\s+(?:(?:press\s+)?office|campaign|${AGENT_WORDS})(?:,\s+(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}\p{Lu}[\p{L}-]*)?)?))?`,
  'gu',
)
/**
 * What may stand before a document that is a subject: a sentence or clause start, a closing mark,
 * a conjunction, or an inverted verb ("says the letter"). Not a preposition ("in a statement") nor
 * a verb it is the object of ("released a statement describing ..."): there the issuer speaks.
 */
const DOCUMENT_SUBJECT_BEFORE = /(?:^|[,;:”"’(—–]\s*|\n\s*|[.!?]\s+|\s--?\s+|\b(?:and|but|while|whereas|though|although|because|that|which|also|said|says|states|reads|read|added|adds|wrote|writes|continues|continued|concludes|concluded|argues|argued|noted|notes)\s+)$/i
/** The nouns of a law named without a determiner, and the word before them: "Federal law", "state statutes", "U.S. code". */
const LAW_NOUNS = ['law', 'code', 'statute']
const LAW_BEFORE = /(?:^|[^\p{L}.])((?:[Ff]ederal|[Ss]tate|U\.S\.|[Cc]riminal|[Ii]nternational|[Cc]ivil)\s+)$/u
const LAW_AFTER = /^s?(?![\p{L}\p{N}])/u

/** Spans of laws named without a determiner. The nouns are found with indexOf: a regex scan of every article costs more than the rest of this stage's new rules. */
function lawMentions(text: string): Span[] {
  const out: Span[] = []
  for (const noun of LAW_NOUNS) {
    for (let i = text.indexOf(noun); i >= 0; i = text.indexOf(noun, i + noun.length)) {
      // Most hits are inside words ("lawmakers", "outlaw"): a space must stand before the noun.
      const space = text.charCodeAt(i - 1)
      if (space !== 32 && space !== 160 && space !== 10) continue
      const before = LAW_BEFORE.exec(text.slice(Math.max(0, i - 20), i))
      const after = before ? LAW_AFTER.exec(text.slice(i + noun.length, i + noun.length + 2)) : null
      if (before && after) out.push([i - before[1].length, i + noun.length + after[0].length])
    }
  }
  return out.sort((a, b) => a[0] - b[0])
}
/** A relative clause that makes the document before it speak: "that says:", "which reads". */
const RELATIVE_SPEECH_AFTER = /^\s*,?\s*(?:that|which)\s+(?:\w+ly\s+)?(?:says|said|reads|read|states|stated|provides|declares|warns|notes)\b/
/** Someone the article does not name and who is no source: "the reporter asks", "Another man, not seen on camera, then tells". */
const UNNAMED_PERSON =
  /\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}?(?:man|woman|reporter|student|cameraman|protester|protestor|voter|resident|person|boy|girl|interviewer|caller|heckler|questioner|attendee|onlooker|bystander|passerby|teenager|narrator)\b(?![-’'])/g
/**
 * Someone who speaks for the person a possessive names ("his lawyer said", "her spokeswoman"): the
 * agent speaks, not the person before (a lawyer's words are not the client's). Not when a name is
 * set off after it ("her lawyer, Ana Costa"): the name is the speaker.
 */
const AGENT_PHRASE = new RegExp(String.raw`\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+){0,2}?(?:${AGENT_WORDS})\b(?!\s*,\s*\p{Lu})`, 'gu')
/**
 * A public body named by what it is ("the port authority said", "the ministry said"): it speaks as
 * written. Only bodies that issue statements in their own name; "the government" or "the company"
 * is more often the topic of a sentence than its subject.
 */
const BODY_PHRASE = /\b[Tt]he (?:[a-z-]+\s+){0,2}?(?:authority|ministry|agency|police|union|council|committee|commission|regulator)\b(?!\s*,\s*\p{Lu})(?![-’'])/gu
/** A group of people that speaks together, named by what they are: "the bishops", "The Georgetown scholars". */
const GROUP_PHRASE =
  /\b[Tt]he (?:\p{Lu}[\p{L}.-]* ){0,2}(?:scholars|bishops|writers|authors|professors|researchers|scientists|economists|signers|signatories|plaintiffs|prosecutors|investigators|protesters|activists|organizers|faculty members)\b/gu
/**
 * Someone named by their occupation as the subject of a speech verb: "the profiler told reporters",
 * "the therapist said", "the prosecutor argued". An agent noun (-er, -or, -ist, -ian) the role
 * phrases above do not list; it is the person the article describes so ("former FBI profiler John
 * Douglas"), or no one it names (`occupationMatch`), never merely the nearest person.
 */
const OCCUPATION_NOT = 'other|former|latter|never|ever|however|rather|further|together|either|neither|whether|later|earlier|sooner|longer|after|under|over|better|newspaper|paper|order|letter|chapter|center|centre|poster|flyer|banner|trailer|charter|register|ledger|counter|computer|monitor|tracker|meter|filter|water|number|matter|power|quarter|corner|border|murder|error|sector|factor|motor|mirror|indicator|calendar|weather|dinner|summer|winter|answer'
const SPEECH_VERBS = 'said|says|told|tells|added|adds|wrote|writes|explained|noted|recalled|warned|testified|argued|insisted|continued|replied|answered|asked|asks'
const OCCUPATION_PHRASE = new RegExp(String.raw`\b[Tt]he (?:[a-z-]+ ){0,2}?(?!(?:${OCCUPATION_NOT})\b)(\p{Ll}{3,}(?:er|or|ist|ian))(?=\s+(?:\p{Ll}+ly\s+)?(?:${SPEECH_VERBS})\b)`, 'gu')
/** `OCCUPATION_PHRASE` ending where a speech verb starts (read in the words before each verb, `beforeSpeechVerbs`). */
const OCCUPATION_BEFORE_VERB = new RegExp(String.raw`\b[Tt]he (?:[a-z-]+ ){0,2}?(?!(?:${OCCUPATION_NOT})\b)(\p{Ll}{3,}(?:er|or|ist|ian))(\s+(?:\p{Ll}+ly\s+)?)$`, 'u')
/** The speech verbs these subjects go with, found once per article. */
const SPEECH_VERB = new RegExp(String.raw` (?:${SPEECH_VERBS})\b`, 'g')
// Characters before a speech verb read for its subject ("the teachers' union's chief negotiator").
const SUBJECT_WINDOW = 90

/** Where each speech verb of `text` starts (the verbs these subjects go with), read once per article. */
function speechVerbStarts(text: string): number[] {
  const out: number[] = []
  SPEECH_VERB.lastIndex = 0
  for (let v = SPEECH_VERB.exec(text); v !== null; v = SPEECH_VERB.exec(text)) out.push(v.index + 1)
  return out
}

/**
 * Matches of `pattern` (anchored at its end, its last group the space and adverb before the verb)
 * ending right before one of the speech verbs at `verbs`: the patterns run only where a verb is,
 * not at every "the", and only when `gate` finds in the words before the verb what they need.
 */
function beforeSpeechVerbs(text: string, verbs: readonly number[], pattern: RegExp, gate: (window: string) => boolean): { index: number; phrase: string; groups: string[] }[] {
  const out: { index: number; phrase: string; groups: string[] }[] = []
  for (const at of verbs) {
    const from = Math.max(0, at - SUBJECT_WINDOW)
    const window = text.slice(from, at)
    if (!gate(window)) continue
    const m = pattern.exec(window)
    if (!m) continue
    const trailing = m[m.length - 1]
    out.push({ index: from + m.index, phrase: m[0].slice(0, m[0].length - trailing.length), groups: m.slice(1, -1) })
  }
  return out
}
/** What `OCCUPATION_BEFORE_VERB` needs right before the verb: an agent noun's ending. */
const OCCUPATION_ENDING = /(?:er|or|ist|ian)\s+(?:[a-z]+ly\s+)?$/
const OCCUPATION_GATE = (window: string): boolean => OCCUPATION_ENDING.test(window)
/** "it" right before a speech verb (maybe an adverb between), ending where the verb starts. */
// Only "it" opening a clause: at a sentence's start, after a quote's close, a comma or semicolon, or
// "and"/"but"; not an object ("Roe, who opposed it said", "everyone who saw it said").
const IT_SUBJECT = /(?:^|[.!?]["”’]?\s+|[,;:]\s*["”’]?\s*|["”’]\s*|\b(?:and|but)\s+)[Ii]t(\s+(?:\p{Ll}+ly\s+)?)$/u
const IT_GATE = (window: string): boolean => /\b[Ii]t\s+(?:\p{Ll}+ly\s+)?$/u.test(window)
/** What `OWNED_ROLE` needs before the verb: a possessive's apostrophe. */
const OWNED_GATE = (window: string): boolean => window.includes('’') || window.includes("'")

/**
 * A role of a body or place named by a possessive, as the subject of a speech verb: "the union's
 * president said", "the agency's chief inspector told". It is the person the article named with
 * that role of that body ("union president Ana Pell"), else it speaks as written; never the
 * nearest person (the mayor the union is fighting).
 */
const OWNED_ROLE = /\b[Tt]he ((?:[\p{L}-]+ ){0,2}?[\p{L}-]+)['’]s? (?:[a-z-]+ ){0,2}?(\p{Ll}{3,})(\s+(?:\p{Ll}+ly\s+)?)$/u
/** The role nouns `OWNED_ROLE` takes: the role phrases' and agent nouns (-er, -or, -ist, -ian). */
const OWNED_ROLE_NOUN = new RegExp(String.raw`^(?:${ROLE_NOUNS}|spokesperson|chair|executive|head|official|counsel|\p{Ll}+(?:er|or|ist|ian))$`, 'u')

/** A paper named by its short title ("the Times wrote", "The Post reported"): it speaks as written. */
const PUBLICATION = /\b[Tt]he (?:Times|Post|Journal|Tribune|Herald|Globe|Guardian|Telegraph|Economist|Atlantic|Hill|Chronicle|Examiner)\b(?!\s+[A-Z])/g
/** A heading in capitals that opens its paragraph ("UPDATE:", "BREAKING:"): no one speaks by it. */
const HEADING = /^[\p{Lu}\d .'’-]+:/u

/** Builds the candidate list: mentions (outermost only), documents, pronouns and role phrases outside quotes. */
export function speakerCandidates(text: string, entities: readonly EntityMention[], quoted: readonly Span[]): SpeakerCandidate[] {
  // One pass marks quoted text and mention text, so each check below is a lookup.
  const QUOTED = 1
  const MENTION = 2
  const mask = new Uint8Array(text.length + 1)
  for (const [s, e] of quoted) mask.fill(QUOTED, s, e)
  const inQuote = (p: number): boolean => (mask[p] & QUOTED) !== 0
  const out: SpeakerCandidate[] = []
  const roles: Span[] = entities.flatMap((e) => (e.roleSpan ? [e.roleSpan] : []))
  // "Oversight Chairman Jason Chaffetz", "Trump campaign manager Ann Roe": a name right before a person's role qualifies the role.
  const roleStarts = new Set(entities.flatMap((e) => (e.type === 'person' && e.roleSpan && e.roleSpan[0] < e.span[0] ? [e.roleSpan[0]] : [])))
  const beforeRole = (e: EntityMention): boolean => {
    let k = e.span[1]
    while (k < text.length && k - e.span[1] < 3 && (text[k] === ' ' || text[k] === '\u00a0')) k++
    return k > e.span[1] && roleStarts.has(k)
  }
  // "Fox News host Glenn Beck": an employer before an occupation noun and a person's name is part of who that person is.
  const personStarts = new Set(entities.flatMap((e) => (e.type === 'person' ? [e.span[0]] : [])))
  const beforeOccupation = (e: EntityMention): boolean => {
    const m = OCCUPATION_GAP.exec(text.slice(e.span[1], e.span[1] + 40))
    return m !== null && isOccupationNoun(m[1]) && personStarts.has(e.span[1] + m[0].length)
  }
  // In text order (longer first at one start), sorted once for the qualifier chain and the candidates.
  const ordered = [...entities].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])
  // "Senate Judiciary Chairman Tom Pell": names in a row before a role all qualify it (read from the last).
  for (let k = ordered.length - 1; k >= 0; k--) if (ordered[k].type !== 'person' && beforeRole(ordered[k])) roleStarts.add(ordered[k].span[0])
  const inRole = (e: EntityMention): boolean => roles.some(([s, t]) => e.span[0] >= s && e.span[1] <= t) || (roleStarts.size > 0 && beforeRole(e)) || beforeOccupation(e)
  // "the letter from Ann Roe says": the document speaks, and the names inside it are its own words.
  const documents: SpeakerCandidate[] = []
  DOCUMENT.lastIndex = 0
  // The last document of each kind that the text names ("the lawsuit from Nebraska", "The Acme letter"), for a later "the suit says".
  const named = new Map<string, SpeakerCandidate>()
  for (let m = DOCUMENT.exec(text); m !== null; m = DOCUMENT.exec(text)) {
    if (inQuote(m.index) || inQuote(m.index + m[0].length - 1)) continue
    const found = documentSpeaker(m, entities)
    const kind = documentKind(m.groups!.noun)
    if (m.groups!.author || CAPITALISED_MODIFIER.test(m[0])) named.set(kind, found)
    else {
      // "The Acme campaign hit back with an ad. ... the ad says": a text introduced as the object of its owner's sentence.
      const introduced = INDEFINITE.test(m[0]) ? introducedBy(text, entities, m.index, m[0]) : null
      if (introduced) named.set(kind, introduced)
    }
    // "the part of the U.S. code that says:": a document that a relative clause makes speak is a subject wherever it stands.
    if (!DOCUMENT_SUBJECT_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)) && !RELATIVE_SPEECH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue
    const earlier = m.groups!.author || CAPITALISED_MODIFIER.test(m[0]) ? undefined : named.get(kind)
    documents.push(earlier ? { ...found, name: earlier.name, nameSpan: earlier.nameSpan ?? [earlier.start, earlier.end] } : found)
    mask.fill(MENTION, m.index, m.index + m[0].length)
  }
  // "Federal law makes it a crime for anyone “who ...”": quoted law is the law's text, not a person's statement.
  for (const [start, end] of lawMentions(text)) {
    if (inQuote(start) || mask[start] !== 0 || !DOCUMENT_SUBJECT_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue
    documents.push({ start, end, name: text.slice(start, end), kind: 'document' })
    mask.fill(MENTION, start, end)
  }
  const inDocument = (e: EntityMention): boolean => documents.some((d) => e.span[0] >= d.start && e.span[1] <= d.end)
  let coverEnd = -1
  for (const e of ordered) {
    // Inner mentions ("White House" in "a White House official") and role words ("Kremlin" in
    // "Kremlin spokesman Dmitry Peskov") are not speakers: the mention they belong to is.
    if (e.span[1] <= coverEnd || inQuote(e.span[0]) || inRole(e) || inDocument(e) || isHeading(text, e) || isChannel(text, e) || PLACE_ADJECTIVE.test(text.slice(e.span[0], e.span[1]))) continue
    coverEnd = e.span[1]
    out.push({ start: e.span[0], end: e.span[1], name: e.name, entity: e, kind: 'entity' })
    for (let k = e.span[0]; k < e.span[1]; k++) mask[k] |= MENTION
  }
  out.push(...documents)
  const groups = new GroupNames(documents.filter((d) => d.name !== text.slice(d.start, d.end) || CAPITALISED_MODIFIER.test(d.name ?? '')))
  const taken = new Set<number>()
  // Occupations ("the profiler told") and owned roles ("the union's president said") are read only before speech verbs.
  const verbs = speechVerbStarts(text)
  for (const [re, kind] of [[PRONOUN, 'pronoun'], [ROLE_PHRASE, 'role-phrase'], [OCCUPATION_BEFORE_VERB, 'role-phrase'], [UNNAMED_PERSON, 'unnamed'], [GROUP_PHRASE, 'phrase'], [PUBLICATION, 'phrase'], [AGENT_PHRASE, 'phrase'], [BODY_PHRASE, 'phrase']] as const) {
    if (re === OCCUPATION_BEFORE_VERB) {
      for (const m of beforeSpeechVerbs(text, verbs, re, OCCUPATION_GATE)) {
        // One candidate per start: an occupation the role phrases list ("the senator said") is theirs.
        if (mask[m.index] !== 0 || taken.has(m.index)) continue
        out.push({ start: m.index, end: m.index + m.phrase.length, kind })
      }
      continue
    }
    re.lastIndex = 0
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (mask[m.index] !== 0) continue
      taken.add(m.index)
      // A group speaks as written ("the Georgetown scholars"); no one person is it.
      out.push({ start: m.index, end: m.index + m[0].length, kind, ...(kind === 'phrase' ? { name: groups.name(m[0], m.index) } : {}) })
    }
  }
  // "it said": a pronoun for the body or text named before (`itBack`), read only as a speech verb's subject.
  for (const m of beforeSpeechVerbs(text, verbs, IT_SUBJECT, IT_GATE)) {
    const end = m.index + m.phrase.length
    const start = end - 2
    if (mask[start] !== 0 || inQuote(start) || out.some((c) => c.start === start)) continue
    out.push({ start, end, kind: 'pronoun' })
  }
  for (const m of beforeSpeechVerbs(text, verbs, OWNED_ROLE, OWNED_GATE)) {
    const [owner, role] = m.groups
    if (mask[m.index] !== 0 || !OWNED_ROLE_NOUN.test(role) || out.some((c) => c.start === m.index)) continue
    const phrase = m.phrase.charAt(0).toLowerCase() + m.phrase.slice(1)
    out.push({ start: m.index, end: m.index + m.phrase.length, kind: 'phrase', name: ownedRoleHolder(text, out, m.index, owner, role) ?? phrase })
  }
  // "the Florida senator", "the Fox News host": a place, nationality or employer inside a role phrase is part of the phrase, not a speaker of its own.
  const phrases = out.filter((c) => c.kind === 'role-phrase')
  const inPhrase = (c: SpeakerCandidate): boolean =>
    (c.entity?.type === 'place' || c.entity?.type === 'other' || c.entity?.type === 'organization') && phrases.some((p) => c.start > p.start && c.end < p.end)
  return (phrases.length > 0 ? out.filter((c) => !inPhrase(c)) : out).sort((a, b) => a.start - b.start)
}

/**
 * The person named earlier with `role` of `owner` in the words bound to the name ("union president
 * Ana Pell", "Ana Pell, president of the teachers' union"), nearest first; null when none is.
 */
function ownedRoleHolder(text: string, candidates: readonly SpeakerCandidate[], before: number, owner: string, role: string): string | null {
  const ownerWords = owner.toLowerCase().split(/\s+/).map((w) => w.replace(/['’]s?$/, ''))
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]
    if (c.start >= before || c.kind !== 'entity' || c.entity?.type !== 'person' || !c.name) continue
    const words = boundWords(text, candidates, i, before)
    if (words.includes(role) && ownerWords.some((w) => words.includes(w))) return c.name
  }
  return null
}

// "the Mexican-born journalist": an adjective made of a place describes a speaker, it is none.
const PLACE_ADJECTIVE = /-(?:born|bred|raised)$/

// Platforms whose name before a word for what is posted there is the channel, not who posts ("a Twitter post";
// an account or page, "her Twitter account", may stand for its owner).
const PLATFORM = /^(?:X|Twitter|Facebook|Instagram|YouTube|TikTok|Telegram|Truth Social|Snapchat|LinkedIn|Threads|Reddit)$/
const POSTED_THERE = /^[ \t\u00a0]+(?:post|posts|posting|message|messages|video|videos|thread|story|stories|live|update|tirade|rant)\b/

// An owner before the platform: "her first Twitter post", "Trump’s Truth Social post", "his first “Crooked” Twitter post".
const OWNER_BEFORE = /(?:\b(?:his|her|their|its|my|our|your)|['’]s?)\s+(?:(?:first|latest|last|new|own|recent|early-morning|late-night)\s+){0,2}(?:[“"][^”"\n]{1,30}[”"]\s+)?$/i

/**
 * "made her first Twitter post": the platform is where someone's words were posted, not a speaker;
 * without an owner ("a Facebook message to users said") the company may speak for itself.
 */
function isChannel(text: string, e: EntityMention): boolean {
  return (
    PLATFORM.test(text.slice(e.span[0], e.span[1])) &&
    POSTED_THERE.test(text.slice(e.span[1], e.span[1] + 20)) &&
    OWNER_BEFORE.test(text.slice(Math.max(0, e.span[0] - 40), e.span[0]))
  )
}

/**
 * The name a group phrase speaks under: "The scholars" after "The Georgetown scholars" is that group;
 * "the writers" or "the signers" of a text named before ("The Georgetown University letter") speak as it.
 */
class GroupNames {
  private readonly named = new Map<string, string>()
  constructor(private readonly documents: readonly SpeakerCandidate[]) {}
  name(phrase: string, at: number): string {
    const words = phrase.split(/\s+/)
    const head = words.at(-1)!.toLowerCase()
    if (words.length > 2) {
      this.named.set(head, phrase)
      return phrase
    }
    const earlier = this.named.get(head)
    if (earlier) return earlier
    if (!AUTHOR_HEADS.has(head)) return phrase
    const document = this.documents.filter((d) => d.start < at).at(-1)
    return document?.name ?? phrase
  }
}
const AUTHOR_HEADS = new Set(['writers', 'authors', 'signers', 'signatories'])

const INDEFINITE = /^[Aa]n?\s/
/** What ends a sentence when looking back for a document's owner. */
const SENTENCE_END_BEFORE = /[.!?]["”’]?\s|\n/g
/** The body an owner's name may carry: "the Acme campaign". */
const OWNER_BODY = /^\s+(campaign|committee|party)\b/

/**
 * The owner of a document introduced with "a"/"an" ("The Acme campaign retorted with an ad of its
 * own"): the person or body opening its sentence, written with the document ("Acme campaign’s ad").
 */
function introducedBy(text: string, entities: readonly EntityMention[], at: number, phrase: string): SpeakerCandidate | null {
  let sentenceStart = Math.max(0, at - 200)
  SENTENCE_END_BEFORE.lastIndex = sentenceStart
  for (let m = SENTENCE_END_BEFORE.exec(text); m !== null && m.index < at; m = SENTENCE_END_BEFORE.exec(text)) sentenceStart = m.index + m[0].length
  let owner: EntityMention | undefined
  for (const e of entities) {
    if (e.span[0] >= sentenceStart && e.span[1] <= at && e.type !== 'place' && (!owner || e.span[0] < owner.span[0])) owner = e
  }
  // Only the subject opening the sentence owns it: "Forty professors sent Governor Ann Roe a letter" is not Roe's letter.
  if (!owner || !/^\s*(?:[Tt]he\s+)?$/.test(text.slice(sentenceStart, owner.span[0]))) return null
  const body = OWNER_BODY.exec(text.slice(owner.span[1], owner.span[1] + 20))
  const end = owner.span[1] + (body ? body[0].length : 0)
  const written = text.slice(owner.span[0], end)
  const noun = phrase.replace(INDEFINITE, '')
  return { start: at, end: at + phrase.length, name: `${written}${/s$/.test(written) ? '’' : '’s'} ${noun}`, kind: 'document', nameSpan: [owner.span[0], end] }
}

/** A capitalised word after the determiner: the document is named by it ("The Acme University letter"). */
const CAPITALISED_MODIFIER = /^\S+\s+\p{Lu}/u
/** One key for the words of one kind of document ("suit" and "lawsuit", "ad" and "advertisement"). */
function documentKind(noun: string): string {
  const one = noun.replace(/s$/, '')
  if (one === 'lawsuit') return 'suit'
  if (one === 'advertisement' || one === 'commercial') return 'ad'
  if (one === 'memorandum') return 'memo'
  return one
}

/**
 * The speaker a document phrase gives: its author when written ("a statement from Ann Roe's
 * office" -> "Ann Roe’s office", "the statement from Roe's attorney, Jim Vole" -> "Jim Vole"),
 * else the document as written ("the letter").
 */
function documentSpeaker(m: RegExpExecArray, entities: readonly EntityMention[]): SpeakerCandidate {
  const start = m.index
  const end = start + m[0].length
  const author = m.groups?.author
  if (!author) return { start, end, name: m[0], kind: 'document' }
  const at = end - author.length
  // "Roe's attorney, Jim Vole": the agent's name after the comma is the author.
  const named = /,\s+(.+)$/.exec(author)
  if (named) return { start, end, name: named[1], kind: 'document', nameSpan: [end - named[1].length, end] }
  // "the report, by White House Counsel Ann Roe": one person ends the author's words, which name
  // her employer and role before her; she is the author.
  const people = entities.filter((e) => e.type === 'person' && e.span[0] >= at && e.span[1] <= end)
  if (people.length === 1 && people[0].span[1] === end && people[0].span[0] > at) return { start, end, name: people[0].name, kind: 'document', nameSpan: people[0].span }
  const bare = author.replace(/^the\s+/i, '')
  // "the lawsuit from Utah and Idaho": states do not speak, their lawsuit does.
  if (bare.split(/\s+and\s+|\s*&\s*/).every(isStateName)) return { start, end, name: m[0], kind: 'document' }
  return { start, end, name: bare.replace(/['’]s?(?=\s)/, '’s'), kind: 'document', nameSpan: [end - bare.length, end] }
}

/** A mention in capitals that opens its paragraph before a colon ("UPDATE: 7:19 p.m. -- ..."). */
function isHeading(text: string, e: EntityMention): boolean {
  const lineStart = text.lastIndexOf('\n', e.span[0] - 1) + 1
  return text.slice(lineStart, e.span[0]).trim() === '' && HEADING.test(text.slice(e.span[0], e.span[0] + 40)) && !/\p{Ll}/u.test(text.slice(e.span[0], e.span[1]))
}

/** The end of the words that belong to a candidate (its appositive role, if any). */
const endWithRole = (c: SpeakerCandidate): number => Math.max(c.end, c.entity?.roleSpan?.[1] ?? 0)
/** The start of the words that belong to a candidate (its role before the name, if any). */
export const startWithRole = (c: SpeakerCandidate): number => Math.min(c.start, c.entity?.roleSpan?.[0] ?? Infinity)

/**
 * The speaker of `verb`, looking only inside `[from, to)`; null when no one fits. `afterQuote`: the
 * verb follows the quote, whose end is `boundary`.
 */
export function subjectOf(view: ArticleView, verb: Verb, from: number, to: number, boundary: number, afterQuote = false, onRule?: (rule: string) => void): SpeakerCandidate | null {
  const { text, candidates } = view
  // Each reading below has a name, told to `onRule` when it gives the subject (the quote's `via`).
  const ruled = (rule: string, c: SpeakerCandidate | null | undefined): SpeakerCandidate | null => {
    if (c) onRule?.(rule)
    return c ?? null
  }
  const inWindow = candidates.filter((c) => c.start >= from && c.end <= to)
  const before = text.slice(Math.max(from, boundary), verb.start)
  // "– as described by FBI Director James Comey": a participle after "as" is passive too.
  if (PASSIVE_BEFORE.test(before) || (AS_BEFORE.test(before) && /ed$/.test(verb.word))) {
    BY_AFTER.lastIndex = verb.end
    const found = BY_AFTER.exec(text)
    const by = found && found.index < to ? found : null
    const agent = by && inWindow.find((c) => startWithRole(c) === by.index + by[0].length)
    if (agent) return ruled('passive-agent', agent)
    // "Trump was asked, “...”": the one asked or told did not say the words.
    if (/^(?:asked|told)$/i.test(verb.word)) return null
  }
  // "... quoted Varga as saying the council “...”": the participle's speaker is the one quoted.
  if (/^(?:saying|telling|writing)$/i.test(verb.word)) {
    const windowStart = Math.max(from, verb.start - 100)
    const lead = QUOTED_AS_BEFORE.exec(text.slice(windowStart, verb.start))
    if (lead) {
      const at = windowStart + lead.index + lead[0].indexOf(lead[2], lead[1].length)
      const quotedOne = inWindow.find((c) => startWithRole(c) >= at && c.end <= verb.start)
      if (quotedOne) return ruled('quoted-as-saying', quotedOne)
      return ruled('quoted-as-saying', { start: at, end: at + lead[2].length, name: lead[2], kind: 'phrase' })
    }
  }
  // "The Gazette quoted Varga as saying", "cited an aide as saying": the one quoted speaks, not the one quoting.
  if (/^(?:quoted|quotes|quoting|cited|cites|citing)$/i.test(verb.word)) {
    const quotedOne = inWindow.find((c) => c.start >= verb.end && QUOTED_AS_GAP.test(text.slice(verb.end, startWithRole(c))) && QUOTED_AS_AFTER.test(text.slice(endWithRole(c), endWithRole(c) + 30)))
    if (quotedOne) return ruled('quoted-as-saying', quotedOne)
    const written = QUOTED_UNNAMED_AS.exec(text.slice(verb.end, Math.min(to, verb.end + 90)))
    if (written) {
      const start = verb.end + written[0].indexOf(written[1])
      return ruled('quoted-as-saying', { start, end: start + written[1].length, name: written[1], kind: 'phrase' })
    }
  }
  if (INVERTIBLE.test(verb.word) && /^[\s,'"’”]*$/.test(before)) {
    // "said the bureau's director, James Comey": the role may stand in apposition before the name.
    const following = inWindow.filter((c) => {
      if (c.kind === 'unnamed') return false
      const gap = startWithRole(c) > verb.end ? text.slice(verb.end, startWithRole(c)) : null
      return gap !== null && (invertedGap(gap) || (c.entity?.type === 'person' && (INVERTED_ROLE_GAP.test(gap) || INVERTED_INDEFINITE_GAP.test(gap))))
    })
    // "said Republican party boss Reince Priebus": the person, not the words that describe them.
    // "said Republican party boss Reince Priebus": an unknown name after a body and a title noun is the person.
    const titled = following[0]?.entity?.type === 'organization' && following[1]?.entity?.type === 'other' && TITLE_NOUN_GAP.test(text.slice(following[0].end, following[1].start)) ? following[1] : undefined
    const first = following.find((c) => c.entity?.type === 'person') ?? titled ?? following[0]
    // "said John Doe's lawyer, Jane Roe": the one who speaks for a person is the speaker, not the person.
    const after = first && first.name ? (speaksFor(text, inWindow, first) ?? first) : first
    // A place or unknown word after the verb modifies an unnamed speaker ("said one Ohio Republican").
    const modifier = after !== undefined && (after.entity?.type === 'place' || after.entity?.type === 'other')
    if (after && !modifier) return ruled('inverted', after)
    const tail = text.slice(verb.end, Math.min(to, verb.end + 80))
    const written = UNNAMED_AFTER.exec(tail) ?? AGENT_AFTER_VERB.exec(tail)
    if (written && boundary >= verb.start - 3) {
      const start = verb.end + written[0].length - written[1].length
      return ruled('inverted-unnamed', { start, end: start + written[1].length, name: written[1], kind: 'phrase' })
    }
    if (after) return ruled('inverted', after)
  }
  // “...” if she loses, said Ann Roe: after a clause, a comma before an inverted verb still inverts it.
  if (afterQuote && INVERTIBLE.test(verb.word) && /,\s*$/.test(before)) {
    const named = inWindow.find((c) => startWithRole(c) > verb.end && c.entity?.type === 'person' && invertedGap(text.slice(verb.end, startWithRole(c))))
    if (named) return ruled('inverted-after-clause', named)
  }
  // "Sanders visited NBC to discuss his rival, Hillary Clinton, saying ...": a participle after a
  // comma belongs to the subject of the sentence, not to the noun before it.
  if (PARTICIPLE.test(verb.word) && /,\s*$/.test(before)) {
    const sentence = view.sentences[sentenceIndex(view.sentences, verb.start)]
    const start = Math.max(from, sentence?.[0] ?? from)
    const main = clauseSubject(text, inWindow, clauseStart(text, start, verb.start), verb.start)
    if (main) return ruled('participle-subject', main)
  }
  // "Ann Roe — a former Acme Corp. aide who describes herself as “...”": a relative clause on a
  // description set off after a name is that person's, not a body's the description names.
  const described = RELATIVE_ON_DESCRIPTION.exec(text.slice(Math.max(from, verb.start - 100), verb.start))
  if (described) {
    const at = verb.start - described[0].length
    const person = inWindow.findLast((c) => c.entity?.type === 'person' && c.end <= at && /^\s*$/.test(text.slice(endWithRole(c), at)))
    // Not a name ending a leading clause ("After meeting Ann Roe, the council members who called ..."): it is that clause's object.
    const sentenceStart = view.sentences[sentenceIndex(view.sentences, at)]?.[0] ?? from
    const head = text.slice(sentenceStart, at + 1)
    const lead = SUBORDINATE_LEAD.exec(head) ?? ANY_PARTICIPLE_LEAD.exec(head)
    if (person && !(lead && sentenceStart + lead[0].trimEnd().length >= at)) return ruled('relative-on-description', person)
  }
  for (let i = inWindow.length - 1; i >= 0; i--) {
    const c = inWindow[i]
    if (c.end > verb.start) continue
    const between = text.slice(endWithRole(c), verb.start)
    // "the White House spokesman, Josh Earnest, said": a name set off by commas is the speaker.
    if (c.entity?.type === 'person' && COMMA_ONLY.test(between) && apposedToRole(text, startWithRole(c))) return ruled('apposition', c)
    // "Harry Bond, 30, of Raleigh, N.C., who was polled, said": the place belongs to the person before it.
    const person = c.entity?.type === 'place' || c.entity?.type === 'other' ? personBeforeHome(view, inWindow, i, verb.start) : null
    if (person) return ruled('person-before-home', person)
    // "the part of the U.S. code that says": the document the relative clause hangs on speaks.
    if (c.kind === 'document' && RELATIVE_BEFORE_VERB.test(between)) return ruled('relative-document', c)
    // "Powell’s office said": the office speaks for the person.
    const office = c.name ? SPOKESBODY.exec(between) : null
    if (office) return ruled('spokesbody', { start: c.start, end: endWithRole(c) + office[0].indexOf(office[1]) + office[1].length, name: `${c.name}’s ${office[1]}`, kind: 'phrase' })
    // "the director for the Iowa Democratic Party said": an object of a preposition is not the subject.
    if ((FILLER.test(between) || RELATIVE_CLAUSE.test(between)) && !objectBefore(text.slice(Math.max(0, startWithRole(c) - 30), startWithRole(c)))) return ruled('before-verb', c)
    // "footage of Ann Roe saying", "with Trump tweeting": a participle right after a person is theirs, even after a preposition.
    if (PARTICIPLE.test(verb.word) && c.entity?.type === 'person' && /^\s+(?:[a-z]+ly\s+)?$/.test(between)) return ruled('participle-person', c)
    // "after Mr. Trump, asked about the deaths of journalists, had said": a person before a participial or relative
    // clause set off by commas is the subject, whatever stands before the person.
    for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
      const p = inWindow[j]
      if (p.entity?.type === 'person' && SET_OFF_CLAUSE.test(text.slice(endWithRole(p), verb.start))) return ruled('set-off-clause', p)
    }
    break
  }
  // “...,” Ann Roe, a Republican trying to unseat Representative Tom Hale, said: a name right after
  // the close and set off before the verb is the speaker, even one the entity finder left untyped.
  if (afterQuote) {
    const first = inWindow.find((c) => c.start >= boundary)
    if (first && (first.entity?.type === 'person' || isPersonShaped(first)) && RIGHT_AFTER_CLOSE.test(text.slice(boundary, startWithRole(first))) && SET_OFF_BEFORE_VERB.test(text.slice(endWithRole(first), verb.start))) return ruled('name-after-close', first)
  }
  // “...,” a port official told reporters: someone the article does not name, written right after
  // the close as the verb's subject, speaks as written (not the last person named before the quote).
  if (afterQuote && !inWindow.some((c) => c.start >= boundary && c.end <= verb.start)) {
    const unnamed = UNNAMED_BEFORE_VERB.exec(text.slice(boundary, verb.start))
    if (unnamed) {
      const start = boundary + unnamed[0].length - unnamed[1].length - unnamed[2].length
      return ruled('unnamed-before-verb', { start, end: start + unnamed[1].length, name: unnamed[1], kind: 'phrase' })
    }
  }
  // “...,” it read: "it" is the text named before the quote ("Brook's statement", "the letter"); for
  // the verbs of a text that are no speech verbs ("read", "states") the "it" candidate does not read.
  if (afterQuote && IT_BEFORE_VERB.test(text.slice(boundary, verb.start)) && TEXT_VERBS.test(verb.word)) {
    const named = textBefore(text, candidates, view.quoted?.findLast(([, end]) => end <= boundary)?.[0] ?? boundary)
    if (named) return ruled('it-text', named)
  }
  // “...,” Simon Rosenberg, a Clinton supporter, told the New Yorker: after the quote, the clause starts at its end.
  const afterClose = afterQuote ? clauseSubject(text, inWindow, boundary, verb.start) : null
  if (afterClose?.entity && afterClose.entity.type !== 'place' && afterClose.entity.type !== 'other' && RIGHT_AFTER_CLOSE.test(text.slice(boundary, startWithRole(afterClose)))) return ruled('after-quote', afterClose)
  const start = clauseStart(text, from, verb.start)
  // "Massie used to support Paul, but now said ...": a clause joined with no subject of its own shares the sentence's.
  return (
    ruled('clause-subject', clauseSubject(text, inWindow, start, verb.start)) ??
    ruled('comment-from', commentFrom(text, inWindow, start, verb.start)) ??
    ruled('joined-clause', start > from && JOINED_CLAUSE.test(text.slice(start - 8, start)) ? clauseSubject(text, inWindow, Math.max(from, view.sentences[sentenceIndex(view.sentences, verb.start)]?.[0] ?? from), verb.start) : null) ??
    ruled('unnamed-subject', unnamedSubject(text, start, verb.start))
  )
}
// A clause whose subject is someone the article does not name, in lower-case words: "Then an
// unseen announcer concludes:", "A narrator says:".
const UNNAMED_CLAUSE_SUBJECT = /^\s*(?:(?:[Tt]hen|[Ll]ater|[Nn]ow|[Ff]inally|[Aa]nd|[Bb]ut)\s+)?((?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\p{Ll}-]+\s+){0,3}?(?!(?:of|the|an?|few|his|her|their|its|lot|couple|number)\s)[\p{Ll}-]+)\s+(?:(?:\p{Ll}+ly|then|later|also|now|again|still)\s+)?$/u

/**
 * The clause's subject when it names no one ("an unseen announcer"): the quote's speaker is that
 * unnamed someone, as written, not the last person quoted before it.
 */
function unnamedSubject(text: string, start: number, verbStart: number): SpeakerCandidate | null {
  const m = UNNAMED_CLAUSE_SUBJECT.exec(text.slice(start, verbStart))
  if (!m) return null
  const at = start + m[0].indexOf(m[1])
  return { start: at, end: at + m[1].length, name: m[1], kind: 'phrase' }
}

/** "in a comment to Fox News from a senior official, the meeting was described as ...": who the comment is from. */
const COMMENT_FROM = /\b(?:comments?|statements?|remarks|e-?mails?|messages?|notes?|interviews?)\s+(?:[^,.;:“”"]{0,40}\s)?(?:from|by)\s+$/
function commentFrom(text: string, candidates: readonly SpeakerCandidate[], from: number, to: number): SpeakerCandidate | null {
  return candidates.find((c) => c.start >= from && c.end <= to && c.kind !== 'pronoun' && c.entity?.type !== 'place' && COMMENT_FROM.test(text.slice(Math.max(from, c.start - 70), c.start))) ?? null
}

/** Before "saying": "quoted Varga as ", "cited a senior official as " (the one quoted, group 1; the verb, group 2). */
const QUOTED_AS_BEFORE = /(?<!\b(?:was|were|is|are|been|being)\s+)\b((?:quoted|quotes|quoting|cited|cites|citing))\s+(?!(?:in|by|on|at|from|during|via)\s)([^,.;:“”"()\n]{2,60}?)(?:,[^,;.]{1,40},)?\s+as\s+$/
/** Between "quoted" and the one quoted: nothing but spaces, maybe a role ("quoted spokesman Ann Roe"). */
const QUOTED_AS_GAP = /^\s+$/
/** After the one quoted: "as saying", "as having said", maybe with a role set off first. */
const QUOTED_AS_AFTER = /^(?:,[^,;.]{1,40},)?\s+as\s+(?:saying|having\s+said|telling|writing)\b/
/** Someone unnamed quoted as saying: "quoted a senior official as saying". */
const QUOTED_UNNAMED_AS = /^\s+((?:an?|one|two|three|several|some)\s+[^,.;:“”"()\n]{3,60}?)\s+as\s+(?:saying|having\s+said|telling)\b/

/** "it" alone between a quote's close and its verb. */
const IT_BEFORE_VERB = /^[\s,'"’”]*it\s+$/
/** What a text does: "it read", "it says", "it states". */
const TEXT_VERBS = /^(?:read|reads|said|says|stated|states|added|adds|continued|continues|concluded|concludes|noted|notes|declared|declares)$/
// Characters before a quote read for the text "it" stands for.
const TEXT_LOOKBACK = 300
/** Owned texts as the quote's "it" refers to them: "Brook's statement", "the mayor's letter". */
const OWNED_TEXT_AFTER = new RegExp(String.raw`^['’]s?\s+(?:[a-z-]+\s+){0,2}?(${OWNED_DOCUMENTS})\b`)

/**
 * The text named last before the quote starting at `before`, within `TEXT_LOOKBACK` characters: a
 * document candidate ("the letter"), or a name with its text ("Brook's statement" -> "Ana Brook’s
 * statement"); null when none is named there.
 */
function textBefore(text: string, candidates: readonly SpeakerCandidate[], before: number): SpeakerCandidate | null {
  for (let i = lastCandidateBefore(candidates, before); i >= 0 && candidates[i].start >= before - TEXT_LOOKBACK; i--) {
    const c = candidates[i]
    if (c.end > before) continue
    if (c.kind === 'document') return c
    if (c.kind !== 'entity' || !c.name) continue
    const owned = OWNED_TEXT_AFTER.exec(text.slice(c.end, c.end + 40))
    if (owned) return { start: c.start, end: c.end + owned[0].length, name: `${c.name}’s ${owned[1]}`, kind: 'document' }
  }
  return null
}

/** After a name, its possessive and someone who speaks for it: "’s lawyer", "'s longtime spokeswoman". */
const AGENT_AFTER = new RegExp(String.raw`^['’]s?\s+(?:[a-z-]+\s+){0,2}?(${AGENT_WORDS}|office|campaign)\b`)
/** Between the agent's role and the agent's name: a comma, maybe a word ("’s lawyer, Jane Roe", "’s attorney, veteran litigator Ann Vole"). */
const AGENT_NAME_GAP = /^\s*,\s*(?:[a-z-]+\s+){0,2}$/

/** The agent of `owner` written right after it ("John Doe’s lawyer, Jane Roe" -> Jane Roe), or the agent as written; null when none. */
function speaksFor(text: string, inWindow: readonly SpeakerCandidate[], owner: SpeakerCandidate): SpeakerCandidate | null {
  const agent = AGENT_AFTER.exec(text.slice(owner.end, owner.end + 50))
  if (!agent) return null
  const roleEnd = owner.end + agent[0].length
  const named = inWindow.find((c) => c.start >= roleEnd && c.entity?.type === 'person' && AGENT_NAME_GAP.test(text.slice(roleEnd, c.start)))
  return named ?? { start: owner.start, end: roleEnd, name: `${owner.name}’s ${agent[1]}`, kind: 'phrase' }
}

// A description set off after a name (by a comma or a dash) and a relative clause on it, up to its verb.
const RELATIVE_ON_DESCRIPTION = /(?:,\s+|\s?[—–]\s*|\s--?\s+)(?:a|an|the)\s+[^,;:“”"—–()]{1,60}?\s+who\s+(?:\p{Ll}+ly\s+)?$/u
/** Between a subject and its verb: a clause set off by commas, opened by a relative pronoun or a participle, maybe an auxiliary after it. */
const SET_OFF_CLAUSE = /^\s*,\s*(?:who|whose|[a-z]{3,}ed|[a-z]{3,}ing)\b[^“”";:!?]{0,160},\s*(?:(?:had|has|have|also|then|later|would|will|again)\s+)*$/
const RELATIVE_BEFORE_VERB = /^\s*,?\s*(?:that|which)\s+(?:\w+ly\s+)?$/
const JOINED_CLAUSE = /\b(?:but|and)$/

const PARTICIPLE = /^[a-z]+ing$/
const TITLE_NOUN_GAP = /^\s+(?:[a-z-]+\s+){1,2}$/
/** A role phrase and a comma right before a name in apposition ("the House Oversight Committee chairman, "). */
const APPOSED_ROLE =
  /(?:\b[Tt]he|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|\p{Lu}[\p{L}.-]*['’]s?)\s+(?:[\p{L}.'’-]+\s+){0,5}?(?:spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|secretary|leader|president|minister|senator|governor|mayor|adviser|advisor|aide|official|chief|head|founder|executive|lawyer|attorney|ambassador|nominee|candidate|front-?runner|manager|strategist|pollster|counsel|general)(?:\s+(?:of|for|at)\s+[^,;“”"]{1,60})?\s*,\s*$/u
/** After an inverted verb, a role in apposition before the name: "said the bureau's director, ". */
const INVERTED_ROLE_GAP = new RegExp(String.raw`^\s+${APPOSED_ROLE.source}`, 'u')
/** After an inverted verb, someone described and then named: "said one resident, " (Paul Ames), "said a neighbour, ". */
const INVERTED_INDEFINITE_GAP = /^\s+(?:a|an|one|another)\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+\s*,\s*$/u
/** Whether a role phrase and a comma stand right before `at`, the role not itself set off after another name ("Vian, the editor of ..., L'Osservatore"). */
function apposedToRole(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 80), at)
  const m = APPOSED_ROLE.exec(window)
  // "On Wednesday, however, the director of ..., James Comey": a comma after a lower-case word sets off no name.
  return m !== null && !/\p{Lu}[\p{L}.'’-]*,\s*$/u.test(window.slice(0, m.index))
}
/** An appositive set off by commas between a name and its verb (", a Republican trying to unseat Tom Hale, "). */
const SET_OFF_BEFORE_VERB = /^\s*,\s*(?:an?|the|one|another)\s[^“”";:!?]{1,200},\s*(?:[a-z]+ly\s+)?$/
/** Only the closing mark's punctuation between a quote and a name. */
const RIGHT_AFTER_CLOSE = /^[,.!?]?["”'’]*,?\s*$/
const OPENS_CLAUSE = /^\s*(?:the\s+)?$/i
const COMMA_ONLY = /^\s*,\s*$/
/** Between a person and a verb: an age and a home town, then maybe a relative clause (", 30, of Raleigh, N.C., who ..., "). */
const HOME_APPOSITIVE = /^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:of|from)\s+[^,;:“”"()]{1,40}(?:,\s*[^,;:“”"()]{1,20})?\s*,\s*(?:(?:who|which|whose)\b[^“”"]{0,160},\s*)?$/

/** The person right before the places at `i`, when the places are their home in apposition. */
function personBeforeHome(view: ArticleView, inWindow: readonly SpeakerCandidate[], i: number, verbStart: number): SpeakerCandidate | null {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const c = inWindow[j]
    if (c.entity?.type === 'place' || c.entity?.type === 'other') continue
    return c.entity?.type === 'person' && HOME_APPOSITIVE.test(view.text.slice(endWithRole(c), verbStart)) ? c : null
  }
  return null
}

export const SUBORDINATE_LEAD = /^(?:When|After|Before|As|If|Although|Though|Because|Since|While|Once|Until|Unless|Asked|Pressed|Told|Speaking|Responding|Referring|Noting|Saying|Reacting)\b[^,“”"]{1,140},/
/**
 * What starts a clause: a semicolon or dash, a colon between a lower-case word and a capitalised
 * one ("The evening began as usual: Demonstrators marched ..."; not "(NYSE: ACM)" nor "Roe: A
 * Life"), a contrasting conjunction, "and" before a new named
 * subject and its verb, "that" opening reported speech with its own named subject ("He confirmed
 * that vice presidential candidate Ann Roe called him and told him to “...”": Roe tells, not he), or
 * "after"/"when" opening a clause with its own subject ("Roe grabbed him after the man asked if he
 * backed the “agenda”": the man asks).
 */
const CLAUSE_BREAK = new RegExp(
  String.raw`[;–—]|(?<=(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*):(?=\s+\p{Lu})|\s--?\s|\b(?:though|but|while|whereas)\b|\band(?=\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*(?:,[^,;“”"]{1,80},)?\s+(?:will|would|has|had|is|was|also|then|later|said|says|[a-z]+ed|${[...IRREGULAR_PAST].join('|')})\b)|` +
  String.raw`\bthat(?=\s+(?:[a-z-]+\s+){0,3}\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*\s+(?:also\s+|then\s+|later\s+)?(?:told|said|says|asked|urged|[a-z]+ed)\b)|\b(?:after|before|when|because|until|once)(?=\s+(?:(?:the|an?)\s+(?:[a-z-]+\s+){0,2}[a-z]+|he|she|they|\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)*)\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|said|says|told|asks|is|was|has|had)\b)`,
  'gu',
)
/** A capitalised word right before "and", with no comma: the first of two names joined ("Ann Smith and Bob Jones"). */
const NAME_BEFORE = /\p{Lu}[\p{L}.'’-]+\s+$/u
/** Words that open a subordinate clause: it holds the verb's subject only when the verb is inside it. */
const SUBORDINATOR = /^(?:that|after|before|when|because|until|once)$/
/** How far the closing dash of an aside may stand from its opening one. */
const MAX_ASIDE = 60
const DASH_AHEAD = /^[^;–—]*?(?:[–—]|\s--?\s)/

/** Start of the clause holding `pos`: after the last dash, semicolon or "though"/"but" before it. */
export function clauseStart(text: string, from: number, pos: number): number {
  // "When Pell conceded, Quist said": a leading subordinate clause ends at its comma.
  const lead = SUBORDINATE_LEAD.exec(text.slice(from, Math.min(pos, from + 160)))
  let start = lead ? from + lead[0].length : from
  CLAUSE_BREAK.lastIndex = 0
  const window = text.slice(from, pos)
  // "Trump, later alleging - again falsely - that ..., said": a pair of dashes sets off an aside, which
  // breaks no clause; so a dash that opens a pair is set aside until its closing dash is seen.
  let aside = -1
  for (let m = CLAUSE_BREAK.exec(window); m !== null; m = CLAUSE_BREAK.exec(window)) {
    const dash = m[0] !== ';' && /[–—-]/.test(m[0])
    if (dash && aside < 0 && DASH_AHEAD.test(window.slice(m.index + m[0].length, m.index + m[0].length + MAX_ASIDE))) {
      aside = m.index
      continue
    }
    if (dash && aside >= 0) {
      aside = -1
      continue
    }
    // "that" opens a clause only for a verb inside it: not one past a comma or a quote ("his claim that Ann Roe lied, saying"),
    // nor one after a leading clause holding the "that" ("Asked whether he meant that Ann Roe lied, Tom Hale said").
    if (SUBORDINATOR.test(m[0]) && (from + m.index < start || /[,“”"]/.test(window.slice(m.index)))) continue
    // "Senator Ann Smith and Senator Bob Jones, both Democrats, signed": "and" right after a name
    // joins two subjects of one verb; after a comma or another word it opens a clause.
    if (m[0] === 'and' && NAME_BEFORE.test(window.slice(Math.max(0, m.index - 40), m.index))) continue
    start = from + m.index + m[0].length
  }
  return start
}

/** Whether a candidate follows a preposition or an object-taking verb ("for the Iowa Democratic Party", "told Smith"). */
function objectOfPreposition(text: string, c: SpeakerCandidate): boolean {
  const before = text.slice(Math.max(0, startWithRole(c) - 40), startWithRole(c))
  // "an interview with journalist Matei Rosca": a bare occupation noun the entity finder left out of the role
  // stands between (not after a possessive: "the introduction by his daughter Ivanka" is hers to speak).
  // The last word is cut out by hand: this runs for most candidates of every clause, and a regex anchored at the end scans the whole window.
  // Only when a lower-case letter and a space stand right before the candidate ("journalist Petra").
  const last = before.charCodeAt(before.length - 2)
  const trimmed = last >= 97 && last <= 122 && before.endsWith(' ') ? before.trimEnd() : ''
  const space = trimmed.lastIndexOf(' ')
  // Not for the antecedent of a relative clause ("praise from economist Tom Bell, who called it “bold”"): that
  // clause's subject is the person, as it was before this branch, so the preposition rule below decides.
  if (space > 0 && !RELATIVE_AFTER.test(text.slice(c.end, c.end + 8))) {
    const word = trimmed.slice(space + 1)
    if (LOWER_WORD.test(word) && isOccupationNoun(word) && BARE_PREPOSITION_BEFORE.test(trimmed.slice(0, space + 1))) return true
  }
  return PREPOSITION_BEFORE.test(before) && !AND_OPENS.test(before)
}
const LOWER_WORD = /^\p{Ll}+$/u
const RELATIVE_AFTER = /^,\s*who(?:se)?\b/
const BARE_PREPOSITION_BEFORE = /\b(?:to|with|by|of|for|from|at|about|against|between|among|than|like|including|into|via|toward|towards|told|asked|met)\s+$/

/**
 * A crowd opening a clause as its subject, before its verb: "Hundreds of pro-Roe demonstrators
 * marched ...", "Roe protesters interrupted ...", "Small groups of protesters continued ...".
 * Such a crowd chants or shouts the quote of its clause ("..., chanting “...”"); it is no entity,
 * so the clause's subject had been a place after the verb ("marched through Center City") or a
 * name inside the crowd's own words ("Roe" of "Roe protesters"). Up to five words before the noun,
 * each a name, a number or a word of quantity ("When Ann Roe met supporters" is no crowd); the noun
 * may open its sentence ("Demonstrators marched ... and chanted “...”").
 */
const CROWD_WORD = String.raw`(?:\p{Lu}[\p{L}.'’-]*|[Pp]ro-[\p{L}-]+|[Aa]nti-[\p{L}-]+|\d[\d,]*|[Oo]f|[Tt]he|[Ss]ome|[Mm]any|[Ss]everal|[Ss]mall|[Ll]arge|[Aa]ngry|[Yy]oung|[Ll]ocal|[Hh]undreds|[Tt]housands|[Dd]ozens|[Gg]roups?|[Bb]ands?)`
const CROWD_OPENING = new RegExp(
  String.raw`\s*((?:${CROWD_WORD}\s+){0,5}?(?:[Pp]rotesters|[Pp]rotestors|[Dd]emonstrators|[Mm]archers|[Ss]upporters|[Ff]ans|[Aa]ctivists|[Hh]ecklers|[Cc]rowds?|[Cc]hanters))\s+(?:(?:also|then|later|had|have|all)\s+)?[a-z]+(?:ed|s)\b`,
  'uy',
)
function crowdOpening(text: string, from: number, to: number): SpeakerCandidate | null {
  // Sticky at the clause's start on the text itself: clauseSubject runs several times for most quotes, and a
  // slice per call, or a scan of the text for the crowd nouns, cost 5% of the stage; the anchored pattern fails
  // at the first word that is neither a crowd word nor a crowd noun.
  CROWD_OPENING.lastIndex = from
  const m = CROWD_OPENING.exec(text)
  if (!m || from + m[0].length > to) return null
  const start = from + m[0].indexOf(m[1])
  return { start, end: start + m[1].length, name: m[1], kind: 'phrase' }
}

/** The first mention in `[from, to)` that is not the object of a preposition or a possessive. */
export function clauseSubject(text: string, candidates: readonly SpeakerCandidate[], from: number, to: number): SpeakerCandidate | null {
  // "Roe protesters shouted", "Hundreds of demonstrators marched through Center City": the crowd before its verb is the subject.
  const crowd = crowdOpening(text, from, to)
  if (crowd) return crowd
  let place: SpeakerCandidate | null = null
  // Candidates are sorted by start: begin at the first one in range, stop past the end.
  for (let i = lastCandidateBefore(candidates, from) + 1; i < candidates.length && candidates[i].start < to; i++) {
    const c = candidates[i]
    if (c.end > to) continue
    // A mention opening the clause is its subject, whatever stands before the clause ("... and the Times will").
    if (objectOfPreposition(text, c) && !OPENS_CLAUSE.test(text.slice(from, startWithRole(c)))) continue
    // "they" is the subject only of a main clause ("From experience, they also “know ...”"); in a relative or
    // other clause ("a scheme in which they “looted”") it is mostly those talked about.
    if (c.kind === 'pronoun' && THEY.test(text.slice(c.start, c.end)) && !MAIN_CLAUSE_LEAD.test(text.slice(from, c.start))) continue
    // "the reporter asks": an unnamed person is the subject only where a clause opens with them ("punching a protester" is not).
    if (c.kind === 'unnamed' && !/^\s*(?:\p{Lu}[\p{L}]*,\s*)?$/u.test(text.slice(from, c.start))) continue
    if (/^['’]/.test(text.slice(c.end, c.end + 1))) {
      // "Ryan’s campaign shrugged it off": the owner's spokesbody is the subject.
      const body = c.kind === 'entity' && c.name ? POSSESSIVE_BODY.exec(text.slice(c.end, Math.min(to, c.end + 40))) : null
      if (body) return { start: c.start, end: c.end + body[0].length, name: `${c.name}’s ${body[1]}`, kind: 'phrase' }
      continue
    }
    // "the aide, Ada Quist, 31, wrote": a role phrase with a name in apposition is that person.
    if (c.kind === 'role-phrase') {
      const named = candidates[i + 1]
      if (named && named.end <= to && named.entity?.type === 'person' && COMMA_ONLY.test(text.slice(c.end, startWithRole(named)))) return named
    }
    // A name that only says whose people or body speak ("the St. Louis group", "one Facebook user").
    const body = bodyAfterName(text, c)
    if (body === 'apposed') continue
    if (body) return body
    // Places and unknown capitalised words ("Asia", "Paper") speak only when no one else can.
    if (c.entity?.type === 'place' || c.entity?.type === 'other') {
      place ??= c
      continue
    }
    return c
  }
  return place
}

/**
 * The person a pronoun or role phrase at `pos` refers to: walking back sentence by sentence, the
 * speaker of a quote there, else the first person who is a subject there; for "they" a group
 * (`groupBack`), for "it" a body, text or place (`itBack`).
 */
export function resolveBack(view: ArticleView, pos: number): string | null {
  const { text } = view
  const head = text.slice(pos, pos + 60)
  if (/^they\b/i.test(head)) return groupBack(view, pos)
  if (/^it\b/i.test(head)) return itBack(view, pos)
  const byRole = roleMatch(view, pos, head)
  if (byRole) return byRole
  // "the profiler told reporters": the person described by that occupation, or no one named.
  const occupation = occupationHead(head)
  if (occupation) return occupationMatch(view, pos, occupation)
  // "the mayor, who faces re-election, said": the nearest person given that role ("Mayor Ed
  // Brandt"), before the nearest person at all (the governor he met). Bare roles only: "the
  // Florida senator" or "the Fox News host" say more than the role, which the rules below read.
  const role = BARE_ROLE_AT.exec(head)?.[1]
  if (role) {
    // The one who has just spoken, if they hold that role: "President Donald Trump said the meeting
    // with Russian President Vladimir Putin ... “...,” he added. The president did not detail ...".
    const holder = lastSpeakerWithRole(view, pos, role.toLowerCase()) ?? occupationMatch(view, pos, role.toLowerCase())
    if (holder) return holder
  }
  // "the Florida senator" with no one named before as of Florida: kept as written rather than guessed.
  const placed = ROLE_PHRASE_HEAD.exec(head) ?? ROLE_PHRASE_FROM.exec(head)
  if (placed && placed[1].trim().split(/\s+/).some(isPlaceWord)) return placed[0]
  const wanted: Gender | null = SHE.test(head) ? 'female' : HE.test(head) ? 'male' : null
  const pronoun = /^(?:he|she)\b/i.test(head)
  // "she" skips a person the text shows to be a man (by first name, role, or an earlier "he"), and the reverse.
  const fits = (name: string, role?: string): boolean => {
    if (wanted === null) return true
    const known = view.genders?.get(name) ?? genderOf(name, role)
    return known === null || known === wanted
  }
  // People first; failing any, a name of person shape the entity finder could not type ("Glenn Beck, the hero of ...").
  for (const personal of [isPerson, pronoun ? isPersonShaped : null]) {
    if (!personal) continue
    const found = walkBack(view, pos, personal, fits, wanted)
    if (found) return found
  }
  return null
}

const isPerson = (c: SpeakerCandidate): boolean => c.entity?.type === 'person'

/** The person holding the role phrase at `pos` by role alone (no fall-back to the nearest person), or null. */
export function roleHolder(view: ArticleView, pos: number): string | null {
  const head = view.text.slice(pos, pos + 60)
  const byRole = roleMatch(view, pos, head)
  if (byRole) return byRole
  const role = BARE_ROLE_AT.exec(head)?.[1]
  if (!role) return null
  const r = role.toLowerCase()
  const held = lastSpeakerWithRole(view, pos, r) ?? occupationMatch(view, pos, r)
  if (held) return held
  // A title as written before the name: "Rep. Tom Pell" is the congressman, "Sen." the senator.
  const titles = TITLE_OF_ROLE[r]
  if (!titles) return null
  const last = lastCandidateBefore(view.candidates, pos)
  for (let i = last; i >= 0 && last - i < MAX_ROLE_LOOKBACK; i--) {
    const c = view.candidates[i]
    if (c.kind === 'entity' && c.entity?.type === 'person' && c.name && titles.test(c.entity.role ?? '')) return c.name
  }
  return null
}
const TITLE_OF_ROLE: Record<string, RegExp> = {
  congressman: /^(?:rep\.?|representative|congressman)$/i,
  congresswoman: /^(?:rep\.?|representative|congresswoman)$/i,
  senator: /^(?:sen\.?|senator)$/i,
  governor: /^(?:gov\.?|governor)$/i,
  lawmaker: /^(?:rep\.?|representative|sen\.?|senator|congress(?:wo)?man)$/i,
}

/** Plural nouns for people who speak together. */
const PEOPLE_PLURAL =
  'senators|lawmakers|legislators|officials|leaders|members|governors|mayors|representatives|congressmen|[Dd]emocrats|[Rr]epublicans|critics|experts|analysts|economists|scholars|bishops|residents|voters|protesters|activists|advocates|students|parents|families|executives|prosecutors|investigators|researchers|scientists|doctors|lawyers|attorneys|aides|advisers|organizers|candidates|writers|authors|signers|signatories|judges|justices|diplomats|ministers|negotiators'
/** "five past and present Missouri Republican senators urged", "42 members of the Republican caucus are sending": a plural group that is the subject of a verb. */
const PLURAL_SUBJECT = new RegExp(
  String.raw`(?:^|[^\p{L}])((?:\d+|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ss]everal|[Tt]he|\p{Lu}[\p{L}-]*)(?:\s+[\p{L}-]+){0,5}?\s+(?:${PEOPLE_PLURAL})(?:\s+of\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}[\p{L}-]+)?)\s+(?:(?:also|then|later|have|had|all)\s+)?(?:[a-z]+ed|said|say|wrote|told|urged|sent|issued|made|spoke|were|are)\b`,
  'gu',
)
/** A sentence wholly inside quotation marks (a long quote before "he said"): no one is named in it. */
function quotedOnly(view: ArticleView, [a, b]: Span): boolean {
  return view.quoted?.some(([qa, qb]) => qa <= a + 2 && b <= qb + 2) ?? false
}
/** At most this many sentences back "they" looks for its group. */
const MAX_GROUP_BACK = 2

/**
 * The group "they" refers to: in the sentence holding it (before it) or one of the two before it,
 * a group, body or document that is a clause subject there ("The Georgetown scholars pointed ...";
 * "the Acme committee said"), else a plural noun phrase for people that is the subject of a verb
 * ("five past and present Missouri Republican senators urged ..."), as written. Null when none:
 * "they" is never one person.
 */
function groupBack(view: ArticleView, pos: number): string | null {
  const { text, sentences, candidates } = view
  for (let s = sentenceIndex(sentences, pos), n = 0; s >= 0 && n <= MAX_GROUP_BACK; s--) {
    if (quotedOnly(view, sentences[s])) continue
    n++
    const start = sentences[s][0]
    const end = Math.min(sentences[s][1], pos)
    // The last plural subject; a body inside it ("Missouri Republican" in "... Missouri Republican senators") is its modifier.
    let plural: Span | null = null
    PLURAL_SUBJECT.lastIndex = 0
    const sentence = text.slice(start, end)
    for (let m = PLURAL_SUBJECT.exec(sentence); m !== null; m = PLURAL_SUBJECT.exec(sentence)) {
      const at = start + m.index + m[0].indexOf(m[1])
      plural = [at, at + m[1].length]
    }
    const bodies = candidates.filter(
      (c) =>
        c.start >= start && c.end <= end && c.name && (c.kind === 'phrase' || c.kind === 'document' || c.entity?.type === 'organization') && !(plural && c.start >= plural[0] && c.end <= plural[1]),
    )
    const subject = clauseSubject(text, bodies, start, end)
    if (subject?.name && (!plural || subject.start < plural[0])) return subject.name
    if (plural) return text.slice(plural[0], plural[1])
  }
  return null
}

/**
 * The body or text "it" refers to before a speech verb ("Slate magazine produced a profile of Mr.
 * Roe, and it said ..."): a text named just before (`textBefore`); else, in its sentence (before it)
 * or one of the two before, the organisation, document or named group that is a clause subject
 * there, else the last one named there; failing any, the one quoted last there (whose website
 * or statement "it" is: "Roe says on his website: “...” “...,” it says"), then a person who is the subject of a sentence there naming
 * a text ("Roe published a statement. “...,” it said"), then a country or other place ("Russia
 * rejected the plan. “...,” it said"). Null when none.
 */
function itBack(view: ArticleView, pos: number): string | null {
  const { text, sentences, candidates, attributed } = view
  // A text named just before ("Brook’s statement", "the letter from the board") is what "it" is.
  const written = textBefore(text, candidates, pos)
  if (written?.name) return written.name
  let quoted: string | null = null
  let author: string | null = null
  let place: string | null = null
  for (let s = sentenceIndex(sentences, pos), n = 0; s >= 0 && n <= MAX_GROUP_BACK; s--) {
    const start = sentences[s][0]
    const end = Math.min(sentences[s][1], pos)
    quoted ??= attributed.filter((a) => a.start < end && a.end > start).at(-1)?.name ?? null
    if (quotedOnly(view, sentences[s])) continue
    n++
    const inSentence = candidates.filter((c) => c.start >= start && c.end <= end && c.name)
    const bodies = inSentence.filter((c) => c.kind === 'document' || c.kind === 'phrase' || c.entity?.type === 'organization')
    // The subject, else the body named last ("the original called for the NAACP to “...” It said").
    const subject = clauseSubject(text, bodies, start, end) ?? bodies.at(-1)
    if (subject?.name) return subject.name
    // "Ann Roe published a statement. “...,” it said": the text's author, a person who is its sentence's subject.
    if (TEXT_NOUN.test(text.slice(start, end))) author ??= clauseSubject(text, inSentence.filter(isPerson), start, end)?.name ?? null
    place ??= inSentence.findLast((c) => c.entity?.type === 'place')?.name ?? null
  }
  return quoted ?? author ?? place
}
/** A text someone issues, for "it said" after it. */
const TEXT_NOUN = /\b(?:statement|letter|report|memo|post|release|tweet|filing|op-ed|editorial|website|blog)\b/i

/** A sentence opening with any participle and its clause up to a comma ("Amplifying the Romney campaign message, "). */
const ANY_PARTICIPLE_LEAD = /^[A-Z][a-z]{2,}ing\s[^,“”"]{1,140},/
/** A leading participial clause ("Asked about Hale, ", "Saying Obama was ..., "). */
const PARTICIPLE_LEAD = /^(?:Asked|Pressed|Told|Speaking|Responding|Referring|Noting|Saying|Reacting)\b/
/** A sentence opening with a pronoun subject ("He recalled campaigning with Romney"): about someone named before. */
const PRONOUN_OPENING = /^\s*(?:[A-Z][a-z]+,\s+(?:he|she|they|it)|He|She|They|It)\s/
/** The person a sentence with no named subject is about: the owner opening it ("Mr. Roe’s letter did not ..."), else the first person in it. */
function topicOf(text: string, people: readonly SpeakerCandidate[], start: number): SpeakerCandidate | null {
  return people.find((c) => c.start >= start && text.slice(start, startWithRole(c)).trim() === '') ?? people[0] ?? null
}

/** Names of the organisations and places among the candidates (memoised on the view). */
function bodyNames(view: ArticleView): Set<string> {
  view.bodies ??= new Set(
    view.candidates.flatMap((c) => (c.kind === 'entity' && (c.entity?.type === 'organization' || c.entity?.type === 'place') && c.name ? [c.name] : [])),
  )
  return view.bodies
}
/**
 * An untyped name of one to three capitalised words, none a body's head ("Glenn Beck", "Akin"; not
 * "Conservative Action Conference", "R-Ky"), that is the subject of its clause (checked by the caller).
 */
const isPersonShaped = (c: SpeakerCandidate): boolean =>
  c.entity?.type === 'other' &&
  /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:(?: \p{Lu}\.?)?(?: \p{Lu}[\p{L}'’-]+){1,2})?$/u.test(c.entity.name) &&
  !c.entity.name.split(' ').some((w) => ORG_HEADS.has(w) || COMMON_CAPITALISED.has(w))

// "The mayor’s ...": a bare role followed by a possessive.
const ROLE_POSSESSIVE = /^\S+\s+\S+?['’]s?\b/

/** Walking back sentence by sentence from `pos`: the speaker of a quote there, else the first fitting person who is a subject there. */
function walkBack(
  view: ArticleView,
  pos: number,
  personal: (c: SpeakerCandidate) => boolean,
  fits: (name: string, role?: string) => boolean,
  wanted: Gender | null,
): string | null {
  const { text, sentences, candidates, attributed } = view
  let s = sentenceIndex(sentences, pos)
  // A sentence wholly inside quotation marks (a long quote before "he said") is not counted: no one is named in it.
  for (let n = 0, seen = 0; s >= 0 && n < MAX_BACK_SENTENCES && seen < MAX_BACK_SENTENCES * 4; s--, n++, seen++) {
    if (quotedOnly(view, sentences[s])) {
      n--
      continue
    }
    const start = sentences[s][0]
    const end = Math.min(sentences[s][1], pos)
    // "he" is a person: a body that spoke ("the committee") is not who "he" is.
    const spoke = attributed.filter((a) => a.start < end && a.end > start && fits(a.name) && (wanted === null || !bodyNames(view).has(a.name))).at(-1)
    if (spoke) return learnt(view, spoke.name, wanted)
    const people = candidates.filter(
      (c) => c.kind === 'entity' && personal(c) && c.start >= start && c.end <= end && fits(c.entity!.name, c.entity!.role),
    )
    // "When Ms. Friedan recommended it, Mrs. Schlafly replied that, she said, ...": a leading subordinate clause's subject is not the main one.
    // "Amplifying the campaign message, he said": any participle opening the sentence leads, unless it is a name ("Beijing").
    const head = text.slice(start, Math.min(end, start + 160))
    const lead = SUBORDINATE_LEAD.exec(head) ?? (candidates.some((c) => c.start === start) ? null : ANY_PARTICIPLE_LEAD.exec(head))
    // After the lead, a name opening the main clause is its subject, possessive or untyped ("If ..., Beck’s stood out").
    const opener = lead ? candidates.find((c) => c.start >= start + lead[0].length && c.end <= end && text.slice(start + lead[0].length, c.start).trim() === '') : undefined
    const opens = opener?.name && (isPerson(opener) || isPersonShaped(opener)) && fits(opener.name, opener.entity?.role) ? opener : null
    const main = lead ? (opens ?? clauseSubject(text, people, start + lead[0].length, end)) : null
    // "He said Tom Hale would ...": a sentence whose subject is a pronoun is about someone named before;
    // so is "Asked about Hale, he said": a leading participle shares the pronoun's subject, and the names in it are its objects.
    if (!main && PRONOUN_OPENING.test(text.slice(start, end))) continue
    if (!main && n === 0 && lead && (PARTICIPLE_LEAD.test(lead[0]) || ANY_PARTICIPLE_LEAD.test(lead[0]))) continue
    // "The president first stepped in Friday ... The next day, he clarified": a sentence opening
    // with a bare role is about the person named before with that role, not a person it names later.
    // A person the sentence names as its subject comes first; a role's possessive ("The mayor’s
    // rival") is no role subject.
    const named = main ?? clauseSubject(text, people, start, end)
    if (!named) {
      let opening = start + (lead?.[0].length ?? 0)
      while (opening < end && /\s/.test(text[opening])) opening++
      const head = text.slice(opening, opening + 40)
      const byRole = opening < end && BARE_ROLE_AT.test(head) && !ROLE_POSSESSIVE.test(head) ? roleHolder(view, opening) : null
      if (byRole && fits(byRole)) return learnt(view, byRole, wanted)
    }
    const subject = named ?? topicOf(text, people, start)
    if (subject?.name) return learnt(view, subject.name, wanted)
  }
  return null
}

/**
 * "the Russian leader", "the Florida senator": a role phrase with a capitalised word resolves to the
 * latest person before it whose role holds that word ("Russian President Vladimir Putin", "Sen.
 * Marco Rubio (R-Florida)").
 */
function roleMatch(view: ArticleView, pos: number, head: string): string | null {
  const phrase = ROLE_PHRASE_HEAD.exec(head) ?? ROLE_PHRASE_FROM.exec(head)
  if (!phrase) return null
  const words = phrase[1].trim().split(/\s+/)
  const last = lastCandidateBefore(view.candidates, pos)
  for (let i = last; i >= 0 && last - i < MAX_ROLE_LOOKBACK; i--) {
    const c = view.candidates[i]
    if (c.kind !== 'entity' || c.entity?.type !== 'person' || !c.name) continue
    // The role as written, with a nationality or state word that may stand before it ("Russian President").
    // Only the words bound to the name count: none across a comma or clause word ("in Fort Wayne, Indiana, hours after Trump").
    const lead = view.text.slice(Math.max(0, startWithRole(c) - 24), startWithRole(c)).split(ROLE_LEAD_BREAK).at(-1) ?? ''
    const around = (lead + view.text.slice(startWithRole(c), endWithRole(c))).split(/[^\p{L}-]+/u)
    // A party label after the name gives the state: "Sen. Marco Rubio, R-Fla." is "the Florida senator".
    const state = PARTY_STATE_AFTER.exec(view.text.slice(c.end, c.end + 24))?.[1].replace(/\./g, '')
    if (state) around.push(...(STATE_ABBREVIATIONS.get(state) ?? state).split(' '))
    if (words.some((w) => around.includes(w))) return c.name
  }
  return null
}

/** The occupation of an `OCCUPATION_PHRASE` at the start of `head` that the role phrases do not list, or null. */
function occupationHead(head: string): string | null {
  OCCUPATION_PHRASE.lastIndex = 0
  const m = OCCUPATION_PHRASE.exec(head)
  if (!m || m.index !== 0) return null
  ROLE_PHRASE.lastIndex = 0
  const listed = ROLE_PHRASE.exec(head)
  return listed && listed.index === 0 ? null : m[1]
}

// Characters after a name read for an appositive occupation ("John Douglas, a former FBI profiler,").
const OCCUPATION_AFTER = 40

/**
 * The person an occupation refers back to: the nearest person before `pos` with that word in the
 * words bound to their name (before it, "FBI profiler John Douglas", or in an appositive after it,
 * "John Douglas, a former FBI profiler"); null when the article describes no one so.
 */
/** Quotes back the last speaker is looked for: "the president" refers to who has just spoken, not to an earlier one. */
const LAST_SPEAKER_QUOTES = 1

/**
 * The speaker of the quote just before `pos`, when a mention of them before `pos` carries
 * `occupation` (`boundWords`); else null.
 */
function lastSpeakerWithRole(view: ArticleView, pos: number, occupation: string): string | null {
  const recent = view.attributed.filter((a) => a.end <= pos).slice(-LAST_SPEAKER_QUOTES)
  if (recent.length === 0) return null
  const last = lastCandidateBefore(view.candidates, pos)
  for (const { name } of recent) {
    for (let i = last; i >= 0 && last - i < MAX_ROLE_LOOKBACK; i--) {
      const c = view.candidates[i]
      if (c.kind === 'entity' && c.name === name && boundWords(view.text, view.candidates, i, pos).includes(occupation)) return name
    }
  }
  return null
}

function occupationMatch(view: ArticleView, pos: number, occupation: string): string | null {
  const last = lastCandidateBefore(view.candidates, pos)
  for (let i = last; i >= 0 && last - i < MAX_ROLE_LOOKBACK; i--) {
    const c = view.candidates[i]
    if (c.kind !== 'entity' || c.entity?.type !== 'person' || !c.name) continue
    if (boundWords(view.text, view.candidates, i, pos).includes(occupation)) return c.name
  }
  return null
}

/**
 * The words bound to the name of `candidates[i]`, lower-cased: those before it back to a clause
 * break or the mention before ("Mayor Ed Brandt met Governor Ann Lowe": "governor" is Lowe's
 * alone), its role, and an appositive after it up to `until` ("John Douglas, a former FBI profiler,").
 */
function boundWords(text: string, candidates: readonly SpeakerCandidate[], i: number, until: number): string[] {
  const c = candidates[i]
  const previousEnd = i > 0 ? candidates[i - 1].end : 0
  const lead = text.slice(Math.max(0, previousEnd, startWithRole(c) - 24), startWithRole(c)).split(ROLE_LEAD_BREAK).at(-1) ?? ''
  const after = text.slice(c.end, Math.min(until, c.end + OCCUPATION_AFTER))
  const appositive = /^,\s*(?:(?:a|an|the|his|her)\s+)?([^,;:.()“”"]*)/.exec(after)?.[1] ?? ''
  return `${lead} ${text.slice(startWithRole(c), endWithRole(c))} ${appositive}`.toLowerCase().split(/[^\p{L}-]+/u)
}

/** A party and state label right after a name: ", R-Fla.", " (D-Calif.)", " (R-Florida)". */
const PARTY_STATE_AFTER = /^\s*,?\s*\(?[RDI]-((?:[A-Z][a-z]*\.?\s?){1,2})/
/** US state abbreviations (AP style and postal codes) as written in party labels, dots removed. */
const STATE_ABBREVIATIONS = new Map(
  (
    'Ala AL Alabama|Alaska AK Alaska|Ariz AZ Arizona|Ark AR Arkansas|Calif CA California|Colo CO Colorado|Conn CT Connecticut|Del DE Delaware|' +
    'Fla FL Florida|Ga GA Georgia|Hawaii HI Hawaii|Idaho ID Idaho|Ill IL Illinois|Ind IN Indiana|Iowa IA Iowa|Kan KS Kansas|Ky KY Kentucky|La LA Louisiana|' +
    'Maine ME Maine|Md MD Maryland|Mass MA Massachusetts|Mich MI Michigan|Minn MN Minnesota|Miss MS Mississippi|Mo MO Missouri|Mont MT Montana|' +
    'Neb NE Nebraska|Nev NV Nevada|NH NH New_Hampshire|NJ NJ New_Jersey|NM NM New_Mexico|NY NY New_York|NC NC North_Carolina|ND ND North_Dakota|' +
    'Ohio OH Ohio|Okla OK Oklahoma|Ore OR Oregon|Pa PA Pennsylvania|RI RI Rhode_Island|SC SC South_Carolina|SD SD South_Dakota|Tenn TN Tennessee|' +
    'Texas TX Texas|Tex TX Texas|Utah UT Utah|Vt VT Vermont|Va VA Virginia|Wash WA Washington|WVa WV West_Virginia|Wis WI Wisconsin|Wyo WY Wyoming'
  )
    .split('|')
    .flatMap((entry): [string, string][] => {
      const [ap, postal, name] = entry.split(' ')
      const full = name.replace(/_/g, ' ')
      return [[ap, full], [postal, full]]
    }),
)
/**
 * A US state's name ("Arizona", "New Jersey"): a state speaks through its officials, who the
 * article names, so the name is never a speaker ("the Arizona Republican said" is not Arizona).
 * A country may speak for its government ("Japan said"); "Washington" and "Georgia" may be either.
 */
export function isStateName(name: string): boolean {
  return name !== 'Washington' && name !== 'Georgia' && US_STATES.has(name)
}
const US_STATES = new Set([...STATE_ABBREVIATIONS.values()])

/** What ends the words written before a name as its role: punctuation, or a word that opens a clause or a phrase. */
const ROLE_LEAD_BREAK = /[,;:!?()“”"—–]|(?<!\b(?:Gov|Sen|Rep|Sens|Reps|Lt|Gen|Col|Adm|Amb|Atty|Sec|Dr|Mr|Mrs|Ms|St))\.|\b(?:in|of|at|on|to|for|from|with|by|after|before|where|when|while|as|and|but|than)\b/
/** A place or nationality ("Florida", "New", "Russian"), not a party ("Republican"), in a role phrase. */
const isPlaceWord = (word: string): boolean => (PLACES.has(word) || PLACE_FIRST_WORDS.has(word) || DEMONYMS.has(word)) && !PARTY_WORDS.has(word)
const PARTY_WORDS = new Set(['Republican', 'Republicans', 'Democratic', 'Democrat', 'Democrats'])
/** First words of places of several words ("New" of "New Jersey", "South" of "South Carolina"). */
const PLACE_FIRST_WORDS = new Set([...PLACES].filter((p) => p.includes(' ')).map((p) => p.slice(0, p.indexOf(' '))))

/** How many candidates back a role phrase looks for its person (bounds the work per quote). */
const MAX_ROLE_LOOKBACK = 300

/** The capitalised words of a definite role phrase ("the Russian leader" -> "Russian"). */
const ROLE_PHRASE_HEAD = /^[Tt]he ((?:\p{Lu}[\p{L}-]+ ){1,2})(?:[a-z-]+ ){0,2}(?:leader|president|senator|governor|congressman|congresswoman|minister|nominee|candidate|spokesman|spokeswoman|chancellor|premier|mayor|lawmaker|diplomat)\b/u

/** A role with its place after it: "the senator from Vermont", "the governor of New Jersey" (-> "Vermont"). */
const ROLE_PHRASE_FROM = /^[Tt]he (?:[a-z-]+ ){0,2}(?:senator|governor|congressman|congresswoman|mayor|lawmaker|president|leader|candidate) (?:from|of) ((?:\p{Lu}[\p{L}.-]+)(?: \p{Lu}[\p{L}.-]+){0,2})/u

/** Records what a resolved pronoun says about its person, and returns the name. */
function learnt(view: ArticleView, name: string, gender: Gender | null): string {
  if (gender !== null && !view.genders?.has(name) && genderOf(name) === null) (view.genders ??= new Map()).set(name, gender)
  return name
}

/** Index of the last candidate starting before `pos` (candidates are sorted by start), or -1. */
export function lastCandidateBefore(candidates: readonly SpeakerCandidate[], pos: number): number {
  let lo = 0
  let hi = candidates.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (candidates[mid].start < pos) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** Index of the sentence holding `pos` (the last one starting at or before it). */
export function sentenceIndex(sentences: readonly Span[], pos: number): number {
  return spanIndexAt(sentences, pos)
}

/** A body named after its place ("the St. Louis group", "the Portland office"): the place (or a name of no known type) only says where it is. */
const GROUP_NOUNS = 'group|office|campaign|chapter|branch|delegation|team|committee|bureau|coalition|council|organizers|activists'
const GROUP_AFTER_PLACE = new RegExp(String.raw`^\s(?:${GROUP_NOUNS})\b`)
/** People named after a service or a body ("one Facebook user", "a Boeing employee"): the name only says whose. */
const PEOPLE_NOUNS = 'users?|employees?|workers?|members?|customers?|readers?|viewers?|fans?|subscribers?|residents?|supporters?|volunteers?'
const PEOPLE_AFTER_NAME = new RegExp(String.raw`^\s(?:${PEOPLE_NOUNS})\b`)
/**
 * A speaker phrase `placeGroup` writes ("the St. Louis group", "one Facebook user"): a body or people
 * the name inside only places or owns, so the story does not read it as that name's entity.
 */
export const NAMED_BODY_PHRASE = new RegExp(String.raw`^(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|\d+)\s)?\S.*\s(?:${GROUP_NOUNS}|${PEOPLE_NOUNS})$`)
/** The determiner opening such a phrase, kept with it ("the", "a", "one"), as a word of its own ("cyclone" is none). */
const DETERMINER_BEFORE = /(?<![\p{L}\p{N}'’-])(?:[Tt]he|[Aa]n?|[Oo]ne)\s$/u
/** A name set off by commas after the phrase ("A Portland resident, Ann Roe, said"): that person speaks. */
const APPOSED_NAME = /^\s*,\s*\p{Lu}/u

/** Where the group noun or noun for people after a place or organisation ends ("St. Louis| group|"), or -1. */
function bodyNounEnd(text: string, subject: SpeakerCandidate): number {
  const type = subject.entity?.type
  if (type !== 'place' && type !== 'other' && type !== 'organization') return -1
  const after = text.slice(subject.end, subject.end + 20)
  const noun = (type !== 'organization' ? GROUP_AFTER_PLACE.exec(after) : null) ?? PEOPLE_AFTER_NAME.exec(after)
  return noun ? subject.end + noun[0].length : -1
}


/**
 * The phrase a name begins when a group noun or a noun for people follows it: that body or that
 * person speaks, as written, not the place or the company ("the St. Louis group fired off a
 * statement" is not St. Louis, "one Facebook user posted" not Facebook). Null for any other subject.
 */
export function placeGroup(text: string, subject: SpeakerCandidate): SpeakerCandidate | null {
  const body = bodyAfterName(text, subject)
  return body === 'apposed' ? null : body
}

/**
 * `placeGroup`'s phrase; 'apposed' when a name is set off after it ("One Facebook user, Ann Roe,"),
 * which then speaks; null when no group noun or noun for people follows the name.
 */
function bodyAfterName(text: string, subject: SpeakerCandidate): SpeakerCandidate | 'apposed' | null {
  const end = bodyNounEnd(text, subject)
  if (end < 0) return null
  if (APPOSED_NAME.test(text.slice(end, end + 4))) return 'apposed'
  const lead = DETERMINER_BEFORE.exec(text.slice(Math.max(0, subject.start - 8), subject.start))
  const start = lead ? subject.start - lead[0].length : subject.start
  return { start, end, name: text.slice(start, end), kind: 'phrase' }
}
