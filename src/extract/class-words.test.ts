import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import type { DomElement } from './dom.js'
import { containerReason } from './furniture/page-furniture.js'
import { extractHtml } from './html.js'

const element = (html: string): DomElement => (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: { body: DomElement } }).document.body.firstElementChild as DomElement

describe('class words and the hashes page builders write', () => {
  it('reads no advertisement into a hash that holds the letters "ad"', () => {
    assert.equal(containerReason(element('<div class="section w-variant-4c1e90ad-77b2-4f0e-9ad3-1b2c3d4e5f60">x</div>')), null)
    assert.equal(containerReason(element('<div class="block-column block-column12_83fad1-ad">x</div>')), null)
    assert.equal(containerReason(element('<div id="part_7ad204be19">x</div>')), null)
  })

  it('still reads an advertisement slot by its class', () => {
    assert.equal(containerReason(element('<div class="ad-300x250">x</div>')), 'advertisement')
    assert.equal(containerReason(element('<div class="gpt-ad sidebar-ad">x</div>')), 'advertisement')
    assert.equal(containerReason(element('<div class="ad slot-a91f3e">x</div>')), 'advertisement')
  })

  it('reads an advertisement in a slot named "ad" and its size, or "ad" run into a hex piece', () => {
    // All hex digits, but the "ad" is the slot's name: a size or a number follows it, or a word.
    assert.equal(containerReason(element('<div id="ad300250">x</div>')), 'advertisement')
    assert.equal(containerReason(element('<div id="ad123456">x</div>')), 'advertisement')
    assert.equal(containerReason(element('<div class="ad0a1b2c">x</div>')), 'advertisement')
    assert.equal(containerReason(element('<div class="a1b2c3-ad-slot">x</div>')), 'advertisement')
  })

  const ABOUT = [
    'We repair bicycles of every age in a workshop under the railway arches, and most repairs are done while you wait with a coffee.',
    'Our mechanics trained on racing teams and on the delivery bikes of the city, so no frame or gear set is new to them.',
  ]
  const SERVICES = [
    'A full service strips the bicycle down to its frame, cleans every bearing and sets the gears and brakes as they left the factory.',
    'A puncture repair takes ten minutes, and we check the tyre for the thorn or glass that caused it before the tube goes back in.',
    'Wheels are trued on a stand by hand, and a buckled rim that cannot be saved is rebuilt with new spokes the same afternoon.',
  ]
  const page = `<!doctype html><html><head><title>Arches Cycle Repair</title></head><body>
<nav><a href="/">Home</a> <a href="/prices">Prices</a></nav>
<main>
  <h1>Arches Cycle Repair</h1>
  ${ABOUT.map((p) => `<p>${p}</p>`).join('\n  ')}
  <div class="grid w-variant-4c1e90ad-77b2-4f0e-9ad3-1b2c3d4e5f60">
    <h2>What we do</h2>
    ${SERVICES.map((p) => `<p>${p}</p>`).join('\n    ')}
  </div>
</main>
<footer><p>Arches Cycle Repair, Unit 4, Viaduct Row</p></footer>
</body></html>`

  it('keeps a section whose class holds such a hash', () => {
    const { text } = extractHtml(page)
    for (const paragraph of [...ABOUT, ...SERVICES]) assert.ok(text.includes(paragraph), `${paragraph} missing from ${text}`)
  })
})
