import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadSeeds, seedContaining } from '../../../test/helpers/shared.js'
import { removeBoilerplate } from './boilerplate.js'

const BODY_A = 'The council met on Tuesday to discuss the budget, officials said.'
const BODY_B = 'Members voted to approve the plan after a long debate.'

/** Wraps a furniture line in body text so position rules see a real article around it. */
function withBody(line: string): string {
  return `${BODY_A}\n${line}\n${BODY_B}`
}

describe('removeBoilerplate: furniture lines by reason', () => {
  const cases: [reason: string, line: string][] = [
    ['navigation', 'Skip to Content'],
    ['navigation', 'Jump to comments ↓'],
    ['photo-credit', 'Maria Lopez/AP'],
    ['photo-credit', 'John Smith/AFP via Getty Images'],
    ['photo-credit', 'Getty Images via Tribune Content'],
    ['caption', '<i>Jane Roe/Reuters</i><br/>Firefighters at the scene on Monday'],
    ['audio-prompt', 'NEWYou can now listen to Daily Planet articles!'],
    ['newsletter', 'Sign up for our weekly politics newsletter here.'],
    ['related-headline', 'MAYOR UNVEILS NEW TRANSIT PLAN AS FARES RISE'],
    ['read-more', 'Read the full article here'],
    ['read-more', 'Read more about our election coverage.'],
    ['comment-notice', 'BE PART OF THE CONVERSATION'],
    ['comment-notice', 'Please follow our community guidelines when commenting.'],
    ['comment-notice', 'Got a tip? Share a story idea with our newsroom.'],
    ['copyright', '© 2024 Example Media Group. All rights reserved.'],
    ['copyright', '™ & © 2023 Some Network, Inc. All rights reserved.'],
    ['author-contact', 'Write to Jo Bloggs at jo.bloggs@example.com'],
    ['ai-disclosure', 'An artificial-intelligence tool created this summary, which an editor checked.'],
    ['update-note', 'This story has been updated with new information.'],
    ['update-note', 'Update 3/4/24, 9:15 a.m.: This article has been updated with comment from the mayor.'],
    ['byline', 'By Jo Bloggs, Sam Doe and Ana Ruiz, Example News'],
    ['dateline-stamp', 'Updated Mar. 4, 2024'],
    ['dateline-stamp', 'Published 9:15 AM EST, Mon March 4, 2024'],
    ['section-heading', 'What We Know'],
    ['contributor-line', 'Sam Doe and Ana Ruiz contributed to this report.'],
    ['wire-tag', 'The-Example-Wire'],
    ['wire-tag', 'Article Topic Follows: Example News'],
    ['navigation', 'Home | Politics | Sport | Culture | Newsletters'],
    ['navigation', 'Listen Live | Shows | Donate'],
    ['newsletter', 'Sign up for the Evening Digest, delivered to your inbox every weekday.'],
    ['newsletter', 'Get the Valley Briefing: the top stories, free in your inbox every morning.'],
    ['newsletter', 'Sign up to Riverside Weekly: our best local reporting, every Saturday.'],
    ['newsletter', 'Support independent reporting. Subscribe to the Fenwick Post Daily.'],
    ['author-contact', 'Priya Nandakumar can be reached at pnandakumar@valleytimes.example'],
    ['photo-credit', 'Tomasz Wierzba / The Lakeside Sentinel'],
    ['byline', 'By Ruth Okafor, Transport correspondent'],
  ]
  for (const [reason, line] of cases) {
    it(`${reason}: ${line}`, () => {
      const result = removeBoilerplate(withBody(line))
      assert.deepEqual(result.removed, [{ text: line, reason }])
      assert.equal(result.text, `${BODY_A}\n\n${BODY_B}`)
    })
  }
})

describe('removeBoilerplate: body text is kept', () => {
  const kept = [
    'By Wednesday, the talks had stalled.',
    'Reuters reported that the sanctions would take effect on Friday.',
    'The official told CNN that a decision was near.',
    'Read the room, one adviser said, and you will see the mood has changed.',
    'The ratio was 3/4 of the vote, with 24/7 monitoring planned.',
    'Officials said the update was expected later this week.',
    'SANCTIONS are not new, he said.',
    '“THE UNITED STATES WILL NOT STAND FOR THIS!”',
    'Fares rose 4% | 6% | 9% over three years, the report said.',
    'Residents who sign up for the scheme will get a free bus pass, the council said.',
    'Voters can be reached by phone until Friday, officials said.',
    'By Tuesday, the reporter said, the roads had reopened.',
  ]
  for (const line of kept) {
    it(line, () => {
      const result = removeBoilerplate(withBody(line))
      assert.deepEqual(result.removed, [])
      assert.equal(result.text, `${BODY_A}\n\n${line}\n\n${BODY_B}`)
    })
  }

  it('keeps list items that look short and heading-like', () => {
    const result = removeBoilerplate(`${BODY_A}\n• Lower fares for students\n• More buses at night\n${BODY_B}`)
    assert.deepEqual(result.removed, [])
  })
})

