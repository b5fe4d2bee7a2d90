import { assertCount } from "./assert-count.js";
import type { LowSampleThresholds } from "./types.js";

/** METRICS.md §3: a rate rests on too little data under 100 clicks or 5 conversions. */
export const DEFAULT_LOW_SAMPLE: Readonly<LowSampleThresholds> = Object.freeze({ minDenominator: 100, minConversions: 5 });

/**
 * Whether a rate rests on too little data to be read without its interval: fewer than
 * `minDenominator` clicks (or engagements), or fewer than `minConversions` conversions.
 *
 * @returns `true` for a denominator of 0 (no data is the lowest sample of all).
 * @throws RangeError on a bad count or a threshold that is not a non-negative integer.
 * @example
 * isLowSample(3, 40);     // true
 * isLowSample(50, 1000);  // false
 * isLowSample(3, 40, { minDenominator: 20, minConversions: 2 }); // false
 */
export function isLowSample(
  conversions: number,
  denominator: number,
  thresholds: LowSampleThresholds = DEFAULT_LOW_SAMPLE,
): boolean {
  assertCount("conversions", conversions);
  assertCount("denominator", denominator);
  assertCount("thresholds.minDenominator", thresholds.minDenominator);
  assertCount("thresholds.minConversions", thresholds.minConversions);
  return denominator === 0 || denominator < thresholds.minDenominator || conversions < thresholds.minConversions;
}
