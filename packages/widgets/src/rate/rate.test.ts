import { afterEach, describe, expect, it } from "vitest";
import { cleanup, eventually, fakeFetch, json, mount, part, RATE, textOf } from "../shared/test-fixture.js";
import type { IcrRate } from "./rate.component.js";
import "./rate.js";

const SRC = "https://shop.example/apps/icr/api/public/v1/pk_1/rate?scope=influencer&influencer=alice";

/** An <icr-rate> showing `data` (JSON in the attribute), with the given extra attributes. */
function withData(data: unknown, attributes = ""): Promise<IcrRate> {
  return mount<IcrRate>(`<icr-rate ${attributes} data='${JSON.stringify(data).replace(/'/g, "&#39;")}'></icr-rate>`);
}

describe("<icr-rate>", () => {
  afterEach(cleanup);

  it("shows the label, the rate and the counts with the period", async () => {
    const el = await withData(RATE);
    expect(part(el, "label")!.textContent).toBe("Alice Rivera");
    expect(part(el, "value")!.textContent!.trim()).toBe("5%");
    expect(textOf(part(el, "meta")!)).toBe("50 conversions / 1,000 clicks · Nov 4 – Dec 3, 2026");
    // Optional lines stay hidden until asked for.
    expect(part(el, "interval")).toBeNull();
    expect(part(el, "benchmark")).toBeNull();
    expect(part(el, "change")).toBeNull();
  });

  it("adds the interval, the benchmark and the change arrow when asked", async () => {
    const el = await withData(RATE, "show-interval show-benchmark show-change");
    expect(textOf(part(el, "interval")!)).toBe("95% interval 3.81% – 6.53%");
    expect(textOf(part(el, "benchmark")!)).toBe("Above the Retail range (1.5% – 3%)");
    const change = part(el, "change")!;
    expect(change.getAttribute("part")).toBe("change up");
    expect(textOf(change)).toBe("▲ up from 4.2%");
    expect(change.querySelector("[aria-hidden=true]")!.textContent).toBe("▲");
  });

  it("places the rate within and below a benchmark, ends included, and says a fall or no change", async () => {
    const within = await withData({ ratePct: 3, previousRatePct: 3, benchmark: { label: "Retail", lowPct: 1.5, highPct: 3 } }, "show-benchmark show-change");
    expect(textOf(part(within, "benchmark")!)).toBe("Within the Retail range (1.5% – 3%)");
    expect(textOf(part(within, "change")!)).toBe("= same as 3%");
    const below = await withData({ ratePct: 1, previousRatePct: 2, benchmark: { label: "Retail", lowPct: 1.5, highPct: 3 } }, "show-benchmark show-change");
    expect(textOf(part(below, "benchmark")!)).toBe("Below the Retail range (1.5% – 3%)");
    expect(part(below, "change")!.getAttribute("part")).toBe("change down");
    expect(textOf(part(below, "change")!)).toBe("▼ down from 2%");
  });

  it("says 'No data yet' for a null rate, with no interval, benchmark or arrow", async () => {
    const el = await withData(
      { ...RATE, clicks: 0, conversions: 0, ratePct: null, ci95Pct: null, lowSample: true },
      "show-interval show-benchmark show-change",
    );
    expect(part(el, "value")!.textContent!.trim()).toBe("No data yet");
    expect(part(el, "interval")).toBeNull();
    expect(part(el, "benchmark")).toBeNull();
    expect(part(el, "change")).toBeNull();
  });

  it("shows the low-sample and above-100% notes", async () => {
    const el = await withData({ ratePct: 150, clicks: 40, conversions: 60, denominator: "engagements", lowSample: true, aboveHundred: true });
    const notes = [...el.shadowRoot!.querySelectorAll('[part~="note"]')].map((n) => n.textContent);
    expect(notes).toEqual(["Low sample: too little data to be sure.", "Above 100%: more conversions than engagements."]);
    expect(textOf(part(el, "meta")!)).toBe("60 conversions / 40 engagements");
  });

  it("formats for its lang, or the page's", async () => {
    const el = await withData({ ...RATE, ratePct: 5.5 }, 'lang="de-DE" show-interval');
    expect(part(el, "value")!.textContent!.trim()).toMatch(/^5,5\s%$/);
    expect(textOf(part(el, "interval")!)).toMatch(/^95% interval 3,81\s% – 6,53\s%$/);
    expect(textOf(part(el, "meta")!)).toMatch(/^50 conversions \/ 1\.000 clicks · 04\.11\.\s?–\s?03\.12\.2026$/);
    document.body.lang = "fr";
    const inherited = await withData({ ratePct: 5.5 });
    document.body.removeAttribute("lang");
    expect(part(inherited, "value")!.textContent!.trim()).toMatch(/^5,5\s%$/);
  });

  it("prefers its label attribute, and shows a hostile label as text", async () => {
    const el = await withData({ ...RATE, label: `<img src=x onerror="window.pwned=1">` });
    expect(part(el, "label")!.textContent).toBe(`<img src=x onerror="window.pwned=1">`);
    expect(el.shadowRoot!.querySelector("img")).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    el.label = "Spring sale";
    await el.updateComplete;
    expect(part(el, "label")!.textContent).toBe("Spring sale");
  });

  it("loads src, showing a polite busy status meanwhile", async () => {
    let answer!: (r: Response) => void;
    const urls = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await mount<IcrRate>(`<icr-rate src="${SRC}"></icr-rate>`);
    const status = part(el, "status")!;
    expect(status.getAttribute("role")).toBe("status");
    expect(status.getAttribute("aria-busy")).toBe("true");
    expect(status.textContent).toBe("Loading…");
    expect(urls).toEqual([SRC]);
    answer(json(RATE));
    await eventually(() => expect(part(el, "value")!.textContent!.trim()).toBe("5%"));
  });

  it("shows a short message and fires icr-error for 404, 429 and a dead network, without throwing", async () => {
    const cases: [() => Response | Promise<Response>, string, string][] = [
      [() => json({ error: { code: "not_published", message: "Not published" } }, 404), "not_published", "Not published."],
      [() => json({ error: { code: "not_found", message: "No such influencer" } }, 404), "not_found", "Not found."],
      [() => json({ error: { code: "rate_limited", message: "Slow down" } }, 429), "rate_limited", "Too many requests. Try again later."],
      [() => Promise.reject(new TypeError("Failed to fetch")), "network", "Could not load."],
      [() => json({ ratePct: "5%" }), "invalid", "Invalid data: data.ratePct"],
    ];
    for (const [respond, code, text] of cases) {
      fakeFetch(respond);
      const events: CustomEvent[] = [];
      document.addEventListener("icr-error", (e) => events.push(e as CustomEvent), { once: true });
      const el = await mount<IcrRate>(`<icr-rate src="${SRC}"></icr-rate>`);
      await eventually(() => expect(part(el, "status")!.textContent).toBe(text));
      expect(part(el, "status")!.getAttribute("aria-busy")).toBe("false");
      expect(events.map((e) => e.detail)).toEqual([{ code, message: text }]);
    }
  });

  it("uses data before src: the property, then the attribute", async () => {
    const urls = fakeFetch(() => json(RATE));
    const el = await mount<IcrRate>(`<icr-rate src="${SRC}" data='{"ratePct": 2}'></icr-rate>`);
    expect(part(el, "value")!.textContent!.trim()).toBe("2%");
    el.data = { ratePct: 3 };
    await el.updateComplete;
    expect(part(el, "value")!.textContent!.trim()).toBe("3%");
    expect(urls).toEqual([]);
    el.data = null;
    el.removeAttribute("data");
    await eventually(() => expect(part(el, "value")!.textContent!.trim()).toBe("5%"));
    expect(urls).toEqual([SRC]);
  });

  it("rejects a data attribute that is not JSON with a message", async () => {
    const el = await mount<IcrRate>(`<icr-rate data="{ratePct: 5}"></icr-rate>`);
    expect(part(el, "status")!.textContent).toBe("Invalid data: data");
  });

  it("says 'No data yet' with neither src nor data", async () => {
    const el = await mount<IcrRate>(`<icr-rate></icr-rate>`);
    expect(part(el, "status")!.textContent).toBe("No data yet");
    expect(part(el, "status")!.getAttribute("aria-busy")).toBe("false");
  });

  it("cancels the request in flight when src changes, and ignores its late answer", async () => {
    const signals: AbortSignal[] = [];
    const answers: ((r: Response) => void)[] = [];
    fakeFetch((_url, init) => {
      signals.push(init!.signal!);
      return new Promise<Response>((resolve) => answers.push(resolve));
    });
    const el = await mount<IcrRate>(`<icr-rate src="${SRC}&days=7"></icr-rate>`);
    el.src = `${SRC}&days=30`;
    await el.updateComplete;
    expect(signals[0]!.aborted).toBe(true);
    answers[1]!(json({ ratePct: 30 }));
    answers[0]!(json({ ratePct: 7 }));
    await eventually(() => expect(part(el, "value")!.textContent!.trim()).toBe("30%"));
    await new Promise((r) => setTimeout(r, 20));
    expect(part(el, "value")!.textContent!.trim()).toBe("30%");
  });

  it("stops its request when removed and asks again when put back", async () => {
    const signals: AbortSignal[] = [];
    fakeFetch((_url, init) => {
      signals.push(init!.signal!);
      return signals.length === 1 ? new Promise<Response>(() => {}) : json(RATE);
    });
    const el = await mount<IcrRate>(`<icr-rate src="${SRC}"></icr-rate>`);
    const parent = el.parentElement!;
    el.remove();
    expect(signals[0]!.aborted).toBe(true);
    parent.append(el);
    await eventually(() => expect(part(el, "value")!.textContent!.trim()).toBe("5%"));
    expect(signals).toHaveLength(2);
  });

  it("reserves its height before the data arrives, so the page below does not move", async () => {
    fakeFetch(() => new Promise<Response>(() => {}));
    const loading = await mount<IcrRate>(`<icr-rate src="${SRC}"></icr-rate>`);
    const ready = await withData(RATE);
    expect(loading.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(loading.getBoundingClientRect().height).toBe(ready.getBoundingClientRect().height);
  });

  it("is themed through custom properties and ::part", async () => {
    const style = document.createElement("style");
    style.textContent = `icr-rate { --icr-positive: rgb(0, 0, 255); --icr-muted: rgb(9, 9, 9) } icr-rate::part(value) { color: rgb(255, 0, 0) }`;
    document.head.append(style);
    try {
      const el = await withData(RATE, "show-change");
      expect(getComputedStyle(part(el, "value")!).color).toBe("rgb(255, 0, 0)");
      expect(getComputedStyle(part(el, "change")!).color).toBe("rgb(0, 0, 255)");
      expect(getComputedStyle(part(el, "meta")!).color).toBe("rgb(9, 9, 9)");
    } finally {
      style.remove();
    }
  });
});
