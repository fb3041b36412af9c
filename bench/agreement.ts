/**
 * How well the stories found match the events the corpus was generated from, by pairs of
 * articles: precision = pairs put together that share an event / pairs put together; recall =
 * pairs sharing an event that were put together / pairs sharing an event. Counted from the
 * contingency table, so linear in the number of articles.
 */

export interface PairwiseAgreement {
  precision: number
  recall: number
  stories: number
  events: number
}

const pairs = (n: number): number => (n * (n - 1)) / 2

/**
 * Compares groups of article ids with the true event of each id. Ids without a known event are
 * ignored. Precision or recall is 1 when there is no pair to judge.
 * @example pairwiseAgreement([['a', 'b'], ['c']], new Map([['a', 0], ['b', 0], ['c', 0]])) // { precision: 1, recall: 1/3, ... }
 */
export function pairwiseAgreement(groups: readonly (readonly string[])[], eventOf: ReadonlyMap<string, number>): PairwiseAgreement {
  const cells = new Map<string, number>()
  const perEvent = new Map<number, number>()
  let together = 0
  let stories = 0
  for (const [g, ids] of groups.entries()) {
    const known = ids.filter((id) => eventOf.has(id))
    if (known.length === 0) continue
    stories++
    together += pairs(known.length)
    for (const id of known) {
      const event = eventOf.get(id)!
      const key = `${g}:${event}`
      cells.set(key, (cells.get(key) ?? 0) + 1)
      perEvent.set(event, (perEvent.get(event) ?? 0) + 1)
    }
  }
  let agree = 0
  for (const n of cells.values()) agree += pairs(n)
  let same = 0
  for (const n of perEvent.values()) same += pairs(n)
  return { precision: together > 0 ? agree / together : 1, recall: same > 0 ? agree / same : 1, stories, events: perEvent.size }
}
