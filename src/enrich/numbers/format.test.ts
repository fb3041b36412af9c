import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { groupDigits, humanNumber } from './format.js'

describe('humanNumber', () => {
  const table: [number, string | undefined, string][] = [
    [2_000_000, undefined, '2,000,000'],
    [2_000_000, 'USD', '$2 million'],
    [-3_456_000_000, 'EUR', '-€3.46 billion'],
    [1_250_000_000_000, 'GBP', '£1.25 trillion'],
    [45, 'percent', '45%'],
    [0.125, 'fraction', '12.5%'],
    [2, 'ratio', '2 to 1'],
    [1234.5678, undefined, '1,234.57'],
    [0.12345, undefined, '0.123'],
    [7_500_000, 'CHF', '7.5 million CHF'],
    [Infinity, undefined, 'Infinity'],
  ]
  for (const [value, unit, expected] of table) {
    it(`${value} ${unit ?? ''} -> ${expected}`, () => assert.equal(humanNumber(value, unit), expected))
  }

  it('groups digits as toLocaleString does, two decimals from 1 up and three under it', () => {
    for (const value of [0, 0.5, -0.0456, 1, 12.345, -98765.4321, 1e21]) {
      assert.equal(groupDigits(value), value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 1 ? 3 : 2 }))
    }
  })
})
