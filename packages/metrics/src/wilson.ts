import { assertCount } from "./assert-count.js";
import { normalQuantile } from "./normal-quantile.js";

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927, JASA 22(158)), as proportions.
 *
 * Unlike the textbook p ± z·√(p(1-p)/n) interval it never leaves [0, 1] and does not collapse to a
 * single point at 0 or n successes, which is what small influencer samples need.
 *
 * @param confidence two-sided confidence level in (0, 1); 0.95 by default.
 * @returns `[low, high]` in [0, 1], or `null` when trials is 0 or successes exceed trials (not a proportion).
 * @throws RangeError on a negative, fractional or non-finite count, or a confidence outside (0, 1).
 * @example
 * wilsonInterval(50, 1000); // [0.03813…, 0.06531…]
 * wilsonInterval(0, 0);     // null
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): [number, number] | null {
  assertCount("successes", successes);
  assertCount("trials", trials);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${String(confidence)}`);
  }
  if (trials === 0 || successes > trials) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / trials;
  const scale = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / scale;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / scale;
  // At 0 or n successes one bound is exactly 0 or 1; say so instead of trusting cancellation.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === trials ? 1 : Math.min(1, centre + halfWidth);
  return [low, high];
}
