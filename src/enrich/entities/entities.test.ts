import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { EntityMention } from '../../types.js'
import { loadSeeds, seedContaining } from '../../../test/helpers/shared.js'
import { splitSentences } from '../sentences/index.js'
import { findEntities } from './index.js'

const entities = (text: string): EntityMention[] => findEntities(text, splitSentences(text))
const mentionOf = (text: string, surface: string): EntityMention | undefined =>
  entities(text).find((e) => text.slice(e.span[0], e.span[1]) === surface)

const roleCases: [text: string, surface: string, name: string, role: string][] = [
  ['U.S. Secretary of State Marco Rubio spoke on Friday.', 'Marco Rubio', 'Marco Rubio', 'Secretary of State'],
  ['The deal was denied by Kremlin spokesman Dmitry Peskov on Monday.', 'Dmitry Peskov', 'Dmitry Peskov', 'Kremlin spokesman'],
  ['White House press secretary Karoline Leavitt took questions.', 'Karoline Leavitt', 'Karoline Leavitt', 'White House press secretary'],
  ['The talks were led by Yuri Ushakov, Putin’s foreign policy adviser, in Moscow.', 'Yuri Ushakov', 'Yuri Ushakov', 'Putin’s foreign policy adviser'],
  ['He met Olena Kovalenko, spokeswoman for the Energy Ministry, on Friday.', 'Olena Kovalenko', 'Olena Kovalenko', 'spokeswoman for the Energy Ministry'],
  ['Russian President Vladimir Putin met the envoy.', 'Vladimir Putin', 'Vladimir Putin', 'President'],
  ['It was signed by former President Joe Biden.', 'Joe Biden', 'Joe Biden', 'former President'],
  ['NATO Secretary General Mark Rutte sat nearby.', 'Mark Rutte', 'Mark Rutte', 'NATO Secretary General'],
]

for (const [text, surface, name, role] of roleCases) {
  test(`findEntities role: ${role} / ${name}`, () => {
    const m = mentionOf(text, surface)
    assert.ok(m, `no mention of ${surface}`)
    assert.equal(m.type, 'person')
    assert.equal(m.name, name)
    assert.equal(m.role, role)
    assert.equal(text.slice(m.roleSpan![0], m.roleSpan![1]), role)
  })
}

test('findEntities: the role is not part of the name span', () => {
  const text = 'U.S. Secretary of State Marco Rubio spoke.'
  const m = mentionOf(text, 'Marco Rubio')!
  assert.equal(text.slice(m.span[0], m.span[1]), 'Marco Rubio')
})

test('findEntities: a later surname resolves to the full name', () => {
  const text = 'Secretary of State Marco Rubio arrived. Later, Rubio said little. Rubio’s aides left.'
  const rubios = entities(text).filter((e) => e.name === 'Marco Rubio')
  assert.equal(rubios.length, 3)
  assert.deepEqual(rubios.map((e) => e.via), ['name', 'surname', 'surname'])
  assert.deepEqual(rubios.map((e) => text.slice(e.span[0], e.span[1])), ['Marco Rubio', 'Rubio', 'Rubio'])
})

test('findEntities: a title word used as a verb after "to" is no role', () => {
  const text = 'Leaders tried to whip Tom Pell into line on Monday. The party whip Ada Quist said no.'
  assert.equal(mentionOf(text, 'Tom Pell')?.role, undefined)
  assert.equal(mentionOf(text, 'Ada Quist')?.role, 'whip')
})

test('findEntities: a titled surname is the person, not an organisation named after them', () => {
  const text = 'President Pell spoke on Saturday. “Fees are unfair,” Mr. Pell wrote. “Speaking for the Pell Administration, we will act,” he added.'
  assert.equal(mentionOf(text, 'Pell')?.type, 'person')
  assert.equal(mentionOf(text, 'Pell Administration')?.type, 'organization')
})

test('findEntities: sentence-initial common words and nationality adjectives are not entities', () => {
  const text = 'However, the talks stalled. Earlier, Russian and Ukrainian officials met in Geneva with President Trump. Trump’s post came later.'
  const surfaces = entities(text).map((e) => text.slice(e.span[0], e.span[1]))
  for (const word of ['However', 'Earlier', 'Russian', 'Ukrainian']) assert.ok(!surfaces.includes(word), word)
  assert.ok(surfaces.includes('Geneva'))
  const trumps = entities(text).filter((e) => text.slice(e.span[0], e.span[1]) === 'Trump')
  assert.deepEqual(trumps.map((e) => [e.type, e.name]), [['person', 'Trump'], ['person', 'Trump']])
})

