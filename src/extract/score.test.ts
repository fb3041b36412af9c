import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { sharedDir } from '../../test/helpers/shared.js'
import { aggregateScores, pageF1, scorePage, shingles, wordScore } from './score.js'

test('shingles are word 4-grams over \\w+ tokens, counted as a multiset', () => {
  const counts = shingles('The cat, the cat! The cat the cat')
  // 8 tokens give 5 shingles; "The cat the cat" occurs twice (case is kept, punctuation is not a token).
  assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 5)
  assert.equal(counts.get(['The', 'cat', 'the', 'cat'].join('\u0001')), 2)
})

test('a text under four tokens is one short shingle; no tokens, no shingle', () => {
  assert.deepEqual([...shingles('hello world').values()], [1])
  assert.equal(shingles(' ... ').size, 0)
})

test('a page\'s counts are normalised by their sum', () => {
  // gold: "a b c d", "b c d e"; predicted: "a b c d", "b c d x" -> tp 1, fp 1, fn 1.
  const counts = scorePage('a b c d e', 'a b c d x')
  assert.deepEqual(counts, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 })
  assert.equal(pageF1(counts), 0.5)
})

test('precision skips pages with no prediction; recall counts them as 0', () => {
  const half = scorePage('a b c d e', 'a b c d x')
  const missed = scorePage('a b c d e', '')
  const score = aggregateScores([half, missed])
  assert.equal(score.precision, 0.5)
  assert.equal(score.recall, 0.25)
  assert.ok(Math.abs(score.f1 - 1 / 3) < 1e-12)
})

const aeb = join(sharedDir, 'datasets', 'aeb')

test('reproduces the published AEB F1 of saved outputs to the third decimal', { skip: !existsSync(aeb) }, () => {
  type Bodies = Record<string, { articleBody?: string }>
  const gold = JSON.parse(readFileSync(join(aeb, 'ground-truth.json'), 'utf8')) as Bodies
  const published: Record<string, number> = { readability_js: 0.947, trafilatura: 0.958, rs_trafilatura: 0.97, goose3: 0.896 }
  for (const [system, f1] of Object.entries(published)) {
    const data = JSON.parse(readFileSync(join(aeb, 'output', `${system}.json`), 'utf8')) as { output?: Bodies } & Bodies
    const bodies = (data.output ?? data) as Bodies
    const pages = Object.keys(gold).map((key) => scorePage(gold[key].articleBody ?? '', bodies[key]?.articleBody ?? ''))
    assert.equal(Math.round(aggregateScores(pages).f1 * 1000) / 1000, f1, system)
  }
})

test('word scores count lower-cased tokens as a multiset, as WCXB does', () => {
  const score = wordScore('The cat sat on the mat', 'the the the cat')
  // 3 of the 4 predicted tokens match ("the" twice, "cat"); 3 of the 6 gold tokens are found.
  assert.equal(score.precision, 0.75)
  assert.equal(score.recall, 0.5)
  assert.ok(Math.abs(score.f1 - 0.6) < 1e-12)
})

test('an empty gold text scores 1 only against an empty prediction; an empty prediction scores 0', () => {
  assert.deepEqual(wordScore('', ' ... '), { precision: 1, recall: 1, f1: 1 })
  assert.deepEqual(wordScore('', 'menu'), { precision: 0, recall: 0, f1: 0 })
  assert.deepEqual(wordScore('some text', ''), { precision: 0, recall: 0, f1: 0 })
})
