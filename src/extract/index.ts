/**
 * extract: raw bytes to a clean article. Order: size limit, kind (by content), decoding, main text
 * (HTML: Readability; text: furniture removal), metadata, id (hash of the clean text).
 */
import { hash } from 'node:crypto'
import { InputError } from '../errors.js'
import { decodeBytes } from '../input/decode.js'
import { detectKind } from '../input/detect.js'
import { assertWithinSize, resolveLimits, type IngestLimits } from '../input/limits.js'
import type { Article, RawDocument, RemovedPiece } from '../types.js'
import { removeBoilerplate } from './furniture/boilerplate.js'
import { decodeEntities } from './entities.js'
import { extractHtml } from './html.js'
import type { HtmlMeta } from './html-meta.js'
import { resolveMetadata } from './metadata.js'

export { removeBoilerplate } from './furniture/boilerplate.js'
export { extractHtml } from './html.js'

/** Options for {@link extractArticle}. */
export interface ExtractOptions {
  limits?: Partial<IngestLimits>
  /** Charset the caller knows (an HTTP `Content-Type`), used when the bytes carry no BOM. */
  charset?: string
  /** Below this many characters Readability's result is replaced by the structural fallback. */
  minReadabilityChars?: number
}

/** The stage name written on messages from this stage. */
export const EXTRACT_STAGE = 'extract'

interface MainText {
  text: string
  /** Pieces taken out of the article text; metadata is read from these. */
  removed: RemovedPiece[]
  /** Page blocks outside the article (HTML); listed on the article but not read for metadata. */
  dropped: RemovedPiece[]
  html: HtmlMeta | null
  textTitle: string | null
  via: string
}

function mainText(kind: 'html' | 'text', decoded: string, options: ExtractOptions, limits: IngestLimits): MainText {
  if (kind === 'html') {
    const page = extractHtml(decoded, { limits, minReadabilityChars: options.minReadabilityChars })
    return { text: page.text, removed: page.removed, dropped: page.dropped, html: page.meta, textTitle: null, via: page.provenance.text }
  }
  const clean = removeBoilerplate(decodeEntities(decoded))
  return { text: clean.text, removed: clean.removed, dropped: [], html: null, textTitle: clean.title, via: 'plain-text' }
}

/** First 16 hex digits of the sha256 of the clean text: the article's id everywhere. */
export function articleId(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 16)
}

/**
 * Turns one raw document into a clean article: text without site furniture (and what was removed,
 * and why), outlet, title, authors, publication date and language, each with its provenance.
 * Throws `InputError` (`too-large`, `empty`, `binary`, `encoding`, `limit`, `no-text`).
 * @example extractArticle({ source: { kind: 'text', path: 'a.txt' }, bytes }).outlet // { name: 'CNN', domain: 'cnn.com' }
 */
export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): Article {
  const input = raw.source.path ?? raw.source.url
  try {
    const limits = resolveLimits(options.limits)
    assertWithinSize(raw.bytes, limits)
    const kind = detectKind(raw.bytes)
    const decoded = decodeBytes(raw.bytes, { declared: options.charset })
    const main = mainText(kind, decoded.text, options, limits)
    if (!main.text.trim()) throw new InputError('no-text', 'no article text left after removing site furniture')
    const meta = resolveMetadata({
      text: main.text,
      removed: main.removed,
      html: main.html,
      textTitle: main.textTitle,
      given: raw.given,
      user: { publishedAt: raw.publishedAt, outlet: raw.outlet, outletForced: raw.outletForced, url: raw.source.url, path: raw.source.path },
    })
    return {
      id: articleId(main.text),
      source: { ...raw.source, kind: raw.source.kind === 'text' || raw.source.kind === 'html' ? kind : raw.source.kind },
      outlet: meta.outlet,
      title: meta.title,
      authors: meta.authors,
      publishedAt: meta.publishedAt,
      modifiedAt: meta.modifiedAt,
      canonicalUrl: meta.canonicalUrl,
      encoding: decoded.encoding,
      language: meta.language,
      text: main.text,
      removed: [...main.dropped, ...main.removed],
      provenance: { ...meta.provenance, text: main.via, encoding: decoded.encoding, encodingSource: decoded.from },
    }
  } catch (error) {
    if (error instanceof InputError && error.input === undefined && input !== undefined) {
      throw new InputError(error.code, error.message, input, { cause: error.cause })
    }
    throw error
  }
}
