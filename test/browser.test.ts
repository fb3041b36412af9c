// Drives the web pages in a real browser: Debian's chromium through playwright-core (.ci/run
// installs it). Loads the seeds' story, clicks a citation, searches, checks that hostile article
// text runs no script, and saves screenshots to a temp dir whose path is printed.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { analyzeArticles } from '../src/pipeline.js'
import { renderReportHtml } from '../src/render/html.js'
import { buildServer } from '../src/server/app.js'
import { Library } from '../src/app/library.js'
import { openSqliteStore } from '../src/store/sqlite/driver.js'
import type { RawDocument } from '../src/types.js'
import { loadSeeds } from './helpers/shared.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const HOSTILE = '<!doctype html><html><head><title>Hostile &lt;script&gt;window.__pwned=1&lt;/script&gt; page</title></head><body><article>' +
  '<h1>Port authority &lt;img src=x onerror="window.__pwned=2"&gt; statement</h1>' +
  '<p>The port authority said on Monday that the &lt;script&gt;window.__pwned=3&lt;/script&gt; terminal would reopen after the storm passed.</p>' +
  '<p>Officials urged people to read <a href="javascript:window.__pwned=4">javascript:window.__pwned=4</a> and to avoid the area &lt;svg onload="window.__pwned=5"&gt; until Tuesday.</p>' +
  '<p>"We expect ships to dock again by Wednesday," the harbour master told reporters at the quay on Monday afternoon.</p></article></body></html>'

const raw = (text: string, path: string): RawDocument => ({ source: { kind: 'text', path }, bytes: new TextEncoder().encode(text) })
const skip = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (.ci/run installs it)`

describe('web pages in chromium', { skip }, () => {
  let app: FastifyInstance
  let browser: Browser
  let page: Page
  let base = ''
  let storyId = ''
  let hostileId = ''
  const shots = mkdtempSync(join(tmpdir(), 'parallax-screens-'))
  const outside: string[] = []

  before(async () => {
    const library = new Library(openSqliteStore(':memory:'))
    for (const s of loadSeeds()) storyId = (await library.ingest(annotate(extractArticle(raw(s.text, s.path))))).storyId ?? storyId
    const hostile = annotate(extractArticle(raw(HOSTILE, 'hostile.html')))
    hostileId = hostile.id
    await library.ingest(hostile)
    app = buildServer(library)
    await app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    page = await browser.newPage()
    page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url()) })
    page.on('dialog', (d) => { outside.push(`dialog: ${d.message()}`); void d.dismiss() })
    console.log(`screenshots: ${shots}`)
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the seeds story and opens a cited sentence from the summary', async () => {
    await page.goto(`${base}/`)
    await page.screenshot({ path: join(shots, 'story-list.png'), fullPage: true })
    await page.click(`a[href="/stories/${storyId}"]`)
    assert.equal(new URL(page.url()).pathname, `/stories/${storyId}`)
    assert.ok(await page.isVisible('text=Facts by outlet'))
    const cite = page.locator('.summary a.cite').first()
    const href = await cite.getAttribute('href')
    assert.match(href ?? '', /^#a\d+-m\d+$/)
    await cite.click()
    assert.equal(new URL(page.url()).hash, href)
    // the cited words are the page's :target, and they are on screen
    const target = page.locator(`mark${href}`)
    assert.ok(await target.isVisible())
    assert.ok((await target.textContent())!.length > 10)
    await page.screenshot({ path: join(shots, 'story-citation.png') })
  })

  it('searches from the search box', async () => {
    await page.goto(`${base}/`)
    await page.fill('input[name=q]', 'Kremlin')
    await page.press('input[name=q]', 'Enter')
    await page.waitForURL(/\?q=Kremlin/)
    const results = page.locator('ol.results li')
    assert.ok((await results.count()) > 0)
    await results.first().locator('a').first().click()
    assert.match(page.url(), /\/articles\/[0-9a-f]{16}$/)
    await page.screenshot({ path: join(shots, 'search-article.png'), fullPage: true })
  })

  it('runs no script from hostile article text', async () => {
    const pwned = () => page.evaluate(() => (globalThis as { __pwned?: number }).__pwned ?? null)
    // the hostile article was ingested last, so it heads the newest-first list
    const hostileStory = (await (await fetch(`${base}/v1/articles?limit=1`)).json() as { items: { storyId: string }[] }).items[0].storyId
    for (const path of [`/articles/${hostileId}`, `/stories/${hostileStory}`, '/?q=authority', '/']) {
      await page.goto(`${base}${path}`)
      assert.equal(await pwned(), null, path)
      for (const link of await page.locator('a').all()) assert.doesNotMatch((await link.getAttribute('href')) ?? '', /^\s*javascript:/i, path)
    }
    await page.goto(`${base}/articles/${hostileId}`)
    // the markup shows as text: the script tag is there to read, not to run
    assert.match((await page.locator('.article-text').textContent()) ?? '', /<script>window\.__pwned=3<\/script>/)
    assert.deepEqual(outside, [])
    await page.screenshot({ path: join(shots, 'hostile.png'), fullPage: true })
  })
})

/** The page's layout facts a reader meets first: where the lead starts, how tall the page is, the outlet labels. */
async function layout(p: Page): Promise<{ leadTop: number; height: number; width: number; labels: string[] }> {
  // a string, so it runs in the page (this project's TypeScript has no DOM types)
  return p.evaluate(`({
    leadTop: document.querySelector('.lead')?.getBoundingClientRect().top ?? -1,
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    labels: [...document.querySelectorAll('.card .outlet, table.matrix th, table.omissions td:first-child, .side .meta, .keyfacts .meta')].map((e) => e.textContent ?? ''),
  })`)
}

/** axe-core's serious and critical violations on the page (axe runs in a context that lets its script in). */
async function accessibilityViolations(b: Browser, url: string): Promise<string[]> {
  const context = await b.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } })
  try {
    const p = await context.newPage()
    await p.goto(url)
    await p.addScriptTag({ content: AXE })
    const result = await p.evaluate(async () => (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({ resultTypes: ['violations'] }))
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`)
  } finally {
    await context.close()
  }
}