describe('removeBoilerplate: title, captions, joining', () => {
  it('takes a headline-shaped first line out as the title', () => {
    const result = removeBoilerplate(`Mayor Unveils Transit Plan as Fares Rise\n${BODY_A}\n${BODY_B}`)
    assert.equal(result.title, 'Mayor Unveils Transit Plan as Fares Rise')
    assert.deepEqual(result.removed, [{ text: 'Mayor Unveils Transit Plan as Fares Rise', reason: 'title' }])
    assert.equal(result.text, `${BODY_A}\n\n${BODY_B}`)
  })

  it('does not take a first sentence as the title', () => {
    assert.equal(removeBoilerplate(`${BODY_A}\n${BODY_B}`).title, null)
  })

  it('removes a caption after a credit and its duplicate of HTML caption debris', () => {
    const caption = 'Firefighters at the scene on Monday'
    const text = `${BODY_A}\n<i>Jane Roe/Reuters</i><br/>${caption}\nJane Roe/Reuters\n${caption}\n${BODY_B}`
    const result = removeBoilerplate(text)
    assert.deepEqual(
      result.removed.map((p) => p.reason),
      ['caption', 'photo-credit', 'caption'],
    )
    assert.equal(result.text, `${BODY_A}\n\n${BODY_B}`)
  })

  it('joins a line broken in the middle of a sentence, keeps paragraphs apart otherwise', () => {
    const text = `The mayor said on radio before adding that\n“the buses will run on time.”\n${BODY_B}`
    assert.equal(
      removeBoilerplate(text).text,
      `The mayor said on radio before adding that “the buses will run on time.”\n\n${BODY_B}`,
    )
  })
})

describe('removeBoilerplate: masthead, menus and headline at the top', () => {
  const BODY = `${BODY_A}\n${BODY_B}`
  const cases: [name: string, text: string, title: string, masthead: string | null][] = [
    ['outlet named by its copyright line', `Skip to content\nThe Lakeside Sentinel\nNews | Sport | Weather | Opinion\nCouncil approves new bridge over the Alder River\nBy Ruth Okafor\nUpdated May 2, 2024\n${BODY}\n© 2024 The Lakeside Sentinel. All rights reserved.`, 'Council approves new bridge over the Alder River', 'The Lakeside Sentinel'],
    ['initials before the name', `VBC Valley Broadcasting Company\nListen Live | Shows | Donate\nFlood warnings lifted across the valley\nPublished June 3, 2024\n${BODY}\nCopyright 2024 Valley Broadcasting Company`, 'Flood warnings lifted across the valley', 'VBC Valley Broadcasting Company'],
    ['outlet named by the author e-mail domain', `Northwind Live\nTram line to reopen after two weeks of repairs\nBy Jo Bloggs\n${BODY}\nJo Bloggs can be reached at jo@northwindlive.example`, 'Tram line to reopen after two weeks of repairs', 'Northwind Live'],
    ['name-shaped line above the headline, named nowhere else', `Harbourside Herald\nSchool board delays vote on new calendar\nBy Jo Bloggs\n${BODY}`, 'School board delays vote on new calendar', 'Harbourside Herald'],
    ['masthead before the menu, no stamp', `Fenwick Evening Post\nSchool board delays vote on new calendar\n${BODY}`, 'School board delays vote on new calendar', 'Fenwick Evening Post'],
    ['a Title Case headline is no masthead', `Mayor Unveils Transit Plan\nBy Jo Bloggs\n${BODY}`, 'Mayor Unveils Transit Plan', null],
  ]
  for (const [name, text, title, masthead] of cases) {
    it(name, () => {
      const result = removeBoilerplate(text)
      assert.equal(result.title, title)
      assert.deepEqual(result.removed.filter((p) => p.reason === 'masthead').map((p) => p.text), masthead ? [masthead] : [])
      assert.equal(result.text, `${BODY_A}\n\n${BODY_B}`)
    })
  }

  it('removes the lead photo credit and its one-sentence caption, but not a body sentence after a later credit', () => {
    const caption = 'Volunteers fill sandbags outside the library on Monday.'
    const body = 'Water reached the steps by noon.'
    const text = `Flood warnings lifted across the valley\nBy Jo Bloggs\nAnna Kowal / The Valley Times\n${caption}\n${BODY_A}\nAnna Kowal / The Valley Times\n${body}\n${BODY_B}`
    const result = removeBoilerplate(text)
    assert.deepEqual(result.removed.filter((p) => p.reason === 'caption').map((p) => p.text), [caption])
    assert.equal(result.text, `${BODY_A}\n\n${body}\n\n${BODY_B}`)
  })
})

