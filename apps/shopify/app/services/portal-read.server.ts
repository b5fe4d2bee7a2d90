/**
 * Everything the influencer portal shows, for one influencer, from rollups and their own
 * attributions only. The shop and influencer come from a verified token (`PortalAccess`), never
 * from a URL or a form. Every number is computed by `@icr/metrics` (`summarize` → `estimateRate`),
 * from the same rollup rows and thresholds as the admin, so both show the same figures.
 */
import QRCode from "qrcode";
import { dayOf, describePlacement, formatMoney, placeAgainstBenchmark, summarize, type GroupSummary } from "@icr/metrics";
import type { Db } from "../db.server";
import { listAttributions } from "../models/attributions.server";
import { listCampaigns } from "../models/campaigns.server";
import { listCodes } from "../models/discount-codes.server";
import { getInfluencer, getInfluencerCommission, type CommissionRate } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { listLinks } from "../models/share-links.server";
import { getRateDisplaySettings } from "../models/shop-settings.server";
import { getShop } from "../models/shops.server";
import { commissionEarned } from "./portal-commission.server";
import type { PortalAccess } from "./portal-invites.server";
import { toReceipts, type Receipt } from "./portal-receipts.server";
import { loadPublishedScopes } from "./public-publications.server";
import { publicPeriod, shopBenchmark } from "./public-metrics.server";

/** Periods the portal offers, in days ending today. */
export const PORTAL_PERIODS = [7, 30, 90, 365] as const;
export type PortalPeriod = (typeof PORTAL_PERIODS)[number];

/** Receipts shown at most (newest first); the count says how many there are in all. */
export const MAX_RECEIPTS = 200;

/** One line of the portal's numbers (totals, a campaign, a day or week of the trend). */
export interface PortalFigures {
  key: string;
  label: string;
  clicks: number;
  conversions: number;
  /** Decimal string in the shop currency. */
  revenue: string;
  byRule: GroupSummary["byRule"];
  rate: GroupSummary["rate"];
}

export interface PortalShareLink {
  slug: string;
  /** `{appUrl}/r/{slug}`. */
  url: string;
  /** `https://{shop}/apps/icr/r/{slug}`: the same link on the store's own domain. */
  storeUrl: string;
  campaign: string | null;
  platform: string | null;
  /** QR code of `url`, as an SVG document. */
  qrSvg: string;
}

export interface PortalView {
  shop: { domain: string; currency: string };
  influencer: { handle: string; name: string | null };
  period: { days: PortalPeriod; from: string; to: string };
  links: PortalShareLink[];
  codes: { code: string; campaign: string | null }[];
  totals: PortalFigures;
  benchmark: { label: string; lowPct: number; highPct: number; source: string; placement: "below" | "within" | "above" | null; sentence: string } | null;
  /** By day for periods up to 30 days, by week beyond. */
  trend: { by: "day" | "week"; points: PortalFigures[] };
  campaigns: PortalFigures[];
  receipts: { total: number; shown: Receipt[] };
  /** Null when the merchant set no commission rate. */
  commission: { kind: CommissionRate["kind"]; value: number; earned: string } | null;
  /** Snippet for the influencer's own site; `published` says whether the merchant made the numbers public. */
  embed: { snippet: string; published: boolean };
  generatedAt: string;
}

/**
 * Parses the `days` query parameter of the portal.
 *
 * @example parsePortalPeriod("90") // 90
 * @returns the period, or 30 for null, "" or anything not offered.
 */
export function parsePortalPeriod(value: string | null): PortalPeriod {
  const days = Number(value);
  return (PORTAL_PERIODS as readonly number[]).includes(days) ? (days as PortalPeriod) : 30;
}

function figures(group: GroupSummary, currency: string): PortalFigures {
  return {
    key: group.key,
    label: group.label,
    clicks: group.clicks,
    conversions: group.conversions,
    revenue: formatMoney(group.revenue, currency),
    byRule: group.byRule,
    rate: group.rate,
  };
}

/**
 * The influencer's portal.
 *
 * @example const view = await loadPortalView(db, access, { now: Date.now(), days: 30, appUrl: "https://icr.example" });
 * @returns the view; an influencer with no data gets zero counts, null rates and no receipts;
 *   null when the shop or the influencer no longer exists.
 */
