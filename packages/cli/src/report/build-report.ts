import {
  attributeOrder,
  attributionRollup,
  buildAttributionIndex,
  classifyClicks,
  clickRollup,
  describeEvidence,
  engagementRollup,
  explainAttribution,
  formatMoney,
  resolveSettings,
  summarize,
  type Attribution,
  type Campaign,
  type Click,
  type ClassifiedClick,
  type Denominator,
  type Engagement,
  type Goal,
  type GroupBy,
  type GroupSummary,
  type Influencer,
  type Order,
  type RollupRow,
  type Summary,
} from "@icr/metrics";
import type { Roster } from "../input/read-roster.js";
import type { Progress } from "../progress.js";
import type { ExcludedCounts, OrderReceipt, ReportDocument, ReportGroup } from "./report-document.js";

/** The currency a report shows when there are no orders to take the shop's from. */
export const DEFAULT_CURRENCY = "USD";

/** What a report is computed from: the files, read and mapped to domain types. */
export interface ReportInputs {
  roster: Roster;
  orders: readonly Order[];
  clicks: readonly Click[];
  engagements: readonly Engagement[];
}

/** How the report is cut. */
export interface ReportSettings {
  by: GroupBy;
  denominator: Denominator;
  goal: Goal;
  windowDays: number;
  timeZone: string;
  explain: boolean;
}

/** How the clicks read split up (METRICS.md §5), for the table's footer. */
export interface ClickCounts {
  recorded: number;
  counted: number;
  bots: number;
  /** Human clicks within 60 minutes of the same visitor's counted click on the same link. */
  repeats: number;
}

/** A computed report: the JSON document plus what the table and CSV formats show beside it. */
export interface Report {
  document: ReportDocument;
  summary: Summary;
  settings: ReportSettings;
  clicks: ClickCounts;
  /** With `explain`: one sentence per order (explainAttribution), in the order the orders were read. */
  explanations: { order: string; text: string }[];
}

/**
 * Computes the report with @icr/metrics, and nothing of its own: attribution index from the roster
 * and clicks, `classifyClicks`, `attributeOrder` per order, rollup rows, `summarize`; then shapes
 * the result as METRICS.md §6's JSON document (rates and intervals as `estimateRate` rounds them,
 * money through `formatMoney`). `totals.orders` counts every order read; `excluded` and
 * `unattributed` count the orders of the report's goal. With no orders or clicks, every count is 0
 * and every rate null.
 *
 * @example
 * const report = buildReport({ roster, orders, clicks, engagements: [] },
 *   { by: "influencer", denominator: "clicks", goal: "purchase", windowDays: 30, timeZone: "UTC", explain: false });
 * report.document.totals; // { orders: 11, conversions: 4, clicks: 6, conversionRatePct: 66.67, … }
 */
export function buildReport(inputs: ReportInputs, settings: ReportSettings, progress?: Progress): Report {
  const { roster, orders } = inputs;
  const classified = classifyClicks(inputs.clicks);
  // No campaign list for the index: with one, a utm_campaign not on the roster would be dropped.
  const index = buildAttributionIndex({
    influencers: roster.influencers,
    codes: roster.codes,
    links: roster.links,
    clicks: classified,
  });
  const attributionSettings = resolveSettings({ windowDays: settings.windowDays });

  progress?.phase("attributing", "orders");
  const attributions: Attribution[] = [];
  for (const order of orders) {
    const attribution = attributeOrder(order, index, attributionSettings);
    if (attribution.goal === settings.goal) attributions.push(attribution);
    progress?.update(attributions.length);
  }

  const currency = orders[0]?.currency ?? DEFAULT_CURRENCY;
  const summary = summarize(rollupRows(classified, inputs.engagements, attributions, settings.timeZone), {
    by: settings.by,
    goal: settings.goal,
    denominator: settings.denominator,
    influencers: roster.influencers,
    campaigns: rosterCampaigns(roster.influencers, settings.goal),
    currency,
  });

  const handles = new Map(roster.influencers.map((influencer) => [influencer.id, influencer.handle]));
  const withEngagements = settings.denominator === "engagements";
  const { totals } = summary;
  const document: ReportDocument = {
    denominator: settings.denominator,
    windowDays: settings.windowDays,
    totals: {
      orders: orders.length,
      conversions: totals.conversions,
      clicks: totals.clicks,
      ...(withEngagements ? { engagements: totals.engagements } : {}),
      conversionRatePct: totals.rate.ratePct,
      ci95Pct: totals.rate.ci95Pct,
      revenue: formatMoney(totals.revenue, currency),
      currency,
    },
    groups: summary.groups.map((group) => reportGroup(group, handles, currency, withEngagements)),
    excluded: excludedCounts(attributions),
    unattributed: attributions.filter((a) => a.status === "unattributed").length,
  };
  if (settings.explain) document.orders = attributions.map((a) => receipt(a, handles));

  return {
    document,
    summary,
    settings,
    clicks: clickCounts(classified),
    explanations: settings.explain
      ? attributions.map((a) => ({ order: a.orderName, text: explainAttribution(a, roster.influencers, settings.windowDays) }))
      : [],
  };
}

