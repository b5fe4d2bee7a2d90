import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf.js";
import { normalQuantile } from "./normal-quantile.js";

describe("normalQuantile", () => {
  // Reference values: R `qnorm(p)` to the 7 digits R prints; full digits from Python's
  // statistics.NormalDist().inv_cdf(p), an independent AS 241 implementation.
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [0.025, -1.959963984540054],
    [0.1, -1.2815515655446008],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612],
  ])("Φ⁻¹(%s) = %s", (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
  });

  it("inverts normalCdf across all three regions of AS 241", () => {
    for (const p of [1e-200, 1e-20, 1e-5, 0.01, 0.07, 0.075, 0.2, 0.5, 0.8, 0.925, 0.99, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 11);
    }
  });

  it("is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    for (const p of [0.001, 0.03, 0.2, 0.4]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
  });

  it("returns the infinities at 0 and 1", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it.each([-0.1, 1.1, Number.NaN])("throws a RangeError for p = %s", (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});
