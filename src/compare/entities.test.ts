import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { mergeEntities } from './entities.js'

const a1 = fixtureArticle({
  text: 'Secretary of State Marco Rubio met Volodymyr Zelensky in Kyiv. Rubio said talks would go on. Donald Trump posted about it. A senior administration official said more was coming.',
  entities: [
    { text: 'Marco Rubio', type: 'person', role: 'Secretary of State' },
    { text: 'Volodymyr Zelensky', type: 'person' },
    { text: 'Kyiv', type: 'place' },
    { text: 'Rubio', type: 'person', name: 'Marco Rubio', occurrence: 1 },
    { text: 'Donald Trump', type: 'person' },
    { text: 'A senior administration official', type: 'other' },
  ],
})
const a2 = fixtureArticle({
  text: 'Ukrainian President Volodymyr Zelenskyy welcomed the visit. Melania Trump was in Kyiv too. Rubio spoke to reporters. A senior administration official declined to comment.',
  entities: [
    { text: 'Volodymyr Zelenskyy', type: 'person', role: 'Ukrainian President' },
    { text: 'Melania Trump', type: 'person' },
    { text: 'Kyiv', type: 'place' },
    { text: 'Rubio', type: 'person' },
    { text: 'A senior administration official', type: 'other' },
  ],
})
const a3 = fixtureArticle({
  text: 'President Zelenskyy thanked secretary of state Marco Rubio. Trump did not comment.',
  entities: [
    { text: 'Zelenskyy', type: 'person', name: 'Zelenskyy', role: 'President' },
    { text: 'Marco Rubio', type: 'person', role: 'secretary of state' },
    { text: 'Trump', type: 'person' },
  ],
})

test('mergeEntities makes one entity per person across articles, with roles and aliases', () => {
  const merged = mergeEntities([a1, a2, a3])
  const rubio = merged.entities.filter((e) => e.name.includes('Rubio'))
  assert.equal(rubio.length, 1)
  assert.equal(rubio[0].name, 'Marco Rubio')
  assert.deepEqual(rubio[0].roles, ['Secretary of State'])
  assert.deepEqual(rubio[0].articleIds, [a1.id, a2.id, a3.id])
  assert.equal(rubio[0].mentions, 4)
  assert.ok(rubio[0].aliases.includes('Rubio'))
  assert.match(rubio[0].id, /^e_[0-9a-f]{10}$/)

  const zelensky = merged.entities.filter((e) => e.name.startsWith('Volodymyr'))
  assert.equal(zelensky.length, 1, 'spelling variants and the bare surname merge')
  assert.equal(zelensky[0].mentions, 3)
  assert.deepEqual(zelensky[0].roles, ['Ukrainian President', 'President'])
  assert.ok(zelensky[0].aliases.includes('Volodymyr Zelensky') || zelensky[0].name === 'Volodymyr Zelensky')

  const kyiv = merged.entities.find((e) => e.name === 'Kyiv')
  assert.equal(kyiv?.type, 'place')
  assert.equal(kyiv?.articleIds.length, 2)
})

test('mergeEntities keeps two people who share a surname apart; an ambiguous bare surname stays its own', () => {
  const merged = mergeEntities([a1, a2, a3])
  const trumps = merged.entities.filter((e) => e.name.includes('Trump')).map((e) => e.name).sort()
  assert.deepEqual(trumps, ['Donald Trump', 'Melania Trump', 'Trump'])
  assert.equal(merged.findByName('Trump'), merged.entities.find((e) => e.name === 'Trump'))
  assert.equal(merged.findByName('Melania Trump')?.name, 'Melania Trump')
})

test('mergeEntities keeps descriptors per article', () => {
  const merged = mergeEntities([a1, a2, a3])
  const officials = merged.entities.filter((e) => e.name === 'A senior administration official')
  assert.equal(officials.length, 2)
  assert.ok(officials.every((e) => e.type === 'other' && e.articleIds.length === 1))
  assert.notEqual(officials[0].id, officials[1].id)
})

