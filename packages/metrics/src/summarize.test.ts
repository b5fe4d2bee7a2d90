import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GROUP_BY_VALUES } from "./group-by.js";
import { attributionRollup, clickRollup, engagementRollup, mergeRollups } from "./rollup.js";
import { summarize, type GroupSummary } from "./summarize.js";
import { rollupRow as row } from "./test-rollup-row.js";
import { attributionArbitrary, clickArbitrary, engagementArbitrary } from "./test-rollup-arbitraries.js";
import type { Attribution, Campaign, ClassifiedClick, Engagement, Influencer, RollupRow } from "./types.js";

const roster: Influencer[] = [
  { id: "alice", handle: "alice", name: "Alice A.", platform: "instagram", tags: ["micro", "beauty"] },
  { id: "bob", handle: "bob", platform: "tiktok", tags: ["micro"] },
  { id: "carol", handle: "carol", tags: [] },
];
const campaigns: Campaign[] = [
  { id: "summer", name: "Summer launch", goal: "purchase", type: "gifting" },
  { id: "launch", goal: "purchase" },
];

const purchases = (code: number, link = 0, utm = 0) => ({ purchase: { code, link, utm } });

/** Alice: 10 conversions / 100 clicks (10%). Bob: 10 / 1000 (1%). Pooled: 20 / 1100 = 1.82%, not 5.5%. */
const rows: RollupRow[] = [
  row({ clicks: 100, ...purchases(6, 4), revenue: 50_000 }),
  row({ dimension: "country", value: "US", clicks: 60, ...purchases(5, 3), revenue: 40_000 }),
  row({ dimension: "customerType", value: "new", ...purchases(4), revenue: 20_000 }),
  row({ dimension: "customerType", value: "returning", ...purchases(2, 2), revenue: 25_000 }),
  row({ dimension: "product", value: "tee", ...purchases(6, 4), revenue: 50_000 }),
  row({ dimension: "product", value: "cap", ...purchases(3), revenue: 15_000 }),
  row({ day: "2024-03-12", influencerId: "bob", campaign: null, clicks: 1000, engagements: 40_000, ...purchases(0, 7, 3), revenue: 30_000 }),
  row({ day: "2024-03-12", influencerId: "bob", campaign: null, dimension: "country", value: "FR", clicks: 900, ...purchases(0, 7, 3), revenue: 30_000 }),
  row({ day: "2024-03-12", influencerId: "bob", campaign: null, dimension: "customerType", value: "new", ...purchases(0, 7, 3), revenue: 30_000 }),
];

const byKey = (groups: GroupSummary[]) => Object.fromEntries(groups.map((g) => [g.key, g]));

