import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../db.server";
import { listJobs } from "../models/jobs.server";
import { findShopByDomain } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { replay, type Step } from "../test-support/replay-transport";
import { AdminGateway } from "./admin-gateway.server";
import { onInstalled } from "./install.server";

const DOMAIN = "install-test.myshopify.com";

/** A gateway answering the install's own calls from recordings, then 401 (so the background backfill stops at once). */
function gatewayWith(steps: Step[]) {
  const r = replay([...steps, ...Array.from({ length: 5 }, () => ({ status: 401, body: "[API] Invalid API key or access token" }))]);
  const gateway = new AdminGateway({ shop: DOMAIN, accessToken: "shpat_test", transport: r.transport, sleep: async () => {}, now: () => 0 });
  return { gateway, requests: r.requests };
}

/** The import job once it stopped: an Admin API error leaves it unfinished (resumable) with `lastError`. */
async function backfillStopped(db: Database["db"], shopId: number) {
  for (let i = 0; i < 100; i++) {
    const [job] = await listJobs(db, shopId, { kind: "backfill", limit: 1 });
    if (job?.progress["lastError"]) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the backfill never started or never stopped");
}

describe.each(await testBackends())("onInstalled on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores the shop's locale, connects the web pixel with the shop's public key, and starts the import", async () => {
    const { gateway, requests } = gatewayWith(["shop-locale.json", "web-pixel-create.json"]);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await onInstalled(database.db, DOMAIN, "https://icr.example", async () => gateway);
    const shop = await findShopByDomain(database.db, DOMAIN);
    expect(shop).toMatchObject({ timezone: "America/New_York", currency: "USD" });
    const pixel = requests.find((r) => r.body?.query?.includes("webPixelCreate"));
    expect(JSON.parse(String(pixel?.body?.variables?.["webPixel"] && (pixel.body.variables["webPixel"] as { settings: string }).settings))).toEqual({
      shopPublicKey: shop!.publicKey,
      appUrl: "https://icr.example",
    });
    expect((await backfillStopped(database.db, shop!.id)).progress["lastError"]).toMatch(/HTTP 401/);
  });

  it("still installs and imports when Shopify refuses the pixel", async () => {
    const { gateway } = gatewayWith(["shop-locale.json", "web-pixel-create-invalid.json"]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await onInstalled(database.db, "refused-" + DOMAIN, "https://icr.example", async () => gateway);
    const shop = await findShopByDomain(database.db, "refused-" + DOMAIN);
    expect(shop?.timezone).toBe("America/New_York");
    expect(logged.mock.calls.some(([message]) => String(message).includes("web pixel"))).toBe(true);
    expect((await backfillStopped(database.db, shop!.id)).progress["lastError"]).toMatch(/HTTP 401/);
  });
});
