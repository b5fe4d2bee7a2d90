import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { insertClicks } from "../models/clicks.server";
import { assignCode, findCode } from "../models/discount-codes.server";
import { createInfluencer } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { createLink } from "../models/share-links.server";
import { ensureShop } from "../models/shops.server";
import { replay } from "../test-support/replay-transport";
import { orderPayload } from "../test-support/shopify-payloads";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { signedWebhook, TEST_SECRET } from "../test-support/webhook-requests";
import { AdminGateway } from "./admin-gateway.server";
import { importEngagements } from "./engagements.server";
import {
  addInfluencer,
  addShareLink,
  adoptInfluencerCode,
  changeAttributionSettings,
  createInfluencerCode,
  editShareLink,
  unassignCode,
} from "./roster.server";
import { loadShopContextById, type ShopContext } from "./shop-context.server";
import { handleWebhookRequest } from "./webhooks.server";

describe.each(await testBackends())("roster changes re-attribute on $name", (backend) => {
  let database: Database;
  let counter = 0;
  let domain: string;
  let shop: ShopContext;
  let aliceId: string;
  let bobId: string;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    domain = `roster-${backend.name}-${++counter}.myshopify.com`;
    const row = await ensureShop(database.db, domain);
    aliceId = (await createInfluencer(database.db, row.id, { handle: "alice" })).id;
    bobId = (await createInfluencer(database.db, row.id, { handle: "bob" })).id;
    await assignCode(database.db, row.id, { code: "ALICE10", influencerId: aliceId, origin: "adopted" });
    const loaded = await loadShopContextById(database.db, row.id);
    if (!loaded) throw new Error("shop missing");
    shop = loaded;
  });

  async function order(payload: Record<string, unknown>) {
    const response = await handleWebhookRequest({ db: database.db, apiSecret: TEST_SECRET }, signedWebhook("orders/create", payload, { shop: domain }), "orders/create");
    expect(response.status).toBe(200);
  }
  async function creditedTo() {
    const rows = await listRollups(database.db, shop.id, { dimension: "" });
    return Object.fromEntries(rows.map((r) => [r.influencerId === aliceId ? "alice" : r.influencerId === bobId ? "bob" : r.influencerId, r.purchase]));
  }
  function gateway(steps: string[]) {
    return new AdminGateway({ shop: domain, accessToken: "x", transport: replay(steps).transport, sleep: async () => {}, now: () => 0 });
  }

  it("adopting an existing Shopify code credits the orders that already used it; unassigning takes it back", async () => {
    await order(orderPayload({ id: 5_700_000_000_001, codes: ["summer15"] }));
    expect(await creditedTo()).toEqual({});
    const adopted = await adoptInfluencerCode(database.db, gateway(["code-discount-node-by-code.json"]), shop, { influencerId: bobId, code: "SUMMER15" });
    expect(adopted.code).toMatchObject({ code: "Summer15", origin: "adopted", shopifyId: "gid://shopify/DiscountCodeNode/1057371202" });
    expect(adopted.reattribution).toMatchObject({ orders: 1, changed: 1 });
    expect(await creditedTo()).toEqual({ bob: { code: 1, link: 0, utm: 0 } });
    await unassignCode(database.db, shop, "summer15");
    expect(await creditedTo()).toEqual({});
  });

  it("adopting a code Shopify does not know is refused and stores nothing", async () => {
    await expect(adoptInfluencerCode(database.db, gateway(["code-discount-node-by-code-missing.json"]), shop, { influencerId: bobId, code: "NOPE" })).rejects.toThrow(/no discount/);
    expect(await findCode(database.db, shop.id, "NOPE")).toBeNull();
  });

  it("creating a code in Shopify stores it with its discount id", async () => {
    const created = await createInfluencerCode(database.db, gateway(["discount-code-basic-create.json"]), shop, { influencerId: aliceId, code: "ALICE10", percentage: 0.1 });
    expect(created.code).toMatchObject({ code: "ALICE10", origin: "created", shopifyId: "gid://shopify/DiscountCodeNode/1057371201" });
  });

  it("a new influencer is credited for UTM evidence already stored", async () => {
    await order(orderPayload({ id: 5_700_000_000_002, landingSite: "/products/tee?utm_source=tiktok&utm_medium=influencer&utm_content=carol" }));
    const { influencer, reattribution } = await addInfluencer(database.db, shop, { handle: "Carol", email: "Carol+shop@Example.com" });
    expect(influencer.handle).toBe("carol");
    expect(influencer.email).toMatch(/^[0-9a-f]{64}$/);
    expect(reattribution.changed).toBe(1);
    const [row] = await listRollups(database.db, shop.id, { dimension: "" });
    expect(row).toMatchObject({ influencerId: influencer.id, purchase: { utm: 1 } });
  });

  it("a settings change re-attributes every order and moves the rollups (precedence link > code)", async () => {
    const link = await createLink(database.db, shop.id, { slug: `bob-${backend.name}-${counter}`, influencerId: bobId, destination: "https://shop.example/" });
    await insertClicks(database.db, shop.id, [
      { id: `cB${counter}${backend.name}`, at: Date.parse("2026-03-09T12:00:00Z"), link: link.slug, linkId: link.id, influencerId: bobId, visitor: "v", method: "GET", bot: false, counted: true },
    ]);
    await order(orderPayload({ id: 5_700_000_000_003, codes: ["ALICE10"], clickId: `cB${counter}${backend.name}` }));
    expect(await creditedTo()).toEqual({ alice: { code: 1, link: 0, utm: 0 } });
    expect((await shopSnapshot(database.db, shop.id)).attributions[0]?.overruled).toHaveLength(1);
    const { reattribution } = await changeAttributionSettings(database.db, shop, { precedence: ["link", "code", "utm"] });
    expect(reattribution).toMatchObject({ orders: 1, changed: 1 });
    expect(await creditedTo()).toEqual({ bob: { code: 0, link: 1, utm: 0 } });
  });

  it("invalid settings are refused before anything is written", async () => {
    await expect(changeAttributionSettings(database.db, shop, { windowDays: 0 })).rejects.toBeInstanceOf(RangeError);
    expect((await shopSnapshot(database.db, shop.id)).events).toEqual([]);
  });

  it("share links get a readable unique slug; a bad destination is refused", async () => {
    const link = await addShareLink(database.db, shop, { influencerId: aliceId, destination: "https://shop.example/products/tee", platform: "Instagram", campaign: "Spring" });
    expect(link.slug).toMatch(/^alice-instagram-[a-z0-9]{1,5}$/);
    expect(link).toMatchObject({ platform: "instagram", campaign: "spring" });
    await expect(addShareLink(database.db, shop, { influencerId: aliceId, destination: "javascript:alert(1)" })).rejects.toBeInstanceOf(RangeError);
    await expect(addShareLink(database.db, shop, { influencerId: aliceId, destination: "/relative" })).rejects.toBeInstanceOf(RangeError);
    const edited = await editShareLink(database.db, shop, link.id, { destination: "https://shop.example/sale" });
    expect(edited?.link.destination).toBe("https://shop.example/sale");
    expect(await editShareLink(database.db, shop, "00000000-0000-0000-0000-000000000000", { destination: "https://x.example/" })).toBeNull();
  });

  it("engagement imports replace a day's count and roll up the difference, all or nothing", async () => {
    await importEngagements(database.db, shop, [{ day: "2026-03-01", influencerId: aliceId, campaign: "spring", count: 120 }]);
    await importEngagements(database.db, shop, [{ day: "2026-03-01", influencerId: aliceId, campaign: "spring", count: 150 }]);
    expect((await listRollups(database.db, shop.id))[0]).toMatchObject({ engagements: 150 });
    await expect(
      importEngagements(database.db, shop, [
        { day: "2026-03-02", influencerId: aliceId, count: 10 },
        { day: "2026-03-02", influencerId: "someone-else", count: 10 },
      ]),
    ).rejects.toThrow(/row 2/);
    expect(await listRollups(database.db, shop.id)).toHaveLength(1);
  });
});
