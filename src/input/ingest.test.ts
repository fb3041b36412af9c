import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../errors.js'
import { decodeBytes, sniffCharset } from './decode.js'
import { detectKind } from './detect.js'
import { assertWithinSize, DEFAULT_LIMITS, pageDeadline } from './limits.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function inputError(code: string, message?: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`)
    assert.equal(error.code, code)
    if (message) assert.match(error.message, message)
    return true
  }
}

describe('detectKind', () => {
  const cases: [string, string, 'html' | 'text'][] = [
    ['doctype', '<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'html'],
    ['html tag after a comment', '<!-- saved page -->\n<html lang="en"><p>x</p></html>', 'html'],
    ['fragment with block tags (a .txt holding HTML)', 'Intro\n<div class="story"><p>One.</p><p>Two.</p></div>', 'html'],
    ['scraped prose', 'Skip to Content\n\nPutin met Witkoff in Moscow on Wednesday.\nTrump said progress was made.', 'text'],
    ['prose with one caption tag', 'Credit line\n<i>Name/AP</i><br/>A caption here\nBody sentence.', 'text'],
    ['prose holding two scripts', 'A plain report.\n\n<script>alert(1)</script>\n\nIt went on.\n\n<script>alert(2)</script>\n\nThe end.', 'text'],
  ]
  for (const [name, input, expected] of cases) {
    it(`${name} -> ${expected}`, () => assert.equal(detectKind(utf8(input)), expected))
  }

  it('throws empty for no bytes and for whitespace only', () => {
    assert.throws(() => detectKind(new Uint8Array()), inputError('empty'))
    assert.throws(() => detectKind(utf8(' \n\t\r\n  ')), inputError('empty'))
  })

  it('throws binary for magic numbers, NUL bytes and control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    assert.throws(() => detectKind(png), inputError('binary', /PNG/))
    assert.throws(() => detectKind(utf8('%PDF-1.7\n%âãÏÓ')), inputError('binary', /PDF/))
    assert.throws(() => detectKind(new Uint8Array([0x1f, 0x8b, 8, 0])), inputError('binary', /gzip/))
    assert.throws(() => detectKind(utf8('plain text\u0000with a NUL')), inputError('binary', /NUL/))
    const noisy = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41))
    assert.throws(() => detectKind(noisy), inputError('binary', /control/))
  })

  it('accepts UTF-16 with a BOM (its NUL bytes are not binary)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><body>hi</body></html>', 'utf16le')])
    assert.equal(detectKind(bytes), 'html')
  })
})

describe('decodeBytes', () => {
  it('decodes strict UTF-8 and normalises CRLF and CR to LF', () => {
    const { text, encoding } = decodeBytes(utf8('Kottasová said “yes”.\r\nNext line.\rLast.'))
    assert.equal(text, 'Kottasová said “yes”.\nNext line.\nLast.')
    assert.equal(encoding, 'utf-8')
  })

  it('strips a UTF-8 BOM and decodes UTF-16 LE and BE by BOM', () => {
    assert.equal(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi')])).text, 'Hi')
    const le = decodeBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from('Zelensky — “peace”', 'utf16le')]))
    assert.deepEqual(le, { text: 'Zelensky — “peace”', encoding: 'utf-16le', from: 'bom' })
    const be = Buffer.from('Witkoff\r\n', 'utf16le').swap16()
    assert.deepEqual(decodeBytes(new Uint8Array([0xfe, 0xff, ...be])), { text: 'Witkoff\n', encoding: 'utf-16be', from: 'bom' })
  })

  it('uses a meta charset declared in the head (windows-1252)', () => {
    const head = utf8('<html><head><meta charset="windows-1252"></head><body><p>')
    // 0x93/0x94 are curly quotes and 0xE9 is é in windows-1252, and invalid as UTF-8.
    const body = new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94])
    const bytes = new Uint8Array([...head, ...body, ...utf8('</p></body></html>')])
    assert.equal(sniffCharset(bytes), 'windows-1252')
    const { text, encoding } = decodeBytes(bytes)
    assert.match(text, /<p>“Café”<\/p>/)
    assert.equal(encoding, 'windows-1252')
  })

  it('prefers valid UTF-8 over a stale meta charset, but not over the caller', () => {
    const bytes = utf8('<meta charset="gb2312"><title>Café “news”</title>')
    assert.deepEqual(decodeBytes(bytes), { text: '<meta charset="gb2312"><title>Café “news”</title>', encoding: 'utf-8', from: 'utf-8' })
    assert.equal(decodeBytes(utf8('café'), { declared: 'windows-1252' }).text, 'cafÃ©')
  })

  it('uses an http-equiv charset and a charset declared by the caller', () => {
    const page = new Uint8Array([...utf8('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>'), 0xe9])
    assert.match(decodeBytes(page).text, /<p>é$/)
    assert.equal(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { declared: 'latin1' }).text, 'café')
  })

  it('throws encoding with the offset of the first bad byte when nothing is declared', () => {
    const bytes = new Uint8Array([...utf8('abc'), 0xff, ...utf8('def')])
    assert.throws(
      () => decodeBytes(bytes),
      inputError('encoding', /^not valid UTF-8 \(first bad byte at offset 3\) and no charset declared$/),
    )
  })
})

