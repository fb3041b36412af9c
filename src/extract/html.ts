/**
 * Main text of an HTML page: Mozilla Readability over a linkedom document, with a structural
 * fallback (article/main/body minus page chrome) when Readability finds too little; then the
 * plain-text furniture pass, since captions and notices survive inside article bodies.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { InputError } from '../errors.js'
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js'
import type { RemovedPiece } from '../types.js'
import { removeBoilerplate } from './boilerplate.js'
import { collectBlocks, measureTree, type DomDocument, type DomElement, type TextBlock } from './dom.js'
import { readHtmlMeta, type HtmlMeta } from './html-meta.js'

/** Options for {@link extractHtml}. */
export interface HtmlOptions {
  limits?: Partial<IngestLimits>
  /** Below this many characters Readability's result is not trusted and the fallback is used. */
  minReadabilityChars?: number
}

/** Clean text, removed pieces, the page's metadata and which extractor produced the text. */
export interface HtmlExtraction {
  text: string
  removed: RemovedPiece[]
  meta: HtmlMeta
  provenance: { text: 'readability' | 'fallback' }
}

/** Page chrome the fallback drops before taking text. */
const CHROME = 'nav, header, footer, aside, script, style, noscript, template, form, figure, figcaption, iframe, svg, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]'

function assertWithinTree(document: DomDocument, limits: IngestLimits): void {
  const root = document.documentElement
  if (!root) return
  const { elements, depth } = measureTree(root, limits.maxElements, limits.maxDepth)
  if (elements > limits.maxElements) {
    throw new InputError('limit', `page has more than ${limits.maxElements} elements (maxElements)`)
  }
  if (depth > limits.maxDepth) throw new InputError('limit', `page nests deeper than ${limits.maxDepth} elements (maxDepth)`)
}

/** Readability's article as blocks, or null when it found nothing. */
function readabilityBlocks(document: DomDocument, maxElements: number): TextBlock[] | null {
  // Readability's types name the DOM lib's Document; linkedom's document is that at run time.
  const reader = new Readability(document as never, { maxElemsToParse: maxElements })
  const article = reader.parse()
  if (!article?.content) return null
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`)
  return collectBlocks((content as unknown as DomDocument).body as DomElement)
}

/** Text of <article>, <main> or <body> with navigation, header, footer, asides and captions removed. */
function fallbackBlocks(html: string): TextBlock[] {
  const { document } = parseHTML(html) as unknown as { document: DomDocument }
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body
  if (!root) return []
  for (const element of Array.from(root.querySelectorAll(CHROME))) element.remove()
  return collectBlocks(root)
}

function blockChars(blocks: TextBlock[]): number {
  return blocks.reduce((sum, block) => sum + (block.kind === 'paragraph' || block.kind === 'list-item' ? block.text.length : 0), 0)
}

/**
 * Headings leave the text as `title` (the headline) or `section-heading`; list items keep a bullet
 * so that the plain-text pass neither joins them nor takes them for headings.
 */
function blocksToLines(blocks: TextBlock[], title: string | null): { lines: string[]; removed: RemovedPiece[] } {
  const lines: string[] = []
  const removed: RemovedPiece[] = []
  for (const block of blocks) {
    if (block.kind === 'heading') removed.push({ text: block.text, reason: block.text === title ? 'title' : 'section-heading' })
    else if (block.kind === 'caption') removed.push({ text: block.text, reason: 'caption' })
    else lines.push(block.kind === 'list-item' ? `• ${block.text}` : block.text)
  }
  return { lines, removed }
}

/**
 * Extracts the article text and metadata of an HTML page. Paragraphs are separated by `\n\n`.
 * Throws `InputError('limit')` when the page has more elements or deeper nesting than allowed.
 * @example extractHtml('<html><body><article><p>Putin met Witkoff.</p></article></body></html>').text
 */
export function extractHtml(html: string, options: HtmlOptions = {}): HtmlExtraction {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const minChars = options.minReadabilityChars ?? 200
  const { document } = parseHTML(html) as unknown as { document: DomDocument }
  assertWithinTree(document, limits)
  // Metadata first: Readability rewrites the document it reads.
  const meta = readHtmlMeta(document)
  let blocks = readabilityBlocks(document, limits.maxElements)
  let source: 'readability' | 'fallback' = 'readability'
  if (!blocks || blockChars(blocks) < minChars) {
    blocks = fallbackBlocks(html)
    source = 'fallback'
  }
  const title = meta.title?.value ?? null
  const { lines, removed } = blocksToLines(blocks, title)
  const cleaned = removeBoilerplate(lines.join('\n'), { detectTitle: false, knownTitle: title, joinBrokenLines: false })
  return { text: cleaned.text, removed: [...removed, ...cleaned.removed], meta, provenance: { text: source } }
}
