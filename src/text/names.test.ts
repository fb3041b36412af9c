import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expandAbbreviations, foldToken, mentionsKey, mentionsName, nameKey, nicknameName, normalizeName, sameName } from './names.js'

test('normalizeName folds case, diacritics, possessives and punctuation', () => {
  const cases: [string, string][] = [
    ['Volodymyr Zelensky', 'volodymyr zelensky'],
    ['José Ramos-Horta', 'jose ramos horta'],
    ['Trump’s', 'trump'],
    ["O'Brien", 'obrien'],
    ['  Marco   RUBIO. ', 'marco rubio'],
    ['U.S.', 'us'],
    ['U.S.A.', 'usa'],
  ]
  for (const [input, expected] of cases) assert.equal(normalizeName(input), expected, input)
})

test('foldToken gives one skeleton for transliteration variants', () => {
  assert.equal(foldToken('zelenskyy'), foldToken('zelenskiy'))
  assert.equal(foldToken('aleksei'), foldToken('alexei'))
  assert.equal(foldToken('khodorkovsky'), foldToken('hodorkovski'))
})

test('sameName merges spelling and transliteration variants and keeps different people apart', () => {
  const cases: [string, string, boolean][] = [
    ['Zelensky', 'Zelenskyy', true],
    ['Zelensky', 'Zelenskiy', true],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', true],
    ['Yuri Ushakov', 'Yury Ushakov', true],
    ['Dmitry Peskov', 'Dmitri Peskov', true],
    ['Alexei Navalny', 'Aleksei Navalny', true],
    ['Aleksandr Lukashenko', 'Alexander Lukashenko', true],
    ['Steve Witkoff', 'Steve Witkof', true],
    ['Vladimir V. Putin', 'Vladimir Putin', true],
    ['Martin Luther King Jr.', 'Martin Luther King', true],
    // two letters swapped, the commonest misspelling of a name
    ['Tomas Wierzbicki', 'Tomas Weirzbicki', true],
    ['Harold Pellman', 'Harold Pellamn', true],
    // different people
    ['Donald Trump', 'Melania Trump', false],
    ['Marco Rubio', 'Mario Rubio', false],
    ['Ivan Ivanov', 'Ivan Ivanova', false],
    ['Olena Zelenska', 'Volodymyr Zelensky', false],
    ['Sergei Lavrov', 'Sergei Ryabkov', false],
    // a swap in a short name makes another name
    ['Mark Olsen', 'Mark Olesn', false],
    ['Anna Berg', 'Anna Breg', false],
    // a given name with two letters swapped is another name
    ['Kristen Bell', 'Kirsten Bell', false],
    // a surname alone is not the full name
    ['Rubio', 'Marco Rubio', false],
  ]
  for (const [a, b, expected] of cases) assert.equal(sameName(a, b), expected, `${a} / ${b}`)
})

test('foldToken: tokens no fold applies to come back unchanged, the others fully folded', () => {
  const cases: [token: string, expected: string][] = [
    ['marta', 'marta'],
    ['lavrov', 'lavrov'],
    ['khodorkovsky', 'hodorkovski'],
    ['wolff', 'volv'],
    ['sergeev', 'sergev'],
    ['philipp', 'filip'],
  ]
  for (const [token, expected] of cases) assert.equal(foldToken(token), expected, token)
})

test('normalizeName gives the same answer on repeated calls (memoised)', () => {
  for (let i = 0; i < 3; i++) assert.equal(normalizeName('Ana-María Ölander’s'), 'ana maria olander')
})

test('mentionsName finds a body named inside a role, and nothing else', () => {
  const cases: [text: string, name: string, expected: boolean][] = [
    ['Kremlin aide', 'Kremlin', true],
    ['Kremlin aide Yury Ushakov', 'the Kremlin', true],
    ["the Kremlin's spokesman", 'Kremlin', true],
    ['Foreign Ministry spokeswoman', 'the Foreign Ministry', true],
    ['Putin’s foreign policy adviser', 'Kremlin', false],
    ['Foreign Ministry spokeswoman', 'Kremlin', false],
    ['ministry official', 'Foreign Ministry', false],
    ['the spokesman', 'the', false],
  ]
  for (const [text, name, expected] of cases) assert.equal(mentionsName(text, name), expected, `${text} / ${name}`)
})