test('findEntities: a participle opening a sentence before "on his" is no person', () => {
  const text = 'Tom Pell spoke. Reflecting on his years as a pilot, the mayor smiled. Carla Venn made her case.'
  assert.equal(mentionOf(text, 'Reflecting'), undefined)
  assert.equal(mentionOf(text, 'Carla Venn')?.type, 'person')
})

test('findEntities: organisations by lexicon and by shape', () => {
  const text = 'The Kremlin and the White House spoke to Reuters, TASS and RIA Novosti. The Foreign Trade Ministry and the State Department agreed. Fox Business Network aired it.'
  const orgs = entities(text).filter((e) => e.type === 'organization').map((e) => e.name)
  for (const org of ['Kremlin', 'White House', 'Reuters', 'TASS', 'RIA Novosti', 'Foreign Trade Ministry', 'State Department', 'Fox Business Network']) {
    assert.ok(orgs.includes(org), `${org} in ${orgs.join(', ')}`)
  }
})

test('findEntities: places from the lexicon and from cues', () => {
  const text = 'A bomb struck a resort in the Zolotnyk region. Strikes also hit the town of Brivka and Kyiv. Brivka was dark.'
  const places = entities(text).filter((e) => e.type === 'place').map((e) => text.slice(e.span[0], e.span[1]))
  assert.deepEqual(places, ['Zolotnyk', 'Brivka', 'Kyiv', 'Brivka'])
})

test('findEntities: a town before a US state, and the state abbreviated after a town, are places', () => {
  const text = 'The plant in Brakeville, Tex., closed. Workers from Dunmore, Ohio, and Ellery, Conn., came. Ann Roe, who met Bo Pell, spoke.'
  const types = new Map(entities(text).map((e) => [text.slice(e.span[0], e.span[1]), e.type]))
  for (const place of ['Brakeville', 'Tex', 'Dunmore', 'Ohio', 'Ellery', 'Conn']) assert.equal(types.get(place), 'place', place)
  // A comma after a name before a word that is no state changes nothing.
  assert.equal(types.get('Ann Roe'), 'person')
})

test('findEntities: a known place and a word heading a place name are one place', () => {
  const text = 'He trained for six months on Paris Island and later fished the Kyiv River. He then flew to Paris and Kyiv.'
  const places = entities(text).filter((e) => e.type === 'place').map((e) => text.slice(e.span[0], e.span[1]))
  assert.deepEqual(places, ['Paris Island', 'Kyiv River', 'Paris', 'Kyiv'])
})

const descriptorCases: [text: string, name: string][] = [
  ['A senior administration official said the talks went well.', 'a senior administration official'],
  ['Two White House officials told CNN about the plan.', 'two White House officials'],
  ['The call ended early, a person familiar with the conversation said.', 'a person familiar with the conversation'],
  ['Putin will not cave, sources close to the Kremlin told Reuters.', 'sources close to the Kremlin'],
  ['Later, a White House official said sanctions were coming.', 'a White House official'],
  ['A reporter for the Orvale Gazette called it a mess.', 'a reporter for the Orvale Gazette'],
]

test('findEntities: "reporters" with no one they work for is no source', () => {
  const text = 'Tom Pell told reporters the pier was closed.'
  assert.equal(entities(text).find((e) => e.via === 'descriptor'), undefined)
})

for (const [text, name] of descriptorCases) {
  test(`findEntities descriptor: ${name}`, () => {
    const m = entities(text).find((e) => e.via === 'descriptor')
    assert.equal(m?.name, name)
    assert.equal(text.slice(m!.span[0], m!.span[1]).toLowerCase(), name.toLowerCase())
  })
}

test('findEntities: "two people were killed" is not a source, and pronouns are not mentions', () => {
  const text = 'Two people were killed, he said.'
  assert.deepEqual(entities(text), [])
})

test('findEntities: a bare "the official" takes the name of the descriptor it refers back to', () => {
  const text = 'A senior administration official spoke first. The meeting went well, the official added.'
  const ds = entities(text).filter((e) => e.via === 'descriptor')
  assert.deepEqual(ds.map((d) => d.name), ['a senior administration official', 'a senior administration official'])
})

