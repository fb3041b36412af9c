/**
 * Average-link agglomerative clustering cut at a threshold, by the nearest-neighbour chain: O(k²)
 * similarity updates for k clusters instead of a search over every pair after every merge.
 * Average link is reducible (merging two clusters never brings them closer to a third than the
 * nearer of the two was), so the chain gives the same clusters as merging the closest pair first,
 * and a cluster whose nearest neighbour is below the threshold is final.
 */

/**
 * Groups `k` items given their similarities (`sim[i * k + j]`, symmetric; overwritten) and weights
 * (`sizes`: items that are already clusters count by their size). Returns the groups of item
 * indices, each in ascending order, ordered by their first item.
 * @example averageLink(3, Float64Array.of(0, 0.9, 0.1, 0.9, 0, 0.2, 0.1, 0.2, 0), [1, 1, 1], 0.5) // [[0, 1], [2]]
 */
export function averageLink(k: number, sim: Float64Array | Float32Array, sizes: readonly number[], threshold: number): number[][] {
  const size = Float64Array.from(sizes)
  const members: number[][] = Array.from({ length: k }, (_, i) => [i])
  const live = new Uint8Array(k).fill(1) // not merged away and not final
  const chain: number[] = []
  let next = 0
  for (;;) {
    if (chain.length === 0) {
      while (next < k && !live[next]) next++
      if (next === k) break
      chain.push(next)
    }
    const a = chain[chain.length - 1]
    const prev = chain.length > 1 ? chain[chain.length - 2] : -1
    let b = -1
    let best = -Infinity
    for (let c = 0, row = a * k; c < k; c++) {
      if (c === a || !live[c]) continue
      const s = sim[row + c]
      // on a tie the previous link of the chain wins, so the chain cannot cycle
      if (s > best || (s === best && c === prev)) {
        best = s
        b = c
      }
    }
    if (b < 0 || best < threshold) {
      live[a] = 0 // final: nothing it could still join is close enough
      chain.pop()
      continue
    }
    if (b !== prev) {
      chain.push(b)
      continue
    }
    chain.length -= 2
    const [keep, gone] = a < b ? [a, b] : [b, a]
    const total = size[keep] + size[gone]
    for (let c = 0; c < k; c++) {
      if (!live[c] || c === keep || c === gone) continue
      const s = (size[keep] * sim[keep * k + c] + size[gone] * sim[gone * k + c]) / total
      sim[keep * k + c] = s
      sim[c * k + keep] = s
    }
    size[keep] = total
    live[gone] = 0
    members[keep].push(...members[gone])
    members[gone] = []
  }
  return members.filter((m) => m.length > 0).map((m) => m.sort((x, y) => x - y)).sort((x, y) => x[0] - y[0])
}
