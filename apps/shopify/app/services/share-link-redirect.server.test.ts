import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { createInfluencer } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { createLink } from "../models/share-links.server";
import { saveShopSettings } from "../models/shop-settings.server";
import { deleteShop, ensureShop } from "../models/shops.server";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { ClickBatchWriter } from "./click-batch-writer.server";
import { ClickRecorder } from "./click-recorder.server";
import { serveShareLink } from "./share-link-http.server";
import { shareLinkResponse, type RedirectContext, type ShareLinkHit } from "./share-link-redirect.server";
import { ShareLinkResolver } from "./share-link-resolver.server";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
const T0 = Date.parse("2026-03-10T15:00:00Z");

describe.each(await testBackends())("share-link redirect on $name", (backend) => {
  let database: Database;
  let ctx: RedirectContext;
  let now = T0;
  let shopId: number;
  let slug: string;
  let counter = 0;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await ctx?.recorder.close();
    await database.close();
  });
  beforeEach(async () => {
    counter++;
    const shop = await ensureShop(database.db, `clicks-${backend.name}-${counter}.myshopify.com`);
    shopId = shop.id;
    const alice = await createInfluencer(database.db, shopId, { handle: "alice", utm: "alice_ig" });
    slug = `alice-ig-${backend.name}-${counter}`;
    await createLink(database.db, shopId, { slug, influencerId: alice.id, destination: "https://shop.example/products/tee?color=red#size", platform: "instagram", campaign: "spring" });
    now = T0;
    await ctx?.recorder.close();
    ctx = { resolver: new ShareLinkResolver(database.db), recorder: new ClickRecorder(new ClickBatchWriter(database.db), { flushIntervalMs: 60_000 }), now: () => now };
  });

  function hit(overrides: Partial<ShareLinkHit> = {}): ShareLinkHit {
    const headers: Record<string, string> = { "x-forwarded-for": "198.51.100.23, 10.0.0.1", "cf-ipcountry": "fr" };
    return { slug, method: "GET", userAgent: IPHONE, header: (n) => headers[n], socketAddress: "203.0.113.7", viaAppProxy: false, ...overrides };
  }

  it("shares a flush not started yet between callers, and a click recorded while one runs waits for the next", async () => {
    await shareLinkResponse(ctx, hit());
    await shareLinkResponse(ctx, hit({ socketAddress: "203.0.113.8" }));
    const first = ctx.recorder.flush();
    expect(ctx.recorder.flush()).toBe(first);
    await shareLinkResponse(ctx, hit({ socketAddress: "203.0.113.9" }));
    // The first flush starts on the next microtask and takes the three clicks queued by then.
    expect(await first).toBe(3);
    await shareLinkResponse(ctx, hit({ socketAddress: "203.0.113.10" }));
    const second = ctx.recorder.flush();
    expect(second).not.toBe(first);
    expect(await second).toBe(1);
    expect((await shopSnapshot(database.db, shopId)).clicks).toHaveLength(4);
  });

  it("answers 302 with the link's UTM parameters and a fresh icr_click, before anything is written", async () => {
    const response = await shareLinkResponse(ctx, hit());
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe("https://shop.example/products/tee");
    expect(location.hash).toBe("#size");
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      color: "red",
      utm_source: "instagram",
      utm_medium: "influencer",
      utm_campaign: "spring",
      utm_content: "alice_ig",
    });
    expect(location.searchParams.get("icr_click")).toMatch(/^c[A-Za-z0-9_-]{16}$/);
    // The click waits in memory: the redirect did not touch the clicks table.
    expect(ctx.recorder.pending).toBe(1);
    expect((await shopSnapshot(database.db, shopId)).clicks).toEqual([]);

    expect(await ctx.recorder.flush()).toBe(1);
    const [click] = (await shopSnapshot(database.db, shopId)).clicks;
    expect(click).toMatchObject({ id: location.searchParams.get("icr_click"), slug, bot: false, counted: true, device: "mobile", campaign: "spring" });
    // The socket address is used (no trusted proxy), and only as a salted hash; country only from a trusted proxy.
    expect(click?.visitorHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(click)).not.toContain("203.0.113.7");
    expect(click?.country).toBeNull();
    const [row] = await listRollups(database.db, shopId, { dimension: "" });
    expect(row).toMatchObject({ clicks: 1, botClicks: 0, campaign: "spring", day: "2026-03-10" });
  });

  it("counts a visitor's repeat within 60 minutes once, and again after 60 minutes (sliding window)", async () => {
    for (const minutes of [0, 30, 59, 60, 90, 125]) {
      now = T0 + minutes * 60_000;
      await shareLinkResponse(ctx, hit());
      // Flushing between clicks exercises the cached last-counted time; the first flush reads it from the database.
      if (minutes === 59) await ctx.recorder.flush();
    }
    await ctx.recorder.flush();
    const clicks = (await shopSnapshot(database.db, shopId)).clicks.sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(clicks.map((c) => c.counted)).toEqual([true, false, false, true, false, true]);
    expect((await listRollups(database.db, shopId, { dimension: "" }))[0]).toMatchObject({ clicks: 3 });
  });

  it("reads the last counted click from the database when the cache is cold (a restarted process)", async () => {
    await shareLinkResponse(ctx, hit());
    await ctx.recorder.close();
    ctx = { ...ctx, recorder: new ClickRecorder(new ClickBatchWriter(database.db), { flushIntervalMs: 60_000 }) };
    now = T0 + 10 * 60_000;
    await shareLinkResponse(ctx, hit());
    await ctx.recorder.flush();
    expect((await shopSnapshot(database.db, shopId)).clicks.map((c) => c.counted).sort()).toEqual([false, true]);
  });

  it("stores bots, link previews and HEAD requests as bot hits, outside the denominator", async () => {
    await shareLinkResponse(ctx, hit({ userAgent: SLACK }));
    await shareLinkResponse(ctx, hit({ userAgent: "" }));
    const head = await shareLinkResponse(ctx, hit({ method: "HEAD" }));
    expect(head.status).toBe(302);
    await ctx.recorder.flush();
    const clicks = (await shopSnapshot(database.db, shopId)).clicks;
    expect(clicks).toHaveLength(3);
    expect(clicks.every((c) => c.bot && !c.counted)).toBe(true);
    expect((await listRollups(database.db, shopId, { dimension: "" }))[0]).toMatchObject({ clicks: 0, botClicks: 3 });
  });

  it("uses X-Forwarded-For and the country header only behind a proxy the shop trusts", async () => {
    await saveShopSettings(database.db, shopId, { trustProxy: true });
    ctx.resolver.invalidate();
    await shareLinkResponse(ctx, hit());
    await shareLinkResponse(ctx, hit({ socketAddress: "203.0.113.99" }));
    await ctx.recorder.flush();
    const clicks = (await shopSnapshot(database.db, shopId)).clicks;
    // Same forwarded address, different socket: one visitor.
    expect(new Set(clicks.map((c) => c.visitorHash)).size).toBe(1);
    expect(clicks.map((c) => c.country)).toEqual(["FR", "FR"]);
  });

  it("answers a friendly 404 page for an unknown or malformed slug and records nothing", async () => {
    for (const bad of ["no-such-link", "../etc/passwd", "", "x".repeat(80)]) {
      const response = await shareLinkResponse(ctx, hit({ slug: bad }));
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("This link isn't active");
    }
    expect(ctx.recorder.pending).toBe(0);
  });

  it("through the app proxy, finds only the proxying shop's slug", async () => {
    expect((await shareLinkResponse(ctx, hit({ shopId, viaAppProxy: true }))).status).toBe(302);
    expect((await shareLinkResponse(ctx, hit({ shopId: shopId + 10_000, viaAppProxy: true }))).status).toBe(404);
  });

  it("keeps clicks queued when a flush fails, and writes them on the next one", async () => {
    const errors: unknown[] = [];
    let down = true;
    const flaky = new Proxy(database.db, {
      get: (target, property, receiver) =>
        property === "transaction" && down ? () => Promise.reject(new Error("database down")) : Reflect.get(target, property, receiver),
    });
    const recorder = new ClickRecorder(new ClickBatchWriter(flaky), { flushIntervalMs: 60_000, onError: (e) => errors.push(e) });
    const id = `cRETRY${counter}`;
    recorder.record({ id: shopId, timezone: "UTC" }, { id, at: T0, link: slug, linkId: "l", influencerId: "i", visitor: "v", userAgent: IPHONE, method: "GET" });
    expect(await recorder.flush()).toBe(0);
    expect(String(errors[0])).toMatch(/database down/);
    expect(recorder.pending).toBe(1);
    down = false;
    expect(await recorder.flush()).toBe(1);
    expect(recorder.pending).toBe(0);
    await recorder.close();
    expect((await shopSnapshot(database.db, shopId)).clicks.map((c) => c.id)).toEqual([id]);
  });

  it("erases a shop's stored clicks with the shop, and drops the clicks still queued for it", async () => {
    const errors: unknown[] = [];
    const recorder = new ClickRecorder(new ClickBatchWriter(database.db), { flushIntervalMs: 60_000, onError: (e) => errors.push(e) });
    const bystander = await ensureShop(database.db, `bystander-clicks-${backend.name}-${counter}.myshopify.com`);
    const click = (id: string, shop: number) =>
      recorder.record({ id: shop, timezone: "UTC" }, { id, at: T0, link: slug, linkId: "l", influencerId: "i", visitor: id, userAgent: IPHONE, method: "GET" });
    click(`cStored${counter}`, shopId);
    click(`cBystander${counter}`, bystander.id);
    expect(await recorder.flush()).toBe(2);
    click(`cQueued${counter}`, shopId);
    await database.db.transaction((tx) => deleteShop(tx, shopId));
    expect(await recorder.flush()).toBe(0);
    await recorder.close();
    expect(errors).toEqual([]);
    expect(recorder.pending).toBe(0);
    expect((await shopSnapshot(database.db, shopId)).clicks).toEqual([]);
    expect((await shopSnapshot(database.db, bystander.id)).clicks.map((c) => c.id)).toEqual([`cBystander${counter}`]);
  });

  it("serves the same redirect from a bare Node http server", async () => {
    const server: Server = createServer((req, res) => {
      if (!serveShareLink(ctx, req, res)) {
        res.writeHead(418);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const ok = await fetch(`http://127.0.0.1:${port}/r/${slug}?ref=bio`, { redirect: "manual", headers: { "user-agent": IPHONE } });
      expect(ok.status).toBe(302);
      expect(ok.headers.get("location")).toContain("utm_content=alice_ig");
      const missing = await fetch(`http://127.0.0.1:${port}/r/nope`, { redirect: "manual" });
      expect(missing.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/app`)).status).toBe(418);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await ctx.recorder.flush();
    expect((await shopSnapshot(database.db, shopId)).clicks).toHaveLength(1);
  });
});

describe("click batches larger than one statement", () => {
  it("writes 2,500 clicks of one flush (PostgreSQL's 65,535-parameter limit is respected)", async () => {
    const [backend] = (await testBackends()).slice(-1);
    if (!backend) return;
    const database = await backend.open();
    try {
      const shop = await ensureShop(database.db, "bulk-clicks.myshopify.com");
      const influencer = await createInfluencer(database.db, shop.id, { handle: "alice" });
      const link = await createLink(database.db, shop.id, { slug: "bulk-clicks", influencerId: influencer.id, destination: "https://shop.example/" });
      const recorder = new ClickRecorder(new ClickBatchWriter(database.db, { maxBatch: 10_000 }), { flushIntervalMs: 60_000 });
      for (let i = 0; i < 2500; i++) {
        recorder.record({ id: shop.id, timezone: "UTC" }, { id: `cbulk${i}`, at: T0 + i, link: link.slug, linkId: link.id, influencerId: influencer.id, visitor: `v${i}`, userAgent: IPHONE, method: "GET" });
      }
      expect(await recorder.flush()).toBe(2500);
      await recorder.close();
      expect((await listRollups(database.db, shop.id, { dimension: "" }))[0]).toMatchObject({ clicks: 2500 });
    } finally {
      await database.close();
    }
  });
});
