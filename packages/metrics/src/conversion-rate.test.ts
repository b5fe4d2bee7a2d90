import { describe, expect, it } from "vitest";
import { conversionRate } from "./conversion-rate.js";

describe("conversionRate", () => {
  it("is conversions per denominator in percent", () => {
    expect(conversionRate(50, 1000)).toBe(5);
    expect(conversionRate(75, 500)).toBe(15);
    expect(conversionRate(3, 40)).toBe(7.5);
    expect(conversionRate(0, 10)).toBe(0);
  });

  it("divides once, so whole-percent rates come out exact", () => {
    // 7 / 100 * 100 would be 7.000000000000001.
    expect(conversionRate(7, 100)).toBe(7);
  });

  it("is null (no data), never 0 or NaN, when the denominator is 0", () => {
    expect(conversionRate(4, 0)).toBeNull();
    expect(conversionRate(0, 0)).toBeNull();
  });

  it("returns rates above 100% unchanged (code-only conversions, engagements)", () => {
    expect(conversionRate(5, 4)).toBe(125);
  });

  it.each([
    [-1, 10],
    [1, -10],
    [1.5, 10],
    [1, 2.5],
    [Number.NaN, 10],
    [1, Infinity],
  ])("throws a RangeError for conversions %s / denominator %s", (conversions, denominator) => {
    expect(() => conversionRate(conversions, denominator)).toThrow(RangeError);
  });
});
