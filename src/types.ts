/**
 * Parallax core types. The names follow ../shared/DESIGN.md (the contract); the extra fields
 * (`stage`, `role`, `channel`, `inferred`, ...) carry provenance and detail.
 *
 * Every extracted thing is a span into `Article.text`, half-open `[start, end)`, in UTF-16 code
 * units (JavaScript string indices), tagged with the stage that produced it.
 */

/** `[start, end)` into an article's clean text. */
export type Span = readonly [start: number, end: number]

/** Name of the stage that produced a result, e.g. `"enrich/quotes"` or `"extract/boilerplate"`. */
export type StageName = string

export type SourceKind = 'text' | 'html' | 'feed' | 'jsonl' | 'warc' | 'url'

/** Bytes as they came in, before extraction. */
export interface RawDocument {
  source: { kind: SourceKind; path?: string; url?: string }
  bytes: Uint8Array
  /** Set by the user (`--published`) when the input has none of its own. */
  publishedAt?: string | null
  /** Set by the user (`--outlet`). */
  outlet?: string | null
  /** True when `outlet` was given for this input by name (`--outlet a.txt=Reuters`): it wins over what the input says. */
  outletForced?: boolean
  /**
   * Fields the container stated for this one document (a JSON Lines record's, a feed entry's),
   * carried to extraction instead of being guessed again from the text: they rank below the page's
   * own structured metadata and above what the text suggests; provenance says `<from>:<field>`.
   */
  given?: GivenFields
}

/** A container's fields for one of its documents (see `RawDocument.given`). */
export interface GivenFields {
  from: 'jsonl' | 'feed'
  title?: string | null
  authors?: readonly string[]
  publishedAt?: string | null
}

export interface RemovedPiece {
  text: string
  /** Why it was removed, e.g. `navigation`, `photo-credit`, `caption`, `comment-notice`. */
  reason: string
}

/** A clean article: the output of `extract`. */
export interface Article {
  /** sha256 of the clean text, hex, first 16 characters. */
  id: string
  source: { kind: SourceKind; path?: string; url?: string }
  outlet: { name: string; domain?: string } | null
  title: string | null
  authors: string[]
  /** ISO 8601; a date (`2025-08-06`) or a date-time with offset. */
  publishedAt: string | null
  /** ISO 8601 time of the latest update the page or text states ("Updated Aug. 6, 2025"), when any. */
  modifiedAt?: string | null
  /** The page's canonical URL (`link rel=canonical`, `og:url`, JSON-LD `url`), when it states one. */
  canonicalUrl?: string | null
  /** Character encoding the bytes were decoded with (WHATWG label: `utf-8`, `windows-1252`, `utf-16le`). */
  encoding?: string
  language: string
  text: string
  removed: RemovedPiece[]
  /** Where metadata came from, e.g. `{ publishedAt: 'text:update-stamp', outlet: 'text:dateline' }`. */
  provenance?: Record<string, string>
  /** Problems met while processing this article; the article still goes on. */
  messages?: StageMessage[]
}

export interface StageMessage {
  stage: StageName
  level: 'warning' | 'error'
  message: string
}

export type EntityType = 'person' | 'organization' | 'place' | 'other'

export interface EntityMention {
  span: Span
  type: EntityType
  /** The canonical name within the article: "Marco Rubio" for "Rubio" or "Secretary of State Marco Rubio". */
  name: string
  /** Title or role given next to the name: "Secretary of State", "Kremlin spokesman". */
  role?: string
  /** Span of the role words, when present. */
  roleSpan?: Span
  /** How this mention was found: `name`, `surname` (resolved to a full name), `pronoun`, `descriptor`. */
  via?: 'name' | 'surname' | 'pronoun' | 'descriptor'
  stage: StageName
}

export type QuoteKind = 'direct' | 'partial' | 'indirect'

export interface QuoteMention {
  /** The quoted words, without the quotation marks. For multi-paragraph quotes, start of first to end of last. */
  span: Span
  speaker: { name: string; span?: Span } | null
  /** The verb phrase that attributes it: "said on Truth Social", "told reporters", "wrote". */
  cue?: string
  cueSpan?: Span
  /** Where it was said when the text gives it: "Truth Social", "Fox Business", "a post on X". */
  channel?: string
  kind: QuoteKind
  /**
   * The speaker rule that read it (src/enrich/quotes/index.ts SPEAKER_RULES): `signature`,
   * `speech-verb/<how its subject was found>` (`speech-verb/inverted`, `speech-verb/passive-agent`,
   * `speech-verb/clause-subject`, `speech-verb/citing`, ... as named in enrich/quotes/speaker.ts
   * `subjectOf`; `speech-verb/name-at-cue`, `speech-verb/sentence-opening` for names no entity
   * covers), `said-noun`, `clause-subject`, `colon`, `continuation/previous-quote`,
   * `continuation/sentence-before`; `none` when no rule found a speaker.
   */
  via?: string
  stage: StageName
}

export interface NumberMention {
  span: Span
  value: number
  /** Normalised unit: `percent`, `USD`, `hour`, `day`, `people`, `barrel`, ... */
  unit?: string
  approx?: 'about' | 'at least' | 'nearly' | 'up to' | 'more than'
  /** For ranges ("24-36 hours"): the upper bound; `value` is the lower. */
  upper?: number
  stage: StageName
}

export type Granularity = 'day' | 'week' | 'month' | 'year' | 'time'

