import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle } from '../../test/helpers/fixtures.js'
import { clusterArticles, storyIdOf } from './index.js'
import { averageLink } from './linkage.js'

// Two ferry fires (one kind of event) reported undated, as in ECB+: the subject's words are
// shared by every article; the ship, the port, the captain, the date and the count differ.
const SUBJECT = [
  'Fire broke out on the passenger ferry and thick smoke filled the car deck.',
  'The coastguard sent lifeboats and a helicopter as passengers gathered at the muster stations.',
  'Crew members fought the blaze with hoses while the ferry drifted without power.',
  'Maritime investigators will examine the ferry and question the crew about the fire.',
  'Passengers described panic on the ferry as the fire spread and the alarms sounded.',
  'The ferry operator apologised to passengers and cancelled sailings for the rest of the week.',
]
const EVENTS = {
  lark: {
    facts: [
      'The Northern Lark was sailing off Harwick when captain Olav Brenning raised the alarm.',
      'All 212 passengers of the Northern Lark were taken off at Harwick, Olav Brenning said.',
      'The Northern Lark fire began on 3 May in the engine room, the Harwick harbour master said.',
    ],
    entities: [{ text: 'Northern Lark', type: 'other' }, { text: 'Harwick', type: 'place' }, { text: 'Olav Brenning', type: 'person' }],
    date: { text: '3 May', value: '2024-05-03', granularity: 'day' },
    number: { text: '212 passengers', value: 212, unit: 'passenger' },
  },
  meridia: {
    facts: [
      'The Meridia was approaching Caldon when chief officer Ines Marwood ordered the evacuation.',
      'Ines Marwood said 87 passengers left the Meridia by lifeboat near Caldon.',
      'The Meridia fire started on 19 September in a lorry on deck, Caldon port authority said.',
    ],
    entities: [{ text: 'Meridia', type: 'other' }, { text: 'Caldon', type: 'place' }, { text: 'Ines Marwood', type: 'person' }],
    date: { text: '19 September', value: '2023-09-19', granularity: 'day' },
    number: { text: '87 passengers', value: 87, unit: 'passenger' },
  },
} as const

/** The n-th report of an event: all its facts and all but one of the subject's sentences. */
function report(event: keyof typeof EVENTS, n: number) {
  const e = EVENTS[event]
  const subject = [0, 1, 2, 3, 4].map((k) => SUBJECT[(n + k) % SUBJECT.length])
  const text = [e.facts[n % 3], ...subject.slice(0, 2), e.facts[(n + 1) % 3], ...subject.slice(2), e.facts[(n + 2) % 3], `Item ${n}.`].join(' ')
  return fixtureArticle({ text, entities: e.entities.map((x) => ({ ...x })), dates: [{ ...e.date }], numbers: [{ ...e.number }] })
}

const sortedIds = (stories: { articleIds: string[] }[]) => stories.map((s) => [...s.articleIds].sort()).sort()

test('two events of one kind with different specifics end in two stories, each whole', () => {
  const lark = [0, 1, 2, 3, 4, 5].map((n) => report('lark', n))
  const meridia = [0, 1, 2, 3, 4, 5].map((n) => report('meridia', n))
  // interleaved, as a batch would hold them
  const batch = lark.flatMap((a, i) => [a, meridia[i]])
  const stories = clusterArticles(batch, { refine: true })
  assert.deepEqual(sortedIds(stories), sortedIds([{ articleIds: lark.map((a) => a.id) }, { articleIds: meridia.map((a) => a.id) }]))
  for (const story of stories) {
    assert.equal(story.id, storyIdOf(story.articleIds[0]), 'the id comes from the earliest article')
    assert.equal(story.why[0].joinedBy, null)
    assert.equal(story.why.length, story.articleIds.length)
    for (const why of story.why.slice(1)) assert.ok(story.articleIds.includes(why.joinedBy!), 'joined by a member of its own story')
  }
})

test('the refined batch does not depend on the order the articles are given in', () => {
  const batch = [0, 1, 2, 3, 4, 5].flatMap((n) => [report('lark', n), report('meridia', n)])
  assert.deepEqual(clusterArticles(batch, { refine: true }), clusterArticles([...batch].reverse(), { refine: true }))
})

test('edits apply to the refined stories: a merge keeps the target id, a split names its source', () => {
  const batch = [0, 1, 2, 3, 4, 5].flatMap((n) => [report('lark', n), report('meridia', n)])
  const [a, b] = clusterArticles(batch, { refine: true })
  const merged = clusterArticles(batch, { refine: true, edits: [{ op: 'merge', storyIds: [a.id, b.id] }] })
  assert.equal(merged.length, 1)
  assert.equal(merged[0].id, a.id)
  assert.deepEqual(merged[0].merged, [{ storyId: b.id, by: 'user', score: null }])
  const split = clusterArticles(batch, { refine: true, edits: [{ op: 'split', storyId: a.id, articleIds: [a.articleIds[1]] }] })
  const off = split.find((s) => s.splitFrom === a.id)!
  assert.deepEqual(off.articleIds, [a.articleIds[1]])
  assert.equal(off.id, storyIdOf(a.articleIds[1]))
  assert.ok(!split.find((s) => s.id === a.id)!.articleIds.includes(a.articleIds[1]))
})

