/**
 * A term vector keyed by interned term id: an insertion-ordered open-addressing hash table over
 * typed arrays. Scoring looks up every article term in each candidate story's sums; with a Map
 * each lookup was a builtin call, here it is a few array reads the JIT inlines.
 */

const EMPTY_SLOT = 0

/** Term id -> weight, iterated in insertion order (like a Map); weights are positive. */
export class TermTable {
  /** Ids and weights in insertion order; entries `0..size-1` are live. */
  ids: Int32Array
  values: Float64Array
  size = 0
  /** Open-addressing slots holding entry index + 1 (0: empty); at most half full. */
  private slots: Int32Array
  private mask: number

  /** `capacity`: entries expected (held exactly; the table grows past it). */
  constructor(capacity = 16) {
    capacity = Math.max(8, capacity)
    this.ids = new Int32Array(capacity)
    this.values = new Float64Array(capacity)
    const slots = 2 ** Math.ceil(Math.log2(capacity * 2))
    this.slots = new Int32Array(slots)
    this.mask = slots - 1
  }

  /** A table of `ids[i] -> values[i]`, in that order. */
  static from(ids: ArrayLike<number>, values: ArrayLike<number>): TermTable {
    const table = new TermTable(ids.length)
    for (let i = 0; i < ids.length; i++) table.append(ids[i], values[i])
    return table
  }

  /** The weight of `id`, or 0 when absent. */
  get(id: number): number {
    const at = this.find(id)
    return at < 0 ? 0 : this.values[at]
  }

  has(id: number): boolean {
    return this.find(id) >= 0
  }

  /** Adds `value` to the weight of `id` (appending it when new). */
  add(id: number, value: number): void {
    const at = this.find(id)
    if (at >= 0) {
      this.values[at] += value
      return
    }
    if (this.size === this.ids.length) this.rebuild(this.ids.length * 2, this.size)
    this.append(id, value)
  }

  /** Adds every entry of `other`, in its order. */
  addAll(other: TermTable): void {
    for (let i = 0; i < other.size; i++) this.add(other.ids[i], other.values[i])
  }

  /** Keeps the `max` heaviest entries (heaviest first, ties in insertion order) once there are more than twice `max`. */
  prune(max: number): void {
    if (this.size <= max * 2) return
    const order = Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.values[b] - this.values[a])
    const ids = order.slice(0, max).map((i) => this.ids[i])
    const values = order.slice(0, max).map((i) => this.values[i])
    this.size = 0
    this.slots.fill(EMPTY_SLOT)
    for (let i = 0; i < ids.length; i++) this.append(ids[i], values[i])
  }

  private find(id: number): number {
    const slots = this.slots
    let h = Math.imul(id, 0x9e3779b1) & this.mask
    for (;;) {
      const s = slots[h]
      if (s === EMPTY_SLOT) return -1
      if (this.ids[s - 1] === id) return s - 1
      h = (h + 1) & this.mask
    }
  }

  private append(id: number, value: number): void {
    const at = this.size++
    this.ids[at] = id
    this.values[at] = value
    let h = Math.imul(id, 0x9e3779b1) & this.mask
    while (this.slots[h] !== EMPTY_SLOT) h = (h + 1) & this.mask
    this.slots[h] = at + 1
  }

  private rebuild(capacity: number, keep: number): void {
    const ids = this.ids.subarray(0, keep).slice()
    const values = this.values.subarray(0, keep).slice()
    this.ids = new Int32Array(capacity)
    this.values = new Float64Array(capacity)
    const slots = 2 ** Math.ceil(Math.log2(capacity * 2))
    this.slots = new Int32Array(slots)
    this.mask = slots - 1
    this.size = 0
    for (let i = 0; i < keep; i++) this.append(ids[i], values[i])
  }
}
