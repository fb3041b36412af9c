import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { mergeEntities } from './entities.js'
import { alignQuotes, wordingDifferences } from './quotes.js'

const FULL = 'Today was a good day, but there’s a lot of work — we still have a ways to go here'
const a1 = fixtureArticle({
  text: `Marco Rubio spoke on Tuesday. “${FULL},” Rubio said. He added: “We are not there yet.” The ministry called the talks “constructive and useful.”`,
  entities: [{ text: 'Marco Rubio', type: 'person' }, { text: 'Rubio', type: 'person', name: 'Marco Rubio', occurrence: 1 }],
  quotes: [
    { text: FULL, speaker: 'Marco Rubio', cue: 'said', written: 'Rubio said' },
    { text: 'We are not there yet.', speaker: 'Marco Rubio' },
    { text: 'constructive and useful.', speaker: null, kind: 'partial' },
  ],
})
const a2 = fixtureArticle({
  text: 'Secretary Marco Rubio said "today was a good day, but there\'s a lot of work" ahead. Officials described the talks as "constructive and useful."',
  entities: [{ text: 'Marco Rubio', type: 'person' }],
  quotes: [
    { text: 'today was a good day, but there\'s a lot of work', speaker: 'Marco Rubio', kind: 'partial', cue: 'said', written: 'Secretary Marco Rubio' },
    { text: 'constructive and useful.', speaker: null, kind: 'partial' },
  ],
})
const a3 = fixtureArticle({
  text: 'Steve Witkoff told reporters: "Today was a very good day, but there is a lot of hard work left and we still have a ways to go." Rubio agreed.',
  entities: [{ text: 'Steve Witkoff', type: 'person' }, { text: 'Rubio', type: 'person' }],
  quotes: [{ text: 'Today was a very good day, but there is a lot of hard work left and we still have a ways to go.', speaker: 'Steve Witkoff' }],
})
// a1's words word for word, credited to someone else beside them.
const a5 = fixtureArticle({
  text: `Steve Witkoff told reporters: “${FULL}.”`,
  entities: [{ text: 'Steve Witkoff', type: 'person' }],
  quotes: [{ text: FULL, speaker: 'Steve Witkoff', cue: 'told', written: 'Steve Witkoff' }],
})
// a3's words, credited to Rubio as a1 and a2 credit them.
const a4 = fixtureArticle({
  text: 'Marco Rubio told reporters: "Today was a very good day, but there is a lot of hard work left and we still have a ways to go."',
  entities: [{ text: 'Marco Rubio', type: 'person' }],
  quotes: [{ text: 'Today was a very good day, but there is a lot of hard work left and we still have a ways to go.', speaker: 'Marco Rubio', cue: 'told', written: 'Marco Rubio' }],
})

test('alignQuotes makes one quote of the same words in several outlets, partial inside full', () => {
  const { quotes } = alignQuotes([a1, a2, a3], mergeEntities([a1, a2, a3]))
  assert.equal(quotes.length, 3)
  const [good, notYet, constructive] = quotes
  assert.equal(good.text, 'Today was a very good day, but there is a lot of hard work left and we still have a ways to go.')
  assert.deepEqual(good.articleIds, [a1.id, a2.id, a3.id])
  assert.equal(good.occurrences.length, 3)
  assert.equal(a2.text.slice(good.occurrences[1].start, good.occurrences[1].end), good.occurrences[1].text)
  assert.deepEqual(
    good.variants.map((v) => v.articleIds),
    [[a1.id], [a2.id], [a3.id]],
  )
  assert.equal(good.variants[0].text, FULL, 'each variant as one outlet printed it, curly apostrophe and dash kept')
  assert.equal(good.variants[1].text, "today was a good day, but there's a lot of work")
  assert.match(good.id, /^q_[0-9a-f]{10}$/)

  assert.deepEqual(notYet.articleIds, [a1.id])
  assert.deepEqual(notYet.variants, [])
  assert.equal(notYet.speaker?.name, 'Marco Rubio')
  assert.deepEqual(constructive.articleIds, [a1.id, a2.id])
  assert.deepEqual(constructive.variants, [], 'differences of case and punctuation are not variants')
  assert.equal(constructive.speaker, null)
})

test('alignQuotes reports rewordings of one speaker, not excerpts', () => {
  const entities = mergeEntities([a1, a2, a4])
  const { discrepancies } = alignQuotes([a1, a2, a4], entities)
  const wording = discrepancies.filter((d) => d.kind === 'quote-wording')
  assert.equal(wording.length, 1, JSON.stringify(discrepancies))
  assert.deepEqual(
    wording[0].values.map((v) => v.articleIds),
    [[a4.id], [a1.id]],
    'the longest wording and the reworded one; the excerpt in a2 is not a rewording',
  )
  // The differing words, with the words around them, so a reader sees what changed.
  assert.match(wording[0].description, /^quote by Marco Rubio worded differently: "…was a good day…" vs "…was a very good day…"/)
  assert.deepEqual(wording[0].values[1].support, [{ articleId: a1.id, start: a1.text.indexOf(FULL), end: a1.text.indexOf(FULL) + FULL.length }])
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'attribution'), [])
})

test('alignQuotes reports the same words credited to different named speakers', () => {
  const entities = mergeEntities([a1, a2, a5])
  const { quotes, discrepancies } = alignQuotes([a1, a2, a5], entities)
  assert.deepEqual(quotes[0].articleIds, [a1.id, a2.id, a5.id], 'the same words are one quote whoever they are credited to')
  const speakers = discrepancies.filter((d) => d.kind === 'attribution')
  assert.equal(speakers.length, 1)
  assert.match(speakers[0].description, /^same words attributed to different speakers/)
  assert.deepEqual(speakers[0].values, [
    { value: 'Marco Rubio', articleIds: [a1.id, a2.id] },
    { value: 'Steve Witkoff', articleIds: [a5.id] },
  ])
  assert.equal(quotes[0].speaker?.entityId, entities.findByName('Marco Rubio')?.id)
})

