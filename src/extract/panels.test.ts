import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHtml } from './html.js'

const INTRO = [
  'Our repair shop fixes bicycles of every age, from racing frames of the seventies to the newest cargo bikes.',
  'Bring the bike in on any weekday morning and we will look it over and tell you the price before we start.',
  'Most repairs are done within two working days, and we call you as soon as the bike is ready to collect.',
]
const ANSWERS = [
  'Yes, we true wheels by hand and replace broken spokes while you wait on most weekday afternoons.',
  'We fit tubeless tyres on any rim that takes them, and we check the sealant at every later service.',
  'A full service takes a day and covers the gears, the brakes, the bearings and a wash of the chain.',
]

describe('extractHtml on closed collapsible panels', () => {
  it('reads the answers of an accordion that the page keeps closed until a reader opens it', () => {
    const faq = ANSWERS.map((a, i) => `<div class="accordion-item"><h3>Question ${i + 1}</h3><div class="accordion-panel" aria-hidden="true" style="display: none"><p>${a}</p></div></div>`).join('')
    const page = `<!doctype html><html><head><title>Repairs</title></head><body><main><h1>Repairs</h1>${INTRO.map((p) => `<p>${p}</p>`).join('')}<div class="accordion">${faq}</div></main></body></html>`
    const text = extractHtml(page).text
    for (const answer of ANSWERS) assert.ok(text.includes(answer), answer)
  })

  it('keeps a panel hidden only from screen readers out of the text', () => {
    const page = `<!doctype html><html><head><title>Repairs</title></head><body><main><h1>Repairs</h1>${INTRO.map((p) => `<p>${p}</p>`).join('')}<div class="collapsible-copy" aria-hidden="true"><p>${ANSWERS[0]}</p></div></main></body></html>`
    assert.doesNotMatch(extractHtml(page).text, /true wheels by hand/)
    const toggled = page.replace('<div class="collapsible-copy"', '<button aria-controls="faq-1" aria-expanded="false">Wheels</button><div id="faq-1" class="collapsible-copy"')
    assert.match(extractHtml(toggled).text, /true wheels by hand/)
  })

  it('still leaves out hidden boxes that are no panel', () => {
    const page = `<!doctype html><html><head><title>Repairs</title></head><body><main><h1>Repairs</h1>${INTRO.map((p) => `<p>${p}</p>`).join('')}<div class="accordion"></div><div hidden><p>${ANSWERS[0]}</p></div></main></body></html>`
    assert.doesNotMatch(extractHtml(page).text, /true wheels by hand/)
  })
})
