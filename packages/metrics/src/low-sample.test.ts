import { describe, expect, it } from "vitest";
import { DEFAULT_LOW_SAMPLE, isLowSample } from "./low-sample.js";

describe("isLowSample", () => {
  it("defaults to METRICS.md §3: fewer than 100 clicks or fewer than 5 conversions", () => {
    expect(DEFAULT_LOW_SAMPLE).toEqual({ minDenominator: 100, minConversions: 5 });
    expect(isLowSample(5, 100)).toBe(false);
    expect(isLowSample(5, 99)).toBe(true);
    expect(isLowSample(4, 100_000)).toBe(true);
    expect(isLowSample(0, 0)).toBe(true);
  });

  it("uses the shop's thresholds when given", () => {
    const thresholds = { minDenominator: 20, minConversions: 2 };
    expect(isLowSample(3, 40, thresholds)).toBe(false);
    expect(isLowSample(1, 40, thresholds)).toBe(true);
    // Zero thresholds still flag an empty denominator: no data is never enough data.
    expect(isLowSample(0, 0, { minDenominator: 0, minConversions: 0 })).toBe(true);
  });

  it("cannot be changed through the shared default", () => {
    expect(Object.isFrozen(DEFAULT_LOW_SAMPLE)).toBe(true);
  });

  it("throws a RangeError for bad counts or thresholds", () => {
    expect(() => isLowSample(-1, 10)).toThrow(RangeError);
    expect(() => isLowSample(1, 10, { minDenominator: -5, minConversions: 1 })).toThrow(/minDenominator/);
    expect(() => isLowSample(1, 10, { minDenominator: 5, minConversions: 0.5 })).toThrow(/minConversions/);
  });
});
