import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../errors.js'
import { extractArticle, type ExtractOptions } from './index.js'

/** windows-1252 / latin-1 bytes of an ASCII string with `{e}` for é (0xE9) and `{lq}`/`{rq}` for “ ” (0x93, 0x94). */
function cp1252(text: string): Uint8Array {
  const bytes: number[] = []
  for (const part of text.split(/(\{e\}|\{lq\}|\{rq\})/)) {
    if (part === '{e}') bytes.push(0xe9)
    else if (part === '{lq}') bytes.push(0x93)
    else if (part === '{rq}') bytes.push(0x94)
    else for (const c of part) bytes.push(c.charCodeAt(0))
  }
  return new Uint8Array(bytes)
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const body = order === 'le' ? le : Buffer.from(le).swap16()
  const mark = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  return new Uint8Array([...mark, ...body])
}

const SENTENCE = 'The caf{e} owner said the harbour was {lq}busier than ever{rq} this summer.'
const WANT = 'The café owner said the harbour was “busier than ever” this summer.'
const PLAIN = 'The café owner said the harbour was “busier than ever” this summer.\n\nShe said the new quay had brought more boats than she had seen in twenty years.'
const htmlPage = (head: string, paragraph: string): string =>
  `<!doctype html><html><head>${head}<title>Harbour</title></head><body><article><p>${paragraph}</p><p>${'The board will review the quay fees at its next meeting in the autumn. '.repeat(4)}</p></article></body></html>`

describe('encodings: bytes in, correct text out, the encoding recorded', () => {
  const cases: [name: string, bytes: Uint8Array, options: ExtractOptions, encoding: string, from: string][] = [
    ['meta charset latin-1 (read as windows-1252, as WHATWG says)', cp1252(htmlPage('<meta charset="iso-8859-1">', SENTENCE)), {}, 'windows-1252', 'meta'],
    ['meta charset windows-1252, curly quotes in 0x80-0x9F', cp1252(htmlPage('<meta charset="windows-1252">', SENTENCE)), {}, 'windows-1252', 'meta'],
    ['http-equiv Content-Type', cp1252(htmlPage('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', SENTENCE)), {}, 'windows-1252', 'meta'],
    ['the caller\'s charset (HTTP Content-Type) on plain text', cp1252(`${SENTENCE}\n\nShe said the new quay had brought more boats than she had seen in twenty years.`), { charset: 'ISO-8859-1' }, 'windows-1252', 'caller'],
    ['the caller\'s charset over a page\'s own meta', cp1252(htmlPage('<meta charset="utf-8">', SENTENCE)), { charset: 'windows-1252' }, 'windows-1252', 'caller'],
    ['UTF-16LE with BOM', utf16(PLAIN, 'le', true), {}, 'utf-16le', 'bom'],
    ['UTF-16BE with BOM', utf16(PLAIN, 'be', true), {}, 'utf-16be', 'bom'],
    ['UTF-16LE without BOM', utf16(PLAIN, 'le', false), {}, 'utf-16le', 'utf-16-pattern'],
    ['UTF-16BE without BOM', utf16(PLAIN, 'be', false), {}, 'utf-16be', 'utf-16-pattern'],
    ['UTF-16LE HTML page without BOM', utf16(htmlPage('', WANT), 'le', false), {}, 'utf-16le', 'utf-16-pattern'],
    ['a UTF-8 page declaring utf-16 in its ASCII head is UTF-8', new TextEncoder().encode(htmlPage('<meta charset="utf-16">', WANT)), {}, 'utf-8', 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PLAIN)]), {}, 'utf-8', 'bom'],
  ]
  for (const [name, bytes, options, encoding, from] of cases) {
    it(name, () => {
      const article = extractArticle({ source: { kind: 'text', path: 'x' }, bytes }, options)
      assert.ok(article.text.includes(WANT), article.text.slice(0, 120))
      assert.equal(article.encoding, encoding)
      assert.equal(article.provenance?.encoding, encoding)
      assert.equal(article.provenance?.encodingSource, from)
    })
  }

  it('plain text that is not UTF-8 and declares nothing keeps failing with the encoding error', () => {
    const bytes = cp1252(`${SENTENCE}\n\nMore text follows here.`)
    assert.throws(
      () => extractArticle({ source: { kind: 'text', path: 'latin.txt' }, bytes }),
      (error: unknown) => error instanceof InputError && error.code === 'encoding' && error.input === 'latin.txt',
    )
  })
})
