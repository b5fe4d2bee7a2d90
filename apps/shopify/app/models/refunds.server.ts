/** Refunds by id: counted once, whether they arrive before, after or inside an order snapshot. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db.server";
import { refunds } from "../db/schema";

export interface StoredRefund {
  id: string;
  orderId: string;
  /** Refunded line items' subtotal in minor units. */
  subtotal: number;
  createdAt: number;
}

/**
 * Stores a refund; a repeated delivery of the same refund id changes nothing.
 *
 * @example await insertRefund(db, shopId, { id: "509562969", orderId: "450789469", subtotal: 19900, createdAt });
 * @returns true when the refund is new.
 */
export async function insertRefund(db: Db, shopId: number, refund: StoredRefund): Promise<boolean> {
  if (!Number.isSafeInteger(refund.subtotal) || refund.subtotal < 0) {
    throw new Error(`refund ${refund.id}: subtotal must be non-negative integer minor units`);
  }
  const rows = await db
    .insert(refunds)
    .values({ shopId, id: refund.id, orderId: refund.orderId, subtotal: refund.subtotal, createdAt: new Date(refund.createdAt) })
    .onConflictDoNothing()
    .returning({ id: refunds.id });
  return rows.length > 0;
}

/**
 * The refunds of one order.
 *
 * @example await refundsOfOrder(db, shopId, "450789469");
 * @returns the refunds; [] when none are known.
 */
export async function refundsOfOrder(db: Db, shopId: number, orderId: string): Promise<StoredRefund[]> {
  const rows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, orderId)));
  return rows.map((r) => ({ id: r.id, orderId: r.orderId, subtotal: r.subtotal, createdAt: r.createdAt.getTime() }));
}

/**
 * The refunds of several orders in one query.
 *
 * @example const byOrder = await refundsOfOrders(tx, shopId, ["1", "2"]);
 * @returns a map from order id to its refunds (orders without refunds are absent); empty for an empty list.
 */
export async function refundsOfOrders(db: Db, shopId: number, orderIds: string[]): Promise<Map<string, StoredRefund[]>> {
  const result = new Map<string, StoredRefund[]>();
  if (orderIds.length === 0) return result;
  const rows = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.shopId, shopId), inArray(refunds.orderId, orderIds)));
  for (const r of rows) {
    const refund = { id: r.id, orderId: r.orderId, subtotal: r.subtotal, createdAt: r.createdAt.getTime() };
    const list = result.get(r.orderId);
    if (list) list.push(refund);
    else result.set(r.orderId, [refund]);
  }
  return result;
}

/**
 * Erases the refunds of these orders (customers/redact).
 *
 * @example await deleteRefundsOfOrders(db, shopId, ["450789469"]);
 * @returns how many refunds were erased; 0 for an empty list.
 */
export async function deleteRefundsOfOrders(db: Db, shopId: number, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const rows = await db
    .delete(refunds)
    .where(and(eq(refunds.shopId, shopId), inArray(refunds.orderId, orderIds)))
    .returning({ id: refunds.id });
  return rows.length;
}
