import { test } from 'node:test'
import assert from 'node:assert/strict'
import { boundedCache } from './cache.js'

test('boundedCache computes each key once while it holds it, and never holds more than its limit', () => {
  let calls = 0
  const cache = boundedCache<string, string | null>(3)
  const make = (key: string) => {
    calls++
    return key === 'none' ? null : key.toUpperCase()
  }
  assert.equal(cache.get('a', make), 'A')
  assert.equal(cache.get('a', make), 'A')
  assert.equal(cache.get('none', make), null)
  assert.equal(cache.get('none', make), null, 'a null answer is remembered too')
  assert.equal(calls, 2)
  for (const key of ['b', 'c', 'd', 'e']) cache.get(key, make)
  assert.ok(cache.size <= 3, `size ${cache.size}`)
  assert.equal(cache.get('e', make), 'E')
})

test('boundedCache refuses a limit under one', () => {
  assert.throws(() => boundedCache(0), RangeError)
})
