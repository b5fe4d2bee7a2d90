/**
 * Group commit for order webhooks: deliveries that arrive while a batch is being written wait in a
 * queue and go together into the next transaction, so a burst costs a dozen statements per batch
 * instead of a dozen per order. Same semantics as one delivery at a time: each event id claimed
 * once, each order locked, stale snapshots ignored, attribution and rollup delta in the same
 * transaction. If a batch fails, its deliveries are retried one by one, so one bad delivery cannot
 * fail the others.
 */
import type { Order } from "@icr/metrics";
import type { Db } from "../db.server";
import { upsertOrders, type StoredOrder } from "../models/orders.server";
import { claimEvents, eventKey, type WebhookEventInput } from "../models/webhook-events.server";
import { attributeOrdersFacts, lockOrders } from "./attribution.server";
import { customerFacts, ingestOrder } from "./order-ingest.server";
import { withPixelEvidence } from "./pixel.server";
import { ensureShop } from "../models/shops.server";
import { loadShopContext } from "./shop-context.server";

export interface OrderDelivery {
  /** The shop's domain: its row and settings are read once per batch, inside the transaction. */
  shopDomain: string;
  event: WebhookEventInput;
  order: Order;
  refundIds: string[];
}

export type OrderDeliveryResult = "processed" | "duplicate" | "stale";

interface Waiting {
  delivery: OrderDelivery;
  resolve: (result: OrderDeliveryResult) => void;
  reject: (error: unknown) => void;
}

/** One queue per database: batches are written one at a time, each as soon as the previous commits. */
export class OrderBatcher {
  private queue: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 100,
  ) {}

  /**
   * Queues a delivery for the next batch.
   *
   * @example const result = await batcher.submit({ shopDomain, event, order, refundIds });
   * @returns "processed", "duplicate" (event already claimed) or "stale" (a newer snapshot is stored);
   *   rejects when the delivery also fails on its own (the caller answers 500 and Shopify retries).
   */
  submit(delivery: OrderDelivery): Promise<OrderDeliveryResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        // Let requests whose I/O is ready join this batch: PGlite runs a whole transaction without
        // returning to the event loop, so without this yield every batch would hold one delivery.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, this.maxBatch);
        const byShop = new Map<string, Waiting[]>();
        for (const w of batch) {
          const list = byShop.get(w.delivery.shopDomain);
          if (list) list.push(w);
          else byShop.set(w.delivery.shopDomain, [w]);
        }
        for (const group of byShop.values()) await this.writeGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    try {
      const results = await this.db.transaction((tx) => ingestShopBatch(tx, group.map((w) => w.delivery)));
      group.forEach((w, i) => w.resolve(results[i] ?? "processed"));
    } catch {
      // Isolate the failure: each delivery in its own transaction, exactly like the unbatched path.
      for (const w of group) {
        try {
          const [result] = await this.db.transaction((tx) => ingestShopBatch(tx, [w.delivery]));
          w.resolve(result ?? "processed");
        } catch (error) {
          w.reject(error);
        }
      }
    }
  }
}

/** The deliveries of one shop, in one transaction; results in input order. */
async function ingestShopBatch(tx: Db, deliveries: OrderDelivery[]): Promise<OrderDeliveryResult[]> {
  const domain = deliveries[0]?.shopDomain;
  if (!domain) return [];
  const shop = await loadShopContext(tx, await ensureShop(tx, domain));
  const fresh = await claimEvents(tx, shop.id, deliveries.map((d) => d.event));
  const results: OrderDeliveryResult[] = deliveries.map(() => "duplicate");
  // The first delivery holding a claimed key processes it; later copies in the batch are duplicates.
  const claimedBy = new Map<string, number>();
  deliveries.forEach((d, i) => {
    const key = eventKey(d.event);
    if (fresh.has(key) && !claimedBy.has(key)) claimedBy.set(key, i);
  });
  const claimed = [...claimedBy.values()].sort((a, b) => a - b);

  // One statement cannot upsert an order twice: a second snapshot of an order in the same batch
  // goes through the one-order path after the batch, in arrival order.
  const firstOfOrder = new Map<string, number>();
  const later: number[] = [];
  const stored = new Map<number, StoredOrder>();
  for (const i of claimed) {
    const d = deliveries[i];
    if (!d) continue;
    const order = customerFacts(shop, d.order, d.refundIds);
    if (firstOfOrder.has(order.id)) later.push(i);
    else {
      firstOfOrder.set(order.id, i);
      stored.set(i, order);
    }
  }
  await lockOrders(tx, shop.id, [...firstOfOrder.keys()]);
  const withPixel = await withPixelEvidence(tx, shop.id, [...stored.values()]);
  [...stored.keys()].forEach((i, n) => stored.set(i, withPixel[n]!));
  const outcomes = await upsertOrders(tx, shop.id, [...stored.values()]);
  const toAttribute: StoredOrder[] = [];
  for (const [i, order] of stored) {
    const outcome = outcomes.get(order.id) ?? "stale";
    results[i] = outcome === "stale" ? "stale" : "processed";
    if (outcome !== "stale") toAttribute.push(order);
  }
  await attributeOrdersFacts(tx, shop, toAttribute);
  for (const i of later) {
    const d = deliveries[i];
    if (d) results[i] = (await ingestOrder(tx, shop, d.order, d.refundIds)) === "stale" ? "stale" : "processed";
  }
  return results;
}
