import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readModality } from './modality.js'

test('readModality: open, negated, definite and plain claims, with either apostrophe', () => {
  const cases: [string, string][] = [
    ['The council hasn’t decided on the bridge', 'open'],
    ["The council hasn't decided on the bridge", 'open'],
    ['The council has not yet decided on the bridge', 'open'],
    ['The mayor intends to close the bridge in May', 'definite'],
    ['The council will close the bridge on Friday', 'definite'],
    ['The council did not close the bridge', 'negated'],
    ['The council closed the bridge on Friday', 'plain'],
  ]
  for (const [text, modality] of cases) assert.equal(readModality(text).modality, modality, text)
})

test('readModality: "did not" with its verb left out (said earlier in the sentence) denies nothing in its words', () => {
  const cases: [string, string][] = [
    ['Berg did one more thing the mayor did not a week ago', 'plain'],
    ['Berg answered every question, which the mayor did not last month', 'plain'],
    ['Berg kept her promise; the mayor did not', 'plain'],
    ['The council voted for the toll, and the port board didn’t either', 'plain'],
    // The verb is there: a denial.
    ['The truce did not last long after the ferry sank', 'negated'],
    ['The mayor did not answer a single question', 'negated'],
    ['The mayor did not meet Berg last week', 'negated'],
    ['The mayor did not then approve the toll', 'negated'],
    ['The board did not today vote on the toll', 'negated'],
    ['The mayor did not this time approve the toll', 'negated'],
    ['There was not a day when the ferry ran on time', 'negated'],
    ['The mayor is not either a supporter of the toll', 'negated'],
    ['The mayor did not — and would not — approve the toll', 'negated'],
    ['The mayor did not a single thing for the harbour', 'negated'],
  ]
  for (const [text, modality] of cases) assert.equal(readModality(text).modality, modality, text)
})

test('readModality: "not the only", "not the first" and "not alone" say others did too, which is no denial', () => {
  const cases: [string, string][] = [
    ['The port is not the only harbour to charge a ferry toll, with Brisk and Olm doing the same', 'plain'],
    ['Vell was not the first town to close its ferry pier', 'plain'],
    ['The mayor is not alone in opposing the toll', 'plain'],
    ['The port is not a harbour that charges a ferry toll', 'negated'],
    ['The port isn’t the only harbour to charge a toll', 'plain'],
    // Other denials, and "not the first" before a noun, still deny.
    ['He denied the first two charges against him', 'negated'],
    ['The board refused the only offer it received', 'negated'],
    ['Quist was not alone with the minister that night', 'negated'],
    ['Quist was never alone with the minister', 'negated'],
    ['The site was not the first choice of the council', 'negated'],
    ['He is not a first-time offender', 'negated'],
  ]
  for (const [text, modality] of cases) assert.equal(readModality(text).modality, modality, text)
})
