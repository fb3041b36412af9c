import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { learnLexicon, learnSameFact, type PreparedPair } from './same-fact-learn.js'
import { cachedFactText, FEATURE_NAMES, isSameFact, numberConflicts, pairFeatures, prepareFactText, SAME_FACT_THRESHOLD, sameFactProbability, treeProbability, treeProbabilityFrom, treeReaches } from './same-fact.js'

// Invented news sentences (none taken from a dataset).
const same: [string, string][] = [
  ['The company said its quarterly profit rose 12 percent to $3.4 billion.', 'Quarterly profit at the company climbed 12 percent to $3.4 billion, it said.'],
  ['Police arrested three men after the robbery at a jewellery store in Lyon.', 'Three men were arrested by police following a robbery at a Lyon jewellery shop.'],
  ['The minister resigned on Friday after weeks of pressure over the housing scandal.', 'After weeks of pressure over the housing scandal, the minister quit on Friday.'],
  ['Shares of Northwind fell 4 percent in early trading on Monday.', 'Northwind shares dropped 4 percent in early trade Monday.'],
]

const different: [string, string][] = [
  // Unrelated facts.
  ['Flooding forced 2,000 residents from their homes in the river valley on Tuesday.', 'The central bank left interest rates unchanged at its meeting in Frankfurt.'],
  ['The mayor opened the new bridge over the harbour on Sunday.', 'Rescue teams searched the collapsed mine for a second night.'],
  // Same topic, other numbers and another claim.
  ['Officials said 12 people were injured when the bus overturned near Porto.', 'At least 40 passengers died after the bus overturned, the regional governor said.'],
]

describe('sameFactProbability', () => {
  it('judges the same fact in other words as the same', () => {
    for (const [a, b] of same) {
      const p = sameFactProbability(prepareFactText(a), prepareFactText(b))
      assert.ok(p >= SAME_FACT_THRESHOLD, `${p.toFixed(3)} < ${SAME_FACT_THRESHOLD}: "${a}" / "${b}"`)
      assert.equal(isSameFact(prepareFactText(b), prepareFactText(a)), true)
    }
  })

  it('judges unrelated sentences and other numbers as different', () => {
    for (const [a, b] of different) {
      const p = sameFactProbability(prepareFactText(a), prepareFactText(b))
      assert.ok(p < SAME_FACT_THRESHOLD, `${p.toFixed(3)} >= ${SAME_FACT_THRESHOLD}: "${a}" / "${b}"`)
    }
  })

  it('judges a paraphrase by synonyms as the same, and counts the synonyms as matched words', () => {
    const a = prepareFactText('The chief executive resigned on Tuesday after auditors found the missing funds.')
    const b = prepareFactText('The chief executive quit on Tuesday after auditors discovered the missing funds.')
    assert.ok(sameFactProbability(a, b) >= SAME_FACT_THRESHOLD, sameFactProbability(a, b).toFixed(3))
    const x = pairFeatures(a, b)
    const at = (name: string): number => x[FEATURE_NAMES.indexOf(name)]
    assert.ok(at('content min') < 1, 'the two verbs differ as words')
    assert.equal(at('synonym cover min'), 1, 'every content word is matched by itself or a synonym')
    assert.equal(at('synonym unmatched max'), 0)
    // An irregular past tense reaches its verb's synonyms too ("bought" / "purchased").
    const c = prepareFactText('Police purchased new radios for the city last year.')
    const d = prepareFactText('The city police bought new radios last year.')
    assert.ok(isSameFact(c, d))
    assert.ok(pairFeatures(c, d)[FEATURE_NAMES.indexOf('synonym cover min')] > pairFeatures(c, d)[FEATURE_NAMES.indexOf('content min')])
  })

  it('judges unrelated sentences about the same named people as different', () => {
    const a = prepareFactText('Ann Roe met Tom Hale in Boston on Monday to discuss the transit budget.')
    for (const other of ['Tom Hale said Ann Roe would run for governor of Massachusetts next year.', 'Ann Roe and Tom Hale were married in Boston in 1998.']) {
      const p = sameFactProbability(a, prepareFactText(other))
      assert.ok(p < SAME_FACT_THRESHOLD, `${p.toFixed(3)}: "${other}"`)
    }
  })

  it('does not match a name through a common word\'s senses', () => {
    // "Bush" the name is not the shrub "bush", and a sentence with "shrub" does not cover it.
    const x = pairFeatures(prepareFactText('Officials said Bush would sign the bill.'), prepareFactText('Officials said the shrub would sign the bill.'))
    assert.ok(x[FEATURE_NAMES.indexOf('synonym cover min')] < 1)
  })

  it('is symmetric and between 0 and 1', () => {
    const a = prepareFactText(same[0][0])
    const b = prepareFactText(different[0][1])
    assert.deepEqual(pairFeatures(a, b), pairFeatures(b, a))
    const p = sameFactProbability(a, b)
    assert.ok(p > 0 && p < 1)
    assert.equal(pairFeatures(a, b).length, FEATURE_NAMES.length)
  })
})

