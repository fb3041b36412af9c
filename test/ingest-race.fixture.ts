// Child process of ingest-race.test.ts (SQLite) and scale-ingest-race.test.ts (PostgreSQL): ingests one copy of each generated article into a shared
// library, two per batch, starting at an agreed time. Between batches it pauses, as a real ingest
// does while it annotates the next batch, so the twin process gets the write lock in between.
import { generateCorpus } from '../bench/corpus.js'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { Library } from '../src/app/library.js'
import { openStore } from '../src/store/index.js'

const [db, copy, startAt, count] = process.argv.slice(2)
const encoder = new TextEncoder()
// copy "b" adds a furniture line: another content hash, but a near-duplicate of copy "a"
const suffix = copy === 'b' ? '\n\nFollow us for more news from the region.' : ''
const articles = generateCorpus(Number(count), 3).articles.map((a, i) =>
  annotate(extractArticle({ source: { kind: 'text', path: `${copy}/${i}.txt` }, bytes: encoder.encode(a.text + suffix), publishedAt: a.publishedAt })))
const library = new Library(openStore(db))
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
await pause(Math.max(0, Number(startAt) - Date.now()))
let stored = 0
for (let i = 0; i < articles.length; i += 2) {
  const results = await library.ingestMany(articles.slice(i, i + 2).map((article) => ({ article })))
  stored += results.filter((r) => r.status === 'new').length
  await pause(15)
}
await library.store.close()
process.stdout.write(JSON.stringify({ new: stored, failed: 0 }))