test('averageLink cuts the dendrogram at the threshold, weighing clusters by size', () => {
  const cases: [name: string, k: number, pairs: [number, number, number][], sizes: number[], threshold: number, expected: number[][]][] = [
    ['close pair, far third', 3, [[0, 1, 0.9], [0, 2, 0.1], [1, 2, 0.2]], [1, 1, 1], 0.5, [[0, 1], [2]]],
    ['average, not single link: one close member is not enough', 3, [[0, 1, 0.9], [0, 2, 0.6], [1, 2, 0.1]], [1, 1, 1], 0.5, [[0, 1], [2]]],
    ['equal weights: (0.6 + 0.1) / 2 is below 0.45', 3, [[0, 1, 0.9], [0, 2, 0.6], [1, 2, 0.1]], [1, 1, 1], 0.45, [[0, 1], [2]]],
    ['a heavy cluster pulls the average: (3 * 0.6 + 0.1) / 4', 3, [[0, 1, 0.9], [0, 2, 0.6], [1, 2, 0.1]], [3, 1, 1], 0.45, [[0, 1, 2]]],
    ['nothing reaches the threshold', 2, [[0, 1, 0.3]], [1, 1], 0.5, [[0], [1]]],
    ['chain of equals', 4, [[0, 1, 0.8], [1, 2, 0.8], [2, 3, 0.8], [0, 2, 0.8], [0, 3, 0.8], [1, 3, 0.8]], [1, 1, 1, 1], 0.5, [[0, 1, 2, 3]]],
  ]
  for (const [name, k, pairs, sizes, threshold, expected] of cases) {
    const sim = new Float64Array(k * k)
    for (const [i, j, s] of pairs) sim[i * k + j] = sim[j * k + i] = s
    assert.deepEqual(averageLink(k, sim, sizes, threshold), expected, name)
  }
})

test('refinement is the default', () => {
  const batch = [0, 1, 2, 3, 4, 5].flatMap((n) => [report('lark', n), report('meridia', n)])
  assert.deepEqual(clusterArticles(batch), clusterArticles(batch, { refine: true }))
})

// Two warehouse fires written from one set of stock phrases, each phrase in some articles of both:
// by the group's own frequencies the phrases look as telling as the names; news at large says
// their words are common.
const STOCK = [
  'Officials said the building would be inspected before residents could return home.',
  'Local businesses said the disruption was already costing them customers this month.',
  'The mayor said in a statement that the city would review safety rules for such buildings.',
  'Police closed several roads near the building and asked drivers to avoid the area.',
  'Volunteers handed out food and blankets at a community centre near the scene.',
  'Emergency services were called shortly after the alarm was raised by a neighbour.',
]
const FIRES = {
  norwick: [
    'Firefighters battled a blaze at the Norwick warehouse of Larkspur Chemicals.', 'Larkspur Chemicals did not answer questions about the Norwick solvent tanks.',
    'Chief Nora Ruelas said her Norwick crews kept the flames from the tanks.', 'Smoke from the Larkspur plant drifted over the Tenby estate.',
  ],
  oakhaven: [
    'Firefighters battled a blaze at the Oakhaven depot of Lund Rail.', 'Lund Rail said the Oakhaven depot had passed its last inspection in March.',
    'Chief Adam Hartwell said his Oakhaven crews saved two locomotives.', 'Trains on the Lund Rail coastal line were halted at Brindle Junction.',
  ],
} as const

function fireReport(fire: keyof typeof FIRES, n: number) {
  const stock = [0, 1].map((k) => STOCK[(n + 3 * k) % STOCK.length])
  return fixtureArticle({ text: [...FIRES[fire], ...stock].join(' ') })
}

test('events of one kind written from shared stock phrases stay apart: common words weigh little in the event vectors', () => {
  const batch = [0, 1, 2, 3].flatMap((n) => [fireReport('norwick', n), fireReport('oakhaven', n + 1)])
  const byFire = (stories: { articleIds: string[] }[]) => sortedIds(stories)
  const expected = byFire([{ articleIds: batch.filter((_, i) => i % 2 === 0).map((a) => a.id) }, { articleIds: batch.filter((_, i) => i % 2 === 1).map((a) => a.id) }])
  assert.deepEqual(byFire(clusterArticles(batch, { refine: false })), expected, 'the online pass keeps them apart')
  assert.equal(clusterArticles(batch, { refine: { rarityPower: 0 } }).length, 1, 'by the group\'s frequencies alone the stock phrases join them')
  assert.deepEqual(byFire(clusterArticles(batch)), expected)
})

test('one event reported by several outlets stays one story, though each outlet\'s articles share its own wording', () => {
  // Each outlet repeats its own furniture, names itself ("told the ..."), and gives its own count:
  // what its articles alone share is how it writes, not another event.
  const outlets = ['Harbour Gazette', 'Coastline Daily', 'Northfield Mirror', 'Tidewater Post']
  const batch = [0, 1, 2].flatMap((n) =>
    outlets.map((outlet, k) => {
      const base = report('lark', n * outlets.length + k)
      const own = [`Captain Olav Brenning told the ${outlet} that ${40 + k} crew had trained for this.`, `Subscribe to the ${outlet} evening digest for ferry news.`, `Listen to this ${outlet} article.`]
      return fixtureArticle({
        text: `${base.text} ${own.join(' ')}`,
        outlet,
        entities: [...EVENTS.lark.entities.map((x) => ({ ...x })), { text: outlet, type: 'organization' }],
        dates: [{ ...EVENTS.lark.date }],
        numbers: [{ ...EVENTS.lark.number }, { text: `${40 + k} crew`, value: 40 + k, unit: 'crew' }],
      })
    }),
  )
  const stories = clusterArticles(batch, { refine: true })
  assert.deepEqual(sortedIds(stories), sortedIds([{ articleIds: batch.map((a) => a.id) }]))
})
