import { describe, expect, it } from "vitest";
import { fixture, replay } from "../test-support/replay-transport";
import { AdminApiError, AdminGateway } from "./admin-gateway.server";

function gateway(steps: Parameters<typeof replay>[0]) {
  const r = replay(steps);
  const sleeps: number[] = [];
  let now = 0;
  const g = new AdminGateway({
    shop: "demo.myshopify.com",
    accessToken: "shpat_test",
    transport: r.transport,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
  });
  return { g, requests: r.requests, sleeps };
}

describe("AdminGateway", () => {
  it("posts to the 2026-07 endpoint with the access token and returns data", async () => {
    const { g, requests } = gateway(["shop-locale.json"]);
    expect(await g.shopLocale()).toEqual({ ianaTimezone: "America/New_York", currencyCode: "USD" });
    expect(requests[0]?.url).toBe("https://demo.myshopify.com/admin/api/2026-07/graphql.json");
  });

  it("retries a THROTTLED response after waiting for the bucket to refill", async () => {
    const { g, requests, sleeps } = gateway(["throttled.json", "shop-locale.json"]);
    await g.shopLocale();
    expect(requests).toHaveLength(2);
    // Throttled with 118 of the 202 points needed at 100/s: at least 0.84 s, per the cost extension.
    expect(sleeps.some((ms) => ms >= 840)).toBe(true);
  });

  it("retries 429 (honouring Retry-After), 5xx and network errors, then succeeds", async () => {
    const { g, sleeps } = gateway([
      { status: 429, headers: { "retry-after": "2" } },
      { status: 502, body: "bad gateway" },
      new Error("ECONNRESET"),
      "shop-locale.json",
    ]);
    expect((await g.shopLocale()).currencyCode).toBe("USD");
    expect(sleeps[0]).toBe(2000);
    expect(sleeps).toHaveLength(3);
  });

  it("gives up after maxRetries with a retryable AdminApiError", async () => {
    const r = replay(Array.from({ length: 3 }, () => ({ status: 503 })));
    const g = new AdminGateway({ shop: "demo.myshopify.com", accessToken: "x", transport: r.transport, maxRetries: 2, sleep: async () => {}, now: () => 0 });
    await expect(g.shopLocale()).rejects.toMatchObject({ name: "AdminApiError", details: { status: 503, retryable: true } });
  });

  it("does not retry a 401 or GraphQL errors", async () => {
    const { g, requests } = gateway([{ status: 401, body: "[API] Invalid API key or access token" }]);
    await expect(g.shopLocale()).rejects.toThrow(/HTTP 401/);
    expect(requests).toHaveLength(1);
    const second = gateway([{ status: 200, body: JSON.stringify({ errors: [{ message: "Field 'nope' doesn't exist on type 'Shop'" }] }) }]);
    await expect(second.g.shopLocale()).rejects.toThrow(/doesn't exist/);
  });

  it("waits before a request the bucket cannot afford", async () => {
    const { g, sleeps } = gateway([
      { status: 200, body: fixture("shop-locale.json").replace('"currentlyAvailable":1999', '"currentlyAvailable":0') },
      "shop-locale.json",
    ]);
    await g.shopLocale();
    await g.shopLocale();
    // The first response said the bucket is empty and the query costs 1 point: 10 ms at 100 points/s.
    expect(sleeps).toEqual([10]);
  });

  it("runs a bulk orders query with the journey, codes and attributes fields", async () => {
    const { g, requests } = gateway(["bulk-operation-run.json"]);
    const op = await g.runBulkOrdersQuery(new Date("2025-01-01T00:00:00Z"));
    expect(op).toMatchObject({ id: "gid://shopify/BulkOperation/720918", status: "CREATED", objectCount: 0 });
    const query = String(requests[0]?.body?.variables?.["query"]);
    for (const field of ["discountCodes", "customAttributes", "customerJourneySummary", "utmParameters", "lineItems", "created_at:>='2025-01-01T00:00:00.000Z'"]) {
      expect(query).toContain(field);
    }
  });

  it("reports bulkOperationRunQuery user errors", async () => {
    const { g } = gateway(["bulk-operation-run-in-progress.json"]);
    await expect(g.runBulkOrdersQuery()).rejects.toThrow(/already in progress/);
  });

  it("polls a bulk operation by id and reads objectCount (an UnsignedInt64 string)", async () => {
    const { g } = gateway(["bulk-operation-running.json", "bulk-operation-completed.json"]);
    expect(await g.bulkOperation("gid://shopify/BulkOperation/720918")).toMatchObject({ status: "RUNNING", objectCount: 3, url: null });
    const done = await g.bulkOperation("gid://shopify/BulkOperation/720918");
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: 13 });
    expect(done.url).toMatch(/^https:\/\/storage\.googleapis\.com\//);
  });

  it("streams a bulk JSONL file line by line", async () => {
    const { g } = gateway([() => new Response(fixture("bulk-orders.jsonl"))]);
    const lines: string[] = [];
    for await (const line of g.bulkLines("https://storage.example/result.jsonl")) lines.push(line);
    expect(lines).toHaveLength(13);
    expect(JSON.parse(lines[1] ?? "{}")).toHaveProperty("__parentId", "gid://shopify/Order/5600000001");
  });

  it("creates a discount code and surfaces Shopify's user errors", async () => {
    const { g, requests } = gateway(["discount-code-basic-create.json", "discount-code-basic-create-taken.json"]);
    const created = await g.createDiscountCode({ code: "ALICE10", title: "alice: 10% off", percentage: 0.1, startsAt: new Date("2026-03-01T00:00:00Z") });
    expect(created).toEqual({ id: "gid://shopify/DiscountCodeNode/1057371201", code: "ALICE10" });
    expect(requests[0]?.body?.variables?.["basicCodeDiscount"]).toMatchObject({
      code: "ALICE10",
      context: { all: "ALL" },
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    });
    await expect(g.createDiscountCode({ code: "ALICE10", title: "t", percentage: 0.1, startsAt: new Date() })).rejects.toThrow(/Code must be unique/);
  });

  it("connects the web pixel: creates it, or updates the existing one when Shopify says it is taken", async () => {
    const settings = { shopPublicKey: "9f2c41aa", appUrl: "https://icr.example" };
    const fresh = gateway(["web-pixel-create.json"]);
    expect(await fresh.g.connectWebPixel(settings)).toEqual({ id: "gid://shopify/WebPixel/8821342" });
    // Shopify wants the settings as a JSON string matching the extension's settings definition.
    expect(fresh.requests[0]?.body?.variables).toEqual({ webPixel: { settings: JSON.stringify(settings) } });

    const again = gateway(["web-pixel-create-taken.json", "web-pixel.json", "web-pixel-update.json"]);
    expect(await again.g.connectWebPixel(settings)).toEqual({ id: "gid://shopify/WebPixel/8821342" });
    expect(again.requests[2]?.body?.variables).toEqual({ id: "gid://shopify/WebPixel/8821342", webPixel: { settings: JSON.stringify(settings) } });

    const invalid = gateway(["web-pixel-create-invalid.json"]);
    await expect(invalid.g.connectWebPixel({ shopPublicKey: "x", appUrl: "h" })).rejects.toThrow(/web pixel not connected: Settings are invalid/);
  });

  it("refuses a percentage outside (0, 1] before calling Shopify", async () => {
    const { g, requests } = gateway([]);
    await expect(g.createDiscountCode({ code: "X", title: "t", percentage: 10, startsAt: new Date() })).rejects.toBeInstanceOf(AdminApiError);
    expect(requests).toHaveLength(0);
  });

  it("finds a code discount by code, or null", async () => {
    const { g } = gateway(["code-discount-node-by-code.json", "code-discount-node-by-code-missing.json"]);
    expect(await g.findDiscountCode("summer15")).toEqual({ id: "gid://shopify/DiscountCodeNode/1057371202", code: "Summer15" });
    expect(await g.findDiscountCode("NOPE")).toBeNull();
  });

  it("pages orders updated since a time", async () => {
    const { g, requests } = gateway(["orders-updated-since.json"]);
    const page = await g.ordersUpdatedSince(new Date("2026-03-07T00:00:00Z"), null);
    expect(page.nodes).toHaveLength(2);
    expect(page.next).toBeNull();
    expect(requests[0]?.body?.variables).toMatchObject({ query: "updated_at:>='2026-03-07T00:00:00.000Z'", after: null });
  });
});
