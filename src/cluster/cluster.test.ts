import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fixtureArticle, type FixtureSpec } from '../../test/helpers/fixtures.js'
import { clusterArticles, storyIdOf, StoryClusterer } from './index.js'
import { fingerprint, similarity } from './fingerprint.js'

// Two earthquakes: same kind of event, different places, dates and numbers.
const quakeA1: FixtureSpec = {
  title: 'Magnitude 6.8 earthquake strikes southern Peru, killing 14',
  publishedAt: '2025-03-10T08:00:00Z',
  text: 'A magnitude 6.8 earthquake struck near Arequipa in southern Peru on March 10, killing 14 people and collapsing dozens of adobe homes. Peru\'s civil defence institute said rescue teams were searching the rubble in the Caylloma province. President Dina Boluarte declared a state of emergency.',
  entities: [{ text: 'Arequipa', type: 'place' }, { text: 'Peru', type: 'place' }, { text: 'Caylloma', type: 'place' }, { text: 'Dina Boluarte', type: 'person' }],
  dates: [{ text: 'March 10', value: '2025-03-10', granularity: 'day' }],
  numbers: [{ text: '14 people', value: 14, unit: 'people' }],
}
const quakeA2: FixtureSpec = {
  title: 'Deadly quake hits Arequipa region',
  publishedAt: '2025-03-10T15:30:00Z',
  text: 'Rescuers dug through collapsed adobe houses in Caylloma after Monday\'s 6.8 quake near Arequipa left at least 14 people dead, Peruvian officials said. Dina Boluarte flew to the area and promised aid; the emergency decree covers the whole Arequipa region for 60 days.',
  entities: [{ text: 'Caylloma', type: 'place' }, { text: 'Arequipa', type: 'place' }, { text: 'Dina Boluarte', type: 'person' }],
  dates: [{ text: 'Monday', value: '2025-03-10', granularity: 'day', inferred: true }],
  numbers: [{ text: '14 people', value: 14, unit: 'people' }, { text: '60 days', value: 60, unit: 'day' }],
}
const quakeB: FixtureSpec = {
  title: 'Strong earthquake shakes eastern Turkey, 9 dead',
  publishedAt: '2025-03-14T06:00:00Z',
  text: 'A magnitude 6.1 earthquake hit Malatya province in eastern Turkey on March 13, killing nine people and damaging hundreds of buildings. Turkey\'s disaster agency AFAD said rescue teams were searching the rubble. Interior Minister Ali Yerlikaya said aftershocks continued through the night.',
  entities: [{ text: 'Malatya', type: 'place' }, { text: 'Turkey', type: 'place' }, { text: 'AFAD', type: 'organization' }, { text: 'Ali Yerlikaya', type: 'person' }],
  dates: [{ text: 'March 13', value: '2025-03-13', granularity: 'day' }],
  numbers: [{ text: 'nine people', value: 9, unit: 'people' }],
}
// Two summits of the same kind.
const summitA1: FixtureSpec = {
  title: 'EU leaders agree on defence fund at Brussels summit',
  publishedAt: '2025-06-26T18:00:00Z',
  text: 'European Union leaders meeting in Brussels agreed on Thursday to a 150 billion euro defence fund, Commission President Ursula von der Leyen said. Hungary\'s Viktor Orban dropped his objection after talks late into the night. The summit communique calls the fund a first step.',
  entities: [{ text: 'European Union', type: 'organization' }, { text: 'Brussels', type: 'place' }, { text: 'Ursula von der Leyen', type: 'person' }, { text: 'Viktor Orban', type: 'person' }],
  dates: [{ text: 'Thursday', value: '2025-06-26', granularity: 'day', inferred: true }],
  numbers: [{ text: '150 billion euro', value: 150e9, unit: 'EUR' }],
}
const summitA2: FixtureSpec = {
  title: 'Orban lifts veto as Brussels summit backs €150bn defence plan',
  publishedAt: '2025-06-27T07:00:00Z',
  text: 'Viktor Orban lifted Hungary\'s veto overnight, clearing the way for the €150bn defence plan at the European Union summit in Brussels. Ursula von der Leyen called the deal historic. Diplomats said the communique was agreed after midnight.',
  entities: [{ text: 'Viktor Orban', type: 'person' }, { text: 'European Union', type: 'organization' }, { text: 'Brussels', type: 'place' }, { text: 'Ursula von der Leyen', type: 'person' }],
  numbers: [{ text: '€150bn', value: 150e9, unit: 'EUR' }],
}
const summitB: FixtureSpec = {
  title: 'African Union summit in Addis Ababa ends with trade pledge',
  publishedAt: '2025-07-02T16:00:00Z',
  text: 'African Union leaders meeting in Addis Ababa pledged on Wednesday to remove tariffs on 90 percent of goods within five years, AU Commission chairman Mahmoud Ali Youssouf said. The summit communique calls the pledge a first step toward a single market.',
  entities: [{ text: 'African Union', type: 'organization' }, { text: 'Addis Ababa', type: 'place' }, { text: 'Mahmoud Ali Youssouf', type: 'person' }],
  dates: [{ text: 'Wednesday', value: '2025-07-02', granularity: 'day', inferred: true }],
  numbers: [{ text: '90 percent', value: 90, unit: 'percent' }],
}

