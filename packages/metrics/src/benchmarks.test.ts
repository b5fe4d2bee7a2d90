import { describe, expect, it } from "vitest";
import { describePlacement, findBenchmark, INDUSTRY_BENCHMARKS, placeAgainstBenchmark } from "./benchmarks.js";

describe("INDUSTRY_BENCHMARKS", () => {
  it("covers the industries the brief names, each with a sourced, sane range", () => {
    const ids = INDUSTRY_BENCHMARKS.map((b) => b.id);
    expect(ids).toEqual(
      expect.arrayContaining(["all", "retail", "fashion", "beauty", "health", "food", "home", "technology", "services", "travel"]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const benchmark of INDUSTRY_BENCHMARKS) {
      expect(benchmark.lowPct).toBeGreaterThan(0);
      expect(benchmark.highPct).toBeGreaterThanOrEqual(benchmark.lowPct);
      expect(benchmark.highPct).toBeLessThan(20);
      // Every range names its publisher and year.
      expect(benchmark.source).toMatch(/\(\d{4}/);
      if (benchmark.sourceUrl !== undefined) expect(benchmark.sourceUrl).toMatch(/^https:\/\//);
    }
  });

  it("cannot be edited in place (shops pass their own list instead)", () => {
    expect(Object.isFrozen(INDUSTRY_BENCHMARKS)).toBe(true);
    expect(Object.isFrozen(INDUSTRY_BENCHMARKS[0])).toBe(true);
  });
});

describe("findBenchmark", () => {
  it("finds by id in the built-in list or a shop's own", () => {
    expect(findBenchmark("retail")?.label).toBe("Retail / e-commerce");
    expect(findBenchmark("nope")).toBeUndefined();
    const own = [{ id: "retail", label: "Our retail", lowPct: 2, highPct: 4, source: "Our 2023 data (2023)" }];
    expect(findBenchmark("retail", own)?.lowPct).toBe(2);
  });
});

describe("placeAgainstBenchmark", () => {
  const range = { lowPct: 1.5, highPct: 3 };

  it("places a rate below, within (ends included) or above", () => {
    expect(placeAgainstBenchmark(1.49, range)).toBe("below");
    expect(placeAgainstBenchmark(1.5, range)).toBe("within");
    expect(placeAgainstBenchmark(3, range)).toBe("within");
    expect(placeAgainstBenchmark(3.01, range)).toBe("above");
    expect(placeAgainstBenchmark(0, range)).toBe("below");
  });

  it("is null when there is no rate", () => {
    expect(placeAgainstBenchmark(null, range)).toBeNull();
  });

  it("throws a RangeError for an inverted or non-finite range, or a non-finite rate", () => {
    expect(() => placeAgainstBenchmark(2, { lowPct: 3, highPct: 1 })).toThrow(RangeError);
    expect(() => placeAgainstBenchmark(2, { lowPct: Number.NaN, highPct: 1 })).toThrow(RangeError);
    expect(() => placeAgainstBenchmark(Number.NaN, range)).toThrow(RangeError);
  });
});

describe("describePlacement", () => {
  it("writes one sentence with the range", () => {
    const retail = { label: "Retail", lowPct: 1.5, highPct: 3 };
    expect(describePlacement(3.4, retail)).toBe("Above the retail range (1.5–3%)");
    expect(describePlacement(2, retail)).toBe("Within the retail range (1.5–3%)");
    expect(describePlacement(0.4, retail)).toBe("Below the retail range (1.5–3%)");
    expect(describePlacement(null, retail)).toBe("No data to compare with the retail range (1.5–3%)");
  });

  it("keeps acronyms in labels", () => {
    expect(describePlacement(9, findBenchmark("services")!)).toBe("Above the services (B2C) range (5–8.7%)");
    expect(describePlacement(1, { label: "B2C services", lowPct: 2, highPct: 4 })).toBe("Below the B2C services range (2–4%)");
  });
});