test('alignQuotes keeps apart two named speakers whose quotes share only a phrase', () => {
  const b1 = fixtureArticle({
    text: 'Anna Berg said: “The pier is safe for ferries again, and the survey proves it beyond doubt.”',
    entities: [{ text: 'Anna Berg', type: 'person' }],
    quotes: [{ text: 'The pier is safe for ferries again, and the survey proves it beyond doubt.', speaker: 'Anna Berg', cue: 'said', written: 'Anna Berg' }],
  })
  const b2 = fixtureArticle({
    text: 'Piotr Nowak said: “Nobody can claim the pier is safe for ferries again until the divers report.”',
    entities: [{ text: 'Piotr Nowak', type: 'person' }],
    quotes: [{ text: 'Nobody can claim the pier is safe for ferries again until the divers report.', speaker: 'Piotr Nowak', cue: 'said', written: 'Piotr Nowak' }],
  })
  const { quotes, discrepancies } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 2, 'two statements, each with its own speaker')
  assert.deepEqual(quotes.map((q) => q.speaker?.name).sort(), ['Anna Berg', 'Piotr Nowak'])
  assert.deepEqual(discrepancies, [])
})

test('alignQuotes: a short quote that a longer one itself quotes is not part of that statement', () => {
  const LETTER = 'The bridge is not “a road to nowhere.” It is the first bridge this county has built in forty years'
  const d1 = fixtureArticle({
    text: 'Ann Roe called the bridge “a road to nowhere.” on Monday.',
    entities: [{ text: 'Ann Roe', type: 'person' }],
    quotes: [{ text: 'a road to nowhere.', speaker: 'Ann Roe', kind: 'partial', cue: 'called', written: 'Ann Roe' }],
  })
  const d2 = fixtureArticle({
    text: `Tom Pell answered in a letter. “${LETTER},” Pell wrote.`,
    entities: [{ text: 'Tom Pell', type: 'person' }, { text: 'Pell', type: 'person', name: 'Tom Pell', occurrence: 1 }],
    quotes: [{ text: `${LETTER},`, speaker: 'Tom Pell', cue: 'wrote', written: 'Pell' }],
  })
  // The letter printed with no speaker beside it: its paragraph opens with the quote.
  const d3 = fixtureArticle({
    text: `Tom Pell sent a letter to the council.\n\n“${LETTER}.”`,
    entities: [{ text: 'Tom Pell', type: 'person' }],
    quotes: [{ text: `${LETTER}.`, speaker: null }],
  })
  // The unattributed copy read before the signed one: it must not take the short quote's speaker first.
  const { quotes } = alignQuotes([d1, d3, d2], mergeEntities([d1, d3, d2]))
  const letter = quotes.filter((q) => q.articleIds.includes(d3.id))
  assert.equal(letter.length, 1)
  assert.deepEqual([...letter[0].articleIds].sort(), [d2.id, d3.id].sort())
  assert.equal(letter[0].speaker?.name, 'Tom Pell', 'the letter is Pell\'s, not the words it quotes')
  const roe = quotes.filter((q) => q.articleIds.includes(d1.id))
  assert.deepEqual(roe.map((q) => q.articleIds), [[d1.id]])
  assert.equal(roe[0].speaker?.name, 'Ann Roe')
})

test('alignQuotes: a speaker quoting their own phrase inside a longer quote is one statement with it', () => {
  const e1 = fixtureArticle({
    text: 'Tom Pell called the plan the “bridge to prosperity” on Monday.',
    entities: [{ text: 'Tom Pell', type: 'person' }],
    quotes: [{ text: 'bridge to prosperity', speaker: 'Tom Pell', kind: 'partial', cue: 'called', written: 'Tom Pell' }],
  })
  const e2 = fixtureArticle({
    text: '“We call it the ‘bridge to prosperity’ and we mean every word of it, because this county has waited forty years,” Tom Pell said.',
    entities: [{ text: 'Tom Pell', type: 'person' }],
    quotes: [{ text: 'We call it the ‘bridge to prosperity’ and we mean every word of it, because this county has waited forty years,', speaker: 'Tom Pell', cue: 'said', written: 'Tom Pell' }],
  })
  const { quotes } = alignQuotes([e1, e2], mergeEntities([e1, e2]))
  assert.equal(quotes.length, 1)
  assert.deepEqual([...quotes[0].articleIds].sort(), [e1.id, e2.id].sort())
})

