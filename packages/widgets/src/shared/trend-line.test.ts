import { render } from "lit/html.js";
import { describe, expect, it } from "vitest";
import { trendLine, trendSummary } from "./trend-line.js";

const POINTS = [
  { day: "2026-11-04", ratePct: 6.67 },
  { day: "2026-11-05", ratePct: null },
  { day: "2026-11-06", ratePct: 8 },
  { day: "2026-11-07", ratePct: 4 },
];

describe("trendSummary", () => {
  it("names the period, the first and last known rates and the highest", () => {
    expect(trendSummary(POINTS, "en-US")).toBe("Nov 4 – 7, 2026: 6.67% to 4%, highest 8%");
  });

  it("skips days without a rate at either end", () => {
    expect(trendSummary([{ day: "2026-11-04", ratePct: null }, ...POINTS.slice(2)], "en-US")).toBe(
      "Nov 4 – 7, 2026: 8% to 4%, highest 8%",
    );
  });

  it("says there is no data when no day has a rate, or there are no days", () => {
    expect(trendSummary([{ day: "2026-11-04", ratePct: null }], "en-US")).toBe("No data yet");
    expect(trendSummary([], "en-US")).toBe("No data yet");
  });
});

describe("trendLine", () => {
  it("renders a named, stretchable SVG whose path breaks at a day without a rate", () => {
    const holder = document.createElement("div");
    render(trendLine(POINTS, 300, 100, "chart", "en-US"), holder);
    const svg = holder.querySelector("svg")!;
    expect(svg.getAttribute("part")).toBe("chart");
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("viewBox")).toBe("0 0 300 100");
    expect(svg.getAttribute("aria-label")).toBe("Nov 4 – 7, 2026: 6.67% to 4%, highest 8%");
    expect(svg.querySelector("path")!.getAttribute("d")).toBe("M0 16.63h1M200 0L300 50");
  });
});
