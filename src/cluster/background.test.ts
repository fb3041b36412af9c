import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotate } from '../enrich/index.js'
import type { Annotated } from '../types.js'
import { Background, DEFAULT_BACKGROUND_TABLE, defaultBackground, type BackgroundTable } from './background.js'
import { clusterArticles } from './index.js'
import { Vocabulary } from './vocabulary.js'

/** An annotated article from invented text, as `parallax cluster` would see it. */
function article(id: string, outlet: string, publishedAt: string, title: string, paragraphs: string[]): Annotated {
  const text = paragraphs.join('\n\n')
  return annotate({ id, source: { kind: 'text', path: `${id}.txt` }, outlet: { name: outlet }, title, authors: [], publishedAt, language: 'en', text, removed: [] })
}

// One invented event (a governor's veto of a budget) told by three outlets in their own words, the
// way one journalist's bundle of coverage reads: each leads with a different angle and quotes
// different people, and they share little beyond the names, the bill and the amount.
const vetoOutletA = article('veto-a', 'Capitol Ledger', '2031-04-09T14:00:00Z', 'Governor Halvorsen vetoes $4.2 billion school budget', [
  'Governor Elsbeth Halvorsen vetoed the $4.2 billion school budget on Wednesday, sending the spending plan back to a legislature that had passed it with a narrow majority.',
  'The Republican governor said the bill would raise property taxes in rural districts and called it "a promise we cannot pay for."',
  'Democratic leaders in the state Senate said they would try to override the veto next week. Senate Majority Leader Tomas Ruelle said he had the votes.',
  'The budget would have hired 3,000 teachers and expanded free lunches to every public school.',
])
const vetoOutletB = article('veto-b', 'Morning Courier', '2031-04-09T19:30:00Z', 'Halvorsen rejects education spending bill, setting up override fight', [
  'Teachers unions reacted with anger after Elsbeth Halvorsen struck down the education spending bill, the largest in the state\'s history.',
  '"She has chosen to fail our children," said Marisol Dunning, who leads the state teachers association. Parents gathered outside the capitol in the evening.',
  'Tomas Ruelle, who steered the measure through the Senate, told reporters an override vote would be scheduled quickly.',
  'Halvorsen\'s office released a letter arguing that the plan left a $600 million gap in the second year.',
])
const vetoOutletC = article('veto-c', 'The Plainsman', '2031-04-10T08:15:00Z', 'Veto puts 3,000 teaching jobs in doubt', [
  'Thousands of planned teaching positions are on hold after the governor\'s veto of the schools package late Wednesday.',
  'Halvorsen, in her second term, has clashed with legislators over spending before, but this is the first budget she has rejected outright.',
  'Ruelle, the Senate leader, needs two more votes to reach the two-thirds majority required to override, according to a count by the Plainsman.',
  'District superintendents said they had already posted job listings that may now be withdrawn.',
])
// An unrelated event in the same bundle: a ferry grounding.
const ferryOutletA = article('ferry-a', 'Coastal Times', '2031-04-09T11:00:00Z', 'Ferry runs aground off Quillan Point; all 212 passengers rescued', [
  'The passenger ferry Northern Wren ran aground on a sandbar off Quillan Point early Wednesday, and coast guard crews brought all 212 passengers and crew ashore.',
  'Captain Idris Mahlangu radioed for help shortly after 5 a.m. when the vessel lost steering in heavy fog.',
  'The ferry operator, Saltmarsh Lines, suspended the route while inspectors examine the hull.',
])
const ferryOutletB = article('ferry-b', 'Harbour Daily', '2031-04-09T16:45:00Z', 'Coast guard evacuates stranded Northern Wren', [
  'Fog and a failed rudder left the Northern Wren stuck on the Quillan Point bar for six hours before lifeboats reached it, the coast guard said.',
  'Passengers described a calm evacuation. "The crew kept everyone together on the top deck," one said.',
  'Saltmarsh Lines said no fuel had leaked and the ferry would be towed off at high tide.',
])

