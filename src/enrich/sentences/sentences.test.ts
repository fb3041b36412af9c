import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadSeeds } from '../../../test/helpers/shared.js'
import { splitSentences } from './index.js'

const split = (text: string): string[] => splitSentences(text).map(([s, e]) => text.slice(s, e))

const cases: [name: string, text: string, expected: string[]][] = [
  ['plain', 'The talks ended. Both sides left.', ['The talks ended.', 'Both sides left.']],
  ['U.S. before a title', 'U.S. President Donald Trump spoke. He left.', ['U.S. President Donald Trump spoke.', 'He left.']],
  ['U.S. before a deputy’s title', 'The charges were announced by U.S. Deputy Attorney General Ana Roe on Friday. He left.', ['The charges were announced by U.S. Deputy Attorney General Ana Roe on Friday.', 'He left.']],
  ['U.S. at the end', 'He met envoys from the U.S. Witkoff flew home.', ['He met envoys from the U.S.', 'Witkoff flew home.']],
  ['U.S. before a body named after it', 'He cited the U.S. Conference of Mayors and the U.S. Chamber of Commerce. He left.', ['He cited the U.S. Conference of Mayors and the U.S. Chamber of Commerce.', 'He left.']],
  ['U.S. before such a word that names no body', 'He flew to the U.S. Immigration officials met him.', ['He flew to the U.S.', 'Immigration officials met him.']],
  ['U.S. before a body named with "and"', 'Agents of U.S. Immigration and Customs Enforcement came. He left.', ['Agents of U.S. Immigration and Customs Enforcement came.', 'He left.']],
  ['U.S. before an adjective', 'The U.S. Catholic bishops wrote to him. He left.', ['The U.S. Catholic bishops wrote to him.', 'He left.']],
  ['a.m. before such a word', 'The session began at 9 a.m. Council members debated for hours.', ['The session began at 9 a.m.', 'Council members debated for hours.']],
  ['U.K. lowercase after', 'The U.K. government agreed.', ['The U.K. government agreed.']],
  ['titles', 'Sen. Smith and Gov. Jones met Dr. Brown and Mr. Lee.', ['Sen. Smith and Gov. Jones met Dr. Brown and Mr. Lee.']],
  ['month abbreviation', 'It happened on Aug. 6, 2025. Then more.', ['It happened on Aug. 6, 2025.', 'Then more.']],
  ['initials', 'J. D. Vance spoke. He left.', ['J. D. Vance spoke.', 'He left.']],
  ['dotted initials before a name', '“We won,” said J.M. Talbot, a fellow. He left.', ['“We won,” said J.M. Talbot, a fellow.', 'He left.']],
  ['dotted initials, then a sentence start', 'It was signed by A.B. Then talks resumed.', ['It was signed by A.B.', 'Then talks resumed.']],
  ['a state abbreviation after a comma ends the sentence', 'They met in Concord, N.C. Talbot spoke.', ['They met in Concord, N.C.', 'Talbot spoke.']],
  ['a state abbreviation before a title is the title’s state', 'TUCSON — Ariz. Gov. Ada Quist signed it. Wash. Sen. Tom Pell agreed.', ['TUCSON — Ariz. Gov. Ada Quist signed it.', 'Wash. Sen. Tom Pell agreed.']],
  ['a party tag ends the sentence before a title', 'It was filed by Rep. Ada Quist, R-Ariz. Sen. Tom Pell opposed it.', ['It was filed by Rep. Ada Quist, R-Ariz.', 'Sen. Tom Pell opposed it.']],
  ['an abbreviation that is also a word ends the sentence before a title', 'The mayor attended Mass. Gov. Ada Quist was there too.', ['The mayor attended Mass.', 'Gov. Ada Quist was there too.']],
  ['a state after a place, then a title, may still end the sentence', 'She grew up in Mesa, Ariz. Gov. Ada Quist was her teacher.', ['She grew up in Mesa, Ariz.', 'Gov. Ada Quist was her teacher.']],
  ['Jr. and Inc. mid-sentence', 'Martin Luther King Jr. said it. Acme Inc. agreed.', ['Martin Luther King Jr. said it.', 'Acme Inc. agreed.']],
  ['No.', 'He is ranked No. 1 in the world.', ['He is ranked No. 1 in the world.']],
  ['decimals and money', 'The deal is worth $1.5 billion. It passed.', ['The deal is worth $1.5 billion.', 'It passed.']],
  ['a.m./p.m.', 'They met at 10 a.m. on Friday. It ended at 5 p.m. The talks failed.', ['They met at 10 a.m. on Friday.', 'It ended at 5 p.m.', 'The talks failed.']],
  ['quote ends a sentence', 'He said, “We won.” Then he left.', ['He said, “We won.”', 'Then he left.']],
  ['straight quote ends', 'She said "no." They left.', ['She said "no."', 'They left.']],
  ['question in quotes', '“Why now?” The answer came later.', ['“Why now?”', 'The answer came later.']],
  ['exclamation then attribution', '“We won!” Smith said on Monday. Later more.', ['“We won!” Smith said on Monday.', 'Later more.']],
  ['exclamation then pronoun attribution', '“Go home!” he said.', ['“Go home!” he said.']],
  ['exclamation then a name with a party label', '“We won!” Rep. Ada Quist, D-Ore., said of it. Later more.', ['“We won!” Rep. Ada Quist, D-Ore., said of it.', 'Later more.']],
  ['question then a name with an appositive', '“Why now?” Tom Pell, a retired pilot, asks. Later more.', ['“Why now?” Tom Pell, a retired pilot, asks.', 'Later more.']],
  ['question then a name and "remarked"', '“Is it true?” Tom Pell remarked, smiling. Later more.', ['“Is it true?” Tom Pell remarked, smiling.', 'Later more.']],
  ['question then a sentence with commas that is no attribution', '“Why now?” Tom Pell, the pilot, and his wife left. Later more.', ['“Why now?”', 'Tom Pell, the pilot, and his wife left.', 'Later more.']],
  ['ellipsis then capital', 'We waited … Nothing came.', ['We waited …', 'Nothing came.']],
  ['three dots then capital', 'We waited... Nothing came.', ['We waited...', 'Nothing came.']],
  ['ellipsis inside, lowercase', 'It was … fine, really.', ['It was … fine, really.']],
  ['dashes do not split', 'The visit — his fifth — ended. Next.', ['The visit — his fifth — ended.', 'Next.']],
  ['line break always ends', 'Why It Matters\nThe talks ended', ['Why It Matters', 'The talks ended']],
  ['paragraph break', 'First part\n\nSecond part.', ['First part', 'Second part.']],
  ['quote over two sentences', '“We met. It went well,” he said.', ['“We met.', 'It went well,” he said.']],
  ['trimmed', '   Padded sentence.   ', ['Padded sentence.']],
]

