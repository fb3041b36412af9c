/**
 * Hand-built annotated articles for unit tests of the cross-article stages, so those stages can be
 * tested on text we write, with spans found by searching the text (no enrich stage involved).
 */
import { createHash } from 'node:crypto'
import type { Annotated, EntityType, Granularity, NumberMention, QuoteKind, Span } from '../../src/types.js'

export interface FixtureSpec {
  text: string
  outlet?: string | null
  title?: string | null
  publishedAt?: string | null
  /** Surface text as it appears; `name` defaults to it. */
  entities?: { text: string; type: EntityType; name?: string; role?: string; occurrence?: number }[]
  /** The quoted words (without marks) and the speaker's canonical name. */
  quotes?: { text: string; speaker: string | null; kind?: QuoteKind; cue?: string; written?: string; via?: string }[]
  numbers?: { text: string; value: number; unit?: string; approx?: NumberMention['approx']; upper?: number }[]
  dates?: { text: string; value: string; granularity: Granularity; inferred?: boolean; occurrence?: number }[]
}

function spanOf(text: string, needle: string, occurrence = 0): Span {
  let at = -1
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not in text (occurrence ${occurrence})`)
  }
  return [at, at + needle.length]
}

/** Sentence spans by a plain rule (end punctuation followed by space or newline): enough for fixtures. */
function fixtureSentences(text: string): Span[] {
  const out: Span[] = []
  const re = /[^.!?\n]+(?:[.!?]+["”’]?|$)/g
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length
    const start = m.index + lead
    const end = m.index + m[0].trimEnd().length
    if (end > start) out.push([start, end])
  }
  return out
}

/** Builds an `Annotated` from a spec; the id is the sha256 of the text, like the real pipeline. */
export function fixtureArticle(spec: FixtureSpec): Annotated {
  const { text } = spec
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16)
  return {
    id,
    source: { kind: 'text', path: `fixture-${id}.txt` },
    outlet: spec.outlet ? { name: spec.outlet } : null,
    title: spec.title ?? null,
    authors: [],
    publishedAt: spec.publishedAt ?? null,
    language: 'en',
    text,
    removed: [],
    sentences: fixtureSentences(text),
    entities: (spec.entities ?? []).map((e) => ({
      span: spanOf(text, e.text, e.occurrence),
      type: e.type,
      name: e.name ?? e.text,
      ...(e.role ? { role: e.role } : {}),
      via: 'name' as const,
      stage: 'fixture',
    })),
    quotes: (spec.quotes ?? []).map((q) => ({
      span: spanOf(text, q.text),
      // `written`: the speaker as the text names them beside the quote (gives the speaker a span).
      speaker: q.speaker ? { name: q.speaker, ...(q.written ? { span: spanOf(text, q.written) } : {}) } : null,
      ...(q.cue ? { cue: q.cue } : {}),
      ...(q.via ? { via: q.via } : {}),
      kind: q.kind ?? 'direct',
      stage: 'fixture',
    })),
    numbers: (spec.numbers ?? []).map((n) => ({
      span: spanOf(text, n.text),
      value: n.value,
      ...(n.unit ? { unit: n.unit } : {}),
      ...(n.approx ? { approx: n.approx } : {}),
      ...(n.upper !== undefined ? { upper: n.upper } : {}),
      stage: 'fixture',
    })),
    dates: (spec.dates ?? []).map((d) => ({
      span: spanOf(text, d.text, d.occurrence),
      value: d.value,
      granularity: d.granularity,
      inferred: d.inferred ?? false,
      stage: 'fixture',
    })),
  }
}
