/**
 * One influencer's page: their links (with the URL a click lands on) and codes, their rate with
 * interval and trend from rollups, the checkout funnel where the web pixel saw it, their orders as
 * attribution receipts (paginated from the attributions table), and "is A really better than B?"
 * against another influencer, all computed by `@icr/metrics`.
 */
import {
  DEFAULT_LOW_SAMPLE,
  buildShareUrl,
  compareRates,
  describeEvidence,
  explainAttribution,
  formatMoney,
  summarize,
  type Attribution,
  type Evidence,
  type GroupSummary,
  type Influencer,
  type RateComparison,
} from "@icr/metrics";
import type { Db } from "../db.server";
import { pageAttributions } from "../models/attributions.server";
import { listCampaigns } from "../models/campaigns.server";
import { listCodes, type StoredCode } from "../models/discount-codes.server";
import { getInfluencerCommission, listInfluencers, type CommissionRate } from "../models/influencers.server";
import { funnelStepCounts, type FunnelStepCounts } from "../models/pixel-events.server";
import { listRollups } from "../models/rollups.server";
import { listLinks } from "../models/share-links.server";
import { getRateDisplaySettings } from "../models/shop-settings.server";
import type { DashboardQuery } from "./dashboard-query.server";
import type { ShopContext } from "./shop-context.server";

/** Receipts per page. */
export const RECEIPTS_PER_PAGE = 25;

/** An order as the merchant sees its credit: the evidence, the rule, what was overruled, the window. */
export interface AdminReceipt {
  orderId: string;
  order: string;
  day: string;
  goal: Attribution["goal"];
  status: Attribution["status"];
  excludedReason: Attribution["excludedReason"];
  /** Credited revenue (decimal string) for attributed purchases; null otherwise. */
  amount: string | null;
  campaign: string | null;
  rule: Attribution["rule"];
  /** The whole story in one or two sentences. */
  explanation: string;
  /** The winning evidence, e.g. "code LENABAKE10". */
  winning: string | null;
  overruled: string[];
  expired: string[];
  windowDays: number;
}

export interface InfluencerLinkView {
  id: string;
  slug: string;
  campaign: string | null;
  platform: string | null;
  destination: string;
  /** Where a click lands: the destination with the UTM parameters the redirect adds (click id aside). */
  landingUrl: string;
  /** Path of the share link on this app (`/r/{slug}`). */
  path: string;
}

export interface InfluencerPageData {
  influencer: Influencer;
  commission: CommissionRate | null;
  codes: StoredCode[];
  links: InfluencerLinkView[];
  summary: GroupSummary;
  trend: { granularity: "day" | "week"; points: { key: string; label: string; ratePct: number | null; conversions: number; denominator: number }[] };
  campaigns: GroupSummary[];
  /** Distinct clicks reaching each checkout step (web pixel); null when the pixel saw nothing in the range. */
  funnel: FunnelStepCounts | null;
  receipts: { items: AdminReceipt[]; total: number; page: number; pages: number };
  /** Everyone else on the roster, for the compare picker. */
  others: { id: string; label: string }[];
  comparison: { other: { id: string; label: string; summary: GroupSummary }; result: RateComparison } | null;
}

/**
 * Loads an influencer's page.
 *
 * @example await loadInfluencerPage(db, shop, id, { query, page: 1, compareWith: null, now: Date.now() });
 * @returns the data, or null when the influencer is not in this shop (a compare id not in the shop is ignored).
 */