test('alignQuotes keeps apart two speakers sharing a phrase when one is read from the quote before', () => {
  // The second quote of c1 carries its speaker from the quote before it: no cue beside its words.
  const c1 = fixtureArticle({
    text: 'Dana Pell called the levy “a waste of money,” in a statement. “They are throwing good money after bad and the voters will remember it. These people are on the wrong side of the argument.”',
    entities: [{ text: 'Dana Pell', type: 'person' }],
    quotes: [
      { text: 'a waste of money,', speaker: 'Dana Pell', kind: 'partial', cue: 'called', written: 'Dana Pell' },
      { text: 'They are throwing good money after bad and the voters will remember it. These people are on the wrong side of the argument.', speaker: 'Dana Pell' },
    ],
  })
  const c2 = fixtureArticle({
    text: '“I believe the council is on the wrong side of the argument,” Omar Fitch said.',
    entities: [{ text: 'Omar Fitch', type: 'person' }],
    quotes: [{ text: 'I believe the council is on the wrong side of the argument,', speaker: 'Omar Fitch', cue: 'said', written: 'Omar Fitch' }],
  })
  const { quotes, discrepancies } = alignQuotes([c1, c2], mergeEntities([c1, c2]))
  const fitch = quotes.find((q) => q.text.startsWith('I believe'))
  assert.deepEqual(fitch?.articleIds, [c2.id], 'Fitch\'s words are no occurrence of Pell\'s statement')
  assert.equal(fitch?.speaker?.name, 'Omar Fitch')
  const pell = quotes.find((q) => q.text.startsWith('They are throwing'))
  assert.equal(pell?.speaker?.name, 'Dana Pell', 'Pell\'s words are not credited to Fitch')
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'attribution'), [])
})

test('alignQuotes does not call a speaker resolved through a pronoun a different attribution', () => {
  const b1 = fixtureArticle({
    text: 'Anna Berg spoke first. “The harbour will reopen once the divers have finished their survey,” she said.',
    entities: [{ text: 'Anna Berg', type: 'person' }],
    quotes: [{ text: 'The harbour will reopen once the divers have finished their survey,', speaker: 'Anna Berg', cue: 'said', written: 'she' }],
  })
  const b2 = fixtureArticle({
    text: 'Piotr Nowak said: “The harbour will reopen once the divers have finished their survey.”',
    entities: [{ text: 'Piotr Nowak', type: 'person' }],
    quotes: [{ text: 'The harbour will reopen once the divers have finished their survey.', speaker: 'Piotr Nowak', cue: 'said', written: 'Piotr Nowak' }],
  })
  const { quotes, discrepancies } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 1)
  assert.deepEqual(discrepancies, [])
})

// Two outlets quoting one speaker: which pairs are one statement worded differently.
const quoteBy = (text: string, quoted: string) =>
  fixtureArticle({ text, entities: [{ text: 'Anna Berg', type: 'person' }], quotes: [{ text: quoted, speaker: 'Anna Berg', cue: 'said', written: 'Anna Berg' }] })
const WORDINGS: [label: string, a: string, b: string, reworded: boolean][] = [
  ['a word changed inside the statement', 'It is not a seat at a bar, and everyone should act like it.', 'It is not a seat at the bar, and everyone should act like it.', true],
  ['a word added inside the statement', 'I can see more clearly how hurtful my words were to the family.', 'I can see more clearly just how hurtful my words were to the family.', true],
  ['one outlet left out a whole sentence', 'Rise to the occasion. Act like the job matters to you every single day. Dress like you deserve respect.', 'Rise to the occasion. Dress like you deserve respect.', false],
  ['one outlet marks what it left out', 'We will rebuild the harbour, and we will do it together with every family here.', 'We will rebuild the harbour … with every family here.', false],
  ['two statements sharing a phrase', 'The budget is balanced and taxes stay low. Our schools come first every time.', 'Our schools come first every time, and this budget protects every teacher in the state.', false],
  ['an abbreviated title and an inflection', 'Senator Berg respects that but thinks the pier should be built elsewhere.', 'Sen. Berg respects that but think the pier should be built elsewhere.', false],
  ['an acronym written with dots and without', 'He is a decorated F.B.I. special agent who served for twenty years.', 'He is a decorated FBI special agent who served for twenty years.', false],
  ['one excerpt longer at both ends', 'Frankly, the survey shows the pier is safe for ferries again.', 'the survey shows the pier is safe for ferries', false],
  ['an ampersand and "and"', 'There were some good & some bad ideas in the harbour plan this year.', 'There were some good and some bad ideas in the harbour plan this year.', false],
  ['a swear word masked by one outlet', 'I will not pay for that f***ing pier, not one cent of it, ever.', 'I will not pay for that fucking pier, not one cent of it, ever.', false],
  ['a swear word masked with dashes', 'They can take their s--- pier and sail it back to the city today.', 'They can take their shit pier and sail it back to the city today.', false],
  ['a stammer with two hyphens is no masked word', 'That is--that is not what we need at the pier this year.', 'That is -- that is not what we need at the pier this year.', false],
  ['a letter of a name before dashes is no masked word', 'We will go with Plan B--the ferry--until the pier is rebuilt next year.', 'We will go with Plan B -- the ferry -- until the pier is rebuilt next year.', false],
  ['"&" between single letters stays', 'The Texas A & M study found the pier was safe for the ferries again.', 'The Texas A&M study found the pier was safe for the ferries again.', false],
  ['a contraction written out', 'The mayor has said that he’s determined to keep every ferry in the harbour.', 'The mayor has said that he is determined to keep every ferry in the harbour.', false],
  ['"don\'t" and "do not"', 'I don’t favour a new pier if it costs the harbour families their ferry.', 'I do not favour a new pier if it costs the harbour families their ferry.', false],
  ['figures in words and digits', 'There is a two-in-three chance that we keep the harbour and a one-in-three chance we lose it.', 'There is a 2 in 3 chance that we keep the harbour and a 1 in 3 chance we lose it.', false],
  ['"that" kept by one outlet', 'Based upon the survey that he gave the council, the pier had changed its course.', 'Based upon the survey he gave the council, the pier had changed its course.', false],
  ['two statements sharing a phrase of small words', 'My view is that the harbour itself is a place between a ferry and a pier and that is my own preference', 'I have the same view on the harbour that I had when I was mayor and that I expressed many times. I believe the harbour is between a ferry and a pier', false],
  ['a four-word label with a word added and one left out', 'partisan political attack dog', 'partisan attack dog organization', true],
  ['"not" against a contraction that keeps it', 'We will not sell the pier to anyone, and we don’t plan to sell the ferries either.', 'We will sell the pier to anyone, and we don’t plan to sell the ferries either.', true],
]
for (const [label, x, y, reworded] of WORDINGS) {
  test(`alignQuotes wording: ${label} -> ${reworded ? 'a rewording' : 'no discrepancy'}`, () => {
    const a = quoteBy(`Anna Berg said: “${x}”`, x)
    const b = quoteBy(`“${y}” Anna Berg said.`, y)
    const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
    assert.equal(quotes.length, 1, 'one statement, one quote')
    assert.equal(discrepancies.filter((d) => d.kind === 'quote-wording').length, reworded ? 1 : 0, JSON.stringify(discrepancies))
  })
}

