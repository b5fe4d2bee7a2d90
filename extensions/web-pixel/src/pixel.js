/**
 * The ICR web pixel's logic, free of Shopify's runtime so it can be tested with fake APIs.
 *
 * For each funnel event it finds the share link's click id (the landing URL's `icr_click`, else the
 * first-party value the theme's click-capture embed keeps under `_icr`), and posts
 * `{ eventId, event, clickId, checkoutToken, orderId, occurredAt }` to `{appUrl}/pixel/{shopPublicKey}`,
 * only while the visitor allows analytics. Nothing about the customer is read or sent.
 */

/** The events the funnel needs: click → add to cart → checkout → purchase. */
export const FUNNEL_EVENTS = ["page_viewed", "product_added_to_cart", "checkout_started", "checkout_completed"];

const CLICK_ID = /^[A-Za-z0-9_-]{1,64}$/;
const STORAGE_KEY = "_icr";
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The `icr_click` parameter of a URL.
 *
 * @example clickIdFromUrl("https://shop.example/?icr_click=c_9f"); // "c_9f"
 * @returns the id, or null when absent, malformed or the URL does not parse.
 */
export function clickIdFromUrl(href) {
  try {
    const value = new URL(href).searchParams.get("icr_click");
    return value && CLICK_ID.test(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The click id inside the click-capture embed's stored JSON (`{"click":{"value":"c_9f","at":…}}`).
 *
 * @example storedClickId('{"click":{"value":"c_9f","at":1700000000000}}', 1700000001000); // "c_9f"
 * @returns the id while younger than 30 days; null for nothing, bad JSON, a bad id or an old capture.
 */
export function storedClickId(raw, now) {
  if (!raw) return null;
  try {
    const click = JSON.parse(raw)?.click;
    if (!click || typeof click.value !== "string" || !CLICK_ID.test(click.value)) return null;
    return typeof click.at === "number" && now - click.at <= MAX_AGE_MS && click.at <= now + 60_000 ? click.value : null;
  } catch {
    return null;
  }
}

/**
 * The visitor's click id: the page URL first, then localStorage, then the `_icr` cookie.
 *
 * @example await currentClickId(browser, "https://shop.example/products/tee", Date.now());
 * @returns the id, or null when none is known (the sandbox's storage failing counts as none).
 */
export async function currentClickId(browser, href, now) {
  const fromUrl = href ? clickIdFromUrl(href) : null;
  if (fromUrl) return fromUrl;
  const stored = await browser.localStorage.getItem(STORAGE_KEY).catch(() => null);
  const fromStorage = storedClickId(stored, now);
  if (fromStorage) return fromStorage;
  const cookie = await browser.cookie.get(STORAGE_KEY).catch(() => "");
  if (!cookie) return null;
  try {
    return storedClickId(decodeURIComponent(cookie), now);
  } catch {
    return null;
  }
}

/**
 * The body sent for one Shopify event: ids and times only.
 *
 * @example eventBody("checkout_completed", event, "c_9f");
 * // { eventId: event.id, event: "checkout_completed", clickId: "c_9f", checkoutToken: "…", orderId: "gid://shopify/Order/1", occurredAt: event.timestamp }
 * @returns the body; `checkoutToken` and `orderId` are null outside checkout events.
 */
export function eventBody(name, event, clickId) {
  const checkout = event.data?.checkout;
  return {
    eventId: String(event.id),
    event: name,
    clickId,
    checkoutToken: typeof checkout?.token === "string" ? checkout.token : null,
    orderId: typeof checkout?.order?.id === "string" ? checkout.order.id : null,
    occurredAt: event.timestamp,
  };
}

/**
 * The pixel: what `register` runs in Shopify's sandbox.
 *
 * @example register(createPixel);
 * @returns nothing; subscribes to the funnel events. Without a shop key or app URL it does nothing.
 */
export function createPixel({ analytics, browser, init, customerPrivacy, settings }) {
  const appUrl = String(settings?.appUrl ?? "").replace(/\/+$/, "");
  const key = String(settings?.shopPublicKey ?? "");
  if (!/^https?:\/\//.test(appUrl) || !/^[A-Za-z0-9_-]{6,64}$/.test(key)) return;
  const endpoint = `${appUrl}/pixel/${encodeURIComponent(key)}`;

  let allowed = init?.customerPrivacy?.analyticsProcessingAllowed === true;
  customerPrivacy?.subscribe?.("visitorConsentCollected", (event) => {
    allowed = event?.customerPrivacy?.analyticsProcessingAllowed === true;
  });

  for (const name of FUNNEL_EVENTS) {
    analytics.subscribe(name, async (event) => {
      if (!allowed) return;
      const href = event.context?.document?.location?.href ?? init?.context?.document?.location?.href;
      const clickId = await currentClickId(browser, href, Date.now());
      const body = eventBody(name, event, clickId);
      // Without a click id an event says nothing about an influencer, unless it belongs to a
      // checkout whose earlier events had one (the app joins them by checkout token).
      if (!clickId && !body.checkoutToken) return;
      const json = JSON.stringify(body);
      const sent = await Promise.resolve(browser.sendBeacon(endpoint, json)).catch(() => false);
      if (!sent) await fetch(endpoint, { method: "POST", body: json, keepalive: true, credentials: "omit" }).catch(() => undefined);
    });
  }
}
