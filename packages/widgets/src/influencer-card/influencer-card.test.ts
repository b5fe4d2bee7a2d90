import { afterEach, describe, expect, it } from "vitest";
import { cleanup, mount, part, RATE, textOf } from "../shared/test-fixture.js";
import type { IcrInfluencerCard } from "./influencer-card.component.js";
import "./influencer-card.js";

/** "term: value value" for each <dt> and the <dd>s that follow it. */
function stats(el: IcrInfluencerCard): string[] {
  return [...el.shadowRoot!.querySelectorAll("dt")].map(
    (dt) => `${dt.textContent}: ${[...dt.parentElement!.querySelectorAll("dd")].map((dd) => textOf(dd)).join(" ")}`,
  );
}

function card(data: unknown, attributes = ""): Promise<IcrInfluencerCard> {
  return mount<IcrInfluencerCard>(`<icr-influencer-card ${attributes} data='${JSON.stringify(data).replace(/'/g, "&#39;")}'></icr-influencer-card>`);
}

describe("<icr-influencer-card>", () => {
  afterEach(cleanup);

  it("shows the name, clicks, conversions, rate and interval", async () => {
    const el = await card(RATE);
    expect(part(el, "name")!.textContent).toBe("Alice Rivera");
    expect(stats(el)).toEqual(["Clicks: 1,000", "Conversions: 50", "Rate: 5% 3.81% – 6.53%"]);
    expect(textOf(part(el, "interval")!)).toBe("3.81% – 6.53%");
  });

  it("draws the daily rate as a named sparkline that breaks on a day without clicks", async () => {
    const el = await card(RATE);
    const svg = part(el, "sparkline")!;
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("aria-label")).toBe("Nov 4 – 6, 2026: 6.67% to 4%, highest 6.67%");
    expect(svg.querySelector("path")!.getAttribute("d")).toBe("M0 0h1M100 8.01h-1");
  });

  it("leaves the sparkline out without a trend, and says 'No data yet' for a null rate", async () => {
    const el = await card({ label: "Dan", clicks: 0, conversions: 0, ratePct: null, ci95Pct: null, lowSample: true });
    expect(part(el, "sparkline")).toBeNull();
    expect(stats(el)).toEqual(["Clicks: 0", "Conversions: 0", "Rate: No data yet"]);
    expect(part(el, "note")!.textContent).toBe("Low sample: too little data to be sure.");
  });

  it("shows a hostile name as text", async () => {
    const el = await card({ ...RATE, label: `<img src=x onerror="window.pwned=1">` });
    expect(part(el, "name")!.textContent).toBe(`<img src=x onerror="window.pwned=1">`);
    expect(el.shadowRoot!.querySelector("img")).toBeNull();
  });

  it("formats with the page's language", async () => {
    document.documentElement.lang = "de";
    try {
      const el = await card({ ...RATE, clicks: 12000 });
      expect(stats(el)[0]).toBe("Clicks: 12.000");
    } finally {
      document.documentElement.removeAttribute("lang");
    }
  });
});
