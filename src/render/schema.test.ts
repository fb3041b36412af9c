import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { smallReport } from '../../test/fixtures/report-small.js'
import { renderReportJson } from './json.js'
import { reportSchemaPath } from './schema.js'

const schema = JSON.parse(readFileSync(reportSchemaPath, 'utf8'))
const ajv = new Ajv2020.default({ allErrors: true, strict: true })
addFormats.default(ajv)
const validate = ajv.compile(schema)

/** The fixture report as the JSON renderer prints it, parsed back. */
const rendered = (): any => JSON.parse(renderReportJson(smallReport()))

function errorsOf(doc: unknown): string {
  return validate(doc) ? '' : ajv.errorsText(validate.errors)
}

describe('report JSON Schema', () => {
  it('is draft 2020-12 with schemaVersion const 1', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
    assert.deepEqual(schema.properties.schemaVersion, { const: 1 })
  })

  it('accepts a full rendered report', () => {
    assert.equal(errorsOf(rendered()), '')
  })

  it('accepts an empty report', () => {
    assert.equal(errorsOf({ schemaVersion: 1, articles: [], stories: [] }), '')
  })

  // Each case breaks the rendered report in one way; the schema must reject every one.
  const broken: [string, (r: any) => void][] = [
    ['missing stories', (r) => delete r.stories],
    ['schemaVersion 2', (r) => (r.schemaVersion = 2)],
    ['story without facts', (r) => delete r.stories[0].facts],
    ['story without coverage', (r) => delete r.stories[0].coverage],
    ['article without publishedAt', (r) => delete r.articles[0].publishedAt],
    ['article with its text', (r) => (r.articles[0].text = 'x')],
    ['quote without speaker key', (r) => delete r.stories[0].quotes[0].speaker],
    ['speaker without entityId', (r) => delete r.stories[0].quotes[0].speaker.entityId],
    ['occurrence without text', (r) => delete r.stories[0].quotes[0].occurrences[0].text],
    ['bad fact status', (r) => (r.stories[0].facts[0].status = 'confirmed')],
    ['bad discrepancy kind', (r) => (r.stories[0].discrepancies[0].kind = 'tone')],
    ['bad granularity', (r) => (r.stories[0].timeline[0].granularity = 'decade')],
    ['bad timeline date', (r) => (r.stories[0].timeline[0].date = 'last Tuesday')],
    ['bad entity type', (r) => (r.stories[0].entities[0].type = 'animal')],
    ['bad source kind', (r) => (r.articles[0].source.kind = 'pdf')],
    ['publishedAt not ISO', (r) => (r.articles[0].publishedAt = 'Feb 14, 2024')],
    ['negative citation offset', (r) => (r.stories[0].summary[0].citations[0].start = -1)],
    ['coverage outlet missing', (r) => delete r.stories[0].coverage[0].outlet],
    ['fact support attributed to a number', (r) => (r.stories[0].facts[0].support[0].attributedTo = 7)],
    ['fact sources zero', (r) => (r.stories[0].facts[0].sources = 0)],
    ['coverage share above 1', (r) => (r.stories[0].coverage[0].share = 1.5)],
    ['discrepancy evidence without offsets', (r) => (r.stories[0].discrepancies[0].values[0].support = [{ articleId: 'a' }])],
  ]
  for (const [name, breakIt] of broken) {
    it(`rejects a report with ${name}`, () => {
      const doc = rendered()
      breakIt(doc)
      assert.notEqual(errorsOf(doc), '')
    })
  }

  it('allows provenance extras such as stage', () => {
    const doc = rendered()
    doc.stories[0].facts[0].stage = 'compare/facts'
    doc.stories[0].quotes[0].occurrences[0].stage = 'compare/quotes'
    assert.equal(errorsOf(doc), '')
  })

  it('accepts attribution, independent sources, coverage shares and discrepancy evidence', () => {
    const doc = rendered()
    const fact = doc.stories[0].facts[0]
    fact.support[0].attributedTo = 'TASS'
    if (fact.support[1]) fact.support[1].attributedTo = null
    fact.sources = 1
    fact.attributedTo = ['TASS']
    Object.assign(doc.stories[0].coverage[0], { factCount: 2, share: 0.5, corroboratedShare: null })
    const value = doc.stories[0].discrepancies[0].values[0]
    value.support = [{ articleId: value.articleIds[0], start: 0, end: 4 }]
    doc.stories[0].timeline[0].otherDates = [{ date: '2025-08-05', articleIds: ['a'] }]
    assert.equal(errorsOf(doc), '')
  })

  it('accepts week, month, year and time timeline dates', () => {
    const doc = rendered()
    for (const date of ['2025-W33', '2025-07', '2025', '2025-08-06T11:45']) {
      doc.stories[0].timeline[0].date = date
      assert.equal(errorsOf(doc), '', date)
    }
  })
})
