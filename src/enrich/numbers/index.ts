/**
 * The numbers stage: finds amounts in clean text ("about three hours", "$200m", "25% tariff",
 * "a dozen wounded", "24-36 hours") and normalises them to a value, a unit and an approximation.
 *
 * Decisions (so other stages can rely on them):
 * - Ordinals ("fifth", "5th", "second term") are not numbers here; they are names or ranks.
 * - "one" counts only when a known unit follows ("one hour", "one person"); otherwise it is a
 *   pronoun ("one of", "this one", "one-on-one"); "a three-way summit" holds no amount.
 * - Vague plurals give the least they can mean, approx `at least`: "dozens" = 24, "hundreds" = 200,
 *   "tens of thousands" = 20000.
 * - Fractions have unit `fraction` ("a quarter" = 0.25), and so do shares ("1 in 3", "one-in-three");
 *   a ratio ("2-to-1") has unit `ratio`; money per unit is `USD/barrel`.
 * - Digits inside dates, clock times and bare years ("2022") are not amounts.
 */
import type { NumberMention } from '../../types.js'
import { findDigitNumbers, findFractions, findRatios, findVaguePlurals, findWordNumbers, type Candidate } from './candidates.js'
import {
  attachApprox,
  attachPercentAndCurrency,
  attachUnits,
  mergeRanges,
  removeDateParts,
  removeNonAmounts,
  removeOverlaps,
} from './refine.js'

export const NUMBERS_STAGE = 'enrich/numbers'

export interface FindNumbersOptions {
  /** Only the first this-many characters are read; longer texts are cut, not rejected. */
  maxTextLength?: number
  /** At most this many numbers are returned (the first ones in the text). */
  maxNumbers?: number
}

/**
 * Numbers mentioned in `text`, in text order, each with the span of the whole expression
 * (approximation word and unit included).
 * @example findNumbers('Talks lasted about three hours.')
 * // [{ span: [13, 30], value: 3, unit: 'hour', approx: 'about', stage: 'enrich/numbers' }]
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  const { maxTextLength = 1_000_000, maxNumbers = 10_000 } = options
  const input = text.length > maxTextLength ? text.slice(0, maxTextLength) : text
  // Order matters: ranges join bare numbers before units and cues attach to the joined whole, and
  // "one" and years are judged last because only the unit tells them from amounts.
  let cands: Candidate[] = removeOverlaps([
    ...findDigitNumbers(input),
    ...findWordNumbers(input),
    ...findFractions(input),
    ...findRatios(input),
    ...findVaguePlurals(input),
  ])
  cands = removeDateParts(input, cands)
  cands = mergeRanges(input, cands)
  cands = attachPercentAndCurrency(input, cands)
  cands = attachApprox(input, cands)
  cands = attachUnits(input, cands)
  cands = removeNonAmounts(input, cands)
  return cands.slice(0, maxNumbers).map(toMention)
}

function toMention(c: Candidate): NumberMention {
  const mention: NumberMention = { span: [c.start, c.end], value: c.value, stage: NUMBERS_STAGE }
  if (c.unit !== undefined) mention.unit = c.unit
  if (c.approx !== undefined) mention.approx = c.approx
  if (c.upper !== undefined) mention.upper = c.upper
  return mention
}
