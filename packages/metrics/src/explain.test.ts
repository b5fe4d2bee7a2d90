import { describe, expect, it } from "vitest";
import { attributeOrder } from "./attribute-order.js";
import { describeEvidence, explainAttribution } from "./explain.js";
import { resolveSettings } from "./settings.js";
import { DAY, HOUR, index, influencers, order, ORDER_AT, utmVisit } from "./test-attribution-fixture.js";
import type { Evidence } from "./types.js";

const code: Evidence = { rule: "code", influencerId: "alice", campaign: null, value: "ALICE10", source: "discount_codes" };
const click: Evidence = { rule: "link", influencerId: "alice", campaign: null, at: ORDER_AT - 2 * DAY, value: "c_9f", source: "note_attributes", link: "alice-ig" };
const utm: Evidence = { rule: "utm", influencerId: "alice", campaign: null, value: "alice", source: "landing_site" };

describe("describeEvidence", () => {
  it.each<[Evidence, number | undefined, string]>([
    [code, undefined, "code ALICE10"],
    [code, ORDER_AT, "code ALICE10"],
    [click, ORDER_AT, "click c_9f on link alice-ig, 2 days before the order"],
    [click, undefined, "click c_9f on link alice-ig"],
    [{ ...click, link: undefined }, undefined, "click c_9f"],
    [{ ...click, at: ORDER_AT - 1 * DAY }, ORDER_AT, "click c_9f on link alice-ig, 1 day before the order"],
    [{ ...click, at: ORDER_AT - 3 * HOUR - 59_000 }, ORDER_AT, "click c_9f on link alice-ig, 3 hours before the order"],
    [{ ...click, at: ORDER_AT - 90_000 }, ORDER_AT, "click c_9f on link alice-ig, 1 minute before the order"],
    [{ ...click, at: ORDER_AT - 5_000 }, ORDER_AT, "click c_9f on link alice-ig, moments before the order"],
    [{ ...click, at: ORDER_AT + HOUR }, ORDER_AT, "click c_9f on link alice-ig, 1 hour after the order"],
    [{ ...click, at: ORDER_AT }, ORDER_AT, "click c_9f on link alice-ig, at the time of the order"],
    [utm, ORDER_AT, "utm_content=alice on the landing page"],
    [{ ...utm, source: "first_visit", at: ORDER_AT - 4 * DAY }, ORDER_AT, "utm_content=alice on the first visit, 4 days before the order"],
    [{ ...utm, source: "last_visit.ref" }, undefined, "ref=alice on the last visit"],
    [{ ...utm, source: "pixel" }, undefined, "utm_content=alice on a storefront event"],
  ])("%j", (e, orderAt, text) => {
    expect(describeEvidence(e, orderAt)).toBe(text);
  });
});

describe("explainAttribution", () => {
  const explain = (o: Parameters<typeof attributeOrder>[0], windowDays?: number) =>
    explainAttribution(attributeOrder(o, index, resolveSettings({ windowDays: windowDays ?? 30 })), influencers, windowDays);

  it("names the winner and what it overruled (the worked conflict example)", () => {
    expect(explain(order({ discountCodes: ["BOB10"], clickIds: ["c_alice_2d"] }))).toBe(
      "Credited to bob for campaign bob-fall by code BOB10; overruled: a click from alice's link 2 days earlier.",
    );
  });

  it("reads as the METRICS.md example when no campaign is involved", () => {
    expect(explain(order({ discountCodes: ["CAROL5"], clickIds: ["c_bob_1d"] }))).toBe(
      "Credited to carol by code CAROL5; overruled: a click from bob's link 1 day earlier.",
    );
  });

  it("lists several losers and expired evidence", () => {
    expect(explain(order({ discountCodes: ["CAROL5", "ALICE10"], visits: [utmVisit("bob", 3)], clickIds: ["c_alice_41d"] }))).toBe(
      "Credited to carol by code CAROL5; overruled: code ALICE10 (alice), utm_content=bob on the last visit (bob) 3 days earlier; " +
        "outside the 30-day window: a click from alice's link 41 days earlier.",
    );
  });

  it.each([
    [{ test: true }, "Excluded: test order."],
    [{ cancelled: true }, "Excluded: cancelled order."],
    [{ refunded: true }, "Excluded: fully refunded order."],
    [{ test: true, discountCodes: ["ALICE10"] }, "Excluded: test order (it would have been credited to alice by code ALICE10)."],
    [{}, "Not attributed: no evidence."],
    [{ customerEmail: "alice@example.com", discountCodes: ["ALICE10"] }, "Excluded: self-referral, alice's own order (code ALICE10)."],
    [{ clickIds: ["c_alice_41d"] }, "Excluded: the only evidence (click c_alice_41d on link alice-ig) was 41 days before the order, outside the 30-day window."],
    [
      { clickIds: ["c_alice_41d", "c_bob_after"] },
      "Excluded: all evidence was outside the 30-day window (click c_alice_41d on link alice-ig, 41 days before the order; click c_bob_after on link bob-tt, 1 hour after the order).",
    ],
  ])("explains %j", (overrides, text) => {
    expect(explain(order(overrides))).toBe(text);
  });

  it("uses the window the attribution ran with", () => {
    expect(explain(order({ clickIds: ["c_alice_5d"] }), 3)).toBe(
      "Excluded: the only evidence (click c_alice_5d on link alice-ig) was 5 days before the order, outside the 3-day window.",
    );
  });

  it("shows ids when no roster is given, and accepts the roster as a Map", () => {
    const a = attributeOrder(order({ discountCodes: ["BOB10"] }), index);
    expect(explainAttribution(a)).toBe("Credited to bob for campaign bob-fall by code BOB10.");
    const renamed = new Map([["bob", { ...influencers[1]!, handle: "bobby" }]]);
    expect(explainAttribution(a, renamed)).toBe("Credited to bobby for campaign bob-fall by code BOB10.");
  });
});
