import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import type { Report } from '../types.js'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { loadSeeds } from '../../test/helpers/shared.js'
import { idA, idB, smallReport, texts } from '../../test/fixtures/report-small.js'
import { renderArticlesHtml, renderClustersHtml } from './html-articles.js'
import { CSP } from './html-page.js'
import { renderReportHtml } from './html.js'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '"><img src=x onerror=alert(2)>'

const dom = (html: string) => parseHTML(html).document

/** Checks a page makes no request on its own and carries the strict CSP. */
function assertSelfContained(html: string): void {
  const doc = dom(html)
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')
  assert.equal(csp?.getAttribute('content'), CSP)
  assert.equal(CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  assert.equal(doc.querySelectorAll('script, img, iframe, link, object, embed, video, audio, source').length, 0)
  for (const node of doc.querySelectorAll('[src], [href]')) {
    const ref = node.getAttribute('src') ?? node.getAttribute('href') ?? ''
    assert.ok(ref.startsWith('#'), `non-local reference ${ref}`)
  }
  assert.doesNotMatch(html, /url\(|@import/i)
}

/** The fixture report and texts with hostile strings in every article-derived field. */
function hostileReport(): { report: Report; texts: Map<string, string> } {
  const report = smallReport()
  const a = report.articles[0]
  a.title = `Title ${SCRIPT}`
  a.outlet = { name: `Outlet ${IMG}` }
  a.authors = [IMG]
  a.source = { kind: 'url', url: `https://evil.example/${IMG}` }
  a.removed = [{ text: SCRIPT, reason: IMG }]
  const story = report.stories[0]
  story.title = `Story ${SCRIPT}`
  story.quotes[0].text = `quote ${IMG}`
  story.quotes[0].speaker = { name: `Speaker ${SCRIPT}`, entityId: null }
  story.facts[0].text = `fact ${SCRIPT}`
  story.summary[0].text = `summary ${IMG}`
  story.discrepancies[0].values[0].value = SCRIPT
  story.timeline[0].text = IMG
  story.entities[0].name = SCRIPT
  // Put hostile text into article A's clean text, after its cited spans, so offsets stay valid.
  const hostileTexts = new Map(texts)
  hostileTexts.set(idA, `${texts.get(idA)}\n${SCRIPT} ${IMG}`)
  return { report, texts: hostileTexts }
}

describe('renderReportHtml', () => {
  it('is one self-contained page with the strict CSP', () => {
    assertSelfContained(renderReportHtml(smallReport(), texts))
  })

  it('escapes script and attribute-breaking text from every article-derived field', () => {
    const { report, texts: hostile } = hostileReport()
    const html = renderReportHtml(report, hostile)
    assert.ok(!html.includes('<script>'))
    assert.ok(!html.includes('<img'))
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'))
    assertSelfContained(html)
    const doc = dom(html)
    assert.equal(doc.querySelectorAll('[onerror]').length, 0)
    // The escaped text reads back as the original words.
    assert.ok(doc.querySelector('#article-0 .article-text')?.textContent?.endsWith(`${SCRIPT} ${IMG}`))
    assert.equal(doc.querySelector('h1')?.textContent, `Story ${SCRIPT}`)
    assert.equal(doc.querySelector('title')?.textContent, `Story ${SCRIPT}`)
  })

  it('links each summary citation to a mark holding exactly the cited words', () => {
    const report = smallReport()
    const doc = dom(renderReportHtml(report, texts))
    const links = doc.querySelectorAll('.summary a.cite')
    const citations = report.stories[0].summary.flatMap((s) => s.citations)
    assert.equal(links.length, citations.length)
    citations.forEach((c, i) => {
      const href = links[i].getAttribute('href') ?? ''
      assert.match(href, /^#a\d+-m\d+$/)
      const mark = doc.getElementById(href.slice(1))
      assert.equal(mark?.tagName.toLowerCase(), 'mark')
      const slice = texts.get(c.articleId)?.slice(c.start, c.end)
      assert.equal(mark?.textContent, slice)
      assert.ok(links[i].getAttribute('title')?.includes(`“${slice}”`))
    })
  })

  it('merges overlapping citations into one mark that contains each cited slice', () => {
    const report = smallReport()
    const story = report.stories[0]
    const first = story.summary[0].citations[0]
    story.summary[1].citations = [{ articleId: first.articleId, start: first.start + 4, end: first.end + 10 }]
    const doc = dom(renderReportHtml(report, texts))
    const [l1, , l3] = doc.querySelectorAll('.summary a.cite')
    assert.equal(l1.getAttribute('href'), l3.getAttribute('href'))
    const mark = doc.getElementById((l1.getAttribute('href') ?? '').slice(1))
    const text = texts.get(first.articleId) ?? ''
    assert.equal(mark?.textContent, text.slice(first.start, first.end + 10))
  })

  it('fills the fact matrix cell of each supporting article and badges the status', () => {
    const doc = dom(renderReportHtml(smallReport(), texts))
    const rows = [...doc.querySelectorAll('table.matrix tbody tr')]
    const byFact = new Map(rows.map((r) => [r.querySelector('td')?.textContent, r]))
    const single = byFact.get('The closure begins on March 3.')
    assert.ok(single)
    assert.equal(single.querySelector('.badge')?.textContent, 'single-source')
    const cells = [...single.querySelectorAll('td')].slice(2).map((td) => td.getAttribute('class'))
    assert.deepEqual(cells, ['miss', 'hit'])
    const header = [...doc.querySelectorAll('table.matrix th')].map((th) => th.textContent)
    assert.deepEqual(header, ['Fact', 'Status', 'Harbor Gazette', 'Valley Post'])
  })

  it('shows coverage shares, independent sources, attribution, date conflicts, evidence and the rejected count', () => {
    const report = smallReport()
    const story = report.stories[0]
    Object.assign(story.coverage[0], { factCount: 2, share: 2 / 3, corroboratedShare: 1 })
    Object.assign(story.facts[0], { sources: 1, attributedTo: ['the mayor'] })
    story.timeline[1].otherDates = [{ date: '2024-03-04', articleIds: [idA] }]
    Object.assign(story.timeline[1], { articleIds: [idA, idB], storyDayFor: [idA] })
    story.discrepancies[0].values[0].support = [{ articleId: idA, start: texts.get(idA)!.indexOf('cost $4.2 million'), end: texts.get(idA)!.indexOf('cost $4.2 million') + 17 }]
    const doc = dom(renderReportHtml(report, texts))
    const tables = [...doc.querySelectorAll('table')]
    const coverage = tables.find((t) => t.textContent?.includes('Share of corroborated facts'))
    assert.ok(coverage?.textContent?.includes('67% (2 of 3)'))
    const matrix = doc.querySelector('table.matrix')
    assert.match(matrix?.textContent ?? '', /2 outlets · 1 independent · attributed to the mayor/)
    // One outlet's attribution is that outlet's, not the fact's.
    story.facts[0].support[0].attributedTo = 'the mayor'
    const credited = dom(renderReportHtml(report, texts)).querySelector('table.matrix')
    assert.match(credited?.textContent ?? '', /attributed to the mayor \(by Harbor Gazette\)/)
    assert.match(matrix?.textContent ?? '', /share of all facts.*67%/s)
    const page = doc.documentElement.textContent ?? ''
    assert.match(page, /dated otherwise: 2024-03-04 \(Harbor Gazette\)/)
    assert.match(page, /dated from the story's day: Harbor Gazette/)
    const evidence = [...doc.querySelectorAll('li[title]')].find((li) => li.textContent?.includes('$4.2 million'))
    assert.equal(evidence?.getAttribute('title'), 'cost $4.2 million')
    assert.match(page, /1 candidate sentence rejected by the citation check/)
  })

  it('gives a page of several stories a table of contents and one heading per story', () => {
    const report = smallReport()
    report.stories.push({ ...structuredClone(report.stories[0]), id: 'story-2', title: 'Second story' })
    const doc = dom(renderReportHtml(report, texts))
    assert.deepEqual([...doc.querySelectorAll('nav a')].map((a) => a.getAttribute('href')), ['#story-0', '#story-1'])
    assert.deepEqual([...doc.querySelectorAll('section.story > h2')].map((h) => h.textContent), [report.stories[0].title, 'Second story'])
    // Both stories cite the same spans, so their citations share the marks; ids stay unique.
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.getAttribute('id'))
    assert.equal(new Set(ids).size, ids.length)
  })

  it('shows source URLs as text, not links', () => {
    const html = renderReportHtml(smallReport(), texts)
    assert.ok(html.includes('source: https://harborgazette.example/news/old-mill-bridge'))
    assert.ok(!html.includes('href="https://'))
  })

  it('still renders without texts, citations pointing at the article sections', () => {
    const doc = dom(renderReportHtml(smallReport()))
    const link = doc.querySelector('.summary a.cite')
    assert.equal(link?.getAttribute('href'), '#article-0')
    assert.match(link?.getAttribute('title') ?? '', /^Harbor Gazette: characters \d+–\d+$/)
    assert.ok(doc.getElementById('article-0'))
    assert.equal(doc.querySelectorAll('mark').length, 0)
  })
})

describe('renderArticlesHtml and renderClustersHtml', () => {
  it('escapes hostile article text, titles and quotes', () => {
    const article = fixtureArticle({
      text: `He said "${IMG}" and ${SCRIPT}.`,
      title: SCRIPT,
      outlet: IMG,
      quotes: [{ text: IMG, speaker: SCRIPT }],
    })
    const html = renderArticlesHtml([article])
    assertSelfContained(html)
    assert.ok(!html.includes('<script>') && !html.includes('<img'))
    const doc = dom(html)
    assert.equal(doc.querySelector('h2')?.textContent, SCRIPT)
    assert.equal(doc.querySelector('.hl-quote')?.textContent, IMG)
  })

  it('lists each story’s articles with why they joined', () => {
    const why = smallReport().stories[0].why ?? []
    const html = renderClustersHtml([{ id: 's1', articleIds: [idA, idB], why }], new Map([
      [idA, { title: SCRIPT, outlet: { name: 'Harbor Gazette' } }],
      [idB, { title: 'Bridge closes', outlet: null }],
    ]))
    assertSelfContained(html)
    assert.ok(!html.includes('<script>'))
    const rows = [...dom(html).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))
    assert.deepEqual(rows[1], ['unknown outlet: Bridge closes', idB, `Harbor Gazette: ${SCRIPT}`, '0.62', 'old mill bridge, riverside, council'])
  })
})

describe('HTML on the seed articles', () => {
  it('renders each scraped text so it reads back word for word, markup in it inert', () => {
    const seeds = loadSeeds()
    assert.ok(seeds.length > 0)
    const articles = seeds.map((seed) => fixtureArticle({ text: seed.text, title: seed.text.split('\n')[0] }))
    const html = renderArticlesHtml(articles)
    assertSelfContained(html)
    const shown = [...dom(html).querySelectorAll('.article-text')].map((d) => d.textContent)
    assert.deepEqual(shown, seeds.map((s) => s.text))
  })
})

describe('wordsAround: the outlet words shown around a disagreeing value', () => {
  it('gives a quotation’s closing mark to the sentence it closes', async () => {
    const { wordsAround } = await import('./common.js')
    const { splitSentences } = await import('../enrich/sentences/index.js')
    const text = 'The mayor wrote that “the bridge is finished.” However, the council said it would stay shut until May.'
    const at = (words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const
    assert.equal(wordsAround(text, ...at('However'), splitSentences(text)), 'However, the council said it would stay shut until May.')
    assert.equal(wordsAround(text, ...at('finished'), splitSentences(text)), 'The mayor wrote that “the bridge is finished.”')
    // A mark that opens the text or a paragraph opens its sentence.
    const opened = '"We will pay 5 million," the mayor said.\n"It is final," she added.'
    assert.equal(wordsAround(opened, opened.indexOf('5 million'), opened.indexOf('5 million') + 9, splitSentences(opened)), '"We will pay 5 million," the mayor said.')
    assert.equal(wordsAround(opened, opened.indexOf('final'), opened.indexOf('final') + 5, splitSentences(opened)), '"It is final," she added.')
  })

  it('reads sentences as the sentence splitter does: an abbreviation ends none', async () => {
    const { wordsAround } = await import('./common.js')
    const { splitSentences } = await import('../enrich/sentences/index.js')
    const text = 'Ann Roe met the envoy. The talks were about strengthening U.S.-Russia ties and trade, Mr. Pell said. Rain fell.'
    const at = text.indexOf('Pell')
    assert.equal(wordsAround(text, at, at + 4, splitSentences(text)), 'The talks were about strengthening U.S.-Russia ties and trade, Mr. Pell said.')
    // Without the article's sentences, the words around the value, cut at word breaks.
    assert.equal(wordsAround(text, at, at + 4, [], 30), '…trade, Mr. Pell said. Rain…')
  })

  it('shortens a long sentence around the value at word breaks, never inside a word', async () => {
    const { wordsAround } = await import('./common.js')
    const { splitSentences } = await import('../enrich/sentences/index.js')
    const filler = Array.from({ length: 60 }, (_, k) => `word${k}`).join(' ')
    const text = `Before this, the White House press secretary said ${filler} that Zelensky would come ${filler} soon.`
    const at = text.indexOf('Zelensky')
    const shown = wordsAround(text, at, at + 8, splitSentences(text), 120)
    assert.ok(shown.includes('Zelensky'), shown)
    assert.ok(shown.length <= 122, shown)
    assert.ok(shown.startsWith('…') && shown.endsWith('…'), shown)
    // The word after the value is not cut when the space before it is the window's end.
    const cost = 'It costs $5 million according to the transportation department, officials said on Tuesday.'
    assert.equal(wordsAround(cost, 9, 19, splitSentences(cost), 20), '…$5 million…')
    // A value longer than the window is shown from its start, cut at a word break.
    const long = `Forecasters said ${'a strong system would bring heavy snow to the region '.repeat(6)}in December.`
    const cut = wordsAround(long, 0, long.length, splitSentences(long), 100)
    assert.ok(cut.startsWith('Forecasters said') && cut.endsWith('…') && long.includes(`${cut.slice(0, -1)} `), cut)
    // Every word shown is a whole word of the text.
    for (const w of shown.replace(/…/g, '').split(' ')) assert.ok(new RegExp(`(?:^|\\s)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`).test(text), w)
  })
})
