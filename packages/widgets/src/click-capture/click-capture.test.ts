import { afterEach, describe, expect, it, vi } from "vitest";
import {
  capture,
  cartAttributes,
  cartToken,
  loadCapture,
  MAX_AGE_MS,
  mergeLanding,
  readLanding,
  SIGNUP_TAG_PREFIX,
  STORAGE_KEY,
  tagCustomerForms,
  syncKey,
  type CaptureEnv,
} from "./click-capture.js";

const NOW = Date.UTC(2026, 11, 4, 12);
const DAY = 24 * 60 * 60 * 1000;

/** A page with a cookie jar, localStorage and a cart endpoint, all in memory. */
function page(search: string, options: { mayPersist?: boolean; cartStatus?: number; secure?: boolean } = {}) {
  const cookies = new Map<string, string>();
  const storage = new Map<string, string>();
  const posts: unknown[] = [];
  const written: string[] = [];
  const env: CaptureEnv = {
    search,
    now: NOW,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    readCookies: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    writeCookie: (cookie) => {
      written.push(cookie);
      const [pair] = cookie.split("; ");
      const eq = pair!.indexOf("=");
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    },
    secure: options.secure ?? false,
    cartUpdateUrl: "/cart/update.js",
    fetch: vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      posts.push(JSON.parse(String(init?.body)));
      // Shopify creates the cart (and its cookie) on the first cart request.
      if (!cookies.has("cart")) cookies.set("cart", "c1-first");
      return new Response("{}", { status: options.cartStatus ?? 200 });
    }) as typeof fetch,
    mayPersist: () => options.mayPersist ?? true,
  };
  return { env, cookies, storage, posts, written };
}

describe("readLanding", () => {
  it("reads the click id and the UTM parameters as a query string", () => {
    expect(
      readLanding("?icr_click=c_9fA-2&utm_source=instagram&utm_medium=influencer&utm_campaign=spring+sale&utm_content=alice&x=1"),
    ).toEqual({ click: "c_9fA-2", utm: "utm_source=instagram&utm_medium=influencer&utm_campaign=spring+sale&utm_content=alice" });
  });

  it("ignores a click id that the app could not have minted", () => {
    expect(readLanding(`?icr_click=${encodeURIComponent("<img src=x onerror=alert(1)>")}`)).toEqual({});
    expect(readLanding(`?icr_click=${"a".repeat(65)}`)).toEqual({});
    expect(readLanding("?icr_click=")).toEqual({});
  });

  it("trims UTM values, drops empty ones and cuts long ones to 100 characters", () => {
    expect(readLanding(`?utm_source=%20tiktok%20&utm_medium=&utm_term=${"x".repeat(300)}`)).toEqual({
      utm: `utm_source=tiktok&utm_term=${"x".repeat(100)}`,
    });
  });

  it("finds nothing on a plain URL", () => {
    expect(readLanding("")).toEqual({});
    expect(readLanding("?page=2")).toEqual({});
  });
});

describe("loadCapture", () => {
  it("reads localStorage first, then the cookie, and drops what is older than 30 days", () => {
    const { env, storage, cookies } = page("");
    const kept = { click: { value: "c_1", at: NOW - DAY }, utm: { value: "utm_source=x", at: NOW - MAX_AGE_MS - 1 }, synced: "k" };
    cookies.set(STORAGE_KEY, encodeURIComponent(JSON.stringify({ click: { value: "c_cookie", at: NOW } })));
    expect(loadCapture(env)).toEqual({ click: { value: "c_cookie", at: NOW } });
    storage.set(STORAGE_KEY, JSON.stringify(kept));
    expect(loadCapture(env)).toEqual({ click: { value: "c_1", at: NOW - DAY }, synced: "k" });
  });

  it("treats junk, a foreign click id or a time in the future as nothing", () => {
    const { env, storage } = page("");
    for (const junk of ["{", "null", "[1]", JSON.stringify({ click: { value: "<b>", at: NOW } }), JSON.stringify({ click: { value: "c", at: NOW + DAY } })]) {
      storage.set(STORAGE_KEY, junk);
      expect(loadCapture(env)).toEqual({});
    }
  });

  it("survives storage that throws (private mode) and no storage at all", () => {
    const { env } = page("");
    env.storage = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {},
    };
    expect(loadCapture(env)).toEqual({});
    expect(loadCapture({ ...env, storage: undefined })).toEqual({});
  });
});

describe("mergeLanding, cartAttributes, syncKey, cartToken", () => {
  it("lets a new click replace the old one and keeps the other value's own time", () => {
    const merged = mergeLanding({ click: { value: "c_old", at: 1 }, utm: { value: "utm_source=tiktok", at: 1 } }, { click: "c_new" }, 5);
    expect(merged).toEqual({ click: { value: "c_new", at: 5 }, utm: { value: "utm_source=tiktok", at: 1 } });
    expect(cartAttributes(merged)).toEqual({ _icr_click: "c_new", _icr_utm: "utm_source=tiktok" });
    expect(cartAttributes({})).toEqual({});
  });

  it("keys the cart and the values together, and reads Shopify's cart cookie", () => {
    expect(syncKey({ _icr_click: "c_9f" }, "c1-abc")).toBe('c1-abc {"_icr_click":"c_9f"}');
    expect(cartToken("a=1; cart=c1-abc%3Fkey%3D1; b=2")).toBe("c1-abc%3Fkey%3D1");
    expect(cartToken("a=1")).toBe("");
  });
});

