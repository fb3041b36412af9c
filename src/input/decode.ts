/**
 * Bytes to text: BOM first, then a declared charset (the caller's, or an HTML `<meta charset>` /
 * `http-equiv` sniffed in the head), else strict UTF-8. Line ends become `\n`.
 */
import { TextDecoder } from 'node:util'
import { InputError } from '../errors.js'

/** Bytes searched for a `<meta charset>` declaration (the HTML spec says 1024; pages are sloppy). */
const CHARSET_SNIFF_BYTES = 2048

/** `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)/i

const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
]

/** Options for {@link decodeBytes}. */
export interface DecodeOptions {
  /** Charset the caller knows (an HTTP `Content-Type`, a feed's XML declaration). */
  declared?: string
}

/** Decoded text and the encoding that was used (WHATWG label, e.g. `utf-8`, `windows-1252`). */
export interface Decoded {
  text: string
  encoding: string
  /**
   * What chose the encoding: `bom`, `caller` (HTTP Content-Type or `--charset`), `meta` (the page's
   * `<meta charset>` / `http-equiv`), `utf-16-pattern` (BOM-less UTF-16), `utf-8` (valid UTF-8
   * bytes) or `html-default` (an HTML page declaring nothing, read as windows-1252 like browsers do).
   */
  from: 'bom' | 'caller' | 'meta' | 'utf-16-pattern' | 'utf-8' | 'html-default'
}

function bomOf(bytes: Uint8Array): (typeof BOMS)[number] | null {
  return BOMS.find((bom) => bom.bytes.every((b, i) => bytes[i] === b)) ?? null
}

/** The charset an HTML document declares in its head, or null. */
export function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES))
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null
}

/** A TextDecoder for a label, or null when the label is unknown to WHATWG encoding. */
function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal })
  } catch {
    return null
  }
}

/** Offset of the first byte that is not valid UTF-8 (`fatal` decoding only says that one exists). */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return i
}

/**
 * windows-1252 characters for bytes 0x80-0x9F. WHATWG decodes latin1 labels as windows-1252, but
 * Node's decoder returns C1 controls there, so curly quotes and dashes would be lost.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const C1_CONTROLS = /[\u0080-\u009f]/g

function fixWindows1252(text: string): string {
  return text.replace(C1_CONTROLS, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** An HTML document's start, as a browser sniffs it before choosing its default encoding. */
const HTML_START = /^\s*(?:<!doctype html|<html\b|<head\b|<meta\b|<!--)/i

/**
 * UTF-16 without a BOM: ASCII text in UTF-16 has a zero in every other byte. Returns the
 * endianness when most of the first bytes show that pattern, else null.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), UTF16_SNIFF_BYTES)
  if (n < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  // A few characters of U+0100-U+01FF or CJK put a zero in the other place too; allow some.
  const stray = pairs * UTF16_STRAY_SHARE
  if (oddZeros >= pairs * 0.8 && evenZeros <= stray) return 'utf-16le'
  if (evenZeros >= pairs * 0.8 && oddZeros <= stray) return 'utf-16be'
  return null
}

/** Bytes looked at to tell BOM-less UTF-16. */
const UTF16_SNIFF_BYTES = 512
/** Share of code units allowed a zero byte in the unexpected place (non-Latin characters). */
const UTF16_STRAY_SHARE = 0.05

/**
 * A charset a page declares in its own ASCII bytes cannot be UTF-16 (whose ASCII has zero bytes):
 * browsers read such a declaration as UTF-8, and so do we.
 */
function asciiCompatible(label: string | null): string | null {
  return label && /^(?:utf-?16|ucs-?2|unicode)/.test(label) ? 'utf-8' : label
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/**
 * Decodes bytes to text. Order: BOM, `options.declared`, a charset declared in an HTML head,
 * BOM-less UTF-16 (zero bytes in every other place), strict UTF-8, and for an HTML page that
 * declares nothing, windows-1252 (the browsers' default). Throws `InputError('encoding')` when
 * plain text is not UTF-8 and no charset is declared. CRLF and CR become LF.
 * @example decodeBytes(bytes, { declared: 'windows-1252' }).text
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bomOf(bytes)
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length))
    return { text: normaliseNewlines(text), encoding: bom.encoding, from: 'bom' }
  }
  const declared = options.declared?.trim().toLowerCase() || asciiCompatible(sniffCharset(bytes))
  // A page's own <meta charset> is often stale (saved or re-encoded copies): bytes that are valid
  // UTF-8 beyond ASCII are UTF-8 whatever the meta says. A caller's charset is trusted as given.
  const metaOnly = !options.declared && declared !== null
  const utf8 = metaOnly && hasNonAscii(bytes) ? strictUtf8(bytes) : null
  if (utf8 !== null) return { text: normaliseNewlines(utf8), encoding: 'utf-8', from: 'utf-8' }
  const declaredDecoder = declared ? decoderFor(declared, false) : null
  if (declaredDecoder) {
    const decoded = declaredDecoder.decode(bytes)
    const text = declaredDecoder.encoding === 'windows-1252' ? fixWindows1252(decoded) : decoded
    return { text: normaliseNewlines(text), encoding: declaredDecoder.encoding, from: options.declared ? 'caller' : 'meta' }
  }
  const utf16 = sniffUtf16(bytes)
  if (utf16) return { text: normaliseNewlines(new TextDecoder(utf16).decode(bytes)), encoding: utf16, from: 'utf-16-pattern' }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { text: normaliseNewlines(text), encoding: 'utf-8', from: 'utf-8' }
  } catch (cause) {
    // An HTML page that declares nothing is read as browsers read it: windows-1252. Plain text
    // gets no such guess; the caller is asked for its charset instead.
    if (!declared && HTML_START.test(new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES)))) {
      const text = fixWindows1252(new TextDecoder('windows-1252').decode(bytes))
      return { text: normaliseNewlines(text), encoding: 'windows-1252', from: 'html-default' }
    }
    const at = firstBadUtf8Byte(bytes)
    const why = declared ? `charset "${declared}" is unknown` : 'no charset declared'
    throw new InputError('encoding', `not valid UTF-8 (first bad byte at offset ${at}) and ${why}`, undefined, { cause })
  }
}