test('findEntities on seeds: key people with full names and roles', () => {
  const wsj = seedContaining('Kremlin spokesman Dmitry Peskov')
  const ms = findEntities(wsj.text, splitSentences(wsj.text))
  const peskov = ms.find((m) => m.name === 'Dmitry Peskov')
  assert.equal(peskov?.role, 'Kremlin spokesman')
  assert.ok(ms.some((m) => m.name === 'Yury Ushakov' && m.role === 'Kremlin aide'))
  assert.ok(ms.some((m) => m.name === 'Kirill Dmitriev' && m.via === 'surname'))
  const fox = seedContaining('Zelenskyy')
  const foxMentions = findEntities(fox.text, splitSentences(fox.text))
  assert.ok(foxMentions.some((m) => fox.text.slice(m.span[0], m.span[1]) === 'Zelenskyy' && m.name === 'Volodymyr Zelenskyy'))
})

test('findEntities on seeds: no mention is a common word, a weekday or a demonym alone', () => {
  const banned = new Set(['However', 'Earlier', 'Russian', 'Ukrainian', 'Wednesday', 'The', 'Why', 'What'])
  for (const seed of loadSeeds()) {
    for (const m of findEntities(seed.text, splitSentences(seed.text))) {
      assert.ok(!banned.has(seed.text.slice(m.span[0], m.span[1])), `${seed.name}: ${m.name}`)
    }
  }
})

/** A name no list knows becomes a person from the words around it (all names here are invented). */
const personContextCases: [text: string, name: string, role?: string][] = [
  ['Orrin Baskett, 61, who farms near the river, lost his barn.', 'Orrin Baskett'],
  ['Orrin Baskett, the Delmont Water Board official leading the review, spoke to residents.', 'Orrin Baskett', 'Delmont Water Board official leading the review'],
  ['Orrin Baskett, who runs the only bakery in town, stayed open.', 'Orrin Baskett'],
  ['Orrin Baskett, a passenger travelling with his son, was unhurt.', 'Orrin Baskett'],
  ['Police questioned the driver, Orrin Baskett, and two passengers.', 'Orrin Baskett'],
  ['Harbour master Orrin Baskett closed the port.', 'Orrin Baskett', 'Harbour master'],
  // local offices are titles too, not part of the name
  ['Councilwoman Ines Okafor voted against the plan.', 'Ines Okafor', 'Councilwoman'],
  ['The plan passed after Assemblyman Orrin Baskett changed his vote.', 'Orrin Baskett', 'Assemblyman'],
  ['Chief engineer Orrin Baskett checked the pumps.', 'Orrin Baskett'],
  // sheriffs, clergy and editors are titled too
  ['Harlan County Sheriff Orrin Baskett closed the road.', 'Orrin Baskett'],
  ['“It was a mistake,” said Father Tom Pell, who runs the parish.', 'Tom Pell', 'Father'],
  ['Gazette Editor Ines Okafor wrote the note.', 'Ines Okafor'],
  // An occupation opening the sentence is capitalised for grammar: the person's, not part of the name.
  ['Engineer Orrin Baskett had warned of cracks in 2019.', 'Orrin Baskett'],
  ['Pollster Ines Okafor found the race tied.', 'Ines Okafor'],
  ['Ingrid Solberg opened the hearing.', 'Ingrid Solberg'],
  ['Yesterday Ines Okafor wrote to the council.', 'Ines Okafor'],
]

for (const [text, name, role] of personContextCases) {
  test(`findEntities person from context: ${text.slice(0, 40)}`, () => {
    const m = mentionOf(text, name)
    assert.ok(m, `no mention of ${name} in ${JSON.stringify(entities(text).map((e) => e.name))}`)
    assert.equal(m.type, 'person')
    if (role) assert.equal(m.role, role)
  })
}

test('findEntities: a sentence dense with names is no Title Case heading when a verb in the past is in lower case', () => {
  const names = (text: string) => entities(text).filter((e) => e.type === 'person').map((e) => e.name)
  const lead = 'The talks collapsed. Mayor Orrin Baskett met Governor Ines Okafor on Monday.'
  assert.deepEqual(names(lead), ['Orrin Baskett', 'Ines Okafor'])
  assert.deepEqual(entities('A debate line. Senator Ines Okafor knew Orrin Baskett.').map((e) => e.name), ['Ines Okafor', 'Orrin Baskett'])
  // A heading in Title Case stays one: its capitals say nothing, so a capitalised verb is no name.
  assert.ok(!entities('Budget Talks Collapse. Baskett Rips Okafor Plan At Hearing').some((e) => e.name === 'Rips'))
})

