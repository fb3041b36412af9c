import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { articleClaims } from './claims.js'
import { statusDiscrepancies } from './status.js'

const harbourChief = (text: string) => fixtureArticle({ text, entities: [{ text: 'Tomas Reyes', type: 'person' }] })

function statuses(...texts: string[]) {
  const articles = texts.map(harbourChief)
  return statusDiscrepancies(articles, articles.flatMap((a) => articleClaims(a)))
}

describe('statusDiscrepancies', () => {
  it('finds "resigned" against "is retiring" for the same person', () => {
    const [d, ...rest] = statuses('Harbour chief Tomas Reyes resigned on Thursday after the inquiry.', 'Tomas Reyes is retiring at the end of the month, the port said.')
    assert.equal(rest.length, 0)
    assert.equal(d.kind, 'status')
    assert.equal(d.description, 'leaving office of Tomas Reyes: resigned vs retiring')
    assert.deepEqual(d.values.map((v) => v.value), ['resigned', 'retiring'])
    assert.ok(d.values.every((v) => v.support?.length === 1))
  })

  it('finds "charged" against "no charges", following the person into the next sentence', () => {
    const [d] = statuses('Tomas Reyes was charged with two counts of fraud on Monday.', 'Tomas Reyes met investigators on Monday. No formal charges have been filed against him.')
    assert.equal(d?.description, 'charges of Tomas Reyes: charged vs not charged')
  })

  it('reads the active "prosecutors charged <name> with" as charged, and a charged phone as nothing', () => {
    const [d] = statuses('Prosecutors charged Tomas Reyes with two counts of fraud on Monday.', 'No formal charges have been filed against Tomas Reyes, his lawyer said.')
    assert.equal(d?.description, 'charges of Tomas Reyes: charged vs not charged')
    assert.deepEqual(statuses('Tomas Reyes charged the phone with a borrowed cable.', 'No formal charges have been filed against Tomas Reyes.'), [])
  })

  it('gives the status to the person it is said of, and counts an announcement the outlet reports', () => {
    const articles = [
      fixtureArticle({ text: 'Port chief Tomas Reyes resigned on Thursday after a clash with Mayor Ana Pell.', entities: [{ text: 'Tomas Reyes', type: 'person' }, { text: 'Ana Pell', type: 'person' }] }),
      fixtureArticle({ text: 'Mayor Ana Pell said on Thursday that Tomas Reyes will be retiring at the end of the month.', entities: [{ text: 'Ana Pell', type: 'person' }, { text: 'Tomas Reyes', type: 'person' }] }),
    ]
    const [d, ...rest] = statusDiscrepancies(articles, articles.flatMap((a) => articleClaims(a)))
    assert.equal(rest.length, 0)
    assert.equal(d?.description, 'leaving office of Tomas Reyes: resigned vs retiring')
  })

  it('does not read a demand, a refusal or a possibility as a status', () => {
    assert.deepEqual(statuses('Tomas Reyes is retiring next month.', 'Critics called on Tomas Reyes to resign over the inquiry.'), [])
    assert.deepEqual(statuses('Tomas Reyes is retiring next month.', 'Tomas Reyes refused to resign on Monday.'), [])
    assert.deepEqual(statuses('Tomas Reyes was charged with fraud on Monday.', 'Tomas Reyes could be charged with fraud, prosecutors said.'), [])
  })

  it('does not flag one outlet telling both, the same status twice, or a status inside a quote', () => {
    assert.deepEqual(statuses('Tomas Reyes resigned in May and will retire next year.', 'Tomas Reyes is retiring next year.'), [])
    assert.deepEqual(statuses('Tomas Reyes resigned on Thursday.', 'Tomas Reyes resigned after the inquiry.'), [])
    assert.deepEqual(statuses('Tomas Reyes resigned on Thursday.', '“Tomas Reyes is retiring, not resigning,” his lawyer said.'), [])
  })
})
