import { describe, expect, it } from "vitest";
import { AdminApiError, AdminGateway } from "./admin-gateway.server";
import { demoAdminTransport } from "./demo-admin-api.server";

function gateway() {
  return new AdminGateway({ shop: "icr-demo.myshopify.com", accessToken: "demo", transport: demoAdminTransport(), now: () => 0, sleep: async () => {} });
}

describe("demo Admin API", () => {
  it("answers the shop's locale", async () => {
    expect(await gateway().shopLocale()).toEqual({ ianaTimezone: "America/New_York", currencyCode: "USD" });
  });

  it("creates a code once and refuses it the second time with Shopify's user error", async () => {
    const g = gateway();
    const created = await g.createDiscountCode({ code: "NEWCODE10", title: "t", percentage: 0.1, startsAt: new Date(0) });
    expect(created).toMatchObject({ code: "NEWCODE10" });
    expect(created.id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    await expect(g.createDiscountCode({ code: "newcode10", title: "t", percentage: 0.1, startsAt: new Date(0) })).rejects.toThrow(/Code must be unique/);
    expect(await g.findDiscountCode("newcode10")).toEqual(created);
  });

  it("finds the shop's existing discounts to adopt, and nothing else", async () => {
    const g = gateway();
    expect(await g.findDiscountCode("summer15")).toMatchObject({ code: "SUMMER15" });
    expect(await g.findDiscountCode("NOPE")).toBeNull();
  });

  it("completes a history export at once, empty", async () => {
    const g = gateway();
    const op = await g.runBulkOrdersQuery();
    expect(op.status).toBe("CREATED");
    expect(await g.bulkOperation(op.id)).toMatchObject({ status: "COMPLETED", objectCount: 0, url: null });
  });

  it("says clearly when a call is not available in the demo", async () => {
    await expect(gateway().graphql("{ products(first: 1) { nodes { id } } }")).rejects.toBeInstanceOf(AdminApiError);
    await expect(gateway().graphql("{ products(first: 1) { nodes { id } } }")).rejects.toThrow(/not available in the ICR demo/);
  });
});