test('findEntities: a descriptor starts in its own sentence, not at the word ending the one before', () => {
  for (const [text, name] of [
    ['The pier closed on Monday. A source close to the mayor said repairs would take months.', 'a source close to the mayor'],
    ['Talks ended in Geneva. Two people familiar with the talks said no deal was near.', 'two people familiar with the talks'],
  ]) {
    const found = entities(text).filter((e) => e.via === 'descriptor').map((e) => e.name)
    assert.deepEqual(found, [name], text)
  }
  // An initialism inside a descriptor stays: "a senior U.S. official".
  assert.deepEqual(entities('A senior U.S. official said talks would resume.').filter((e) => e.via === 'descriptor').map((e) => e.name), ['a senior U.S. official'])
})

test('findEntities: a descriptor inside a named person’s role is not a separate source', () => {
  const text = 'Orrin Baskett, the Delmont Water Board official leading the review, spoke. The official said little.'
  const ms = entities(text)
  assert.ok(!ms.some((e) => e.name.startsWith('the Delmont')), JSON.stringify(ms.map((e) => e.name)))
  assert.equal(ms.find((e) => e.via === 'descriptor')?.name, 'Orrin Baskett')
})

const orgShapeCases: [text: string, surface: string][] = [
  ['The Delmont Valley Water Board said the pipes were old.', 'Delmont Valley Water Board'],
  ['Tickets sold by Kessler Ferries were refunded.', 'Kessler Ferries'],
  ['Three people were taken to St. Agnes\'s Hospital overnight.', 'St. Agnes\'s Hospital'],
  ['The Grevik Harbour Authority said the channel was closed.', 'Grevik Harbour Authority'],
  ['The dockers’ union, Quayside Together, called a strike.', 'Quayside Together'],
  ['The operator, Brannock Lines, said service would resume.', 'Brannock Lines'],
]

for (const [text, surface] of orgShapeCases) {
  test(`findEntities organisation by shape or apposition: ${surface}`, () => {
    const m = mentionOf(text, surface)
    assert.ok(m, `no mention of ${surface} in ${JSON.stringify(entities(text).map((e) => text.slice(e.span[0], e.span[1])))}`)
    assert.equal(m.type, 'organization')
    assert.equal(m.name, surface)
  })
}

test('findEntities: an organisation’s short name takes its full name, even as the subject of "said"', () => {
  const text = 'Kessler Ferries cancelled all sailings. Kessler said the ships were safe. Kessler’s boats stayed in port.'
  const short = entities(text).filter((e) => text.slice(e.span[0], e.span[1]) === 'Kessler')
  assert.deepEqual(short.map((e) => [e.type, e.name]), [['organization', 'Kessler Ferries'], ['organization', 'Kessler Ferries']])
})

test('findEntities: contractions and pronouns are never entities, even mid-sentence', () => {
  const text = 'Sales were slow…We’re not worried, the owner said. Prices rose…They’ll fall, I’m sure. Grain…It’s cheap.'
  const surfaces = entities(text).map((e) => text.slice(e.span[0], e.span[1]))
  for (const word of ['We’re', 'They’ll', 'I’m', 'It']) assert.ok(!surfaces.includes(word), `${word} in ${surfaces.join(', ')}`)
})

test('findEntities: a headline running into an upper-case dateline is split', () => {
  const text = 'Storm closes the bridge at Vellmoor VELLMOOR, May 2 (Wire) - The bridge was shut.'
  const surfaces = entities(text).map((e) => text.slice(e.span[0], e.span[1]))
  assert.ok(!surfaces.some((s) => s.includes('Vellmoor VELLMOOR')), surfaces.join(', '))
})

test('findEntities: "the island of X" and "X harbour" make X a place', () => {
  const text = 'Ferries to the island of Tarrow stopped. The boat sank at the mouth of Keswin harbour. Tarrow was cut off.'
  const places = entities(text).filter((e) => e.type === 'place').map((e) => text.slice(e.span[0], e.span[1]))
  assert.deepEqual(places, ['Tarrow', 'Keswin', 'Tarrow'])
})

