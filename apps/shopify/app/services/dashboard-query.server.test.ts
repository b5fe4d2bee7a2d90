import { describe, expect, it } from "vitest";
import { DashboardQueryError, parseDashboardQuery, queryString } from "./dashboard-query.server";

// 2026-03-10 03:00 UTC is still March 9 in New York: ranges end on the shop's own day.
const NOW = Date.parse("2026-03-10T03:00:00Z");

describe("parseDashboardQuery", () => {
  it("defaults to the last 30 days (shop time zone), platform, purchases per click", () => {
    expect(parseDashboardQuery(new URLSearchParams(""), NOW, "America/New_York")).toEqual({
      range: "30",
      from: "2026-02-08",
      to: "2026-03-09",
      segment: "platform",
      goal: "purchase",
      denominator: "clicks",
    });
    expect(parseDashboardQuery(new URLSearchParams("range=7"), NOW, "UTC")).toMatchObject({ from: "2026-03-04", to: "2026-03-10" });
  });

  it("reads a custom range and every switch, and round-trips through queryString", () => {
    const query = parseDashboardQuery(new URLSearchParams("range=custom&from=2026-01-01&to=2026-01-31&segment=country&goal=signup&denominator=engagements"), NOW, "UTC");
    expect(query).toEqual({ range: "custom", from: "2026-01-01", to: "2026-01-31", segment: "country", goal: "signup", denominator: "engagements" });
    expect(parseDashboardQuery(new URLSearchParams(queryString(query)), NOW, "UTC")).toEqual(query);
  });

  it.each([
    ["segment=planet", /segment/],
    ["goal=revenue", /goal/],
    ["range=custom", /custom range needs a first day/],
    ["range=custom&from=2026-02-01&to=2026-01-01", /after/],
    ["range=custom&from=2026-02-30&to=2026-03-01", /2026-02-30/],
    ["range=custom&from=2020-01-01&to=2026-01-01", /at most 731 days/],
    ["range=custom&from=yesterday", /from must be a day/],
  ])("rejects %s with a message naming the problem", (search, message) => {
    const attempt = () => parseDashboardQuery(new URLSearchParams(search), NOW, "UTC");
    expect(attempt).toThrow(DashboardQueryError);
    expect(attempt).toThrow(message);
  });
});
