import { describe, expect, it } from "vitest";
import { estimateRate } from "./rate-estimate.js";

// METRICS.md §2 "Worked examples (test vectors)", end to end through the function every surface uses.
describe("METRICS.md §2 worked examples", () => {
  it.each([
    { clicks: 1000, conversions: 50, goal: "purchase", ratePct: 5, ci95Pct: [3.81, 6.53] },
    { clicks: 500, conversions: 75, goal: "signup", ratePct: 15, ci95Pct: [12.14, 18.4] },
    { clicks: 10, conversions: 0, goal: "purchase", ratePct: 0, ci95Pct: [0, 27.75] },
    { clicks: 40, conversions: 3, goal: "purchase", ratePct: 7.5, ci95Pct: [2.58, 19.86] },
    { clicks: 0, conversions: 4, goal: "purchase", ratePct: null, ci95Pct: null },
  ])("$conversions $goal conversions from $clicks clicks", ({ clicks, conversions, ratePct, ci95Pct }) => {
    const estimate = estimateRate(conversions, clicks);
    expect(estimate.ratePct).toBe(ratePct);
    expect(estimate.ci95Pct).toEqual(ci95Pct);
    expect(estimate.denominatorKind).toBe("clicks");
  });

  it("flags the small examples as low-sample (§3: clicks < 100 or conversions < 5)", () => {
    expect(estimateRate(50, 1000).lowSample).toBe(false);
    expect(estimateRate(75, 500).lowSample).toBe(false);
    expect(estimateRate(0, 10).lowSample).toBe(true);
    expect(estimateRate(3, 40).lowSample).toBe(true);
    expect(estimateRate(4, 0).lowSample).toBe(true);
  });
});
