/**
 * Attribution of stored orders: gather the small slice of the shop's roster an order's evidence
 * names, let `@icr/metrics` decide, then store the answer and add the rollup delta. Run inside a
 * transaction; the per-order advisory lock serializes concurrent work on the same order.
 */
import { sql } from "drizzle-orm";
import {
  attributeOrder,
  attributionDelta,
  buildAttributionIndex,
  type Attribution,
  type Order,
} from "@icr/metrics";
import type { Db } from "../db.server";
import { pgArrayLiteral } from "../db/pg-array";
import { getAttribution, getAttributions, saveAttribution, saveAttributions } from "../models/attributions.server";
import { findCampaigns } from "../models/campaigns.server";
import { findClicks } from "../models/clicks.server";
import { findCodes } from "../models/discount-codes.server";
import { findInfluencers } from "../models/influencers.server";
import { getOrder, type StoredOrder } from "../models/orders.server";
import { addRollups } from "../models/rollups.server";
import { refundsOfOrder, refundsOfOrders, type StoredRefund } from "../models/refunds.server";
import type { ShopContext } from "./shop-context.server";

/**
 * The order as attribution sees it: refunds the snapshot does not reflect yet are subtracted, so a
 * refund counts once whichever of the two arrived first.
 *
 * @example applyRefunds(order, [{ id: "9", orderId: order.id, subtotal: 500, createdAt }])
 * @returns the order unchanged when every refund is already in its snapshot (or there are none).
 */
export function applyRefunds(order: StoredOrder, refunds: StoredRefund[]): Order {
  const known = new Set(order.snapshotRefundIds);
  const pending = refunds.filter((r) => !known.has(r.id)).reduce((sum, r) => sum + r.subtotal, 0);
  const { snapshotRefundIds: _ids, ...facts } = order;
  if (pending === 0) return facts;
  const subtotal = Math.max(0, order.subtotal - pending);
  return { ...facts, subtotal, refunded: order.refunded || subtotal === 0 };
}

/**
 * Takes the transaction-scoped lock of one order, so two deliveries about it never interleave.
 *
 * @example await lockOrder(tx, shop.id, "450789469");
 * @returns once the lock is held (released at commit or rollback).
 */
export async function lockOrder(tx: Db, shopId: number, orderId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${shopId}, hashtext(${orderId}))`);
}

/**
 * Takes the locks of several orders in one statement, in a fixed order (sorted ids) so two
 * batches can never wait on each other in a cycle.
 *
 * @example await lockOrders(tx, shop.id, ["1", "2"]);
 * @returns once every lock is held; at once for an empty list.
 */
export async function lockOrders(tx: Db, shopId: number, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  const sorted = [...new Set(orderIds)].sort();
  await tx.execute(
    sql`select pg_advisory_xact_lock(${shopId}, hashtext(id)) from unnest(${pgArrayLiteral(sorted)}::text[]) with ordinality as t(id, n) order by n`,
  );
}

/**
 * Re-attributes one stored order from its current facts and the shop's current roster and settings,
 * and adds the difference to the rollups. Safe to run any number of times. The caller holds the
 * order's lock (`lockOrder`) in the same transaction.
 *
 * @example await lockOrder(tx, shop.id, "450789469"); const a = await attributeStoredOrder(tx, shop, "450789469");
 * @returns the new attribution, or null when the order is not stored (nothing changes).
 */
export async function attributeStoredOrder(tx: Db, shop: ShopContext, orderId: string): Promise<Attribution | null> {
  const stored = await getOrder(tx, shop.id, orderId);
  return stored ? attributeOrderFacts(tx, shop, stored) : null;
}

/**
 * Like `attributeStoredOrder`, for an order whose stored facts the caller has just written (saves the read).
 *
 * @example await attributeOrderFacts(tx, shop, storedOrder);
 * @returns the new attribution.
 */
export async function attributeOrderFacts(tx: Db, shop: ShopContext, stored: StoredOrder): Promise<Attribution> {
  const order = applyRefunds(stored, await refundsOfOrder(tx, shop.id, stored.id));
  const next = attributeOrder(order, await indexFor(tx, shop.id, [order]), shop.settings);
  const previous = await getAttribution(tx, shop.id, stored.id);
  await addRollups(tx, shop.id, attributionDelta(previous, next, shop.timezone));
  await saveAttribution(tx, shop.id, next);
  return next;
}

/**
 * `attributeOrderFacts` for many orders (distinct ids) with a few queries in all: one read each
 * of refunds, codes, clicks, influencers, campaigns and previous attributions, one rollup upsert,
 * one attribution upsert. The caller holds the orders' locks.
 *
 * @example await attributeOrdersFacts(tx, shop, storedOrders);
 * @returns the new attributions, in input order; [] for an empty list.
 */
export async function attributeOrdersFacts(tx: Db, shop: ShopContext, stored: StoredOrder[]): Promise<Attribution[]> {
  if (stored.length === 0) return [];
  const ids = stored.map((o) => o.id);
  const refunds = await refundsOfOrders(tx, shop.id, ids);
  const orders = stored.map((o) => applyRefunds(o, refunds.get(o.id) ?? []));
  const index = await indexFor(tx, shop.id, orders);
  const previous = await getAttributions(tx, shop.id, ids);
  const next = orders.map((order) => attributeOrder(order, index, shop.settings));
  await addRollups(
    tx,
    shop.id,
    next.flatMap((a) => attributionDelta(previous.get(a.orderId) ?? null, a, shop.timezone)),
  );
  await saveAttributions(tx, shop.id, next);
  return next;
}

/**
 * Only the codes, clicks, influencers and campaigns these orders' evidence can name: a few indexed
 * queries. A larger index (a batch's) answers each order exactly as its own would: lookups are by
 * the order's own codes, click ids and utm values.
 */
async function indexFor(tx: Db, shopId: number, orders: Order[]) {
  const codesWanted = orders.flatMap((o) => o.discountCodes);
  const clickIds = orders.flatMap((o) => [...o.clickIds, ...o.visits.flatMap((v) => (v.clickId ? [v.clickId] : []))]);
  const handles = orders.flatMap((o) => o.visits.flatMap((v) => (v.utm.content ? [v.utm.content] : [])));
  const codes = await findCodes(tx, shopId, codesWanted);
  const clicks = await findClicks(tx, shopId, clickIds);
  const influencers = await findInfluencers(tx, shopId, {
    ids: [...codes.map((c) => c.influencerId), ...clicks.map((c) => c.influencerId)],
    handles,
  });
  const campaignKeys = [
    ...codes.flatMap((c) => (c.campaign ? [c.campaign] : [])),
    ...clicks.flatMap((c) => (c.campaign ? [c.campaign] : [])),
    ...orders.flatMap((o) => o.visits.flatMap((v) => (v.utm.campaign ? [v.utm.campaign] : []))),
    ...influencers.flatMap((i) => (i.campaign ? [i.campaign] : [])),
  ];
  const campaigns = await findCampaigns(tx, shopId, campaignKeys);
  return buildAttributionIndex({
    influencers,
    codes: codes.map(({ code, influencerId, campaign }) => ({ code, influencerId, ...(campaign ? { campaign } : {}) })),
    clicks,
    campaigns: campaigns.map((c) => c.id),
  });
}
