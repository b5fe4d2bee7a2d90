import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeOrder } from "./attribute-order.js";
import { buildAttributionIndex } from "./attribution-index.js";
import { resolveSettings, type PartialAttributionSettings } from "./settings.js";
import { clicks, codes, DAY, index, influencers, links, order, ORDER_AT, utmVisit } from "./test-attribution-fixture.js";
import type { Attribution, Order, Rule, TouchModel, Visit, VisitSource } from "./types.js";

/** What a case checks: the decision and the values of each evidence list. */
interface Expected {
  status: Attribution["status"];
  reason?: Attribution["excludedReason"];
  influencer?: string | null;
  rule?: Attribution["rule"];
  campaign?: string | null;
  evidence?: string[];
  overruled?: string[];
  expired?: string[];
}

function check(o: Order, expected: Expected, settings?: PartialAttributionSettings): Attribution {
  const a = attributeOrder(o, index, settings === undefined ? undefined : resolveSettings(settings));
  expect(a.status).toBe(expected.status);
  expect(a.excludedReason).toBe(expected.reason ?? null);
  expect(a.influencerId).toBe(expected.influencer ?? null);
  if (expected.rule !== undefined) expect(a.rule).toBe(expected.rule);
  if (expected.campaign !== undefined) expect(a.campaign).toBe(expected.campaign);
  if (expected.evidence !== undefined) expect(a.evidence.map((e) => e.value)).toEqual(expected.evidence);
  if (expected.overruled !== undefined) expect(a.overruled.map((e) => e.value)).toEqual(expected.overruled);
  if (expected.expired !== undefined) expect(a.expired.map((e) => e.value)).toEqual(expected.expired);
  return a;
}

