// Helpers for the browser tests (not shipped): mount markup, read the shadow DOM, fake the API.
import { vi } from "vitest";
import type { RateData } from "./contract.js";
import type { IcrElement } from "./icr-element.js";

/** The /rate example of docs/public-api.md (METRICS.md's first test vector). */
export const RATE: RateData & Record<string, unknown> = {
  scope: "influencer",
  label: "Alice Rivera",
  goal: "purchase",
  denominator: "clicks",
  from: "2026-11-04",
  to: "2026-12-03",
  clicks: 1000,
  conversions: 50,
  ratePct: 5,
  ci95Pct: [3.81, 6.53],
  lowSample: false,
  aboveHundred: false,
  previousRatePct: 4.2,
  benchmark: { id: "retail", label: "Retail", lowPct: 1.5, highPct: 3, source: "IRP Commerce" },
  trend: [
    { day: "2026-11-04", clicks: 30, conversions: 2, ratePct: 6.67 },
    { day: "2026-11-05", clicks: 0, conversions: 0, ratePct: null },
    { day: "2026-11-06", clicks: 50, conversions: 2, ratePct: 4 },
  ],
  currency: "USD",
  generatedAt: "2026-12-04T06:00:00.000Z",
};

/** Adds `markup` to the page and waits for the element's first render. */
export async function mount<T extends IcrElement>(markup: string): Promise<T> {
  const holder = document.createElement("div");
  holder.innerHTML = markup;
  document.body.append(holder);
  const el = holder.firstElementChild as T;
  await el.updateComplete;
  return el;
}

/** Removes everything `mount` added and every faked global. */
export function cleanup(): void {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}

/** The element's rendered text, whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent!.replace(/\s+/g, " ").trim();
}

/** The first shadow element with `part` among its parts. */
export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

/** Answers every `fetch` with `respond(url)`, recording the URLs asked for. */
export function fakeFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>): string[] {
  const urls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      urls.push(url);
      return Promise.resolve(respond(url, init));
    }),
  );
  return urls;
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Waits until `check` stops throwing (data arrives after a fetch, in a later task). */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  await vi.waitFor(check, { timeout: timeoutMs, interval: 10 });
}
