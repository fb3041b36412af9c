import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateCorpus } from '../../bench/corpus.js'
import { annotate } from '../enrich/index.js'
import { extractArticle } from '../extract/index.js'
import { DEFAULT_MAX_TERMS } from './clusterer.js'
import { articleFeatures, decodeFeatures, encodeFeatures } from './features.js'
import { StoryClusterer } from './index.js'

const encoder = new TextEncoder()
const articles = generateCorpus(120, 3).articles.map((a) =>
  annotate(extractArticle({ source: { kind: 'text', path: a.path }, bytes: encoder.encode(a.text), publishedAt: a.publishedAt })))

test('features survive their text form exactly: weights, labels, fingerprint, order', () => {
  for (const article of articles.slice(0, 20)) {
    const f = articleFeatures(article, DEFAULT_MAX_TERMS)
    const back = decodeFeatures(encodeFeatures(f, DEFAULT_MAX_TERMS), DEFAULT_MAX_TERMS)
    assert.ok(back)
    assert.deepEqual([...back.terms], [...f.terms])
    assert.deepEqual([...back.entities], [...f.entities])
    assert.deepEqual([...back.labels], [...f.labels])
    assert.deepEqual([...back.dates], [...f.dates])
    assert.deepEqual([...back.numbers], [...f.numbers])
    assert.deepEqual([...back.fp], [...f.fp])
    assert.equal(back.id, f.id)
    assert.equal(back.time, f.time)
  }
})

test('a consumer clustering from decoded features assigns exactly as one clustering the articles', () => {
  const direct = new StoryClusterer()
  const viaText = new StoryClusterer()
  for (const article of articles) {
    const text = encodeFeatures(articleFeatures(article, DEFAULT_MAX_TERMS), DEFAULT_MAX_TERMS)
    assert.deepEqual(viaText.addFeatures(decodeFeatures(text, DEFAULT_MAX_TERMS)!, true), direct.add(article))
  }
  assert.ok(direct.clusters().length > 1 && direct.clusters().length < articles.length, 'the corpus makes several multi-article stories')
})

test('features made with another term budget are not used', () => {
  const text = encodeFeatures(articleFeatures(articles[0], 40), 40)
  assert.equal(decodeFeatures(text, DEFAULT_MAX_TERMS), null)
  assert.ok(decodeFeatures(text, 40))
})
