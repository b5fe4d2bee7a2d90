// CSV export of any admin table: the dashboard's tables for the same filters (influencers,
// campaigns, segments, trend), the roster, codes, links, and an influencer's receipts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatMoney, type GroupSummary } from "@icr/metrics";
import { listCodes } from "../models/discount-codes.server";
import { listInfluencers } from "../models/influencers.server";
import { listLinks } from "../models/share-links.server";
import { listAttributions } from "../models/attributions.server";
import { requireAdmin } from "../services/admin-context.server";
import { csvResponse, toCsv, type CsvCell } from "../services/csv-export.server";
import { DashboardQueryError, parseDashboardQuery } from "../services/dashboard-query.server";
import { loadDashboard } from "../services/dashboard.server";
import { toAdminReceipt } from "../services/influencer-page.server";

const RATE_HEADER = ["denominator", "conversions", "rate_pct", "ci95_low_pct", "ci95_high_pct", "low_sample", "code", "link", "utm", "revenue"];

function rateCells(g: GroupSummary, currency: string): CsvCell[] {
  return [g.rate.denominator, g.conversions, g.rate.ratePct, g.rate.ci95Pct?.[0] ?? null, g.rate.ci95Pct?.[1] ?? null, g.rate.lowSample ? "yes" : "no", g.byRule.code, g.byRule.link, g.byRule.utm, formatMoney(g.revenue, currency)];
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { db, shop } = await requireAdmin(request);
  const url = new URL(request.url);
  const table = params.table ?? "";
  if (["influencers", "campaigns", "segments", "trend"].includes(table)) {
    let query;
    try {
      query = parseDashboardQuery(url.searchParams, Date.now(), shop.timezone);
    } catch (error) {
      if (error instanceof DashboardQueryError) throw new Response(error.message, { status: 400 });
      throw error;
    }
    const data = await loadDashboard(db, shop, query);
    const name = `icr-${table}-${query.goal}-per-${query.denominator}-${query.from}-${query.to}.csv`;
    if (table === "influencers") {
      return csvResponse(name, toCsv(["rank", "influencer", "handle", "platform", ...RATE_HEADER, "raw_pct", "shrunk_pct"], data.influencers.map((r) => [r.rank, r.label, r.handle, r.platform, ...rateCells(r, shop.currency), r.rawPct, r.shrunkPct])));
    }
    if (table === "campaigns") return csvResponse(name, toCsv(["campaign", "key", "goal", ...RATE_HEADER], data.campaigns.map((r) => [r.label, r.campaign, r.goal, ...rateCells(r, shop.currency)])));
    if (table === "segments") return csvResponse(name, toCsv([query.segment, ...RATE_HEADER], data.segment.map((r) => [r.label, ...rateCells(r, shop.currency)])));
    return csvResponse(name, toCsv([data.trend.granularity, "denominator", "conversions", "rate_pct", "ci95_low_pct", "ci95_high_pct"], data.trend.points.map((p) => [p.key, p.denominator, p.conversions, p.ratePct, p.ci95Pct?.[0] ?? null, p.ci95Pct?.[1] ?? null])));
  }
  const roster = await listInfluencers(db, shop.id);
  const handle = new Map(roster.map((i) => [i.id, i.handle]));
  switch (table) {
    case "roster":
      return csvResponse("icr-influencers.csv", toCsv(["handle", "name", "platform", "tags", "default_campaign", "utm"], roster.map((i) => [i.handle, i.name ?? null, i.platform ?? null, i.tags.join(";"), i.campaign ?? null, i.utm ?? null])));
    case "codes":
      return csvResponse("icr-codes.csv", toCsv(["code", "handle", "campaign", "origin", "shopify_id"], (await listCodes(db, shop.id)).map((c) => [c.code, handle.get(c.influencerId) ?? c.influencerId, c.campaign ?? null, c.origin, c.shopifyId])));
    case "links":
      return csvResponse("icr-links.csv", toCsv(["slug", "handle", "campaign", "platform", "destination"], (await listLinks(db, shop.id)).map((l) => [l.slug, handle.get(l.influencerId) ?? l.influencerId, l.campaign ?? null, l.platform ?? null, l.destination])));
    case "receipts": {
      const influencerId = url.searchParams.get("influencer") ?? "";
      if (!handle.has(influencerId)) throw new Response("Name an influencer of this shop: ?influencer={id}", { status: 400 });
      const byId = new Map(roster.map((i) => [i.id, i]));
      const rows = (await listAttributions(db, shop.id, { influencerId })).map((a) => toAdminReceipt(a, byId, shop));
      return csvResponse(
        `icr-receipts-${handle.get(influencerId)}.csv`,
        toCsv(["order", "day", "goal", "status", "excluded_reason", "rule", "campaign", "amount", "evidence", "overruled", "outside_window", "explanation"], rows.map((r) => [r.order, r.day, r.goal, r.status, r.excludedReason, r.rule, r.campaign, r.amount, r.winning, r.overruled.join("; "), r.expired.join("; "), r.explanation])),
      );
    }
    default:
      throw new Response(`No table ${JSON.stringify(table)}: use influencers, campaigns, segments, trend, roster, codes, links or receipts.`, { status: 404 });
  }
};
