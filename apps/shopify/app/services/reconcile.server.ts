/**
 * Reconciliation: webhooks can be missed (downtime, a subscription that failed for 48 hours), so
 * orders updated recently are read back through the Admin API and ingested like webhooks.
 * Idempotent: an order already stored with the same or newer `updated_at` changes nothing.
 */
import { InvalidInputError, normalizeGraphqlOrder } from "@icr/metrics";
import type { Db } from "../db.server";
import { addDeadLetter } from "../models/dead-letters.server";
import { createJob, finishJob, recordProgress, type Job } from "../models/jobs.server";
import type { AdminGateway } from "./admin-gateway.server";
import { ingestOrder } from "./order-ingest.server";
import type { ShopContext } from "./shop-context.server";

export interface ReconcileResult {
  orders: number;
  /** Orders the database did not have (missed orders/create). */
  inserted: number;
  /** Orders stored again from a same-or-newer snapshot. */
  updated: number;
  /** Orders whose stored snapshot was already newer. */
  stale: number;
  job: Job;
}

/**
 * Re-reads the orders updated since `since` and ingests each page in one transaction.
 *
 * @example await reconcileRecentOrders({ db, gateway }, shop, new Date(Date.now() - 2 * 86_400_000));
 * @returns counts and the finished job; all counts 0 when nothing was updated.
 */
export async function reconcileRecentOrders(
  deps: { db: Db; gateway: Pick<AdminGateway, "ordersUpdatedSince"> },
  shop: ShopContext,
  since: Date,
): Promise<ReconcileResult> {
  const { db, gateway } = deps;
  const job = await createJob(db, shop.id, "reconcile", { since: since.toISOString(), orders: 0 });
  let cursor: string | null = null;
  const counts = { orders: 0, inserted: 0, updated: 0, stale: 0 };
  try {
    do {
      const page = await gateway.ordersUpdatedSince(since, cursor);
      await db.transaction(async (tx) => {
        for (const node of page.nodes) {
          try {
            counts[await ingestOrder(tx, shop, normalizeGraphqlOrder(node), refundIds(node))]++;
          } catch (error) {
            if (!(error instanceof InvalidInputError)) throw error;
            await addDeadLetter(tx, shop.id, { topic: "reconcile/orders", eventId: null, webhookId: null, rawBody: JSON.stringify(node), error: error.message });
          }
          counts.orders++;
        }
        await recordProgress(tx, shop.id, job.id, { ...counts, cursor: page.next });
      });
      cursor = page.next;
    } while (cursor);
    return { ...counts, job: (await finishJob(db, shop.id, job.id, { error: null })) ?? job };
  } catch (error) {
    await finishJob(db, shop.id, job.id, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

function refundIds(node: unknown): string[] {
  if (node === null || typeof node !== "object") return [];
  const refunds = (node as { refunds?: unknown }).refunds;
  if (!Array.isArray(refunds)) return [];
  return refunds.flatMap((r: unknown) => {
    const id = r !== null && typeof r === "object" ? (r as { id?: unknown }).id : undefined;
    return typeof id === "string" ? [id] : [];
  });
}
