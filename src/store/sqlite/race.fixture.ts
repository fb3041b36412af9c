// Child process of sqlite.test.ts: puts the same 50 articles as its twin, at the same time.
import { fakeArticle } from '../store.contract.js'
import { openSqliteStore } from './driver.js'

const store = openSqliteStore(process.argv[2])
const counts = { new: 0, duplicate: 0 }
for (let i = 0; i < 50; i++) {
  const result = await store.putArticle(fakeArticle(`race${String(i).padStart(12, '0')}`), { url: `https://example.com/${i}` })
  counts[result.status]++
}
await store.close()
process.stdout.write(JSON.stringify(counts))
