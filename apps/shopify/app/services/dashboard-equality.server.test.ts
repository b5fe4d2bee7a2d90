/**
 * The numbers on the dashboard equal what `@icr/metrics` computes for the same data: the demo's
 * raw facts (its plan: roster, clicks, webhook payloads, engagements) are attributed, rolled up
 * and summarized in memory with @icr/metrics alone, and compared with what the dashboard loader
 * returns after the same facts went through the real pipeline into the database.
 */
import {
  attributeOrder,
  attributionRollup,
  buildAttributionIndex,
  classifyClicks,
  clickRollup,
  engagementRollup,
  normalizeWebhookOrder,
  parseMoney,
  rankInfluencers,
  summarize,
  type Campaign,
  type Click,
  type Influencer,
  type Order,
  type RollupRow,
} from "@icr/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db.server";
import { listInfluencers } from "../models/influencers.server";
import { getShop } from "../models/shops.server";
import { parseDashboardQuery } from "./dashboard-query.server";
import { loadDashboard } from "./dashboard.server";
import { planDemo, type DemoPlan } from "./demo-plan.server";
import { seedDemo } from "./demo-seed.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";
import { toSignupOrder } from "./signups.server";
import { customerSchema } from "./webhook-payloads.server";

const NOW = Date.parse("2026-06-15T15:00:00Z");
const TIME_ZONE = "America/New_York";

/** The plan's facts → rollup rows, with @icr/metrics only (ids are handles here). */
function expectedRollups(plan: DemoPlan): { rows: RollupRow[]; roster: Influencer[]; campaigns: Campaign[] } {
  const roster: Influencer[] = plan.influencers.map((i) => ({
    id: i.handle,
    handle: i.handle,
    name: i.name,
    platform: i.platform,
    tags: i.tags,
    campaign: i.defaultCampaign,
    ...(i.email ? { email: i.email } : {}),
  }));
  const clicks: Click[] = plan.clicks.map((c) => ({
    id: c.id,
    at: c.at,
    link: c.linkKey,
    influencerId: c.influencer,
    campaign: c.campaign,
    visitor: `${c.ip}|${c.userAgent}`,
    userAgent: c.userAgent,
    method: c.method,
    country: c.country,
    ...(c.device ? { device: c.device } : {}),
  }));
  const index = buildAttributionIndex({
    influencers: roster,
    codes: plan.influencers.map((i) => ({ code: i.code.code, influencerId: i.handle, campaign: i.code.campaign })),
    clicks,
    campaigns: plan.campaigns.map((c) => c.key),
  });

  // Each order's latest snapshot, minus the refunds it does not list yet; sign-ups once per customer.
  const snapshots = new Map<string, { order: Order; refundIds: Set<string> }>();
  const refunds = new Map<string, Map<string, number>>();
  for (const d of plan.deliveries) {
    if (d.topic === "refunds/create") {
      const p = d.payload as { id: number; order_id: number; refund_line_items: { subtotal_set: { shop_money: { amount: string; currency_code: string } } }[] };
      const amount = p.refund_line_items.reduce((sum, item) => sum + parseMoney(item.subtotal_set.shop_money.amount, item.subtotal_set.shop_money.currency_code), 0);
      const list = refunds.get(String(p.order_id)) ?? new Map<string, number>();
      list.set(String(p.id), amount);
      refunds.set(String(p.order_id), list);
      continue;
    }
    const order = d.topic === "customers/create" ? toSignupOrder(customerSchema.parse(d.payload), "USD") : normalizeWebhookOrder(d.payload);
    const refundIds = new Set(((d.payload as { refunds?: { id: number }[] }).refunds ?? []).map((r) => String(r.id)));
    const previous = snapshots.get(order.id);
    if (!previous || order.updatedAt > previous.order.updatedAt) snapshots.set(order.id, { order, refundIds });
  }
  const rows: RollupRow[] = [];
  for (const { order, refundIds } of snapshots.values()) {
    const pending = [...(refunds.get(order.id) ?? new Map<string, number>()).entries()].filter(([id]) => !refundIds.has(id)).reduce((sum, [, amount]) => sum + amount, 0);
    const subtotal = Math.max(0, order.subtotal - pending);
    const facts = pending === 0 ? order : { ...order, subtotal, refunded: order.refunded || subtotal === 0 };
    rows.push(...attributionRollup(attributeOrder(facts, index), TIME_ZONE));
  }
  for (const click of classifyClicks(clicks)) rows.push(...clickRollup(click, TIME_ZONE));
  for (const e of plan.engagements) rows.push(...engagementRollup({ day: e.day, influencerId: e.influencer, campaign: e.campaign, count: e.count }));
  const campaigns: Campaign[] = plan.campaigns.map((c) => ({ id: c.key, name: c.name, goal: c.goal, type: c.type }));
  return { rows, roster, campaigns };
}

describe("the dashboard's numbers equal @icr/metrics on the same raw facts", () => {
  let database: Database;
  let shop: ShopContext;
  let plan: DemoPlan;
  let idToHandle: Map<string, string>;
  beforeAll(async () => {
    database = await openDatabase();
    plan = planDemo(NOW);
    const seeded = await seedDemo(database.db, { plan });
    const row = await getShop(database.db, seeded.shopId);
    shop = await loadShopContext(database.db, row!);
    idToHandle = new Map((await listInfluencers(database.db, shop.id)).map((i) => [i.id, i.handle]));
  }, 120_000);
  afterAll(async () => database.close());

  it.each([
    ["range=30", "last 30 days, purchases per click"],
    ["range=90&goal=signup&segment=country", "90 days, sign-ups per click, by country"],
    ["range=90&denominator=engagements&segment=device", "90 days, purchases per engagement, by device"],
  ])("%s (%s)", async (search) => {
    const query = parseDashboardQuery(new URLSearchParams(search), NOW, TIME_ZONE);
    const actual = await loadDashboard(database.db, shop, query);
    const { rows, roster, campaigns } = expectedRollups(plan);
    const options = { goal: query.goal, denominator: query.denominator, from: query.from, to: query.to, influencers: roster, campaigns, currency: "USD" };

    const byInfluencer = summarize(rows, { ...options, by: "influencer" });
    expect(actual.overall).toEqual({ ...byInfluencer.totals });
    expect(actual.overall.conversions).toBeGreaterThan(0);

    const ranked = rankInfluencers(byInfluencer.groups.map((g) => ({ handle: g.key, conversions: g.conversions, trials: g.rate.denominator })));
    expect(actual.influencers.map((r) => ({ handle: idToHandle.get(r.influencerId ?? ""), rank: r.rank, rawPct: r.rawPct, shrunkPct: r.shrunkPct, conversions: r.conversions, ci: r.rate.ci95Pct }))).toEqual(
      ranked.map((r) => ({ handle: r.handle, rank: r.rank, rawPct: r.rawPct, shrunkPct: r.shrunkPct, conversions: r.conversions, ci: byInfluencer.groups.find((g) => g.key === r.handle)?.rate.ci95Pct })),
    );

    const segment = summarize(rows, { ...options, by: query.segment });
    expect(actual.segment.map((g) => [g.key, g.conversions, g.rate.denominator, g.rate.ratePct])).toEqual(segment.groups.map((g) => [g.key, g.conversions, g.rate.denominator, g.rate.ratePct]));

    const trend = summarize(rows, { ...options, by: actual.trend.granularity });
    expect(actual.trend.points.map((p) => [p.key, p.conversions, p.denominator, p.ratePct])).toEqual(trend.groups.map((g) => [g.key, g.conversions, g.rate.denominator, g.rate.ratePct]));
  });
});