test('mergeEntities reports name spellings that differ between articles', () => {
  const merged = mergeEntities([a1, a2, a3])
  assert.equal(merged.discrepancies.length, 1)
  const [d] = merged.discrepancies
  assert.equal(d.kind, 'name-spelling')
  assert.equal(d.description, '"Zelenskyy" vs "Zelensky"')
  assert.deepEqual(
    d.values.map(({ value, articleIds }) => ({ value, articleIds })),
    [
      { value: 'Zelenskyy', articleIds: [a2.id, a3.id] },
      { value: 'Zelensky', articleIds: [a1.id] },
    ],
  )
  // The evidence: where each article writes its spelling.
  const byId = new Map([a1, a2, a3].map((a) => [a.id, a]))
  for (const v of d.values) {
    assert.deepEqual(v.support?.map((sp) => sp.articleId), v.articleIds)
    for (const sp of v.support ?? []) assert.match(byId.get(sp.articleId)!.text.slice(sp.start, sp.end), new RegExp(`\\b${v.value}\\b`))
  }
})

test('idOf, findByName and findInArticle resolve mentions and names to story entities', () => {
  const merged = mergeEntities([a1, a2, a3])
  const rubio = merged.findByName('Rubio')
  assert.equal(rubio?.name, 'Marco Rubio')
  assert.equal(merged.idOf(a2.id, 3), rubio?.id)
  assert.equal(merged.idOf(a2.id, 99), null)
  assert.equal(merged.findByName('Volodymyr Zelenskiy')?.name.startsWith('Volodymyr'), true)
  assert.equal(merged.findByName('Sergei Lavrov'), null)
  const official = merged.findInArticle(a2.id, 'A senior administration official')
  assert.deepEqual(official?.articleIds, [a2.id])
})

test('mergeEntities does not call a plural or demonym of a name another spelling of it', () => {
  const p1 = fixtureArticle({ text: 'Voters in Pennsylvania go to the polls on Tuesday.', entities: [{ text: 'Pennsylvania', type: 'place' }] })
  const p2 = fixtureArticle({ text: 'Many Pennsylvanians will vote early this year.', entities: [{ text: 'Pennsylvanians', type: 'place' }] })
  const p3 = fixtureArticle({ text: 'Officials in Pennsylvania counted ballots overnight.', entities: [{ text: 'Pennsylvania', type: 'place' }] })
  assert.deepEqual(mergeEntities([p1, p2, p3]).discrepancies, [])
})

test('findInArticle: one who speaks for a person is not that person; a speaker with a role and a body is the person in it', () => {
  const merged = mergeEntities([a1, a2, a3])
  const at = a1.text.indexOf('Marco Rubio')
  assert.equal(merged.findInArticle(a1.id, 'Marco Rubio’s lawyer', [at, at + 'Marco Rubio'.length]), null)
  assert.equal(merged.findInArticle(a1.id, 'Rubio’s spokeswoman'), null)
  const titled = a1.text.indexOf('Secretary of State Marco Rubio')
  const office = merged.findInArticle(a1.id, 'Secretary of State Marco Rubio’s office', [titled, titled + 'Secretary of State Marco Rubio'.length])
  assert.equal(office?.name, 'Marco Rubio')
})

test('mergeEntities: one person under familiar and full given names is one entity', () => {
  const x = fixtureArticle({
    text: 'Defense Secretary Jim Mattis resigned. Senator Chuck Schumer spoke.',
    entities: [
      { text: 'Jim Mattis', type: 'person', role: 'Defense Secretary' },
      { text: 'Chuck Schumer', type: 'person', role: 'Senator' },
    ],
  })
  const y = fixtureArticle({
    text: 'James Mattis quit on Thursday. Charles Schumer and Mattis had met.',
    entities: [
      { text: 'James Mattis', type: 'person' },
      { text: 'Charles Schumer', type: 'person' },
      { text: 'Mattis', type: 'person' },
    ],
  })
  const merged = mergeEntities([x, y])
  const mattis = merged.entities.filter((e) => e.name.endsWith('Mattis'))
  assert.equal(mattis.length, 1)
  assert.deepEqual(mattis[0].articleIds.length, 2)
  assert.equal(merged.entities.filter((e) => e.name.endsWith('Schumer')).length, 1)
})

test('findInArticle: a document naming a place ("the lawsuit from Kyiv") does not resolve to the place', () => {
  const merged = mergeEntities([a1, a2, a3])
  const at = a1.text.indexOf('Kyiv')
  assert.equal(merged.findInArticle(a1.id, 'the lawsuit from Kyiv', [at, at + 4]), null)
})

