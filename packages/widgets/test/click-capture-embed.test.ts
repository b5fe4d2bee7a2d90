import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from "./chromium.js";
import { EXTENSION_DIR, readBlocks } from "./extension.js";
import { bodyOf, serve, type Served } from "./serve.js";

interface CartPost {
  path: string;
  contentType: string | undefined;
  body: { attributes: Record<string, string> };
}

/** A stand-in for a Shopify storefront: pages with the embed's script, and /cart/update.js. */
describe.skipIf(!HAS_CHROMIUM)("click-capture app embed on a storefront", () => {
  let browser: Browser;
  let server: Served;
  let context: BrowserContext;
  let script: string;
  const posts: CartPost[] = [];
  /** Whether /cart/update.js creates the cart (sets the `cart` cookie), as Shopify does. */
  let createsCart = true;

  beforeAll(async () => {
    const embed = (await readBlocks()).find((b) => b.schema.target === "body")!;
    script = embed.schema.javascript!;
    const asset = await readFile(`${EXTENSION_DIR}assets/${script}`);
    server = await serve(async (req: IncomingMessage, res) => {
      const path = new URL(req.url!, "http://x").pathname;
      if (req.method === "POST" && path.endsWith("/cart/update.js")) {
        posts.push({ path, contentType: req.headers["content-type"], body: JSON.parse(await bodyOf(req)) as CartPost["body"] });
        if (createsCart && !/(^|; )cart=/.test(req.headers.cookie ?? "")) res.setHeader("set-cookie", "cart=c1-stand-in; Path=/; SameSite=Lax");
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ token: "c1-stand-in", items: [] }));
      } else if (path === `/assets/${script}`) {
        res.setHeader("content-type", "text/javascript");
        res.end(asset);
      } else {
        // What Shopify renders for an app embed with "javascript": a deferred script before </body>.
        res.setHeader("content-type", "text/html");
        res.end(`<!doctype html><html><body><h1>Shop</h1><script src="/assets/${script}" defer></script></body></html>`);
      }
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    posts.length = 0;
    createsCart = true;
    await context?.close();
    context = await browser.newContext();
  });

  /** Opens `path` and waits until `count` cart posts have arrived (or a quiet moment for 0). */
  async function visit(path: string, count: number, init?: string) {
    const page = await context.newPage();
    if (init) await page.addInitScript(init);
    const before = posts.length;
    await page.goto(`${server.origin}${path}`);
    if (count === before) await page.waitForTimeout(300);
    else await expect.poll(() => posts.length, { timeout: 5000 }).toBe(count);
    return page;
  }

  it("posts icr_click and the UTM parameters of the landing URL to the cart, once", async () => {
    const page = await visit("/?icr_click=c_9fA2&utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=alice", 1);
    expect(posts[0]).toEqual({
      path: "/cart/update.js",
      contentType: "application/json",
      body: {
        attributes: {
          _icr_click: "c_9fA2",
          _icr_utm: "utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=alice",
        },
      },
    });
    // Kept first-party for 30 days: a Lax cookie and localStorage.
    const cookie = (await context.cookies()).find((c) => c.name === "_icr")!;
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);
    expect(JSON.parse(decodeURIComponent(cookie.value)).click.value).toBe("c_9fA2");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("_icr")!).click.value)).toBe("c_9fA2");
    // Browsing on: same values, same cart, nothing more to post.
    await visit("/products/tee", 1);
    await visit("/collections/all", 1);
  });

  it("posts the kept values again to a new cart, and a new click as soon as it lands", async () => {
    const landing = await visit("/?icr_click=c_1&utm_source=tiktok", 1);
    // The script notes which cart got the values once the POST has answered; then the cart goes.
    await expect.poll(() => landing.evaluate(() => localStorage.getItem("_icr") ?? "")).toContain("c1-stand-in");
    await context.clearCookies({ name: "cart" });
    await visit("/cart", 2);
    expect(posts[1]!.body.attributes).toEqual({ _icr_click: "c_1", _icr_utm: "utm_source=tiktok" });
    await visit("/?icr_click=c_2", 3);
    expect(posts[2]!.body.attributes).toEqual({ _icr_click: "c_2", _icr_utm: "utm_source=tiktok" });
  });

  it("gives the attributes to a cart created after landing (by an add to cart)", async () => {
    createsCart = false;
    const page = await visit("/?icr_click=c_late", 1);
    createsCart = true;
    await page.evaluate(() => (document.cookie = "cart=c1-created-later; path=/"));
    await expect.poll(() => posts.length, { timeout: 6000 }).toBe(2);
    expect(posts[1]!.body.attributes).toEqual({ _icr_click: "c_late" });
  });

  it("treats hostile parameters as text: an invalid click id is dropped, nothing reaches the page", async () => {
    const hostile = encodeURIComponent(`<img src=x onerror="window.pwned=1">`);
    const page = await visit(`/?icr_click=${hostile}&utm_content=${hostile}`, 1);
    expect(posts[0]!.body.attributes).toEqual({ _icr_utm: `utm_content=${hostile.replace(/%20/g, "+")}` });
    expect(await page.evaluate(() => [document.querySelectorAll("img").length, (window as { pwned?: number }).pwned])).toEqual([0, undefined]);
  });

  it("keeps nothing when the visitor declined tracking, yet still fills the current cart", async () => {
    const declined = "window.Shopify = { customerPrivacy: { marketingAllowed: () => false } };";
    const page = await visit("/?icr_click=c_private", 1, declined);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("_icr");
    expect(await page.evaluate(() => localStorage.getItem("_icr"))).toBeNull();
  });

  it("uses the market's root for the cart endpoint", async () => {
    await visit("/fr/?icr_click=c_fr", 1, "window.Shopify = { routes: { root: '/fr/' } };");
    expect(posts[0]!.path).toBe("/fr/cart/update.js");
  });

  it("does nothing on a visit without a click or UTM parameters", async () => {
    await visit("/?page=2", 0);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("_icr");
  });
});
