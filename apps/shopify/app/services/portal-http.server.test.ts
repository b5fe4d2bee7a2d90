/**
 * The portal's routes, attacked: tampered, expired, revoked and rotated tokens; forged cookies;
 * another influencer's id in the URL or a form; another shop's influencer through the app proxy;
 * token guessing. And what a good portal page shows: only its own influencer's numbers, no
 * customer data (the orders were ingested from webhook payloads with emails, names and addresses).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeWebhookOrder, type RollupRow } from "@icr/metrics";
import type { Database, Db } from "../db.server";
import { assignCode } from "../models/discount-codes.server";
import { createInfluencer, setInfluencerCommission } from "../models/influencers.server";
import { addRollups } from "../models/rollups.server";
import { createLink } from "../models/share-links.server";
import { ensureShop } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { orderPayload } from "../test-support/shopify-payloads";
import { signAppProxyQuery } from "./app-proxy.server";
import { hashInviteToken } from "./invite-tokens.server";
import { ingestOrder } from "./order-ingest.server";
import { openPortalLink, portalAction, portalClientAddress, showPortal, showProxyPortal, type PortalDeps } from "./portal-http.server";
import { inviteInfluencer, revokeInvite } from "./portal-invites.server";
import { FailureLimiter } from "./portal-rate-limit.server";
import { portalSessionCookie } from "./portal-session.server";
import { loadShopContext } from "./shop-context.server";

const NOW = Date.parse("2026-03-12T12:00:00Z");
const SECRET = "portal-test-secret";
const APP = "https://icr.example";
const CUSTOMER_SECRETS = ["jane.buyer@example.com", "Jane", "Buyer", "12 Rue Secrète", "75011", "mark.other@example.com", "Mark"];

function rollup(influencerId: string, clicks: number): RollupRow {
  return {
    day: "2026-03-10",
    influencerId,
    campaign: null,
    dimension: "",
    value: "",
    clicks,
    botClicks: 0,
    engagements: 0,
    purchase: { code: 0, link: 0, utm: 0 },
    signup: { code: 0, link: 0, utm: 0 },
    revenue: 0,
  };
}

/** A webhook payload with everything personal Shopify sends (the normalizer must drop it; we check the page never shows it). */
function personalPayload(id: number, codes: string[], landingSite: string, email: string, first: string) {
  const payload = orderPayload({ id, createdAt: "2026-03-10T10:00:00Z", subtotal: "120.00", codes, landingSite, customer: { id: id + 1, email, ordersCount: 1 } });
  const customer = payload.customer as Record<string, unknown>;
  customer.first_name = first;
  customer.last_name = "Buyer";
  payload.shipping_address = { first_name: first, last_name: "Buyer", address1: "12 Rue Secrète", zip: "75011", city: "Paris", country_code: "FR" };
  return payload;
}

function cookieOf(response: Response): string {
  const header = response.headers.get("Set-Cookie") ?? "";
  return header.split(";")[0] ?? "";
}

