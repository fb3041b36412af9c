// The ingest progress display: a bar redrawn in place on a terminal, plain lines elsewhere.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { after, describe, it } from 'node:test'
import { formatProgress, ingestCommand } from '../src/cli/ingest.js'

const dir = mkdtempSync(join(tmpdir(), 'parallax-progress-'))
const dbs = mkdtempSync(join(tmpdir(), 'parallax-progress-db-'))
after(() => [dir, dbs].forEach((d) => rmSync(d, { recursive: true, force: true })))

// three small articles written for this test
for (const [i, town] of ['Lindholm', 'Varberg', 'Ostrava'].entries()) {
  writeFileSync(join(dir, `a${i}.txt`), `Flood barrier opens in ${town}\n\nThe new flood barrier in ${town} opened on Monday, the mayor said. It cost ${i + 3} million euros.\n`)
}

function stream(isTTY: boolean): { s: PassThrough & { isTTY?: boolean }; text: () => string } {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean }
  s.isTTY = isTTY
  const chunks: Buffer[] = []
  s.on('data', (c: Buffer) => chunks.push(c))
  return { s, text: () => Buffer.concat(chunks).toString('utf8') }
}

describe('formatProgress', () => {
  const cases: { name: string; p: Parameters<typeof formatProgress>[0]; bar: boolean; expected: string }[] = [
    { name: 'half done after 10 s: 10 s left', p: { doneBytes: 500, totalBytes: 1000, documents: 3000, failed: 0, elapsedMs: 10_000 }, bar: true, expected: '[############------------]  50% 3000 docs, 300/s, ETA 0:10' },
    { name: 'a quarter after 20 min: an hour left', p: { doneBytes: 1, totalBytes: 4, documents: 10, failed: 2, elapsedMs: 1_200_000 }, bar: false, expected: ' 25% 10 docs, 0/s, 2 failed, ETA 1:00:00' },
    { name: 'finished: no ETA', p: { doneBytes: 4, totalBytes: 4, documents: 8, failed: 0, elapsedMs: 2000 }, bar: true, expected: '[########################] 100% 8 docs, 4/s' },
    { name: 'unknown total (stdin): count and rate only', p: { doneBytes: 99, totalBytes: null, documents: 50, failed: 0, elapsedMs: 500 }, bar: true, expected: '50 docs, 100/s' },
  ]
  for (const c of cases) it(c.name, () => assert.equal(formatProgress(c.p, c.bar), c.expected))
})

describe('parallax ingest progress', () => {
  it('redraws a bar in place on a terminal and clears it before the summary', async () => {
    const err = stream(true)
    const code = await ingestCommand([dir], { db: join(dbs, 'tty.db') }, { stdout: stream(false).s, stderr: err.s })
    assert.equal(code, 0)
    const text = err.text()
    assert.match(text, /\r\x1b\[2K\[#{24}\] 100% 3 docs, \d+\/s/)
    // the last thing before the summary is the clearing of the bar
    assert.match(text, /\r\x1b\[2Kparallax: ingest: read 3, new 3/)
  })

  it('writes plain lines (no control codes) with --progress when stderr is not a terminal', async () => {
    const err = stream(false)
    const code = await ingestCommand([dir], { db: join(dbs, 'plain.db'), progress: true }, { stdout: stream(false).s, stderr: err.s })
    assert.equal(code, 0)
    const text = err.text()
    assert.doesNotMatch(text, /[\r\x1b]/)
    assert.match(text, /^parallax: ingest: 100% 3 docs, \d+\/s\n/m)
  })

  it('shows nothing but the summary when not a terminal and not asked', async () => {
    const err = stream(false)
    await ingestCommand([dir], { db: join(dbs, 'quiet.db') }, { stdout: stream(false).s, stderr: err.s })
    assert.equal(err.text().trim().split('\n').length, 1)
    assert.match(err.text(), /^parallax: ingest: read 3, new 3, duplicate 0, failed 0/)
  })
})
