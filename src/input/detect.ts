/**
 * What kind of document some bytes are, by their content (never by file name): a `.txt` holding a
 * web page is HTML, a PNG renamed `.html` is binary.
 */
import { InputError } from '../errors.js'
import { sniffUtf16 } from './decode.js'

/** How many leading bytes are inspected; kinds are decided by the head of a document. */
const SNIFF_BYTES = 4096

/** Magic numbers of common binary formats that sometimes arrive where text is expected. */
const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP/RIFF', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
]

/** More control characters than this share of the head means binary (text has tabs and newlines only). */
const MAX_CONTROL_RATIO = 0.1

/** A document starting like this is HTML whatever else it holds. */
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i
/**
 * Block-level tags; several of them in the head of a document mean markup, not prose. Not
 * `<script>`: a pasted snippet or two in a text says nothing of its structure (text holding two
 * scripts is text, with the scripts as words).
 */
const HTML_TAG = /<\/?(?:p|div|h[1-6]|article|section|main|header|footer|nav|ul|li|meta|title|table)\b[^>]*>/gi
/** Fewest block tags for an HTML verdict when the document has no doctype/html/body start. */
const MIN_HTML_TAGS = 3

function hasMagic(bytes: Uint8Array): string | null {
  for (const magic of MAGIC) {
    if (magic.bytes.every((b, i) => bytes[i] === b)) return magic.name
  }
  return null
}

/** UTF-16 text has NULs in every other byte; a BOM or that very pattern tells us it is text, not binary. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return sniffUtf16(bytes)
}

function assertNotBinary(head: Uint8Array): void {
  const magic = hasMagic(head)
  if (magic) throw new InputError('binary', `binary data (${magic} file), not text or HTML`)
  if (utf16Of(head)) return
  let control = 0
  for (const b of head) {
    if (b === 0) throw new InputError('binary', 'binary data (NUL bytes), not text or HTML')
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  if (control / head.length > MAX_CONTROL_RATIO) {
    throw new InputError('binary', 'binary data (many control characters), not text or HTML')
  }
}

/** Latin-1 view of the head: enough to look for ASCII markup in any ASCII-compatible encoding. */
function asciiHead(head: Uint8Array): string {
  const utf16 = utf16Of(head)
  if (utf16) return new TextDecoder(utf16).decode(head)
  return new TextDecoder('latin1').decode(head)
}

function isBlank(head: string): boolean {
  return /^[\s\u00a0\ufeff\u200b]*$/.test(head)
}

/**
 * Decides whether bytes hold an HTML page or plain text, from their content.
 * Throws `InputError('empty')` for empty or whitespace-only input and `InputError('binary')` for
 * binary data (magic numbers, NUL bytes, many control characters).
 * @example detectKind(new TextEncoder().encode('<!doctype html><p>Hi</p>')) // 'html'
 */
export function detectKind(bytes: Uint8Array): 'html' | 'text' {
  const head = bytes.subarray(0, SNIFF_BYTES)
  if (head.length === 0) throw new InputError('empty', 'input is empty')
  assertNotBinary(head)
  const text = asciiHead(head)
  if (isBlank(text) && (bytes.length <= SNIFF_BYTES || isBlank(asciiHead(bytes)))) {
    throw new InputError('empty', 'input holds only whitespace')
  }
  if (HTML_START.test(text)) return 'html'
  const tags = text.match(HTML_TAG)?.length ?? 0
  return tags >= MIN_HTML_TAGS ? 'html' : 'text'
}
