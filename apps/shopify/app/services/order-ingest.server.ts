/**
 * Ingest of order facts from any source (webhooks, backfill, reconciliation): hash the customer,
 * store the snapshot unless a newer one is stored, then re-attribute. Callers pass a transaction.
 */
import { parseMoney, type Order } from "@icr/metrics";
import type { Db } from "../db.server";
import { upsertOrder, type StoredOrder } from "../models/orders.server";
import { insertRefund, type StoredRefund } from "../models/refunds.server";
import { attributeOrderFacts, attributeStoredOrder, lockOrder } from "./attribution.server";
import { hashCustomerId, hashEmail, legacyId } from "./identity-hash.server";
import { withPixelEvidence } from "./pixel.server";
import type { ShopContext } from "./shop-context.server";
import type { RefundPayload } from "./webhook-payloads.server";

export type IngestOutcome = "inserted" | "updated" | "stale";

/**
 * Stores an order snapshot (customer email and id replaced by the shop's salted hashes) and
 * re-attributes it. A snapshot older than the stored one changes nothing.
 *
 * @example await db.transaction((tx) => ingestOrder(tx, shop, normalizeWebhookOrder(payload), ["509562969"]));
 * @returns "stale" when nothing changed, otherwise "inserted" or "updated".
 */
export async function ingestOrder(tx: Db, shop: ShopContext, order: Order, snapshotRefundIds: string[]): Promise<IngestOutcome> {
  const facts = customerFacts(shop, order, snapshotRefundIds);
  await lockOrder(tx, shop.id, facts.id);
  const [stored = facts] = await withPixelEvidence(tx, shop.id, [facts]);
  const outcome = await upsertOrder(tx, shop.id, stored);
  if (outcome !== "stale") await attributeOrderFacts(tx, shop, stored);
  return outcome;
}

/**
 * The order as stored: numeric id, customer email and id replaced by the shop's salted hashes,
 * refund ids in numeric form.
 *
 * @example customerFacts(shop, normalizeWebhookOrder(payload), ["509562969"])
 * @returns a StoredOrder holding no raw customer data.
 */
export function customerFacts(shop: ShopContext, order: Order, snapshotRefundIds: string[]): StoredOrder {
  const { customerId, customerEmail, ...facts } = order;
  const customerIdHash = hashCustomerId(shop.salt, customerId);
  const customerEmailHash = hashEmail(shop.salt, customerEmail);
  return {
    ...facts,
    id: legacyId(order.id),
    ...(customerIdHash ? { customerId: customerIdHash } : {}),
    ...(customerEmailHash ? { customerEmail: customerEmailHash } : {}),
    snapshotRefundIds: snapshotRefundIds.map(legacyId),
  };
}

/**
 * The refund as stored: the sum of its refunded line items' subtotals in shop money, minor units.
 *
 * @example toStoredRefund(refundSchema.parse(payload)) // { id, orderId, subtotal: 19900, createdAt }
 * @returns subtotal 0 for a refund with no line items (shipping-only); throws RangeError on a bad amount.
 */
export function toStoredRefund(refund: RefundPayload): StoredRefund {
  const subtotal = refund.refund_line_items.reduce(
    (sum, item) => sum + parseMoney(item.subtotal_set.shop_money.amount, item.subtotal_set.shop_money.currency_code),
    0,
  );
  return { id: refund.id, orderId: refund.order_id, subtotal, createdAt: refund.created_at };
}

/**
 * Records a refund and re-attributes its order (when the order is already stored; otherwise the
 * refund waits and is applied when the order arrives).
 *
 * @example await db.transaction((tx) => ingestRefund(tx, shop, toStoredRefund(payload, shop.currency)));
 * @returns false when this refund id was already recorded (nothing changed).
 */
export async function ingestRefund(tx: Db, shop: ShopContext, refund: StoredRefund): Promise<boolean> {
  await lockOrder(tx, shop.id, refund.orderId);
  const isNew = await insertRefund(tx, shop.id, refund);
  if (isNew) await attributeStoredOrder(tx, shop, refund.orderId);
  return isNew;
}
