/**
 * The storefront half of link attribution. A share link lands on the shop with `icr_click` and
 * `utm_*` parameters; the shop's own pages may drop them on the next click and a browser may drop
 * third-party cookies, so this keeps them first-party (localStorage and a cookie, 30 days) and writes
 * them into the cart's attributes `_icr_click` and `_icr_utm`. Shopify copies cart attributes onto
 * the order's `note_attributes`, where attribution reads them (METRICS.md §4).
 *
 * Everything it touches comes in through `CaptureEnv`, so tests drive it with fakes; `main.ts`
 * wires it to the real page. It never writes to the DOM.
 */
import { CLICK_ATTRIBUTE, UTM_ATTRIBUTE } from "@icr/metrics";

/** Thirty days, the default attribution window: older evidence would not count anyway. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** Where the capture is kept, in localStorage and as a cookie. */
export const STORAGE_KEY = "_icr";
/** The UTM parameters carried, in this order. */
export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"] as const;

/** Click ids are minted by the app's redirect; anything else on the URL is not one of ours. */
const CLICK_ID = /^[\w-]{1,64}$/;
/** Longest UTM value kept: enough for any campaign name, too short to smuggle a payload. */
const MAX_UTM_LENGTH = 100;

/** A captured value and when it was seen (epoch ms). */
export interface Seen {
  value: string;
  at: number;
}

/** What is kept between pages. `synced` says which cart already has which values. */
export interface Capture {
  click?: Seen;
  utm?: Seen;
  synced?: string;
}

/** The cart attributes written to `/cart/update.js`, named as @icr/metrics reads them back. */
export interface CartAttributes {
  [CLICK_ATTRIBUTE]?: string;
  [UTM_ATTRIBUTE]?: string;
}

/** The page, as the capture needs it. */
export interface CaptureEnv {
  /** `location.search` of the landing page. */
  search: string;
  now: number;
  /** localStorage, or undefined where it is blocked. */
  storage: Pick<Storage, "getItem" | "setItem"> | undefined;
  /** `document.cookie`, read and written. */
  readCookies: () => string;
  writeCookie: (cookie: string) => void;
  /** Add `Secure` to the cookie (https pages). */
  secure: boolean;
  /** Absolute or root-relative URL of Shopify's `/cart/update.js` (locale-aware root). */
  cartUpdateUrl: string;
  fetch: typeof fetch;
  /** Whether the visitor's privacy choices allow keeping the capture (Shopify customerPrivacy). */
  mayPersist: () => boolean;
}

/**
 * The click id and UTM parameters of a landing URL's query string. A click id that is not an app
 * click id (letters, digits, `_`, `-`, at most 64) is ignored; UTM values are trimmed, empty ones
 * dropped and long ones cut to 100 characters.
 *
 * @returns `{ click?, utm? }`: `utm` is a query string such as "utm_source=instagram&utm_content=alice";
 * `{}` for a query without either.
 * @example
 * readLanding("?icr_click=c_9f&utm_source=instagram"); // { click: "c_9f", utm: "utm_source=instagram" }
 * readLanding(""); // {}
 */
export function readLanding(search: string): { click?: string; utm?: string } {
  const params = new URLSearchParams(search);
  const click = params.get("icr_click")?.trim() ?? "";
  const utm = new URLSearchParams();
  for (const key of UTM_KEYS) {
    const value = params.get(key)?.trim().slice(0, MAX_UTM_LENGTH);
    if (value) utm.set(key, value);
  }
  const found: { click?: string; utm?: string } = {};
  const query = utm.toString();
  if (CLICK_ID.test(click)) found.click = click;
  if (query) found.utm = query;
  return found;
}

/**
 * The capture kept so far (localStorage first, the cookie when storage was cleared or blocked),
 * with anything older than 30 days dropped. Unreadable or foreign content counts as nothing.
 *
 * @returns the capture; `{}` when nothing valid is kept.
 * @example
 * loadCapture(env); // { click: { value: "c_9f", at: 1764806400000 }, synced: "…" }
 */
export function loadCapture(env: CaptureEnv): Capture {
  const cookie = env
    .readCookies()
    .split("; ")
    .find((c) => c.startsWith(`${STORAGE_KEY}=`));
  for (const raw of [safely(() => env.storage?.getItem(STORAGE_KEY)), cookie && safely(() => decodeURIComponent(cookie.slice(STORAGE_KEY.length + 1)))]) {
    const parsed = raw ? safely(() => JSON.parse(raw) as unknown) : undefined;
    if (typeof parsed !== "object" || parsed === null) continue;
    const { click, utm, synced } = parsed as Record<string, unknown>;
    const capture: Capture = {};
    const c = fresh(click, env.now);
    const u = fresh(utm, env.now);
    if (c && CLICK_ID.test(c.value)) capture.click = c;
    if (u) capture.utm = u;
    if (typeof synced === "string") capture.synced = synced;
    return capture;
  }
  return {};
}

/**
 * The capture after a landing: a new click id replaces the old one, new UTM parameters replace the
 * old ones, each keeping its own 30 days; `synced` is kept, since `syncKey` changes with the values.
 *
 * @returns a new capture; `kept` unchanged when the landing found nothing.
 * @example
 * mergeLanding({ utm: { value: "utm_source=tiktok", at: 1 } }, { click: "c_2" }, 5);
 * // { utm: { value: "utm_source=tiktok", at: 1 }, click: { value: "c_2", at: 5 } }
 */
export function mergeLanding(kept: Capture, landing: { click?: string; utm?: string }, now: number): Capture {
  const next: Capture = { ...kept };
  if (landing.click) next.click = { value: landing.click, at: now };
  if (landing.utm) next.utm = { value: landing.utm, at: now };
  return next;
}

