import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { isOutletName, storyTitle } from './title.js'

describe('isOutletName', () => {
  const table: [string, string | null, boolean][] = [
    ['The Dunmore Gazette', 'The Dunmore Gazette', true],
    ['the dunmore gazette', 'The Dunmore Gazette', true],
    ['TDG The Dunmore Gazette', 'The Dunmore Gazette', true],
    ['Bridge closes after barge strikes pier', 'The Dunmore Gazette', false],
    ['Gazette readers vote on new bridge name', 'The Dunmore Gazette', false],
    ['Bridge closes', null, false],
  ]
  for (const [title, outlet, expected] of table) {
    it(`${JSON.stringify(title)} vs ${JSON.stringify(outlet)}`, () => assert.equal(isOutletName(title, outlet), expected))
  }
})

describe('storyTitle', () => {
  const text = 'A barge struck the Dunmore bridge pier on Monday, and the bridge was closed to traffic.'
  it('skips a title that is only the outlet name and takes another article headline', () => {
    const a = fixtureArticle({ outlet: 'The Dunmore Gazette', title: 'The Dunmore Gazette', text })
    const b = fixtureArticle({ outlet: 'Riverside Wire', title: 'Barge hits Dunmore bridge, road shut', text: `${text} Engineers will inspect it.` })
    assert.equal(storyTitle([a, b], []), 'Barge hits Dunmore bridge, road shut')
  })
  it('falls back to the top fact when no article has a real headline', () => {
    const a = fixtureArticle({ outlet: 'Riverside Wire', title: 'Riverside Wire', text })
    const fact = { id: 'f1', text: 'A barge struck the Dunmore bridge pier on Monday', status: 'corroborated' as const, articleIds: [a.id], support: [] }
    assert.equal(storyTitle([a], [fact]), 'A barge struck the Dunmore bridge pier on Monday')
  })
})