test('alignQuotes: a short quote with a few words left out is the same line, worded differently', () => {
  const full = 'With all due respect, that is just a pile of nonsense about the harbour. Not a single figure he gave is right.'
  const short = 'That is a pile of nonsense.'
  const a = quoteBy(`Anna Berg said: “${full}”`, full)
  const b = quoteBy(`“${short}” Anna Berg said.`, short)
  const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
  assert.equal(quotes.length, 1, 'one line, one quote')
  const wording = discrepancies.filter((d) => d.kind === 'quote-wording')
  assert.equal(wording.length, 1, JSON.stringify(discrepancies))
  assert.match(wording[0].description, /"…that is just a pile…" vs "…that is a pile…"|"…that is a pile…" vs "…that is just a pile…"/)
  // Short lines sharing words with a gap are not joined when all they share is function words.
  const c = quoteBy('“It is what it is,” Anna Berg said.', 'It is what it is')
  const d = quoteBy('Anna Berg said: “It is, as we all know, what it is for the harbour and the pier.”', 'It is, as we all know, what it is for the harbour and the pier.')
  const apart = alignQuotes([c, d], mergeEntities([c, d]))
  assert.equal(apart.quotes.length, 2)
  assert.equal(apart.discrepancies.filter((x) => x.kind === 'quote-wording').length, 0)
})

test('wordingDifferences: an excerpt starting with an article matched far off is no rewording', () => {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}']+/gu)!
  const long = words('Our talk lasted an hour. There will be no further account of the meeting, but lines of contact between the offices remain open.')
  const excerpt = words('the lines of contact between the offices remain open')
  assert.deepEqual(wordingDifferences(long, excerpt), [])
  // Words left out in the middle of the excerpt still count.
  assert.equal(wordingDifferences(long, words('the meeting, but lines of contact remain open'))?.length, 1)
})

test('wordingDifferences reads past a sentence one outlet left out: a change after it still counts', () => {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}']+/gu)!
  const full = words('I was talking about the harbour and the families who live by it every day of the year. We keep the ferries for them, for their children and for the town. We are not here to serve the pier. The pier is not the point. People are the point.')
  const cut = words('I was talking about the harbour and the families who live by it every day of the year ... We are not here to serve the pier. That is not the point. People are the point.')
  const diffs = wordingDifferences(full, cut)
  assert.equal(diffs?.length, 1, JSON.stringify(diffs))
  assert.match(diffs![0].sides.join(' | '), /the pier the pier is not \| the pier that is not/)
})

test('alignQuotes keeps unrelated quotes that share a few common words apart', () => {
  const b1 = fixtureArticle({ text: 'He said "we will work towards peace in the weeks to come" on Friday.', quotes: [{ text: 'we will work towards peace in the weeks to come', speaker: null }] })
  const b2 = fixtureArticle({ text: 'She said "prices will come down in the weeks ahead" on Monday.', quotes: [{ text: 'prices will come down in the weeks ahead', speaker: null }] })
  const { quotes, discrepancies } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 2)
  assert.deepEqual(discrepancies, [])
})

// Short quotes: the same two or three words, in either order, from one source or compatible ones.
const KREMLIN = { text: 'The Kremlin', type: 'organization' as const, name: 'Kremlin' }
const aide = (name: string, role: string) => ({ text: name, type: 'person' as const, role })

function shortQuote(text: string, quoted: string, speaker: string | null, entities: Parameters<typeof fixtureArticle>[0]['entities'] = []) {
  return fixtureArticle({ text, entities, quotes: [{ text: quoted, speaker, kind: 'partial' }] })
}

test('alignQuotes joins a short quote and its reordering from a body and its aide; another order is not a rewording', () => {
  const k = shortQuote('The Kremlin called the talks "constructive and useful."', 'constructive and useful.', 'Kremlin', [KREMLIN])
  const u = shortQuote('Kremlin aide Yury Ushakov described the talks as "useful and constructive."', 'useful and constructive.', 'Yury Ushakov', [aide('Yury Ushakov', 'Kremlin aide')])
  const { quotes, discrepancies } = alignQuotes([k, u], mergeEntities([k, u]))
  assert.equal(quotes.length, 1)
  assert.deepEqual(quotes[0].articleIds, [k.id, u.id])
  assert.deepEqual(quotes[0].variants, [
    { text: 'constructive and useful.', articleIds: [k.id] },
    { text: 'useful and constructive.', articleIds: [u.id] },
  ])
  assert.deepEqual(discrepancies, [], '"useful and constructive" / "constructive and useful" say the same; a body and its aide do not contradict')
})

