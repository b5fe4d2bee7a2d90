import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { reportOptions } from "./report-options.js";

const REQUIRED = { orders: "orders.csv", influencers: "roster.csv" };

function usageMessage(flags: Record<string, string | boolean>): string {
  try {
    reportOptions(flags, "/data");
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("reportOptions", () => {
  it("fills the defaults of METRICS.md §6 and resolves paths", () => {
    expect(reportOptions(REQUIRED, "/data")).toEqual({
      orders: { name: "orders.csv", path: "/data/orders.csv" },
      influencers: { name: "roster.csv", path: "/data/roster.csv" },
      windowDays: 30,
      by: "influencer",
      denominator: "clicks",
      goal: "purchase",
      timeZone: "UTC",
      format: "table",
      explain: false,
      progress: false,
    });
  });

  it("reads every option, canonicalizing grouping and time zone", () => {
    const options = reportOptions(
      {
        ...REQUIRED,
        clicks: "c.csv",
        engagements: "../e.csv",
        "window-days": "7",
        by: "Influencer, Campaign",
        denominator: "engagements",
        goal: "signup",
        "time-zone": "america/toronto",
        format: "csv",
        explain: true,
        output: "out/report.csv",
        progress: true,
      },
      "/data",
    );
    expect(options).toMatchObject({
      clicks: { name: "c.csv", path: "/data/c.csv" },
      engagements: { name: "../e.csv", path: "/e.csv" },
      windowDays: 7,
      by: "influencer,campaign",
      denominator: "engagements",
      goal: "signup",
      timeZone: "America/Toronto",
      format: "csv",
      explain: true,
      output: "/data/out/report.csv",
      progress: true,
    });
  });

  it("rejects values out of range with what is allowed", () => {
    expect(usageMessage({ ...REQUIRED, "window-days": "366" })).toBe('--window-days must be a whole number of days from 1 to 365, not "366"');
    expect(usageMessage({ ...REQUIRED, "window-days": "7.5" })).toBe('--window-days must be a whole number of days from 1 to 365, not "7.5"');
    expect(usageMessage({ ...REQUIRED, by: "weekday" })).toMatch(/^--by: unknown grouping "weekday": use one of overall, influencer/u);
    expect(usageMessage({ ...REQUIRED, "time-zone": "Mars/Olympus" })).toBe(
      '--time-zone "Mars/Olympus" is not an IANA time zone (e.g. UTC, America/Toronto, Europe/Paris)',
    );
    expect(usageMessage({ ...REQUIRED, goal: "lead" })).toBe('--goal must be purchase or signup, not "lead"');
    expect(usageMessage({ ...REQUIRED, denominator: "views" })).toBe('--denominator must be clicks or engagements, not "views"');
  });

  it("requires the two inputs, engagements for that denominator, and an output that is not an input", () => {
    expect(usageMessage({ influencers: "r.csv" })).toBe("--orders FILE is required");
    expect(usageMessage({ orders: "o.csv" })).toBe("--influencers FILE is required");
    expect(usageMessage({ ...REQUIRED, denominator: "engagements" })).toBe(
      "--denominator engagements needs --engagements FILE (the imported counts)",
    );
    expect(usageMessage({ ...REQUIRED, output: "./orders.csv" })).toBe("--output ./orders.csv is one of the input files: write the report somewhere else");
  });
});
