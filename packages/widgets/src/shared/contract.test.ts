import { describe, expect, it } from "vitest";
import { parseLeaderboard, parseRate } from "./contract.js";
import { RATE } from "./test-fixture.js";
import { WidgetError } from "./widget-error.js";

const LEADERBOARD = {
  goal: "purchase",
  denominator: "clicks",
  from: "2026-11-04",
  to: "2026-12-03",
  influencers: [
    {
      rank: 1,
      handle: "alice",
      name: "Alice Rivera",
      platform: "instagram",
      clicks: 1000,
      conversions: 50,
      ratePct: 5,
      ci95Pct: [3.81, 6.53],
      shrunkPct: 4.8,
      lowSample: false,
    },
  ],
  generatedAt: "2026-12-04T06:00:00.000Z",
};

/** The message parseRate / parseLeaderboard throws for `value`. */
function errorOf(parse: (v: unknown) => unknown, value: unknown): string {
  try {
    parse(value);
  } catch (e) {
    expect(e).toBeInstanceOf(WidgetError);
    expect((e as WidgetError).code).toBe("invalid");
    return (e as Error).message;
  }
  throw new Error("expected the payload to be rejected");
}

describe("parseRate", () => {
  it("accepts the documented /rate response and returns it as is", () => {
    expect(parseRate(RATE)).toBe(RATE);
  });

  it("accepts inline data with only ratePct, and a null rate (no clicks)", () => {
    expect(parseRate({ ratePct: 4.2 }).ratePct).toBe(4.2);
    expect(parseRate({ ratePct: null, clicks: 0, conversions: 0, ci95Pct: null }).ratePct).toBeNull();
  });

  it("ignores fields it does not show (goal, currency, unknown ones)", () => {
    expect(() => parseRate({ ratePct: 1, goal: "anything", currency: 3, extra: { x: 1 } })).not.toThrow();
  });

  it("names the first field that breaks the contract", () => {
    expect(errorOf(parseRate, {})).toBe("Invalid data: data.ratePct");
    expect(errorOf(parseRate, { ratePct: "5" })).toBe("Invalid data: data.ratePct");
    expect(errorOf(parseRate, { ratePct: Number.NaN })).toBe("Invalid data: data.ratePct");
    expect(errorOf(parseRate, { ratePct: 5, clicks: -1 })).toBe("Invalid data: data.clicks");
    expect(errorOf(parseRate, { ratePct: 5, conversions: 1.5 })).toBe("Invalid data: data.conversions");
    expect(errorOf(parseRate, { ratePct: 5, from: "04/11/2026" })).toBe("Invalid data: data.from");
    expect(errorOf(parseRate, { ratePct: 5, denominator: "views" })).toBe("Invalid data: data.denominator");
    expect(errorOf(parseRate, { ratePct: 5, lowSample: "no" })).toBe("Invalid data: data.lowSample");
  });

  it("checks the interval's shape and order", () => {
    expect(errorOf(parseRate, { ratePct: 5, ci95Pct: [6.53, 3.81] })).toBe("Invalid data: data.ci95Pct");
    expect(errorOf(parseRate, { ratePct: 5, ci95Pct: [3.81] })).toBe("Invalid data: data.ci95Pct");
    expect(errorOf(parseRate, { ratePct: 5, ci95Pct: ["3", "6"] })).toBe("Invalid data: data.ci95Pct");
  });

  it("gives the path inside nested objects and lists", () => {
    expect(errorOf(parseRate, { ratePct: 5, benchmark: { label: "Retail", lowPct: "1.5", highPct: 3 } })).toBe(
      "Invalid data: data.benchmark.lowPct",
    );
    expect(errorOf(parseRate, { ratePct: 5, trend: [{ day: "2026-11-04", ratePct: 1 }, { day: "x", ratePct: 1 }] })).toBe(
      "Invalid data: data.trend[1].day",
    );
    expect(errorOf(parseRate, { ratePct: 5, trend: {} })).toBe("Invalid data: data.trend");
  });

  it("rejects what is not an object at all", () => {
    for (const value of [null, 5, "text", [], ["ratePct"]]) expect(errorOf(parseRate, value)).toBe("Invalid data: data");
  });
});

describe("parseLeaderboard", () => {
  it("accepts the documented /leaderboard response and an empty list", () => {
    expect(parseLeaderboard(LEADERBOARD)).toBe(LEADERBOARD);
    expect(parseLeaderboard({ influencers: [] }).influencers).toEqual([]);
  });

  it("names the bad row and field", () => {
    expect(errorOf(parseLeaderboard, {})).toBe("Invalid data: data.influencers");
    expect(errorOf(parseLeaderboard, { influencers: [{ handle: 1, ratePct: 1 }] })).toBe("Invalid data: data.influencers[0].handle");
    expect(errorOf(parseLeaderboard, { influencers: [{ handle: "a", ratePct: 1 }, { handle: "b" }] })).toBe(
      "Invalid data: data.influencers[1].ratePct",
    );
    expect(errorOf(parseLeaderboard, { influencers: [{ handle: "a", ratePct: 1, shrunkPct: "4" }] })).toBe(
      "Invalid data: data.influencers[0].shrunkPct",
    );
  });
});
