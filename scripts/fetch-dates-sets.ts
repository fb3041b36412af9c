/**
 * Copies a third TIMEX3-annotated English news collection into `.cache/dates/` (ignored by git; no
 * dataset text is committed), where `npm run eval -- dates` scores it when present (eval/meantime.ts).
 *
 * `node --import tsx scripts/fetch-dates-sets.ts --from DIR`
 *
 * Collection: MEANTIME English (Minard et al., LREC 2016; NewsReader project, CC-BY 4.0), 120
 * Wikinews articles with TIMEX3 by the TimeML guidelines, in CAT XML. It is published as
 * `meantime_newsreader_english_oct15.zip` on http://www.newsreader-project.eu/results/data/wikinews/
 * and mirrored by the tieval library (LIAAD/tieval, datasets "meantime_english"); no snapshot of a
 * GitHub repository holds it (looked for December 2026: only single sample documents, and the
 * SemEval-2015 TimeLine release, whose TimeML keeps the publication date but no other TIMEX3).
 * DIR is the unzipped release (its `intra-doc_annotation/` folder is taken, one subfolder per topic)
 * or that folder itself. Only the CAT files are copied, with a SOURCE note.
 *
 * Looked at and not used: WikiWars (TIMEX2, Wikipedia history, not news; no English copy found),
 * the ECB+/EventStoryLine time markables (no values), TimeBank-Dense, MATRES and TDDiscourse (the
 * TimeBank documents again, or the kept-back TempEval-3 test set).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
/** Where eval/meantime.ts looks for the copied collection. */
const TARGET = resolve(here, '../.cache/dates/meantime')
const SOURCE_URL = 'http://www.newsreader-project.eu/results/data/wikinews/'

/** The folder of per-topic CAT files inside DIR: DIR/intra-doc_annotation, or DIR itself. */
function annotationFolder(dir: string): string | null {
  const inner = join(dir, 'intra-doc_annotation')
  if (existsSync(inner)) return inner
  const topics = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('corpus_') && statSync(join(dir, name)).isDirectory()) : []
  return topics.length ? dir : null
}

const args = process.argv.slice(2)
const fromAt = args.indexOf('--from')
const from = fromAt >= 0 && args[fromAt + 1] ? resolve(args[fromAt + 1]) : null
const folder = from ? annotationFolder(from) : null
if (!folder) {
  console.log(`meantime: pass --from <unzipped meantime_newsreader_english_oct15> (download it from ${SOURCE_URL})`)
  process.exitCode = from ? 1 : 0
} else {
  rmSync(TARGET, { recursive: true, force: true })
  mkdirSync(TARGET, { recursive: true })
  let files = 0
  for (const topic of readdirSync(folder).sort()) {
    const src = join(folder, topic)
    if (!statSync(src).isDirectory()) continue
    const xml = readdirSync(src).filter((name) => name.endsWith('.xml'))
    mkdirSync(join(TARGET, topic))
    for (const name of xml) cpSync(join(src, name), join(TARGET, topic, name))
    files += xml.length
  }
  writeFileSync(join(TARGET, 'SOURCE'), `MEANTIME English, intra-doc annotation (CC-BY 4.0, NewsReader), from ${SOURCE_URL}\n`)
  console.log(`meantime: copied ${files} documents to ${TARGET}`)
}
