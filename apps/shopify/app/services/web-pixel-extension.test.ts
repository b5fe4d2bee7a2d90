// The web pixel's logic (extensions/web-pixel/src/pixel.js) in a fake of Shopify's strict sandbox:
// analytics.subscribe, browser.sendBeacon / localStorage / cookie, init and customerPrivacy.
import { afterEach, describe, expect, it, vi } from "vitest";
import { clickIdFromUrl, createPixel, storedClickId, type PixelApi, type PixelEvent } from "../../../../extensions/web-pixel/src/pixel.js";
import { pixelEventSchema } from "./pixel.server";

const NOW = Date.parse("2026-11-20T15:00:00Z");

function harness(options: { consent?: boolean; storage?: string | null; cookie?: string; beacon?: boolean; settings?: PixelApi["settings"] } = {}) {
  const subscribers = new Map<string, (event: PixelEvent) => void | Promise<void>>();
  let consentListener: ((event: { customerPrivacy?: { analyticsProcessingAllowed?: boolean } }) => void) | undefined;
  const beacons: { url: string; body: Record<string, unknown> }[] = [];
  const api: PixelApi = {
    analytics: { subscribe: (name, callback) => void subscribers.set(name, callback) },
    browser: {
      sendBeacon: async (url, body) => {
        beacons.push({ url, body: JSON.parse(body) as Record<string, unknown> });
        return options.beacon ?? true;
      },
      localStorage: { getItem: async () => options.storage ?? null },
      cookie: { get: async () => options.cookie ?? "" },
    },
    init: { customerPrivacy: { analyticsProcessingAllowed: options.consent ?? true }, context: { document: { location: { href: "https://shop.example/" } } } },
    customerPrivacy: { subscribe: (_name, callback) => void (consentListener = callback) },
    settings: options.settings ?? { shopPublicKey: "pk_demo123", appUrl: "https://icr.example/" },
  };
  createPixel(api);
  return {
    subscribers,
    beacons,
    fire: async (name: string, event: Partial<PixelEvent> = {}) => subscribers.get(name)?.({ id: `${name}-1`, timestamp: new Date(NOW).toISOString(), ...event }),
    consent: (allowed: boolean) => consentListener?.({ customerPrivacy: { analyticsProcessingAllowed: allowed } }),
  };
}
const at = (href: string) => ({ context: { document: { location: { href } } } });

describe("web pixel", () => {
  afterEach(() => vi.useRealTimers());

  it("subscribes to the four funnel events and posts the landing URL's click id", async () => {
    const pixel = harness();
    expect([...pixel.subscribers.keys()]).toEqual(["page_viewed", "product_added_to_cart", "checkout_started", "checkout_completed"]);
    await pixel.fire("page_viewed", at("https://shop.example/?icr_click=c_9f&utm_source=ig"));
    expect(pixel.beacons).toEqual([
      { url: "https://icr.example/pixel/pk_demo123", body: { eventId: "page_viewed-1", event: "page_viewed", clickId: "c_9f", checkoutToken: null, orderId: null, occurredAt: "2026-11-20T15:00:00.000Z" } },
    ]);
  });

  it("falls back to the click-capture embed's first-party value, localStorage then cookie", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const stored = JSON.stringify({ click: { value: "c_stored", at: NOW - 86_400_000 } });
    const fromStorage = harness({ storage: stored });
    await fromStorage.fire("product_added_to_cart", at("https://shop.example/products/tee"));
    expect(fromStorage.beacons[0]?.body.clickId).toBe("c_stored");
    const fromCookie = harness({ cookie: encodeURIComponent(stored) });
    await fromCookie.fire("product_added_to_cart", at("https://shop.example/cart"));
    expect(fromCookie.beacons[0]?.body.clickId).toBe("c_stored");
  });

  it("sends a completed checkout with its token and order id, in the shape the app's endpoint accepts", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const pixel = harness({ storage: JSON.stringify({ click: { value: "c_9f", at: NOW - 1000 } }) });
    await pixel.fire("checkout_completed", { ...at("https://shop.example/checkouts/cn/abc/thank-you"), data: { checkout: { token: "tok_123", order: { id: "gid://shopify/Order/9001" } } } });
    const body = pixel.beacons[0]!.body;
    expect(body).toMatchObject({ event: "checkout_completed", clickId: "c_9f", checkoutToken: "tok_123", orderId: "gid://shopify/Order/9001" });
    expect(pixelEventSchema.safeParse(body).success).toBe(true);
  });

  it("sends a checkout event without a click id (joined by token), but not a page view without one", async () => {
    const pixel = harness();
    await pixel.fire("page_viewed", at("https://shop.example/"));
    await pixel.fire("checkout_started", { ...at("https://shop.example/checkouts/cn/abc"), data: { checkout: { token: "tok_1" } } });
    expect(pixel.beacons.map((b) => [b.body.event, b.body.clickId, b.body.checkoutToken])).toEqual([["checkout_started", null, "tok_1"]]);
  });

  it("sends nothing without analytics consent, and follows consent changes", async () => {
    const pixel = harness({ consent: false });
    await pixel.fire("page_viewed", at("https://shop.example/?icr_click=c_1"));
    expect(pixel.beacons).toHaveLength(0);
    pixel.consent(true);
    await pixel.fire("page_viewed", at("https://shop.example/?icr_click=c_1"));
    pixel.consent(false);
    await pixel.fire("page_viewed", at("https://shop.example/?icr_click=c_1"));
    expect(pixel.beacons).toHaveLength(1);
  });

  it("falls back to fetch (keepalive, no credentials) when the beacon is refused", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 202 }));
    vi.stubGlobal("fetch", fetchMock);
    try {
      const pixel = harness({ beacon: false });
      await pixel.fire("page_viewed", at("https://shop.example/?icr_click=c_1"));
      expect(fetchMock).toHaveBeenCalledWith("https://icr.example/pixel/pk_demo123", expect.objectContaining({ method: "POST", keepalive: true, credentials: "omit" }));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("does nothing without valid settings", () => {
    expect(harness({ settings: { shopPublicKey: "", appUrl: "https://icr.example" } }).subscribers.size).toBe(0);
    expect(harness({ settings: { shopPublicKey: "pk_demo123", appUrl: "javascript:alert(1)" } }).subscribers.size).toBe(0);
  });

  it("reads only well-formed, recent click ids", () => {
    expect(clickIdFromUrl("https://shop.example/?icr_click=%3Cimg%3E")).toBeNull();
    expect(clickIdFromUrl("not a url")).toBeNull();
    expect(storedClickId(JSON.stringify({ click: { value: "c_1", at: NOW - 31 * 86_400_000 } }), NOW)).toBeNull();
    expect(storedClickId("{bad json", NOW)).toBeNull();
    expect(storedClickId(JSON.stringify({ click: { value: "c_1", at: NOW } }), NOW)).toBe("c_1");
  });
});
