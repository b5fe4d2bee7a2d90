import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "./errors.js";
import { invalidInputOf } from "./test-invalid-input.js";
import { assembleBulkOrders, normalizeGraphqlOrder } from "./normalize-graphql-order.js";
import { normalizeWebhookOrder } from "./normalize-webhook-order.js";
import { damagedJson } from "./test-json-fuzz.js";
import type { Order } from "./types.js";

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const node = (JSON.parse(read("graphql-order.json")) as { data: { order: Record<string, unknown> } }).data.order;
const bulkLines = read("graphql-bulk-orders.jsonl").split("\n");

const errorOf = invalidInputOf;

describe("normalizeGraphqlOrder", () => {
  it("reads a recorded Order node, journey visits included", () => {
    expect(normalizeGraphqlOrder(node)).toEqual<Order>({
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
      products: ["8803416473887", "8803416506655"],
      discountCodes: ["ALICE10"],
      clickIds: ["c_01HZX8MGZD"],
      visits: [
        {
          source: "first_visit",
          at: Date.parse("2026-03-08T20:11:02Z"),
          utm: { source: "tiktok", medium: "influencer", campaign: "spring-drop", content: "bob" },
          clickId: "c_01HZQ3V0B1",
        },
        {
          // utmParameters is null here: the values come from the landing page.
          source: "last_visit",
          at: Date.parse("2026-03-14T13:30:41Z"),
          utm: { source: "instagram", medium: "influencer", campaign: "spring-drop", content: "alice" },
          clickId: "c_01HZX8MGZD",
        },
      ],
    });
  });

  it("gives the same ids, money and evidence as the webhook for the same order", () => {
    const webhook = normalizeWebhookOrder(JSON.parse(read("webhook-orders-create.json")));
    const graphql = normalizeGraphqlOrder(node);
    for (const key of ["id", "name", "createdAt", "currency", "subtotal", "customerId", "customerEmail", "country", "products", "discountCodes", "clickIds"] as const) {
      expect(graphql[key]).toEqual(webhook[key]);
    }
  });

  it.each([
    ["REFUNDED", { displayFinancialStatus: "REFUNDED" }, { refunded: true }],
    ["PARTIALLY_REFUNDED", { displayFinancialStatus: "PARTIALLY_REFUNDED" }, { refunded: false }],
    ["cancelledAt", { cancelledAt: "2026-03-15T00:00:00Z" }, { cancelled: true }],
    ["test", { test: true }, { test: true }],
    ["numberOfOrders as a number", { customer: { id: "gid://shopify/Customer/5", numberOfOrders: 7 } }, { customerType: "returning", customerId: "5" }],
    ["the legacy customer email", { customer: { id: "gid://shopify/Customer/5", email: "A@B.co" } }, { customerEmail: "a@b.co" }],
    ["no customer: the order email", { customer: null }, { customerEmail: "dana.reyes@example.com", customerId: undefined, customerType: undefined }],
    ["line items as edges", { lineItems: { edges: [{ node: { product: { id: "gid://shopify/Product/9" } } }] } }, { products: ["9"] }],
    ["subtotalPriceSet when currentSubtotalPriceSet is absent", { currentSubtotalPriceSet: null, subtotalPriceSet: { shopMoney: { amount: "12.00", currencyCode: "CAD" } } }, { subtotal: 1200, currency: "CAD" }],
    ["a referral code", { customerJourneySummary: { lastVisit: { occurredAt: "2026-03-14T13:30:41Z", landingPage: "/", referralCode: "Bob", utmParameters: null } } }, { visits: [expect.objectContaining({ referralCode: "bob" })] }],
    ["a journey not ready yet", { customerJourneySummary: { ready: false, firstVisit: null, lastVisit: null } }, { visits: [] }],
  ])("reads %s", (_label, patch, expected) => {
    expect(normalizeGraphqlOrder({ ...node, ...patch })).toMatchObject(expected);
  });

  it.each<[string, unknown, string]>([
    ["a non-object", "order", ""],
    ["a missing id", { ...node, id: null }, "id"],
    ["a missing subtotal", { ...node, currentSubtotalPriceSet: null }, "currentSubtotalPriceSet"],
    ["a bad amount", { ...node, currentSubtotalPriceSet: { shopMoney: { amount: "1,50", currencyCode: "USD" } } }, "currentSubtotalPriceSet.shopMoney.amount"],
    ["a code that is not text", { ...node, discountCodes: ["A", 7] }, "discountCodes[1]"],
    ["a bad visit time", { ...node, customerJourneySummary: { firstVisit: { occurredAt: "soon" } } }, "customerJourneySummary.firstVisit.occurredAt"],
    ["a bad customer count", { ...node, customer: { id: "gid://shopify/Customer/5", numberOfOrders: "many" } }, "customer.numberOfOrders"],
    ["a bad product id", { ...node, lineItems: { nodes: [{ product: { id: "tee" } }] } }, "lineItems.nodes[0].product.id"],
  ])("rejects %s, naming the field", (_label, value, path) => {
    expect(errorOf(() => normalizeGraphqlOrder(value)).path ?? "").toBe(path);
  });

  it("never crashes on damaged nodes: an Order or an InvalidInputError", () => {
    fc.assert(
      fc.property(fc.oneof(damagedJson(node), fc.jsonValue({ maxDepth: 3 })), (value) => {
        try {
          const o = normalizeGraphqlOrder(value);
          expect(Number.isSafeInteger(o.subtotal) && o.subtotal >= 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("assembleBulkOrders", () => {
  it("joins child line items to their orders wherever they appear", () => {
    const orders = assembleBulkOrders(bulkLines);
    expect(orders.map((o) => [o.name, o.products])).toEqual([
      ["#1042", ["8803416473887", "8803416506655"]],
      ["#1043", ["8803420012575"]],
      ["#1044", []],
    ]);
    expect(orders[1]).toMatchObject({ refunded: true, subtotal: 0, currency: "EUR", customerType: "returning", country: "DE" });
    expect(orders[2]).toMatchObject({ test: true, cancelled: true, discountCodes: ["BOB10"] });
  });

  it("accepts parsed lines as well as text, and does not depend on the order of child lines", () => {
    const parsed = bulkLines.filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as unknown);
    const childrenFirst = [...parsed.filter((l) => JSON.stringify(l).includes("__parentId")), ...parsed.filter((l) => !JSON.stringify(l).includes("__parentId"))];
    expect(assembleBulkOrders(childrenFirst)).toEqual(assembleBulkOrders(bulkLines));
  });

  it("returns [] for no lines and ignores children of other connections", () => {
    expect(assembleBulkOrders([])).toEqual([]);
    const other = '{"id":"gid://shopify/Fulfillment/1","__parentId":"gid://shopify/Order/404"}';
    expect(assembleBulkOrders([bulkLines[0], other])).toHaveLength(1);
  });

  it.each<[string, unknown[], number, string | undefined]>([
    ["unparsable JSON", [bulkLines[0], "{oops"], 2, undefined],
    ["a line that is not an object", [bulkLines[0], "[1,2]"], 2, undefined],
    ["an orphan line item", ['{"id":"gid://shopify/LineItem/1","__parentId":"gid://shopify/Order/404"}'], 1, "__parentId"],
    ["an order twice", [bulkLines[0], bulkLines[0]], 2, "id"],
    ["a bad order, reported at its line", [bulkLines[0], bulkLines[1], '{"id":"gid://shopify/Order/9","createdAt":"never"}'], 3, "createdAt"],
  ])("rejects %s, naming the line", (_label, lines, line, path) => {
    const error = errorOf(() => assembleBulkOrders(lines));
    expect(error.line).toBe(line);
    expect(error.path).toBe(path);
  });
});
