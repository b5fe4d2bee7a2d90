/**
 * Re-attribution after a roster, code, link or settings change: the affected orders are read in
 * id order, a batch at a time, and each batch is re-attributed in one transaction (attribution and
 * rollup delta together), so a failure leaves every order either fully old or fully new.
 */
import type { Db } from "../db.server";
import { getAttribution } from "../models/attributions.server";
import { pageOrders, type OrderFilter } from "../models/orders.server";
import { createJob, finishJob, recordProgress, type Job } from "../models/jobs.server";
import { attributeStoredOrder, lockOrder } from "./attribution.server";
import type { ShopContext } from "./shop-context.server";

export interface ReattributionResult {
  orders: number;
  /** Orders whose status, influencer, campaign, rule or revenue changed. */
  changed: number;
  job: Job;
}

/**
 * Re-attributes the shop's orders matching `filter` (all orders when it is null), as a job.
 *
 * @example await reattributeOrders(db, shop, { codes: ["ALICE10"] }, "code ALICE10 reassigned");
 * @returns counts and the finished job; { orders: 0, changed: 0 } when nothing matches.
 */
export async function reattributeOrders(
  db: Db,
  shop: ShopContext,
  filter: OrderFilter | null,
  reason: string,
  options: { batchSize?: number } = {},
): Promise<ReattributionResult> {
  const batchSize = options.batchSize ?? 200;
  const job = await createJob(db, shop.id, "reattribute", { reason, ordersDone: 0, changed: 0 });
  let after: string | undefined;
  let orders = 0;
  let changed = 0;
  try {
    for (;;) {
      const page = await pageOrders(db, shop.id, { ...(after !== undefined ? { after } : {}), limit: batchSize, ...(filter ? { filter } : {}) });
      if (page.length === 0) break;
      await db.transaction(async (tx) => {
        let batchChanged = 0;
        for (const order of page) {
          await lockOrder(tx, shop.id, order.id);
          const before = await getAttribution(tx, shop.id, order.id);
          const next = await attributeStoredOrder(tx, shop, order.id);
          if (
            next &&
            (!before ||
              before.status !== next.status ||
              before.influencerId !== next.influencerId ||
              before.campaign !== next.campaign ||
              before.rule !== next.rule ||
              before.revenue !== next.revenue)
          ) {
            batchChanged++;
          }
        }
        await recordProgress(tx, shop.id, job.id, { ordersDone: orders + page.length, changed: changed + batchChanged, lastOrderId: page[page.length - 1]?.id });
        changed += batchChanged;
      });
      orders += page.length;
      after = page[page.length - 1]?.id;
    }
    return { orders, changed, job: (await finishJob(db, shop.id, job.id, { error: null })) ?? job };
  } catch (error) {
    await finishJob(db, shop.id, job.id, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
