import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db.server";
import { ensureShop } from "../models/shops.server";
import { requireAdmin } from "./admin-context.server";
import { DEMO_SHOP_DOMAIN } from "./demo-mode.server";

describe("requireAdmin in demo mode", () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), "icr-admin-context-"));
  beforeAll(() => {
    for (const key of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "DATABASE_URL"]) delete process.env[key];
    process.env.NODE_ENV = "test";
    process.env.ICR_DEMO = "1";
    process.env.ICR_DATA_DIR = dir;
  });
  // The shared database stays open until the worker exits (its shutdown hook closes it), so its
  // temporary folder is left to the OS rather than removed under it.
  afterAll(() => {
    process.env = saved;
  });

  it("answers 503 with what to do while the demo shop is not seeded", async () => {
    const error = await requireAdmin(new Request("http://127.0.0.1:3000/app")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(503);
    expect(await (error as Response).text()).toMatch(/npm run demo/);
  });

  it("returns the demo shop, the request's origin and a gateway answered locally", async () => {
    await ensureShop(await getDb(), DEMO_SHOP_DOMAIN);
    const context = await requireAdmin(new Request("http://127.0.0.1:4321/app/settings"));
    expect(context).toMatchObject({ demo: true, appUrl: "http://127.0.0.1:4321", shop: { domain: DEMO_SHOP_DOMAIN } });
    expect(await context.gateway.findDiscountCode("SUMMER15")).toMatchObject({ code: "SUMMER15" });
  });

  it("refuses every request once Shopify credentials appear or NODE_ENV is production", async () => {
    process.env.SHOPIFY_API_KEY = "a-real-client-id";
    await expect(requireAdmin(new Request("http://127.0.0.1:3000/app"))).rejects.toThrow(/refuses to start: SHOPIFY_API_KEY is set/);
    delete process.env.SHOPIFY_API_KEY;
    process.env.NODE_ENV = "production";
    await expect(requireAdmin(new Request("http://127.0.0.1:3000/app"))).rejects.toThrow(/NODE_ENV is production/);
    process.env.NODE_ENV = "test";
  });
});