test('mergeEntities: one surname and role given another first name by another outlet is a name discrepancy; a family is not', () => {
  const rep = (first: string) =>
    fixtureArticle({
      text: `Rep. ${first} Marek of Oregon backed the harbour bill on Monday.`,
      entities: [{ text: `${first} Marek`, type: 'person', role: 'Rep.' }],
    })
  const [x, y] = [rep('Lena'), rep('Lidia')]
  const found = mergeEntities([x, y]).discrepancies.filter((d) => d.kind === 'name-spelling')
  assert.equal(found.length, 1, JSON.stringify(found))
  assert.deepEqual(found[0].values.map((v) => [v.value, v.articleIds]).sort(), [['Lena Marek', [x.id]], ['Lidia Marek', [y.id]]])
  // An article naming both tells two people apart.
  const both = fixtureArticle({
    text: 'Rep. Lena Marek and Rep. Lidia Marek, her sister, backed the bill.',
    entities: [
      { text: 'Lena Marek', type: 'person', role: 'Rep.' },
      { text: 'Lidia Marek', type: 'person', role: 'Rep.' },
    ],
  })
  assert.deepEqual(mergeEntities([x, y, both]).discrepancies.filter((d) => d.kind === 'name-spelling'), [])
  // Other roles, or a surname three people share, are other people.
  const mayor = fixtureArticle({ text: 'Mayor Lidia Marek spoke.', entities: [{ text: 'Lidia Marek', type: 'person', role: 'Mayor' }] })
  assert.deepEqual(mergeEntities([x, mayor]).discrepancies.filter((d) => d.kind === 'name-spelling'), [])
  const third = fixtureArticle({ text: 'Rep. Olga Marek voted too.', entities: [{ text: 'Olga Marek', type: 'person', role: 'Rep.' }] })
  assert.deepEqual(mergeEntities([x, y, third]).discrepancies.filter((d) => d.kind === 'name-spelling'), [])
  // A given name in full (with a middle name) and in its familiar form is one name.
  const full = fixtureArticle({ text: 'Rep. William Owen Marek of Oregon backed the bill.', entities: [{ text: 'William Owen Marek', type: 'person', role: 'Rep.' }] })
  assert.deepEqual(mergeEntities([full, rep('Bill')]).discrepancies.filter((d) => d.kind === 'name-spelling'), [])
})

test('mergeEntities: a surname with two letters swapped by one outlet is one person spelled two ways', () => {
  let n = 0
  const chair = (surname: string) =>
    fixtureArticle({
      text: `Party chairman Harold ${surname} said the harbour vote would be close${surname === 'Pellman' && n++ > 0 ? ' again' : ''}.`,
      entities: [{ text: `Harold ${surname}`, type: 'person', role: 'Party chairman' }],
    })
  const [x, y, z] = [chair('Pellman'), chair('Pellman'), chair('Pellamn')]
  const merged = mergeEntities([x, y, z])
  assert.equal(merged.entities.filter((e) => e.type === 'person').length, 1)
  const found = merged.discrepancies.filter((d) => d.kind === 'name-spelling')
  assert.equal(found.length, 1, JSON.stringify(found))
  assert.deepEqual(found[0].values.map((v) => v.value), ['Pellman', 'Pellamn'])
  // Each spelling with the words each outlet wrote, to check it against.
  const byId = new Map([x, y, z].map((a) => [a.id, a]))
  assert.deepEqual(
    found[0].values.map((v) => (v.support ?? []).map((sp) => byId.get(sp.articleId)!.text.slice(sp.start, sp.end))),
    [['Harold Pellman', 'Harold Pellman'], ['Harold Pellamn']],
  )
})

