import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson.js";

function rounded(interval: [number, number] | null, decimals: number): [number, number] | null {
  return interval === null ? null : [Number(interval[0].toFixed(decimals)), Number(interval[1].toFixed(decimals))];
}

describe("wilsonInterval", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17, Table I, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ] as const)("%i of %i gives Newcombe's interval", (successes, trials, expected) => {
    expect(rounded(wilsonInterval(successes, trials), 4)).toEqual(expected);
  });

  it("matches the METRICS.md §2 vectors in percent", () => {
    expect(rounded(wilsonInterval(50, 1000), 4)).toEqual([0.0381, 0.0653]);
    expect(rounded(wilsonInterval(75, 500), 4)).toEqual([0.1214, 0.184]);
    expect(rounded(wilsonInterval(3, 40), 4)).toEqual([0.0258, 0.1986]);
  });

  it("pins the bound at exactly 0 or 1 for 0 or n successes", () => {
    expect(wilsonInterval(0, 10)?.[0]).toBe(0);
    expect(wilsonInterval(10, 10)?.[1]).toBe(1);
    expect(wilsonInterval(10, 10)?.[0]).toBeCloseTo(1 - 0.2775327998628891, 12);
  });

  it("widens with confidence and always contains the observed rate", () => {
    const at90 = wilsonInterval(50, 1000, 0.9);
    const at99 = wilsonInterval(50, 1000, 0.99);
    const at95 = wilsonInterval(50, 1000);
    expect(at90 && at95 && at99).not.toBeNull();
    expect(at99![0]).toBeLessThan(at95![0]);
    expect(at90![0]).toBeGreaterThan(at95![0]);
    expect(at99![1]).toBeGreaterThan(at95![1]);
    for (const [s, n] of [[1, 2], [7, 9], [400, 10_000], [1, 1_000_000]] as const) {
      const [low, high] = wilsonInterval(s, n)!;
      expect(low).toBeLessThanOrEqual(s / n);
      expect(high).toBeGreaterThanOrEqual(s / n);
    }
  });

  it("is null when there are no trials or more successes than trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(4, 0)).toBeNull();
    expect(wilsonInterval(5, 4)).toBeNull();
  });

  it.each([
    [-1, 10, 0.95],
    [1, 10.5, 0.95],
    [1, 10, 0],
    [1, 10, 1],
    [1, 10, Number.NaN],
  ])("throws a RangeError for (%s, %s, %s)", (successes, trials, confidence) => {
    expect(() => wilsonInterval(successes, trials, confidence)).toThrow(RangeError);
  });
});
