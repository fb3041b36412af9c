// Makes the README's screenshot: the HTML report of our own example bundle (examples/harbour-ferry,
// invented articles written for Parallax), its first screen in Chromium, as docs/report.png.
// Usage: node --import tsx scripts/screenshot.ts [--chromium /usr/bin/chromium] [--out docs/report.png]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { analyzeArticles } from '../src/pipeline.js'
import { renderReportHtml } from '../src/render/html.js'

const { values } = parseArgs({
  options: {
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    out: { type: 'string', default: 'docs/report.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
  },
})

const bundle = new URL('../examples/harbour-ferry/', import.meta.url).pathname
const articles = readdirSync(bundle).sort().map((name) =>
  annotate(extractArticle({ source: { kind: 'text', path: join('examples/harbour-ferry', name) }, bytes: new Uint8Array(readFileSync(join(bundle, name))) })))
const html = renderReportHtml(analyzeArticles(articles), new Map(articles.map((a) => [a.id, a.text])), { sentences: new Map(articles.map((a) => [a.id, a.sentences])) })
const file = join(tmpdir(), `parallax-example-report-${process.pid}.html`)
writeFileSync(file, html)

const browser = await chromium.launch({ executablePath: values.chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } })
  await page.goto(`file://${file}`)
  await page.screenshot({ path: values.out })
  const height = await page.evaluate('document.documentElement.scrollHeight')
  console.log(`${values.out}: first ${values.height} px of a ${height} px report at ${values.width} px (HTML at ${file})`)
} finally {
  await browser.close()
}