test('sameName: familiar forms of a given name and a quoted nickname are one name; different given names are not', () => {
  const cases: [string, string, boolean][] = [
    ['Jim Mattis', 'James Mattis', true],
    ['James “Mad Dog” Mattis', 'Jim Mattis', true],
    ['Chuck Schumer', 'Charles Schumer', true],
    ['Bill Kristol', 'William Kristol', true],
    ['Bob Etheridge', 'Robert Etheridge', true],
    ['Liz Cheney', 'Elizabeth Cheney', true],
    ['Ted Cruz', 'Edward Cruz', true],
    ['Ted Cruz', 'Theodore Cruz', true],
    // different people
    ['James Mattis', 'John Mattis', false],
    ['Chuck Schumer', 'Charlie Baker', false],
    ['Bill Kristol', 'Robert Kristol', false],
    ['Jim', 'James', false],
  ]
  for (const [a, b, expected] of cases) assert.equal(sameName(a, b), expected, `${a} / ${b}`)
  assert.equal(normalizeName('James "Mad Dog" Mattis'), 'james mattis')
})

test('nameKey: one key for a person by surname, whole names for the rest, spelled as normalizeName spells them', () => {
  const cases: [name: string, type: string | undefined, key: string][] = [
    ['Vladimir Putin', 'person', 'putin'],
    ['Putin', 'person', 'putin'],
    ['President Putin’s', 'person', 'putin'],
    ['Müller', 'person', 'muller'],
    ['U.S.', 'place', 'us'],
    ['White House', 'organization', 'white house'],
    ['  White   House ', undefined, 'white house'],
  ]
  for (const [name, type, key] of cases) assert.equal(nameKey(name, type), key, `${name} (${type})`)
})

test('nameKey: a person by surname whatever the given name, initials or suffix; a body and its acronym as one', () => {
  const cases: [a: string, typeA: string, b: string, typeB: string, same: boolean][] = [
    ['Robert F. Bauer', 'person', 'Counsel Bob Bauer', 'person', true],
    ['Jim Tallow', 'person', 'James “Mad Dog” Tallow', 'person', true],
    ['Chuck Rendell', 'person', 'Charles E. Rendell Jr.', 'person', true],
    ['Democratic National Committee', 'organization', 'DNC', 'organization', true],
    ['the Republican National Committee', 'organization', 'R.N.C.', 'organization', true],
    ['Environmental Protection Agency', 'organization', 'EPA', 'organization', true],
    ['Federal Bureau of Investigation', 'organization', 'F.B.I.', 'organization', true],
    ['Republican Party', 'organization', 'GOP', 'organization', true],
    ['United States', 'place', 'U.S.', 'place', true],
    ['Calif.', 'other', 'California', 'place', true],
    ['N.Y.', 'other', 'New York', 'place', true],
    ['Democratic National Committee', 'organization', 'RNC', 'organization', false],
    // Two-word names keep their words: "SB" is a bill, not the Super Bowl.
    ['Super Bowl', 'other', 'SB', 'organization', false],
    ['Group of 20 Nations', 'organization', 'GN', 'organization', false],
    ['Ann Tallow', 'person', 'Ann Rendell', 'person', false],
    // A party tag describes the politician beside it; "LA" is Los Angeles.
    ['R-Calif.', 'other', 'California', 'place', false],
    ['LA', 'place', 'Louisiana', 'place', false],
  ]
  for (const [a, ta, b, tb, same] of cases) assert.equal(nameKey(a, ta) === nameKey(b, tb), same, `${a} / ${b}`)
  assert.equal(nameKey('Martin Luther King Jr.', 'person'), 'king')
  assert.equal(nameKey('Super Bowl', 'other'), 'super bowl')
})