test('mergeEntities: different ages given for one person by different outlets are a number discrepancy', () => {
  const aged = (age: number, rest = '') =>
    fixtureArticle({ text: `Harbour pilot Ines Varga, ${age}, was rescued on Friday.${rest}`, entities: [{ text: 'Ines Varga', type: 'person' }] })
  const [x, y] = [aged(56), aged(57)]
  const found = mergeEntities([x, y]).discrepancies.filter((d) => d.kind === 'number')
  assert.equal(found.length, 1, JSON.stringify(found))
  assert.equal(found[0].description, 'age of Ines Varga: 56 vs 57')
  for (const v of found[0].values) for (const s of v.support ?? []) assert.equal([x, y].find((a) => a.id === s.articleId)!.text.slice(s.start, s.end), v.value)
  // The same age twice, or one article giving both, is no discrepancy.
  assert.deepEqual(mergeEntities([x, aged(56, ' She was born in May.')]).discrepancies.filter((d) => d.kind === 'number'), [])
  const both = fixtureArticle({
    text: 'Ines Varga, 56, sailed in May. Ines Varga, 57, sailed again in June.',
    entities: [{ text: 'Ines Varga', type: 'person' }, { text: 'Ines Varga', type: 'person', occurrence: 1 }],
  })
  assert.deepEqual(mergeEntities([both, y]).discrepancies.filter((d) => d.kind === 'number'), [])
})

test('mergeEntities reads a nickname one outlet puts in quotes as the person where another writes it bare', () => {
  const quoted = fixtureArticle({
    text: 'Harbour chief Marta "Iron Gate" Kowal closed the port. Kowal said the storm was the worst in years.',
    entities: [
      { text: 'Marta "Iron Gate" Kowal', type: 'person', role: 'Harbour chief' },
      { text: 'Kowal', type: 'person', name: 'Marta "Iron Gate" Kowal', occurrence: 1 },
    ],
  })
  const bare = fixtureArticle({
    text: 'Iron Gate Kowal, as the dockers call her, ordered every ferry to stay in. Ana Kowal, her sister, runs the ferry office.',
    entities: [
      { text: 'Iron Gate Kowal', type: 'person' },
      { text: 'Ana Kowal', type: 'person' },
    ],
  })
  const given = fixtureArticle({
    text: 'Port director Marta Kowal said the ferries would sail again on Monday.',
    entities: [{ text: 'Marta Kowal', type: 'person', role: 'Port director' }],
  })
  const merged = mergeEntities([bare, quoted, given])
  const marta = merged.entities.filter((e) => e.aliases.includes('Iron Gate Kowal') || e.name === 'Iron Gate Kowal')
  assert.equal(marta.length, 1, JSON.stringify(merged.entities))
  // Named by her name of record, not the nickname; her sister stays another person.
  assert.equal(marta[0].name, 'Marta Kowal')
  assert.equal(merged.entities.filter((e) => e.name === 'Ana Kowal').length, 1)
  assert.ok(!marta[0].aliases.includes('Ana Kowal'))
})

test('mergeEntities reads two ordinary words before a surname as an epithet of the story\'s one person of that surname', () => {
  const given = fixtureArticle({
    text: 'Port director Marta Kowal closed the harbour on Sunday.',
    entities: [{ text: 'Marta Kowal', type: 'person', role: 'Port director' }],
  })
  const epithet = fixtureArticle({
    text: 'Iron Gate Kowal, as the dockers call her, kept every ferry in port.',
    entities: [{ text: 'Iron Gate Kowal', type: 'person' }],
  })
  const merged = mergeEntities([epithet, given])
  const kowal = merged.entities.filter((e) => e.name.endsWith('Kowal'))
  assert.equal(kowal.length, 1, JSON.stringify(merged.entities))
  assert.equal(kowal[0].name, 'Marta Kowal')
  // Two Kowals in the story: whose epithet it is, the words do not say.
  const sister = fixtureArticle({ text: 'Ana Kowal runs the ferry office.', entities: [{ text: 'Ana Kowal', type: 'person' }] })
  assert.equal(mergeEntities([epithet, given, sister]).entities.filter((e) => e.name.endsWith('Kowal')).length, 3)
  // Every word before the surname must be an ordinary word and no given name: "Rose" is one, "Ann" is not.
  const named = fixtureArticle({ text: 'Rose Ann Kowal, a ferry captain, spoke first.', entities: [{ text: 'Rose Ann Kowal', type: 'person' }] })
  assert.equal(mergeEntities([named, given]).entities.filter((e) => e.name.endsWith('Kowal')).length, 2)
})