/** The roster's campaigns, so that `--by campaign` lists each one, with a null rate when it has no data. */
function rosterCampaigns(influencers: readonly Influencer[], goal: Goal): Campaign[] {
  const ids = new Set(influencers.flatMap((influencer) => (influencer.campaign === undefined ? [] : [influencer.campaign])));
  return [...ids].map((id) => ({ id, goal }));
}

function* rollupRows(
  clicks: readonly ClassifiedClick[],
  engagements: readonly Engagement[],
  attributions: readonly Attribution[],
  timeZone: string,
): Generator<RollupRow> {
  for (const click of clicks) yield* clickRollup(click, timeZone);
  for (const engagement of engagements) yield* engagementRollup(engagement);
  for (const attribution of attributions) yield* attributionRollup(attribution, timeZone);
}

function reportGroup(
  group: GroupSummary,
  handles: ReadonlyMap<string, string>,
  currency: string,
  withEngagements: boolean,
): ReportGroup {
  return {
    key: group.key,
    influencer: group.influencerId === null ? null : (handles.get(group.influencerId) ?? group.influencerId),
    campaign: group.campaign,
    clicks: group.clicks,
    ...(withEngagements ? { engagements: group.engagements } : {}),
    conversions: group.conversions,
    conversionRatePct: group.rate.ratePct,
    ci95Pct: group.rate.ci95Pct,
    lowSample: group.rate.lowSample,
    revenue: formatMoney(group.revenue, currency),
    byRule: { ...group.byRule },
  };
}

function excludedCounts(attributions: readonly Attribution[]): ExcludedCounts {
  const counts: ExcludedCounts = { test: 0, cancelled: 0, refunded: 0, selfReferral: 0, outsideWindow: 0 };
  for (const a of attributions) if (a.status === "excluded" && a.excludedReason !== null) counts[a.excludedReason] += 1;
  return counts;
}

/**
 * The JSON receipt of one order. Only an attributed order names an influencer, campaign and rule;
 * for the others the evidence list still shows what the order carried (including evidence that
 * fell outside the window, which says how long before the order it was).
 */
function receipt(a: Attribution, handles: ReadonlyMap<string, string>): OrderReceipt {
  const attributed = a.status === "attributed";
  const shown = attributed ? a.evidence : [...a.evidence, ...a.expired];
  return {
    order: a.orderName,
    influencer: attributed && a.influencerId !== null ? (handles.get(a.influencerId) ?? a.influencerId) : null,
    campaign: attributed ? a.campaign : null,
    rule: attributed ? a.rule : null,
    evidence: shown.map((e) => describeEvidence(e, a.createdAt)),
    overruled: a.overruled.map((e) => describeEvidence(e, a.createdAt)),
  };
}

function clickCounts(clicks: readonly ClassifiedClick[]): ClickCounts {
  const counts: ClickCounts = { recorded: clicks.length, counted: 0, bots: 0, repeats: 0 };
  for (const click of clicks) {
    if (click.bot) counts.bots += 1;
    else if (click.counted) counts.counted += 1;
    else counts.repeats += 1;
  }
  return counts;
}
