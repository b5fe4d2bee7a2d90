import { afterEach, describe, expect, it } from "vitest";
import { cleanup, mount, part, RATE, textOf } from "../shared/test-fixture.js";
import type { IcrTrend } from "./trend.component.js";
import "./trend.js";

function trend(data: unknown, attributes = ""): Promise<IcrTrend> {
  return mount<IcrTrend>(`<icr-trend ${attributes} data='${JSON.stringify(data).replace(/'/g, "&#39;")}'></icr-trend>`);
}

const DAYS = [
  { day: "2026-11-01", ratePct: 2 },
  { day: "2026-11-02", ratePct: 4 },
  { day: "2026-11-03", ratePct: null },
  { day: "2026-11-04", ratePct: 3 },
  { day: "2026-11-05", ratePct: 1 },
];

describe("<icr-trend>", () => {
  afterEach(cleanup);

  it("draws the rate by day from 0 to the peak, breaking on days without clicks", async () => {
    const el = await trend({ ratePct: 2.5, trend: DAYS });
    const chart = part(el, "chart")!;
    expect(chart.getAttribute("role")).toBe("img");
    expect(chart.getAttribute("aria-label")).toBe("Nov 1 – 5, 2026: 2% to 1%, highest 4%");
    expect(part(el, "line")!.getAttribute("d")).toBe("M0 50L75 0M225 25L300 75");
  });

  it("labels the first day, the peak and the last day under the chart, hidden from screen readers", async () => {
    const el = await trend({ ratePct: 2.5, trend: DAYS });
    const axis = part(el, "axis")!;
    expect([...axis.children].map((s) => s.textContent)).toEqual(["Nov 1, 2026", "max 4%", "Nov 5, 2026"]);
    expect(axis.getAttribute("aria-hidden")).toBe("true");
  });

  it("captions the chart with the label", async () => {
    expect(textOf(part(await trend(RATE), "caption")!)).toBe("Alice Rivera");
    expect(textOf(part(await trend({ ratePct: 1, trend: DAYS }), "caption")!)).toBe("Conversion rate by day");
    expect(textOf(part(await trend(RATE, 'label="Spring"'), "caption")!)).toBe("Spring");
  });

  it("draws a flat line along the bottom for days with clicks but no conversions", async () => {
    const el = await trend({ ratePct: 0, trend: [{ day: "2026-11-01", ratePct: 0 }, { day: "2026-11-02", ratePct: 0 }] });
    expect(part(el, "line")!.getAttribute("d")).toBe("M0 100L300 100");
  });

  it("says 'No data yet' when no day has a rate, or there are no days", async () => {
    for (const days of [[], [{ day: "2026-11-01", ratePct: null }]]) {
      const el = await trend({ ratePct: null, trend: days });
      expect(part(el, "chart")).toBeNull();
      expect(part(el, "status")!.textContent).toBe("No data yet");
    }
  });

  it("dates the axis in the element's locale", async () => {
    const el = await trend({ ratePct: 2.5, trend: DAYS }, 'lang="de-DE"');
    expect(part(el, "axis")!.firstElementChild!.textContent).toBe("01.11.2026");
  });
});
