/**
 * Copies TIMEX3-annotated English news the rules never saw into `.cache/dates/` (ignored by git; no
 * dataset text is committed), where `npm run eval -- dates` scores it when present.
 *
 * `node --import tsx scripts/fetch-dates-sets.ts [--tcr DIR] [--meantime DIR]`
 *
 * Collections:
 * - TCR (Ning, Feng, Wu & Roth, ACL 2018; https://github.com/qiangning/TemporalCausalReasoning, no
 *   licence stated, so only copied into the ignored cache): 25 CNN and Financial Times articles of
 *   2010 in TimeML (eval/tcr.ts). DIR is a git directory or clone of that repository (default: the
 *   local mirror); only `TemporalPart/` is taken.
 * - MEANTIME English (Minard et al., LREC 2016; NewsReader project, CC-BY 4.0): 120 Wikinews
 *   articles in CAT XML (eval/meantime.ts), published as `meantime_newsreader_english_oct15.zip` on
 *   http://www.newsreader-project.eu/results/data/wikinews/ and mirrored by the tieval library; no
 *   GitHub repository holds it (looked for in December 2026: only single sample documents, and the
 *   SemEval-2015 TimeLine release, whose TimeML keeps no TIMEX3 but the publication date). DIR is
 *   the unzipped release (its `intra-doc_annotation/` folder, one subfolder per topic, is taken).
 *
 * Looked at and not used: WikiWars (TIMEX2, Wikipedia history, not news; no English copy found),
 * the ECB+/EventStoryLine time markables (no values), TimeBank-Dense, MATRES and TDDiscourse (the
 * TimeBank documents again, or the kept-back TempEval-3 test set).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFromGit } from './copy-from-git.js'

const here = dirname(fileURLToPath(import.meta.url))
const CACHE = resolve(here, '../.cache/dates')
const TCR_MIRROR = '/work/.mirror/qiangning+TemporalCausalReasoning/repo'
const TCR_URL = 'https://github.com/qiangning/TemporalCausalReasoning'
const MEANTIME_URL = 'http://www.newsreader-project.eu/results/data/wikinews/'

/** Copies TCR's `TemporalPart/` out of a git directory or clone into `<cache>/tcr` (eval/tcr.ts). */
function copyTcr(source: string): void {
  const target = join(CACHE, 'tcr')
  const commit = copyFromGit('tcr', source, TCR_URL, ['TemporalPart'], target, { strip: 1, flag: '--tcr', note: ', TemporalPart/ (no licence stated; research use)' })
  if (commit) console.log(`tcr: copied ${readdirSync(target).filter((n) => n.endsWith('.tml')).length} documents of ${TCR_URL}@${commit.slice(0, 12)} to ${target}`)
}

/** The folder of per-topic CAT files inside DIR: DIR/intra-doc_annotation, or DIR itself. */
function annotationFolder(dir: string): string | null {
  const inner = join(dir, 'intra-doc_annotation')
  if (existsSync(inner)) return inner
  const topics = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('corpus_') && statSync(join(dir, name)).isDirectory()) : []
  return topics.length ? dir : null
}

/** Copies MEANTIME English's CAT files into `<cache>/meantime` (eval/meantime.ts). */
function copyMeantime(from: string | null): void {
  const folder = from ? annotationFolder(from) : null
  if (!folder) {
    console.log(`meantime: pass --meantime <unzipped meantime_newsreader_english_oct15> (download it from ${MEANTIME_URL})`)
    return
  }
  const target = join(CACHE, 'meantime')
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  let files = 0
  for (const topic of readdirSync(folder).sort()) {
    const src = join(folder, topic)
    if (!statSync(src).isDirectory()) continue
    const xml = readdirSync(src).filter((name) => name.endsWith('.xml'))
    mkdirSync(join(target, topic))
    for (const name of xml) cpSync(join(src, name), join(target, topic, name))
    files += xml.length
  }
  writeFileSync(join(target, 'SOURCE'), `MEANTIME English, intra-doc annotation (CC-BY 4.0, NewsReader), from ${MEANTIME_URL}\n`)
  console.log(`meantime: copied ${files} documents to ${target}`)
}

const args = process.argv.slice(2)
const option = (name: string) => {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] ? resolve(args[at + 1]) : null
}
copyTcr(option('--tcr') ?? TCR_MIRROR)
copyMeantime(option('--meantime'))