/**
 * The cart attributes for a capture.
 *
 * @returns `_icr_click` and/or `_icr_utm`; `{}` when nothing is captured.
 * @example
 * cartAttributes({ click: { value: "c_9f", at: 1 } }); // { _icr_click: "c_9f" }
 */
export function cartAttributes(capture: Capture): CartAttributes {
  const attributes: CartAttributes = {};
  if (capture.click) attributes[CLICK_ATTRIBUTE] = capture.click.value;
  if (capture.utm) attributes[UTM_ATTRIBUTE] = capture.utm.value;
  return attributes;
}

/**
 * Identifies "these values on this cart": when it equals the capture's `synced`, the cart already
 * carries them and nothing is posted. A new value or a new cart (after checkout, or the first one
 * Shopify creates) changes the key.
 *
 * @returns a string key; for no cart cookie the cart part is "".
 * @example
 * syncKey({ _icr_click: "c_9f" }, "cart-token"); // 'cart-token {"_icr_click":"c_9f"}'
 */
export function syncKey(attributes: CartAttributes, cartToken: string): string {
  return `${cartToken} ${JSON.stringify(attributes)}`;
}

/**
 * Shopify's `cart` cookie (the cart token), read from `document.cookie`.
 *
 * @returns the token; "" before a cart exists (no `cart` cookie).
 * @example
 * cartToken("theme=dark; cart=c1-abc"); // "c1-abc"
 */
export function cartToken(cookies: string): string {
  const cookie = cookies.split("; ").find((c) => c.startsWith("cart="));
  return cookie ? cookie.slice(5) : "";
}

/**
 * Runs the capture once for the current page: reads the landing URL, keeps the result first-party
 * (when the visitor's privacy choices allow), and POSTs the attributes to the cart unless this cart
 * already has these values. A failed POST is retried on the next page.
 *
 * @returns "posted", "unchanged" (this cart already has them), "nothing" (no click and no UTM kept)
 * or "failed" (the cart answered with an error or could not be reached).
 * @example
 * await capture(env); // "posted"
 */
export async function capture(env: CaptureEnv): Promise<"posted" | "unchanged" | "nothing" | "failed"> {
  const state = mergeLanding(loadCapture(env), readLanding(env.search), env.now);
  const attributes = cartAttributes(state);
  if (!state.click && !state.utm) return "nothing";
  persist(env, state);
  if (state.synced === syncKey(attributes, cartToken(env.readCookies()))) return "unchanged";
  try {
    const res = await env.fetch(env.cartUpdateUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ attributes }),
    });
    if (!res.ok) return "failed";
  } catch {
    return "failed";
  }
  // Read the cart cookie after the answer: the POST may have created the cart.
  persist(env, { ...state, synced: syncKey(attributes, cartToken(env.readCookies())) });
  return "posted";
}

/** The tag prefix the app's customers/create webhook reads a sign-up's click id from. */
export const SIGNUP_TAG_PREFIX = "icr_click:";

/**
 * Carries the click id into Shopify's customer forms (newsletter and account sign-up, posted to
 * `/contact` or `/account` with `form_type` "customer" or "create_customer") as a customer tag
 * `icr_click:{id}`, which is how a sign-up, which has no cart, reaches the app with its evidence.
 * An existing `contact[tags]` / `customer[tags]` field keeps its tags and gains ours once.
 *
 * @returns how many forms were tagged (0 on a page without customer forms or an invalid id).
 * @example
 * tagCustomerForms(document, "c_9f"); // 1: <input type="hidden" name="contact[tags]" value="icr_click:c_9f">
 */
export function tagCustomerForms(root: ParentNode, clickId: string): number {
  if (!CLICK_ID.test(clickId)) return 0;
  const tag = SIGNUP_TAG_PREFIX + clickId;
  let tagged = 0;
  for (const form of root.querySelectorAll<HTMLFormElement>("form")) {
    const type = form.querySelector<HTMLInputElement>('input[name="form_type"]')?.value;
    const field = type === "customer" ? "contact[tags]" : type === "create_customer" ? "customer[tags]" : undefined;
    if (!field) continue;
    let input = form.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    if (!input) {
      input = form.ownerDocument.createElement("input");
      input.type = "hidden";
      input.name = field;
      form.append(input);
    }
    const tags = input.value.split(",").map((t) => t.trim()).filter((t) => t && !t.startsWith(SIGNUP_TAG_PREFIX));
    input.value = [...tags, tag].join(", ");
    tagged++;
  }
  return tagged;
}

/**
 * Keeps the capture in localStorage and a 30-day first-party `SameSite=Lax` cookie, if the
 * visitor's privacy choices allow it; storage that throws (private modes) is skipped.
 *
 * @returns nothing; writes nothing when `env.mayPersist()` is false.
 * @example
 * persist(env, { click: { value: "c_9f", at: Date.now() } }); // _icr=%7B%22click%22… ; Max-Age=2592000
 */
export function persist(env: CaptureEnv, state: Capture): void {
  if (!env.mayPersist()) return;
  const json = JSON.stringify(state);
  safely(() => env.storage?.setItem(STORAGE_KEY, json));
  env.writeCookie(
    `${STORAGE_KEY}=${encodeURIComponent(json)}; Max-Age=${MAX_AGE_MS / 1000}; Path=/; SameSite=Lax${env.secure ? "; Secure" : ""}`,
  );
}

function fresh(seen: unknown, now: number): Seen | undefined {
  const s = seen as Partial<Seen> | undefined;
  return typeof s?.value === "string" && typeof s.at === "number" && now - s.at <= MAX_AGE_MS && s.at <= now
    ? { value: s.value, at: s.at }
    : undefined;
}

/** Storage and JSON throw in private modes and on foreign content; neither may break the page. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
