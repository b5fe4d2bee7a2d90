// fast-check generators shared by the rollup and summary property tests (excluded from the build).
import fc from "fast-check";
import type { Attribution, ClassifiedClick, Engagement, Rule, RollupRow } from "./types.js";

export const INFLUENCER_IDS = ["alice", "bob", "carol"] as const;
export const CAMPAIGNS = [null, "summer", "launch"] as const;

/** 2024-03-09 to 2024-03-12 UTC: spans the US spring-forward change. */
const FIRST_AT = Date.UTC(2024, 2, 9);
const LAST_AT = Date.UTC(2024, 2, 12, 23, 59);

const rule: fc.Arbitrary<Rule> = fc.constantFrom("code", "link", "utm");

export const attributionArbitrary = (orderId: string): fc.Arbitrary<Attribution> =>
  fc
    .record({
      status: fc.constantFrom("attributed", "attributed", "excluded", "unattributed") as fc.Arbitrary<Attribution["status"]>,
      influencerId: fc.constantFrom(...INFLUENCER_IDS),
      campaign: fc.constantFrom(...CAMPAIGNS),
      goal: fc.constantFrom("purchase", "signup") as fc.Arbitrary<Attribution["goal"]>,
      rule,
      revenue: fc.integer({ min: 0, max: 500_000 }),
      createdAt: fc.integer({ min: FIRST_AT, max: LAST_AT }),
      customerType: fc.option(fc.constantFrom("new", "returning") as fc.Arbitrary<"new" | "returning">, { nil: undefined }),
      country: fc.option(fc.constantFrom("US", "fr", " DE "), { nil: undefined }),
      device: fc.option(fc.constantFrom("mobile", "Desktop"), { nil: undefined }),
      products: fc.array(fc.constantFrom("p1", "p2", "p3"), { maxLength: 4 }),
    })
    .map((r): Attribution => {
      const attributed = r.status === "attributed";
      return {
        orderId,
        orderName: `#${orderId}`,
        goal: r.goal,
        createdAt: r.createdAt,
        status: r.status,
        excludedReason: r.status === "excluded" ? "refunded" : null,
        influencerId: attributed ? r.influencerId : null,
        campaign: attributed ? r.campaign : null,
        rule: attributed ? r.rule : null,
        evidence: [],
        overruled: [],
        expired: [],
        revenue: attributed && r.goal === "purchase" ? r.revenue : 0,
        currency: "USD",
        segments: { customerType: r.customerType, country: r.country, device: r.device, products: r.products },
      };
    });

export const clickArbitrary: fc.Arbitrary<ClassifiedClick> = fc
  .record({
    id: fc.uuid(),
    at: fc.integer({ min: FIRST_AT, max: LAST_AT }),
    influencerId: fc.constantFrom(...INFLUENCER_IDS),
    campaign: fc.constantFrom(...CAMPAIGNS),
    bot: fc.boolean(),
    counted: fc.boolean(),
    country: fc.option(fc.constantFrom("US", "fr"), { nil: undefined }),
    device: fc.option(fc.constantFrom("mobile", "desktop"), { nil: undefined }),
  })
  .map((r): ClassifiedClick => ({
    id: r.id,
    at: r.at,
    link: `${r.influencerId}-link`,
    influencerId: r.influencerId,
    ...(r.campaign === null ? {} : { campaign: r.campaign }),
    visitor: "v",
    ...(r.country === undefined ? {} : { country: r.country }),
    ...(r.device === undefined ? {} : { device: r.device }),
    bot: r.bot,
    counted: r.counted && !r.bot,
  }));

export const engagementArbitrary: fc.Arbitrary<Engagement> = fc.record({
  day: fc.constantFrom("2024-03-09", "2024-03-10", "2024-03-11"),
  influencerId: fc.constantFrom(...INFLUENCER_IDS),
  count: fc.integer({ min: 0, max: 5_000 }),
});

const ruleCounts = fc.record({
  code: fc.integer({ min: -3, max: 3 }),
  link: fc.integer({ min: -3, max: 3 }),
  utm: fc.integer({ min: -3, max: 3 }),
});

/** Arbitrary rows with few distinct keys, so merges really combine rows. */
export const rollupRowArbitrary: fc.Arbitrary<RollupRow> = fc.record({
  day: fc.constantFrom("2024-03-09", "2024-03-10"),
  influencerId: fc.constantFrom("alice", "bob"),
  campaign: fc.constantFrom(null, "summer", ""),
  dimension: fc.constantFrom("", "country", "product") as fc.Arbitrary<RollupRow["dimension"]>,
  value: fc.constantFrom("", "US", "p1"),
  clicks: fc.integer({ min: -5, max: 5 }),
  botClicks: fc.integer({ min: 0, max: 2 }),
  engagements: fc.integer({ min: 0, max: 100 }),
  purchase: ruleCounts,
  signup: ruleCounts,
  revenue: fc.integer({ min: -10_000, max: 10_000 }),
});
