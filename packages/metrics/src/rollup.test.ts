import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCounts,
  attributionDelta,
  attributionRollup,
  clickRollup,
  emptyCounts,
  engagementRollup,
  mergeRollups,
  rollupKey,
} from "./rollup.js";
import { rollupRow as row } from "./test-rollup-row.js";
import { attributionArbitrary, clickArbitrary, engagementArbitrary, rollupRowArbitrary } from "./test-rollup-arbitraries.js";
import type { Attribution, ClassifiedClick, RollupRow } from "./types.js";

const NEW_YORK = "America/New_York";
/** 2024-03-10 02:30 UTC: still 2024-03-09 in New York. */
const LATE_EVENING = Date.UTC(2024, 2, 10, 2, 30);

const click = (overrides: Partial<ClassifiedClick> = {}): ClassifiedClick => ({
  id: "c1",
  at: LATE_EVENING,
  link: "alice-ig",
  influencerId: "alice",
  campaign: "summer",
  visitor: "v1",
  bot: false,
  counted: true,
  ...overrides,
});

const attribution = (overrides: Partial<Attribution> = {}): Attribution => ({
  orderId: "1001",
  orderName: "#1001",
  goal: "purchase",
  createdAt: LATE_EVENING,
  status: "attributed",
  excludedReason: null,
  influencerId: "alice",
  campaign: "summer",
  rule: "code",
  evidence: [],
  overruled: [],
  expired: [],
  revenue: 4_990,
  currency: "USD",
  segments: { customerType: "new", country: "us", device: "Mobile", products: ["tee", "cap", "tee"] },
  ...overrides,
});


describe("emptyCounts and addCounts", () => {
  it("starts from zero and returns a fresh object each time", () => {
    const a = emptyCounts();
    a.purchase.code = 5;
    expect(emptyCounts().purchase.code).toBe(0);
  });

  it("adds every field, including rule counts and negative deltas, without touching its inputs", () => {
    const a = { ...emptyCounts(), clicks: 2, revenue: 100, purchase: { code: 1, link: 0, utm: 0 } };
    const b = { ...emptyCounts(), clicks: 3, botClicks: 1, revenue: -40, purchase: { code: -1, link: 2, utm: 0 } };
    expect(addCounts(a, b)).toEqual({
      clicks: 5,
      botClicks: 1,
      engagements: 0,
      revenue: 60,
      purchase: { code: 0, link: 2, utm: 0 },
      signup: { code: 0, link: 0, utm: 0 },
    });
    expect(a.clicks).toBe(2);
    expect(addCounts(emptyCounts(), a)).toEqual(a);
  });
});

describe("rollupKey", () => {
  it("writes every field length-prefixed", () => {
    expect(rollupKey({ day: "2024-01-01", influencerId: "alice", campaign: null, dimension: "", value: "" })).toBe(
      "10:2024-01-01|5:alice|-|0:|0:",
    );
    expect(rollupKey({ day: "2024-01-01", influencerId: "alice", campaign: "summer", dimension: "country", value: "FR" })).toBe(
      "10:2024-01-01|5:alice|6:summer|7:country|2:FR",
    );
  });

  it("keeps a null campaign apart from an empty one and survives separators in ids", () => {
    const base = { day: "2024-01-01", influencerId: "a|b", dimension: "" as const, value: "" };
    expect(rollupKey({ ...base, campaign: null })).not.toBe(rollupKey({ ...base, campaign: "" }));
    expect(rollupKey({ ...base, influencerId: "a", campaign: "b|c" })).not.toBe(rollupKey({ ...base, campaign: "c" }));
    expect(rollupKey({ ...base, campaign: "x", value: "1:y" })).not.toBe(rollupKey({ ...base, campaign: "x|1:y", value: "" }));
    expect(rollupKey({ ...base, campaign: "-" })).not.toBe(rollupKey({ ...base, campaign: null }));
  });
});

