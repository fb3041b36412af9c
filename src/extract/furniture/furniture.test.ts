import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { furnitureReason } from './furniture.js'

describe('furnitureReason: notices worded around their key phrase', () => {
  // Each phrase is found anywhere in a line, not only at its start (these lines take the path past
  // the anchored rules, so a phrase missing from the prefilter would be missed).
  const cases: [reason: string, line: string][] = [
    ['caption', 'Firefighters at the scene <br/>on Monday'],
    ['ai-disclosure', 'Editors note: we used an AI tool to draft the outline.'],
    ['ai-disclosure', 'Note: this summary was generated with the help of AI and checked by staff.'],
    ['comment-notice', 'Before posting, read our community guidelines.'],
    ['comment-notice', 'Readers, join the conversation below.'],
    ['comment-notice', 'Got a tip? Submit a news tip to our desk.'],
    ['comment-notice', 'The Example Times is committed to providing a forum for civil debate.'],
    ['comment-notice', 'Sorry, comments are closed for this story.'],
    ['copyright', 'Example Media Group 2024. All Rights Reserved.'],
    ['newsletter', 'Every weekday, the Morning Brief is delivered straight to your inbox.'],
    ['contributor-line', 'Ana Ruiz in Madrid contributed reporting.'],
  ]
  for (const [reason, line] of cases) it(`${reason}: ${line}`, () => assert.equal(furnitureReason(line), reason))

  it('names the reason of the leftmost phrase, whatever the rules order', () => {
    // "comments are closed" (comment notice) comes before "all rights reserved" (copyright)
    assert.equal(furnitureReason('Note: comments are closed. All rights reserved.'), 'comment-notice')
    // at the start, the first rule wins: the copyright line also holds a comment phrase
    assert.equal(furnitureReason('Copyright 2024 Example News; comments are closed'), 'copyright')
  })

  it('keeps body sentences that share words with the notices', () => {
    for (const line of [
      'The minister said the model would be shared with regional councils next week.',
      'Police said the system failed at 3 a.m., and officials declined to comment.',
      'Photos of the scene were shared widely by residents on Monday.',
      'The agency followed the wire transfer to an account in Cyprus.',
    ]) assert.equal(furnitureReason(line), null, line)
  })
})
