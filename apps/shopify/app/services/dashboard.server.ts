/**
 * Everything the dashboard shows, read from rollups only (two indexed range reads: base rows and
 * the chosen segment's rows) and computed by `@icr/metrics`: the pooled overall rate with its
 * interval and low-sample flag, its place against the shop's industry benchmark, the trend, the
 * influencers ranked by their shrunk rate (raw rate beside it), campaigns, the segment breakdown,
 * and conversions by the rule that credited them.
 */
import {
  DEFAULT_LOW_SAMPLE,
  INDUSTRY_BENCHMARKS,
  daysBetween,
  describePlacement,
  placeAgainstBenchmark,
  rankInfluencers,
  summarize,
  type Campaign,
  type GroupSummary,
  type Influencer,
  type LowSampleThresholds,
  type RollupDimension,
  type RollupRow,
  type RuleCounts,
} from "@icr/metrics";
import type { Db } from "../db.server";
import { listCampaigns } from "../models/campaigns.server";
import { listInfluencers } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { getRateDisplaySettings, type RateDisplaySettings } from "../models/shop-settings.server";
import type { DashboardQuery } from "./dashboard-query.server";
import type { ShopContext } from "./shop-context.server";

/** The shop's benchmark range and where the overall rate falls against it. */
export interface BenchmarkView {
  id: string;
  label: string;
  lowPct: number;
  highPct: number;
  source: string;
  placement: "below" | "within" | "above" | null;
  /** One sentence, e.g. "Within the fashion & apparel range (1–3%)". */
  sentence: string;
}

/** One point of the trend: a day (or week) with its rate and interval. */
export interface TrendPoint {
  key: string;
  label: string;
  conversions: number;
  denominator: number;
  ratePct: number | null;
  ci95Pct: [number, number] | null;
}

/** An influencer line: the summary's numbers, rank and shrunk rate, and roster facts for display. */
export interface RankedRow extends GroupSummary {
  rank: number;
  rawPct: number | null;
  shrunkPct: number | null;
  handle: string;
  platform: string | null;
  tags: string[];
}

export interface DashboardData {
  query: DashboardQuery;
  currency: string;
  thresholds: LowSampleThresholds;
  /** Pooled totals of the range. */
  overall: GroupSummary;
  byRule: RuleCounts;
  benchmark: BenchmarkView;
  /** By day for ranges up to 31 days, by week beyond. */
  trend: { granularity: "day" | "week"; points: TrendPoint[] };
  influencers: RankedRow[];
  campaigns: (GroupSummary & { goal: Campaign["goal"] | null })[];
  segment: GroupSummary[];
  rosterSize: number;
  campaignCount: number;
}

/**
 * The shop's benchmark: the built-in industry range, or the merchant's own edit of it.
 *
 * @example shopBenchmarkRange({ industry: "fashion", benchmarks: {}, lowSample: null })
 * // { id: "fashion", label: "Fashion & apparel", lowPct: …, highPct: …, source: "…" }
 * @returns the range; falls back to "all" when the stored industry is unknown.
 */
export function shopBenchmarkRange(settings: RateDisplaySettings): Omit<BenchmarkView, "placement" | "sentence"> {
  const builtIn = INDUSTRY_BENCHMARKS.find((b) => b.id === settings.industry) ?? INDUSTRY_BENCHMARKS.find((b) => b.id === "all") ?? INDUSTRY_BENCHMARKS[0]!;
  const edit = settings.benchmarks[builtIn.id];
  return {
    id: builtIn.id,
    label: builtIn.label,
    lowPct: edit?.lowPct ?? builtIn.lowPct,
    highPct: edit?.highPct ?? builtIn.highPct,
    source: edit ? (edit.source ?? "Your own range") : builtIn.source,
  };
}

/**
 * Loads the dashboard for a query.
 *
 * @example const data = await loadDashboard(db, shop, parseDashboardQuery(url.searchParams, Date.now(), shop.timezone));
 * @returns the data; a shop with no data gets zero totals, null rates, and its roster with null rates.
 */