describe('removeBoilerplate on the seeds', () => {
  /** Furniture needles per reason, each from reading the seeds; a matching line must be removed with that reason. */
  const furniture: [needle: string, reason: string][] = [
    ['Skip to Content', 'navigation'],
    ['Jump to comments', 'navigation'],
    ['Pablo Martinez Monsivais/AP', 'photo-credit'],
    ['Getty Images via CNN Newsource', 'photo-credit'],
    ['</i><br/>', 'caption'],
    ['You can now listen to Fox News articles', 'audio-prompt'],
    ['WITKOFF SCRAMBLES FOR PEACE DEAL', 'related-headline'],
    ['Read the full article here', 'read-more'],
    ['BE PART OF THE CONVERSATION', 'comment-notice'],
    ['Community Guidelines', 'comment-notice'],
    ['share a story idea', 'comment-notice'],
    ['committed to providing a forum', 'comment-notice'],
    ['All rights reserved', 'copyright'],
    ['Write to Matthew Luxmoore', 'author-contact'],
    ['An artificial-intelligence tool created this summary', 'ai-disclosure'],
    ['This story has been updated', 'update-note'],
    ['This article has been updated', 'update-note'],
    ['By Anna Chernova', 'byline'],
    ['Updated Aug. 6, 2025', 'dateline-stamp'],
    ['Why It Matters', 'section-heading'],
    ['What To Know', 'section-heading'],
    ['What People Are Saying', 'section-heading'],
    ['What Happens Next', 'section-heading'],
    ['contributed to this report', 'contributor-line'],
    ['The-CNN-Wire', 'wire-tag'],
    ['Article Topic Follows', 'wire-tag'],
  ]
  for (const [needle, reason] of furniture) {
    it(`removes "${needle}" as ${reason}`, () => {
      const { text, removed } = removeBoilerplate(seedContaining(needle).text)
      assert.ok(removed.some((p) => p.reason === reason && p.text.includes(needle)), JSON.stringify(removed))
      assert.ok(!text.includes(needle), 'still in the clean text')
    })
  }

  it('removes the caption repeated under the credit (the CNN photo)', () => {
    const seed = seedContaining('</i><br/>')
    const caption = seed.text.split('</i><br/>')[1].split('\n')[0]
    const { text, removed } = removeBoilerplate(seed.text)
    assert.ok(removed.some((p) => p.reason === 'caption' && p.text === caption))
    assert.ok(!text.includes(caption))
  })

  it('keeps every long body line of every seed', () => {
    const notBody = /artificial-intelligence tool|^Write to |has been updated|contributed to this report|All rights reserved|committed to providing a forum|Community Guidelines|share a story idea/
    for (const seed of loadSeeds()) {
      const { text } = removeBoilerplate(seed.text)
      for (const line of seed.text.split('\n').map((l) => l.trim())) {
        // Article sentences: long lines ending a sentence (headlines and captions have no full stop).
        if (line.length < 60 || !/[.!?]["”’]?$/.test(line) || notBody.test(line)) continue
        assert.ok(text.includes(line), `${seed.name} lost: ${line.slice(0, 80)}`)
      }
    }
  })

  it('takes the headlines out as titles and keeps the dek of the WSJ story', () => {
    assert.match(removeBoilerplate(seedContaining('Skip to Content').text).title ?? '', /^Trump says there’s a ‘good chance’/)
    assert.match(removeBoilerplate(seedContaining('Zaryadye Park').text).title ?? '', /^Trump Envoy Meets Putin in Moscow/)
    const wsj = removeBoilerplate(seedContaining('Write to Matthew Luxmoore').text)
    assert.equal(wsj.title, null)
    assert.match(wsj.text, /^Russia remains defiant but views Witkoff’s visit/)
  })

  it('joins the Fox quote broken across a line', () => {
    const { text } = removeBoilerplate(seedContaining('before adding that\n').text)
    assert.match(text, /before adding that “great progress was made\.”\n\n/)
  })

  it('separates paragraphs by one blank line and leaves no blank paragraphs', () => {
    for (const seed of loadSeeds()) {
      const { text } = removeBoilerplate(seed.text)
      assert.ok(!/\n{3,}/.test(text) && !/^\s|\s$/.test(text), seed.name)
      assert.ok(text.split('\n\n').every((p) => p.trim() === p && p.length > 0 && !p.includes('\n')), seed.name)
    }
  })
})
