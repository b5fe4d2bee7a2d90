import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { invalidInputOf } from "./test-invalid-input.js";
import { normalizeWebhookOrder } from "./normalize-webhook-order.js";
import { damagedJson } from "./test-json-fuzz.js";
import type { Order } from "./types.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;
const created = fixture("webhook-orders-create.json");
const refunded = fixture("webhook-orders-updated-refunded.json");

const errorOf = (payload: unknown): InvalidInputError => invalidInputOf(() => normalizeWebhookOrder(payload));

describe("normalizeWebhookOrder", () => {
  it("reads a recorded orders/create payload", () => {
    expect(normalizeWebhookOrder(created)).toEqual<Order>({
      id: "5912840577311",
      name: "#1042",
      createdAt: Date.parse("2026-03-14T13:42:17Z"),
      updatedAt: Date.parse("2026-03-14T13:42:19Z"),
      currency: "USD",
      subtotal: 4050,
      test: false,
      cancelled: false,
      refunded: false,
      customerId: "7403191812383",
      customerEmail: "dana.reyes@example.com",
      customerType: "new",
      country: "US",
      device: "mobile",
      products: ["8803416473887", "8803416506655"],
      discountCodes: ["ALICE10"],
      clickIds: ["c_01HZX8MGZD"],
      visits: [
        {
          source: "landing_site",
          utm: { source: "instagram", medium: "influencer", campaign: "spring-drop", content: "alice" },
          clickId: "c_01HZX8MGZD",
        },
        { source: "pixel", utm: { source: "instagram", medium: "influencer", campaign: "spring-drop", content: "alice" } },
      ],
    });
  });

  it("reads a fully refunded order from its refunds, whatever financial_status says", () => {
    expect(normalizeWebhookOrder(refunded)).toMatchObject({
      id: "5912846934303",
      currency: "EUR",
      subtotal: 0,
      refunded: true,
      customerEmail: undefined,
      customerType: "returning",
      country: "DE",
      device: "desktop",
      products: ["8803420012575"],
      visits: [],
    });
  });

  it("is not refunded by a partial refund, whose revenue is the current subtotal", () => {
    const partial = { ...refunded, current_subtotal_price: "29.95", current_subtotal_price_set: null, refunds: [halfRefund()] };
    expect(normalizeWebhookOrder(partial)).toMatchObject({ subtotal: 2995, refunded: false });
  });

  it("falls back to subtotal_price minus refunded items when current_subtotal_price is absent", () => {
    const old = { ...refunded, current_subtotal_price: undefined, current_subtotal_price_set: undefined, refunds: [halfRefund()] };
    expect(normalizeWebhookOrder(old)).toMatchObject({ subtotal: 2995, refunded: false });
  });

  it.each([
    ["financial_status refunded", { financial_status: "refunded" }, { refunded: true }],
    ["test", { test: true }, { test: true }],
    ["cancelled_at", { cancelled_at: "2026-03-15T10:00:00-04:00" }, { cancelled: true }],
    ["orders_count above 1", { customer: { id: 1, orders_count: 4 } }, { customerType: "returning", customerId: "1" }],
    ["no customer: the order's email", { customer: null, email: "X@Y.com" }, { customerEmail: "x@y.com", customerId: undefined }],
    ["no billing address: the shipping country", { billing_address: null }, { country: "US" }],
    ["no name: the order number", { name: null }, { name: "#1042" }],
    ["landing_site_ref as the referral code", { landing_site: "/", landing_site_ref: "Alice", note_attributes: [] }, { visits: [expect.objectContaining({ source: "landing_site", referralCode: "alice" })] }],
    ["id as a number only", { admin_graphql_api_id: undefined }, { id: "5912840577311" }],
    ["a currency in lower case", { currency: "usd" }, { currency: "USD" }],
    ["JPY amounts without decimals", { currency: "JPY", current_subtotal_price: "4050", subtotal_price: "4050" }, { subtotal: 4050 }],
  ])("reads %s", (_label, patch, expected) => {
    expect(normalizeWebhookOrder({ ...created, ...patch })).toMatchObject(expected);
  });

  it("treats the nulls Shopify sends as absent", () => {
    const sparse = {
      id: 1,
      created_at: "2026-03-14T09:42:17-04:00",
      currency: "USD",
      current_subtotal_price: "1.00",
      test: null,
      customer: null,
      discount_codes: null,
      note_attributes: null,
      line_items: null,
      refunds: null,
      landing_site: null,
      client_details: null,
      billing_address: null,
      shipping_address: null,
    };
    expect(normalizeWebhookOrder(sparse)).toMatchObject({ id: "1", name: "#1", test: false, products: [], discountCodes: [], clickIds: [], visits: [], device: undefined });
  });

  it.each<[string, unknown, string]>([
    ["a non-object", [], ""],
    ["a missing id", { ...created, id: null, admin_graphql_api_id: null }, "id"],
    ["a bad created_at", { ...created, created_at: "14/03/2026" }, "created_at"],
    ["a missing currency", { ...created, currency: null, current_subtotal_price_set: null }, "currency"],
    ["a bad currency", { ...created, currency: "US Dollar" }, "currency"],
    ["an unreadable subtotal", { ...created, current_subtotal_price: "forty" }, "current_subtotal_price"],
    ["more decimals than the currency has", { ...created, current_subtotal_price: "40.505" }, "current_subtotal_price"],
    ["a negative subtotal", { ...created, current_subtotal_price: "-1.00" }, "current_subtotal_price"],
    ["no subtotal at all", { ...created, current_subtotal_price: null, current_subtotal_price_set: null, subtotal_price: null, subtotal_price_set: null }, "current_subtotal_price"],
    ["a code that is not text", { ...created, discount_codes: [{ code: "A" }, { code: 10 }] }, "discount_codes[1].code"],
    ["a discount entry that is not an object", { ...created, discount_codes: ["ALICE10"] }, "discount_codes[0]"],
    ["a bad product id", { ...created, line_items: [{ product_id: "tee" }] }, "line_items[0].product_id"],
    ["a note attribute value that is an object", { ...created, note_attributes: [{ name: "_icr_click", value: {} }] }, "note_attributes[0].value"],
    ["test that is not a boolean", { ...created, test: "false" }, "test"],
    ["a refund amount that is not money", { ...refunded, refunds: [{ refund_line_items: [{ subtotal: "lots" }] }] }, "refunds[0].refund_line_items[0].subtotal"],
  ])("rejects %s, naming the field", (_label, payload, path) => {
    const error = errorOf(payload);
    expect(error.path ?? "").toBe(path);
  });

  it("never crashes on damaged payloads: an Order or an InvalidInputError", () => {
    fc.assert(
      fc.property(fc.oneof(damagedJson(created), damagedJson(refunded), fc.jsonValue({ maxDepth: 3 })), (payload) => {
        try {
          const o = normalizeWebhookOrder(payload);
          expect(typeof o.id).toBe("string");
          expect(Number.isSafeInteger(o.subtotal) && o.subtotal >= 0).toBe(true);
          expect(Number.isFinite(o.createdAt)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

function halfRefund() {
  return {
    id: 1,
    refund_line_items: [{ quantity: 1, subtotal: 29.95, subtotal_set: { shop_money: { amount: "29.95", currency_code: "EUR" } } }],
  };
}