describe("clickRollup", () => {
  it("files a counted click under its local day, with country and device rows when known", () => {
    expect(clickRollup(click({ country: "fr", device: " Mobile " }), NEW_YORK)).toEqual([
      row({ clicks: 1 }),
      row({ dimension: "country", value: "FR", clicks: 1 }),
      row({ dimension: "device", value: "mobile", clicks: 1 }),
    ]);
    expect(clickRollup(click(), "UTC")).toEqual([row({ day: "2024-03-10", clicks: 1 })]);
  });

  it("adds a bot to botClicks on the base row only", () => {
    expect(clickRollup(click({ bot: true, counted: false, country: "US" }), NEW_YORK)).toEqual([row({ botClicks: 1 })]);
  });

  it("adds nothing for a repeat click", () => {
    expect(clickRollup(click({ counted: false }), NEW_YORK)).toEqual([]);
  });

  it("treats an empty campaign as no campaign", () => {
    expect(clickRollup(click({ campaign: " " }), NEW_YORK)[0]?.campaign).toBeNull();
    expect(clickRollup(click({ campaign: undefined }), NEW_YORK)[0]?.campaign).toBeNull();
  });

  it("throws a RangeError for a bad zone or timestamp", () => {
    expect(() => clickRollup(click(), "Nowhere/City")).toThrow(RangeError);
    expect(() => clickRollup(click({ at: Number.NaN }), "UTC")).toThrow(RangeError);
  });
});

describe("engagementRollup", () => {
  it("adds the count to the base row of its day", () => {
    expect(engagementRollup({ day: "2024-03-09", influencerId: "alice", campaign: "summer", count: 120 })).toEqual([
      row({ engagements: 120 }),
    ]);
    expect(engagementRollup({ day: "2024-03-09", influencerId: "alice", count: 7 })[0]?.campaign).toBeNull();
  });

  it("adds nothing for a zero count", () => {
    expect(engagementRollup({ day: "2024-03-09", influencerId: "alice", count: 0 })).toEqual([]);
  });

  it("throws a RangeError for a bad day or count", () => {
    expect(() => engagementRollup({ day: "2024-3-9", influencerId: "alice", count: 1 })).toThrow(RangeError);
    expect(() => engagementRollup({ day: "2024-03-09", influencerId: "alice", count: -1 })).toThrow(RangeError);
    expect(() => engagementRollup({ day: "2024-03-09", influencerId: "alice", count: 1.5 })).toThrow(RangeError);
  });
});

describe("attributionRollup", () => {
  const purchase = { purchase: { code: 1, link: 0, utm: 0 }, revenue: 4_990 };

  it("adds one conversion under goal and rule, with revenue, to the base row and each known segment", () => {
    expect(attributionRollup(attribution(), NEW_YORK)).toEqual([
      row(purchase),
      row({ dimension: "customerType", value: "new", ...purchase }),
      row({ dimension: "country", value: "US", ...purchase }),
      row({ dimension: "device", value: "mobile", ...purchase }),
      // One row per distinct product, each carrying the whole order.
      row({ dimension: "product", value: "tee", ...purchase }),
      row({ dimension: "product", value: "cap", ...purchase }),
    ]);
  });

  it("counts a sign-up under signup, with no revenue", () => {
    const rows = attributionRollup(attribution({ goal: "signup", rule: "link", revenue: 0, segments: { products: [] } }), "UTC");
    expect(rows).toEqual([row({ day: "2024-03-10", signup: { code: 0, link: 1, utm: 0 } })]);
  });

  it("takes an attribution back out with sign -1", () => {
    const [base] = attributionRollup(attribution(), NEW_YORK, -1);
    expect(base).toEqual(row({ purchase: { code: -1, link: 0, utm: 0 }, revenue: -4_990 }));
  });

  it("adds nothing for excluded or unattributed orders", () => {
    expect(attributionRollup(attribution({ status: "excluded", excludedReason: "test" }), NEW_YORK)).toEqual([]);
    expect(
      attributionRollup(attribution({ status: "unattributed", influencerId: null, rule: null }), NEW_YORK),
    ).toEqual([]);
  });

  it("gives every row its own rule counts", () => {
    const rows = attributionRollup(attribution(), NEW_YORK);
    rows[0]!.purchase.code = 99;
    expect(rows[1]!.purchase.code).toBe(1);
  });

  it("throws a RangeError for an attributed order with no influencer or rule, bad revenue, or a bad sign", () => {
    expect(() => attributionRollup(attribution({ influencerId: null }), "UTC")).toThrow(/1001.*names no influencer/);
    expect(() => attributionRollup(attribution({ rule: null }), "UTC")).toThrow(RangeError);
    expect(() => attributionRollup(attribution({ revenue: 12.5 }), "UTC")).toThrow(/minor units/);
    expect(() => attributionRollup(attribution(), "UTC", 2 as 1)).toThrow(/sign/);
    expect(() => attributionRollup(attribution({ goal: "lead" as "purchase" }), "UTC")).toThrow(/goal/);
  });
});

