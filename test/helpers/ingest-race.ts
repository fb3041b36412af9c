/**
 * What the two-process ingest race tests check on either store: the two copies of each article
 * (a/N.txt and b/N.txt) landed in one story, and every batch of two saved the clusterer state once.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const FIXTURE = fileURLToPath(new URL('../ingest-race.fixture.ts', import.meta.url))

/** Articles each racing process ingests. */
export const RACE_ARTICLES = 40

/** One racing ingest process: copy `a` or `b` of the articles into `db`, starting at article `startAt`. */
export function raceChild(db: string, copy: 'a' | 'b', startAt: number): Promise<{ new: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE, db, copy, String(startAt), String(RACE_ARTICLES)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    proc.stdout.on('data', (d) => (out += d))
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { new: number; failed: number }) : reject(new Error(`exit ${code}`))))
  })
}

export function assertCopiesShareStories(rows: { data: string; story_id: string | null }[], version: number, articles: number): void {
  // pair the copies by their source path's number: a/7.txt and b/7.txt are one article
  const storyOf = new Map<string, string | null>()
  for (const r of rows) storyOf.set((JSON.parse(r.data) as { source: { path: string } }).source.path, r.story_id)
  const split = [...Array(articles).keys()].filter((i) => storyOf.get(`a/${i}.txt`) !== storyOf.get(`b/${i}.txt`))
  assert.equal(storyOf.size, 2 * articles)
  assert.ok([...storyOf.values()].every((s) => s !== null))
  assert.deepEqual(split, [], `copies in different stories: ${split.join(', ')}`)
  // one saved state per batch of two, from both processes: no batch was lost to a race
  assert.equal(version, articles)
}
