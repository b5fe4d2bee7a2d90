/**
 * The portal's numbers: the same as the admin's (summarize by influencer over the shop's rollups),
 * from this influencer's rows only, with the shop's thresholds and benchmark.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarize, type RollupRow } from "@icr/metrics";
import type { Database, Db } from "../db.server";
import { saveAttribution } from "../models/attributions.server";
import { saveCampaign } from "../models/campaigns.server";
import { createInfluencer, listInfluencers } from "../models/influencers.server";
import { addRollups, listRollups } from "../models/rollups.server";
import { ensureShop } from "../models/shops.server";
import { shopSettings } from "../db/schema";
import { testBackends } from "../test-support/databases";
import { embedSnippet, loadPortalView, parsePortalPeriod } from "./portal-read.server";

const NOW = Date.parse("2026-03-31T12:00:00Z");

function row(day: string, influencerId: string, campaign: string | null, clicks: number, code: number, revenue: number): RollupRow {
  return {
    day,
    influencerId,
    campaign,
    dimension: "",
    value: "",
    clicks,
    botClicks: 3,
    engagements: 0,
    purchase: { code, link: 0, utm: 0 },
    signup: { code: 0, link: 0, utm: 0 },
    revenue,
  };
}

describe.each(await testBackends())("portal read on $name", (backend) => {
  let database: Database;
  let db: Db;
  let shopId: number;
  let alice: string;
  let bob: string;
  let quiet: string;

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    shopId = (await ensureShop(db, "read-a.myshopify.com")).id;
    alice = (await createInfluencer(db, shopId, { handle: "alice", name: "Alice" })).id;
    bob = (await createInfluencer(db, shopId, { handle: "bob" })).id;
    quiet = (await createInfluencer(db, shopId, { handle: "quiet" })).id;
    await saveCampaign(db, shopId, { key: "spring", name: "Spring drop", goal: "purchase" });
    await addRollups(db, shopId, [
      row("2026-03-02", alice, "spring", 300, 9, 90_000),
      row("2026-03-20", alice, null, 200, 6, 60_000),
      row("2026-02-01", alice, null, 999, 99, 1), // outside 30 days
      row("2026-03-20", bob, "spring", 50, 40, 400_000),
    ]);
    await db.insert(shopSettings).values({ shopId, industry: "fashion", lowSample: { minDenominator: 1000, minConversions: 1 } });
    for (const [id, day] of [["o1", "2026-03-20T10:00:00Z"], ["o2", "2026-01-05T10:00:00Z"]] as const) {
      await saveAttribution(db, shopId, {
        orderId: id,
        orderName: `#${id}`,
        goal: "purchase",
        createdAt: Date.parse(day),
        status: "attributed",
        excludedReason: null,
        influencerId: alice,
        campaign: null,
        rule: "code",
        evidence: [{ rule: "code", influencerId: alice, campaign: null, value: "ALICE10", source: "discount_codes" }],
        overruled: [],
        expired: [],
        revenue: 10_000,
        currency: "USD",
        segments: { products: [] },
      });
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it("shows the numbers the admin shows for the influencer over the same period", async () => {
    const view = await loadPortalView(db, { shopId, influencerId: alice, tokenHash: "" }, { now: NOW, days: 30, appUrl: "https://icr.example/" });
    if (!view) throw new Error("expected a view");
    const admin = summarize(await listRollups(db, shopId), {
      by: "influencer",
      from: view.period.from,
      to: view.period.to,
      influencers: await listInfluencers(db, shopId),
      thresholds: { minDenominator: 1000, minConversions: 1 },
    }).groups.find((g) => g.influencerId === alice);
    expect(view.period).toEqual({ days: 30, from: "2026-03-02", to: "2026-03-31" });
    expect(view.totals.clicks).toBe(admin?.clicks);
    expect(view.totals.conversions).toBe(admin?.conversions);
    expect(view.totals.rate).toEqual(admin?.rate);
    // 15 / 500 = 3%; Wilson score interval at 95% (Wilson 1927, formula as in Wikipedia "Binomial proportion
    // confidence interval"): 1.8263–4.8904%. Low sample under the shop's 1000-click threshold.
    expect(view.totals.rate).toMatchObject({ ratePct: 3, ci95Pct: [1.83, 4.89], lowSample: true });
    expect(view.totals.revenue).toBe("1500.00");
    expect(view.benchmark).toMatchObject({ label: "Fashion & apparel", placement: "within" });
    expect(view.trend.by).toBe("day");
    expect(view.trend.points).toHaveLength(30);
    expect(view.campaigns.map((c) => [c.label, c.clicks, c.conversions])).toEqual([
      ["Spring drop", 300, 9],
      ["No campaign", 200, 6],
    ]);
    expect(view.receipts.shown.map((r) => r.order)).toEqual(["#o1"]);
    expect(view.commission).toBeNull();
    expect(view.embed.published).toBe(false);
  });

  it("groups the trend by week beyond 30 days", async () => {
    const view = await loadPortalView(db, { shopId, influencerId: alice, tokenHash: "" }, { now: NOW, days: 90, appUrl: "https://icr.example" });
    expect(view?.trend.by).toBe("week");
    expect(view?.totals.clicks).toBe(1499);
    expect(view?.receipts.shown.map((r) => r.order)).toEqual(["#o1", "#o2"]);
  });

  it("gives an influencer with no data zeros, null rates and no receipts", async () => {
    const view = await loadPortalView(db, { shopId, influencerId: quiet, tokenHash: "" }, { now: NOW, days: 7, appUrl: "https://icr.example" });
    expect(view?.totals).toMatchObject({ clicks: 0, conversions: 0, revenue: "0.00", rate: { ratePct: null, ci95Pct: null } });
    expect(view?.campaigns).toEqual([]);
    expect(view?.receipts).toEqual({ total: 0, shown: [] });
    expect(view?.benchmark?.sentence).toMatch(/^No data to compare/);
  });

  it("returns null for an influencer of no shop", async () => {
    expect(await loadPortalView(db, { shopId: shopId + 999, influencerId: alice, tokenHash: "" }, { now: NOW, days: 7, appUrl: "https://icr.example" })).toBeNull();
  });

  it("parses the period, defaulting to 30 days", () => {
    expect(parsePortalPeriod("90")).toBe(90);
    for (const bad of [null, "", "31", "-7", "7.0x", "1e9"]) expect(parsePortalPeriod(bad)).toBe(30);
  });

  it("escapes the embed snippet", () => {
    expect(embedSnippet("https://icr.example", "pk1", 'a"b&c')).toContain('influencer=a%22b%26c"');
    expect(embedSnippet("https://icr.example", "pk1", "alice")).toContain("rate?scope=influencer&amp;influencer=alice");
  });
});
