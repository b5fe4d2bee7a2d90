import { describe, expect, it } from "vitest";
import { rankInfluencers } from "./rank.js";

/** A realistic roster: rates of 1.5–4% on hundreds to thousands of clicks. */
const roster = [
  { id: "lucky", conversions: 1, trials: 2 },
  { id: "steady", conversions: 400, trials: 10_000 },
  { id: "c", conversions: 12, trials: 400 },
  { id: "d", conversions: 30, trials: 1200 },
  { id: "e", conversions: 8, trials: 350 },
  { id: "f", conversions: 45, trials: 1500 },
  { id: "g", conversions: 5, trials: 300 },
  { id: "h", conversions: 20, trials: 800 },
  { id: "i", conversions: 3, trials: 150 },
  { id: "j", conversions: 60, trials: 2500 },
];

describe("rankInfluencers", () => {
  it("does not let 1 sale from 2 clicks outrank 400 sales from 10,000 (METRICS.md §3)", () => {
    const ranked = rankInfluencers(roster);
    const lucky = ranked.find((r) => r.id === "lucky")!;
    const steady = ranked.find((r) => r.id === "steady")!;
    expect(lucky.rawPct).toBe(50);
    expect(steady.rawPct).toBe(4);
    expect(steady.rank).toBe(1);
    expect(lucky.rank).toBeGreaterThan(steady.rank);
    // The lucky one is pulled most of the way to the shop's typical rate.
    expect(lucky.shrunkPct!).toBeLessThan(5);
    expect(steady.shrunkPct!).toBeCloseTo(4, 0);
  });

  it("keeps the caller's fields, adds raw and shrunk rates, and numbers ranks from 1", () => {
    const ranked = rankInfluencers(roster);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ranked[0]).toMatchObject({ id: "steady", conversions: 400, trials: 10_000 });
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.shrunkPct!).toBeGreaterThanOrEqual(ranked[i]!.shrunkPct!);
  });

  it("shrinks with the given prior: (x + α) / (n + α + β)", () => {
    const [only] = rankInfluencers([{ conversions: 3, trials: 40 }], { prior: { alpha: 2, beta: 38 } });
    // (3 + 2) / (40 + 40) = 6.25%.
    expect(only).toMatchObject({ rawPct: 7.5, shrunkPct: 6.25, rank: 1 });
  });

  it("breaks ties by more trials first, then the caller's order", () => {
    const prior = { alpha: 1, beta: 9 };
    const ranked = rankInfluencers(
      [
        { id: "first", conversions: 1, trials: 10 },
        { id: "bigger", conversions: 10, trials: 100 },
        { id: "second", conversions: 1, trials: 10 },
      ],
      { prior },
    );
    // All three shrink to exactly 10%.
    expect(ranked.map((r) => r.id)).toEqual(["bigger", "first", "second"]);
  });

  it("ranks items without trials last, with null rates", () => {
    const ranked = rankInfluencers([
      { id: "codes-only", conversions: 3, trials: 0 },
      { id: "a", conversions: 2, trials: 100 },
      { id: "b", conversions: 5, trials: 100 },
    ]);
    expect(ranked[2]).toMatchObject({ id: "codes-only", rawPct: null, shrunkPct: null, rank: 3 });
  });

  it("gives null shrunk rates when nobody has trials, ordered as given", () => {
    const ranked = rankInfluencers([
      { id: "x", conversions: 1, trials: 0 },
      { id: "y", conversions: 0, trials: 0 },
    ]);
    expect(ranked.map((r) => [r.id, r.shrunkPct, r.rank])).toEqual([
      ["x", null, 1],
      ["y", null, 2],
    ]);
  });

  it("returns [] for no items and does not modify its input", () => {
    expect(rankInfluencers([])).toEqual([]);
    const items = [{ conversions: 1, trials: 10 }];
    rankInfluencers(items);
    expect(items).toEqual([{ conversions: 1, trials: 10 }]);
  });

  it("throws a RangeError for bad counts or a bad prior", () => {
    expect(() => rankInfluencers([{ conversions: 1, trials: -2 }])).toThrow(/items\[0\]\.trials/);
    expect(() => rankInfluencers([{ conversions: 1, trials: 2 }], { prior: { alpha: 0, beta: 1 } })).toThrow(RangeError);
    expect(() => rankInfluencers([{ conversions: 1, trials: 2 }], { prior: { alpha: 1, beta: Infinity } })).toThrow(
      RangeError,
    );
  });
});
