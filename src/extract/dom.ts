/**
 * The few DOM features extraction uses, typed structurally (the project compiles without the DOM
 * lib; linkedom supplies the implementation), plus block-aware text collection.
 */

/** A DOM node as linkedom provides it. */
export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
  firstChild: DomNode | null
  nextSibling: DomNode | null
}

/** A DOM element as linkedom provides it. */
export interface DomElement extends DomNode {
  tagName: string
  children: ArrayLike<DomElement>
  firstElementChild: DomElement | null
  nextElementSibling: DomElement | null
  previousElementSibling: DomElement | null
  parentElement: DomElement | null
  getAttribute(name: string): string | null
  /** The attribute node itself: reading `class` through it skips linkedom's class-list set-up. */
  getAttributeNode(name: string): { value: string } | null
  hasAttributes(): boolean
  removeAttribute(name: string): void
  setAttribute(name: string, value: string): void
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  remove(): void
}

/** A DOM document as linkedom provides it. */
export interface DomDocument {
  documentElement: DomElement | null
  body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/** Elements whose content is never article text. */
export const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'CANVAS', 'OBJECT'])
/** Elements that start and end a paragraph. */
export const BLOCKS = new Set([
  'P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV',
  'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'UL', 'OL', 'DL', 'DT', 'DD', 'HR', 'BR', 'ADDRESS',
  'FORM', 'DETAILS', 'SUMMARY', 'BODY', 'HTML', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
])
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
const SPACES = /\s+/g

/** One block of text and the element it came from (headings are told apart from paragraphs). */
export interface TextBlock {
  text: string
  kind: 'paragraph' | 'heading' | 'list-item' | 'caption' | 'table-row'
  /** Heading level (1 for `<h1>`), for headings only. */
  level?: number
}

/** Elements that make a table cell hold a layout (a page column) rather than a datum. */
const LAYOUT_IN_CELL = 'table, p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, section, article, figure'
/** Cell separator of a table row in the text. */
export const CELL_SEPARATOR = ' | '

/**
 * A data row's cells, or null for a layout row (cells holding paragraphs, lists or tables: old
 * pages lay out whole columns in tables) or an empty one.
 */
function rowCells(row: DomElement): string[] | null {
  const cells: string[] = []
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue
    if (cell.querySelector(LAYOUT_IN_CELL)) return null
    cells.push((cell.textContent ?? '').replace(SPACES, ' ').trim())
  }
  return cells.some(Boolean) ? cells : null
}

/**
 * Text of `root` as blocks: a block element starts a new block, inline elements run on, script
 * and style are skipped, whitespace is collapsed. A data table's row is one block, its cells
 * joined by {@link CELL_SEPARATOR}. Elements in `skip` are left out with all they hold; for the
 * block elements that are keys of `spans`, the range of blocks they hold is written there.
 */
export function collectBlocks(root: DomNode, skip?: ReadonlySet<DomNode>, spans?: Map<DomNode, [start: number, end: number]>): TextBlock[] {
  const blocks: TextBlock[] = []
  let buffer = ''
  let kind: TextBlock['kind'] = 'paragraph'
  let level = 0
  const flush = (): void => {
    const text = buffer.replace(SPACES, ' ').trim()
    if (text) blocks.push(kind === 'heading' ? { text, kind, level } : { text, kind })
    buffer = ''
    kind = inCaption > 0 ? 'caption' : 'paragraph'
  }
  let inCaption = 0
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? ''
      return
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName.toUpperCase()) || skip?.has(node)) return
    const name = node.nodeName.toUpperCase()
    const cells = name === 'TR' && inCaption === 0 ? rowCells(node as DomElement) : null
    if (cells) {
      flush()
      blocks.push({ text: cells.join(CELL_SEPARATOR), kind: 'table-row' })
      return
    }
    const block = BLOCKS.has(name)
    if (block) flush()
    if (name === 'FIGCAPTION') inCaption++
    if (inCaption > 0) kind = 'caption'
    else if (HEADINGS.has(name)) {
      kind = 'heading'
      level = Number(name[1])
    }
    else if (name === 'LI') kind = 'list-item'
    const span = block ? spans?.get(node) : undefined
    if (span) span[0] = blocks.length
    // Sibling links, not `childNodes`: linkedom rebuilds that list on every access.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child)
    if (block) flush()
    if (span) span[1] = blocks.length
    if (name === 'FIGCAPTION') inCaption--
  }
  walk(root)
  flush()
  return blocks
}

/** Element count and deepest nesting under `root`, stopping early once either bound is passed. */
export function measureTree(root: DomElement, maxElements: number, maxDepth: number): { elements: number; depth: number } {
  let elements = 0
  let depth = 0
  // Sibling links, not `children`: linkedom rebuilds that list on every access.
  const stack: [DomElement, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [element, level] = stack.pop() as [DomElement, number]
    elements++
    if (level > depth) depth = level
    if (elements > maxElements || depth > maxDepth) break
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, level + 1])
  }
  return { elements, depth }
}
