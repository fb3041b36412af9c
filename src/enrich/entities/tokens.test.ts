import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadSeeds } from '../../../test/helpers/shared.js'
import { splitSentences } from '../sentences/index.js'
import { tokenize } from './tokens.js'

const words = (text: string): string[] => tokenize(text, splitSentences(text)).map((t) => t.text)

const CASES: [text: string, expected: string[]][] = [
  ['U.S. officials met in Washington.', ['U.S.', 'officials', 'met', 'in', 'Washington']],
  ['Robert P. Casey Jr. spoke.', ['Robert', 'P.', 'Casey', 'Jr.', 'spoke']],
  ['St. Mary’s Hospital', ['St.', 'Mary', 'Hospital']],
  ['José Álvarez met Σωκράτης and Владимир.', ['José', 'Álvarez', 'met', 'Σωκράτης', 'and', 'Владимир']],
  // A combining accent stays in its word; × and ÷ are not letters.
  ['Zoe\u0301 left; a×b÷c', ['Zoe\u0301', 'left', 'a', 'b', 'c']],
  ['the well-known don’t pre- and post-war', ['the', 'well-known', 'don’t', 'pre', 'and', 'post-war']],
  // Digits do not continue a word: "A380" is a letter and a number.
  ['It rose 1,200.5 points; the A380 flew.', ['It', 'rose', '1,200.5', 'points', 'the', 'A', '380', 'flew']],
]

test('tokenize: words, acronyms, initials, abbreviations, scripts and numbers', () => {
  for (const [text, expected] of CASES) assert.deepEqual(words(text), expected, text)
})

test('tokenize: possessive endings are kept in the surface, not in the word', () => {
  const [mary] = tokenize('Mary’s car', [[0, 10]])
  assert.deepEqual([mary.text, mary.surface, mary.possessive, mary.cap], ['Mary', 'Mary’s', true, true])
  const [bosses] = tokenize("the bosses' plan", [[0, 16]]).slice(1)
  assert.deepEqual([bosses.text, bosses.surface, bosses.possessive], ['bosses', "bosses'", true])
  const [plural] = tokenize('Talks ended', [[0, 11]])
  assert.equal(plural.possessive, false)
})

// The pattern the scanner implements: Latin/Greek/Cyrillic letters as ranges, dotted acronyms first.
const L = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1FFF'
const WORD = new RegExp(`(?:[${L}]\\.){2,}|[${L}][${L}\\u0300-\\u036F'’-]*|[0-9][0-9.,:]*`, 'g')

test('tokenize: on every seed, tokens start where the word pattern matches and their text is in the text', () => {
  for (const seed of loadSeeds()) {
    const tokens = tokenize(seed.text, splitSentences(seed.text))
    assert.deepEqual(tokens.map((t) => t.start), [...seed.text.matchAll(WORD)].map((m) => m.index), seed.name)
    for (const t of tokens) assert.equal(seed.text.slice(t.start, t.end), t.text)
  }
})

test('tokenize: a doubled apostrophe is a quotation mark, not part of the word before it', () => {
  const text = "The ''Remain'' camp lost."
  const words = tokenize(text, [[0, text.length]]).map((t) => t.text)
  assert.deepEqual(words, ['The', 'Remain', 'camp', 'lost'])
})