test('mergeEntities: a courtesy title is no role, so two people it alone links are no name discrepancy', () => {
  const ms = (first: string) =>
    fixtureArticle({
      text: `Ms. ${first} Marek of Oregon backed the harbour bill on Monday.`,
      entities: [{ text: `${first} Marek`, type: 'person', role: 'Ms.' }],
    })
  const [x, y] = [ms('Lena'), ms('Lidia')]
  const merged = mergeEntities([x, y])
  assert.deepEqual(merged.discrepancies.filter((d) => d.kind === 'name-spelling'), [])
  assert.deepEqual(merged.entities.filter((e) => e.type === 'person').map((e) => e.roles), [[], []])
  const mayor = fixtureArticle({ text: 'Mayor Lena Marek spoke.', entities: [{ text: 'Lena Marek', type: 'person', role: 'Mayor' }] })
  assert.deepEqual(mergeEntities([x, mayor]).entities.find((e) => e.name === 'Lena Marek')?.roles, ['Mayor'])
})

test('findInArticle: people or a body a name only owns or places ("one Corvane user", "the Kyiv group") are not that name', () => {
  const a = fixtureArticle({
    text: 'One Corvane user posted a complaint. The Kyiv group wrote back. The Marco Rubio campaign answered.',
    entities: [
      { text: 'Corvane', type: 'organization' },
      { text: 'Kyiv', type: 'other' },
      { text: 'Marco Rubio', type: 'person' },
    ],
  })
  const merged = mergeEntities([a])
  const span = (phrase: string): [number, number] => [a.text.indexOf(phrase), a.text.indexOf(phrase) + phrase.length]
  assert.equal(merged.findInArticle(a.id, 'One Corvane user', span('One Corvane user')), null)
  assert.equal(merged.findInArticle(a.id, 'The Kyiv group', span('The Kyiv group')), null)
  assert.equal(merged.findInArticle(a.id, 'The Marco Rubio campaign', span('The Marco Rubio campaign'))?.name, 'Marco Rubio')
  assert.equal(merged.findInArticle(a.id, 'Corvane', span('Corvane'))?.name, 'Corvane')
  // No determiner needed: "Corvane users".
  assert.equal(merged.findInArticle(a.id, 'Corvane user', span('Corvane user')), null)
})

test('mergeEntities: a body or place and its abbreviation are one entity, by the one name key; two bodies stay two', () => {
  const b1 = fixtureArticle({
    text: 'The United States and the Democratic National Committee responded on Monday.',
    entities: [
      { text: 'United States', type: 'place' },
      { text: 'Democratic National Committee', type: 'organization' },
    ],
  })
  const b2 = fixtureArticle({
    text: 'The U.S. envoy met the DNC chair and the Harbour Board in Delmont.',
    entities: [
      { text: 'U.S.', type: 'place' },
      { text: 'DNC', type: 'organization' },
      { text: 'Harbour Board', type: 'organization' },
      { text: 'Delmont', type: 'place' },
    ],
  })
  const entities = mergeEntities([b1, b2]).entities
  const named = (alias: string) => entities.filter((e) => e.name === alias || e.aliases.includes(alias))
  assert.equal(named('U.S.').length, 1)
  assert.equal(named('U.S.')[0], named('United States')[0])
  assert.equal(named('DNC')[0], named('Democratic National Committee')[0])
  assert.equal(entities.length, 4, entities.map((e) => e.name).join(', '))
})

test('mergeEntities: two names in words with the same initials stay two bodies; a leading y/j meets i as before', () => {
  const c1 = fixtureArticle({
    text: 'The Democratic National Committee paid for the Democratic National Convention in Yekaterinburg.',
    entities: [
      { text: 'Democratic National Committee', type: 'organization' },
      { text: 'Democratic National Convention', type: 'organization' },
      { text: 'Yekaterinburg', type: 'place' },
    ],
  })
  const c2 = fixtureArticle({ text: 'Delegates flew to Iekaterinburg.', entities: [{ text: 'Iekaterinburg', type: 'place' }] })
  const names = mergeEntities([c1, c2]).entities.map((e) => e.name)
  assert.ok(names.includes('Democratic National Committee') && names.includes('Democratic National Convention'), names.join(', '))
  assert.equal(names.filter((n) => /katerinburg/.test(n)).length, 1, names.join(', '))
})