describe("attributeOrder, METRICS.md §4 rule by rule", () => {
  describe("1. exclusions first: test, cancelled, refunded, in that order, evidence kept", () => {
    it.each<[string, Partial<Order>, Expected]>([
      ["a test order", { test: true, discountCodes: ["ALICE10"] }, { status: "excluded", reason: "test", evidence: ["ALICE10"] }],
      ["a cancelled order", { cancelled: true, discountCodes: ["ALICE10"] }, { status: "excluded", reason: "cancelled", evidence: ["ALICE10"] }],
      ["a fully refunded order", { refunded: true, discountCodes: ["ALICE10"] }, { status: "excluded", reason: "refunded", evidence: ["ALICE10"] }],
      ["test before cancelled", { test: true, cancelled: true, refunded: true }, { status: "excluded", reason: "test", evidence: [] }],
      ["cancelled before refunded", { cancelled: true, refunded: true }, { status: "excluded", reason: "cancelled" }],
      ["a test order with no evidence", { test: true }, { status: "excluded", reason: "test", evidence: [], overruled: [], expired: [] }],
      [
        "a test order keeps overruled and expired evidence",
        { test: true, discountCodes: ["BOB10"], clickIds: ["c_alice_2d", "c_alice_41d"] },
        { status: "excluded", reason: "test", evidence: ["BOB10"], overruled: ["c_alice_2d"], expired: ["c_alice_41d"] },
      ],
      ["exclusion before outsideWindow", { refunded: true, clickIds: ["c_alice_41d"] }, { status: "excluded", reason: "refunded", expired: ["c_alice_41d"] }],
    ])("%s", (_label, overrides, expected) => {
      const a = check(order(overrides), expected);
      expect(a.revenue).toBe(0);
      expect(a.campaign).toBeNull();
      expect(a.rule).toBeNull();
    });

    it("a partial refund reduces revenue, not the count", () => {
      const a = check(order({ subtotal: 1250, discountCodes: ["ALICE10"] }), { status: "attributed", influencer: "alice" });
      expect(a.revenue).toBe(1250);
    });
  });

  describe("1b. self-referral: the customer is the credited influencer", () => {
    it.each<[string, Partial<Order>, PartialAttributionSettings | undefined, Expected]>([
      ["same email", { customerEmail: "alice@example.com", discountCodes: ["ALICE10"] }, undefined, { status: "excluded", reason: "selfReferral", evidence: ["ALICE10"] }],
      ["same email, the roster's written with a +tag and capitals", { customerEmail: "bob@example.com", discountCodes: ["BOB10"] }, undefined, { status: "excluded", reason: "selfReferral" }],
      ["same customer id", { customerEmail: undefined, customerId: "1001", clickIds: ["c_alice_2d"] }, undefined, { status: "excluded", reason: "selfReferral" }],
      ["email check switched off", { customerEmail: "alice@example.com", discountCodes: ["ALICE10"] }, { selfReferral: { byEmail: false } }, { status: "attributed", influencer: "alice" }],
      ["customer id check switched off", { customerId: "1001", discountCodes: ["ALICE10"] }, { selfReferral: { byCustomerId: false } }, { status: "attributed", influencer: "alice" }],
      // Self-referral is judged against the winner only: alice buying with bob's code credits bob.
      ["the influencer buys with another's code", { customerEmail: "alice@example.com", discountCodes: ["BOB10"] }, undefined, { status: "attributed", influencer: "bob" }],
      ["no email on either side never matches", { customerEmail: undefined, customerId: undefined, discountCodes: ["CAROL5"] }, undefined, { status: "attributed", influencer: "carol" }],
    ])("%s", (_label, overrides, settings, expected) => {
      check(order(overrides), expected, settings);
    });
  });

  describe("2. precedence: code > link > utm, configurable; first matching code of the order's list", () => {
    it.each<[string, Partial<Order>, PartialAttributionSettings | undefined, Expected]>([
      ["code beats link and utm", { discountCodes: ["BOB10"], clickIds: ["c_alice_2d"], visits: [utmVisit("carol-utm")] }, undefined, { status: "attributed", influencer: "bob", rule: "code", overruled: ["c_alice_2d", "carol-utm"] }],
      ["link beats utm", { clickIds: ["c_alice_2d"], visits: [utmVisit("carol-utm")] }, undefined, { status: "attributed", influencer: "alice", rule: "link", overruled: ["carol-utm"] }],
      ["utm alone", { visits: [utmVisit("carol-utm")] }, undefined, { status: "attributed", influencer: "carol", rule: "utm" }],
      ["the first matching code in the order's list wins", { discountCodes: ["WELCOME", "bob10", "ALICE10"] }, undefined, { status: "attributed", influencer: "bob", evidence: ["bob10"], overruled: ["ALICE10"] }],
      ["the list order decides, not the code", { discountCodes: ["alice10", "BOB10"] }, undefined, { status: "attributed", influencer: "alice" }],
      ["precedence link > code", { discountCodes: ["BOB10"], clickIds: ["c_alice_2d"] }, { precedence: ["link", "code", "utm"] }, { status: "attributed", influencer: "alice", rule: "link", overruled: ["BOB10"] }],
      ["precedence utm > link > code", { discountCodes: ["BOB10"], clickIds: ["c_alice_2d"], visits: [utmVisit("carol-utm")] }, { precedence: ["utm", "link", "code"] }, { status: "attributed", influencer: "carol", rule: "utm", overruled: ["c_alice_2d", "BOB10"] }],
      ["a rule left out of precedence is ignored", { discountCodes: ["BOB10"], clickIds: ["c_alice_2d"] }, { precedence: ["link"] }, { status: "attributed", influencer: "alice", overruled: [] }],
      ["unknown codes and click ids are ignored", { discountCodes: ["WELCOME10"], clickIds: ["c_unknown"] }, undefined, { status: "unattributed", evidence: [], overruled: [], expired: [] }],
      ["a visit naming nobody is ignored", { visits: [utmVisit("stranger")] }, undefined, { status: "unattributed" }],
      ["utm_content matches the roster's utm value, not the handle, when one is set", { visits: [utmVisit("carol")] }, undefined, { status: "unattributed" }],
      ["a Shopify referral code names an influencer like utm_content", { visits: [{ source: "first_visit", at: ORDER_AT - DAY, utm: {}, referralCode: "bob" }] }, undefined, { status: "attributed", influencer: "bob", rule: "utm" }],
      ["a click id on a journey visit is link evidence", { visits: [{ source: "first_visit", at: ORDER_AT - 2 * DAY, utm: { content: "carol-utm" }, clickId: "c_bob_2d" }] }, undefined, { status: "attributed", influencer: "bob", rule: "link", overruled: ["carol-utm"] }],
    ])("%s", (_label, overrides, settings, expected) => {
      check(order(overrides), expected, settings);
    });
  });

  describe("3. window: link and utm evidence at most windowDays before the order and not after; codes and landing_site have none", () => {
    it.each<[string, Partial<Order>, PartialAttributionSettings | undefined, Expected]>([
      ["a click 30 days before counts (the boundary is inside)", { clickIds: ["c_alice_30d"] }, undefined, { status: "attributed", influencer: "alice" }],
      ["a click 31 days before expires: outsideWindow", { clickIds: ["c_alice_31d"] }, undefined, { status: "excluded", reason: "outsideWindow", evidence: [], expired: ["c_alice_31d"] }],
      ["a click after the order expires", { clickIds: ["c_bob_after"] }, undefined, { status: "excluded", reason: "outsideWindow", expired: ["c_bob_after"] }],
      ["a 7-day window", { clickIds: ["c_alice_5d", "c_bob_after"], visits: [utmVisit("carol-utm", 8)] }, { windowDays: 7 }, { status: "attributed", influencer: "alice", expired: ["c_bob_after", "carol-utm"] }],
      ["a utm visit 31 days before expires", { visits: [utmVisit("carol-utm", 31)] }, undefined, { status: "excluded", reason: "outsideWindow", expired: ["carol-utm"] }],
      ["codes have no window", { discountCodes: ["ALICE10"], clickIds: ["c_alice_41d"] }, undefined, { status: "attributed", influencer: "alice", rule: "code", evidence: ["ALICE10"], expired: ["c_alice_41d"] }],
      ["the landing_site has no window, even for an old click id", { visits: [{ source: "landing_site", utm: {}, clickId: "c_alice_41d" }] }, undefined, { status: "attributed", influencer: "alice", rule: "link", expired: [] }],
      ["expired evidence for one influencer, valid for another", { clickIds: ["c_alice_41d", "c_bob_2d"] }, undefined, { status: "attributed", influencer: "bob", expired: ["c_alice_41d"], overruled: [] }],
      ["no evidence at all is unattributed, not outsideWindow", {}, undefined, { status: "unattributed", reason: null, evidence: [], expired: [] }],
    ])("%s", (_label, overrides, settings, expected) => {
      check(order(overrides), expected, settings);
    });
  });

  describe("4. touch model among link touches and among utm touches", () => {
    it.each<[string, Partial<Order>, PartialAttributionSettings | undefined, Expected]>([
      ["last touch: the latest click", { clickIds: ["c_alice_5d", "c_bob_1d", "c_carol_3d"] }, undefined, { status: "attributed", influencer: "bob", evidence: ["c_bob_1d"], overruled: ["c_alice_5d", "c_carol_3d"] }],
      ["first touch: the earliest click", { clickIds: ["c_alice_5d", "c_bob_1d", "c_carol_3d"] }, { touch: "first" }, { status: "attributed", influencer: "alice", evidence: ["c_alice_5d"] }],
      ["last touch among utm visits", { visits: [utmVisit("alice", 10), utmVisit("bob", 2)] }, undefined, { status: "attributed", influencer: "bob" }],
      ["first touch among utm visits", { visits: [utmVisit("alice", 10), utmVisit("bob", 2)] }, { touch: "first" }, { status: "attributed", influencer: "alice" }],
      ["the landing_site is the latest utm touch", { visits: [utmVisit("alice"), utmVisit("bob", 1)] }, undefined, { status: "attributed", influencer: "alice" }],
      ["the touch model never lets utm beat a link", { clickIds: ["c_alice_5d"], visits: [utmVisit("bob")] }, { touch: "last" }, { status: "attributed", influencer: "alice", rule: "link" }],
      ["supporting evidence of the winner stays in evidence, sorted by time", { clickIds: ["c_alice_2d", "c_alice_5d", "c_bob_1d"], discountCodes: ["ALICE10"] }, undefined, { status: "attributed", influencer: "alice", evidence: ["ALICE10", "c_alice_5d", "c_alice_2d"], overruled: ["c_bob_1d"] }],
    ])("%s", (_label, overrides, settings, expected) => {
      check(order(overrides), expected, settings);
    });
  });

  describe("campaign: the code's or click's, else utm_campaign, else the influencer's default, else null", () => {
    it.each<[string, Partial<Order>, string | null]>([
      ["the code assignment's campaign", { discountCodes: ["BOB10"], visits: [utmVisit("bob", 1, "other")] }, "bob-fall"],
      ["the click's campaign", { clickIds: ["c_bob_2d"], visits: [utmVisit("bob", 1, "other")] }, "summer"],
      ["utm_campaign of the winner's utm evidence when the code has none", { discountCodes: ["CAROL5"], visits: [utmVisit("carol-utm", 1, "launch")] }, "launch"],
      ["not the utm_campaign of another influencer", { discountCodes: ["CAROL5"], visits: [utmVisit("bob", 1, "launch")] }, null],
      ["the influencer's default", { clickIds: ["c_alice_2d"] }, "spring"],
      ["null when nothing names one", { discountCodes: ["CAROL5"] }, null],
    ])("%s", (_label, overrides, campaign) => {
      expect(attributeOrder(order(overrides), index).campaign).toBe(campaign);
    });

    it("canonicalizes campaign ids when the shop lists them; an unknown utm_campaign names none", () => {
      const listed = buildAttributionIndex({ influencers, codes, links, clicks, campaigns: ["Launch", "Summer", "Spring"] });
      expect(attributeOrder(order({ visits: [utmVisit("carol-utm", 1, "launch")] }), listed).campaign).toBe("Launch");
      expect(attributeOrder(order({ clickIds: ["c_bob_2d"] }), listed).campaign).toBe("Summer");
      expect(attributeOrder(order({ visits: [utmVisit("alice", 1, "typo")] }), listed).campaign).toBe("Spring");
    });
  });

  describe("the result", () => {
    it("carries the order's facts: revenue when attributed, goal, segments, currency", () => {
      const a = attributeOrder(order({ discountCodes: ["ALICE10"], goal: "signup", subtotal: 0 }), index);
      expect(a).toMatchObject({
        orderId: "5001",
        orderName: "#1001",
        goal: "signup",
        createdAt: ORDER_AT,
        status: "attributed",
        rule: "code",
        revenue: 0,
        currency: "USD",
        segments: { customerType: "new", country: "US", device: "mobile", products: ["7001"] },
      });
      expect(attributeOrder(order({ discountCodes: ["ALICE10"] }), index)).toMatchObject({ goal: "purchase", revenue: 4500 });
    });

    it("records each piece of evidence with its rule, time, source and link", () => {
      const a = attributeOrder(order({ clickIds: ["c_bob_2d"], visits: [utmVisit("bob", 3, "summer")] }), index);
      expect(a.evidence).toEqual([
        { rule: "link", influencerId: "bob", campaign: "summer", at: ORDER_AT - 2 * DAY, value: "c_bob_2d", source: "note_attributes", link: "bob-tt" },
        { rule: "utm", influencerId: "bob", campaign: "summer", at: ORDER_AT - 3 * DAY, value: "bob", source: "last_visit" },
      ]);
    });

    it("lists a click id given twice once", () => {
      const a = attributeOrder(order({ clickIds: ["c_bob_2d", "c_bob_2d"], discountCodes: ["BOB10", "bob10", "BOB10"] }), index);
      expect(a.evidence.map((e) => e.value)).toEqual(["BOB10", "bob10", "c_bob_2d"]);
    });

    it("shares frozen empty lists, so nobody can fill them for the next order", () => {
      const a = attributeOrder(order(), index);
      expect(Object.isFrozen(a.overruled)).toBe(true);
      expect(() => a.overruled.push(a.evidence[0]!)).toThrow(TypeError);
    });
  });

  it("the worked conflict example: code BOB10 beats a click from alice's link 2 days earlier", () => {
    const a = attributeOrder(order({ discountCodes: ["BOB10"], clickIds: ["c_alice_2d"] }), index);
    expect(a).toMatchObject({ status: "attributed", influencerId: "bob", campaign: "bob-fall", rule: "code", revenue: 4500 });
    expect(a.evidence).toEqual([{ rule: "code", influencerId: "bob", campaign: "bob-fall", value: "BOB10", source: "discount_codes" }]);
    expect(a.overruled).toEqual([
      { rule: "link", influencerId: "alice", campaign: null, at: ORDER_AT - 2 * DAY, value: "c_alice_2d", source: "note_attributes", link: "alice-ig" },
    ]);
  });

  it("does not let settings of one call leak into the next", () => {
    const o = order({ discountCodes: ["BOB10"], clickIds: ["c_alice_2d"] });
    expect(attributeOrder(o, index, resolveSettings({ precedence: ["link", "code"] })).influencerId).toBe("alice");
    expect(attributeOrder(o, index).influencerId).toBe("bob");
  });
});