test('findEntities: every unnamed source in a text with many head nouns is found, in order', () => {
  const text =
    'Two people familiar with the talks said so. The sources declined to comment. A senior administration official said later that local people were angry, and several European diplomats agreed.'
  const sources = entities(text).filter((e) => e.via === 'descriptor')
  assert.deepEqual(
    sources.map((e) => [e.name, e.type]),
    [
      ['two people familiar with the talks', 'other'],
      ['the sources', 'other'],
      ['a senior administration official', 'person'],
      ['several European diplomats', 'other'],
    ],
  )
})

/** People the speaker stage needs found: names that look like titles, places or sentence starts. */
const personCases: [name: string, text: string, surface: string][] = [
  ['a title word after "Mr." is a surname', 'Voters left. Mr. King said it was over.', 'King'],
  ['a place name after a first name is a surname', 'Rep. Steve Israel spoke on Monday.', 'Steve Israel'],
  ['two capitalised words open a sentence', 'Voters left. Carla Venn threw her support behind the mayor.', 'Carla Venn'],
  ['an unknown name before a verb and "her"', 'The vote was close. Ada Quist made her case to the board.', 'Ada Quist'],
  ['an appositive with "candidate" makes a person', 'Voters left. Meg Ardent, a former candidate for governor, spoke.', 'Meg Ardent'],
]

for (const [name, text, surface] of personCases) {
  test(`findEntities: ${name}`, () => {
    assert.equal(mentionOf(text, surface)?.type, 'person')
  })
}

test('findEntities: a party and state label in brackets is no entity', () => {
  const text = 'Sen. Ada Quist (D-Ore.) spoke on Monday.'
  assert.deepEqual(entities(text).map((e) => text.slice(e.span[0], e.span[1])), ['Ada Quist'])
})

test('findEntities: a quoted nickname inside a name leaves one person, named without it', () => {
  const text = 'Defense Secretary James “Mad Dog” Mattis resigned on Thursday. Mattis wrote a letter.'
  const m = mentionOf(text, 'James “Mad Dog” Mattis')
  assert.equal(m?.name, 'James Mattis')
  assert.equal(m?.type, 'person')
  assert.equal(mentionOf(text, 'Mattis')?.name, 'James Mattis')
  // Not a name: a quoted phrase after a word that is no first name.
  assert.equal(entities('The group “Free Speech” Monday rallied.').some((e) => e.name.includes('Free Speech') && e.type === 'person'), false)
})

test('a conjunction opening a sentence is no part of the name after it', () => {
  const text = 'As Tom Pell said on Monday, the plan failed. Because Ann Roe objected, the vote waited. Whether Omar Fenn stays is unclear.'
  const people = entities(text).filter((e) => e.type === 'person').map((e) => text.slice(e.span[0], e.span[1]))
  assert.deepEqual(people, ['Tom Pell', 'Ann Roe', 'Omar Fenn'])
})

test('a party or nationality word before a full name is no part of the name', () => {
  const text = 'Republican Ines Okafor filed on Monday. Democrat Tom Pell did not. Okafor leads.'
  const people = entities(text).filter((e) => e.type === 'person')
  assert.deepEqual(people.map((e) => text.slice(e.span[0], e.span[1])), ['Ines Okafor', 'Tom Pell', 'Okafor'])
  assert.equal(people[2].name, 'Ines Okafor')
  // A place whose second word is also a first name stays one place.
  const place = 'North Carolina Republicans met on Monday.'
  assert.equal(entities(place).some((e) => e.type === 'person'), false)
})

test('a title word ending the sentence before is no part of the next name\'s role; abbreviated titles still join', () => {
  const text = 'Mayor Tom Pell spoke first. Mr. Pell said the pier would close. Lt. Gen. Ann Roe agreed.'
  const mentions = entities(text)
  assert.deepEqual(mentions.filter((e) => e.name === 'Tom Pell').map((e) => e.role ?? null), ['Mayor', 'Mr.'])
  assert.equal(mentionOf(text, 'Ann Roe')?.role, 'Lt. Gen.')
})

test('a title word ending a name after a first name or an initial is the surname; before a name it stays a title', () => {
  const people = (text: string) => entities(text).filter((e) => e.type === 'person').map((e) => e.name)
  assert.deepEqual(people('Rep. Tom T. King of Oregon backed the bill.'), ['Tom T. King'])
  assert.ok(people('On Monday Tom Major said the pier would close.').includes('Tom Major'))
  assert.deepEqual(people('He met Mayor Ann Roe and King Abdullah.'), ['Ann Roe', 'Abdullah'])
})