describe.each(await testBackends())("portal routes on $name", (backend) => {
  let database: Database;
  let db: Db;
  let shopA: number;
  let alice: string;
  let bob: string;
  let carol: string;
  let aliceToken: string;
  let bobToken: string;
  let carolToken: string;

  const deps = (limiter = new FailureLimiter()): PortalDeps => ({ db, secret: SECRET, appUrl: APP, limiter, now: () => NOW });
  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    new Request(`https://icr.example${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });

  async function session(token: string, d = deps()): Promise<string> {
    const opened = await openPortalLink(d, get(`/portal/${token}`), token, "198.51.100.1");
    expect(opened.status).toBe(303);
    return cookieOf(opened);
  }

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    const a = await ensureShop(db, "portal-a.myshopify.com");
    const b = await ensureShop(db, "portal-b.myshopify.com");
    shopA = a.id;
    alice = (await createInfluencer(db, shopA, { handle: "alice", name: "Alice Rivera" })).id;
    bob = (await createInfluencer(db, shopA, { handle: "bobhandle", name: "Bob Secretname" })).id;
    carol = (await createInfluencer(db, b.id, { handle: "carolhandle" })).id;
    await assignCode(db, shopA, { code: "ALICE10", influencerId: alice, origin: "adopted" });
    await assignCode(db, shopA, { code: "BOBCODE15", influencerId: bob, origin: "adopted" });
    await assignCode(db, b.id, { code: "CAROLCODE", influencerId: carol, origin: "adopted" });
    await createLink(db, shopA, { slug: "alice-ig", influencerId: alice, destination: "https://portal-a.example/", platform: "instagram" });
    await createLink(db, shopA, { slug: "bob-secret-link", influencerId: bob, destination: "https://portal-a.example/" });
    const shop = await loadShopContext(db, a);
    // Alice wins #1 by code; bob's UTM visit on #2 loses to alice's code; bob wins #3 with alice's UTM overruled.
    const orders = [
      personalPayload(5_000_000_000_001, ["ALICE10"], "/", "jane.buyer@example.com", "Jane"),
      personalPayload(5_000_000_000_002, ["ALICE10"], "/?utm_medium=influencer&utm_content=bobhandle", "jane.buyer@example.com", "Jane"),
      personalPayload(5_000_000_000_003, ["BOBCODE15"], "/?utm_medium=influencer&utm_content=alice", "mark.other@example.com", "Mark"),
    ];
    for (const payload of orders) await db.transaction((tx) => ingestOrder(tx, shop, normalizeWebhookOrder(payload), []));
    await addRollups(db, shopA, [rollup(alice, 40), rollup(bob, 7777)]);
    await setInfluencerCommission(db, shopA, alice, { kind: "percent", value: 1000 });
    aliceToken = (await inviteInfluencer(db, shopA, alice, { appUrl: APP, shopDomain: "portal-a.myshopify.com", now: NOW })).token;
    bobToken = (await inviteInfluencer(db, shopA, bob, { appUrl: APP, shopDomain: "portal-a.myshopify.com", now: NOW })).token;
    carolToken = (await inviteInfluencer(db, b.id, carol, { appUrl: APP, shopDomain: "portal-b.myshopify.com", now: NOW })).token;
  });
  afterAll(async () => {
    await database.close();
  });

  it("trades the link for a signed HttpOnly, SameSite=Lax, Secure cookie and takes the token out of the address bar", async () => {
    const opened = await openPortalLink(deps(), get(`/portal/${aliceToken}`), aliceToken, "198.51.100.1");
    expect(opened.status).toBe(303);
    expect(opened.headers.get("Location")).toBe("/portal");
    expect(opened.headers.get("Referrer-Policy")).toBe("no-referrer");
    const setCookie = opened.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^icr_portal=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/portal/);
    expect(setCookie).not.toContain(aliceToken);
  });

  it("shows the influencer's own links, codes, numbers and receipts, and nothing of anyone else", async () => {
    const response = await showPortal(deps(), get("/portal", await session(aliceToken)));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toContain("Alice Rivera");
    expect(html).toContain(`${APP}/r/alice-ig`);
    expect(html).toContain("ALICE10");
    expect(html).toMatch(/data-testid="clicks">40</);
    expect(html).toMatch(/data-testid="conversions">2</);
    expect(html).toMatch(/data-testid="rate">5%</); // 2 / 40, by @icr/metrics
    expect(html).toMatch(/data-testid="commission">24.00 USD</); // 10% of 2 × 120.00
    expect(html).toContain("another influencer&#x27;s UTM link");
    expect(html).toContain("<svg"); // QR code
    expect(html).toContain("icr-influencer-card");
    for (const leak of ["bobhandle", "Bob Secretname", "BOBCODE15", "bob-secret-link", "7777", "#1003", "carolhandle", "CAROLCODE", ...CUSTOMER_SECRETS]) {
      expect(html, leak).not.toContain(leak);
    }
  });

  it("refuses tampered, malformed, expired, revoked and rotated tokens with one and the same 404", async () => {
    const flipped = aliceToken.slice(0, 10) + (aliceToken[10] === "x" ? "y" : "x") + aliceToken.slice(11);
    const bodies = new Set<string>();
    for (const token of [flipped, aliceToken.slice(0, 30), "%00", hashInviteToken(aliceToken), alice]) {
      const response = await openPortalLink(deps(), get(`/portal/${token}`), token, "198.51.100.2");
      expect(response.status, token).toBe(404);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      bodies.add((await response.text()).replace(/nonce="[^"]+"/g, ""));
    }
    const expired = await openPortalLink({ ...deps(), now: () => NOW + 31 * 86_400_000 }, get(`/portal/${aliceToken}`), aliceToken, "198.51.100.2");
    expect(expired.status).toBe(404);
    bodies.add((await expired.text()).replace(/nonce="[^"]+"/g, ""));
    expect(bodies.size).toBe(1);
  });

  it("closes an open session at once when the invite is revoked or rotated", async () => {
    const dana = (await createInfluencer(db, shopA, { handle: "dana" })).id;
    const first = await inviteInfluencer(db, shopA, dana, { appUrl: APP, shopDomain: "portal-a.myshopify.com", now: NOW });
    const cookie = await session(first.token);
    expect((await showPortal(deps(), get("/portal", cookie))).status).toBe(200);
    const second = await inviteInfluencer(db, shopA, dana, { appUrl: APP, shopDomain: "portal-a.myshopify.com", now: NOW });
    const rotated = await showPortal(deps(), get("/portal", cookie));
    expect(rotated.status).toBe(401);
    expect(rotated.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await openPortalLink(deps(), get("/"), first.token, "198.51.100.3")).status).toBe(404);
    const fresh = await session(second.token);
    await revokeInvite(db, shopA, dana, NOW);
    expect((await showPortal(deps(), get("/portal", fresh))).status).toBe(401);
    expect((await openPortalLink(deps(), get("/"), second.token, "198.51.100.3")).status).toBe(404);
  });

  it("ignores another influencer's id in the URL and in a form", async () => {
    const cookie = await session(aliceToken);
    const html = await (await showPortal(deps(), get(`/portal?influencer=${bob}&influencerId=${bob}&shop=portal-a.myshopify.com`, cookie))).text();
    expect(html).toContain("Alice Rivera");
    expect(html).not.toContain("bobhandle");
    // The only form action signs out; an influencer id in it changes nothing and opens nothing.
    const form = new Request("https://icr.example/portal", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ influencerId: bob, intent: "switch" }),
    });
    const posted = await portalAction(deps(), form);
    expect(posted.status).toBe(303);
    expect(posted.headers.get("Set-Cookie")).toMatch(/icr_portal=;/);
    // An influencer id where the token goes is just a bad token.
    expect((await openPortalLink(deps(), get(`/portal/${bob}`), bob, "198.51.100.4")).status).toBe(404);
  });

  it("refuses forged cookies: unsigned, signed with another secret, or holding a hash no invite has", async () => {
    const forgedValue = Buffer.from(JSON.stringify({ h: hashInviteToken(bobToken) })).toString("base64");
    for (const cookie of [
      `icr_portal=${forgedValue}`,
      cookieOf(new Response(null, { headers: { "Set-Cookie": await portalSessionCookie(get("/"), "another-secret", hashInviteToken(bobToken)) } })),
      cookieOf(new Response(null, { headers: { "Set-Cookie": await portalSessionCookie(get("/"), SECRET, hashInviteToken("x".repeat(43))) } })),
    ]) {
      const response = await showPortal(deps(), get("/portal", cookie));
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("bobhandle");
    }
    expect((await showPortal(deps(), get("/portal"))).status).toBe(401);
  });

  describe("through the app proxy", () => {
    function proxied(token: string, shop: string, extra: Record<string, string> = {}) {
      const query = new URLSearchParams({ shop, logged_in_customer_id: "", path_prefix: "/apps/icr", timestamp: String(Math.floor(NOW / 1000)), ...extra });
      query.set("signature", signAppProxyQuery(query, SECRET));
      return new Request(`https://icr.example/proxy/portal/${token}?${query}`, { headers: { "X-Forwarded-For": "203.0.113.50" } });
    }

    it("renders the portal for the proxy's own shop, with no cookie", async () => {
      const response = await showProxyPortal(deps(), proxied(aliceToken, "portal-a.myshopify.com"), aliceToken, "203.0.113.50");
      expect(response.status).toBe(200);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      const html = await response.text();
      expect(html).toContain("Alice Rivera");
      expect(html).toContain(`action="/apps/icr/portal/${aliceToken}"`);
      expect(html).not.toContain("Sign out");
    });

    it("refuses another shop's influencer, and a bad signature", async () => {
      const wrongShop = await showProxyPortal(deps(), proxied(carolToken, "portal-a.myshopify.com"), carolToken, "203.0.113.50");
      expect(wrongShop.status).toBe(404);
      expect(await wrongShop.text()).not.toContain("carolhandle");
      const ownShop = await showProxyPortal(deps(), proxied(carolToken, "portal-b.myshopify.com"), carolToken, "203.0.113.50");
      expect(ownShop.status).toBe(200);
      const tampered = proxied(aliceToken, "portal-a.myshopify.com");
      const url = new URL(tampered.url);
      url.searchParams.set("shop", "portal-b.myshopify.com");
      expect((await showProxyPortal(deps(), new Request(url), aliceToken, "203.0.113.50")).status).toBe(401);
    });

    it("charges lookups to the visitor address Shopify forwards", () => {
      expect(portalClientAddress(proxied(aliceToken, "portal-a.myshopify.com"), {}, true)).toBe("203.0.113.50");
      expect(portalClientAddress(get("/", undefined, { "X-Forwarded-For": "6.6.6.6" }), { clientAddress: "198.51.100.9" }, false)).toBe("198.51.100.9");
      expect(portalClientAddress(get("/", undefined, { "X-Forwarded-For": "6.6.6.6" }), undefined, false)).toBe("unknown");
    });
  });

  it("rate-limits guessing: after the failure budget, even a good token gets 429 with Retry-After; other addresses are unaffected", async () => {
    const d = deps(new FailureLimiter({ capacity: 5, refillMs: 60_000, maxKeys: 100 }));
    for (let i = 0; i < 5; i++) {
      const guess = Buffer.alloc(32, i).toString("base64url");
      expect((await openPortalLink(d, get(`/portal/${guess}`), guess, "192.0.2.66")).status).toBe(404);
    }
    const blocked = await openPortalLink(d, get(`/portal/${aliceToken}`), aliceToken, "192.0.2.66");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe("60");
    expect((await openPortalLink(d, get(`/portal/${aliceToken}`), aliceToken, "192.0.2.67")).status).toBe(303);
  });
});
