import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { analyzeOutcome, hostileInputs } from '../bench/hostile.js'

// Smaller versions of every crafted input of `npm run bench -- hostile`: each gives a named result or
// a named error, never an internal one. The outcome is checked, not the time (the bench times them).
const EXPECTED: Record<string, RegExp> = {
  'capitals, no spaces': /^error no-text/,
  'digits, no spaces': /^error no-text/,
  'straight double quotes': /^error no-text/,
  'curly quotes': /^error no-text/,
  'single quotes and apostrophes': /^error no-text/,
  'said-cues': /^ok: text, .* [1-9]\d* quotes/,
  dates: /^ok: text, .* [1-9]\d* dates/,
  'text with two <script> elements': /^ok: text, /,
  'unclosed <div>': /^error limit: .*maxDepth/,
  'nested <div>': /^error limit: .*maxDepth/,
  'many <b> elements': /^ok: html, /,
  'unclosed <p>': /^ok: html, /,
  'long paragraph': /^ok: html, /,
  'unclosed comment': /^error no-text/,
  'unclosed <script>': /^error no-text/,
  'many unclosed <script>': /^error no-text/,
  'many unclosed comments': /^error no-text/,
  'streamed boundaries without their closing comment': /^ok: html, /,
}

describe('crafted inputs (8 KB each)', () => {
  for (const input of hostileInputs(8 * 1024)) {
    it(`${input.name}: a named outcome`, async () => {
      const { outcome } = await analyzeOutcome(input)
      assert.doesNotMatch(outcome, /^error internal/)
      assert.match(outcome, EXPECTED[input.name] ?? /^(?:ok: (?:text|html), |error (?:no-text|limit))/)
    })
  }
})
