/**
 * The thin routes themselves, called as Remix calls them (loader/action with a real Request), on
 * the process-wide database the app opens from its environment (PGlite in a temporary folder).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAppProxyQuery } from "../services/app-proxy.server";
import { orderPayload } from "../test-support/shopify-payloads";
import { signedWebhook, TEST_SECRET } from "../test-support/webhook-requests";

const dataDir = mkdtempSync(join(tmpdir(), "icr-routes-"));
const SHOP = "routes.myshopify.com";

beforeAll(() => {
  process.env.SHOPIFY_API_KEY = "test-key";
  process.env.SHOPIFY_API_SECRET = TEST_SECRET;
  process.env.SHOPIFY_APP_URL = "https://icr.example";
  delete process.env.DATABASE_URL;
  process.env.ICR_DATA_DIR = dataDir;
});
afterAll(async () => {
  // Flush the click buffer, close the database, then remove its folder (the order a shutdown uses).
  const { redirectContext } = await import("../services/redirect-runtime.server");
  await (await redirectContext()).recorder.close();
  const { closeDb } = await import("../db.server");
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

type Args = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
const args = (request: Request, params: Record<string, string> = {}): Args => ({ request, params, context: {} });

describe("routes", () => {
  it("webhooks.orders.create: a signed delivery is processed, an unsigned one is 401", async () => {
    const { action } = await import("./webhooks.orders.create");
    const ok = await action(args(signedWebhook("orders/create", orderPayload({ id: 5_800_000_000_001 }), { shop: SHOP })));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ result: "processed" });
    const forged = await action(args(signedWebhook("orders/create", orderPayload({ id: 5_800_000_000_002 }), { shop: SHOP, secret: "wrong" })));
    expect(forged.status).toBe(401);
  });

  it("r.$slug: unknown slug is the friendly 404; a link redirects with UTM and icr_click", async () => {
    const { loader } = await import("./r.$slug");
    const missing = await loader(args(new Request("https://icr.example/r/nope"), { slug: "nope" }));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("This link isn't active");

    const { getDb } = await import("../db.server");
    const { ensureShop } = await import("../models/shops.server");
    const { createInfluencer } = await import("../models/influencers.server");
    const { createLink } = await import("../models/share-links.server");
    const db = await getDb();
    const shop = await ensureShop(db, SHOP);
    const alice = await createInfluencer(db, shop.id, { handle: "alice" });
    await createLink(db, shop.id, { slug: "alice-route", influencerId: alice.id, destination: "https://shop.example/", platform: "tiktok" });
    const found = await loader(args(new Request("https://icr.example/r/alice-route", { headers: { "user-agent": "Mozilla/5.0 (Macintosh)" } }), { slug: "alice-route" }));
    expect(found.status).toBe(302);
    expect(found.headers.get("location")).toMatch(/^https:\/\/shop\.example\/\?utm_source=tiktok&utm_medium=influencer&utm_content=alice&icr_click=c/);
  });

  it("proxy.r.$slug: verifies Shopify's signature before redirecting", async () => {
    const { loader } = await import("./proxy.r.$slug");
    const query = new URLSearchParams({ shop: SHOP, path_prefix: "/apps/icr", timestamp: String(Math.floor(Date.now() / 1000)) });
    const unsigned = await loader(args(new Request(`https://icr.example/proxy/r/alice-route?${query}`), { slug: "alice-route" }));
    expect(unsigned.status).toBe(401);
    query.set("signature", signAppProxyQuery(query, TEST_SECRET));
    const signed = await loader(
      args(new Request(`https://icr.example/proxy/r/alice-route?${query}`, { headers: { "x-forwarded-for": "198.51.100.4", "user-agent": "Mozilla/5.0" } }), { slug: "alice-route" }),
    );
    expect(signed.status).toBe(302);
    expect(signed.headers.get("location")).toContain("utm_content=alice");
  });
});
