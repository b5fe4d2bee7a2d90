/**
 * The numbers behind the public API's `/rate` and `/leaderboard` (docs/public-api.md), read from
 * daily rollups and computed by `@icr/metrics` (`summarize`, `fitBetaPrior`, `rankInfluencers`).
 * Nothing here decides what is published: the caller passes only what may be shown.
 */
import {
  INDUSTRY_BENCHMARKS,
  dayOf,
  findBenchmark,
  fitBetaPrior,
  rankInfluencers,
  summarize,
  type Goal,
  type Influencer,
  type LowSampleThresholds,
  type RollupRow,
} from "@icr/metrics";
import type { RateDisplaySettings } from "../models/shop-settings.server";

const DAY_MS = 86_400_000;

/** The period of an answer: `days` days ending today (shop time zone), and the same length just before. */
export interface PublicPeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** `GET …/rate` as docs/public-api.md defines it. */
export interface PublicRateBody {
  scope: "overall" | "influencer" | "campaign";
  label: string;
  goal: Goal;
  denominator: "clicks";
  from: string;
  to: string;
  clicks: number;
  conversions: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
  lowSample: boolean;
  aboveHundred: boolean;
  previousRatePct: number | null;
  benchmark: { id: string; label: string; lowPct: number; highPct: number; source: string } | null;
  trend: { day: string; clicks: number; conversions: number; ratePct: number | null }[];
  currency: string;
  generatedAt: string;
}

/** One row of `GET …/leaderboard`. */
export interface PublicLeaderboardEntry {
  rank: number;
  handle: string;
  name: string;
  platform?: string;
  clicks: number;
  conversions: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
  shrunkPct: number | null;
  lowSample: boolean;
}

