import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db.server";
import * as t from "../db/schema";
import { insertClicks } from "../models/clicks.server";
import { assignCode } from "../models/discount-codes.server";
import { createInfluencer } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { ensureShop, findShopByDomain } from "../models/shops.server";
import { customerPayload, orderPayload, refundPayload } from "../test-support/shopify-payloads";
import { shopSnapshot, tableCounts } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { signedWebhook, TEST_SECRET } from "../test-support/webhook-requests";
import { hashEmail } from "./identity-hash.server";
import { handleWebhookRequest, type WebhookTopic } from "./webhooks.server";

const ALICE_ORDER = { id: 5_600_100_000_001, codes: ["ALICE10"], subtotal: "100.00", customer: { id: 7_200_000_001, email: "carol@example.com", ordersCount: 1 } };

describe.each(await testBackends())("webhooks on $name", (backend) => {
  let database: Database;
  let shopCounter = 0;
  let shop: string;
  let shopId: number;
  let aliceId: string;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });
  // Each test gets its own shop: the state it checks is exactly what it sent.
  beforeEach(async () => {
    shop = `test-${backend.name}-${++shopCounter}.myshopify.com`;
    const row = await ensureShop(database.db, shop);
    shopId = row.id;
    const alice = await createInfluencer(database.db, shopId, { handle: "alice", emailHash: hashEmail(row.salt, "alice@influencer.example") ?? null });
    aliceId = alice.id;
    await assignCode(database.db, shopId, { code: "ALICE10", influencerId: aliceId, origin: "adopted" });
    await createInfluencer(database.db, shopId, { handle: "bob" });
  });

  async function send(topic: WebhookTopic, body: unknown, options: { eventId?: string; hmac?: string; rawBody?: string } = {}) {
    const response = await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, signedWebhook(topic, body, { shop, ...options }), topic);
    const json = (await response.json()) as { result?: string; error?: string };
    return { status: response.status, ...json };
  }

  async function baseRollups() {
    return listRollups(database.db, shopId, { dimension: "" });
  }

  it("orders/create stores the facts, attributes by code and rolls up one purchase with its revenue", async () => {
    expect(await send("orders/create", orderPayload(ALICE_ORDER))).toEqual({ status: 200, result: "processed" });
    const state = await shopSnapshot(database.db, shopId);
    expect(state.orders).toHaveLength(1);
    expect(state.orders[0]).toMatchObject({ id: "5600100000001", subtotal: 10000, discountCodes: ["ALICE10"] });
    // No raw customer data: only the shop-salted hash.
    expect(JSON.stringify(state.orders)).not.toContain("carol@example.com");
    expect(state.orders[0]?.customerEmailHash).toMatch(/^[0-9a-f]{64}$/);
    expect(state.attributions[0]).toMatchObject({ status: "attributed", influencerId: aliceId, rule: "code", revenue: 10000 });
    const rows = await baseRollups();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ influencerId: aliceId, purchase: { code: 1, link: 0, utm: 0 }, revenue: 10000, day: "2026-03-10" });
  });

  it.each(["orders/updated", "orders/paid"] as const)("%s is processed like a newer snapshot", async (topic) => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    const later = orderPayload({ ...ALICE_ORDER, updatedAt: "2026-03-10T13:00:00-05:00", currentSubtotal: "80.00" });
    expect(await send(topic, later)).toEqual({ status: 200, result: "processed" });
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 1 }, revenue: 8000 });
  });

  it("a bad HMAC is 401 and stores nothing; so is a missing one", async () => {
    const before = await tableCounts(database.db);
    expect(await send("orders/create", orderPayload(ALICE_ORDER), { hmac: "AAAA" + "B".repeat(40) })).toMatchObject({ status: 401 });
    const request = signedWebhook("orders/create", orderPayload(ALICE_ORDER), { shop });
    request.headers.delete("x-shopify-hmac-sha256");
    expect((await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, request, "orders/create")).status).toBe(401);
    // Signed with another app's secret.
    const foreign = signedWebhook("orders/create", orderPayload(ALICE_ORDER), { shop, secret: "someone-else" });
    expect((await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, foreign, "orders/create")).status).toBe(401);
    expect(await tableCounts(database.db)).toEqual(before);
  });

  it("the same event delivered 3 times gives one order, one attribution, one conversion", async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await send("orders/create", orderPayload(ALICE_ORDER), { eventId: "evt-same" })).result);
    expect(results).toEqual(["processed", "duplicate", "duplicate"]);
    const state = await shopSnapshot(database.db, shopId);
    expect(state.orders).toHaveLength(1);
    expect(state.attributions).toHaveLength(1);
    expect(state.events).toHaveLength(1);
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 1 }, revenue: 10000 });
  });

  it("concurrent duplicate deliveries still count once", async () => {
    const results = await Promise.all([1, 2, 3].map(() => send("orders/create", orderPayload(ALICE_ORDER), { eventId: "evt-race" })));
    expect(results.map((r) => r.result).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 1 }, revenue: 10000 });
  });

  it("a burst of concurrent deliveries (repeats, two snapshots of one order) ends as if sent one by one", async () => {
    const orders = Array.from({ length: 12 }, (_, i) => ({ ...ALICE_ORDER, id: 5_600_200_000_000 + i, subtotal: `${10 + i}.00` }));
    const burst = [
      ...orders.map((o, i) => send("orders/create", orderPayload(o), { eventId: `burst-${i}` })),
      ...orders.slice(0, 4).map((o, i) => send("orders/create", orderPayload(o), { eventId: `burst-${i}` })),
      send("orders/updated", orderPayload({ ...orders[0]!, updatedAt: "2026-03-10T18:00:00-05:00", currentSubtotal: "1.00" }), { eventId: "burst-update" }),
    ];
    const results = (await Promise.all(burst)).map((r) => r.result);
    expect(results.filter((r) => r === "processed")).toHaveLength(13);
    expect(results.filter((r) => r === "duplicate")).toHaveLength(4);
    const sequential = 10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20 + 21 - 10 + 1;
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 12 }, revenue: sequential * 100 });
    expect((await shopSnapshot(database.db, shopId)).attributions).toHaveLength(12);
  });

  it("a delivery that fails does not take the others of its batch down", async () => {
    // Two influencers claiming the utm value "dup": attributing an order that names it is an error.
    await createInfluencer(database.db, shopId, { handle: "dup" });
    await createInfluencer(database.db, shopId, { handle: "carol", utm: "dup" });
    const bad = { id: 5_600_300_000_001, landingSite: "/?utm_content=dup" };
    const good = Array.from({ length: 5 }, (_, i) => ({ ...ALICE_ORDER, id: 5_600_300_000_100 + i }));
    const settled = await Promise.allSettled([
      send("orders/create", orderPayload(bad)),
      ...good.map((o) => send("orders/create", orderPayload(o))),
    ]);
    expect(settled[0]?.status).toBe("rejected");
    expect(settled.slice(1).every((s) => s.status === "fulfilled" && s.value.result === "processed")).toBe(true);
    const state = await shopSnapshot(database.db, shopId);
    expect(state.orders.map((o) => o.id)).not.toContain(String(bad.id));
    // The failed delivery left no event record: Shopify's retry will be processed.
    expect(state.events).toHaveLength(5);
  });

  it("orders/updated before orders/create ends in the same state as the right order", async () => {
    const created = orderPayload(ALICE_ORDER);
    const updated = orderPayload({ ...ALICE_ORDER, updatedAt: "2026-03-10T14:00:00-05:00", currentSubtotal: "70.00" });
    await send("orders/create", created);
    await send("orders/updated", updated);
    const inOrder = await shopSnapshot(database.db, shopId);

    const first = shopId;
    shop = `reordered-${backend.name}-${shopCounter}.myshopify.com`;
    shopId = await recreateRoster(shop);
    expect((await send("orders/updated", updated)).result).toBe("processed");
    expect((await send("orders/create", created)).result).toBe("stale");
    const reordered = await shopSnapshot(database.db, shopId);
    expect(comparable(reordered)).toEqual(comparable(inOrder));
    expect(first).not.toBe(shopId);
  });

  it("a refund before its order ends in the same state as after it, and lowers revenue", async () => {
    const refund = refundPayload({ id: 9_900_000_001, orderId: ALICE_ORDER.id, subtotal: "25.00" });
    await send("orders/create", orderPayload(ALICE_ORDER));
    expect((await baseRollups())[0]?.revenue).toBe(10000);
    expect((await send("refunds/create", refund)).result).toBe("processed");
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 1 }, revenue: 7500 });
    const inOrder = await shopSnapshot(database.db, shopId);

    shop = `refund-first-${backend.name}-${shopCounter}.myshopify.com`;
    shopId = await recreateRoster(shop);
    expect((await send("refunds/create", refund)).result).toBe("processed");
    expect(await baseRollups()).toEqual([]);
    await send("orders/create", orderPayload(ALICE_ORDER));
    expect(comparable(await shopSnapshot(database.db, shopId))).toEqual(comparable(inOrder));

    // The later snapshot that already lists the refund does not subtract it twice.
    await send("orders/updated", orderPayload({ ...ALICE_ORDER, updatedAt: "2026-03-11T10:00:00-05:00", currentSubtotal: "75.00", refunds: [{ id: 9_900_000_001, subtotal: "25.00" }] }));
    expect((await baseRollups())[0]).toMatchObject({ purchase: { code: 1 }, revenue: 7500 });
  });

  it("a refund of the whole subtotal removes the conversion", async () => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    await send("refunds/create", refundPayload({ id: 9_900_000_002, orderId: ALICE_ORDER.id, subtotal: "100.00" }));
    expect((await shopSnapshot(database.db, shopId)).attributions[0]).toMatchObject({ status: "excluded", excludedReason: "refunded", revenue: 0 });
    expect(await baseRollups()).toEqual([]);
  });

  it("orders/cancelled removes the conversion", async () => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    const cancelled = orderPayload({ ...ALICE_ORDER, updatedAt: "2026-03-10T15:00:00-05:00", cancelledAt: "2026-03-10T15:00:00-05:00", financialStatus: "voided" });
    expect((await send("orders/cancelled", cancelled)).result).toBe("processed");
    expect((await shopSnapshot(database.db, shopId)).attributions[0]).toMatchObject({ status: "excluded", excludedReason: "cancelled" });
    expect(await baseRollups()).toEqual([]);
  });

  it("a signed payload that cannot be parsed goes to the dead letters (200) and changes nothing else", async () => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    const before = await shopSnapshot(database.db, shopId);
    const raw = '{"id": "not-a-number", "created_at": 12';
    expect(await send("orders/updated", null, { rawBody: raw, eventId: "evt-broken" })).toEqual({ status: 200, result: "dead_letter" });
    expect(await send("orders/updated", { id: ALICE_ORDER.id }, { eventId: "evt-missing" })).toEqual({ status: 200, result: "dead_letter" });
    // A redelivery of the same broken event does not pile up.
    expect((await send("orders/updated", null, { rawBody: raw, eventId: "evt-broken" })).result).toBe("duplicate");
    const after = await shopSnapshot(database.db, shopId);
    expect(after.deadLetters).toHaveLength(2);
    expect(after.deadLetters.find((d) => d.eventId === "evt-broken")).toMatchObject({ topic: "orders/updated", rawBody: raw });
    expect(after.deadLetters.find((d) => d.eventId === "evt-missing")?.error).toMatch(/created_at/);
    expect({ ...after, deadLetters: [], events: [] }).toEqual({ ...before, deadLetters: [], events: [] });
  });

  it("refunds/create with a bad amount is a dead letter", async () => {
    const refund = refundPayload({ id: 9_900_000_003, orderId: ALICE_ORDER.id, subtotal: "12,50" });
    expect((await send("refunds/create", refund)).result).toBe("dead_letter");
    expect((await shopSnapshot(database.db, shopId)).refunds).toEqual([]);
  });

  it("customers/create with email-marketing consent is a sign-up conversion; without it, nothing", async () => {
    expect((await send("customers/create", customerPayload({ id: 7_300_000_001, email: "new@example.com", subscribed: false }))).result).toBe("ignored");
    expect((await shopSnapshot(database.db, shopId)).orders).toEqual([]);
    const signup = customerPayload({ id: 7_300_000_002, email: "fan@example.com", subscribed: true, tags: "newsletter, icr_click:cUNKNOWN" });
    expect((await send("customers/create", signup)).result).toBe("processed");
    const state = await shopSnapshot(database.db, shopId);
    expect(state.orders).toHaveLength(1);
    expect(state.orders[0]).toMatchObject({ id: "signup-7300000002", goal: "signup", subtotal: 0, clickIds: ["cUNKNOWN"] });
    expect(state.attributions[0]).toMatchObject({ goal: "signup", status: "unattributed" });
  });

  it("customers/data_request is acknowledged and stores nothing about the customer", async () => {
    const result = await send("customers/data_request", {
      shop_id: 954889,
      shop_domain: shop,
      orders_requested: [299938, 280263],
      customer: { id: 191167, email: "john@example.com", phone: "555-625-1199" },
      data_request: { id: 9999 },
    });
    expect(result).toEqual({ status: 200, result: "processed" });
    expect(JSON.stringify(await shopSnapshot(database.db, shopId))).not.toContain("john@example.com");
  });

  it("customers/redact erases the customer's orders and refunds, and the evidence of their attributions", async () => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    await send("refunds/create", refundPayload({ id: 9_900_000_004, orderId: ALICE_ORDER.id, subtotal: "10.00" }));
    const other = { id: 5_600_100_000_002, codes: ["ALICE10"], customer: { id: 7_200_000_009, email: "zed@example.com", ordersCount: 1 } };
    await send("orders/create", orderPayload(other));
    const result = await send("customers/redact", {
      shop_id: 954889,
      shop_domain: shop,
      customer: { id: ALICE_ORDER.customer.id, email: "Carol@Example.com", phone: null },
      orders_to_redact: [],
    });
    expect(result.result).toBe("processed");
    const state = await shopSnapshot(database.db, shopId);
    expect(state.orders.map((o) => o.id)).toEqual(["5600100000002"]);
    expect(state.refunds).toEqual([]);
    const redacted = state.attributions.find((a) => a.orderId === "5600100000001");
    expect(redacted).toMatchObject({ evidence: [], overruled: [], expired: [] });
  });

  it("shop/redact erases every row of the shop, and is harmless when repeated", async () => {
    await send("orders/create", orderPayload(ALICE_ORDER));
    await insertClicks(database.db, shopId, [
      { id: `credact-${backend.name}-${shopCounter}`, at: Date.now(), link: "alice-ig", linkId: "l", influencerId: aliceId, visitor: "v", bot: false, counted: true, method: "GET" },
    ]);
    expect((await shopSnapshot(database.db, shopId)).clicks).toHaveLength(1);
    const other = await ensureShop(database.db, `bystander-${backend.name}-${shopCounter}.myshopify.com`);
    const body = { shop_id: 954889, shop_domain: shop };
    expect((await send("shop/redact", body)).result).toBe("processed");
    expect(await findShopByDomain(database.db, shop)).toBeNull();
    const leftovers = await shopSnapshot(database.db, shopId);
    expect(Object.values(leftovers).every((rows) => rows.length === 0)).toBe(true);
    expect((await send("shop/redact", body)).result).toBe("ignored");
    expect(await findShopByDomain(database.db, other.domain)).not.toBeNull();
  });

  it("app/uninstalled marks the shop and drops its sessions; twice is harmless", async () => {
    await database.db.insert(t.sessionTable).values({ id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "shpat_x" });
    const body = { id: 690933842, name: "Test shop", myshopify_domain: shop, domain: shop };
    expect((await send("app/uninstalled", body)).result).toBe("processed");
    const [row] = await database.db.select().from(t.shops).where(eq(t.shops.id, shopId));
    const firstUninstall = row?.uninstalledAt;
    expect(firstUninstall).toBeInstanceOf(Date);
    expect(await database.db.select().from(t.sessionTable).where(eq(t.sessionTable.shop, shop))).toEqual([]);
    expect((await send("app/uninstalled", body)).result).toBe("processed");
    const [again] = await database.db.select().from(t.shops).where(eq(t.shops.id, shopId));
    expect(again?.uninstalledAt).toEqual(firstUninstall);
  });

  it("a delivery to the wrong route, a bad shop header or a GET are refused without writes", async () => {
    expect((await send("orders/create", orderPayload(ALICE_ORDER)).then(() => null)) ?? null).toBeNull();
    const wrongRoute = await handleWebhookRequest(
      { db: database.db, apiSecret: TEST_SECRET },
      signedWebhook("orders/paid", orderPayload(ALICE_ORDER), { shop }),
      "orders/create",
    );
    expect(await wrongRoute.json()).toEqual({ result: "dead_letter" });
    const badShop = signedWebhook("orders/create", orderPayload(ALICE_ORDER), { shop: "evil.example.com" });
    expect((await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, badShop, "orders/create")).status).toBe(400);
    const get = new Request("https://icr.example/webhooks/orders/create");
    expect((await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, get, "orders/create")).status).toBe(405);
  });

  /** A fresh shop with the same roster (alice + ALICE10, bob). */
  async function recreateRoster(domain: string): Promise<number> {
    const row = await ensureShop(database.db, domain);
    const alice = await createInfluencer(database.db, row.id, { handle: "alice" });
    aliceId = alice.id;
    await assignCode(database.db, row.id, { code: "ALICE10", influencerId: alice.id, origin: "adopted" });
    await createInfluencer(database.db, row.id, { handle: "bob" });
    return row.id;
  }
});

/** A snapshot without what differs between two shops by construction (ids, salts, hashes, event log). */
function comparable(state: Awaited<ReturnType<typeof shopSnapshot>>) {
  return {
    orders: state.orders.map(({ shopId: _s, customerIdHash: _c, customerEmailHash: _e, ...o }) => o),
    refunds: state.refunds.map(({ shopId: _s, ...r }) => r),
    attributions: state.attributions.map(({ shopId: _s, influencerId, evidence, overruled, ...a }) => ({
      ...a,
      influencer: influencerId ? "set" : null,
      evidence: evidence.map(({ influencerId: _i, ...e }) => e),
      overruled: overruled.length,
    })),
    rollups: state.rollups.map(({ shopId: _s, influencerId: _i, ...r }) => r),
  };
}
