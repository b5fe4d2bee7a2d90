import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { insertClicks } from "../models/clicks.server";
import { assignCode } from "../models/discount-codes.server";
import { createInfluencer } from "../models/influencers.server";
import { findUnfinishedJob, getJob } from "../models/jobs.server";
import { listRollups } from "../models/rollups.server";
import { createLink } from "../models/share-links.server";
import { ensureShop } from "../models/shops.server";
import { fixture, replay, type Step } from "../test-support/replay-transport";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
import { AdminGateway } from "./admin-gateway.server";
import { runBackfill } from "./backfill.server";
import { reconcileRecentOrders } from "./reconcile.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";

const LINES = fixture("bulk-orders.jsonl").trimEnd().split("\n");

/** A download that delivers the first `lines` lines and then drops the connection, like a crash mid-import. */
function cutAfter(lines: number): Step {
  return () => {
    const encoder = new TextEncoder();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent < lines) controller.enqueue(encoder.encode((LINES[sent++] ?? "") + "\n"));
        else controller.error(new Error("connection reset by peer"));
      },
    });
    return new Response(body);
  };
}

const fullDownload: Step = () => new Response(fixture("bulk-orders.jsonl"));

describe.each(await testBackends())("backfill on $name", (backend) => {
  let database: Database;
  let counter = 0;

  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  /** A shop whose roster matches the recorded export: alice (ALICE10, a link whose click an order carries) and bob. */
  async function newShop(): Promise<ShopContext> {
    const row = await ensureShop(database.db, `backfill-${backend.name}-${++counter}.myshopify.com`);
    const alice = await createInfluencer(database.db, row.id, { handle: "alice" });
    await createInfluencer(database.db, row.id, { handle: "bob" });
    await assignCode(database.db, row.id, { code: "ALICE10", influencerId: alice.id, origin: "adopted" });
    const link = await createLink(database.db, row.id, { slug: `alice-${backend.name}-${counter}`, influencerId: alice.id, destination: "https://shop.example/" });
    await insertClicks(database.db, row.id, [
      { id: "cBACKFILL0001", at: Date.parse("2026-03-04T15:00:00Z"), link: link.slug, linkId: link.id, influencerId: alice.id, visitor: "v", method: "GET", bot: false, counted: true },
    ]);
    return loadShopContext(database.db, row);
  }

  function gateway(steps: Step[]) {
    const r = replay(steps);
    return { gateway: new AdminGateway({ shop: "demo.myshopify.com", accessToken: "x", transport: r.transport, sleep: async () => {}, now: () => 0 }), requests: r.requests };
  }

  /** What must not depend on how the import ran: each order's outcome, and the rollups. */
  async function outcome(shop: ShopContext) {
    const state = await shopSnapshot(database.db, shop.id);
    return {
      orders: state.orders.map((o) => [o.id, o.subtotal, o.products.join(",")]),
      attributions: state.attributions.map((a) => [a.orderName, a.status, a.excludedReason, a.rule, a.revenue, a.influencerId ? "someone" : null]),
      rollups: (await listRollups(database.db, shop.id)).map(({ influencerId: _i, ...r }) => r),
    };
  }

  it("imports the recorded export: every order attributed by the rules, progress stored", async () => {
    const shop = await newShop();
    const { gateway: g, requests } = gateway(["bulk-operation-run.json", "bulk-operation-running.json", "bulk-operation-completed.json", fullDownload]);
    const job = await runBackfill({ db: database.db, gateway: g, batchSize: 2, pollIntervalMs: 1 }, shop);
    expect(job.status).toBe("succeeded");
    expect(job.progress).toMatchObject({ phase: "done", linesDone: 13, ordersDone: 6, objectCount: 13, bulkOperationId: "gid://shopify/BulkOperation/720918" });
    expect(requests.filter((r) => r.body?.query?.includes("bulkOperationRunQuery"))).toHaveLength(1);
    const { attributions } = await outcome(shop);
    expect(attributions).toEqual([
      ["#1001", "attributed", null, "code", 9000, "someone"],
      ["#1002", "attributed", null, "utm", 4550, "someone"],
      ["#1003", "excluded", "test", null, 0, null],
      ["#1004", "attributed", null, "link", 12000, "someone"],
      ["#1005", "excluded", "refunded", null, 0, null],
      ["#1006", "excluded", "cancelled", null, 0, null],
    ]);
  });

  it("resumes after being killed midway: same final state, no second export, no line imported twice", async () => {
    const clean = await newShop();
    await runBackfill({ db: database.db, gateway: gateway(["bulk-operation-run.json", "bulk-operation-completed.json", fullDownload]).gateway, batchSize: 2 }, clean);

    const shop = await newShop();
    const first = gateway(["bulk-operation-run.json", "bulk-operation-running.json", "bulk-operation-completed.json", cutAfter(8)]);
    await expect(runBackfill({ db: database.db, gateway: first.gateway, batchSize: 2, pollIntervalMs: 1 }, shop)).rejects.toThrow(/connection reset/);
    const interrupted = await pendingJob(shop);
    expect(interrupted?.status).toBe("running");
    const done = Number(interrupted?.progress["linesDone"]);
    // Two orders per batch: lines 1-5 (orders #1001, #1002 with their items) were committed; the third batch was cut.
    expect(done).toBe(5);
    expect((await shopSnapshot(database.db, shop.id)).orders).toHaveLength(2);

    const second = gateway(["bulk-operation-completed.json", fullDownload]);
    const job = await runBackfill({ db: database.db, gateway: second.gateway, batchSize: 2 }, shop);
    expect(job.id).toBe(interrupted?.id);
    expect(job.status).toBe("succeeded");
    expect(job.progress).toMatchObject({ linesDone: 13, ordersDone: 6 });
    expect(second.requests.some((r) => r.body?.query?.includes("bulkOperationRunQuery"))).toBe(false);
    expect(await outcome(shop)).toEqual(await outcome(clean));
  });

  it("a failed export ends the job as failed with Shopify's error code", async () => {
    const shop = await newShop();
    const job = await runBackfill({ db: database.db, gateway: gateway(["bulk-operation-run.json", "bulk-operation-failed.json"]).gateway }, shop);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/INTERNAL_SERVER_ERROR/);
  });

  it("an order line that does not parse becomes a dead letter and the import goes on", async () => {
    const shop = await newShop();
    const broken = [...LINES.slice(0, 2), '{"id":"gid://shopify/Order/5600000999","name":"#1999"}', ...LINES.slice(2)].join("\n");
    const job = await runBackfill({ db: database.db, gateway: gateway(["bulk-operation-run.json", "bulk-operation-completed.json", () => new Response(broken)]).gateway }, shop);
    expect(job.progress).toMatchObject({ ordersDone: 6, deadLetters: 1, linesDone: 14 });
    const { deadLetters } = await shopSnapshot(database.db, shop.id);
    expect(deadLetters[0]).toMatchObject({ topic: "bulk/orders" });
    expect(deadLetters[0]?.error).toMatch(/createdAt/);
  });

  it("reconciliation repairs what webhooks missed: a new order and a refunded one", async () => {
    const shop = await newShop();
    await runBackfill({ db: database.db, gateway: gateway(["bulk-operation-run.json", "bulk-operation-completed.json", fullDownload]).gateway }, shop);
    const result = await reconcileRecentOrders({ db: database.db, gateway: gateway(["orders-updated-since.json"]).gateway }, shop, new Date("2026-03-07T00:00:00Z"));
    expect(result).toMatchObject({ orders: 2, inserted: 1, updated: 1, stale: 0 });
    const { attributions } = await outcome(shop);
    expect(attributions).toContainEqual(["#1002", "attributed", null, "utm", 3000, "someone"]);
    expect(attributions).toContainEqual(["#1007", "attributed", null, "code", 7500, "someone"]);
    // Running it again changes nothing.
    const before = await outcome(shop);
    await reconcileRecentOrders({ db: database.db, gateway: gateway(["orders-updated-since.json"]).gateway }, shop, new Date("2026-03-07T00:00:00Z"));
    expect(await outcome(shop)).toEqual(before);
  });

  async function pendingJob(shop: ShopContext) {
    const job = await findUnfinishedJob(database.db, shop.id, "backfill");
    return job ? getJob(database.db, shop.id, job.id) : null;
  }
});
