/**
 * The story pair model's extra training data: our annotations of BASIL events
 * (data/basil-shared-facts) must point at words of the articles, in our words where they state a
 * fact, and stay out of the shared gold and of the years the model is scored on unseen.
 * Reads the articles from ../shared.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { basilArticleText, bodyStart, findWords, packedGold, wordsHash, type PackedEvent, type PackedSpan } from '../scripts/shared-facts.js'
import { sharedDir } from './helpers/shared.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const basil = join(sharedDir, 'datasets/basil')
const skip = existsSync(join(basil, 'articles')) ? false : 'needs ../shared/datasets/basil'

// Two collections: 2010-2014 (the story pair model learns from it beside the shared gold) and
// 2016-2018 (only ever scored: nothing learns from it and its error lists are not read).
const COLLECTIONS = [
  { name: 'data/basil-shared-facts', first: 2010, last: 2014, least: 15 },
  { name: 'data/basil-shared-facts-unseen', first: 2016, last: 2018, least: 10 },
]

for (const { name, first, last, least } of COLLECTIONS) describe(`our BASIL shared-fact annotations (${name})`, { skip }, () => {
  const ours = join(root, name)
  const files = readdirSync(ours).flatMap((year) => readdirSync(join(ours, year)).map((f) => ({ year, file: f })))

  it(`are events of ${first}-${last} that the shared gold does not cover, never of an odd year`, () => {
    assert.ok(files.length >= least, `${files.length} annotated events`)
    for (const { year, file } of files) {
      assert.ok(Number(year) >= first && Number(year) <= last && Number(year) % 2 === 0, `${year}/${file}: only even years ${first}-${last} belong here`)
      assert.equal(existsSync(join(basil, 'gold', year, file)), false, `${year}/${file} is a shared gold event`)
    }
  })

  it('give each fact in two or more outlets, and each disagreement and quote, as offsets to words of the article’s body, with statements in our words', () => {
    for (const { year, file } of files) {
      const packed = JSON.parse(readFileSync(join(ours, year, file), 'utf8')) as PackedEvent
      const texts = basilArticleText(basil, year, packed.event)
      assert.equal(texts.size, 3, `${packed.event}: three outlets' articles`)
      assert.ok(packed.facts.length >= 5, `${packed.event}: ${packed.facts.length} facts`)
      const check = (outlet: string, [start, end, hash]: PackedSpan, least: number) => {
        const text = texts.get(outlet)
        assert.ok(text !== undefined, `${packed.event}: outlet ${outlet}`)
        // In the body: extraction drops the title, so words only there could never be scored.
        assert.ok(start >= bodyStart(text) && end <= text.length && end - start >= least, `${packed.event} ${outlet}: [${start}, ${end}) inside the article's body`)
        assert.equal(wordsHash(text.slice(start, end)), hash, `${packed.event} ${outlet}: the words annotated`)
        // Cut at word edges: the scorer's rules find the same words at the same place of the body.
        // (A value under three characters, "12", the packer finds inside its evidence instead.)
        const body = bodyStart(text)
        if (end - start >= 3) assert.deepEqual(findWords(text.slice(body), text.slice(start, end))?.map((x) => x + body), [start, end])
      }
      for (const fact of packed.facts) {
        assert.ok(Object.keys(fact.reports).length >= 2, `${packed.event}: "${fact.statement}" in two outlets`)
        assert.ok(fact.statement.trim().length > 0)
        for (const [outlet, span] of Object.entries(fact.reports)) check(outlet, span, 6)
        for (const text of texts.values()) assert.equal(text.includes(fact.statement), false, `${packed.event}: "${fact.statement}" is copied text`)
      }
      for (const d of packed.discrepancies ?? []) {
        assert.ok(Object.keys(d.values).length >= 2, `${packed.event}: "${d.about}" has two versions`)
        for (const [outlet, span] of [...Object.entries(d.values), ...Object.entries(d.evidence)]) check(outlet, span, 1)
      }
      for (const q of packed.quotes ?? []) {
        assert.ok(q.speaker.trim().length > 0)
        check(q.outlet, q.words, 10)
      }
    }
  })

  it('come back as gold-format events the learner reads beside the shared gold', () => {
    const events = packedGold(ours, basil)
    assert.equal(events.length, files.length)
    for (const e of events) for (const f of e.gold.facts) for (const words of Object.values(f.reports)) assert.ok(words.trim().length >= 6)
  })

  it('refuse words that are no longer the ones annotated', () => {
    const { year, file } = files[0]
    const packed = JSON.parse(readFileSync(join(ours, year, file), 'utf8')) as PackedEvent
    const [outlet, [start, end]] = Object.entries(packed.facts[0].reports)[0]
    packed.facts[0].reports[outlet] = [start + 1, end + 1, packed.facts[0].reports[outlet][2]]
    const dir = mkdtempSync(join(tmpdir(), 'parallax-packed-'))
    try {
      mkdirSync(join(dir, year))
      writeFileSync(join(dir, year, file), JSON.stringify(packed))
      assert.throws(() => packedGold(dir, basil), /not the ones annotated/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