export async function loadPortalView(
  db: Db,
  access: PortalAccess,
  options: { now: number; days: PortalPeriod; appUrl: string },
): Promise<PortalView | null> {
  const { shopId, influencerId } = access;
  const [shop, influencer] = await Promise.all([getShop(db, shopId), getInfluencer(db, shopId, influencerId)]);
  if (!shop || !influencer) return null;
  const period = publicPeriod(options.now, shop.timezone, options.days);
  const { from, to } = period;
  const [settings, rows, campaigns, links, codes, attributions, commission, published] = await Promise.all([
    getRateDisplaySettings(db, shopId),
    listRollups(db, shopId, { from, to, dimension: "" }),
    listCampaigns(db, shopId),
    listLinks(db, shopId, { influencerId }),
    listCodes(db, shopId, { influencerId }),
    listAttributions(db, shopId, { influencerId, status: "attributed" }),
    getInfluencerCommission(db, shopId, influencerId),
    loadPublishedScopes(db, shopId),
  ]);
  // Only this influencer's rows go into any figure: the others' never reach the view.
  const mine = rows.filter((row) => row.influencerId === influencerId);
  const common = { from, to, currency: shop.currency, ...(settings.lowSample ? { thresholds: settings.lowSample } : {}) };
  const totals = summarize(mine, { by: "overall", ...common }).totals;
  const trendBy = options.days <= 30 ? "day" : "week";
  const trend = summarize(mine, { by: trendBy, ...common }).groups;
  const byCampaign = summarize(mine, { by: "campaign", campaigns, ...common }).groups.filter((g) => g.clicks > 0 || g.conversions > 0);

  const inPeriod = attributions.filter((a) => {
    const day = dayOf(a.createdAt, shop.timezone);
    return day >= from && day <= to;
  });
  const receipts = toReceipts(inPeriod, { influencerId, timeZone: shop.timezone, currency: shop.currency, commission });
  const benchmark = shopBenchmark(settings);
  const appUrl = options.appUrl.replace(/\/+$/, "");

  return {
    shop: { domain: shop.domain, currency: shop.currency },
    influencer: { handle: influencer.handle, name: influencer.name ?? null },
    period: { days: options.days, from, to },
    links: await Promise.all(
      links.map(async (link) => {
        const url = `${appUrl}/r/${link.slug}`;
        return {
          slug: link.slug,
          url,
          storeUrl: `https://${shop.domain}/apps/icr/r/${link.slug}`,
          campaign: link.campaign ?? null,
          platform: link.platform ?? null,
          qrSvg: await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
        };
      }),
    ),
    codes: codes.map((c) => ({ code: c.code, campaign: c.campaign ?? null })),
    totals: figures({ ...totals, label: influencer.name ?? influencer.handle }, shop.currency),
    benchmark: benchmark && {
      ...benchmark,
      placement: placeAgainstBenchmark(totals.rate.ratePct, benchmark),
      sentence: describePlacement(totals.rate.ratePct, benchmark),
    },
    trend: { by: trendBy, points: trend.map((g) => figures(g, shop.currency)) },
    campaigns: byCampaign.map((g) => figures(g, shop.currency)),
    receipts: { total: receipts.length, shown: receipts.slice(0, MAX_RECEIPTS) },
    commission: commission && { ...commission, earned: formatMoney(commissionEarned(inPeriod, commission), shop.currency) },
    embed: {
      snippet: embedSnippet(appUrl, shop.publicKey, influencer.handle),
      published: published.rate("influencer", influencerId),
    },
    generatedAt: new Date(options.now).toISOString(),
  };
}

/**
 * The `<icr-influencer-card>` snippet for the influencer's own site: the widget from the app,
 * reading the public API for this influencer (it shows numbers only once the merchant publishes them).
 *
 * @example embedSnippet("https://icr.example", "3f9c…", "alice")
 * @returns two lines of HTML; the handle is URL-encoded and the attribute HTML-escaped.
 */
export function embedSnippet(appUrl: string, publicKey: string, handle: string): string {
  const src = `${appUrl}/api/public/v1/${encodeURIComponent(publicKey)}/rate?scope=influencer&influencer=${encodeURIComponent(handle)}`;
  const attribute = src.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<script type="module" src="${appUrl}/widgets/influencer-card.js"></script>\n<icr-influencer-card src="${attribute}"></icr-influencer-card>`;
}