describe('limits', () => {
  it('has the documented defaults', () => {
    assert.deepEqual({ ...DEFAULT_LIMITS }, { maxBytes: 10 * 1024 * 1024, maxElements: 50_000, maxDepth: 512, maxPageMillis: 5_000 })
  })

  it('a page deadline throws limit, naming the stage, once its time is spent', () => {
    let clock = 0
    const deadline = pageDeadline({ maxPageMillis: 100 }, () => clock)
    clock = 100
    deadline.check('parsing') // exactly at the limit is still within it
    clock = 101
    assert.throws(() => deadline.check('Readability'), inputError('limit', /^page took over 100 ms \(maxPageMillis\) by the end of Readability$/))
  })

  it('throws too-large naming the size and the limit', () => {
    const big = new Uint8Array(50 * 1024 * 1024)
    assert.throws(() => assertWithinSize(big), inputError('too-large', /^input is 50\.0 MB; the limit is 10 MB \(--max-bytes\)$/))
    assert.doesNotThrow(() => assertWithinSize(new Uint8Array(10), { maxBytes: 10 }))
    assert.throws(() => assertWithinSize(new Uint8Array(11), { maxBytes: 10 }), inputError('too-large', /input is 11 bytes; the limit is 10 bytes/))
    assert.throws(() => assertWithinSize(new Uint8Array(3072), { maxBytes: 2048 }), inputError('too-large', /input is 3\.0 KB; the limit is 2 KB/))
  })
})

describe('decodeBytes sniffing', () => {
  it('reads BOM-less UTF-16 by its zero bytes, in either byte order', () => {
    const text = 'Witkoff met Putin.'
    const le = new Uint8Array(Buffer.from(text, 'utf16le'))
    const be = new Uint8Array(le.length)
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]]
    assert.deepEqual(decodeBytes(le), { text, encoding: 'utf-16le', from: 'utf-16-pattern' })
    assert.deepEqual(decodeBytes(be), { text, encoding: 'utf-16be', from: 'utf-16-pattern' })
  })

  it('reads an undeclared non-UTF-8 HTML page as windows-1252, as browsers do', () => {
    // "Café “news”" in windows-1252: é = 0xE9, curly quotes = 0x93 / 0x94.
    const bytes = new Uint8Array([...Buffer.from('<html><p>Caf'), 0xe9, 0x20, 0x93, ...Buffer.from('news'), 0x94, ...Buffer.from('</p>')])
    assert.deepEqual(decodeBytes(bytes), { text: '<html><p>Café “news”</p>', encoding: 'windows-1252', from: 'html-default' })
  })
})
