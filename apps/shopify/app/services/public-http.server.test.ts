import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db.server";
import { ensureShop, type Shop } from "../models/shops.server";
import { signAppProxyQuery } from "./app-proxy.server";
import type { CachedAnswer, PublicApiContext } from "./public-api.server";
import { LruCache } from "./public-cache.server";
import { clientAddress, servePublicHttp } from "./public-http.server";
import { setPublished } from "./public-publications.server";
import { TokenBucketLimiter } from "./public-rate-limit.server";
import { widgetFileResponse } from "./public-widget-bundle.server";

const SECRET = "proxy-secret";
const WIDGETS = mkdtempSync(join(tmpdir(), "icr-widgets-"));
writeFileSync(join(WIDGETS, "icr-widgets.js"), "export const icr = 1;\n");

describe("public endpoints on a Node server", () => {
  let database: Database;
  let server: Server;
  let base: string;
  let shop: Shop;
  let ctx: PublicApiContext;

  beforeAll(async () => {
    process.env.ICR_WIDGETS_DIR = WIDGETS;
    database = await openDatabase();
    shop = await ensureShop(database.db, "http-public.myshopify.com");
    await setPublished(database.db, shop.id, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
    ctx = { db: database.db, cache: new LruCache<CachedAnswer>({ maxEntries: 10, ttlMs: 1000 }), limiter: new TokenBucketLimiter({ capacity: 100, refillPerSecond: 1 }), now: Date.now };
    server = createServer((req, res) => {
      if (!servePublicHttp(ctx, req, res, { appProxySecret: SECRET, trustForwardedFor: false })) {
        res.writeHead(418);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.ICR_WIDGETS_DIR;
    await new Promise((resolve) => server.close(resolve));
    await database.close();
    rmSync(WIDGETS, { recursive: true, force: true });
  });

  it("answers the API with CORS, and leaves other paths to the next handler", async () => {
    const response = await fetch(`${base}/api/public/v1/${shop.publicKey}/rate?days=7`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect((await response.json()) as unknown).toMatchObject({ scope: "overall", clicks: 0, ratePct: null, trend: expect.any(Array) });
    expect((await fetch(`${base}/app`)).status).toBe(418);
    const preflight = await fetch(`${base}/api/public/v1/${shop.publicKey}/rate`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
  });

  it("answers through the app proxy only with a valid signature for the key's own shop", async () => {
    const query = new URLSearchParams({ shop: shop.domain, path_prefix: "/apps/icr", timestamp: String(Math.floor(Date.now() / 1000)), days: "7" });
    query.set("signature", signAppProxyQuery(query, SECRET));
    expect((await fetch(`${base}/proxy/api/public/v1/${shop.publicKey}/rate?${query}`)).status).toBe(200);
    query.set("days", "8"); // tampered after signing
    expect((await fetch(`${base}/proxy/api/public/v1/${shop.publicKey}/rate?${query}`)).status).toBe(401);
    const other = new URLSearchParams({ shop: "someone-else.myshopify.com", timestamp: String(Math.floor(Date.now() / 1000)) });
    other.set("signature", signAppProxyQuery(other, SECRET));
    const answer = await fetch(`${base}/proxy/api/public/v1/${shop.publicKey}/rate?${other}`);
    expect(answer.status).toBe(404);
  });

  it("serves the widget bundle as JavaScript with CORS, a long cache and an ETag; nothing else from that folder", async () => {
    const response = await fetch(`${base}/widgets/icr-widgets.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=86400/);
    expect(await response.text()).toBe("export const icr = 1;\n");
    const etag = response.headers.get("etag")!;
    expect((await fetch(`${base}/widgets/icr-widgets.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(`${base}/widgets/secrets.js`)).status).toBe(404);
    expect((await fetch(`${base}/widgets/..%2Fpackage.js`)).status).toBe(418);
    expect((await widgetFileResponse("rate.js", null, WIDGETS)).status).toBe(404); // not built here
  });
});

describe("clientAddress", () => {
  it("reads the first forwarded address only when told to", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.7, 10.0.0.1", socketAddress: "10.0.0.2", useForwarded: true })).toBe("203.0.113.7");
    expect(clientAddress({ forwardedFor: "203.0.113.7", socketAddress: "10.0.0.2", useForwarded: false })).toBe("10.0.0.2");
    expect(clientAddress({ forwardedFor: "", socketAddress: null, useForwarded: true })).toBe("unknown");
  });
});