describe('prepareFactText', () => {
  it('reads numbers (number words as digits, without thousands separators), names and negations', () => {
    const t = prepareFactText("Lisbon police did not say why 1,200 fans and two players were held.")
    assert.deepEqual([...t.numbers].sort(), ['1200', '2'])
    assert.deepEqual([...t.names], [])
    assert.equal(t.negations, 1)
    const u = prepareFactText('Officials in Lisbon said the Benfica players were released.')
    assert.deepEqual([...u.names].sort(), ['benfica', 'lisbon'])
  })

  it('finds numbers filling the same slot with other values', () => {
    const a = prepareFactText('Profit rose 12 percent to $3.4 billion.')
    assert.equal(numberConflicts(a, prepareFactText('Profit rose 15 percent to $3.9 billion.')), 2)
    assert.equal(numberConflicts(a, prepareFactText('Profit rose 12 percent, to $3.4 billion.')), 0)
    assert.equal(numberConflicts(a, prepareFactText('The firm hired 40 engineers.')), 0)
  })
})

/** A small invented training set: paraphrases share most words; non-paraphrases do not. */
function inventedPairs(): PreparedPair[] {
  const subjects = ['The council', 'The union', 'The airline', 'The court', 'The hospital', 'The school board', 'The club', 'The agency']
  const verbs = [['approved', 'backed'], ['rejected', 'turned down'], ['delayed', 'postponed'], ['announced', 'unveiled']]
  const objects = ['the budget', 'the merger', 'the new rules', 'the pay deal', 'the expansion plan']
  const pairs: PreparedPair[] = []
  subjects.forEach((subject, i) =>
    verbs.forEach(([verb, synonym], j) => {
      const object = objects[(i + j) % objects.length]
      const other = objects[(i + j + 2) % objects.length]
      const a = `${subject} ${verb} ${object} on Tuesday.`
      pairs.push({ a: prepareFactText(a), b: prepareFactText(`On Tuesday ${subject.toLowerCase()} ${synonym} ${object}.`), same: true })
      pairs.push({ a: prepareFactText(a), b: prepareFactText(`${subject} ${synonym} ${other} after ${j + 2} weeks of talks.`), same: false })
    }),
  )
  return pairs
}

describe('learnSameFact', () => {
  it('learns the same model twice from the same pairs', () => {
    const options = { trees: 20, innerFolds: 3, minLeaf: 3 }
    const first = JSON.stringify(learnSameFact(inventedPairs(), options))
    const second = JSON.stringify(learnSameFact(inventedPairs(), options))
    assert.equal(first, second)
    const model = JSON.parse(first) as { trees: unknown[]; threshold: number }
    assert.equal(model.trees.length, 20)
    assert.ok(model.threshold >= 0.2 && model.threshold <= 0.8)
  })

  it('learns a logistic model over every feature beside the trees, or none when its share is 0', () => {
    const model = learnSameFact(inventedPairs(), { trees: 20, innerFolds: 3, minLeaf: 3 })
    assert.equal(model.linear?.share, 0.5)
    assert.equal(model.linear?.weights.length, FEATURE_NAMES.length)
    assert.ok(model.linear?.weights.some((w) => w !== 0))
    assert.equal(learnSameFact(inventedPairs(), { trees: 20, innerFolds: 3, minLeaf: 3, linearShare: 0 }).linear, undefined)
  })

  it('learns a model that separates its invented training pairs', () => {
    const pairs = inventedPairs()
    const model = learnSameFact(pairs, { trees: 30, innerFolds: 3, minLeaf: 3 })
    const right = pairs.filter((p) => isSameFact(p.a, p.b, model) === p.same).length
    assert.ok(right / pairs.length > 0.9, `${right} of ${pairs.length}`)
  })

  it('weights a word by how its sharing splits paraphrases from the rest', () => {
    const lexicon = learnLexicon(inventedPairs(), { minDf: 1 })
    // "budget" is shared by the paraphrases it is in and left unmatched in the other pairs.
    const [, kld, shared, unmatched] = lexicon.words['budget']
    assert.ok(kld > 0)
    assert.ok(shared > 0 && unmatched < 0, `${shared} ${unmatched}`)
  })
})

