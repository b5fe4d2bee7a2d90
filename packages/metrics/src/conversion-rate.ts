import { assertCount } from "./assert-count.js";

/**
 * The conversion rate in percent: conversions / denominator × 100, unrounded.
 *
 * The denominator is clicks or engagements (the caller knows which). A rate above 100% is
 * returned as is: code-only conversions and engagements make it possible (METRICS.md §1).
 *
 * @returns the rate in percent, or `null` when the denominator is 0 ("no data", never 0 or NaN).
 * @throws RangeError when a count is negative, fractional or not finite.
 * @example
 * conversionRate(50, 1000); // 5
 * conversionRate(4, 0);     // null
 */
export function conversionRate(conversions: number, denominator: number): number | null {
  assertCount("conversions", conversions);
  assertCount("denominator", denominator);
  if (denominator === 0) return null;
  // Multiply first: one rounding step, so 7 / 100 gives exactly 7, not 7.000000000000001.
  return (conversions * 100) / denominator;
}