test('a bundle of one event in three outlets\' own words is one story, joined more firmly with the background', () => {
  const stories = clusterArticles([vetoOutletA, vetoOutletB, vetoOutletC])
  assert.deepEqual(stories.map((s) => s.articleIds.slice().sort()), [['veto-a', 'veto-b', 'veto-c']])
  // counted over three articles alone, "governor" and "budget" weigh as much as "Halvorsen"
  const alone = clusterArticles([vetoOutletA, vetoOutletB, vetoOutletC], { backgroundDocuments: 0 })
  const scores = (s: typeof stories) => s[0].why.slice(1).map((w) => w.score)
  assert.equal(alone.length, 1)
  scores(stories).forEach((score, i) => assert.ok(score > scores(alone)[i] + 0.05, `${score} vs ${scores(alone)[i]} alone`))
})

test('a bundle of two unrelated events is two stories, each whole', () => {
  const stories = clusterArticles([ferryOutletB, vetoOutletA, ferryOutletA, vetoOutletC, vetoOutletB])
  assert.deepEqual(stories.map((s) => s.articleIds.slice().sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1)), [
    ['ferry-a', 'ferry-b'],
    ['veto-a', 'veto-b', 'veto-c'],
  ])
})

test('the committed table: learned from the training texts it names, common words kept, counts consistent', () => {
  const table = DEFAULT_BACKGROUND_TABLE
  const terms = table.terms.split(' ')
  assert.equal(terms.length, table.df.length)
  assert.ok(terms.length > 5000 && table.documents > 1000)
  assert.deepEqual(Object.keys(table.sources).sort(), ['aeb ground truth', 'polnear train', 'tempeval3 training'])
  assert.ok(table.df.every((n, i) => n >= table.minDf && n <= table.documents && (i === 0 || n <= table.df[i - 1])))
  const background = defaultBackground(300)
  assert.ok(background.df('president') > background.df('budget'))
  assert.equal(background.df('halvorsen'), 0)
  assert.ok(background.rarity('halvorsen') > background.rarity('budget') && background.rarity('budget') > background.rarity('president'))
})

test('IDF: a small batch takes the background\'s, a long stream its own counts', () => {
  const table: BackgroundTable = { format: 1, documents: 100, minDf: 1, sources: { invented: 100 }, terms: 'governor veto', df: [50, 2] }
  const small = new Vocabulary(new Background(table, 300))
  const ids = ['governor', 'veto', 'halvorsen'].map((t) => small.intern(t))
  for (let i = 0; i < 3; i++) small.addDocument(ids)
  const [governor, veto, name] = ids.map((id) => small.idf(id))
  // all three words are in all three articles, yet the common one weighs least and the name most
  assert.ok(governor < veto && veto < name, `${governor} ${veto} ${name}`)
  assert.equal(governor, Math.log(1 + 303 / (3 + 150)))

  // 100,000 documents of the stream's own, a tenth of them with "governor", outweigh the background's half
  const stream = new Vocabulary(new Background(table, 300))
  const g = stream.intern('governor')
  const other = stream.intern('other')
  for (let i = 0; i < 100_000; i++) stream.addDocument(i % 10 === 0 ? [g] : [other])
  const own = Math.log(1 + 100_000 / 10_000)
  assert.ok(Math.abs(stream.idf(g) - own) / own < 0.01, `${stream.idf(g)} vs ${own}`)
})

test('a table of another format or with mismatched counts is refused, naming what it found', () => {
  assert.throws(() => new Background({ format: 2, documents: 1, minDf: 1, sources: {}, terms: 'a', df: [1] }, 10), /format 2 found/)
  assert.throws(() => new Background({ format: 1, documents: 1, minDf: 1, sources: {}, terms: 'a b', df: [1] }, 10), /2 terms but 1 counts/)
})