for (const [name, text, expected] of cases) {
  test(`splitSentences: ${name}`, () => {
    assert.deepEqual(split(text), expected)
  })
}

test('splitSentences: spans are trimmed, ordered and non-overlapping on every seed', () => {
  for (const seed of loadSeeds()) {
    const spans = splitSentences(seed.text)
    assert.ok(spans.length > 10, seed.name)
    let last = 0
    for (const [s, e] of spans) {
      assert.ok(s >= last && e > s, `${seed.name}: bad span ${s}-${e}`)
      assert.equal(seed.text.slice(s, e).trim(), seed.text.slice(s, e))
      last = e
    }
  }
})

test('splitSentences: keeps a seed quote and its Truth Social attribution together', () => {
  const seed = loadSeeds().find((s) => s.text.includes('made!” Trump said on Truth Social.'))!
  const sentences = split(seed.text)
  assert.ok(sentences.some((s) => s.startsWith('“Great progress was made!”') && s.endsWith('Trump said on Truth Social.')))
})

test('splitSentences: "posted a photo to X." followed by a quote splits there', () => {
  assert.deepEqual(split('He said it in a post on X. “Just cruelty.”'), ['He said it in a post on X.', '“Just cruelty.”'])
})

test('splitSentences: initials after a title abbreviation are part of the name', () => {
  assert.deepEqual(split('“A sad day,” said Rep. G.K. Barrow today. Then he left.'), ['“A sad day,” said Rep. G.K. Barrow today.', 'Then he left.'])
  assert.deepEqual(split('He flew to the U.S. Then he left.'), ['He flew to the U.S.', 'Then he left.'])
})

test('splitSentences: a word with letters beyond ASCII before a full stop is read whole', () => {
  // "Peña." ends a sentence; "Á." is an initial before a surname, so it does not.
  assert.deepEqual(splitSentences('He met Sr. Peña. She left.'), [[0, 16], [17, 26]])
  assert.deepEqual(splitSentences('It was signed by Á. Kovács yesterday.'), [[0, 37]])
})
