import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { StoryEntity } from '../types.js'
import { compatibleSpeakers } from './names.js'

test('compatibleSpeakers: one source, a body and its people, unnamed sources; not two different people', () => {
  const entity = (id: string, name: string, type: StoryEntity['type'], roles: string[] = []): StoryEntity => ({ id, name, type, aliases: [], roles, articleIds: [], mentions: 1 })
  const kremlin = { name: 'Kremlin', entity: entity('k', 'Kremlin', 'organization') }
  const aide = { name: 'Yury Ushakov', entity: entity('u', 'Yury Ushakov', 'person', ['Kremlin aide']) }
  const envoy = { name: 'Steve Witkoff', entity: entity('w', 'Steve Witkoff', 'person', ['special envoy']) }
  const cases: [label: string, a: Parameters<typeof compatibleSpeakers>[0], b: Parameters<typeof compatibleSpeakers>[1], expected: boolean][] = [
    ['no attribution on one side', null, envoy, true],
    ['one entity', aide, { name: 'Ushakov', entity: aide.entity }, true],
    ['two spellings, unresolved', { name: 'Yuri Ushakov', entity: null }, { name: 'Yury Ushakov', entity: null }, true],
    ['a body and its aide', kremlin, aide, true],
    ['the aide and the body, other order', aide, kremlin, true],
    ['two unnamed officials', { name: 'a senior official', entity: null }, { name: 'the White House official', entity: null }, true],
    ['a body and a person with another role', kremlin, envoy, false],
    ['two different people', aide, envoy, false],
    ['an unnamed official and a named person', { name: 'a senior official', entity: null }, envoy, false],
  ]
  for (const [label, a, b, expected] of cases) assert.equal(compatibleSpeakers(a, b), expected, label)
})
