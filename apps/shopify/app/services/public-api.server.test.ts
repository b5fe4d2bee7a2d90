import type { RollupRow } from "@icr/metrics";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { saveCampaign } from "../models/campaigns.server";
import { createInfluencer } from "../models/influencers.server";
import { addRollups } from "../models/rollups.server";
import { ensureShop, markUninstalled, type Shop } from "../models/shops.server";
import { shopSettings } from "../db/schema";
import { testBackends } from "../test-support/databases";
import { answerPublicApi, PUBLIC_CACHE_CONTROL, type CachedAnswer, type PublicApiContext, type PublicApiRequest } from "./public-api.server";
import { LruCache } from "./public-cache.server";
import { onPublicationsChanged, setPublished } from "./public-publications.server";
import { TokenBucketLimiter } from "./public-rate-limit.server";

// 2026-12-03 12:00 UTC: "today" for a UTC shop; days=30 is 2026-11-04 … 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 12);

function row(day: string, influencerId: string, clicks: number, purchases: number, campaign: string | null = null): RollupRow {
  return {
    day,
    influencerId,
    campaign,
    dimension: "",
    value: "",
    clicks,
    botClicks: 0,
    engagements: 0,
    purchase: { code: 0, link: purchases, utm: 0 },
    signup: { code: 0, link: 0, utm: 0 },
    revenue: purchases * 2500,
  };
}

