import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datelineLength, editorialLabelLength, foldCase, inEditorsNotice, nameWordEnd, nextNameWordStart, whitespaceFields, wordSpans, wordTokens } from './tokens.js'

// The scanner stands in for this pattern; every row is checked against it as well as against the words we expect.
const PATTERN = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu

const CASES: [name: string, text: string, expected: string[]][] = [
  ['ASCII words and numbers', 'The Ferry ran 3 trips, 40km each.', ['the', 'ferry', 'ran', '3', 'trips', '40km', 'each']],
  ['apostrophes inside words are kept, one or several', "O'Hara’s crew didn't play rock'n'roll", ["o'hara’s", 'crew', "didn't", 'play', "rock'n'roll"]],
  ['an apostrophe before a digit or at the end ends the word', "rock'7 and '90s, the players' union", ['rock', '7', 'and', '90s', 'the', 'players', 'union']],
  ['hyphens and dots split words', 'a two-hour cease-fire in the U.S.', ['a', 'two', 'hour', 'cease', 'fire', 'in', 'the', 'u', 's']],
  ['accented Latin, Cyrillic and CJK', 'Café Müller, Привет 東京駅', ['café', 'müller', 'привет', '東京駅']],
  ['astral letters count, emoji do not', 'See 𝐀𝐁 😀smile', ['see', '𝐀𝐁', 'smile']],
]

for (const [name, text, expected] of CASES) {
  test(`wordTokens: ${name}`, () => {
    assert.deepEqual(wordTokens(text), expected)
    assert.deepEqual(wordTokens(text), (text.toLowerCase().match(PATTERN) ?? []).map(String))
  })
}

test('wordSpans gives each word where it is written, case kept', () => {
  const text = '“Talks,” said Yury Ushakov’s aide.'
  const spans = wordSpans(text)
  assert.deepEqual(spans.map(([s, e]) => text.slice(s, e)), ['Talks', 'said', 'Yury', 'Ushakov’s', 'aide'])
  assert.deepEqual(spans[0], [1, 6])
})

test('foldCase lowercases and drops diacritics, and leaves transliteration alone', () => {
  assert.equal(foldCase('Müller in ŁÓDŹ'), 'muller in łodz')
  assert.equal(foldCase('Zelenskyy'), 'zelenskyy')
  assert.equal(foldCase('José'), 'jose')
})

test('name-shaped words keep inner hyphens, apostrophes, acronym dots and number separators', () => {
  const text = "Ramos-Horta met O’Neill in the U.S. at 10:30 for 1,200 people; 東京 ''Remain''."
  const words: string[] = []
  for (let at = nextNameWordStart(text, 0); at < text.length; ) {
    const end = nameWordEnd(text, at)
    words.push(text.slice(at, end))
    at = nextNameWordStart(text, end)
  }
  assert.deepEqual(words, ['Ramos-Horta', 'met', 'O’Neill', 'in', 'the', 'U.S.', 'at', '10:30', 'for', '1,200', 'people', 'Remain'])
})

test('datelineLength: a place (and agency) before a dash leads a story; a subject set off by dashes does not', () => {
  const cases: [string, string][] = [
    ['PORT MARAVEL — The ferry ran aground.', 'PORT MARAVEL — '],
    ['Moscow — Talks ended late.', 'Moscow — '],
    ['WASHINGTON ― The Senate voted on Tuesday.', 'WASHINGTON ― '],
    ['HARLOW BAY (Coast Wire) - Tugs came.', 'HARLOW BAY (Coast Wire) - '],
    ['Captain Ole Berg — the ferry ran aground on his watch — resigned.', ''],
    ['Trump — facing pressure — said no.', ''],
    ['The ferry ran aground on Tuesday.', ''],
    ['HARLOW BAY — $2 million in repairs was approved.', 'HARLOW BAY — '],
    ['PORT RELL — « Nous restons », said the crew.', 'PORT RELL — '],
  ]
  for (const [sentence, dateline] of cases) assert.equal(sentence.slice(0, datelineLength(sentence)), dateline, sentence)
})

test('whitespaceFields counts the pieces split(/\\s+/) gives, without making them', () => {
  for (const text of ['', ' ', 'one', 'Talks  ended on Friday.', ' leading and trailing ', 'tab\tand\nnew line\r\n', 'a\u00a0b\u2003c\u3000d\ufeffe\u2028f']) {
    assert.equal(whitespaceFields(text), text.split(/\s+/).length, JSON.stringify(text))
  }
  // Every UTF-16 code unit, alone and between words: white space exactly as the regex class reads it.
  for (let c = 0; c < 0x10000; c++) {
    const text = `a${String.fromCharCode(c)}b`
    assert.equal(whitespaceFields(text), text.split(/\s+/).length, `U+${c.toString(16)}`)
  }
})

test('editorialLabelLength: an editor\'s label opening a sentence, with its time; a word that only starts like one is none', () => {
  assert.equal(editorialLabelLength('UPDATE: 4:10 p.m. -- The council met.'), 'UPDATE: 4:10 p.m. -- '.length)
  assert.equal(editorialLabelLength('Updated: The council met.'), 'Updated: '.length)
  assert.equal(editorialLabelLength("Editor's note: This story was changed."), "Editor's note: ".length)
  assert.equal(editorialLabelLength('Updates to the law passed on Monday.'), 0)
  assert.equal(editorialLabelLength('Update 2: The council met.'), 'Update 2: '.length)
  assert.equal(editorialLabelLength('UPDATE 7:19 PM ET: The council met.'), 'UPDATE 7:19 PM ET: '.length)
  assert.equal(editorialLabelLength('Updated at 7:19 p.m.: The council met.'), 'Updated at 7:19 p.m.: '.length)
  assert.equal(editorialLabelLength("Editors' Note: The council met."), "Editors' Note: ".length)
  assert.equal(editorialLabelLength('Correction officers said: no.'), 0)
  assert.equal(editorialLabelLength('Update on the talks: none so far.'), 0)
})

test('inEditorsNotice: a paragraph opened by a correction or an editor\'s note, not an update', () => {
  const text = 'The pier closed.\n\nCorrection: An earlier version gave the wrong month. It was June.\n\nUPDATE: The pier reopened.'
  assert.equal(inEditorsNotice(text, text.indexOf('It was June')), true)
  assert.equal(inEditorsNotice(text, text.indexOf('The pier closed')), false)
  assert.equal(inEditorsNotice(text, text.indexOf('The pier reopened')), false)
  // On one line, the story after a dateline is no part of the note before it.
  const line = "Editor's note: This story is part of a series. PORT MARAVEL (AP) — The pier closed on Friday. It reopens in June."
  assert.equal(inEditorsNotice(line, line.indexOf('This story')), true)
  assert.equal(inEditorsNotice(line, line.indexOf('PORT MARAVEL')), false)
  assert.equal(inEditorsNotice(line, line.indexOf('It reopens')), false)
})
