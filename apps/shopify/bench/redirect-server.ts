/**
 * A redirect server for the benchmark, run in its own process so the load generator does not share
 * its event loop. `bare`: Node `http` answering a fixed 302 with the same headers and a Location of
 * the same shape. `icr`: the app's redirect path (cached slug lookup, click id, visitor HMAC, click
 * queued and flushed in batches to the database, from a worker thread on PostgreSQL). Prints one JSON line when listening; on SIGTERM
 * flushes, prints how many clicks were stored, and exits.
 */
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { count, sql } from "drizzle-orm";
import { openDatabase } from "../app/db.server";
import { clicks } from "../app/db/schema";
import { saveShopSettings } from "../app/models/shop-settings.server";
import { ClickRecorder } from "../app/services/click-recorder.server";
import { clickWriterFor } from "../app/services/click-writer-thread.server";
// @ts-expect-error: a plain ES module script (no types), run by `npm run build` too
import { buildClickWriter } from "../scripts/build-click-writer.mjs";
import { serveShareLink } from "../app/services/share-link-http.server";
import { NOT_FOUND_HTML, REDIRECT_HEADERS } from "../app/services/share-link-redirect.server";
import { ShareLinkResolver } from "../app/services/share-link-resolver.server";
import { seedShop } from "./seed";

const [mode, url] = process.argv.slice(2);
const HERE = dirname(fileURLToPath(import.meta.url));
const BARE_LOCATION =
  "https://shop.example/products/tee?color=red&utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=creator0&icr_click=cAAAAAAAAAAAAAAAA";

async function main() {
  if (mode === "bare") {
    const server = createServer((req, res) => {
      if (req.url?.startsWith("/r/")) {
        res.writeHead(302, { ...REDIRECT_HEADERS, location: BARE_LOCATION, "content-length": "0" });
        res.end();
      } else {
        res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
        res.end(NOT_FOUND_HTML);
      }
    });
    const slugs = Array.from({ length: 200 }, (_, i) => `creator${i}`);
    server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, slugs })));
    process.once("SIGTERM", () => server.close(() => process.exit(0)));
    return;
  }
  const database = await openDatabase(url ? { url } : {});
  const seeded = await seedShop(database.db, "redirect-bench.myshopify.com");
  // Behind a proxy the shop trusts: visitors are told apart by X-Forwarded-For, as in production.
  await saveShopSettings(database.db, seeded.shopId, { trustProxy: true });
  // As in production: on PostgreSQL the clicks are written from the bundled worker thread.
  const script = url ? await buildClickWriter(join(HERE, "..", "node_modules", ".cache", "icr-bench", "click-writer.js")) : undefined;
  const writer = clickWriterFor(database.db, url, script);
  const recorder = new ClickRecorder(writer);
  const ctx = { resolver: new ShareLinkResolver(database.db), recorder };
  const server = createServer((req, res) => {
    if (!serveShareLink(ctx, req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  server.listen(0, "127.0.0.1", () =>
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, slugs: seeded.slugs, db: database.kind, writer: writer.constructor.name })),
  );
  process.once("SIGTERM", () => {
    server.close();
    void (async () => {
      await recorder.close();
      const [row] = await database.db.select({ n: count(), counted: sql<number>`count(*) filter (where ${clicks.counted})` }).from(clicks);
      const seededClicks = seeded.clickIds.length;
      console.log(JSON.stringify({ clicksStored: Number(row?.n ?? 0) - seededClicks, clicksCounted: Number(row?.counted ?? 0) - seededClicks }));
      await database.close();
      process.exit(0);
    })();
  });
}

void main();
