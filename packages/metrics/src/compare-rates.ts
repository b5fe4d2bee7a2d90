import { assertCount } from "./assert-count.js";
import { normalCdf } from "./normal-cdf.js";
import { roundTo } from "./round-to.js";
import type { Denominator } from "./types.js";

/** One side of a comparison: conversions out of trials (clicks or engagements). */
export interface RateSample {
  conversions: number;
  trials: number;
  /** Shown in the verdict; "A" / "B" when absent. */
  label?: string;
}

/** Options of {@link compareRates}. */
export interface CompareRatesOptions {
  /** Confidence for "significant": p < 1 − confidence. 0.95 by default. */
  confidence?: number;
  /** What trials are, for the verdict's wording. "clicks" by default. */
  denominator?: Denominator;
}

/** The answer to "is A really better than B?". */
export interface RateComparison {
  /** Rate A − rate B in percentage points (2 decimals); null when either side has no trials. */
  diffPct: number | null;
  /** Two-sided p-value of the pooled two-proportion z-test; null when it cannot be computed. */
  pValue: number | null;
  /** P(rate A > rate B) under uniform priors (see {@link compareRates}); null when it cannot be computed. */
  probabilityABetter: number | null;
  /** True when pValue < 1 − confidence. */
  significant: boolean;
  /** One plain-language sentence a merchant can act on. */
  verdict: string;
}

/**
 * Compares two conversion rates the two ways a reader may ask it:
 * - a pooled two-proportion z-test (z = (p̂A − p̂B) / √(p̂(1 − p̂)(1/nA + 1/nB)), p̂ the pooled rate),
 *   whose two-sided p-value decides `significant`;
 * - the probability that A's true rate exceeds B's, with Beta(1 + x, 1 + n − x) posteriors (uniform
 *   priors), by the normal approximation to the difference of two betas: Φ((mA − mB) / √(vA + vB))
 *   with each posterior's mean m and variance v. Accurate to about a percentage point once each
 *   side has a few dozen trials; only a reading aid beside the test.
 *
 * @returns for a side with no trials: nulls, not significant, and a verdict saying "No data for … yet.";
 *   for a side with more conversions than trials (not a proportion): the difference only, and a verdict
 *   saying why it cannot be tested.
 * @throws RangeError when a count is not a non-negative integer or confidence is outside (0, 1).
 * @example
 * compareRates({ label: "Alice", conversions: 50, trials: 1000 }, { label: "Bob", conversions: 31, trials: 1000 });
 * // { diffPct: 1.9, pValue: 0.03…, probabilityABetter: 0.98…, significant: true,
 * //   verdict: "Alice converts better than Bob (5.0% vs 3.1%, p = 0.033): likely a real difference." }
 */
export function compareRates(a: RateSample, b: RateSample, options: CompareRatesOptions = {}): RateComparison {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${String(confidence)}`);
  }
  const labelA = a.label ?? "A";
  const labelB = b.label ?? "B";
  assertCount(`${labelA}.conversions`, a.conversions);
  assertCount(`${labelA}.trials`, a.trials);
  assertCount(`${labelB}.conversions`, b.conversions);
  assertCount(`${labelB}.trials`, b.trials);
  const unit = options.denominator ?? "clicks";

  if (a.trials === 0 || b.trials === 0) {
    const missing = a.trials === 0 && b.trials === 0 ? `${labelA} or ${labelB}` : a.trials === 0 ? labelA : labelB;
    return { diffPct: null, pValue: null, probabilityABetter: null, significant: false, verdict: `No data for ${missing} yet.` };
  }

  const rateA = a.conversions / a.trials;
  const rateB = b.conversions / b.trials;
  const diffPct = roundTo((rateA - rateB) * 100, 2);
  const rates = `${formatPercent(rateA)} vs ${formatPercent(rateB)}`;

  if (a.conversions > a.trials || b.conversions > b.trials) {
    const over = a.conversions > a.trials ? labelA : labelB;
    return {
      diffPct,
      pValue: null,
      probabilityABetter: null,
      significant: false,
      verdict: `Cannot test ${labelA} against ${labelB} (${rates}): ${over} has more conversions than ${unit}, so the rate is not a proportion.`,
    };
  }

  const pValue = pooledZTestPValue(a.conversions, a.trials, b.conversions, b.trials);
  const probabilityABetter = probabilityFirstBetter(a.conversions, a.trials, b.conversions, b.trials);
  const significant = pValue < 1 - confidence;
  const evidence = `${rates}, ${formatPValue(pValue)}`;
  if (!significant || rateA === rateB) {
    return {
      diffPct,
      pValue,
      probabilityABetter,
      significant: false,
      verdict: `Not enough evidence that ${labelA} and ${labelB} differ (${evidence}).`,
    };
  }
  const aWins = rateA > rateB;
  const winnerProbability = aWins ? probabilityABetter : 1 - probabilityABetter;
  const [winner, loser] = aWins ? [labelA, labelB] : [labelB, labelA];
  const strength = winnerProbability >= 0.99 ? "very likely" : "likely";
  return {
    diffPct,
    pValue,
    probabilityABetter,
    significant: true,
    verdict: `${winner} converts better than ${loser} (${evidence}): ${strength} a real difference.`,
  };
}

function pooledZTestPValue(xA: number, nA: number, xB: number, nB: number): number {
  const pooled = (xA + xB) / (nA + nB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  // Both sides at 0% (or both at 100%): nothing varies, so no evidence of a difference.
  if (standardError === 0) return 1;
  const z = Math.abs(xA / nA - xB / nB) / standardError;
  return Math.min(1, 2 * normalCdf(-z));
}

function probabilityFirstBetter(xA: number, nA: number, xB: number, nB: number): number {
  const meanA = (xA + 1) / (nA + 2);
  const meanB = (xB + 1) / (nB + 2);
  const varianceA = (meanA * (1 - meanA)) / (nA + 3);
  const varianceB = (meanB * (1 - meanB)) / (nB + 3);
  return normalCdf((meanA - meanB) / Math.sqrt(varianceA + varianceB));
}

/** "5.0%"; small rates keep two decimals so 0.04% does not read as 0.0%. */
function formatPercent(proportion: number): string {
  const pct = proportion * 100;
  return `${pct.toFixed(pct !== 0 && pct < 1 ? 2 : 1)}%`;
}

/** "p < 0.001", "p = 0.0042", "p = 0.033", "p = 0.62": two significant digits. */
function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${Number(p.toPrecision(2))}`;
}