describe("attributeOrder, properties", () => {
  const codeArb = fc.shuffledSubarray(["ALICE10", "alice10", "BOB10", "bob10", "CAROL5", "WELCOME10"], { maxLength: 3 });
  const clickIdArb = fc.shuffledSubarray([...clicks.map((c) => c.id), "c_unknown"], { maxLength: 4 });
  const contentArb = fc.constantFrom(undefined, "alice", "bob", "carol-utm", "stranger");
  const visitArb: fc.Arbitrary<Visit> = fc.oneof(
    fc.record({
      source: fc.constant<VisitSource>("landing_site"),
      utm: fc.record({ content: contentArb, campaign: fc.constantFrom(undefined, "launch", "summer") }),
      clickId: fc.constantFrom(undefined, "c_alice_41d", "c_bob_1d", "c_nope"),
    }),
    fc.record({
      source: fc.constantFrom<VisitSource>("first_visit", "last_visit", "pixel"),
      at: fc.integer({ min: -2 * 24, max: 45 * 24 }).map((hours) => ORDER_AT - hours * 3_600_000),
      utm: fc.record({ content: contentArb, campaign: fc.constantFrom(undefined, "launch") }),
      referralCode: fc.constantFrom(undefined, "bob", "zed"),
    }),
  );
  const orderArb: fc.Arbitrary<Order> = fc
    .record({
      discountCodes: codeArb,
      clickIds: clickIdArb,
      visits: fc.array(visitArb, { maxLength: 4 }),
      flags: fc.constantFrom("none", "none", "none", "test", "cancelled", "refunded"),
      customerEmail: fc.constantFrom(undefined, "alice@example.com", "bob@example.com", "dana@example.com"),
      customerId: fc.constantFrom(undefined, "1001", "2002"),
    })
    .map(({ flags, ...rest }) =>
      order({ ...rest, test: flags === "test", cancelled: flags === "cancelled", refunded: flags === "refunded" }),
    );
  const settingsArb = fc
    .record({
      windowDays: fc.integer({ min: 1, max: 60 }),
      touch: fc.constantFrom<TouchModel>("last", "first"),
      precedence: fc.shuffledSubarray<Rule>(["code", "link", "utm"], { minLength: 1 }),
      selfReferral: fc.record({ byEmail: fc.boolean(), byCustomerId: fc.boolean() }),
    })
    .map((s) => resolveSettings(s));

  it("does not depend on the order of visits or click ids", () => {
    fc.assert(
      fc.property(orderArb, settingsArb, fc.func(fc.integer()), (o, settings, key) => {
        const shuffle = <T>(list: T[]): T[] =>
          list.map((item, i) => ({ item, k: key(i) })).sort((a, b) => a.k - b.k).map(({ item }) => item);
        const shuffled = { ...o, visits: shuffle(o.visits), clickIds: shuffle(o.clickIds) };
        expect(attributeOrder(shuffled, index, settings)).toEqual(attributeOrder(o, index, settings));
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order of the roster, codes, links or clicks", () => {
    const reversed = buildAttributionIndex({
      influencers: [...influencers].reverse(),
      codes: [...codes].reverse(),
      links: [...links].reverse(),
      clicks: [...clicks].reverse(),
    });
    fc.assert(
      fc.property(orderArb, settingsArb, (o, settings) => {
        expect(attributeOrder(o, reversed, settings)).toEqual(attributeOrder(o, index, settings));
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent and leaves its input alone", () => {
    fc.assert(
      fc.property(orderArb, settingsArb, (o, settings) => {
        const before = structuredClone(o);
        const first = attributeOrder(o, index, settings);
        expect(attributeOrder(o, index, settings)).toEqual(first);
        expect(o).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("credits at most one influencer, only when attributed, and keeps the evidence lists consistent", () => {
    fc.assert(
      fc.property(orderArb, settingsArb, (o, settings) => {
        const a = attributeOrder(o, index, settings);
        const attributed = a.status === "attributed";
        expect(a.influencerId !== null).toBe(attributed);
        expect(a.rule !== null).toBe(attributed);
        expect(a.excludedReason !== null).toBe(a.status === "excluded");
        expect(a.revenue).toBe(attributed ? o.subtotal : 0);
        if (a.status === "unattributed") expect([a.evidence, a.overruled, a.expired]).toEqual([[], [], []]);
        const winner = a.evidence[0];
        if (attributed) {
          expect(winner?.influencerId).toBe(a.influencerId);
          expect(winner?.rule).toBe(a.rule);
        }
        for (const e of a.evidence) expect(e.influencerId).toBe(winner?.influencerId);
        for (const e of a.overruled) expect(e.influencerId).not.toBe(winner?.influencerId);
        for (const e of [...a.evidence, ...a.overruled]) expect(settings.precedence).toContain(e.rule);
        if (a.excludedReason === "outsideWindow") expect(a.evidence).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