describe("summarize", () => {
  it("pools totals from base rows: sum of conversions / sum of clicks, never an average of rates", () => {
    const { totals } = summarize(rows, { by: "overall" });
    expect(totals).toMatchObject({ key: "total", clicks: 1100, conversions: 20, revenue: 80_000, byRule: { code: 6, link: 11, utm: 3 } });
    expect(totals.rate.ratePct).toBe(1.82);
    expect(totals.rate.denominatorKind).toBe("clicks");
  });

  it("gives one overall group equal to the totals", () => {
    const summary = summarize(rows, { by: "overall" });
    expect(summary.groups).toHaveLength(1);
    expect(summary.groups[0]).toMatchObject({ key: "overall", label: "All influencers", conversions: 20, clicks: 1100 });
    expect(summary.groups[0]?.rate).toEqual(summary.totals.rate);
  });

  it("groups by influencer with roster labels, listing roster influencers without data as 'no data'", () => {
    const { groups } = summarize(rows, { by: "influencer", influencers: roster });
    expect(groups.map((g) => g.key)).toEqual(["alice", "bob", "carol"]);
    expect(groups[0]).toMatchObject({ label: "Alice A.", influencerId: "alice", campaign: null, clicks: 100, conversions: 10 });
    expect(groups[0]?.rate.ratePct).toBe(10);
    expect(groups[1]).toMatchObject({ label: "bob", conversions: 10, clicks: 1000 });
    expect(groups[2]).toMatchObject({ label: "carol", clicks: 0, conversions: 0 });
    expect(groups[2]?.rate.ratePct).toBeNull();
  });

  it("groups by campaign, with '(none)' for rows without one and names from the campaign list", () => {
    const { groups } = summarize(rows, { by: "campaign", campaigns });
    expect(groups.map((g) => [g.key, g.label, g.campaign, g.conversions])).toEqual([
      ["(none)", "No campaign", null, 10],
      ["summer", "Summer launch", "summer", 10],
      ["launch", "launch", "launch", 0],
    ]);
  });

  it("groups by influencer × campaign", () => {
    const { groups } = summarize(rows, { by: "influencer,campaign", influencers: roster, campaigns });
    expect(groups.map((g) => [g.key, g.label, g.influencerId, g.campaign])).toEqual([
      ["alice/summer", "Alice A. · Summer launch", "alice", "summer"],
      ["bob/(none)", "bob · No campaign", "bob", null],
    ]);
  });

  it("groups by platform, tag and campaign type through the roster and campaigns", () => {
    const platform = byKey(summarize(rows, { by: "platform", influencers: roster }).groups);
    expect(Object.keys(platform).sort()).toEqual(["instagram", "tiktok"]);
    const tags = byKey(summarize(rows, { by: "tag", influencers: roster }).groups);
    // Alice has two tags and counts in both; bob's "micro" adds to hers.
    expect(tags.micro).toMatchObject({ clicks: 1100, conversions: 20 });
    expect(tags.beauty).toMatchObject({ clicks: 100, conversions: 10 });
    const types = byKey(summarize(rows, { by: "campaignType", campaigns }).groups);
    expect(types.gifting).toMatchObject({ conversions: 10 });
    expect(types["(none)"]).toMatchObject({ label: "No campaign type", conversions: 10 });
  });

  it("puts influencers missing from the roster, or without tags or platform, under '(none)'", () => {
    const tags = summarize(rows, { by: "tag" }).groups;
    expect(tags.map((g) => [g.key, g.label])).toEqual([["(none)", "No tag"]]);
    expect(summarize([row({ influencerId: "carol", clicks: 5 })], { by: "platform", influencers: roster }).groups[0]?.key).toBe("(none)");
  });

  it("groups by country from segment rows, with the rest under '(unknown)' so groups add up", () => {
    const { groups, totals } = summarize(rows, { by: "country" });
    const countries = byKey(groups);
    expect(countries.US).toMatchObject({ clicks: 60, conversions: 8, revenue: 40_000 });
    expect(countries.FR).toMatchObject({ clicks: 900, conversions: 10 });
    expect(countries["(unknown)"]).toMatchObject({ label: "Unknown", clicks: 140, conversions: 2, revenue: 10_000, engagements: 40_000 });
    expect(groups.reduce((sum, g) => sum + g.clicks, 0)).toBe(totals.clicks);
    expect(groups.reduce((sum, g) => sum + g.conversions, 0)).toBe(totals.conversions);
  });

  it("gives conversion-only segments the scope's denominator, so customer-type rates add up to the overall rate", () => {
    const { groups, totals } = summarize(rows, { by: "customerType" });
    const types = byKey(groups);
    expect(types.new).toMatchObject({ label: "New customers", conversions: 14, clicks: 1100 });
    expect(types.returning).toMatchObject({ label: "Returning customers", conversions: 4, clicks: 1100 });
    expect(types["(unknown)"]).toMatchObject({ conversions: 2, clicks: 1100 });
    const sumOfRates = groups.reduce((sum, g) => sum + g.conversions / g.clicks, 0);
    expect(sumOfRates).toBeCloseTo(totals.conversions / totals.clicks, 12);
  });

  it("adds no '(unknown)' customer type when every conversion has one", () => {
    const known = rows.filter((r) => r.influencerId === "bob");
    expect(summarize(known, { by: "customerType" }).groups.map((g) => g.key)).toEqual(["new"]);
  });

  it("counts product groups as orders containing the product (they may overlap)", () => {
    const products = byKey(summarize(rows, { by: "product" }).groups);
    expect(products.tee).toMatchObject({ conversions: 10, clicks: 1100 });
    expect(products.cap).toMatchObject({ conversions: 3, clicks: 1100 });
    expect(products["(unknown)"]).toBeUndefined();
  });

  it("sorts groups by conversions, then key", () => {
    const keys = summarize(
      [row({ influencerId: "zed", ...purchases(1) }), row({ influencerId: "amy", ...purchases(1) }), row({ influencerId: "max", ...purchases(5) })],
      { by: "influencer" },
    ).groups.map((g) => g.key);
    expect(keys).toEqual(["max", "amy", "zed"]);
  });

  it("lists days chronologically, filling empty days between the first and last with no-data groups", () => {
    const { groups } = summarize(rows, { by: "day" });
    expect(groups.map((g) => [g.key, g.conversions, g.rate.ratePct])).toEqual([
      ["2024-03-09", 10, 10],
      ["2024-03-10", 0, null],
      ["2024-03-11", 0, null],
      ["2024-03-12", 10, 1],
    ]);
  });

  it("fills the whole from–to range, and keeps only days inside it", () => {
    const { groups, totals } = summarize(rows, { by: "day", from: "2024-03-10", to: "2024-03-13" });
    expect(groups.map((g) => g.key)).toEqual(["2024-03-10", "2024-03-11", "2024-03-12", "2024-03-13"]);
    expect(totals.conversions).toBe(10);
  });

  it("groups by ISO week (named by its Monday) and by month", () => {
    const weekly = summarize(rows, { by: "week" }).groups;
    // 2024-03-09 is a Saturday (week of 03-04); 2024-03-12 a Tuesday (week of 03-11).
    expect(weekly.map((g) => [g.key, g.label, g.conversions])).toEqual([
      ["2024-03-04", "Week of 2024-03-04", 10],
      ["2024-03-11", "Week of 2024-03-11", 10],
    ]);
    const monthly = summarize(rows, { by: "month", from: "2024-01-15", to: "2024-03-31" }).groups;
    expect(monthly.map((g) => [g.key, g.conversions])).toEqual([
      ["2024-01", 0],
      ["2024-02", 0],
      ["2024-03", 20],
    ]);
    const acrossYears = summarize([], { by: "month", from: "2023-11-01", to: "2024-02-01" }).groups.map((g) => g.key);
    expect(acrossYears).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });

  it("counts sign-ups, without revenue, for the signup goal", () => {
    const signups = [row({ clicks: 200, signup: { code: 0, link: 9, utm: 1 }, ...purchases(2), revenue: 7_000 })];
    const { totals, goal } = summarize(signups, { by: "overall", goal: "signup" });
    expect(goal).toBe("signup");
    expect(totals).toMatchObject({ conversions: 10, revenue: 0, byRule: { code: 0, link: 9, utm: 1 } });
    expect(totals.rate.ratePct).toBe(5);
  });

  it("divides by engagements when asked, flagging rates above 100%", () => {
    const { totals, denominator } = summarize(rows, { by: "overall", denominator: "engagements" });
    expect(denominator).toBe("engagements");
    expect(totals.rate).toMatchObject({ denominatorKind: "engagements", denominator: 40_000, ratePct: 0.05 });
    const alice = summarize(rows, { by: "influencer", denominator: "engagements" }).groups.find((g) => g.key === "alice");
    expect(alice?.rate.ratePct).toBeNull();
    const codeOnly = summarize([row({ engagements: 2, ...purchases(3) })], { by: "overall", denominator: "engagements" });
    expect(codeOnly.totals.rate).toMatchObject({ ratePct: 150, aboveHundred: true, ci95Pct: null });
  });

  it("applies the shop's low-sample thresholds", () => {
    const strict = summarize(rows, { by: "influencer", thresholds: { minDenominator: 50, minConversions: 10 } });
    expect(byKey(strict.groups).alice?.rate.lowSample).toBe(false);
    expect(byKey(summarize(rows, { by: "influencer" }).groups).alice?.rate.lowSample).toBe(false);
    expect(byKey(summarize(rows, { by: "influencer", thresholds: { minDenominator: 101, minConversions: 1 } }).groups).alice?.rate.lowSample).toBe(true);
  });

  it("echoes the currency, upper-cased", () => {
    expect(summarize(rows, { by: "overall", currency: "eur" }).currency).toBe("EUR");
    expect(summarize(rows, { by: "overall" }).currency).toBeUndefined();
  });

  it("summarizes no rows as zero totals with a null rate", () => {
    const summary = summarize([], { by: "influencer" });
    expect(summary.groups).toEqual([]);
    expect(summary.totals).toMatchObject({ clicks: 0, conversions: 0, revenue: 0 });
    expect(summary.totals.rate.ratePct).toBeNull();
  });

  it("reads any iterable once, e.g. a generator over stored rows", () => {
    function* stored() {
      yield* rows;
    }
    expect(summarize(stored(), { by: "overall" }).totals.conversions).toBe(20);
  });

  it("throws a RangeError for bad options or rows", () => {
    expect(() => summarize(rows, { by: "influencers" as "influencer" })).toThrow(/use one of/);
    expect(() => summarize(rows, { by: "overall", goal: "lead" as "purchase" })).toThrow(/goal/);
    expect(() => summarize(rows, { by: "overall", denominator: "views" as "clicks" })).toThrow(/denominator/);
    expect(() => summarize(rows, { by: "overall", from: "2024-03-31", to: "2024-03-01" })).toThrow(/after/);
    expect(() => summarize(rows, { by: "overall", from: "March" })).toThrow(/"March"/);
    expect(() => summarize(rows, { by: "overall", currency: "euro" })).toThrow(/currency/);
    expect(() => summarize([row({ day: "2024-3-9" })], { by: "overall" })).toThrow(RangeError);
    expect(() => summarize([], { by: "month", from: "0001-01-01", to: "9999-12-31" })).toThrow(/more than 100000 days/);
    expect(() => summarize([row({ ...purchases(-1) })], { by: "overall" })).toThrow(/non-negative/);
    expect(() => summarize(rows, { by: "overall", thresholds: { minDenominator: -1, minConversions: 1 } })).toThrow(RangeError);
  });

  describe("properties over rows rolled up from random clicks, engagements and attributions", () => {
    const rolledUp = fc
      .tuple(
        fc.array(clickArbitrary, { maxLength: 40 }),
        fc.array(engagementArbitrary, { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 30 }).chain((ids) => fc.tuple(...ids.map((_, i) => attributionArbitrary(String(i))))),
      )
      .map(([clicks, engagements, attributions]: [ClassifiedClick[], Engagement[], Attribution[]]) =>
        mergeRollups([
          ...clicks.flatMap((c) => clickRollup(c, "America/New_York")),
          ...engagements.flatMap(engagementRollup),
          ...attributions.flatMap((a) => attributionRollup(a, "America/New_York")),
        ]),
      );

    it("totals are the pooled sums of the influencer groups", () => {
      fc.assert(
        fc.property(rolledUp, fc.constantFrom("purchase", "signup") as fc.Arbitrary<"purchase" | "signup">, (rolled, goal) => {
          const { totals, groups } = summarize(rolled, { by: "influencer", goal });
          const sum = (pick: (g: GroupSummary) => number) => groups.reduce((total, g) => total + pick(g), 0);
          expect(sum((g) => g.clicks)).toBe(totals.clicks);
          expect(sum((g) => g.engagements)).toBe(totals.engagements);
          expect(sum((g) => g.conversions)).toBe(totals.conversions);
          expect(sum((g) => g.revenue)).toBe(totals.revenue);
          expect(sum((g) => g.byRule.code + g.byRule.link + g.byRule.utm)).toBe(totals.conversions);
          if (totals.clicks === 0) expect(totals.rate.ratePct).toBeNull();
          else expect(Math.abs(totals.rate.ratePct! - (totals.conversions / totals.clicks) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        }),
        { numRuns: 150 },
      );
    });

    it("no grouping ever produces a NaN or infinite rate, and exclusive segments add up to the totals", () => {
      fc.assert(
        fc.property(rolledUp, fc.constantFrom(...GROUP_BY_VALUES), fc.constantFrom("clicks", "engagements") as fc.Arbitrary<"clicks" | "engagements">, (rolled, by, denominator) => {
          const { totals, groups } = summarize(rolled, { by, denominator, influencers: roster, campaigns });
          for (const { rate } of [totals, ...groups]) {
            if (rate.ratePct !== null) expect(Number.isFinite(rate.ratePct)).toBe(true);
            if (rate.ci95Pct !== null) expect(rate.ci95Pct.every(Number.isFinite)).toBe(true);
            expect(rate.ratePct === null).toBe(rate.denominator === 0);
          }
          if (by === "country" || by === "device" || by === "customerType" || by === "campaign" || by === "platform") {
            expect(groups.reduce((sum, g) => sum + g.conversions, 0)).toBe(totals.conversions);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
