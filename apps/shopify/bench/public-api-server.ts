/**
 * The public API server for the benchmark, in its own process so the load generator does not share
 * its event loop: PGlite in memory, one shop with 200 influencers and 90 days of rollups, the
 * overall rate published, and the production fast path (`servePublicHttp`) on 127.0.0.1.
 * Prints `{ port, key, rateLimitPerMinute }` when listening; exits on SIGTERM.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RollupRow } from "@icr/metrics";
import { openDatabase } from "../app/db.server";
import { addRollups } from "../app/models/rollups.server";
import type { CachedAnswer } from "../app/services/public-api.server";
import { publicRateLimitFromEnv } from "../app/services/public-api-runtime.server";
import { LruCache } from "../app/services/public-cache.server";
import { servePublicHttp } from "../app/services/public-http.server";
import { setPublished } from "../app/services/public-publications.server";
import { TokenBucketLimiter } from "../app/services/public-rate-limit.server";
import { mulberry32 } from "../app/services/demo-plan.server";
import { seedShop } from "./seed";

async function main() {
  const database = await openDatabase();
  const seeded = await seedShop(database.db, "public-bench.myshopify.com");
  const random = mulberry32(11);
  const influencerIds = (await database.db.query.influencers.findMany({ columns: { id: true } })).map((i) => i.id);
  const rows: RollupRow[] = [];
  const today = Date.now();
  for (let d = 0; d < 90; d++) {
    const day = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
    for (const influencerId of influencerIds) {
      const clicks = Math.floor(random() * 40);
      const purchases = Math.floor(clicks * random() * 0.1);
      rows.push({ day, influencerId, campaign: null, dimension: "", value: "", clicks, botClicks: 0, engagements: 0, purchase: { code: 0, link: purchases, utm: 0 }, signup: { code: 0, link: 0, utm: 0 }, revenue: purchases * 3000 });
    }
  }
  await addRollups(database.db, seeded.shopId, rows);
  await setPublished(database.db, seeded.shopId, [{ widget: "rate", scope: "overall", target: "", enabled: true }]);
  const shop = await database.db.query.shops.findFirst({ columns: { publicKey: true } });
  const limit = publicRateLimitFromEnv();
  const ctx = { db: database.db, cache: new LruCache<CachedAnswer>({ maxEntries: 5000, ttlMs: 30_000 }), limiter: new TokenBucketLimiter(limit), now: Date.now };
  const server = createServer((req, res) => {
    if (!servePublicHttp(ctx, req, res, { appProxySecret: "", trustForwardedFor: false })) {
      res.writeHead(404);
      res.end();
    }
  });
  server.listen(0, "127.0.0.1", () =>
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, key: shop?.publicKey, rateLimitPerMinute: limit.capacity })),
  );
  process.once("SIGTERM", () => {
    server.close();
    void database.close().then(() => process.exit(0));
  });
}

void main();