const ids = (clusters: { articleIds: string[] }[]) => clusters.map((c) => [...c.articleIds].sort()).sort()

test('one story for one event written differently; two stories for two events of the same kind', () => {
  const [a1, a2, b] = [quakeA1, quakeA2, quakeB].map(fixtureArticle)
  assert.deepEqual(ids(clusterArticles([b, a2, a1])), ids([{ articleIds: [a1.id, a2.id] }, { articleIds: [b.id] }]))
  const [s1, s2, s3] = [summitA1, summitA2, summitB].map(fixtureArticle)
  assert.deepEqual(ids(clusterArticles([s3, s1, s2])), ids([{ articleIds: [s1.id, s2.id] }, { articleIds: [s3.id] }]))
})

test('why names the founder, the best match and what was shared', () => {
  const [a1, a2] = [quakeA1, quakeA2].map(fixtureArticle)
  const [story] = clusterArticles([a2, a1])
  assert.equal(story.id, storyIdOf(a1.id), 'the earlier-published article founds the story')
  assert.deepEqual(story.why[0], { articleId: a1.id, joinedBy: null, score: 1, shared: [] })
  assert.equal(story.why[1].joinedBy, a1.id)
  assert.ok(story.why[1].score >= 0.3 && story.why[1].score <= 1)
  assert.ok(story.why[1].shared.includes('entity:Dina Boluarte'))
  assert.ok(story.why[1].shared.includes('date:2025-03-10'))
})

test('a near-duplicate copy with an added furniture line joins its original', () => {
  const original = fixtureArticle(quakeB)
  const copy = fixtureArticle({ text: 'Skip to main content\n' + quakeB.text + '\nRead the full article here.', publishedAt: '2025-03-20T00:00:00Z' })
  assert.ok(similarity(fingerprint(original.text), fingerprint(copy.text)) >= 0.7)
  const clusters = clusterArticles([original, copy, fixtureArticle(quakeA1)], { threshold: 0.99 })
  const story = clusters.find((c) => c.articleIds.includes(original.id))!
  assert.deepEqual(story.articleIds, [original.id, copy.id])
  assert.deepEqual(story.why[1].shared, ['near-duplicate'])
})

test('story ids are stable when re-run and when later articles are added', () => {
  const early = [quakeA1, quakeB, summitA1].map(fixtureArticle)
  const later = [quakeA2, summitA2, summitB].map(fixtureArticle)
  const first = clusterArticles(early)
  assert.deepEqual(clusterArticles(early), first)
  const again = clusterArticles([...later, ...early])
  for (const story of first) {
    const same = again.find((s) => s.id === story.id)
    assert.ok(same, `story ${story.id} keeps its id`)
    assert.equal(same.articleIds[0], story.articleIds[0])
  }
  assert.match(first[0].id, /^s_[0-9a-f]{12}$/)
  assert.equal(again.length, 4)
})

test('fingerprint similarity separates different texts from copies', () => {
  const a = fingerprint(quakeA1.text)
  assert.equal(similarity(a, fingerprint(quakeA1.text)), 1)
  assert.ok(similarity(a, fingerprint(quakeB.text)) < 0.2)
})

test('outlets reporting one event two days apart lose nothing for the gap; a longer gap counts against them', () => {
  const scoreAt = (publishedAt: string) => {
    const [a1, a2] = [quakeA1, { ...quakeA2, publishedAt }].map(fixtureArticle)
    const stories = clusterArticles([a1, a2], { refine: false, threshold: 0 })
    return stories.find((s) => s.articleIds.includes(a2.id))!.why.find((w) => w.articleId === a2.id)!.score
  }
  const sameDay = scoreAt('2025-03-10T15:30:00Z')
  assert.ok(sameDay > 0.25, `joined the same day (${sameDay})`)
  assert.equal(scoreAt('2025-03-12T08:00:00Z'), sameDay, 'a Monday story and a Wednesday one are one event as much')
  assert.ok(scoreAt('2025-03-15T08:00:00Z') < sameDay, 'five days apart weigh against it')
})

