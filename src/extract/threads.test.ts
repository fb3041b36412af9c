import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import type { DomElement } from './dom.js'
import { extractHtml } from './html.js'
import { declaresThread, findPostRuns, threadContent, withReplies } from './threads.js'

const body = (html: string): DomElement => (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: { body: DomElement } }).document.body

const replies = [
  'I asked the same question at the depot last week and they told me the new timetable starts in May.',
  'Our bus was cancelled twice on Monday, so I walked the last two miles to work in the rain again.',
  'The operator posted a notice saying drivers are short, which matches what the driver told us on board.',
  'Has anyone tried the night service since the change? It used to run every hour past midnight here.',
]
const post = (text: string, cls = 'post') => `<div class="${cls}"><span class="author">reader</span><p>${text}</p></div>`

describe('findPostRuns', () => {
  it('finds sibling posts named as posts, with each post\'s blocks', () => {
    const runs = findPostRuns(body(`<main><h1>Buses</h1><div class="thread">${replies.map((r) => post(r)).join('')}</div></main>`))
    assert.equal(runs.length, 1)
    assert.equal(runs[0].posts.length, 4)
    assert.deepEqual(runs[0].posts[1].map((b) => b.text), ['reader', replies[1]])
  })

  it('does not take a run of cards or sections that are not named as posts', () => {
    assert.deepEqual(findPostRuns(body(`<div>${replies.map((r) => post(r, 'card')).join('')}</div>`)), [])
  })

  it('does not take a run of paragraphs, or fewer than three posts', () => {
    assert.deepEqual(findPostRuns(body(`<div>${replies.map((r) => `<p class="post">${r}</p>`).join('')}</div>`)), [])
    assert.deepEqual(findPostRuns(body(`<div>${replies.slice(0, 2).map((r) => post(r)).join('')}</div>`)), [])
  })
})

describe('threadContent', () => {
  const runs = findPostRuns(body(`<div>${replies.map((r) => post(r, 'comment')).join('')}</div>`))

  it('takes the whole run when what was kept is one post of it', () => {
    const thread = threadContent([{ text: replies[2], kind: 'paragraph' }], runs)
    assert.deepEqual(thread?.filter((b) => b.text !== 'reader').map((b) => b.text), replies)
  })

  it('keeps an article that the comment run follows (its text is in no post)', () => {
    const article = [{ text: 'The council voted on Tuesday to cut four bus routes from the summer timetable.', kind: 'paragraph' as const }]
    assert.equal(threadContent(article, runs), null)
  })

  it('keeps what was kept when it already holds most of the run', () => {
    const kept = replies.slice(0, 3).map((text) => ({ text, kind: 'paragraph' as const }))
    assert.equal(threadContent(kept, runs), null)
  })
})

describe('withReplies', () => {
  const runs = findPostRuns(body(`<div>${replies.map((r) => post(r, 'comment')).join('')}</div>`))
  const opening = [{ text: 'Does anyone know when the number nine bus will run to the station again? It has skipped the stop for a month.', kind: 'paragraph' as const }]

  it('follows an opening post that is in no post of the run with the run\'s posts', () => {
    assert.deepEqual(withReplies(opening, runs)?.filter((b) => b.text !== 'reader').map((b) => b.text), [opening[0].text, ...replies])
  })

  it('leaves what was kept alone when it holds a reply already, or when the run is short beside it', () => {
    assert.equal(withReplies([...opening, { text: replies[1], kind: 'paragraph' }], runs), null)
    const long = [...opening, { text: 'The timetable printed at the stop still lists it. '.repeat(30), kind: 'paragraph' as const }]
    assert.equal(withReplies(long, runs), null)
  })

  it('reads the declaration of a thread from schema.org types', () => {
    assert.equal(declaresThread('<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script>'), true)
    assert.equal(declaresThread('<div itemscope itemtype="https://schema.org/QAPage">'), true)
    assert.equal(declaresThread('<script type="application/ld+json">{"@type": ["WebPage", "QAPage"]}</script>'), true)
    assert.equal(declaresThread('<p>Our QAPage template and the DiscussionForumPosting type are explained below.</p>'), false)
    assert.equal(declaresThread('<div itemtype="https://schema.org/NewsArticle"><p>a QAPage</p></div>'), false)
    assert.equal(declaresThread('<script type="application/ld+json">{"@type":"NewsArticle"}</script>'), false)
  })
})

describe('extractHtml on a thread', () => {
  it('keeps the replies after an opening post marked up unlike them on a page that declares a thread, not on a news page', () => {
    const opening = '<div class="topic-start"><p>Does anyone know when the number nine bus will run to the station again? It has skipped our stop for a month and nobody at the depot will say why it changed.</p></div>'
    const thread = `<div class="replies">${replies.map((r) => post(r, 'comment')).join('')}</div>`
    const page = (type: string) => `<!doctype html><html><head><title>Number nine</title><script type="application/ld+json">{"@type":"${type}"}</script></head><body><main><h1>Number nine</h1>${opening}${thread}</main></body></html>`
    const forum = extractHtml(page('DiscussionForumPosting'))
    assert.match(forum.text, /skipped our stop for a month[^]*walked the last two miles/)
    assert.equal(forum.provenance.text, 'thread')
    assert.notEqual(extractHtml(page('NewsArticle')).provenance.text, 'thread')
  })


  it('drops a reply\'s quote of a post above it, and keeps the post and the reply', () => {
    const quoting = `<div class="post"><span class="author">reader</span><blockquote><p>${replies[0]}</p></blockquote><p>Thanks, that matches the notice at the stop by the library.</p></div>`
    const posts = replies.map((r) => post(r)).join('') + quoting
    const page = extractHtml(`<!doctype html><html><head><title>Buses</title></head><body><main><h1>Buses</h1><div class="thread">${posts}</div></main></body></html>`)
    assert.equal(page.text.split(replies[0]).length, 2, page.text)
    assert.match(page.text, /matches the notice at the stop/)
    assert.deepEqual(page.removed.filter((r) => r.reason === 'duplicate').map((r) => r.text), [replies[0]])
  })
})
