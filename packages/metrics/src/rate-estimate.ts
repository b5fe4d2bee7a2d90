import { conversionRate } from "./conversion-rate.js";
import { DEFAULT_LOW_SAMPLE, isLowSample } from "./low-sample.js";
import { roundTo } from "./round-to.js";
import type { Denominator, LowSampleThresholds, RateEstimate } from "./types.js";
import { wilsonInterval } from "./wilson.js";

/** Options of {@link estimateRate}. */
export interface EstimateRateOptions {
  /** What the rate is divided by; "clicks" by default. */
  denominatorKind?: Denominator;
  /** Low-sample thresholds; {@link DEFAULT_LOW_SAMPLE} by default. */
  thresholds?: LowSampleThresholds;
  /** Confidence of the interval in (0, 1); 0.95 by default. */
  confidence?: number;
}

/** Decimals of every percentage a user sees (METRICS.md §6). */
const PERCENT_DECIMALS = 2;

/**
 * A rate as every surface shows it: the rate and its Wilson interval in percent (2 decimals,
 * half away from zero), the low-sample flag, and the above-100% flag.
 *
 * A rate above 100% (more conversions than clicks: code-only conversions, engagements) is shown
 * and flagged, with no interval, since it is not a proportion.
 *
 * @returns for a denominator of 0: `ratePct` and `ci95Pct` null, `lowSample` true, `aboveHundred` false.
 * @throws RangeError on a bad count, threshold, confidence or denominator kind.
 * @example
 * estimateRate(50, 1000);
 * // { conversions: 50, denominator: 1000, denominatorKind: "clicks", ratePct: 5,
 * //   ci95Pct: [3.81, 6.53], lowSample: false, aboveHundred: false }
 * estimateRate(4, 0).ratePct; // null
 */
export function estimateRate(conversions: number, denominator: number, options: EstimateRateOptions = {}): RateEstimate {
  const denominatorKind = options.denominatorKind ?? "clicks";
  if (denominatorKind !== "clicks" && denominatorKind !== "engagements") {
    throw new RangeError(`denominatorKind must be "clicks" or "engagements", got ${String(denominatorKind)}`);
  }
  const rate = conversionRate(conversions, denominator);
  const interval = wilsonInterval(conversions, denominator, options.confidence ?? 0.95);
  const lowSample = isLowSample(conversions, denominator, options.thresholds ?? DEFAULT_LOW_SAMPLE);
  return {
    conversions,
    denominator,
    denominatorKind,
    ratePct: rate === null ? null : roundTo(rate, PERCENT_DECIMALS),
    ci95Pct:
      interval === null
        ? null
        : [roundTo(interval[0] * 100, PERCENT_DECIMALS), roundTo(interval[1] * 100, PERCENT_DECIMALS)],
    lowSample,
    aboveHundred: rate !== null && rate > 100,
  };
}
