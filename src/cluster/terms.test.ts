import { test } from 'node:test'
import assert from 'node:assert/strict'
import { contentTerms, termsOf, words } from './terms.js'

// words() is a hand-written scanner standing in for /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu on the
// lowercased text (plus clitic removal); each row checks it against what that pattern gives.
const WORD_CASES: [name: string, text: string, expected: string[]][] = [
  ['ASCII words and numbers', 'The Ferry ran 3 trips, 40km each.', ['the', 'ferry', 'ran', '3', 'trips', '40km', 'each']],
  ['clitics dropped, inner apostrophes kept', "The mayor's office didn't say; O'Hara’s crew did.", ['the', 'mayor', 'office', 'didn', 'say', "o'hara", 'crew', 'did']],
  ['apostrophe before a digit ends the word', "rock'7 and '90s", ['rock', '7', 'and', '90s']],
  ['quote marks around words are not part of them', "'stay calm,' she said", ['stay', 'calm', 'she', 'said']],
  ['accented Latin letters', 'Café Müller in Łódź', ['café', 'müller', 'in', 'łódź']],
  ['Cyrillic and CJK', 'Привет, мир! 東京駅', ['привет', 'мир', '東京駅']],
  ['non-ASCII digits are numbers', 'Room ١٢٣ and ½ cup', ['room', '١٢٣', 'and', '½', 'cup']],
  ['astral letters and emoji', 'See 𝐀𝐁 😀smile', ['see', '𝐀𝐁', 'smile']],
  ['lone surrogates are not letters', 'ab\uD800cd \uDC00ef', ['ab', 'cd', 'ef']],
  ['curly apostrophe clitic', 'the council’ll vote', ['the', 'council', 'vote']],
]

for (const [name, text, expected] of WORD_CASES) {
  test(`words: ${name}`, () => {
    assert.deepEqual(words(text), expected)
  })
}

test('termsOf over words gives the same terms as contentTerms over the text', () => {
  const text = "The harbour pilots' union said ferries were grounded near Kessick Point on Tuesday."
  assert.deepEqual(termsOf(words(text)), contentTerms(text))
  assert.deepEqual(contentTerms(text), ['harbour', 'pilot', 'union', 'ferry', 'grounded', 'near', 'kessick', 'point'])
})
