import { assertCount } from "./assert-count.js";

/** A Beta(alpha, beta) prior on a conversion rate; its mean is alpha / (alpha + beta). */
export interface BetaPrior {
  alpha: number;
  beta: number;
}

/**
 * Pseudo-trials of the fallback prior. Worth two clicks: enough to keep 0/3 and 3/3 off 0% and
 * 100%, too little to overrule any influencer with real traffic.
 */
export const WEAK_PRIOR_STRENGTH = 2;

/**
 * Fits the prior of an empirical-Bayes beta-binomial model to a shop's influencers by the method
 * of moments for unequal sample sizes (Kleinman 1973, "Proportions with extraneous variance",
 * JASA 68(341)): the mean is the pooled rate, and the intra-class correlation ρ comes from the
 * trial-weighted spread of the rates beyond what binomial noise explains; α + β = 1/ρ − 1.
 *
 * Items with no trials carry no information and are skipped; conversions above trials (code-only
 * conversions) are counted as trials, since a proportion cannot exceed 1.
 *
 * When the moments cannot define a prior (fewer than two items with trials, every rate 0% or
 * 100%, identical rates, or a spread that gives ρ outside (0, 1), i.e. no extra variance or more
 * than a beta can hold), it falls back to a weak prior worth {@link WEAK_PRIOR_STRENGTH} trials
 * centred on the pooled rate (smoothed as (conversions + ½) / (trials + 1) so it is never exactly
 * 0 or 1): each influencer's own data then decides, and only the extremes are pulled in.
 *
 * @returns the prior, or `null` when no item has any trials.
 * @throws RangeError naming the item when a count is not a non-negative integer.
 * @example
 * fitBetaPrior([{ conversions: 2, trials: 100 }, { conversions: 5, trials: 100 }, { conversions: 11, trials: 100 }]);
 * // { alpha: 2.12…, beta: 33.2… }
 * fitBetaPrior([]); // null
 */
export function fitBetaPrior(items: readonly { conversions: number; trials: number }[]): BetaPrior | null {
  const used: { successes: number; trials: number }[] = [];
  items.forEach((item, index) => {
    assertCount(`items[${index}].conversions`, item.conversions);
    assertCount(`items[${index}].trials`, item.trials);
    if (item.trials > 0) used.push({ successes: Math.min(item.conversions, item.trials), trials: item.trials });
  });
  if (used.length === 0) return null;

  let totalTrials = 0;
  let totalSuccesses = 0;
  let sumSquaredTrials = 0;
  for (const { successes, trials } of used) {
    totalTrials += trials;
    totalSuccesses += successes;
    sumSquaredTrials += trials * trials;
  }
  const fallback = weakPrior(totalSuccesses, totalTrials);
  const mean = totalSuccesses / totalTrials;
  const groups = used.length;
  if (groups < 2 || mean === 0 || mean === 1) return fallback;

  let weightedSpread = 0;
  for (const { successes, trials } of used) weightedSpread += trials * (successes / trials - mean) ** 2;
  const binomialExpectation = groups - 1;
  const effectiveTrials = totalTrials - sumSquaredTrials / totalTrials - binomialExpectation;
  if (weightedSpread === 0 || effectiveTrials <= 0) return fallback;

  const rho = (weightedSpread / (mean * (1 - mean)) - binomialExpectation) / effectiveTrials;
  if (!(rho > 0 && rho < 1)) return fallback;
  const strength = 1 / rho - 1;
  const alpha = mean * strength;
  const beta = (1 - mean) * strength;
  return Number.isFinite(alpha) && Number.isFinite(beta) && alpha > 0 && beta > 0 ? { alpha, beta } : fallback;
}

function weakPrior(successes: number, trials: number): BetaPrior {
  const centre = (successes + 0.5) / (trials + 1);
  return { alpha: centre * WEAK_PRIOR_STRENGTH, beta: (1 - centre) * WEAK_PRIOR_STRENGTH };
}
