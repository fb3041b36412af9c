import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractArticle } from './index.js'
import { emailDomainOutlet, houseMarkOutlet, syndicationOutlet } from './house-marks.js'
import { fileNameOutlet } from './metadata.js'
import { outletByDomain } from './outlets.js'

const raw = (text: string, path = 'story.txt', extra: { outlet?: string; outletForced?: boolean } = {}) =>
  ({ source: { kind: 'text' as const, path }, bytes: new TextEncoder().encode(text), ...extra })

const BODY = 'The harbour council voted on Tuesday to close the old ferry pier for repairs.\n' +
  'Officials said the work would take three months and cost about $2 million.\n'

describe('house marks', () => {
  const cases: [string, string, string | null][] = [
    ['two of Newsweek\'s section headings', `${BODY}Why It Matters\nThe pier carries most commuters.\nWhat To Know\nRepairs start in May.\n`, 'Newsweek'],
    ['one common heading is not enough', `${BODY}What To Know\nRepairs start in May.\n`, null],
    ['a Fox News app prompt', `${BODY}CLICK HERE TO GET THE FOX NEWS APP\n`, 'Fox News'],
    ['Reuters credit lines', `${BODY}Reporting by Jo Bloggs; Editing by Sam Doe\n`, 'Reuters'],
    ['nothing', BODY, null],
  ]
  for (const [name, text, outlet] of cases) {
    it(name, () => assert.equal(houseMarkOutlet(text, [])?.value.name ?? null, outlet))
  }

  it('reads a syndication notice naming a known outlet, and ignores unknown names', () => {
    assert.equal(syndicationOutlet(`${BODY}This article originally appeared on Politico.\n`, [])?.value.name, 'Politico')
    assert.equal(syndicationOutlet(`${BODY}This article originally appeared on Some Blog.\n`, []), null)
  })

  it('takes the most frequent known e-mail domain in the body', () => {
    const text = `${BODY}Send tips to news@cnn.com or desk@cnn.com; a copy went to jo@example.org.\n`
    assert.deepEqual(emailDomainOutlet(text, [], outletByDomain), { value: { name: 'CNN', domain: 'cnn.com' }, from: 'text:email-domain' })
  })

  it('names the outlet of a whole article from its house style, with provenance', () => {
    const a = extractArticle(raw(`${BODY}Why It Matters\nThe pier carries most commuters.\nWhat Happens Next\nRepairs start in May.\n`))
    assert.equal(a.outlet?.name, 'Newsweek')
    assert.equal(a.provenance?.outlet, 'text:house-marks')
  })
})

describe('outlet from the file or URL name', () => {
  it('finds a known outlet name or domain among the name\'s words', () => {
    assert.equal(fileNameOutlet('in/cnn-ferry-pier.txt', null)?.value.name, 'CNN')
    assert.equal(fileNameOutlet('in/wsj_0c1d2e3f4a5b6c7d.html', null)?.value.name, 'The Wall Street Journal')
    assert.equal(fileNameOutlet(null, 'https://mirror.example.net/reuters.com/world/pier')?.value.name, 'Reuters')
    assert.equal(fileNameOutlet('in/003_814b9930b0476a43.txt', null), null)
  })

  it('is the last resort: the text\'s own marks win', () => {
    assert.equal(extractArticle(raw(BODY, 'in/bbc-pier.txt')).outlet?.name, 'BBC')
    assert.equal(extractArticle(raw(BODY, 'in/bbc-pier.txt')).provenance?.outlet, 'source:file-name')
    assert.equal(extractArticle(raw(`${BODY}CLICK HERE TO GET THE FOX NEWS APP\n`, 'in/bbc-pier.txt')).outlet?.name, 'Fox News')
  })

  it('a per-input --outlet wins over the text; the default one only fills a gap', () => {
    const fox = `${BODY}CLICK HERE TO GET THE FOX NEWS APP\n`
    assert.equal(extractArticle(raw(fox, 'a.txt', { outlet: 'Harbour Gazette', outletForced: true })).outlet?.name, 'Harbour Gazette')
    assert.equal(extractArticle(raw(fox, 'a.txt', { outlet: 'Harbour Gazette' })).outlet?.name, 'Fox News')
    assert.equal(extractArticle(raw(BODY, 'a.txt', { outlet: 'Harbour Gazette' })).outlet?.name, 'Harbour Gazette')
  })
})
