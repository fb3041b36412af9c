import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { relatedStems, wordConcepts } from './lexicon.js'
import { stem } from './stems.js'

describe('relatedStems', () => {
  it('relates synonyms and derivationally related words, by the stems the judge uses', () => {
    for (const [a, b] of [['resigned', 'quit'], ['resigned', 'resignation'], ['purchased', 'bought'], ['big', 'large'], ['climbed', 'rose']]) {
      assert.equal(relatedStems(stem(a), stem(b)), true, `${a} / ${b}`)
    }
  })

  it('relates a word and its direct hypernym only when asked for broader relations', () => {
    assert.equal(relatedStems('sedan', 'car'), false)
    assert.equal(relatedStems('sedan', 'car', true), true)
  })

  it('does not relate unrelated words, and knows nothing of words WordNet lacks', () => {
    assert.equal(relatedStems('bank', 'river', true), false)
    assert.equal(relatedStems('tariff', 'volcano', true), false)
    assert.equal(wordConcepts('xqzvw'), undefined)
    assert.ok(wordConcepts('aardvark'), 'the first lines of the sorted file are found')
    assert.ok(wordConcepts('zygote'), 'the last lines of the sorted file are found')
  })
})