test('alignQuotes credits a quote to the one person who speaks for a body over the body, however many outlets name the body', () => {
  const Q = 'useful and very constructive for both sides.'
  const said = (text: string, speaker: string, entities: Parameters<typeof fixtureArticle>[0]['entities'], written: string) =>
    fixtureArticle({ text, entities, quotes: [{ text: Q, speaker, kind: 'partial', cue: 'called', written }] })
  const k1 = said(`The Kremlin called the talks "${Q}"`, 'Kremlin', [KREMLIN], 'The Kremlin')
  const k2 = said(`The Kremlin later called the talks "${Q}"`, 'Kremlin', [KREMLIN], 'The Kremlin')
  const speakerWith = (third: ReturnType<typeof said>, ...more: ReturnType<typeof said>[]) => {
    const all = [k1, k2, third, ...more]
    return alignQuotes(all, mergeEntities(all)).quotes.find((q) => q.articleIds.includes(k1.id))?.speaker?.name
  }
  const ushakov = said(`Kremlin aide Yury Ushakov called the talks "${Q}"`, 'Yury Ushakov', [aide('Yury Ushakov', 'Kremlin aide')], 'Yury Ushakov')
  assert.equal(speakerWith(ushakov), 'Yury Ushakov')
  // A role naming the body without speaking for it, or held no longer, leaves the words the body's.
  assert.equal(speakerWith(said(`Kremlin critic Ivan Sorin called the talks "${Q}"`, 'Ivan Sorin', [aide('Ivan Sorin', 'Kremlin critic')], 'Ivan Sorin')), 'Kremlin')
  assert.equal(speakerWith(said(`Former Kremlin aide Ivan Sorin called the talks "${Q}"`, 'Ivan Sorin', [aide('Ivan Sorin', 'former Kremlin aide')], 'Ivan Sorin')), 'Kremlin')
  // Found through a pronoun, the aide does not outrank two outlets naming the body beside the words.
  const viaPronoun = fixtureArticle({
    text: `Kremlin aide Yury Ushakov met the envoy. Later he called the talks "${Q}"`,
    entities: [aide('Yury Ushakov', 'Kremlin aide')],
    quotes: [{ text: Q, speaker: 'Yury Ushakov', kind: 'partial', cue: 'called', written: 'he' }],
  })
  assert.equal(speakerWith(viaPronoun), 'Kremlin')
  // Two of the body's people credited with one statement leave it the body's.
  const L = 'The talks were useful and very constructive for both sides, and they will go on in Moscow next month.'
  const stated = (text: string, speaker: string, entities: Parameters<typeof fixtureArticle>[0]['entities'], written: string) =>
    fixtureArticle({ text, entities, quotes: [{ text: L, speaker, kind: 'direct', cue: 'said', written }] })
  const long = [
    stated(`The Kremlin said: "${L}"`, 'Kremlin', [KREMLIN], 'The Kremlin'),
    stated(`The Kremlin later said: "${L}"`, 'Kremlin', [KREMLIN], 'The Kremlin'),
    stated(`Kremlin aide Yury Ushakov said: "${L}"`, 'Yury Ushakov', [aide('Yury Ushakov', 'Kremlin aide')], 'Yury Ushakov'),
    stated(`Kremlin spokesman Dmitry Peskov said: "${L}"`, 'Dmitry Peskov', [aide('Dmitry Peskov', 'Kremlin spokesman')], 'Dmitry Peskov'),
  ]
  const joined = alignQuotes(long, mergeEntities(long)).quotes
  assert.equal(joined.length, 1)
  assert.equal(joined[0].speaker?.name, 'Kremlin')
})

test('alignQuotes joins both orders of a short quote that also sits inside a longer one, without a discrepancy', () => {
  const long = shortQuote('Yury Ushakov said: "A very useful and constructive conversation took place."', 'A very useful and constructive conversation took place.', 'Yury Ushakov', [aide('Yury Ushakov', 'Kremlin aide')])
  const same = shortQuote('Yury Ushakov called it "useful and constructive."', 'useful and constructive.', 'Yury Ushakov', [aide('Yury Ushakov', 'Kremlin aide')])
  const other = shortQuote('The Kremlin described the meeting as "constructive and useful."', 'constructive and useful.', 'Kremlin', [KREMLIN])
  const { quotes, discrepancies } = alignQuotes([long, same, other], mergeEntities([long, same, other]))
  assert.equal(quotes.length, 1)
  assert.equal(quotes[0].text, 'A very useful and constructive conversation took place.')
  assert.equal(quotes[0].speaker?.name, 'Yury Ushakov')
  assert.deepEqual(quotes[0].variants.map((v) => v.text), ['A very useful and constructive conversation took place.', 'useful and constructive.', 'constructive and useful.'])
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'quote-wording'), [])
})