test('a shouted word before a full name is no part of it', () => {
  const text = 'Now that voters FIRED Tom Pell, the council needs a new chair.'
  assert.deepEqual(entities(text).filter((e) => e.type === 'person').map((e) => e.name), ['Tom Pell'])
})

test('a group noun opening a sentence is no person, and a title before an organisation head makes no person', () => {
  assert.deepEqual(entities('Police searched his car on Monday.').filter((e) => e.type === 'person'), [])
  assert.deepEqual(entities('Firefighters spent his whole shift at the pier.').filter((e) => e.type === 'person'), [])
  const branch = entities('The memo went to the Executive Branch on Friday.')
  assert.equal(branch.some((e) => e.type === 'person'), false)
  assert.equal(branch.find((e) => e.name === 'Executive Branch')?.type, 'organization')
})

test('a known word after a first name and a middle initial is the surname ("Tom R. Bloomberg"), alone it is the organisation', () => {
  const text = 'Tom R. Bloomberg spoke at the forum. Bloomberg reported it first.'
  const found = entities(text)
  assert.equal(found.find((e) => text.slice(e.span[0], e.span[1]) === 'Tom R. Bloomberg')?.type, 'person')
})

test('an organisation named "X of Y" keeps its place or title word: "University of Delmont", "Ministry of Defence"', () => {
  const typed = (text: string) => entities(text).map((e) => `${text.slice(e.span[0], e.span[1])}/${e.type}`)
  assert.deepEqual(typed('She studied at the University of Michigan and the Bank of England.'), ['University of Michigan/organization', 'Bank of England/organization'])
  assert.deepEqual(typed('The Ministry of Defence and the Department of Homeland Security spoke.'), ['Ministry of Defence/organization', 'Department of Homeland Security/organization'])
  // A title and a name after the organisation are still a person with a role.
  const people = entities('University of Michigan President Tom Pell spoke.').filter((e) => e.type === 'person').map((e) => e.name)
  assert.deepEqual(people, ['Tom Pell'])
  // The "of" before a place that follows the name is no part of it.
  assert.deepEqual(typed('The Ministry of Foreign Affairs of Ukraine spoke.'), ['Ministry of Foreign Affairs/organization', 'Ukraine/place'])
})

test('review cases: organisations opening a sentence, suffixes, organisation shapes and a role after an organisation', () => {
  const typed = (text: string) => entities(text).map((e) => `${text.slice(e.span[0], e.span[1])}/${e.type}`)
  assert.deepEqual(typed('Police Federation chair Ann Roe said it.'), ['Police Federation/organization', 'Ann Roe/person'])
  assert.deepEqual(typed('Rep. Tom Bishop Jr. said it.'), ['Tom Bishop Jr./person'])
  assert.ok(typed('They joined the American Ferry Riders Alliance.').includes('American Ferry Riders Alliance/organization'))
  // A role's head after an organisation, with no name, is no part of the organisation.
  assert.deepEqual(typed('The Bank of England Governor said rates would rise.'), ['Bank of England/organization'])
})

test('a role after an organisation named "X of Y" starts after it, and an organisation before a role is kept whole', () => {
  const found = entities('Department of Homeland Security Secretary Tom Pell spoke. Kremlin spokesman Ann Roe replied.')
  assert.ok(found.some((e) => e.name === 'Department of Homeland Security' && e.type === 'organization'), JSON.stringify(found.map((e) => e.name)))
  assert.equal(found.find((e) => e.name === 'Tom Pell')?.role, 'Secretary')
  assert.equal(found.find((e) => e.name === 'Ann Roe')?.role, 'Kremlin spokesman')
})

test('unnamed officials of a city, a union or a county are sources, as administration officials are', () => {
  for (const phrase of ['a city official', 'a senior county official', 'a union official']) {
    const text = `${phrase[0].toUpperCase()}${phrase.slice(1)} said the pier would close.`
    assert.ok(entities(text).some((e) => e.name.toLowerCase() === phrase), `${phrase}: ${JSON.stringify(entities(text).map((e) => e.name))}`)
  }
})

test('"Counsel" before a name is a role: "White House Counsel Ann Roe", "Special Counsel Tom Pell" are people', () => {
  const found = entities('The White House Counsel Ann Roe wrote the memo. Special Counsel Tom Pell declined to comment.')
  assert.equal(found.find((e) => e.name === 'Ann Roe')?.type, 'person', JSON.stringify(found.map((e) => e.name)))
  assert.equal(found.find((e) => e.name === 'Tom Pell')?.type, 'person')
})