export async function loadInfluencerPage(
  db: Db,
  shop: ShopContext,
  influencerId: string,
  options: { query: DashboardQuery; page: number; compareWith: string | null },
): Promise<InfluencerPageData | null> {
  const { query } = options;
  const roster = await listInfluencers(db, shop.id);
  const influencer = roster.find((i) => i.id === influencerId);
  if (!influencer) return null;
  const page = Math.max(1, Math.floor(options.page));
  const [rows, campaigns, display, codes, links, commission, funnel, receipts] = await Promise.all([
    listRollups(db, shop.id, { from: query.from, to: query.to, dimension: "" }),
    listCampaigns(db, shop.id),
    getRateDisplaySettings(db, shop.id),
    listCodes(db, shop.id, { influencerId }),
    listLinks(db, shop.id, { influencerId }),
    getInfluencerCommission(db, shop.id, influencerId),
    funnelStepCounts(db, shop.id, influencerId, { from: query.from, to: query.to, timeZone: shop.timezone }),
    pageAttributions(db, shop.id, { influencerId, limit: RECEIPTS_PER_PAGE, offset: (page - 1) * RECEIPTS_PER_PAGE }),
  ]);
  const thresholds = display.lowSample ?? DEFAULT_LOW_SAMPLE;
  const common = { goal: query.goal, denominator: query.denominator, from: query.from, to: query.to, thresholds, influencers: roster, campaigns, currency: shop.currency };
  const own = rows.filter((r) => r.influencerId === influencerId);
  const summary = summarize(own, { ...common, by: "overall" }).totals;
  const span = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / 86_400_000 + 1;
  const granularity = span > 31 ? "week" : "day";
  const trend = summarize(own, { ...common, by: granularity }).groups.map((g) => ({
    key: g.key,
    label: g.label,
    ratePct: g.rate.ratePct,
    conversions: g.conversions,
    denominator: g.rate.denominator,
  }));
  const byCampaign = summarize(own, { ...common, by: "campaign" }).groups.filter((g) => g.conversions > 0 || g.rate.denominator > 0);

  let comparison: InfluencerPageData["comparison"] = null;
  const other = options.compareWith ? roster.find((i) => i.id === options.compareWith && i.id !== influencerId) : undefined;
  if (other) {
    const otherSummary = summarize(
      rows.filter((r) => r.influencerId === other.id),
      { ...common, by: "overall" },
    ).totals;
    const a = { label: labelOf(influencer), conversions: summary.conversions, trials: summary.rate.denominator };
    const b = { label: labelOf(other), conversions: otherSummary.conversions, trials: otherSummary.rate.denominator };
    comparison = { other: { id: other.id, label: labelOf(other), summary: otherSummary }, result: compareRates(a, b, { denominator: query.denominator }) };
  }

  const handles = new Map(roster.map((i) => [i.id, i]));
  return {
    influencer,
    commission,
    codes,
    links: links.map((l) => ({
      id: l.id,
      slug: l.slug,
      campaign: l.campaign ?? null,
      platform: l.platform ?? null,
      destination: l.destination,
      landingUrl: buildShareUrl(l.destination, { handle: influencer.utm ?? influencer.handle, ...(l.platform ? { platform: l.platform } : {}), ...(l.campaign ? { campaign: l.campaign } : {}) }),
      path: `/r/${l.slug}`,
    })),
    summary,
    trend: { granularity, points: trend },
    campaigns: byCampaign,
    funnel: Object.values(funnel).some((n) => n > 0) ? funnel : null,
    receipts: {
      items: receipts.items.map((a) => toAdminReceipt(a, handles, shop)),
      total: receipts.total,
      page,
      pages: Math.max(1, Math.ceil(receipts.total / RECEIPTS_PER_PAGE)),
    },
    others: roster.filter((i) => i.id !== influencerId).map((i) => ({ id: i.id, label: labelOf(i) })),
    comparison,
  };
}

function labelOf(influencer: Influencer): string {
  return influencer.name?.trim() || influencer.handle;
}

/**
 * An attribution as the merchant's receipt (names every influencer involved: it is the merchant's own data).
 *
 * @example toAdminReceipt(attribution, rosterById, shop).explanation // "Credited to lenabakes by code LENABAKE10."
 * @returns the receipt; evidence lists are empty for a redacted order.
 */
export function toAdminReceipt(a: Attribution, roster: ReadonlyMap<string, Influencer>, shop: Pick<ShopContext, "timezone" | "currency" | "settings">): AdminReceipt {
  const named = (e: Evidence) => `${roster.get(e.influencerId)?.handle ?? "an influencer no longer on the roster"}: ${describeEvidence(e, a.createdAt)}`;
  const winner = a.evidence[0];
  return {
    orderId: a.orderId,
    order: a.orderName,
    day: new Intl.DateTimeFormat("en-CA", { timeZone: shop.timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(a.createdAt),
    goal: a.goal,
    status: a.status,
    excludedReason: a.excludedReason,
    amount: a.status === "attributed" && a.goal === "purchase" ? formatMoney(a.revenue, shop.currency) : null,
    campaign: a.campaign,
    rule: a.rule,
    explanation: explainAttribution(a, roster, shop.settings.windowDays),
    winning: winner ? describeEvidence(winner, a.createdAt) : null,
    overruled: a.overruled.map(named),
    expired: a.expired.map(named),
    windowDays: shop.settings.windowDays,
  };
}
