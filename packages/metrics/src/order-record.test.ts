import { describe, expect, it } from "vitest";
import { EMPTY_LIST, orderRecord, utmRecord, visitRecord } from "./order-record.js";
import { parseLandingUrl } from "./parse-utm.js";

describe("orderRecord", () => {
  it("gives every order the same properties in the same order, absent ones undefined", () => {
    const o = orderRecord({
      id: "1", name: "#1", createdAt: 0, updatedAt: 0, currency: "USD", subtotal: 0, test: false, cancelled: false, refunded: false,
      products: [], discountCodes: [], clickIds: [], visits: [],
    });
    expect(Object.keys(o)).toEqual([
      "id", "goal", "name", "createdAt", "updatedAt", "currency", "subtotal", "test", "cancelled", "refunded", "customerId",
      "customerEmail", "customerType", "country", "device", "products", "discountCodes", "clickIds", "visits",
    ]);
    expect(o.customerId).toBeUndefined();
  });

  it("shares one frozen empty list for every empty list, and keeps non-empty ones", () => {
    const o = orderRecord({
      id: "1", name: "#1", createdAt: 0, updatedAt: 0, currency: "USD", subtotal: 0, test: false, cancelled: false, refunded: false,
      products: ["p"], discountCodes: [], clickIds: [], visits: [],
    });
    expect(o.products).toEqual(["p"]);
    expect(o.discountCodes).toBe(EMPTY_LIST);
    expect(o.visits).toBe(EMPTY_LIST);
    expect(Object.isFrozen(EMPTY_LIST)).toBe(true);
    expect(() => o.clickIds.push("c1")).toThrow(TypeError);
  });
});

describe("visitRecord", () => {
  it("returns undefined when the URL names nobody", () => {
    expect(visitRecord("landing_site", undefined, parseLandingUrl("/?utm_source=ig&utm_campaign=x"))).toBeUndefined();
  });

  it.each(["/?utm_content=alice", "/?icr_click=c1", "/?ref=alice"])("keeps a visit with evidence: %s", (url) => {
    const visit = visitRecord("first_visit", 5, parseLandingUrl(url));
    expect(Object.keys(visit ?? {})).toEqual(["source", "at", "utm", "clickId", "referralCode"]);
    expect(visit?.at).toBe(5);
  });
});

describe("utmRecord", () => {
  it("fixes the five properties' order", () => {
    expect(Object.keys(utmRecord({ content: "a", source: "b" }))).toEqual(["source", "medium", "campaign", "content", "term"]);
  });
});
