import { describe, expect, it } from "vitest";
import { roundTo } from "./round-to.js";

describe("roundTo", () => {
  it("rounds the decimal digits a person sees, half away from zero", () => {
    // Math.round(1.005 * 100) / 100 gives 1 because 1.005 * 100 is 100.49999999999999.
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(3.80658, 2)).toBe(3.81);
  });

  it("leaves values with fewer decimals alone", () => {
    expect(roundTo(5, 2)).toBe(5);
    expect(roundTo(7.5, 2)).toBe(7.5);
    expect(roundTo(123456789.12, 2)).toBe(123456789.12);
  });

  it("handles numbers printed in exponent form", () => {
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(roundTo(5e-7, 6)).toBe(0.000001);
    expect(roundTo(1.5e21, 2)).toBe(1.5e21);
  });

  it("never returns -0", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
  });

  it.each([
    [Number.NaN, 2],
    [Infinity, 2],
    [1, -1],
    [1, 1.5],
    [1, 16],
  ])("throws a RangeError for roundTo(%s, %s)", (value, decimals) => {
    expect(() => roundTo(value, decimals)).toThrow(RangeError);
  });
});