// Pairs of short quotes that must stay apart: common phrases from unrelated speakers, or other words.
const APART: [label: string, a: ReturnType<typeof shortQuote>, b: ReturnType<typeof shortQuote>][] = [
  [
    'two unrelated people',
    shortQuote('Union leader Anna Berg called the offer "fair and balanced."', 'fair and balanced.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
    shortQuote('Finance minister Piotr Nowak called the budget "balanced and fair."', 'balanced and fair.', 'Piotr Nowak', [aide('Piotr Nowak', 'Finance minister')]),
  ],
  [
    'a body and a person whose role names another body',
    shortQuote('The Kremlin called the talks "constructive and useful."', 'constructive and useful.', 'Kremlin', [KREMLIN]),
    shortQuote('Foreign Ministry spokeswoman Olga Kern called them "useful and constructive."', 'useful and constructive.', 'Olga Kern', [aide('Olga Kern', 'Foreign Ministry spokeswoman')]),
  ],
  [
    'an unnamed official and a named person',
    shortQuote('Tariffs are "still expected on Friday," a senior official said.', 'still expected on Friday,', 'a senior official'),
    shortQuote('Anna Berg said prices are "still expected on Friday."', 'still expected on Friday.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
  ],
  [
    'one speaker, different words',
    shortQuote('Anna Berg called the offer "useful and constructive."', 'useful and constructive.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
    shortQuote('Anna Berg called the talks "useful but slow."', 'useful but slow.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
  ],
  [
    'a short quote inside a long one by an unrelated speaker',
    shortQuote('Anna Berg said: "It was a fair and balanced hearing for every worker here."', 'It was a fair and balanced hearing for every worker here.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
    shortQuote('Piotr Nowak called the budget "fair and balanced."', 'fair and balanced.', 'Piotr Nowak', [aide('Piotr Nowak', 'Finance minister')]),
  ],
]
for (const [label, a, b] of APART) {
  test(`alignQuotes keeps short quotes apart: ${label}`, () => {
    const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
    assert.equal(quotes.length, 2)
    assert.deepEqual(discrepancies, [])
  })
}

// Pairs that match: the same source, or one side without an attribution.
const TOGETHER: [label: string, a: ReturnType<typeof shortQuote>, b: ReturnType<typeof shortQuote>][] = [
  [
    'an unattributed quote and an attributed reordering',
    shortQuote('Officials described the talks as "constructive and useful."', 'constructive and useful.', null),
    shortQuote('Anna Berg called the talks "useful and constructive."', 'useful and constructive.', 'Anna Berg', [aide('Anna Berg', 'Union leader')]),
  ],
  [
    'two unnamed officials (not known to be different people)',
    shortQuote('Tariffs are "still expected on Friday," a senior official said.', 'still expected on Friday,', 'a senior official'),
    shortQuote('The tariffs are "still expected on Friday," said a trade department official.', 'still expected on Friday,', 'a trade department official'),
  ],
  [
    'one person under two spellings, an excerpt of a longer quote',
    shortQuote('Yuri Ushakov said: "It was a useful and constructive conversation about trade."', 'It was a useful and constructive conversation about trade.', 'Yuri Ushakov', [aide('Yuri Ushakov', 'aide')]),
    shortQuote('Yury Ushakov called it "constructive and useful."', 'constructive and useful.', 'Yury Ushakov', [aide('Yury Ushakov', 'aide')]),
  ],
]
for (const [label, a, b] of TOGETHER) {
  test(`alignQuotes joins short quotes: ${label}`, () => {
    const { quotes } = alignQuotes([a, b], mergeEntities([a, b]))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0].articleIds.length, 2)
  })
}

// A short partial quote of a line another outlet prints whole, with one function word of its own.
const ONE_WORD_APART: [label: string, full: string, short: string, joined: boolean, reworded: boolean][] = [
  ['an article changed inside', 'Wear boots that suit the trail, not a seat at a cafe.', 'a seat at the cafe', true, true],
  ['a preposition changed inside', 'Our crews will be on the water at dawn tomorrow.', 'will be in the water at dawn', true, true],
  ['an article added inside', 'Bring the kids to see a play at the old theatre downtown.', 'a play at old theatre', true, true],
  ['a content word changed', 'Wear boots that suit the trail, not a seat at a cafe.', 'a seat at the bar', false, false],
  ['a negation changed', 'They will not reopen the bridge before June.', 'will now reopen the bridge', false, false],
  ['a three-word quote (too short to tell)', 'Meet us at the pier tonight.', 'at a pier', false, false],
]
for (const [label, full, short, joined, reworded] of ONE_WORD_APART) {
  test(`alignQuotes, a short quote one function word apart from the full line: ${label}`, () => {
    const a = quoteBy(`Anna Berg wrote: “${full}”`, full)
    const b = fixtureArticle({
      text: `Anna Berg said it was “${short}.”`,
      entities: [{ text: 'Anna Berg', type: 'person' }],
      quotes: [{ text: `${short}.`, speaker: 'Anna Berg', kind: 'partial', cue: 'said', written: 'Anna Berg' }],
    })
    const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
    assert.equal(quotes.length, joined ? 1 : 2)
    assert.equal(discrepancies.filter((d) => d.kind === 'quote-wording').length, reworded ? 1 : 0, JSON.stringify(discrepancies))
  })
}

test('alignQuotes does not join two named speakers through a third quote that shares words with both', () => {
  const b1 = fixtureArticle({
    text: 'Anna Berg said: “The ferry tax will ruin the harbour towns and every family that works the piers.”',
    entities: [{ text: 'Anna Berg', type: 'person' }],
    quotes: [{ text: 'The ferry tax will ruin the harbour towns and every family that works the piers.', speaker: 'Anna Berg', cue: 'said', written: 'Anna Berg' }],
  })
  const b2 = fixtureArticle({
    text: 'A leaflet read: “The ferry tax will ruin the harbour towns, yet the council still says the piers need money.”',
    quotes: [{ text: 'The ferry tax will ruin the harbour towns, yet the council still says the piers need money.', speaker: null }],
  })
  const b3 = fixtureArticle({
    text: 'Piotr Nowak said: “The council still says the piers need money, and the money has to come from somewhere.”',
    entities: [{ text: 'Piotr Nowak', type: 'person' }],
    quotes: [{ text: 'The council still says the piers need money, and the money has to come from somewhere.', speaker: 'Piotr Nowak', cue: 'said', written: 'Piotr Nowak' }],
  })
  const { quotes, discrepancies } = alignQuotes([b1, b2, b3], mergeEntities([b1, b2, b3]))
  const of = (id: string) => quotes.find((q) => q.articleIds.includes(id))
  assert.notEqual(of(b1.id), of(b3.id), 'Berg’s and Nowak’s statements stay two quotes')
  assert.equal(of(b1.id)?.speaker?.name, 'Anna Berg')
  assert.equal(of(b3.id)?.speaker?.name, 'Piotr Nowak')
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'attribution'), [])
})

test('alignQuotes credits a quote to the speaker outlets name beside it over one read through a pronoun', () => {
  const words = 'The harbour will reopen once the divers complete their survey of the old pier.'
  const byPronoun = (name: string) =>
    fixtureArticle({
      text: `${name} spoke first. “${words}” she said.`,
      entities: [{ text: name, type: 'person' }],
      quotes: [{ text: words, speaker: name, cue: 'said', written: 'she' }],
    })
  const [b1, b2] = [byPronoun('Anna Berg'), byPronoun('Anna Berg')]
  const b3 = fixtureArticle({
    text: `Ada Quist said: “${words}”`,
    entities: [{ text: 'Ada Quist', type: 'person' }],
    quotes: [{ text: words, speaker: 'Ada Quist', cue: 'said', written: 'Ada Quist' }],
  })
  const { quotes } = alignQuotes([b1, b2, b3], mergeEntities([b1, b2, b3]))
  assert.equal(quotes.length, 1)
  assert.equal(quotes[0].speaker?.name, 'Ada Quist')
})

test('alignQuotes: one article crediting the same words to two speakers is no attribution discrepancy', () => {
  const words = 'We support this action by the harbour board because the ferries must run all winter long.'
  const again = 'we support this action by the harbour board because the ferries must run all winter long'
  const b1 = fixtureArticle({
    text: `Anna Berg said: “${words}” Later, Piotr Nowak said: “${again}.”`,
    entities: [{ text: 'Anna Berg', type: 'person' }, { text: 'Piotr Nowak', type: 'person' }],
    quotes: [
      { text: words, speaker: 'Anna Berg', cue: 'said', written: 'Anna Berg' },
      { text: again, speaker: 'Piotr Nowak', cue: 'said', written: 'Piotr Nowak' },
    ],
  })
  const b2 = fixtureArticle({ text: 'The board met on Monday and agreed.' })
  const { quotes, discrepancies } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 1, 'the same words, one quote')
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'attribution'), [])
})

