/**
 * Timing, memory sampling and the results table of the benchmark. Pure helpers apart from the
 * clock and `process.memoryUsage()`.
 */

/** One row of the results table. */
export interface StageResult {
  stage: string
  /** `ok`: every article; `partial`: a prefix, to stay in the time budget; `missing`: module not written yet. */
  status: 'ok' | 'partial' | 'missing' | 'error'
  articles: number
  ms: number
  /** Articles per second (0 when not run). */
  perSecond: number
  /** `perSecond / floor.perSecond`: 1 is as fast as decoding + a regex split, 0.01 is 100 times slower. */
  ratio: number | null
  /** Highest RSS seen while the stage ran, in MB. */
  peakRssMb: number
  note?: string
}

/** How the ratio column is defined; printed under the table and stored in latest.json. */
export const RATIO_DEFINITION = 'ratio = stage articles/s ÷ floor articles/s (floor = TextDecoder.decode + text.split(/(?<=[.!?])\\s+/)); 1.00 = as fast as the floor, 0.01 = 100× slower'

/**
 * Peak resident set size. The stages are synchronous, so a timer would never fire during one:
 * loops call `sample()` every few articles instead.
 */
export class RssSampler {
  peak = 0
  private stagePeak = 0

  sample(): void {
    const rss = process.memoryUsage.rss()
    if (rss > this.peak) this.peak = rss
    if (rss > this.stagePeak) this.stagePeak = rss
  }

  /** Starts a new stage window and returns the previous window's peak. */
  resetStage(): number {
    const peak = this.stagePeak
    this.stagePeak = 0
    this.sample()
    return peak
  }

  stagePeakMb(): number {
    return toMb(this.stagePeak)
  }
}

/** Bytes to MB, one decimal. */
export function toMb(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10
}

/** Articles per second; 0 for an empty or instantaneous run. */
export function throughput(articles: number, ms: number): number {
  return ms > 0 && articles > 0 ? (articles * 1000) / ms : 0
}

/** Stage throughput over floor throughput (see RATIO_DEFINITION); null when either is unknown. */
export function ratioToFloor(stagePerSecond: number, floorPerSecond: number): number | null {
  return stagePerSecond > 0 && floorPerSecond > 0 ? stagePerSecond / floorPerSecond : null
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * How many articles to time so a stage stays within `budgetMs`, from a warm-up rate. Assumes
 * linear cost; cross-article stages may grow faster, which the budget then only approximates.
 */
export function articlesWithinBudget(total: number, warmupArticles: number, warmupMs: number, budgetMs: number): number {
  if (warmupMs <= 0 || warmupArticles <= 0) return total
  const affordable = Math.floor((budgetMs / warmupMs) * warmupArticles)
  return Math.max(Math.min(total, warmupArticles), Math.min(total, affordable))
}

function formatRate(perSecond: number): string {
  if (perSecond === 0) return '-'
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1)
}

function formatRatio(ratio: number | null): string {
  if (ratio === null) return '-'
  return ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)
}

/** The results as an aligned plain-text table, one row per stage, the floor first. */
export function formatTable(rows: StageResult[]): string {
  const header = ['stage', 'status', 'articles', 'ms', 'articles/s', 'ratio', 'peak RSS MB']
  const body = rows.map((r) => [
    r.stage,
    r.status,
    String(r.articles),
    r.ms > 0 ? r.ms.toFixed(1) : '-',
    formatRate(r.perSecond),
    formatRatio(r.ratio),
    r.peakRssMb > 0 ? r.peakRssMb.toFixed(1) : '-',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  // Names and status read left-aligned; numbers right-aligned so digits line up.
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.stage}: ${r.note}`)
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length > 0 ? ['', 'notes:', ...notes] : [])].join('\n')
}
