import { describe, expect, it } from "vitest";
import type { Attribution } from "@icr/metrics";
import { toReceipts } from "./portal-receipts.server";

const ORDER_AT = Date.parse("2026-03-01T15:00:00Z");
const base: Attribution = {
  orderId: "1001",
  orderName: "#1001",
  goal: "purchase",
  createdAt: ORDER_AT,
  status: "attributed",
  excludedReason: null,
  influencerId: "alice",
  campaign: "spring",
  rule: "code",
  evidence: [{ rule: "code", influencerId: "alice", campaign: "spring", value: "ALICE10", source: "discount_codes" }],
  overruled: [
    { rule: "link", influencerId: "bob", campaign: null, value: "cBOBCLICK", source: "note_attributes", link: "bob-tiktok", at: ORDER_AT - 2 * 86_400_000 },
    { rule: "utm", influencerId: "alice", campaign: null, value: "alice", source: "landing_site" },
  ],
  expired: [{ rule: "code", influencerId: "carol", campaign: null, value: "CAROL15", source: "discount_codes" }],
  revenue: 4250,
  currency: "USD",
  segments: { country: "FR", device: "mobile", customerType: "returning", products: ["gid://shopify/Product/7"] },
};

const options = { influencerId: "alice", timeZone: "America/New_York", currency: "USD", commission: null };

describe("toReceipts", () => {
  it("describes the order, its evidence and what it beat, naming no other influencer", () => {
    const [receipt] = toReceipts([base], options);
    expect(receipt).toEqual({
      order: "#1001",
      day: "2026-03-01",
      goal: "purchase",
      amount: "42.50",
      campaign: "spring",
      rule: "code",
      evidence: "code ALICE10",
      notes: ["beat a click on another influencer's link", "beat your utm_content=alice on the landing page", "outside the window: another influencer's discount code"],
      commission: null,
    });
    const text = JSON.stringify(receipt);
    for (const secret of ["bob", "cBOBCLICK", "CAROL15", "carol", "FR", "mobile", "returning", "Product/7"]) expect(text).not.toContain(secret);
  });

  it("skips other influencers' orders and orders not credited", () => {
    const others: Attribution[] = [
      { ...base, orderId: "2", orderName: "#2", influencerId: "bob" },
      { ...base, orderId: "3", orderName: "#3", status: "excluded", excludedReason: "selfReferral" },
      { ...base, orderId: "4", orderName: "#4", status: "unattributed", influencerId: null, rule: null, evidence: [] },
    ];
    expect(toReceipts(others, options)).toEqual([]);
  });

  it("lists newest first, sign-ups without an amount, and the commission per purchase", () => {
    const signup: Attribution = { ...base, orderId: "s1", orderName: "Sign-up", goal: "signup", revenue: 0, createdAt: ORDER_AT + 1000 };
    const receipts = toReceipts([base, signup], { ...options, commission: { kind: "percent", value: 1000 } });
    expect(receipts.map((r) => [r.order, r.amount, r.commission])).toEqual([
      ["Sign-up", null, null],
      ["#1001", "42.50", "4.25"],
    ]);
  });

  it("is empty for no attributions", () => {
    expect(toReceipts([], options)).toEqual([]);
  });
});
