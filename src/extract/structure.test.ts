import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHtml } from './html.js'

const para = (topic: string): string =>
  `<p>The council report on ${topic} explains how the money was spent over the past year, and why the mayor asked for more of it.</p>`

function pageWith(inner: string): string {
  return `<!doctype html><html><head><title>Harbour budget</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour budget</h1>${para('cranes')}${para('dredging')}${inner}${para('fees')}${para('staff')}</article>
<footer><p>© 2025 Example Harbour Times. All rights reserved.</p></footer></body></html>`
}

describe('extractHtml keeps the article\'s own structure', () => {
  const cases: [name: string, inner: string, expected: string][] = [
    ['a section heading as its own paragraph', '<h2>What the money paid for</h2>', '\n\nWhat the money paid for\n\n'],
    ['list items as "• " items', '<ul><li>New cranes for the east quay</li><li>Dredging of the channel</li></ul>', '\n\n• New cranes for the east quay\n\n• Dredging of the channel\n\n'],
    ['numbered list items too', '<ol><li>Open the quay</li><li>Review the fees</li></ol>', '\n\n• Open the quay\n\n• Review the fees\n\n'],
    ['a block quote as a paragraph', '<blockquote><p>We built more than we promised, and for less.</p></blockquote>', '\n\nWe built more than we promised, and for less.\n\n'],
    [
      'a table: one paragraph, a row per line, cells separated by " | "',
      '<table><thead><tr><th>Item</th><th>Cost</th><th>Year</th></tr></thead><tbody><tr><td>Cranes</td><td>$4m</td><td>2024</td></tr><tr><td>Dredging</td><td>$1m</td><td>2025</td></tr></tbody></table>',
      '\n\nItem | Cost | Year\nCranes | $4m | 2024\nDredging | $1m | 2025\n\n',
    ],
    [
      'a layout table (cells holding paragraphs) gives paragraphs, not rows',
      '<table><tr><td><p>The first column says the quay will open in May.</p></td><td><p>The second column says the fees will rise.</p></td></tr></table>',
      '\n\nThe first column says the quay will open in May.\n\nThe second column says the fees will rise.\n\n',
    ],
  ]
  for (const [name, inner, expected] of cases) {
    it(name, () => {
      const { text, dropped } = extractHtml(pageWith(inner))
      assert.ok(text.includes(expected), JSON.stringify(text))
      // Kept text is not also listed as left out.
      for (const line of expected.trim().split('\n').filter(Boolean)) {
        assert.ok(!dropped.some((d) => d.text.includes(line.replace(/^• /, '').split(' | ')[0]) && d.reason === 'outside-article'), line)
      }
      assert.doesNotMatch(text, /Home|All rights reserved/)
    })
  }
})
