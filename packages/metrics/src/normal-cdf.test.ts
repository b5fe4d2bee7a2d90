import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf.js";

describe("normalCdf", () => {
  // Reference values: R 4.x `pnorm(x)`, cross-checked with Python's 0.5 * math.erfc(-x / sqrt(2)).
  it.each([
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.959963984540054, 0.975],
    [-1.96, 0.024997895148220435],
    [-2.5, 0.006209665325776139],
    [-3, 0.0013498980316300957],
    [3, 0.9986501019683699],
    [-5, 2.866515718791946e-7],
  ])("Φ(%s) = %s", (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 14);
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-12);
  });

  it("keeps relative accuracy deep in the lower tail (R: pnorm(-10) = 7.619853e-24)", () => {
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
    expect(normalCdf(-37)).toBeGreaterThan(0);
  });

  it("is 0 and 1 at the infinities and symmetric around 0", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    for (const x of [0.1, 0.7, 1.3, 2.2, 2.9, 3.1, 4.5]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });

  it("is monotone across the switch from series to continued fraction", () => {
    let previous = 0;
    for (let x = -6; x <= 6; x += 0.001) {
      const value = normalCdf(x);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it("throws a RangeError for NaN", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(RangeError);
  });
});
