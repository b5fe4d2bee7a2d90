import { describe, expect, it } from "vitest";
import { compareRates } from "./compare-rates.js";

const alice = (conversions: number, trials: number) => ({ label: "Alice", conversions, trials });
const bob = (conversions: number, trials: number) => ({ label: "Bob", conversions, trials });

describe("compareRates", () => {
  it("runs a pooled two-proportion z-test", () => {
    // 50/1000 vs 31/1000: pooled 0.0405, z = 0.019 / √(0.0405 · 0.9595 · 0.002) = 2.1552.
    // Two-sided p = erfc(z / √2) = 0.0311458 (computed independently with Python's math.erfc;
    // the same as R's prop.test(c(50, 31), c(1000, 1000), correct = FALSE), whose X² is z²).
    const result = compareRates(alice(50, 1000), bob(31, 1000));
    expect(result.pValue).toBeCloseTo(0.0311458, 6);
    expect(result.diffPct).toBe(1.9);
    expect(result.significant).toBe(true);
    expect(result.verdict).toBe("Alice converts better than Bob (5.0% vs 3.1%, p = 0.031): likely a real difference.");
  });

  it("approximates P(A > B) under Beta(1 + x, 1 + n − x) posteriors within a percentage point", () => {
    // Exact values by numerical integration of ∫ f_A(x) F_B(x) dx (Simpson/trapezoid, 200,000 steps).
    expect(compareRates(alice(50, 1000), bob(31, 1000)).probabilityABetter).toBeCloseTo(0.9842, 2);
    expect(compareRates(alice(12, 200), bob(5, 180)).probabilityABetter).toBeCloseTo(0.9301, 2);
  });

  it("says 'very likely' when the winner is at least 99% likely better, and names the winner either way", () => {
    const result = compareRates(alice(5, 1000), bob(90, 1000));
    expect(result.diffPct).toBe(-8.5);
    expect(result.probabilityABetter).toBeLessThan(0.01);
    expect(result.verdict).toBe("Bob converts better than Alice (0.50% vs 9.0%, p < 0.001): very likely a real difference.");
  });

  it("says when there is not enough evidence", () => {
    const result = compareRates(alice(50, 1000), bob(46, 1000));
    expect(result.significant).toBe(false);
    expect(result.verdict).toBe("Not enough evidence that Alice and Bob differ (5.0% vs 4.6%, p = 0.68).");
  });

  it("treats two identical 0% rates as no evidence, with p = 1", () => {
    const result = compareRates({ conversions: 0, trials: 10 }, { conversions: 0, trials: 20 });
    expect(result.pValue).toBe(1);
    expect(result.verdict).toBe("Not enough evidence that A and B differ (0.0% vs 0.0%, p = 1).");
  });

  it("honours a stricter confidence", () => {
    expect(compareRates(alice(50, 1000), bob(31, 1000), { confidence: 0.99 }).significant).toBe(false);
  });

  it("says who has no data yet", () => {
    expect(compareRates(alice(50, 1000), bob(0, 0))).toEqual({
      diffPct: null,
      pValue: null,
      probabilityABetter: null,
      significant: false,
      verdict: "No data for Bob yet.",
    });
    expect(compareRates(alice(0, 0), bob(0, 0)).verdict).toBe("No data for Alice or Bob yet.");
  });

  it("refuses to test a rate above 100% but still gives the difference", () => {
    const result = compareRates(alice(5, 4), bob(1, 10), { denominator: "clicks" });
    expect(result.diffPct).toBe(115);
    expect(result.pValue).toBeNull();
    expect(result.probabilityABetter).toBeNull();
    expect(result.verdict).toBe(
      "Cannot test Alice against Bob (125.0% vs 10.0%): Alice has more conversions than clicks, so the rate is not a proportion.",
    );
  });

  it("throws a RangeError for bad counts or confidence", () => {
    expect(() => compareRates(alice(-1, 10), bob(1, 10))).toThrow(/Alice\.conversions/);
    expect(() => compareRates(alice(1, 10), bob(1, 10.5))).toThrow(/Bob\.trials/);
    expect(() => compareRates(alice(1, 10), bob(1, 10), { confidence: 1 })).toThrow(RangeError);
  });
});
