/**
 * Copies public extraction benchmark collections beyond AEB into `.cache/extraction/` (ignored by
 * git; no dataset text is committed), where `npm run eval -- extraction` scores them when present.
 *
 * `node --import tsx scripts/fetch-extraction-sets.ts [--from DIR]`
 *
 * Collections:
 * - WCXB (Foley 2026, https://github.com/Murrough-Foley/web-content-extraction-benchmark,
 *   CC-BY-4.0): 1,497 development pages of seven kinds (articles, forums, products, collections,
 *   listings, documentation, service pages), gzipped HTML with hand-reviewed main text. Only the
 *   `dev/` split is copied: the benchmark's `test/` split is held back and never read here.
 *   DIR is a git directory or clone of that repository (default: the local mirror).
 *
 * Looked at and not usable (so not copied): the SIGIR 2023 web-content-extraction-benchmark
 * (chatnoir-eu; CleanEval, Dragnet, L3S-GN1, Google-Trends-2017, CETD, Readability, Scrapinghub)
 * and dragnet-org/dragnet_data keep their data in Git LFS, and the stored snapshots hold only the
 * LFS pointer files. trafilatura's own evaluation pages are kept back and never used.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFromGit } from './copy-from-git.js'

const here = dirname(fileURLToPath(import.meta.url))
/** Where the eval suite (eval/wcxb.ts) looks for the copied collections. */
const EXTRACTION_CACHE = resolve(here, '../.cache/extraction')

const WCXB_MIRROR = '/work/.mirror/Murrough-Foley+web-content-extraction-benchmark/repo'
const WCXB_URL = 'https://github.com/Murrough-Foley/web-content-extraction-benchmark'
/** The paths taken from WCXB: the development split, its metadata and the licence, nothing else. */
const WCXB_PATHS = ['dev/html', 'dev/ground-truth', 'metadata.json', 'LICENSE']

/** Copies WCXB's development split out of a git directory or clone into `<cache>/wcxb`. */
function copyWcxb(source: string, cache: string): void {
  const target = join(cache, 'wcxb')
  const commit = copyFromGit('wcxb', source, WCXB_URL, WCXB_PATHS, target, { flag: '--from', note: ' (CC-BY-4.0, Murrough Foley); dev split only' })
  if (commit) console.log(`wcxb: copied dev split of ${WCXB_URL}@${commit.slice(0, 12)} to ${target}`)
}

const args = process.argv.slice(2)
const fromAt = args.indexOf('--from')
copyWcxb(fromAt >= 0 && args[fromAt + 1] ? resolve(args[fromAt + 1]) : WCXB_MIRROR, EXTRACTION_CACHE)