// Dock strikes at many ports, a day apart, written by us: the kind's words recur in every event, two
// ministers' names in some; each event has its own port, union leader, cargo and figures, reported
// by four articles within two days.
function strikeStream(events: number): { article: ReturnType<typeof fixtureArticle>; event: number }[] {
  const ports = ['Carrow', 'Bellmouth', 'Dunhaven', 'Eskport', 'Farley', 'Glenrock', 'Harwick', 'Islay Quay']
  const leaders = ['Ada Brennan', 'Ben Okafor', 'Cora Lindqvist', 'Dev Mistry', 'Elin Sato', 'Finn Agarwal', 'Gus Moreau', 'Hana Petrescu']
  const officials = ['Helen Vasquez', 'Daniel Petrov']
  const cargo = ['grain', 'timber', 'coal', 'copper', 'fertiliser', 'cars', 'steel coils', 'salt']
  const openings = [
    (p: string, l: string, n: number) => `Dock workers at ${p} walked out on strike over pay, union leader ${l} said, halting ${n} ships at the port.`,
    (p: string, l: string, n: number) => `A strike by port workers in ${p} left ${n} ships waiting offshore as pay talks collapsed, according to ${l} of the dockers' union.`,
    (p: string, l: string, n: number) => `${l}, who leads the union at ${p}, said ${n} ships were stuck after dockers stopped work in a dispute over wages.`,
    (p: string, l: string, n: number) => `Talks to end the dock strike at ${p} stalled as ${n} ships stayed idle, ${l} told reporters.`,
  ]
  const out: { article: ReturnType<typeof fixtureArticle>; event: number }[] = []
  for (let e = 0; e < events; e++) {
    const port = ports[e], leader = leaders[e], ships = 11 + 7 * e, pay = 3 + (e % 5), official = officials[e % 2]
    const day = new Date(Date.UTC(2025, 2, 1 + e))
    for (let k = 0; k < 4; k++) {
      const details = [
        `Shipments of ${cargo[e]} were held at ${port}, where the employers offered ${pay} percent.`,
        `The ${port} employers' offer of ${pay} percent was rejected, and ${cargo[e]} piled up on the quay.`,
        `Traders said ${cargo[e]} bound for ${port} would be rerouted; the union wants more than ${pay} percent.`,
        `At ${port} the ${cargo[e]} terminal fell silent after the ${pay} percent offer was turned down.`,
      ]
      const text = `${openings[k](port, leader, ships)} ${details[k]}${e % 3 === 0 ? ` Transport minister ${official} urged both sides to return to talks.` : ''}`
      const publishedAt = new Date(day.getTime() + (k % 2) * 86_400_000 + k * 3_600_000).toISOString()
      out.push({
        event: e,
        article: fixtureArticle({
          text, publishedAt,
          entities: [{ text: port, type: 'place' }, { text: leader, type: 'person' }, ...(e % 3 === 0 ? [{ text: official, type: 'person' as const }] : [])],
          numbers: [{ text: `${ships} ships`, value: ships, unit: 'ship' }, { text: `${pay} percent`, value: pay, unit: 'percent' }],
        }),
      })
    }
  }
  return out
}

test('a story that took in several events of one kind does not take in the next one: a new event founds its own story', () => {
  // Eight strikes; the user merges their stories into one ("the strike wave"): its summed words and
  // names hold every port's, as a story the online pass let grow over many events of one kind does
  // (on 40,000 generated articles some took in hundreds of events).
  const clusterer = new StoryClusterer()
  const storyOfEvent = new Map<number, string>()
  for (const { article, event } of strikeStream(8)) storyOfEvent.set(event, clusterer.add(article).storyId)
  const wave = storyOfEvent.get(0)!
  for (const id of new Set(storyOfEvent.values())) assert.equal(clusterer.merge(wave, id), wave)
  // A new strike whose report shares a little with each of several earlier strikes (the two
  // ministers, their cargoes, their ports' names as destinations) and everything with none.
  const newStrike = (k: number) => fixtureArticle({
    text: [
      `Dockers at Ulvik stopped work on ${k === 0 ? 'Monday' : 'Tuesday'}, union leader Tove Marr said, stranding 200 ships.`,
      'Ministers Helen Vasquez and Daniel Petrov urged talks over pay; grain and timber meant for Carrow and Bellmouth waited on the quay.',
      `The Ulvik employers' ${k + 2} percent offer was rejected.`,
    ].join(' '),
    publishedAt: '2025-03-10T09:00:00Z',
    entities: [{ text: 'Ulvik', type: 'place' }, { text: 'Tove Marr', type: 'person' }, { text: 'Helen Vasquez', type: 'person' }, { text: 'Daniel Petrov', type: 'person' }, { text: 'Carrow', type: 'place' }, { text: 'Bellmouth', type: 'place' }],
    numbers: [{ text: '200 ships', value: 200, unit: 'ship' }],
  })
  const next = [0, 1, 2].map((k) => ({ article: newStrike(k) }))
  const first = clusterer.add(next[0].article)
  assert.notEqual(first.storyId, wave, `the first article of a new strike joined the merged story (score ${first.score})`)
  // ...and the rest of the new event joins the new event's story.
  for (const { article } of next.slice(1)) assert.equal(clusterer.add(article).storyId, first.storyId)
})

test('a batch of many one-article events of one kind stays apart when the batch is refined', () => {
  // One report each of eight strikes: the refinement's own word frequencies make the kind's words
  // look telling among them, but what it would join must also look alike by the batch's words.
  const one = strikeStream(8).filter((_, i) => i % 4 === 0).map((s) => s.article)
  const online = clusterArticles(one, { refine: false })
  assert.ok(online.length >= 6, `online stories: ${online.length}`)
  const refined = clusterArticles(one)
  assert.deepEqual(ids(refined), ids(online), `refined story sizes: ${refined.map((s) => s.articleIds.length).join(', ')}`)
})
