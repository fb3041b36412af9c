import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findDigitNumbers } from './candidates.js'

const digits = (text: string): { text: string; value: number; currency?: string; yearLike?: boolean }[] =>
  findDigitNumbers(text).map((c) => ({ text: text.slice(c.start, c.end), value: c.value, ...(c.currency ? { currency: c.currency } : {}), ...(c.yearLike ? { yearLike: true } : {}) }))

test('findDigitNumbers: currency prefixes up to four characters before the digits are part of the number', () => {
  assert.deepEqual(digits('It cost USD 500, EUR 20 and USD .5 each.'), [
    { text: 'USD 500', value: 500, currency: 'USD' },
    { text: 'EUR 20', value: 20, currency: 'EUR' },
    { text: 'USD .5', value: 0.5, currency: 'USD' },
  ])
  assert.deepEqual(digits('Shares paid $.5 and US$3.5bn, then RUB5bn.'), [
    { text: '$.5', value: 0.5, currency: 'USD' },
    { text: 'US$3.5bn', value: 3.5e9, currency: 'USD' },
    { text: 'RUB5bn', value: 5e9, currency: 'RUB' },
  ])
})

test('findDigitNumbers: digits inside codes and words are not numbers', () => {
  assert.deepEqual(digits('The G7, an F-16, COVID-19 and the A380.'), [])
})

test('findDigitNumbers: plain numbers, years and percentages in order', () => {
  assert.deepEqual(digits('In 2025, 40% of 1,200 voters'), [
    { text: '2025', value: 2025, yearLike: true },
    { text: '40%', value: 40 },
    { text: '1,200', value: 1200 },
  ])
})