describe.each(await testBackends())("public API on $name", (backend) => {
  let database: Database;
  let ctx: PublicApiContext;
  let shop: Shop;
  let alice: string;
  let bob: string;
  let counter = 0;
  let stopListening: () => void;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    stopListening?.();
    await database.close();
  });
  beforeEach(async () => {
    counter++;
    stopListening?.();
    const db = database.db;
    shop = await ensureShop(db, `public-${backend.name}-${counter}.myshopify.com`);
    alice = (await createInfluencer(db, shop.id, { handle: "alice", name: "Alice Rivera", platform: "instagram" })).id;
    bob = (await createInfluencer(db, shop.id, { handle: "bob", name: "<img src=x onerror=alert(1)>" })).id;
    await saveCampaign(db, shop.id, { key: "spring", name: "Spring drop", goal: "purchase" });
    // Alice: 1,000 clicks and 50 purchases in the period (METRICS.md §2: 5%, 3.81%–6.53%), all in "spring".
    // Bob: 2 clicks, 1 purchase. The period before: Alice 100 clicks, 4 purchases (4%).
    await addRollups(db, shop.id, [
      row("2026-11-04", alice, 400, 20, "spring"),
      row("2026-12-03", alice, 600, 30, "spring"),
      row("2026-12-01", bob, 2, 1),
      row("2026-10-20", alice, 100, 4),
      row("2026-11-03", alice, 7, 7), // the last day before the period
    ]);
    const cache = new LruCache<CachedAnswer>({ maxEntries: 100, ttlMs: 30_000 });
    stopListening = onPublicationsChanged((shopId) => cache.invalidateShop(shopId));
    ctx = { db, cache, limiter: new TokenBucketLimiter({ capacity: 1000, refillPerSecond: 100 }), now: () => NOW };
  });

  function ask(endpoint: string, query: string, overrides: Partial<PublicApiRequest> = {}) {
    return answerPublicApi(ctx, {
      method: "GET",
      shopKey: shop.publicKey,
      endpoint,
      query: new URLSearchParams(query),
      clientAddress: "203.0.113.7",
      ifNoneMatch: null,
      ...overrides,
    });
  }
  const json = (body: string | null) => JSON.parse(body ?? "null") as Record<string, unknown>;

  it("publishes nothing by default: every number answers 404 not_published", async () => {
    for (const [endpoint, query] of [["rate", ""], ["rate", "scope=influencer&influencer=alice"], ["rate", "scope=campaign&campaign=spring"], ["leaderboard", ""]] as const) {
      const answer = await ask(endpoint, query);
      expect(answer.status, `${endpoint}?${query}`).toBe(404);
      expect(json(answer.body)).toMatchObject({ error: { code: "not_published" } });
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
    }
  });

  it("serves the published overall rate pooled from rollups, with interval, previous period, benchmark and a full trend", async () => {
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    const answer = await ask("rate", "scope=overall&days=30");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const body = json(answer.body);
    // Pooled: (50 + 1) / (1000 + 2), never an average of rates. Wilson score interval (Wilson 1927,
    // as on Wikipedia's "Binomial proportion confidence interval") for 51/1002 at z = 1.96: 3.89%–6.63%.
    expect(body).toMatchObject({
      scope: "overall",
      label: "All influencers",
      goal: "purchase",
      denominator: "clicks",
      from: "2026-11-04",
      to: "2026-12-03",
      clicks: 1002,
      conversions: 51,
      ratePct: 5.09,
      ci95Pct: [3.89, 6.63],
      lowSample: false,
      aboveHundred: false,
      // Before: 2026-10-05 … 2026-11-03: 107 clicks, 11 purchases.
      previousRatePct: 10.28,
      benchmark: { id: "retail", lowPct: 1.5, highPct: 3 },
      currency: "USD",
      generatedAt: "2026-12-03T12:00:00.000Z",
    });
    const trend = body.trend as { day: string; clicks: number; ratePct: number | null }[];
    expect(trend).toHaveLength(30);
    expect(trend[0]).toEqual({ day: "2026-11-04", clicks: 400, conversions: 20, ratePct: 5 });
    expect(trend[1]).toEqual({ day: "2026-11-05", clicks: 0, conversions: 0, ratePct: null });
    expect(trend[29]?.day).toBe("2026-12-03");
  });

  it("serves an influencer's rate only when that influencer is published (METRICS.md §2 vector: 50/1000 → 5%, 3.81–6.53)", async () => {
    await setPublished(database.db, shop.id, [{ widget: "influencer-card", scope: "influencer", target: alice, enabled: true }]);
    const answer = await ask("rate", "scope=influencer&influencer=ALICE");
    expect(answer.status).toBe(200);
    expect(json(answer.body)).toMatchObject({ scope: "influencer", label: "Alice Rivera", clicks: 1000, conversions: 50, ratePct: 5, ci95Pct: [3.81, 6.53] });
    expect(json((await ask("rate", "scope=influencer&influencer=bob")).body)).toMatchObject({ error: { code: "not_published" } });
    expect(json((await ask("rate", "scope=overall")).body)).toMatchObject({ error: { code: "not_published" } });
    expect(json((await ask("rate", "scope=influencer&influencer=nobody")).body)).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves a published campaign's rate and names it", async () => {
    await setPublished(database.db, shop.id, [{ widget: "trend", scope: "campaign", target: "spring", enabled: true }]);
    const body = json((await ask("rate", "scope=campaign&campaign=Spring")).body);
    expect(body).toMatchObject({ scope: "campaign", label: "Spring drop", clicks: 1000, conversions: 50, ratePct: 5 });
    expect(json((await ask("rate", "scope=campaign&campaign=autumn")).body)).toMatchObject({ error: { code: "not_found" } });
  });

  it("ranks only published influencers, by the shrunk rate, with a prior fitted across the whole roster", async () => {
    // Three more (unpublished) influencers give the prior a spread to fit (with two items it is a weak prior).
    const others: [string, number, number][] = [["carol", 1000, 30], ["dan", 800, 60], ["erin", 500, 20]];
    const ids = new Map<string, string>();
    for (const [handle, clicks, purchases] of others) {
      const id = (await createInfluencer(database.db, shop.id, { handle })).id;
      ids.set(handle, id);
      await addRollups(database.db, shop.id, [row("2026-11-20", id, clicks, purchases)]);
    }
    await setPublished(database.db, shop.id, [
      { widget: "leaderboard", scope: "overall", target: "", enabled: true },
      { widget: "rate", scope: "influencer", target: alice, enabled: true },
      { widget: "rate", scope: "influencer", target: bob, enabled: true },
      { widget: "influencer-card", scope: "influencer", target: ids.get("dan")!, enabled: true },
    ]);
    const body = json((await ask("leaderboard", "limit=5")).body);
    const entries = body.influencers as Record<string, unknown>[];
    expect(entries.map((e) => [e.rank, e.handle])).toEqual([[1, "dan"], [2, "bob"], [3, "alice"]]);
    const shrunk = entries.map((e) => e.shrunkPct as number);
    expect(shrunk).toEqual([...shrunk].sort((a, b) => b - a));
    // Bob's 1 of 2 (50% raw) is pulled most of the way to the shop's typical rate (about 5%).
    expect(entries[1]).toMatchObject({ name: "<img src=x onerror=alert(1)>", clicks: 2, conversions: 1, ratePct: 50, lowSample: true });
    expect(shrunk[1]).toBeLessThan(10);
    expect(entries[1]).not.toHaveProperty("platform");
    expect(entries[2]).toMatchObject({ name: "Alice Rivera", platform: "instagram", clicks: 1000, conversions: 50, ratePct: 5, ci95Pct: [3.81, 6.53], lowSample: false });

    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "influencer", target: bob, enabled: false }]);
    const after = (json((await ask("leaderboard", "limit=5")).body).influencers as { handle: string; shrunkPct: number; rank: number }[]);
    expect(after.map((e) => [e.rank, e.handle])).toEqual([[1, "dan"], [2, "alice"]]);
    // Scores do not move when Bob is hidden: the prior still covers the whole roster.
    expect(after[1]!.shrunkPct).toBe(shrunk[2]);
    expect(json((await ask("leaderboard", "limit=1")).body).influencers).toHaveLength(1);
  });

  it("answers a campaign leaderboard only when that campaign's leaderboard is published", async () => {
    await setPublished(database.db, shop.id, [
      { widget: "leaderboard", scope: "overall", target: "", enabled: true },
      { widget: "rate", scope: "influencer", target: alice, enabled: true },
    ]);
    expect(json((await ask("leaderboard", "campaign=spring")).body)).toMatchObject({ error: { code: "not_published" } });
    await setPublished(database.db, shop.id, [{ widget: "leaderboard", scope: "campaign", target: "spring", enabled: true }]);
    const body = json((await ask("leaderboard", "campaign=spring")).body);
    expect(body.influencers).toEqual([expect.objectContaining({ handle: "alice", clicks: 1000 })]);
  });

  it("never sends customer data: only the documented fields", async () => {
    await setPublished(database.db, shop.id, [
      { widget: "rate", scope: "overall", target: "", enabled: true },
      { widget: "leaderboard", scope: "overall", target: "", enabled: true },
      { widget: "rate", scope: "influencer", target: alice, enabled: true },
    ]);
    const rate = json((await ask("rate", "")).body);
    expect(Object.keys(rate).sort()).toEqual(
      ["aboveHundred", "benchmark", "ci95Pct", "clicks", "conversions", "currency", "denominator", "from", "generatedAt", "goal", "label", "lowSample", "previousRatePct", "ratePct", "scope", "to", "trend"].sort(),
    );
    const board = json((await ask("leaderboard", "")).body);
    expect(Object.keys(board).sort()).toEqual(["denominator", "from", "generatedAt", "goal", "influencers", "to"]);
    for (const entry of board.influencers as Record<string, unknown>[]) {
      expect(Object.keys(entry).every((k) => ["rank", "handle", "name", "platform", "clicks", "conversions", "ratePct", "ci95Pct", "shrunkPct", "lowSample"].includes(k))).toBe(true);
    }
    expect(JSON.stringify([rate, board])).not.toMatch(/email|customer|order|revenue|salt/i);
  });

  it("answers If-None-Match with 304, and HEAD without a body", async () => {
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    const first = await ask("rate", "");
    const etag = first.headers.etag!;
    const again = await ask("rate", "", { ifNoneMatch: `"nope", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.etag).toBe(etag);
    expect((await ask("rate", "", { ifNoneMatch: '"other"' })).status).toBe(200);
    const head = await ask("rate", "", { method: "HEAD" });
    expect([head.status, head.body]).toEqual([200, null]);
  });

  it("caches answers per shop and query, and forgets a shop when its publications change", async () => {
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    const before = await ask("rate", "days=30&utm_source=ignored");
    await addRollups(database.db, shop.id, [row("2026-12-02", alice, 1000, 0)]);
    const cached = await ask("rate", "days=30");
    expect(cached.body).toBe(before.body); // same parsed query, same entry: the cache answered
    await setPublished(database.db, shop.id, [{ widget: "trend", scope: "overall", target: "", enabled: true }]);
    const fresh = json((await ask("rate", "days=30")).body);
    expect(fresh.clicks).toBe(2002);
    await setPublished(database.db, shop.id, [
      { widget: "trend", scope: "overall", target: "", enabled: false },
      { widget: "rate", scope: "overall", target: "", enabled: false },
    ]);
    expect((await ask("rate", "days=30")).status).toBe(404);
  });

  it("rejects bad parameters with 400 and a message that names them", async () => {
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    const cases: [string, string, RegExp][] = [
      ["rate", "days=0", /days must be a whole number from 1 to 365/],
      ["rate", "days=366", /days/],
      ["rate", "days=1.5", /days/],
      ["rate", "days=", /days/],
      ["rate", "days=7&days=8", /days/],
      ["rate", "scope=shop", /scope must be overall, influencer or campaign/],
      ["rate", "scope=influencer", /influencer is required/],
      ["rate", "scope=campaign&campaign=%20", /campaign must not be empty/],
      ["rate", "goal=sale", /goal must be purchase or signup/],
      ["leaderboard", "limit=51", /limit must be a whole number from 1 to 50/],
    ];
    for (const [endpoint, query, message] of cases) {
      const answer = await ask(endpoint, query);
      expect(answer.status, query).toBe(400);
      expect(answer.headers["cache-control"]).toBe("no-store");
      const error = json(answer.body).error as { code: string; message: string };
      expect(error.code).toBe("bad_request");
      expect(error.message, query).toMatch(message);
    }
  });

  it("answers unknown keys, endpoints, uninstalled shops and a proxied shop that does not own the key with not_found", async () => {
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    expect(json((await ask("rate", "", { shopKey: "nokeylikethis" })).body)).toMatchObject({ error: { code: "not_found" } });
    expect(json((await ask("rate", "", { shopKey: "../../etc" })).body)).toMatchObject({ error: { code: "not_found" } });
    expect(json((await ask("orders", "")).body)).toMatchObject({ error: { code: "not_found" } });
    expect((await ask("rate", "", { proxiedShopDomain: shop.domain })).status).toBe(200);
    expect(json((await ask("rate", "", { proxiedShopDomain: "other.myshopify.com" })).body)).toMatchObject({ error: { code: "not_found" } });
    await markUninstalled(database.db, shop.id, new Date(NOW));
    await setPublished(database.db, shop.id, []); // no change: the cache still holds the answer until TTL
    ctx.cache.invalidateShop(shop.id);
    expect((await ask("rate", "")).status).toBe(404);
  });

  it("answers OPTIONS preflights and refuses other methods", async () => {
    const preflight = await ask("rate", "", { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
    const post = await ask("rate", "", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("limits each address: 429 with Retry-After and the JSON error once its bucket is empty", async () => {
    ctx.limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5 });
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    for (let i = 0; i < 3; i++) expect((await ask("rate", "")).status).toBe(200);
    const limited = await ask("rate", "");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("2");
    expect(json(limited.body)).toMatchObject({ error: { code: "rate_limited" } });
    expect((await ask("rate", "", { clientAddress: "198.51.100.1" })).status).toBe(200);
  });

  it("uses the shop's benchmark edit and low-sample thresholds", async () => {
    await database.db
      .insert(shopSettings)
      .values({ shopId: shop.id, industry: "fashion", benchmarks: { fashion: { lowPct: 2, highPct: 4 } }, lowSample: { minDenominator: 5000, minConversions: 5 } });
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    const body = json((await ask("rate", "")).body);
    expect(body.benchmark).toMatchObject({ id: "fashion", lowPct: 2, highPct: 4, source: "Set by the merchant" });
    expect(body.lowSample).toBe(true);
  });
});
