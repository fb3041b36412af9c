/**
 * Quoted stretches: parser (pair the marks) and refiner (merge a quotation that runs over several
 * paragraphs, where each paragraph opens with a mark and only the last one closes).
 */
import { SPEECH_VERB } from './cues.js'

/** A stretch between quotation marks; `start`/`end` exclude the marks. */
export interface Stretch {
  /** Offset of the opening mark. */
  open: number
  start: number
  end: number
  /** Offset just past the closing mark (or the paragraph end when the quote is left open). */
  close: number
  closed: boolean
  mark: 'double' | 'single'
  /** For a quotation over several paragraphs: each piece's `[open, close)`. */
  pieces?: [number, number][]
}

/** Quotation marks; `''` is the double mark of texts typed without curly quotes (the New York Times archive). */
const MARKS = /''|["“”‘’]/g
const LETTER = /[\p{L}\p{N}]/u
const OPENING_CONTEXT = /[\s([{—–-]/u
/** A single-quoted stretch longer than this is an apostrophe pairing, not a quotation. */
const MAX_SINGLE_QUOTE = 200

function paragraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from)
  return nl < 0 ? text.length : nl
}

/** Whether a straight `"` (or `''`, `width` 2) at `i` opens (by what is before and after it). */
function straightOpens(text: string, i: number, width: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]
  const after = text[i + width] ?? ' '
  return OPENING_CONTEXT.test(before) && !/\s/.test(after)
}

/** How far back a closing mark with no quote open looks for a single mark that opened it. */
const MAX_MISMATCHED_QUOTE = 1_000

/**
 * A closing double mark with no quote open, right after a sentence's end ('We will rebuild. It is
 * done," she said.), closes a quotation opened with a single mark: the nearest one before it in
 * its paragraph that stands after a space or the paragraph's start and before a capital, with no
 * single mark closing a phrase between them ('Project Harbor' at the meeting) and no stretch
 * already closed; -1 when there is none. An inch mark (a 65" set) follows a digit and opens nothing.
 */
function mismatchedOpening(text: string, closing: number, after: number): number {
  if (!/[.,!?…]/.test(text[closing - 1] ?? '')) return -1
  const stop = Math.max(after, closing - MAX_MISMATCHED_QUOTE)
  for (let k = closing - 1; k >= stop; k--) {
    const c = text[k]
    if (c === '\n') return -1
    if (c !== "'" && c !== '‘' && c !== '’') continue
    const before = text[k - 1] ?? '\n'
    // A single mark that ends a quoted phrase ("'Project Harbor' at") is no opening, and nothing before it is either.
    if (c !== '‘' && /[\p{L}\p{N}.,!?]/u.test(before) && !/\p{L}/u.test(text[k + 1] ?? '')) return -1
    if (c !== '’' && /\s/.test(before) && /\p{Lu}/u.test(text[k + 1] ?? '')) return k
  }
  return -1
}

/**
 * Parser: every quoted stretch, in order of opening. Apostrophes (don’t, Russia’s) never open or
 * close. A curly opening mark inside an open quote opens a quote inside it (“I’d rather live in what
 * he calls “chaos” than ...” ― Ana Ruiz): the next closing mark closes the inner quote, the one
 * after it the outer. Before, the inner mark left the outer quote open to its paragraph's end, so
 * its span took in the signature after it and its closing mark went unread. A straight mark cannot
 * say whether it opens or closes inside a quote, so it never nests.
 */
export function findStretches(text: string): Stretch[] {
  const out: Stretch[] = []
  let open = -1
  let openWidth = 1 // 2 for `''`
  let openEnd = -1 // paragraph end of the open double quote
  let single = -1
  // The quotes the open one is nested in, innermost last.
  const outer: { open: number; width: number }[] = []
  let nested = false
  const popOuter = (): void => {
    const o = outer.pop()
    open = o ? o.open : -1
    if (o) openWidth = o.width
  }
  const leaveOpen = (): void => {
    for (;;) {
      out.push({ open, start: open + openWidth, end: openEnd, close: openEnd, closed: false, mark: 'double' })
      popOuter()
      if (open < 0) break
    }
  }
  MARKS.lastIndex = 0
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index
    const width = m[0].length
    const ch = width === 2 ? '"' : m[0]
    if (open >= 0 && i > openEnd) leaveOpen()
    // A typo'd closing mark (“Really?“ he asked): an opening mark right after sentence punctuation
    // and before a space, while a quote is open, closes it.
    // So does one right after a word and before a space or punctuation (an “expedited review“ of ...): no quote opens there.
    const closesAsTypo = ch === '“' && open >= 0 && /[.,!?…\p{L}\p{N}]/u.test(text[i - 1] ?? '') && /[\s,.;:!?)]/.test(text[i + 1] ?? ' ')
    if (closesAsTypo) {
      out.push({ open, start: open + openWidth, end: i, close: i + 1, closed: true, mark: 'double' })
      popOuter()
    } else if (ch === '“' || (ch === '"' && open < 0 && straightOpens(text, i, width))) {
      if (open >= 0) {
        outer.push({ open, width: openWidth })
        nested = true
      }
      open = i
      openWidth = width
      openEnd = paragraphEnd(text, i)
      single = -1
    } else if (ch === '”' || ch === '"') {
      const from = open >= 0 ? open : mismatchedOpening(text, i, out.at(-1)?.close ?? 0)
      if (from >= 0) out.push({ open: from, start: open >= 0 ? open + openWidth : from + 1, end: i, close: i + width, closed: true, mark: 'double' })
      popOuter()
    } else if (open < 0 && ch === '‘' && OPENING_CONTEXT.test(text[i - 1] ?? ' ') && LETTER.test(text[i + 1] ?? '')) {
      single = i
    } else if (open < 0 && ch === '’' && single >= 0 && !LETTER.test(text[i + 1] ?? '')) {
      const inside = text.slice(single + 1, i)
      if (inside.length <= MAX_SINGLE_QUOTE && !inside.includes('\n')) {
        out.push({ open: single, start: single + 1, end: i, close: i + 1, closed: true, mark: 'single' })
      }
      single = -1
    }
  }
  if (open >= 0) leaveOpen()
  // An outer quote is pushed after the ones inside it: back into order of opening.
  return nested ? out.sort((a, b) => a.open - b.open) : out
}