test('expandAbbreviations writes out titles and state abbreviations, and nothing else that ends in a full stop', () => {
  const cases: [string, string][] = [
    ['Rep. Ann Tallow, R-Calif., said', 'Representative Ann Tallow, R-California, said'],
    ['Sen. Bo Rendell (D-N.Y.) and Gov. Kim Pell of Ariz. met', 'Senator Bo Rendell (D-New York) and Governor Kim Pell of Arizona met'],
    ['Lt. Gen. Ray Doe spoke in Charleston, W.Va.', 'Lieutenant General Ray Doe spoke in Charleston, West Virginia'],
    // "Ms." and "Miss." are titles of their own; "Co." is a company; a word ending a sentence stays.
    ['Ms. Pell met Miss. Doe at Smith & Co. on Monday. Then she left.', 'Ms. Pell met Miss. Doe at Smith & Co. on Monday. Then she left.'],
  ]
  for (const [input, expected] of cases) assert.equal(expandAbbreviations(input), expected, input)
})

test('a place word abbreviated before a name is the word ("Ft. Myers" is Fort Myers), wherever it stands, but after a number', () => {
  const cases: [string, string][] = [
    ['The ads air in Ft. Myers and Mt. Vernon.', 'The ads air in Fort Myers and Mount Vernon.'],
    ['In St. Cloud, the mayor spoke.', 'In Saint Cloud, the mayor spoke.'],
    // After a capitalised word or a sentence's end, as anywhere: one name reads alike in every outlet.
    ['The ad ran in Florida. Ft. Myers viewers saw it in Port St. Lucie too.', 'The ad ran in Florida. Fort Myers viewers saw it in Port Saint Lucie too.'],
    // A numbered street and a measure stay as written; so does "ft." in lower case and an abbreviation before no name.
    ['Police closed 5th St. Tuesday and 100 Main St. Wednesday.', 'Police closed 5th St. Tuesday and 100 Main St. Wednesday.'],
    ['Border Wall Will Be 30 Ft. Tall', 'Border Wall Will Be 30 Ft. Tall'],
    ['The wall is 12 ft. high on Elm St. near the park.', 'The wall is 12 ft. high on Elm St. near the park.'],
  ]
  for (const [input, expected] of cases) assert.equal(expandAbbreviations(input), expected, input)
  for (const [a, b] of [['Ft. Myers', 'Fort Myers'], ['Mt. Vernon', 'Mount Vernon'], ['St. Cloud', 'Saint Cloud']]) assert.equal(nameKey(a, 'place'), nameKey(b, 'place'), a)
  assert.ok(mentionsKey('a rally near Ft. Myers on Friday', nameKey('Fort Myers', 'place')))
  // Without a full stop, "ST" and "FT" are initials, not place words.
  assert.equal(nameKey('ST Microelectronics', 'organization'), 'st microelectronics')
  assert.equal(nameKey('FT Alphaville', 'organization'), 'ft alphaville')
})

test('mentionsKey finds a name among words by its key, in any of its forms', () => {
  const cases: [text: string, key: string, found: boolean][] = [
    ['a 25% levy on the European Union from May', nameKey('EU', 'organization'), true],
    ['a 25% levy on the Democratic National Committee', nameKey('DNC', 'organization'), true],
    ['a 25% levy on White House staff', nameKey('White House', 'organization'), true],
    ['a 25% levy on Tallow’s farms', nameKey('Ann Tallow', 'person'), true],
    ['a 25% levy on the national committee', nameKey('DNC', 'organization'), false],
    ['a 25% levy on steel', nameKey('White House', 'organization'), false],
  ]
  for (const [text, key, found] of cases) assert.equal(mentionsKey(text, key), found, `${key} in ${text}`)
})

test('nicknameName reads the name a quoted nickname makes', () => {
  assert.equal(nicknameName('Marta “Iron Gate” Kowal'), 'iron gate kowal')
  assert.equal(nicknameName('Marta "Iron Gate" Kowal Jr.'), 'iron gate kowal jr')
  assert.equal(nicknameName('Marta Kowal'), null)
  // Quotation marks closing a quote are no nickname.
  assert.equal(nicknameName('Kowal'), null)
})
