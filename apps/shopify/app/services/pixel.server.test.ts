import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { getAttribution } from "../models/attributions.server";
import { insertClicks, type StoredClick } from "../models/clicks.server";
import { createInfluencer } from "../models/influencers.server";
import { listPixelEvents } from "../models/pixel-events.server";
import { addRollups } from "../models/rollups.server";
import { ensureShop } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { answerPixel, type PixelEndpointContext } from "./pixel-endpoint.server";
import { influencerFunnel, pixelEventSchema, recordPixelEvent, withPixelEvidence } from "./pixel.server";
import { TokenBucketLimiter } from "./public-rate-limit.server";
import { ingestOrder } from "./order-ingest.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";

const NOW = Date.parse("2026-11-20T15:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(await testBackends())("web pixel events on $name", (backend) => {
  let database: Database;
  let shop: ShopContext;
  let publicKey: string;
  let alice: string;
  let counter = 0;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    counter++;
    const row = await ensureShop(database.db, `pixel-${backend.name}-${counter}.myshopify.com`);
    publicKey = row.publicKey;
    shop = await loadShopContext(database.db, row);
    alice = (await createInfluencer(database.db, shop.id, { handle: "alice" })).id;
  });

  // clicks.id is global (a click id names one click anywhere), so each test uses its own ids.
  const cid = (name: string) => `${name}-${backend.name}-${counter}`;
  async function click(name: string, at = NOW - 3_600_000): Promise<void> {
    const stored: StoredClick = { id: cid(name), at, link: "alice-ig", linkId: "l1", influencerId: alice, visitor: "v", method: "GET", bot: false, counted: true };
    await insertClicks(database.db, shop.id, [stored]);
  }
  const event = (overrides: Record<string, unknown>) =>
    pixelEventSchema.parse({
      eventId: `e-${Math.random()}`, event: "page_viewed", occurredAt: iso(NOW - 60_000), ...overrides,
      clickId: "clickId" in overrides ? (overrides.clickId === null ? null : cid(String(overrides.clickId))) : cid("c1"),
    });

  it("stores an event once by its id, naming the click's influencer", async () => {
    await click("c1");
    const e = event({ eventId: "same" });
    expect(await recordPixelEvent(database.db, shop, e, NOW)).toEqual({ stored: true, influencerId: alice, reattributed: false });
    expect((await recordPixelEvent(database.db, shop, e, NOW)).stored).toBe(false);
    expect(await listPixelEvents(database.db, shop.id)).toEqual([
      expect.objectContaining({ eventId: "same", name: "page_viewed", clickId: cid("c1"), influencerId: alice, checkoutToken: null, orderId: null }),
    ]);
  });

  it("names the influencer on events stored before their click was written", async () => {
    await recordPixelEvent(database.db, shop, event({ eventId: "early" }), NOW);
    await click("c1");
    await recordPixelEvent(database.db, shop, event({ eventId: "later", event: "product_added_to_cart" }), NOW);
    const rows = await listPixelEvents(database.db, shop.id);
    expect(rows.map((r) => [r.eventId, r.influencerId])).toEqual([["early", alice], ["later", alice]]);
  });

  it("takes a completed checkout's click id from the same checkout's earlier event", async () => {
    await click("c1");
    await recordPixelEvent(database.db, shop, event({ event: "checkout_started", checkoutToken: "tok1" }), NOW);
    const outcome = await recordPixelEvent(database.db, shop, event({ event: "checkout_completed", clickId: null, checkoutToken: "tok1" }), NOW);
    expect(outcome.influencerId).toBe(alice);
  });

  it("credits an order through the pixel's click id when the cart attribute was lost, and keeps it across later snapshots", async () => {
    await click("c1");
    const order = {
      id: "gid://shopify/Order/9001", name: "#9001", createdAt: NOW - 30_000, updatedAt: NOW - 30_000, currency: "USD", subtotal: 4200,
      test: false, cancelled: false, refunded: false, products: ["p1"], discountCodes: [], clickIds: [], visits: [],
    };
    await database.db.transaction((tx) => ingestOrder(tx, shop, order, []));
    expect((await getAttribution(database.db, shop.id, "9001"))?.status).toBe("unattributed");

    const outcome = await recordPixelEvent(database.db, shop, event({ event: "checkout_completed", orderId: "gid://shopify/Order/9001" }), NOW);
    expect(outcome.reattributed).toBe(true);
    expect(await getAttribution(database.db, shop.id, "9001")).toMatchObject({ status: "attributed", influencerId: alice, rule: "link" });

    // orders/updated arrives later without the click id: ingest keeps the pixel's evidence.
    await database.db.transaction((tx) => ingestOrder(tx, shop, { ...order, updatedAt: NOW }, []));
    expect(await getAttribution(database.db, shop.id, "9001")).toMatchObject({ status: "attributed", influencerId: alice, rule: "link" });
  });

  it("leaves an order alone when it already carries the click id, or is not stored yet", async () => {
    await click("c1");
    const outcome = await recordPixelEvent(database.db, shop, event({ event: "checkout_completed", orderId: "424242" }), NOW);
    expect(outcome.reattributed).toBe(false);
    const [stored] = await withPixelEvidence(database.db, shop.id, [{
      id: "424242", name: "#1", createdAt: NOW, updatedAt: NOW, currency: "USD", subtotal: 1, test: false, cancelled: false, refunded: false,
      products: [], discountCodes: [], clickIds: [cid("c1")], visits: [], snapshotRefundIds: [],
    }]);
    expect(stored?.clickIds).toEqual([cid("c1")]);
  });

  it("counts an influencer's funnel: rollup clicks, then distinct clicks per pixel step", async () => {
    await click("c1");
    await click("c2");
    await addRollups(database.db, shop.id, [
      { day: "2026-11-20", influencerId: alice, campaign: null, dimension: "", value: "", clicks: 10, botClicks: 0, engagements: 0, purchase: { code: 0, link: 0, utm: 0 }, signup: { code: 0, link: 0, utm: 0 }, revenue: 0 },
    ]);
    for (const [name, clickId] of [["product_added_to_cart", "c1"], ["product_added_to_cart", "c1"], ["product_added_to_cart", "c2"], ["checkout_started", "c1"], ["checkout_completed", "c1"]] as const) {
      await recordPixelEvent(database.db, shop, event({ event: name, clickId }), NOW);
    }
    // An event outside the period does not count.
    await recordPixelEvent(database.db, shop, event({ event: "checkout_started", clickId: "c2", occurredAt: iso(NOW - 5 * 86_400_000) }), NOW);
    expect(await influencerFunnel(database.db, shop.id, alice, { from: "2026-11-20", to: "2026-11-20" })).toEqual({ clicks: 10, addToCarts: 2, checkouts: 1, purchases: 1 });
    expect(await influencerFunnel(database.db, shop.id, "someone-else", { from: "2026-11-20", to: "2026-11-20" })).toEqual({ clicks: 0, addToCarts: 0, checkouts: 0, purchases: 0 });
    expect(await influencerFunnel(database.db, -1, alice, { from: "2026-11-20", to: "2026-11-20" })).toEqual({ clicks: 0, addToCarts: 0, checkouts: 0, purchases: 0 });
  });

  describe("the HTTP endpoint", () => {
    let ctx: PixelEndpointContext;
    beforeEach(() => {
      ctx = { db: database.db, limiter: new TokenBucketLimiter({ capacity: 100, refillPerSecond: 1 }), now: () => NOW };
    });
    const post = (body: unknown, overrides: Partial<Parameters<typeof answerPixel>[1]> = {}) =>
      answerPixel(ctx, { method: "POST", shopKey: publicKey, body: typeof body === "string" ? body : JSON.stringify(body), clientAddress: "203.0.113.7", ...overrides });
    const good = { eventId: "h1", event: "page_viewed", clickId: "c9", checkoutToken: null, occurredAt: iso(NOW) };

    it("stores a good event (202) with CORS, and answers preflights", async () => {
      const answer = await post(good);
      expect([answer.status, answer.body, answer.headers["access-control-allow-origin"]]).toEqual([202, '{"stored":true}', "*"]);
      expect((await post(good, { method: "OPTIONS" })).status).toBe(204);
      expect((await post(good, { method: "GET" })).status).toBe(405);
    });

    it("refuses customer data, bad JSON, bad values and implausible times with 400, storing nothing", async () => {
      const cases: [unknown, RegExp][] = [
        [{ ...good, email: "a@b.c" }, /unknown field\(s\): email/],
        ["{not json", /must be JSON/],
        [{ ...good, event: "purchase" }, /event must be one of/],
        [{ ...good, clickId: "<script>" }, /clickId/],
        [{ ...good, orderId: "#1001" }, /orderId/],
        [{ ...good, occurredAt: "yesterday" }, /occurredAt/],
        [{ ...good, occurredAt: iso(NOW - 40 * 86_400_000) }, /not within the last 30 days/],
      ];
      for (const [body, message] of cases) {
        const answer = await post(body);
        expect(answer.status, String(message)).toBe(400);
        expect(JSON.parse(answer.body!).error.message).toMatch(message);
      }
      expect(await listPixelEvents(database.db, shop.id)).toEqual([]);
    });

    it("answers 404 for an unknown key, 413 for a large body, 429 when an address sends too much", async () => {
      expect((await post(good, { shopKey: "unknownkey123" })).status).toBe(404);
      expect((await post("x".repeat(3000))).status).toBe(413);
      ctx.limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0.1 });
      expect((await post({ ...good, eventId: "r1" })).status).toBe(202);
      const limited = await post({ ...good, eventId: "r2" });
      expect([limited.status, limited.headers["retry-after"]]).toEqual([429, "10"]);
    });
  });
});