test('alignQuotes credits a quote to the document most outlets name beside it over a person one outlet names', () => {
  const words = 'We would be remiss in our duty if we did not challenge your continuing misuse of the harbour budget and its promises to every ferry family.'
  const byLetter = (lead: string) =>
    fixtureArticle({ text: `${lead} “${words}” the letter states.`, quotes: [{ text: words, speaker: 'the letter', cue: 'states', written: 'the letter' }] })
  const [b1, b2] = [byLetter('Professors wrote to the council.'), byLetter('A letter reached the mayor.')]
  const b3 = fixtureArticle({
    text: `Tom Pell said: “${words}”`,
    entities: [{ text: 'Tom Pell', type: 'person' }],
    quotes: [{ text: words, speaker: 'Tom Pell', cue: 'said', written: 'Tom Pell' }],
  })
  const { quotes } = alignQuotes([b1, b2, b3], mergeEntities([b1, b2, b3]))
  assert.equal(quotes.length, 1)
  assert.equal(quotes[0].speaker?.name, 'the letter')
})

test('alignQuotes: two statements sharing a clause are two quotes, and no rewording', () => {
  const x = 'The pledge to the harbour families, which is one of the oldest promises of this council, means we keep the ferries running and the fares low.'
  const y = 'She looks forward to our shared pledge to the harbour families, which of course does not mean a new tax on every ferry.'
  const a = quoteBy(`Anna Berg said: “${x}”`, x)
  const b = quoteBy(`“${y}” Anna Berg said.`, y)
  const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
  assert.equal(quotes.length, 2)
  assert.deepEqual(discrepancies.filter((d) => d.kind === 'quote-wording'), [])
  // The rewording rule alone, on the two wordings: a shared clause is not one statement.
  const words = (t: string) => t.toLowerCase().match(/[\p{L}']+/gu)!
  assert.equal(wordingDifferences(words(x), words(y)), null)
})

test('alignQuotes: words two speakers share without a long shared run are two statements', () => {
  const x = 'Colorado marijuana keeps flowing across the border into neighboring states every single week.'
  const y = 'Neighboring states worry about Colorado marijuana crossing the border.'
  const b1 = fixtureArticle({
    text: `The lawsuit says: “${x}”`,
    quotes: [{ text: x, speaker: 'the lawsuit', cue: 'says', written: 'The lawsuit' }],
  })
  const b2 = fixtureArticle({
    text: `Tom Pell spoke on Monday. “${y}” he said.`,
    entities: [{ text: 'Tom Pell', type: 'person' }],
    quotes: [{ text: y, speaker: 'Tom Pell', cue: 'said', written: 'he' }],
  })
  const { quotes } = alignQuotes([b1, b2], mergeEntities([b1, b2]))
  assert.equal(quotes.length, 2)
  assert.deepEqual(quotes.map((q) => q.speaker?.name).sort(), ['Tom Pell', 'the lawsuit'])
})

test('alignQuotes: a speaker found through a role phrase naming an employer is the person, not the employer', () => {
  const radio = fixtureArticle({
    text: 'Ron Dale spoke at the convention. All we have heard, the Orvale Radio host complained, is “we need a bigger boat for the whole harbour.”',
    entities: [{ text: 'Ron Dale', type: 'person' }, { text: 'Orvale Radio', type: 'organization' }],
    quotes: [{ text: 'we need a bigger boat for the whole harbour.', speaker: 'Ron Dale', cue: 'complained', written: 'the Orvale Radio host' }],
  })
  const { quotes } = alignQuotes([radio], mergeEntities([radio]))
  assert.equal(quotes[0].speaker?.name, 'Ron Dale')
})

test('alignQuotes credits a continuation to the speaker named in its own paragraph over one carried from paragraphs before', () => {
  const SAID = 'Her budget is a disgrace to this town, and every family in it will pay for her mistakes.'
  // B: a quote paragraph after the mayor's own words, read as hers by continuation.
  const b = fixtureArticle({
    outlet: 'B',
    text: `“We will build the pier this year,” Ana Duarte said.\n\n“${SAID}”`,
    entities: [{ text: 'Ana Duarte', type: 'person' }],
    quotes: [
      { text: 'We will build the pier this year,', speaker: 'Ana Duarte', cue: 'said', written: 'Ana Duarte' },
      { text: SAID, speaker: 'Ana Duarte', via: 'continuation/previous-quote' },
    ],
  })
  // A: the same words right after the spokesman's attributed quote, in one paragraph.
  const a = fixtureArticle({
    outlet: 'A',
    text: `“Mayor Ana Duarte has lost her way,” said Piet Kral, an opposition spokesman. “${SAID}”`,
    entities: [{ text: 'Ana Duarte', type: 'person' }, { text: 'Piet Kral', type: 'person' }],
    quotes: [
      { text: 'Mayor Ana Duarte has lost her way,', speaker: 'Piet Kral', cue: 'said', written: 'Piet Kral' },
      { text: SAID, speaker: 'Piet Kral', via: 'continuation/previous-quote' },
    ],
  })
  const articles = [b, a]
  const { quotes } = alignQuotes(articles, mergeEntities(articles))
  const disgrace = quotes.find((q) => q.text.startsWith('Her budget'))
  assert.equal(disgrace?.articleIds.length, 2)
  assert.equal(disgrace?.speaker?.name, 'Piet Kral')
})

test('alignQuotes does not make two statements of one article one quote through a third that shares words with each', () => {
  const HELLO = 'Good evening, my name is the harbour board and I have a leak'
  const HEARD = 'Nobody on the harbour board will say its name and admit that they have a leak'
  const FULL = `${HELLO}. I am addicted to spending and to big projects`
  const a = fixtureArticle({
    outlet: 'A',
    text: `“${HELLO}!” Rolf Amsel declared.`,
    entities: [{ text: 'Rolf Amsel', type: 'person' }],
    quotes: [{ text: HELLO, speaker: 'Rolf Amsel' }],
  })
  const b = fixtureArticle({
    outlet: 'B',
    text: `Rolf Amsel opened with a joke. “${HEARD},” he said. Then: “${FULL},” he declared.`,
    entities: [{ text: 'Rolf Amsel', type: 'person' }],
    quotes: [
      { text: HEARD, speaker: 'Rolf Amsel' },
      { text: FULL, speaker: 'Rolf Amsel' },
    ],
  })
  const { quotes } = alignQuotes([a, b], mergeEntities([a, b]))
  const hello = quotes.find((q) => q.occurrences.some((o) => o.articleId === a.id))
  assert.ok(hello)
  assert.deepEqual(hello.occurrences.map((o) => o.text).sort(), [FULL, HELLO].sort(), 'the full line joins, the other statement does not')
  assert.ok(quotes.some((q) => q.occurrences.length === 1 && q.occurrences[0].text === HEARD))
})

test('alignQuotes: a short line and its negation are two statements, not one worded differently', () => {
  const cases: [string, string][] = [
    ['We support the harbour deal.', 'We do not support the harbour deal at all.'],
    ['I will vote for the pier.', 'I will never ever vote for the pier.'],
    ['It is a harbour disaster.', 'It isn’t a harbour disaster.'],
  ]
  for (const [x, y] of cases) {
    const a = quoteBy(`“${x}” Anna Berg said.`, x)
    const b = quoteBy(`Anna Berg said: “${y}”`, y)
    const { quotes, discrepancies } = alignQuotes([a, b], mergeEntities([a, b]))
    assert.equal(quotes.length, 2, `${x} / ${y}`)
    assert.deepEqual(discrepancies.filter((d) => d.kind === 'quote-wording'), [])
  }
})

test('wordingDifferences: words an outlet adds at the start of the full line still count; a contraction is shown as printed', () => {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}']+/gu)!
  assert.equal(wordingDifferences(words('the people of this harbour town deserve a ferry that runs on time'), words('the good people of this harbour town deserve a ferry that runs on time'))?.length, 1)
  // "we'd" compared as "we 'd", matching "we had" and "we would"; a change is shown in the printed words.
  const x = 'I think we\'d gone to the harbour every single day of the week to see the ferry come in'
  const y = 'I think we had been to the harbour every single day of the week to see the ferry come in'
  const a = quoteBy(`Anna Berg said: “${x}”`, x)
  const b = quoteBy(`“${y}” Anna Berg said.`, y)
  const wording = alignQuotes([a, b], mergeEntities([a, b])).discrepancies.filter((d) => d.kind === 'quote-wording')
  assert.equal(wording.length, 1, JSON.stringify(wording))
  assert.match(wording[0].description, /"…we'd gone to the…" vs "…we had been to the…"|"…we had been to the…" vs "…we'd gone to the…"/)
  assert.doesNotMatch(wording[0].description, /would/)
})
