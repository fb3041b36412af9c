import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { basilTexts, writeTexts } from './cli.js'

describe('bench cli corpora', () => {
  it('reads BASIL articles of even years only, as title and paragraphs', () => {
    const shared = mkdtempSync(join(tmpdir(), 'parallax-cli-test-'))
    try {
      for (const year of ['2012', '2013']) {
        const dir = join(shared, 'datasets/basil/articles', year)
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, 'a_1.json'), JSON.stringify({ title: `Council vote ${year}`, 'body-paragraphs': [['The council met.', 'It voted.'], ['Residents waited.']] }))
      }
      assert.deepEqual(basilTexts(shared, 10), ['Council vote 2012\n\nThe council met. It voted.\n\nResidents waited.'])
      assert.deepEqual(basilTexts(join(shared, 'missing'), 10), [])
    } finally {
      rmSync(shared, { recursive: true, force: true })
    }
  })

  it('writes one file per text, in order, a thousand to a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-test-'))
    try {
      const texts = Array.from({ length: 1002 }, (_, i) => `Article ${i}.`)
      writeTexts(dir, texts)
      assert.deepEqual(readdirSync(dir).sort(), ['0', '1'])
      assert.equal(readdirSync(join(dir, '0')).length, 1000)
      assert.equal(readFileSync(join(dir, '1', '001001.txt'), 'utf8'), 'Article 1001.')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