describe("capture", () => {
  afterEach(() => vi.restoreAllMocks());

  it("posts the attributes once, keeping them first-party for 30 days", async () => {
    const { env, posts, written, storage } = page("?icr_click=c_9f&utm_source=instagram&utm_content=alice");
    expect(await capture(env)).toBe("posted");
    expect(posts).toEqual([{ attributes: { _icr_click: "c_9f", _icr_utm: "utm_source=instagram&utm_content=alice" } }]);
    expect(written.at(-1)).toMatch(new RegExp(`^${STORAGE_KEY}=[^;]+; Max-Age=2592000; Path=/; SameSite=Lax$`));
    expect(JSON.parse(storage.get(STORAGE_KEY)!)).toMatchObject({ click: { value: "c_9f", at: NOW } });
    // The next page of the same visit: nothing new, same cart.
    expect(await capture({ ...env, search: "" })).toBe("unchanged");
    expect(posts).toHaveLength(1);
  });

  it("posts again for a new value or a new cart", async () => {
    const { env, posts, cookies } = page("?icr_click=c_1");
    await capture(env);
    expect(await capture({ ...env, search: "?icr_click=c_2" })).toBe("posted");
    cookies.set("cart", "c1-after-checkout");
    expect(await capture({ ...env, search: "" })).toBe("posted");
    expect(posts).toEqual([
      { attributes: { _icr_click: "c_1" } },
      { attributes: { _icr_click: "c_2" } },
      { attributes: { _icr_click: "c_2" } },
    ]);
  });

  it("marks the cart Shopify created for the POST as done", async () => {
    const { env, storage } = page("?icr_click=c_1");
    await capture(env);
    expect(JSON.parse(storage.get(STORAGE_KEY)!).synced).toBe(syncKey({ _icr_click: "c_1" }, "c1-first"));
  });

  it("does nothing without a click or UTM parameters", async () => {
    const { env, posts, written } = page("?page=2");
    expect(await capture(env)).toBe("nothing");
    expect(posts).toEqual([]);
    expect(written).toEqual([]);
  });

  it("retries on the next page when the cart answered with an error or was unreachable", async () => {
    const failing = page("?icr_click=c_1", { cartStatus: 500 });
    expect(await capture(failing.env)).toBe("failed");
    expect(await capture({ ...failing.env, search: "" })).toBe("failed");
    expect(failing.posts).toHaveLength(2);
    const offline = page("?icr_click=c_1");
    offline.env.fetch = vi.fn(() => Promise.reject(new TypeError("offline")));
    expect(await capture(offline.env)).toBe("failed");
  });

  it("keeps nothing when the visitor's privacy choices forbid it, but still fills this cart", async () => {
    const { env, posts, written, storage } = page("?icr_click=c_1", { mayPersist: false });
    expect(await capture(env)).toBe("posted");
    expect(posts).toHaveLength(1);
    expect(written).toEqual([]);
    expect(storage.size).toBe(0);
  });

  it("marks the cookie Secure on https", async () => {
    const { env, written } = page("?icr_click=c_1", { secure: true });
    await capture(env);
    expect(written.at(-1)).toMatch(/; Secure$/);
  });

  it("carries a hostile UTM value as plain text in JSON", async () => {
    const { env, posts } = page(`?utm_content=${encodeURIComponent('<script>alert("x")</script>')}`);
    await capture(env);
    expect(posts).toEqual([{ attributes: { _icr_utm: "utm_content=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E" } }]);
  });
});

describe("tagCustomerForms", () => {
  /** Shopify's newsletter and register forms as themes render them (form_type names the form). */
  function forms(html: string): HTMLElement {
    const root = document.createElement("div");
    root.innerHTML = html;
    return root;
  }
  const tagsOf = (root: HTMLElement, name: string) =>
    [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].map((i) => i.value);

  it("adds the click id as a customer tag to newsletter and account forms, keeping their tags", () => {
    const root = forms(`
      <form action="/contact#newsletter" method="post"><input type="hidden" name="form_type" value="customer">
        <input type="hidden" name="contact[tags]" value="newsletter"><input name="contact[email]"></form>
      <form action="/account" method="post"><input type="hidden" name="form_type" value="create_customer">
        <input name="customer[email]"></form>
      <form action="/search"><input name="q"></form>`);
    expect(tagCustomerForms(root, "c_9f")).toBe(2);
    expect(tagsOf(root, "contact[tags]")).toEqual([`newsletter, ${SIGNUP_TAG_PREFIX}c_9f`]);
    expect(tagsOf(root, "customer[tags]")).toEqual(["icr_click:c_9f"]);
    expect(root.querySelectorAll('form[action="/search"] input')).toHaveLength(1);
  });

  it("replaces an older click tag instead of piling tags up, and ignores ids that are not ours", () => {
    const root = forms(`<form><input name="form_type" value="customer">
      <input name="contact[tags]" value="icr_click:old, vip"></form>`);
    tagCustomerForms(root, "c_new");
    tagCustomerForms(root, "c_new");
    expect(tagsOf(root, "contact[tags]")).toEqual(["vip, icr_click:c_new"]);
    expect(tagCustomerForms(root, '"><img src=x onerror=alert(1)>')).toBe(0);
    expect(tagsOf(root, "contact[tags]")).toEqual(["vip, icr_click:c_new"]);
  });
});