describe("attributionDelta", () => {
  it("takes a refunded conversion back out, segments included", () => {
    const before = attribution();
    const after = attribution({ status: "excluded", excludedReason: "refunded", revenue: 0 });
    const delta = attributionDelta(before, after, NEW_YORK);
    expect(delta).toHaveLength(6);
    expect(mergeRollups([...attributionRollup(before, NEW_YORK), ...delta])).toEqual([]);
  });

  it("moves a re-attributed order from one influencer to the other", () => {
    const delta = attributionDelta(attribution(), attribution({ influencerId: "bob", rule: "link" }), NEW_YORK);
    const base = delta.filter((r) => r.dimension === "");
    expect(base).toEqual([
      row({ purchase: { code: -1, link: 0, utm: 0 }, revenue: -4_990 }),
      row({ influencerId: "bob", purchase: { code: 0, link: 1, utm: 0 }, revenue: 4_990 }),
    ]);
  });

  it("reduces revenue only, for a partial refund", () => {
    const delta = attributionDelta(attribution(), attribution({ revenue: 3_000 }), NEW_YORK);
    expect(delta.every((r) => r.revenue === -1_990 && r.purchase.code === 0)).toBe(true);
    expect(delta).toHaveLength(6);
  });

  it("is empty when nothing counted changed (a duplicate webhook)", () => {
    expect(attributionDelta(attribution(), attribution({ evidence: [] }), NEW_YORK)).toEqual([]);
    expect(attributionDelta(null, null, NEW_YORK)).toEqual([]);
  });

  it("adds a new order, and removes a deleted one", () => {
    expect(attributionDelta(null, attribution(), NEW_YORK)).toEqual(mergeRollups(attributionRollup(attribution(), NEW_YORK)));
    expect(attributionDelta(attribution(), null, NEW_YORK)).toEqual(mergeRollups(attributionRollup(attribution(), NEW_YORK, -1)));
  });

  it("throws a RangeError when the two attributions are for different orders", () => {
    expect(() => attributionDelta(attribution(), attribution({ orderId: "1002" }), "UTC")).toThrow(/1001 and 1002/);
  });

  it("property: applying deltas for any sequence of changes equals rolling up the final attributions", () => {
    // [order id, null now and then: the order disappears (deleted, or never stored)]
    const change = fc.tuple(fc.constantFrom("1", "2", "3"), fc.option(fc.constant(0), { freq: 6 }));
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 25 }).chain((changes) =>
          fc.tuple(
            fc.constant(changes),
            fc.tuple(...changes.map(([orderId]) => attributionArbitrary(orderId))),
            fc.constantFrom(NEW_YORK, "UTC", "Asia/Kolkata"),
          ),
        ),
        ([changes, attributions, timeZone]) => {
          const stored = new Map<string, Attribution>();
          const applied: RollupRow[] = [];
          changes.forEach(([orderId, removed], index) => {
            const next = removed === null ? null : (attributions[index] ?? null);
            applied.push(...attributionDelta(stored.get(orderId) ?? null, next, timeZone));
            if (next === null) stored.delete(orderId);
            else stored.set(orderId, next);
          });
          const fromScratch = [...stored.values()].flatMap((a) => attributionRollup(a, timeZone));
          expect(mergeRollups(applied)).toEqual(mergeRollups(fromScratch));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("mergeRollups", () => {
  it("sums rows by key and drops rows that sum to zero", () => {
    const merged = mergeRollups([
      row({ clicks: 1 }),
      row({ clicks: 2, revenue: 10 }),
      row({ influencerId: "bob", clicks: 1 }),
      row({ influencerId: "bob", clicks: -1 }),
    ]);
    expect(merged).toEqual([row({ clicks: 3, revenue: 10 })]);
  });

  it("orders by day, influencer, campaign (none first), dimension, value", () => {
    const merged = mergeRollups([
      row({ day: "2024-03-10", clicks: 1 }),
      row({ campaign: "b", clicks: 1 }),
      row({ campaign: null, dimension: "country", value: "US", clicks: 1 }),
      row({ campaign: null, clicks: 1 }),
      row({ influencerId: "aaron", clicks: 1 }),
    ]);
    expect(merged.map((r) => [r.day, r.influencerId, r.campaign, r.dimension, r.value])).toEqual([
      ["2024-03-09", "aaron", "summer", "", ""],
      ["2024-03-09", "alice", null, "", ""],
      ["2024-03-09", "alice", null, "country", "US"],
      ["2024-03-09", "alice", "b", "", ""],
      ["2024-03-10", "alice", "summer", "", ""],
    ]);
  });

  it("does not modify its input rows", () => {
    const input = [row({ clicks: 1 }), row({ clicks: 1 })];
    mergeRollups(input);
    expect(input[0]?.clicks).toBe(1);
  });

  it("throws a RangeError for a count that is not a safe integer, rather than summing NaN", () => {
    expect(() => mergeRollups([row({ clicks: Number.NaN })])).toThrow(/not a safe integer/);
    expect(() => mergeRollups([row({ revenue: 1.5 })])).toThrow(RangeError);
  });

  it("property: the result does not depend on input order or on merging in parts", () => {
    fc.assert(
      fc.property(
        fc
          .array(rollupRowArbitrary, { maxLength: 40 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }), fc.nat(rows.length)),
          ),
        ([rows, shuffled, cut]) => {
          const merged = mergeRollups(rows);
          expect(mergeRollups(shuffled)).toEqual(merged);
          expect(mergeRollups([...mergeRollups(rows.slice(0, cut)), ...mergeRollups(rows.slice(cut))])).toEqual(merged);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: clicks and engagements roll up to as many counted clicks and engagements", () => {
    fc.assert(
      fc.property(fc.array(clickArbitrary, { maxLength: 30 }), fc.array(engagementArbitrary, { maxLength: 10 }), (clicks, engagements) => {
        const merged = mergeRollups([
          ...clicks.flatMap((c) => clickRollup(c, NEW_YORK)),
          ...engagements.flatMap(engagementRollup),
        ]);
        const base = merged.filter((r) => r.dimension === "");
        expect(base.reduce((sum, r) => sum + r.clicks, 0)).toBe(clicks.filter((c) => c.counted).length);
        expect(base.reduce((sum, r) => sum + r.botClicks, 0)).toBe(clicks.filter((c) => c.bot).length);
        expect(base.reduce((sum, r) => sum + r.engagements, 0)).toBe(engagements.reduce((sum, e) => sum + e.count, 0));
      }),
    );
  });
});