const AXE = existsSync(CHROMIUM) ? readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') : ''
const HASH = /^[0-9a-f]{16}$/

describe('the reader-first report and story page in chromium', { skip }, () => {
  let app: FastifyInstance
  let browser: Browser
  let base = ''
  let storyId = ''
  const shots = mkdtempSync(join(tmpdir(), 'parallax-lead-'))
  const reportFile = join(shots, 'seeds-report.html')

  before(async () => {
    const articles = loadSeeds().map((s) => annotate(extractArticle({ ...raw(s.text, s.path), publishedAt: '2025-08-06' })))
    writeFileSync(reportFile, renderReportHtml(analyzeArticles(articles), new Map(articles.map((a) => [a.id, a.text])), { sentences: new Map(articles.map((a) => [a.id, a.sentences])) }))
    const library = new Library(openSqliteStore(':memory:'))
    for (const a of articles) storyId = (await library.ingest(a)).storyId ?? storyId
    app = buildServer(library)
    await app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
    console.log(`screenshots: ${shots}`)
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  const pages = () => [['report', `file://${reportFile}`], ['story', `${base}/stories/${storyId}`]] as const

  it('puts the lead on the first screen at 1400 px, names every outlet, and keeps the report under 12,000 px', async () => {
    for (const [name, url] of pages()) {
      for (const width of [1400, 390]) {
        const p = await browser.newPage({ viewport: { width, height: 900 } })
        await p.goto(url)
        const l = await layout(p)
        await p.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true })
        if (width === 1400) {
          assert.ok(l.leadTop >= 0 && l.leadTop < 900, `${name}: lead starts at ${l.leadTop}px`)
          if (name === 'report') assert.ok(l.height <= 12000, `report is ${l.height}px tall`)
        }
        // nothing wider than the phone's screen: wide tables scroll in their own box
        assert.ok(l.width <= width + 1, `${name} at ${width}px is ${l.width}px wide`)
        assert.ok(l.labels.length > 5, name)
        for (const label of l.labels) assert.doesNotMatch(label.trim(), HASH, `${name}: outlet label ${label}`)
        await p.close()
      }
    }
  })

  it('opens the cited article text, collapsed until a citation is clicked', async () => {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await p.goto(`file://${reportFile}`)
    const cite = p.locator('.summary a.cite').first()
    const href = (await cite.getAttribute('href')) ?? ''
    assert.equal(await p.locator(`mark${href}`).isVisible(), false)
    await cite.click()
    assert.ok(await p.locator(`mark${href}`).isVisible())
    await p.close()
  })

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    for (const [name, url] of [...pages(), ['list', `${base}/`]]) {
      assert.deepEqual(await accessibilityViolations(browser, url), [], name)
    }
  })
})
