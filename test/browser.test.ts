// Drives the web pages in a real browser: Debian's chromium through playwright-core (.ci/run
// installs it). Loads the seeds' story, clicks a citation, searches, checks that hostile article
// text runs no script, and saves screenshots to a temp dir whose path is printed.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { annotate } from '../src/enrich/index.js'
import { extractArticle } from '../src/extract/index.js'
import { buildServer } from '../src/server/app.js'
import { Library } from '../src/store/library.js'
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
