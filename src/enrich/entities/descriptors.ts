/**
 * Unnamed sources as entities ("a senior administration official", "two White House officials",
 * "a person familiar with the conversation", "sources close to the Kremlin"), named as written
 * with a lowercase first letter. A bare "the official" / "the adviser" takes the name of what it
 * refers back to: the last descriptor with the same head, or the last person with that role.
 */
import type { EntityMention } from '../../types.js'

const STAGE = 'enrich/entities'

const HEADS = 'officials?|sources?|aides?|diplomats?|advis[eo]rs?|spokesperson|spokes(?:wo)?m[ae]n|insiders?|analysts?|lawmakers?|negotiators?|persons?|people|individuals?|officers?|reporters?|correspondents?'
/** "a spokesman for Bernie Sanders", "an aide to Sen. Ann Roe", "officials at the Pentagon": whom the source speaks for, as written. */
const FOR_NAME = String.raw`\s+(?:for|to|at|with)\s+(?:the\s+)?(?:(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr|Gen)\.\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?(?=[A-Z])[\w’'.&-]+){0,4}`
const TAIL = String.raw`(?:\s+(?:familiar with|close to|briefed on|with knowledge of|knowledgeable about|involved in|speaking on condition of)\s+(?:the\s+)?[\w’'-]+(?:\s+(?=[A-Z])[\w’'-]+)?|${FOR_NAME})`
const DET = `(?:${'a an the two three four five several some many other one multiple'
  .split(' ')
  .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|')})`
/** Determiner (optional only with a tail), up to four modifiers, a head noun, an optional "familiar with ..." tail. */
const DESCRIPTOR = new RegExp(
  String.raw`\b(?:(${DET})\s+)?((?:[\w.’'-]+\s+){0,4}?)(${HEADS})\b(${TAIL})?`,
  'g',
)

const HEAD = new RegExp(String.raw`\b(?:${HEADS})\b`, 'g')
/** How far before a head noun a descriptor may start (determiner and four modifiers). */
const LOOK_BEHIND = 70

/** Lowercase modifiers allowed between determiner and head (capitalised ones always are: "White House"). */
const MODIFIERS = new Set(
  `senior top former high-ranking high-level junior anonymous unnamed administration government military intelligence
  diplomatic defense defence security state european western russian ukrainian american u.s. us foreign ministry
  presidential campaign congressional regional local police independent other two three few several industry trade
  u.s.-based european-based kremlin-linked city county town village municipal federal provincial district school court
  health election justice education transport transportation energy treasury commerce union company airport
  port hospital prison border embassy tribal opposition rebel army navy fire`.split(/\s+/),
)
/** Heads that need a "familiar with ..." tail to be a source ("two people were killed" is not). */
/** "the Kremlin spokesman Dmitry Peskov" (or ", Dmitry Peskov,") is a named person, not an unnamed source. */
const FOLLOWED_BY_NAME = /^,? (?:\p{Lu}\p{Ll}+ ){1,2}\p{Lu}\p{Ll}+\b(?! (?:said|told|reported))/u
const NEEDS_TAIL = /^(?:persons?|people|individuals?|analysts?|lawmakers?|officers?|reporters?|correspondents?)$/i

/** Descriptor mentions in `text`, in order. */
export function findDescriptors(text: string): EntityMention[] {
  const out: EntityMention[] = []
  // The full pattern only runs just before a head noun, so most of the text is skipped cheaply.
  HEAD.lastIndex = 0
  let cursor = 0
  for (let h = HEAD.exec(text); h !== null; h = HEAD.exec(text)) {
    if (h.index < cursor) continue
    DESCRIPTOR.lastIndex = Math.max(cursor, h.index - LOOK_BEHIND)
    const found = nextDescriptor(text, h.index)
    if (!found) continue
    out.push(found)
    cursor = found.span[1]
    HEAD.lastIndex = Math.max(HEAD.lastIndex, cursor)
  }
  return out
}

/** A word that ends its sentence: a full stop after a word that is not an initialism ("Monday.", not "U.S."), or "!" or "?". */
const SENTENCE_END = /(?:^|[^.])\p{L}{2,}\.$|[!?]$/u

/** The first valid descriptor found from `DESCRIPTOR.lastIndex` whose match starts by `headAt`. */
function nextDescriptor(text: string, headAt: number): EntityMention | null {
  for (let m = execUpTo(text, headAt); m !== null && m.index <= headAt; m = execUpTo(text, headAt)) {
    const [whole, det, mods, head, tail] = m
    const modWords = mods.trim().split(/\s+/).filter(Boolean)
    // A capitalised word ending a sentence ("Monday." before "A source close to ...") is no modifier: initialisms ("U.S.") are.
    const valid = (det || tail) && modWords.every((w) => MODIFIERS.has(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && !SENTENCE_END.test(w)))
    if (!valid) {
      // The match may have started words too early ("said two White House officials"): retry one word later.
      DESCRIPTOR.lastIndex = m.index + (det ?? modWords[0] ?? head).length + 1
      continue
    }
    if ((NEEDS_TAIL.test(head) && !tail) || FOLLOWED_BY_NAME.test(text.slice(m.index + whole.length, m.index + whole.length + 40))) return null
    const name = whole.charAt(0).toLowerCase() + whole.slice(1)
    const plural = /s$/i.test(head) || head.toLowerCase() === 'people'
    return { span: [m.index, m.index + whole.length], type: plural ? 'other' : 'person', name, via: 'descriptor', stage: STAGE }
  }
  return null
}

/**
 * `DESCRIPTOR.exec`, skipped once `lastIndex` is past the head: no match can then start by it, and
 * a global exec would scan on to the next descriptor in the text (once per head: quadratic-ish).
 */
function execUpTo(text: string, headAt: number): RegExpExecArray | null {
  return DESCRIPTOR.lastIndex > headAt ? null : DESCRIPTOR.exec(text)
}

const BARE = /^the (officials?|advis[eo]rs?|aides?|sources?|spokesperson|diplomats?)$/
const normHead = (h: string): string => h.replace('advisor', 'adviser').replace(/s$/, '')

/**
 * Gives a bare definite descriptor ("the official") the name of the mention it refers back to.
 * `mentions` must be sorted by start; descriptors are changed in place.
 */
export function resolveBareDescriptors(mentions: EntityMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const bare = BARE.exec(mentions[i].name)
    if (mentions[i].via !== 'descriptor' || !bare) continue
    const head = normHead(bare[1])
    for (let j = i - 1; j >= 0; j--) {
      const m = mentions[j]
      const sameHead = m.via === 'descriptor' && !BARE.test(m.name) && normHead(m.name.split(/\s+/).at(-1) ?? '') === head
      const roleHead = m.type === 'person' && m.role !== undefined && m.role.toLowerCase().split(/\s+/).some((w) => normHead(w) === head)
      if (sameHead || roleHead) {
        mentions[i] = { ...mentions[i], name: m.name, type: m.type }
        break
      }
    }
  }
}
