import { assertCount } from "./assert-count.js";
import { type BetaPrior, fitBetaPrior } from "./beta-prior.js";
import { conversionRate } from "./conversion-rate.js";
import { roundTo } from "./round-to.js";

/** Options of {@link rankInfluencers}. */
export interface RankOptions {
  /** Use this prior instead of fitting one to `items` (e.g. one fitted over a longer period). */
  prior?: BetaPrior;
}

/** An item with its raw and shrunk rates (percent, 2 decimals) and its 1-based rank. */
export type RankedInfluencer<T> = T & { rawPct: number | null; shrunkPct: number | null; rank: number };

/**
 * Ranks influencers by an empirical-Bayes shrunk conversion rate, so that a lucky 1 sale from 2
 * clicks does not outrank 400 sales from 10,000 (METRICS.md §3).
 *
 * The shrunk rate is the posterior mean (conversions + α) / (trials + α + β) under the prior fitted
 * by {@link fitBetaPrior} across the same items: small samples move toward the shop's typical rate,
 * large ones keep their own. Ties are broken by more trials first, then the caller's order. An item
 * with no trials has no rate (`rawPct` and `shrunkPct` null) and ranks after every item with one.
 *
 * The posterior mean always sits between the raw rate and the prior mean, so with a roster of two
 * the small sample is pulled toward a pooled rate the large one dominates; the ordering becomes
 * informative as the roster grows.
 *
 * @returns new objects (the items' fields plus rawPct, shrunkPct, rank), best first; `[]` for `[]`.
 * @throws RangeError when a count is not a non-negative integer or a given prior is not positive.
 * @example
 * rankInfluencers([{ id: "a", conversions: 1, trials: 2 }, { id: "b", conversions: 400, trials: 10000 }, …])
 * // [{ id: "b", …, rawPct: 4, shrunkPct: 4, rank: 1 }, …]
 */
export function rankInfluencers<T extends { conversions: number; trials: number }>(
  items: readonly T[],
  options: RankOptions = {},
): RankedInfluencer<T>[] {
  items.forEach((item, index) => {
    assertCount(`items[${index}].conversions`, item.conversions);
    assertCount(`items[${index}].trials`, item.trials);
  });
  const prior = options.prior ?? fitBetaPrior(items);
  if (prior !== null && !(prior.alpha > 0 && prior.beta > 0 && Number.isFinite(prior.alpha + prior.beta))) {
    throw new RangeError(`a beta prior needs positive, finite alpha and beta, got ${JSON.stringify(prior)}`);
  }
  const scored = items.map((item, index) => ({
    item,
    index,
    shrunk:
      prior === null || item.trials === 0
        ? null
        : ((item.conversions + prior.alpha) / (item.trials + prior.alpha + prior.beta)) * 100,
  }));
  scored.sort((a, b) => compareShrunk(a.shrunk, b.shrunk) || b.item.trials - a.item.trials || a.index - b.index);
  return scored.map(({ item, shrunk }, position) => {
    const raw = conversionRate(item.conversions, item.trials);
    return {
      ...item,
      rawPct: raw === null ? null : roundTo(raw, 2),
      shrunkPct: shrunk === null ? null : roundTo(shrunk, 2),
      rank: position + 1,
    };
  });
}

/** Higher shrunk rate first; no rate (null) last. */
function compareShrunk(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}
