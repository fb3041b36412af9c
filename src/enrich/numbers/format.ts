/**
 * Numbers as people write them: "$2 million", "€3.5 billion", "2,000,000", "45%". Used wherever a
 * number found in an article is shown to a reader (discrepancies, reports).
 */

const CURRENCY_SIGN: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', RUB: '₽', JPY: '¥', UAH: '₴', CAD: 'C$', AUD: 'A$' }
const SCALES: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']]

// Made once: `toLocaleString` with options builds a formatter on every call (most of the time
// discrepancies spent on a generated corpus). Same output: it is specified as this formatter's.
// Made on first use: the first formatter of a process loads ICU's number data (about 15 ms), which
// a run whose stories show no number never needs.
let formatters: { two: Intl.NumberFormat; three: Intl.NumberFormat } | undefined

function decimals(): { two: Intl.NumberFormat; three: Intl.NumberFormat } {
  return (formatters ??= {
    two: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
    three: new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }),
  })
}

/** Digits with thousands separators and at most two decimals: 2000000 -> "2,000,000". */
export function groupDigits(value: number): string {
  const { two, three } = decimals()
  return (Math.abs(value) < 1 ? three : two).format(value)
}

/** A large amount in words: 2000000 -> "2 million", 3500000000 -> "3.5 billion"; smaller ones grouped. */
function scaled(value: number): string {
  for (const [scale, word] of SCALES) {
    if (Math.abs(value) >= scale) return `${decimals().two.format(value / scale)} ${word}`
  }
  return groupDigits(value)
}

/**
 * A number with its unit, for people.
 * @example humanNumber(2000000, 'USD') // "$2 million"
 * @example humanNumber(2000000) // "2,000,000"
 * @example humanNumber(45, 'percent') // "45%"
 * @example humanNumber(2, 'ratio') // "2 to 1"
 */
export function humanNumber(value: number, unit?: string): string {
  if (!Number.isFinite(value)) return String(value)
  if (unit === 'percent') return `${groupDigits(value)}%`
  if (unit === 'fraction') return `${groupDigits(Math.round(value * 1000) / 10)}%`
  if (unit === 'ratio') return `${groupDigits(Math.round(value * 100) / 100)} to 1`
  const sign = unit ? CURRENCY_SIGN[unit] : undefined
  if (sign) return `${value < 0 ? '-' : ''}${sign}${scaled(Math.abs(value))}`
  if (unit && /^[A-Z]{3}$/.test(unit)) return `${scaled(value)} ${unit}`
  return groupDigits(value)
}
