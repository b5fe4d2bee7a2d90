/**
 * Webhook ingest, end to end in-process: signed Request → HMAC → parse → one transaction (event id,
 * order facts, attribution, rollup delta) → Response. Open loop at a fixed rate (latency measured
 * from each request's scheduled time, so a backlog shows in the tail), then closed loop for the
 * maximum rate.
 */
import type { Database } from "../app/db.server";
import { handleWebhookRequest } from "../app/services/webhooks.server";
import { signedWebhook, TEST_SECRET } from "../app/test-support/webhook-requests";
import { orderPayloads, seedShop } from "./seed";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchWebhookIngest(database: Database, options: { rate: number; seconds: number; closedLoopRequests: number }) {
  const seeded = await seedShop(database.db, `bench-${database.kind}.myshopify.com`);
  const total = options.rate * options.seconds;
  const payloads = orderPayloads(seeded, total + options.closedLoopRequests);
  const deps = { db: database.db, apiSecret: TEST_SECRET };
  const send = async (payload: Record<string, unknown>) => {
    const response = await handleWebhookRequest(deps, signedWebhook("orders/create", payload, { shop: seeded.shopDomain }), "orders/create");
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    await response.arrayBuffer();
  };

  // Warm-up: JIT, prepared plans, caches.
  for (const p of orderPayloads(seeded, 50, 99).map((p, i) => ({ ...p, id: 7_000_000_000_000 + i, admin_graphql_api_id: `gid://shopify/Order/${7_000_000_000_000 + i}` }))) await send(p);

  const latencies: number[] = [];
  const start = performance.now();
  const interval = 1000 / options.rate;
  await Promise.all(
    payloads.slice(0, total).map(async (payload, i) => {
      const scheduled = start + i * interval;
      const wait = scheduled - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await send(payload);
      latencies.push(performance.now() - scheduled);
    }),
  );
  const openSeconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);

  const concurrency = 8;
  const rest = payloads.slice(total);
  const closedStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rest.length) {
        const payload = rest[next++];
        if (payload) await send(payload);
      }
    }),
  );
  const maxPerSecond = rest.length / ((performance.now() - closedStart) / 1000);
  const p99 = percentile(latencies, 99);
  return {
    bench: "webhook-ingest",
    db: database.kind,
    targetRatePerSecond: options.rate,
    requests: total,
    achievedPerSecond: round(total / openSeconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(p99),
    maxMs: round(latencies[latencies.length - 1] ?? 0),
    maxThroughputPerSecond: round(maxPerSecond),
    closedLoopConcurrency: concurrency,
    targets: { ratePerSecond: options.rate, p99Ms: 100 },
    pass: p99 <= 100 && total / openSeconds >= options.rate * 0.95,
  };
}
