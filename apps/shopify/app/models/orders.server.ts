/**
 * Order facts (purchases, and sign-ups stored as goal "signup"). A snapshot replaces the stored one
 * only when its `updatedAt` is not older: late or repeated deliveries never overwrite newer facts.
 */
import { and, arrayOverlaps, asc, eq, gt, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Order } from "@icr/metrics";
import type { Db } from "../db.server";
import { orders } from "../db/schema";

type Row = typeof orders.$inferSelect;

/** An order as stored: customer email and id are already the shop's salted hashes. */
export interface StoredOrder extends Order {
  /** Refund ids the snapshot already reflects in its subtotal. */
  snapshotRefundIds: string[];
}

function toStoredOrder(row: Row): StoredOrder {
  return {
    id: row.id,
    goal: row.goal,
    name: row.name,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    currency: row.currency,
    subtotal: row.subtotal,
    test: row.test,
    cancelled: row.cancelled,
    refunded: row.refunded,
    ...(row.customerIdHash ? { customerId: row.customerIdHash } : {}),
    ...(row.customerEmailHash ? { customerEmail: row.customerEmailHash } : {}),
    ...(row.customerType ? { customerType: row.customerType } : {}),
    ...(row.country ? { country: row.country } : {}),
    ...(row.device ? { device: row.device } : {}),
    products: row.products,
    discountCodes: row.discountCodes,
    clickIds: row.clickIds,
    visits: row.visits,
    snapshotRefundIds: row.snapshotRefundIds,
  };
}

/**
 * Stores an order snapshot unless a newer one is already stored.
 *
 * @example const outcome = await upsertOrder(db, shopId, order); // "inserted" | "updated" | "stale"
 * @returns "stale" (nothing written) when the stored snapshot has a later `updatedAt`.
 */
export async function upsertOrder(db: Db, shopId: number, order: StoredOrder): Promise<"inserted" | "updated" | "stale"> {
  return (await upsertOrders(db, shopId, [order])).get(order.id) ?? "stale";
}

/**
 * `upsertOrder` for many orders in one statement (their ids must differ: one statement cannot
 * touch a row twice).
 *
 * @example const outcomes = await upsertOrders(tx, shopId, orders); outcomes.get(order.id)
 * @returns each id's outcome; an empty map for an empty list. Throws on a repeated id or a
 *   subtotal that is not integer minor units (nothing written).
 */
export async function upsertOrders(db: Db, shopId: number, list: StoredOrder[]): Promise<Map<string, "inserted" | "updated" | "stale">> {
  const outcomes = new Map<string, "inserted" | "updated" | "stale">();
  if (list.length === 0) return outcomes;
  const values = list.map((order) => {
    if (!Number.isSafeInteger(order.subtotal)) throw new Error(`order ${order.id}: subtotal must be integer minor units`);
    if (outcomes.has(order.id)) throw new Error(`order ${order.id} appears twice in one upsert`);
    outcomes.set(order.id, "stale");
    return {
      shopId,
      id: order.id,
      goal: order.goal ?? "purchase",
      name: order.name,
      createdAt: new Date(order.createdAt),
      updatedAt: new Date(order.updatedAt),
      currency: order.currency,
      subtotal: order.subtotal,
      test: order.test,
      cancelled: order.cancelled,
      refunded: order.refunded,
      customerIdHash: order.customerId ?? null,
      customerEmailHash: order.customerEmail ?? null,
      customerType: order.customerType ?? null,
      country: order.country ?? null,
      device: order.device ?? null,
      products: order.products,
      discountCodes: order.discountCodes,
      discountCodesLower: order.discountCodes.map((c) => c.trim().toLowerCase()),
      clickIds: order.clickIds,
      visits: order.visits,
      snapshotRefundIds: order.snapshotRefundIds,
    };
  });
  const first = values[0];
  if (!first) return outcomes;
  const { shopId: _s, id: _i, ...updatable } = first;
  const set = Object.fromEntries(
    Object.keys(updatable).map((key) => [key, sql.raw(`excluded.${columnName(key)}`)]),
  ) as Record<keyof typeof updatable, SQL>;
  const rows = await db
    .insert(orders)
    .values(values)
    .onConflictDoUpdate({
      target: [orders.shopId, orders.id],
      set,
      setWhere: sql`${orders.updatedAt} <= excluded.updated_at`,
    })
    .returning({ id: orders.id, inserted: sql<boolean>`(xmax = 0)` });
  for (const row of rows) outcomes.set(row.id, row.inserted ? "inserted" : "updated");
  return outcomes;
}