export interface DateMention {
  span: Span
  /** ISO 8601 value at its granularity: `2025-08-06`, `2025-W33`, `2025-07`, `2025`, `2025-08-06T11:45`. */
  value: string
  granularity: Granularity
  /** True when the value was inferred from the publication date ("Wednesday", "last month"). */
  inferred: boolean
  /** The anchor used when inferred: the publication date, or for an undated article its story's day (`via` ends in "+story-day"). */
  anchor?: string
  /**
   * The same words read as TimeML (TempEval-3's TIMEX3): type and value, e.g. `{ type: 'DATE',
   * value: '1998-Q3' }` for "the third quarter"; `span` when TimeML's expression is not the date's
   * own span ("early next year" for the date "next year"). Absent when TimeML reads no expression there.
   */
  timex?: Timex
  /** The rule that read it (chrono's parser or a news rule, and any refiner): `chrono/ENWeekdayParser`, `news/day-word`, `chrono/ENCasualDateParser+narrative-day`. */
  via?: string
  stage: StageName
}

/** TimeML's TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET'

/** A TimeML reading: `P2W` (two weeks), `XXXX-WXX-4` (each Thursday), `PRESENT_REF` (now), `1998-Q3`, `1998-10-26TMO`. */
export interface Timex {
  type: TimexType
  value: string
  /** TimeML's span of the expression, when it differs from the span of the date that carries it. */
  span?: Span
  /** The TimeML rule that read it (`timex/quarter`), when not the date's own reading. */
  via?: string
}

/** A temporal expression that is no placeable date (a duration, a set, "now", the second date of a range), as TimeML reads it. */
export interface TimexMention {
  span: Span
  type: TimexType
  value: string
  /** The rule that read it: `timex/<rule>` (src/enrich/dates/timex.ts), or the date's own `via`. */
  via?: string
  stage: StageName
}

/** An article after `enrich`. */
export interface Annotated extends Article {
  sentences: Span[]
  entities: EntityMention[]
  quotes: QuoteMention[]
  numbers: NumberMention[]
  dates: DateMention[]
  /**
   * The temporal expressions TimeML reads that no date in `dates` carries as its `timex`: durations
   * ("two weeks"), sets ("every Monday"), vague references ("now"), the end of a range. With the
   * dates' `timex`, the article's whole TimeML reading. Absent on articles annotated before it existed.
   */
  timexes?: TimexMention[]
}

// ---------------------------------------------------------------------------------------------
// The report (the JSON contract of `parallax analyze --format json`).

export interface Citation {
  articleId: string
  start: number
  end: number
}

export interface Occurrence extends Citation {
  text: string
}

export interface StoryEntity {
  id: string
  name: string
  type: EntityType
  aliases: string[]
  /** Roles seen across articles ("Secretary of State"). */
  roles: string[]
  articleIds: string[]
  mentions: number
}

export interface StoryQuote {
  id: string
  text: string
  speaker: { name: string; entityId: string | null } | null
  occurrences: Occurrence[]
  articleIds: string[]
  variants: { text: string; articleIds: string[] }[]
}

export type FactStatus = 'corroborated' | 'single-source' | 'disputed'

/** Where an article states a fact, and who it says asserts it. */
export interface FactSupport extends Citation {
  /** The source the article credits ("TASS", "a White House official"); null when the outlet asserts it. */
  attributedTo?: string | null
}

export interface StoryFact {
  id: string
  text: string
  status: FactStatus
  articleIds: string[]
  support: FactSupport[]
  /** Independent sources reporting it: near-duplicate copies and one publisher family count once. */
  sources?: number
  /** The third parties the articles credit it to ("according to TASS"), apart from the outlets. */
  attributedTo?: string[]
}

export type DiscrepancyKind = 'number' | 'date' | 'name-spelling' | 'quote-wording' | 'attribution' | 'status' | 'claim' | 'framing'

export interface Discrepancy {
  kind: DiscrepancyKind
  description: string
  /** Each value with the articles behind it and, where known, the words that state it (`support`). */
  values: { value: string; articleIds: string[]; support?: Citation[] }[]
}

export interface TimelineEntry {
  date: string
  granularity: Granularity
  text: string
  articleIds: string[]
  support?: Citation[]
  /** The same event as other articles date it: a date discrepancy (also listed in `discrepancies`). */
  otherDates?: { date: string; articleIds: string[] }[]
  /** Articles that state no publication date and whose words here were dated from the story's day ("Wednesday" in an undated article). */
  storyDayFor?: string[]
}

export interface SummarySentence {
  text: string
  citations: Citation[]
}

export interface CoverageEntry {
  articleId: string
  outlet: string | null
  uniqueFactIds: string[]
  omittedFactIds: string[]
  /** How many of the story's facts the article carries. */
  factCount?: number
  /** Share of the story's facts it carries, 0 to 1. */
  share?: number
  /** Share of the story's corroborated facts it carries; null when the story has none. */
  corroboratedShare?: number | null
}

export interface Story {
  id: string
  title: string
  articleIds: string[]
  /** Why these articles were grouped (shared entities, terms; the score). */
  why?: { articleId: string; joinedBy: string | null; score: number; shared: string[] }[]
  entities: StoryEntity[]
  quotes: StoryQuote[]
  facts: StoryFact[]
  discrepancies: Discrepancy[]
  timeline: TimelineEntry[]
  summary: SummarySentence[]
  /** How many candidate summary sentences the citation check rejected. */
  summaryRejected?: number
  coverage: CoverageEntry[]
}

/** An article in the report: everything but its text. */
export type ReportArticle = Omit<Article, 'text'>

export interface Report {
  schemaVersion: 1
  articles: ReportArticle[]
  stories: Story[]
}