export async function loadDashboard(db: Db, shop: ShopContext, query: DashboardQuery): Promise<DashboardData> {
  const stored = storedDimension(query.segment);
  const [base, segmentRows, roster, campaigns, display] = await Promise.all([
    listRollups(db, shop.id, { from: query.from, to: query.to, dimension: "" }),
    stored ? listRollups(db, shop.id, { from: query.from, to: query.to, dimension: stored }) : Promise.resolve([] as RollupRow[]),
    listInfluencers(db, shop.id),
    listCampaigns(db, shop.id),
    getRateDisplaySettings(db, shop.id),
  ]);
  return computeDashboard({ base, segmentRows, roster, campaigns, display, query, currency: shop.currency });
}

/**
 * The dashboard's numbers from rollup rows (pure: the loader and the equality test share it).
 *
 * @example computeDashboard({ base, segmentRows: [], roster, campaigns, display, query, currency: "USD" }).overall.rate.ratePct
 * @returns as {@link loadDashboard}.
 */
export function computeDashboard(input: {
  base: readonly RollupRow[];
  segmentRows: readonly RollupRow[];
  roster: Influencer[];
  campaigns: Campaign[];
  display: RateDisplaySettings;
  query: DashboardQuery;
  currency: string;
}): DashboardData {
  const { base, roster, campaigns, display, query, currency } = input;
  const thresholds = display.lowSample ?? DEFAULT_LOW_SAMPLE;
  const common = { goal: query.goal, denominator: query.denominator, from: query.from, to: query.to, thresholds, currency, influencers: roster, campaigns };

  const byInfluencer = summarize(base, { ...common, by: "influencer" });
  const overall = byInfluencer.totals;
  const range = shopBenchmarkRange(display);
  const benchmark: BenchmarkView = {
    ...range,
    placement: placeAgainstBenchmark(overall.rate.ratePct, range),
    sentence: describePlacement(overall.rate.ratePct, range),
  };

  const granularity = daysBetween(query.from, query.to) + 1 > 31 ? "week" : "day";
  const trend = summarize(base, { ...common, by: granularity }).groups.map((g) => ({
    key: g.key,
    label: g.label,
    conversions: g.conversions,
    denominator: g.rate.denominator,
    ratePct: g.rate.ratePct,
    ci95Pct: g.rate.ci95Pct,
  }));

  const rosterById = new Map(roster.map((i) => [i.id, i]));
  const ranked = rankInfluencers(byInfluencer.groups.map((g) => ({ ...g, trials: g.rate.denominator })));
  const influencers: RankedRow[] = ranked.map(({ trials: _trials, ...row }) => {
    const person = row.influencerId ? rosterById.get(row.influencerId) : undefined;
    return { ...row, handle: person?.handle ?? row.key, platform: person?.platform ?? null, tags: person?.tags ?? [] };
  });

  const goals = new Map(campaigns.map((c) => [c.id, c.goal]));
  const campaignSummary = summarize(base, { ...common, by: "campaign" }).groups.map((g) => ({ ...g, goal: g.campaign === null ? null : (goals.get(g.campaign) ?? null) }));
  // Stored segments are read from their own rows beside the base rows; the others derive from the roster and campaigns.
  const segmentSource = storedDimension(query.segment) ? [...base, ...input.segmentRows] : base;
  const segment = summarize(segmentSource, { ...common, by: query.segment }).groups;

  return {
    query,
    currency,
    thresholds,
    overall,
    byRule: overall.byRule,
    benchmark,
    trend: { granularity, points: trend },
    influencers,
    campaigns: campaignSummary,
    segment,
    rosterSize: roster.length,
    campaignCount: campaigns.length,
  };
}

/** The rollup dimension a segment is stored under, or null when it derives from the roster or campaigns. */
function storedDimension(segment: DashboardQuery["segment"]): RollupDimension | null {
  return segment === "country" || segment === "device" || segment === "customerType" || segment === "product" ? segment : null;
}
