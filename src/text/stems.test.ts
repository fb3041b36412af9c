import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CLAIM_STOPWORDS, contentLemmas, stem, stemPlural, TOPIC_STOPWORDS } from './stems.js'

test('stem strips inflections and maps the synonyms news paraphrases', () => {
  const cases: [word: string, lemma: string][] = [
    ['talks', 'meet'],
    ['meeting', 'meet'],
    ['killed', 'kill'],
    ['parties', 'party'],
    ['marches', 'march'],
    ['ships', 'ship'],
    ['crossing', 'cross'],
    ['quickly', 'quick'],
    ['russia’s', 'russia'],
    ['bus', 'bus'],
    ['glass', 'glass'],
  ]
  for (const [word, lemma] of cases) assert.equal(stem(word), lemma, word)
})

test('stemPlural folds plurals only', () => {
  const cases: [word: string, folded: string][] = [
    ['sanctions', 'sanction'],
    ['parties', 'party'],
    ['talks', 'talk'],
    ['crossing', 'crossing'],
    ['killed', 'killed'],
    ['gas', 'gas'],
    ['status', 'status'],
  ]
  for (const [word, folded] of cases) assert.equal(stemPlural(word), folded, word)
})

test('the two stopword lists: days are no topic but can be part of a claim; hedges are no claim content', () => {
  assert.ok(TOPIC_STOPWORDS.has('wednesday') && !CLAIM_STOPWORDS.has('wednesday'))
  assert.ok(CLAIM_STOPWORDS.has('approximately') && !TOPIC_STOPWORDS.has('approximately'))
  for (const word of ['the', 'said', 'and']) assert.ok(TOPIC_STOPWORDS.has(word) && CLAIM_STOPWORDS.has(word), word)
})

test('contentLemmas: the lemmas of a text in order, without stopwords, digits or number words', () => {
  assert.deepEqual(contentLemmas('The talks lasted two hours'), ['meet', 'long', 'hour'])
  assert.deepEqual(contentLemmas('A cease-fire, then 3 ceasefires; Müller’s truce.'), ['ceasefire', 'ceasefire', 'muller', 'ceasefire'])
})

test('stems "constructor" and "toString" like any word, not as Object\'s properties', () => {
  assert.equal(stem('constructor'), 'constructor')
  assert.ok(contentLemmas('The constructor called toString and valueOf').every((l) => typeof l === 'string'))
})

test('contentLemmas reads a hyphenated pair that is one word closed up as that word', () => {
  assert.deepEqual(contentLemmas('a winter fund-raiser'), contentLemmas('a winter fundraiser'))
  assert.deepEqual(contentLemmas('his re-election bid'), contentLemmas('his reelection bid'))
  // Not a word closed up: the two words stay ("two-hour" still meets "hour").
  assert.ok(contentLemmas('a two-hour meeting').includes('hour'))
  assert.ok(contentLemmas('an anti-abortion group').includes('abortion'))
})
