import { describe, expect, it } from "vitest";
import { fitBetaPrior, WEAK_PRIOR_STRENGTH } from "./beta-prior.js";

/** Deterministic uniform numbers in [0, 1) (mulberry32), so the simulation below is repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A Beta(a, b) draw for whole a, b: the a-th smallest of a + b − 1 uniforms (order statistics). */
function betaDraw(random: () => number, a: number, b: number): number {
  const uniforms = Array.from({ length: a + b - 1 }, random).sort((x, y) => x - y);
  return uniforms[a - 1] ?? 0;
}

/** The documented fallback: worth WEAK_PRIOR_STRENGTH trials, centred on (x + ½) / (n + 1). */
function weakAround(conversions: number, trials: number) {
  const centre = (conversions + 0.5) / (trials + 1);
  return { alpha: centre * WEAK_PRIOR_STRENGTH, beta: (1 - centre) * WEAK_PRIOR_STRENGTH };
}

describe("fitBetaPrior", () => {
  it("matches the textbook method of moments when every sample has the same size", () => {
    // Equal n reduces Kleinman's estimator to ρ = (n·s² / (p̄(1 − p̄)) − 1) / (n − 1), s² the sample
    // variance of the rates (Wikipedia, "Beta-binomial distribution", method of moments).
    // Rates 2%, 5%, 11% of 100: p̄ = 0.06, s² = 0.0021, ρ = (0.21 / 0.0564 − 1) / 99.
    const rho = (0.21 / 0.0564 - 1) / 99;
    const strength = 1 / rho - 1;
    const prior = fitBetaPrior([
      { conversions: 2, trials: 100 },
      { conversions: 5, trials: 100 },
      { conversions: 11, trials: 100 },
    ]);
    expect(prior?.alpha).toBeCloseTo(0.06 * strength, 9);
    expect(prior?.beta).toBeCloseTo(0.94 * strength, 9);
  });

  it("recovers the prior that generated the data (simulated beta-binomial, unequal samples)", () => {
    // True prior Beta(2, 48): mean 4%, worth 50 trials.
    const random = seededRandom(20_240_601);
    const items = Array.from({ length: 400 }, (_, i) => {
      const trials = 200 + ((i * 37) % 800);
      const rate = betaDraw(random, 2, 48);
      let conversions = 0;
      for (let t = 0; t < trials; t++) if (random() < rate) conversions++;
      return { conversions, trials };
    });
    const prior = fitBetaPrior(items)!;
    const mean = prior.alpha / (prior.alpha + prior.beta);
    expect(mean).toBeGreaterThan(0.035);
    expect(mean).toBeLessThan(0.045);
    expect(prior.alpha + prior.beta).toBeGreaterThan(35);
    expect(prior.alpha + prior.beta).toBeLessThan(70);
  });

  describe("falls back to a weak prior centred on the pooled rate", () => {

    it("with a single influencer", () => {
      expect(fitBetaPrior([{ conversions: 3, trials: 40 }])).toEqual(weakAround(3, 40));
    });

    it("when nobody has converted yet (pooled rate 0: the prior must stay positive)", () => {
      const prior = fitBetaPrior([
        { conversions: 0, trials: 50 },
        { conversions: 0, trials: 80 },
      ])!;
      expect(prior).toEqual(weakAround(0, 130));
      expect(prior.alpha).toBeGreaterThan(0);
    });

    it("when every rate is identical (zero variance)", () => {
      expect(
        fitBetaPrior([
          { conversions: 5, trials: 100 },
          { conversions: 10, trials: 200 },
        ]),
      ).toEqual(weakAround(15, 300));
    });

    it("when the spread is within binomial noise (ρ ≤ 0: non-positive α, β)", () => {
      expect(
        fitBetaPrior([
          { conversions: 50, trials: 1000 },
          { conversions: 51, trials: 1000 },
          { conversions: 49, trials: 1000 },
        ]),
      ).toEqual(weakAround(150, 3000));
    });

    it("when two very unequal samples give ρ ≥ 1", () => {
      expect(
        fitBetaPrior([
          { conversions: 1, trials: 2 },
          { conversions: 400, trials: 10_000 },
        ]),
      ).toEqual(weakAround(401, 10_002));
    });
  });

  it("skips items with no trials and caps conversions at trials", () => {
    const withExtras = fitBetaPrior([
      { conversions: 2, trials: 100 },
      { conversions: 5, trials: 100 },
      { conversions: 11, trials: 100 },
      { conversions: 7, trials: 0 },
    ]);
    const without = fitBetaPrior([
      { conversions: 2, trials: 100 },
      { conversions: 5, trials: 100 },
      { conversions: 11, trials: 100 },
    ]);
    expect(withExtras).toEqual(without);
    expect(fitBetaPrior([{ conversions: 9, trials: 4 }])).toEqual(weakAround(4, 4));
  });

  it("is null when no item has trials", () => {
    expect(fitBetaPrior([])).toBeNull();
    expect(fitBetaPrior([{ conversions: 3, trials: 0 }])).toBeNull();
  });

  it("throws a RangeError naming the bad item", () => {
    expect(() => fitBetaPrior([{ conversions: 1, trials: 10 }, { conversions: -1, trials: 10 }])).toThrow(
      /items\[1\]\.conversions/,
    );
    expect(() => fitBetaPrior([{ conversions: 1, trials: 1.5 }])).toThrow(/items\[0\]\.trials/);
  });
});
