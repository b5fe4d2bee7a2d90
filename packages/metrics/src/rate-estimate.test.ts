import { describe, expect, it } from "vitest";
import { estimateRate } from "./rate-estimate.js";

describe("estimateRate", () => {
  it("gives the rate, its Wilson interval in percent, and the flags", () => {
    expect(estimateRate(50, 1000)).toEqual({
      conversions: 50,
      denominator: 1000,
      denominatorKind: "clicks",
      ratePct: 5,
      ci95Pct: [3.81, 6.53],
      lowSample: false,
      aboveHundred: false,
    });
  });

  it("rounds to 2 decimals, half away from zero", () => {
    // 1/3 = 33.333…%; 2/3 = 66.666…%; 1/8 = 12.5% exactly.
    expect(estimateRate(1, 3).ratePct).toBe(33.33);
    expect(estimateRate(2, 3).ratePct).toBe(66.67);
    expect(estimateRate(1, 8).ratePct).toBe(12.5);
    // 1/80 = 1.25% exactly: nothing to round.
    expect(estimateRate(1, 80).ratePct).toBe(1.25);
    // 1/160 = 0.625% → 0.63 (half away from zero, not banker's 0.62).
    expect(estimateRate(1, 160).ratePct).toBe(0.63);
  });

  it("says which denominator it used", () => {
    expect(estimateRate(10, 2000, { denominatorKind: "engagements" }).denominatorKind).toBe("engagements");
  });

  it("shows and flags a rate above 100%, without an interval", () => {
    const estimate = estimateRate(5, 4);
    expect(estimate.ratePct).toBe(125);
    expect(estimate.aboveHundred).toBe(true);
    expect(estimate.ci95Pct).toBeNull();
  });

  it("is 'no data' for a zero denominator", () => {
    expect(estimateRate(4, 0)).toMatchObject({ ratePct: null, ci95Pct: null, lowSample: true, aboveHundred: false });
  });

  it("applies the shop's thresholds and confidence", () => {
    expect(estimateRate(3, 40).lowSample).toBe(true);
    expect(estimateRate(3, 40, { thresholds: { minDenominator: 20, minConversions: 2 } }).lowSample).toBe(false);
    const at99 = estimateRate(50, 1000, { confidence: 0.99 }).ci95Pct!;
    // z = 2.5758 widens the interval: 3.50–7.09 (same formula as wilsonInterval, Newcombe 1998).
    expect(at99).toEqual([3.5, 7.09]);
  });

  it("throws a RangeError on bad input instead of returning NaN", () => {
    expect(() => estimateRate(-1, 10)).toThrow(RangeError);
    expect(() => estimateRate(1, 10.5)).toThrow(RangeError);
    expect(() => estimateRate(1, 10, { confidence: 2 })).toThrow(RangeError);
    expect(() => estimateRate(1, 10, { denominatorKind: "views" as "clicks" })).toThrow(/denominatorKind/);
  });
});