/** `GET …/leaderboard`. */
export interface PublicLeaderboardBody {
  goal: Goal;
  denominator: "clicks";
  from: string;
  to: string;
  influencers: PublicLeaderboardEntry[];
  generatedAt: string;
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The `days` days ending today in the shop's time zone, and the period of the same length before it.
 *
 * @example publicPeriod(Date.UTC(2026, 11, 3, 12), "UTC", 30);
 * // { from: "2026-11-04", to: "2026-12-03", previousFrom: "2026-10-05", previousTo: "2026-11-03" }
 * @returns the four days; `days` below 1 is treated as 1 (the API validates it before).
 */
export function publicPeriod(now: number, timeZone: string, days: number): PublicPeriod {
  const length = Math.max(1, Math.floor(days));
  const to = dayOf(now, timeZone);
  const from = shiftDay(to, -(length - 1));
  const previousTo = shiftDay(from, -1);
  return { from, to, previousTo, previousFrom: shiftDay(previousTo, -(length - 1)) };
}

/**
 * The shop's chosen industry range, with the merchant's own edit of it when there is one.
 *
 * @example shopBenchmark({ industry: "retail", benchmarks: {}, lowSample: null })?.lowPct; // 1.5
 * @returns the range, or null when the industry is neither built in nor edited by the shop.
 */
export function shopBenchmark(settings: RateDisplaySettings): PublicRateBody["benchmark"] {
  const builtIn = findBenchmark(settings.industry, INDUSTRY_BENCHMARKS);
  const edit = settings.benchmarks[settings.industry];
  if (!builtIn && !edit) return null;
  return {
    id: settings.industry,
    label: builtIn?.label ?? settings.industry,
    lowPct: edit?.lowPct ?? builtIn!.lowPct,
    highPct: edit?.highPct ?? builtIn!.highPct,
    source: edit ? (edit.source ?? "Set by the merchant") : builtIn!.source,
  };
}

/** What one `/rate` answer covers. */
export interface RateRequest {
  scope: PublicRateBody["scope"];
  /** Set with the influencer scope: only this influencer's rows count. */
  influencerId?: string;
  /** Set with the campaign scope: only this campaign's rows count. */
  campaign?: string;
  label: string;
  goal: Goal;
  period: PublicPeriod;
  currency: string;
  thresholds: LowSampleThresholds | null;
  benchmark: PublicRateBody["benchmark"];
  now: number;
}

/**
 * The `/rate` body from the shop's base rollup rows of the period and the period before.
 *
 * @example rateBody(rows, { scope: "overall", label: "All influencers", goal: "purchase", period, … });
 * @returns the body; with no rows, zero counts, a null rate, and a trend of empty days.
 */
export function rateBody(rows: readonly RollupRow[], request: RateRequest): PublicRateBody {
  const scoped = rows.filter(
    (row) =>
      row.dimension === "" &&
      (request.influencerId === undefined || row.influencerId === request.influencerId) &&
      (request.campaign === undefined || row.campaign === request.campaign),
  );
  const { period, goal } = request;
  const thresholds = request.thresholds ?? undefined;
  const current = summarize(scoped, { by: "day", goal, from: period.from, to: period.to, ...(thresholds ? { thresholds } : {}) });
  const previous = summarize(scoped, { by: "overall", goal, from: period.previousFrom, to: period.previousTo });
  const rate = current.totals.rate;
  return {
    scope: request.scope,
    label: request.label,
    goal,
    denominator: "clicks",
    from: period.from,
    to: period.to,
    clicks: current.totals.clicks,
    conversions: current.totals.conversions,
    ratePct: rate.ratePct,
    ci95Pct: rate.ci95Pct,
    lowSample: rate.lowSample,
    aboveHundred: rate.aboveHundred,
    previousRatePct: previous.totals.rate.ratePct,
    benchmark: request.benchmark,
    trend: current.groups.map((day) => ({ day: day.key, clicks: day.clicks, conversions: day.conversions, ratePct: day.rate.ratePct })),
    currency: request.currency,
    generatedAt: new Date(request.now).toISOString(),
  };
}

/** What one `/leaderboard` answer covers. */
export interface LeaderboardRequest {
  goal: Goal;
  period: PublicPeriod;
  /** Rank within one campaign; all campaigns when absent. */
  campaign?: string;
  limit: number;
  /** The shop's whole roster: the prior is fitted across all of it. */
  roster: readonly Influencer[];
  /** The influencers the merchant published: only they are listed. */
  publishedIds: ReadonlySet<string>;
  thresholds: LowSampleThresholds | null;
  now: number;
}

/**
 * The `/leaderboard` body: published influencers with at least one click in the period, ranked by
 * the empirical-Bayes shrunk rate. The prior is fitted across every influencer of the shop with
 * clicks (the shop's typical rate), so publishing fewer influencers does not change their scores.
 * Ties: more conversions first, then handle.
 *
 * @example leaderboardBody(rows, { goal: "purchase", period, limit: 10, roster, publishedIds, … });
 * @returns the body; `influencers: []` when no published influencer had a click.
 */
export function leaderboardBody(rows: readonly RollupRow[], request: LeaderboardRequest): PublicLeaderboardBody {
  const { period, goal } = request;
  const scoped = rows.filter((row) => row.dimension === "" && (request.campaign === undefined || row.campaign === request.campaign));
  const thresholds = request.thresholds ?? undefined;
  const summary = summarize(scoped, {
    by: "influencer",
    goal,
    from: period.from,
    to: period.to,
    influencers: [...request.roster],
    ...(thresholds ? { thresholds } : {}),
  });
  const roster = new Map(request.roster.map((influencer) => [influencer.id, influencer]));
  const withClicks = summary.groups.filter((group) => group.clicks > 0 && group.influencerId !== null && roster.has(group.influencerId));
  const prior = fitBetaPrior(withClicks.map((group) => ({ conversions: group.conversions, trials: group.clicks })));
  const candidates = withClicks
    .filter((group) => request.publishedIds.has(group.influencerId!))
    .map((group) => ({ group, influencer: roster.get(group.influencerId!)!, conversions: group.conversions, trials: group.clicks }))
    .sort((a, b) => b.conversions - a.conversions || (a.influencer.handle < b.influencer.handle ? -1 : 1));
  const ranked = rankInfluencers(candidates, prior ? { prior } : {});
  return {
    goal,
    denominator: "clicks",
    from: period.from,
    to: period.to,
    influencers: ranked.slice(0, request.limit).map((entry) => ({
      rank: entry.rank,
      handle: entry.influencer.handle,
      name: entry.influencer.name?.trim() || entry.influencer.handle,
      ...(entry.influencer.platform ? { platform: entry.influencer.platform } : {}),
      clicks: entry.group.clicks,
      conversions: entry.group.conversions,
      ratePct: entry.group.rate.ratePct,
      ci95Pct: entry.group.rate.ci95Pct,
      shrunkPct: entry.shrunkPct,
      lowSample: entry.group.rate.lowSample,
    })),
    generatedAt: new Date(request.now).toISOString(),
  };
}