/** A transcript turn: a name in capitals and a colon opening the quoted words ("“ROE: We will win."). */
export const TRANSCRIPT_LABEL = /^((?:\p{Lu}[\p{Lu}'’.-]+\s+){0,2}\p{Lu}[\p{Lu}'’.-]+):\s/u
/** Capitals before a colon that head a paragraph rather than name a speaker. */
const NOT_A_LABEL = /^(?:UPDATE|UPDATED|BREAKING|EDITOR['’]?S NOTE|NOTE|CORRECTION|CLARIFICATION|WATCH|READ|RELATED|VIDEO|PHOTOS?|Q|A|FACT CHECK|TRANSCRIPT|ONE|TWO|THREE|FOUR|FIVE|FIRST|SECOND|THIRD|FINALLY|PS|P\.S\.?)$/u

/** A transcript label that names a speaker (`TRANSCRIPT_LABEL`'s name, not a heading word such as "UPDATE"). */
export function speakerLabel(name: string): boolean {
  return name.length >= 2 && !NOT_A_LABEL.test(name)
}

/**
 * Refiner: a stretch left open at a paragraph end, followed by one opening at the start of the next
 * paragraph, is the same quotation; the merged span runs from the first start to the last end.
 * Unless the next paragraph opens a transcript's next turn (`opensTurn`).
 */
export function mergeParagraphQuotes(text: string, stretches: readonly Stretch[]): Stretch[] {
  const out: Stretch[] = []
  for (const s of stretches) {
    const prev = out.at(-1)
    if (prev && !prev.closed && prev.mark === 'double' && s.mark === 'double' && /^\s*\n\s*$/.test(text.slice(prev.end, s.open)) && !opensTurn(text, s)) {
      out[out.length - 1] = { ...prev, end: s.end, close: s.close, closed: s.closed, pieces: [...piecesOf(prev), [s.open, s.close]] }
    } else {
      out.push(s)
    }
  }
  return out
}

/** A paragraph's quote that opens with a speaker's label ("“DIAZ: No.") is the transcript's next turn, not the quote before continued. */
function opensTurn(text: string, s: Stretch): boolean {
  const m = TRANSCRIPT_LABEL.exec(text.slice(s.start, s.start + 40).trimStart())
  return m !== null && speakerLabel(m[1])
}

const piecesOf = (s: Stretch): [number, number][] => s.pieces ?? [[s.open, s.close]]

/** Trims whitespace and a trailing comma (the writer's, before the attribution) off a stretch. */
export function trimStretch(text: string, s: Stretch): Stretch {
  let { start, end } = s
  while (start < end && /[\s]/.test(text[start])) start++
  while (end > start && /[\s,]/.test(text[end - 1])) end--
  return { ...s, start, end }
}