function columnName(key: string): string {
  const column = (orders as unknown as Record<string, { name: string }>)[key];
  if (!column) throw new Error(`unknown orders column ${key}`);
  return `"${column.name}"`;
}

/**
 * One stored order.
 *
 * @example await getOrder(db, shopId, "450789469");
 * @returns the order, or null when this shop has no such order.
 */
export async function getOrder(db: Db, shopId: number, id: string): Promise<StoredOrder | null> {
  const [row] = await db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, id)));
  return row ? toStoredOrder(row) : null;
}

export interface OrderFilter {
  /** Orders using any of these codes (case-insensitive). */
  codes?: string[];
  /** Orders naming any of these click ids. */
  clickIds?: string[];
  /** Orders created at or after this time (epoch ms). */
  createdSince?: number;
}

/**
 * A page of the shop's orders in id order, for re-attribution in batches; pass the last id to continue.
 * With several filters an order matching any of them is returned.
 *
 * @example
 *   let after: string | undefined;
 *   for (;;) { const page = await pageOrders(db, shopId, { after, limit: 500 }); if (!page.length) break; after = page.at(-1)!.id; }
 * @returns up to `limit` orders; [] when there are no more.
 */
export async function pageOrders(
  db: Db,
  shopId: number,
  options: { after?: string; limit: number; filter?: OrderFilter },
): Promise<StoredOrder[]> {
  const filter = options.filter ?? {};
  const anyOf: SQL[] = [];
  const codes = (filter.codes ?? []).map((c) => c.trim().toLowerCase()).filter(Boolean);
  if (codes.length > 0) anyOf.push(arrayOverlaps(orders.discountCodesLower, codes));
  if (filter.clickIds && filter.clickIds.length > 0) anyOf.push(arrayOverlaps(orders.clickIds, filter.clickIds));
  if (filter.createdSince !== undefined) anyOf.push(gte(orders.createdAt, new Date(filter.createdSince)));
  const hasFilter = filter.codes !== undefined || filter.clickIds !== undefined || filter.createdSince !== undefined;
  if (hasFilter && anyOf.length === 0) return [];
  const conditions: (SQL | undefined)[] = [eq(orders.shopId, shopId)];
  if (options.after !== undefined) conditions.push(gt(orders.id, options.after));
  if (anyOf.length > 0) conditions.push(or(...anyOf));
  const rows = await db
    .select()
    .from(orders)
    .where(and(...conditions))
    .orderBy(asc(orders.id))
    .limit(options.limit);
  return rows.map(toStoredOrder);
}

/**
 * Erases orders by id or by customer hash (customers/redact).
 *
 * @example await deleteOrdersOfCustomer(db, shopId, { orderIds: ["1"], customerIdHash: h });
 * @returns the ids of the erased orders; [] when nothing matched.
 */
export async function deleteOrdersOfCustomer(
  db: Db,
  shopId: number,
  who: { orderIds: string[]; customerIdHash?: string; customerEmailHash?: string },
): Promise<string[]> {
  const anyOf: SQL[] = [];
  if (who.orderIds.length > 0) anyOf.push(inArray(orders.id, who.orderIds));
  if (who.customerIdHash) anyOf.push(eq(orders.customerIdHash, who.customerIdHash));
  if (who.customerEmailHash) anyOf.push(eq(orders.customerEmailHash, who.customerEmailHash));
  if (anyOf.length === 0) return [];
  const rows = await db
    .delete(orders)
    .where(and(eq(orders.shopId, shopId), or(...anyOf)))
    .returning({ id: orders.id });
  return rows.map((r) => r.id);
}

/**
 * How many orders the shop has stored (progress displays, tests).
 *
 * @example await countOrders(db, shopId);
 * @returns the count; 0 for a shop with none.
 */
export async function countOrders(db: Db, shopId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.shopId, shopId));
  return row?.n ?? 0;
}