describe('treeProbability, treeReaches, treeProbabilityFrom', () => {
  // A hand-made ensemble of depth 2: tree 0 splits on feature 0 then 1; tree 1 is a leaf at its root
  // (feature -1, value at its first descendant at full depth); tree 2 has one early leaf on its right.
  const model = {
    bias: -0.5,
    depth: 2,
    trees: [
      { feature: [0, 1, 1], threshold: [0.5, 2, 3], value: [-1, 0.5, 1, 2] },
      { feature: [-1, -1, -1], threshold: [0, 0, 0], value: [0.25, 9, 9, 9] },
      { feature: [1, 0, -1], threshold: [1, 0.2, 0], value: [-2, 0.75, 1.5, 9] },
    ],
  }
  const sigmoid = (s: number) => 1 / (1 + Math.exp(-s))

  it('walks each tree to its leaf (an early leaf reads its stored value; a missing or NaN feature goes right)', () => {
    // Tree 0: 0.3 <= 0.5, then 1 <= 2: -1. Tree 1: 0.25. Tree 2: 1 <= 1, then 0.3 > 0.2: 0.75.
    assert.equal(treeProbability(model, [0.3, 1]), sigmoid(-0.5 - 1 + 0.25 + 0.75))
    // Tree 0: 0.9 > 0.5, then 5 > 3: 2. Tree 2: 5 > 1, an early leaf: 1.5 (not the 9 beside it).
    assert.equal(treeProbability(model, [0.9, 5]), sigmoid(-0.5 + 2 + 0.25 + 1.5))
    // NaN is never <= a threshold: right at every split, as with a missing feature.
    assert.equal(treeProbability(model, [NaN, NaN]), treeProbability(model, [0.9, 5]))
    assert.equal(treeProbability(model, []), treeProbability(model, [0.9, 5]))
  })

  it('decides a cut as the whole sum does, and gives the exact probability from the floor up', () => {
    const points = [[0.3, 1], [0.9, 5], [0.3, 2.5], [0.9, 0.5], [0.1, 0.1], [0.6, 1]]
    for (const x of points) {
      const p = treeProbability(model, x)
      for (const cut of [0.05, 0.2, 0.4, 0.5, p, 0.7, 0.9, 0.99]) {
        assert.equal(treeReaches(model, x, cut), p >= cut, `x ${x}, cut ${cut}, p ${p}`)
        const from = treeProbabilityFrom(model, x, cut)
        if (p >= cut) assert.equal(from, p)
        else assert.ok(from < cut, `x ${x}, floor ${cut}: ${from}`)
      }
    }
  })
})

describe('treeProbability with a logistic part', () => {
  // One tree of depth 1 on feature 0 and a logistic model on feature 1, each with half the log-odds.
  const model = {
    bias: 0.2,
    depth: 1,
    trees: [{ feature: [0], threshold: [0.5], value: [-1, 1.5] }],
    linear: { share: 0.5, mean: [0, 2], scale: [1, 4], weights: [0, 3], bias: -0.4 },
  }
  const sigmoid = (s: number) => 1 / (1 + Math.exp(-s))

  it('averages the trees\' and the logistic model\'s log-odds by the share', () => {
    // Trees: 0.2 + 1.5; logistic: -0.4 + 3 * (6 - 2) / 4.
    assert.equal(treeProbability(model, [0.9, 6]), sigmoid(0.5 * (0.2 + 1.5) + 0.5 * (-0.4 + 3)))
    assert.equal(treeProbability(model, [0.1, 2]), sigmoid(0.5 * (0.2 - 1) + 0.5 * -0.4))
  })

  it('decides a cut as the whole blend does', () => {
    for (const x of [[0.9, 6], [0.1, 2], [0.9, -3], [0.1, 9], [0.6, 2.1]]) {
      const p = treeProbability(model, x)
      for (const cut of [0.05, 0.3, 0.5, p, 0.8, 0.95]) {
        assert.equal(treeReaches(model, x, cut), p >= cut, `x ${x}, cut ${cut}, p ${p}`)
        const from = treeProbabilityFrom(model, x, cut)
        if (p >= cut) assert.equal(from, p)
        else assert.ok(from < cut, `x ${x}, floor ${cut}: ${from}`)
      }
    }
  })
})

describe('cachedFactText', () => {
  it('reads a text once: the same reading for the same text, equal to prepareFactText', () => {
    const text = 'The harbour board fined the ferry company 40,000 euros on Wednesday.'
    const first = cachedFactText(text)
    assert.equal(cachedFactText(text), first)
    assert.deepEqual(first, prepareFactText(text))
    assert.notEqual(cachedFactText('The harbour board fined the ferry company 50,000 euros on Wednesday.'), first)
  })
})

describe('prepareFactText: words that name properties of objects', () => {
  it('reads "constructor" and "toString" as words, not as numbers', () => {
    const t = prepareFactText('The constructor said toString was a valueOf word.')
    assert.deepEqual([...t.numbers], [])
    assert.ok([...t.content].some((w) => w.startsWith('constructor')), JSON.stringify([...t.content]))
  })
})
