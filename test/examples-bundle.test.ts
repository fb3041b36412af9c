/**
 * Guards the shipped example bundle (examples/harbour-ferry): the README promises these features,
 * so an edit that loses one should fail here. Lives in test/, not examples/, because examples/ is
 * input data that `parallax analyze examples/` reads whole.
 */
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../examples/harbour-ferry')
const files = readdirSync(dir).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
const all = files.map((f) => f.text).join('\n')
const PARAGRAPH = /<p>([\s\S]*?)<\/p>/g
const TAG = /<[^>]+>/g

/** Words a reader sees as the story: every line of a text file, the plain <p> elements of a page. */
function storyWords(file: { name: string; text: string }): number {
  const text = file.name.endsWith('.html') ? [...file.text.matchAll(PARAGRAPH)].map((m) => m[1].replace(TAG, '')).join(' ') : file.text
  return text.split(/\s+/).filter(Boolean).length
}

describe('examples/harbour-ferry', () => {
  it('has three text files and two HTML pages of news length', () => {
    assert.deepEqual(files.map((f) => f.name), ['01.txt', '02.html', '03.txt', '04.html', '05.txt'])
    for (const f of files) {
      const words = storyWords(f)
      assert.ok(words >= 250 && words <= 600, `${f.name}: ${words} words`)
    }
  })

  it('gives every file its own publication date', () => {
    for (const f of files.filter((x) => x.name.endsWith('.txt'))) assert.match(f.text, /^(?:Updated|Published) [A-Z][a-z]+\.? \d{1,2}, 2026|\b[A-Z]{3,}[A-Z ]*, March \d{1,2} \(/m, f.name)
    for (const f of files.filter((x) => x.name.endsWith('.html'))) {
      assert.match(f.text, /<meta property="article:published_time" content="2026-03-0\dT/, f.name)
      assert.match(f.text, /<meta property="og:site_name" content="[^"]+">/, f.name)
      const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(f.text)?.[1] ?? 'null') as { '@type': string; datePublished: string }
      assert.equal(ld['@type'], 'NewsArticle', f.name)
      assert.match(ld.datePublished, /^2026-03-0\d/, f.name)
    }
  })

  it('holds the features the README lists', () => {
    const features: [string, RegExp][] = [
      ['name spelled one way', /Aleksei Dravenko/],
      ['and the other', /Alexei Dravenko/],
      ['approximate duration', /about 45 minutes/],
      ['agreeing approximation', /nearly 45-minute/],
      ['one injury count', /(?:Twelve|12) people were (?:treated|injured)/],
      ['a different one', /(?:Fifteen|15) people were injured/],
      ['two-paragraph quote', /with their families\.\n\n“Every vessel/],
      ['quote wording A', /that is why nobody was lost today/],
      ['quote wording B', /that’s why no one was lost today/],
      ['told reporters', /told reporters/], ['said in a statement', /said in a statement/],
      ['wrote on social media', /wrote on social media/], ['he said', /\bhe said\b/],
      ['relative dates', /on Tuesday[\s\S]*last month[\s\S]*next week/], ['absolute date', /Tuesday, March 3/],
    ]
    for (const [what, pattern] of features) assert.match(all, pattern, what)
  })

  it('carries the site furniture a scraper brings along', () => {
    const furniture: [string, RegExp][] = [
      ['skip link', /Skip to content/], ['photo credit', /^(?:Photo: )?[A-Z][a-z]+ [A-Z][a-z]+ \/ The Maravel Courier$/m],
      ['read more', /Read more: /], ['newsletter', /Sign up/], ['copyright', /© 2026 /],
      ['author e-mail', /can be reached at \S+@\S+/], ['comment notice', /Comments are (?:closed|moderated)/],
    ]
    for (const [what, pattern] of furniture) assert.match(all, pattern, what)
  })
})
