/**
 * Checkout-funnel events from the web pixel: an event name, a click id, a checkout token, an order
 * id and a time. No customer data: the pixel sends nothing else and nothing else is stored.
 */
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../db.server";
import { pixelEvents } from "../db/schema";

export type PixelEventName = (typeof pixelEvents.$inferSelect)["name"];
export const PIXEL_EVENT_NAMES: readonly PixelEventName[] = ["page_viewed", "product_added_to_cart", "checkout_started", "checkout_completed"];

export interface PixelEventInput {
  /** Shopify's event id: a retried beacon carries the same one. */
  eventId: string;
  name: PixelEventName;
  clickId: string | null;
  /** The influencer of the click, when the click id is known. */
  influencerId: string | null;
  checkoutToken: string | null;
  orderId: string | null;
  occurredAt: Date;
}

/**
 * Stores one event once (by event id), and names the influencer on the same click's earlier events
 * that were stored before the click itself was (clicks are written in batches).
 *
 * @example await insertPixelEvent(db, shopId, { eventId: "e1", name: "page_viewed", clickId: "c1", … });
 * @returns true when stored, false for a repeat of an event id already stored.
 */
export async function insertPixelEvent(db: Db, shopId: number, event: PixelEventInput): Promise<boolean> {
  const inserted = await db
    .insert(pixelEvents)
    .values({ shopId, ...event })
    .onConflictDoNothing({ target: [pixelEvents.shopId, pixelEvents.eventId] })
    .returning({ id: pixelEvents.id });
  if (inserted.length > 0 && event.clickId && event.influencerId) {
    await db
      .update(pixelEvents)
      .set({ influencerId: event.influencerId })
      .where(and(eq(pixelEvents.shopId, shopId), eq(pixelEvents.clickId, event.clickId), isNull(pixelEvents.influencerId)));
  }
  return inserted.length > 0;
}

/**
 * The click ids the pixel saw on completed checkouts of these orders (evidence for attribution).
 *
 * @example (await pixelClickIdsOfOrders(db, shopId, ["450789469"])).get("450789469"); // ["c1"]
 * @returns order id → distinct click ids; an empty map for no orders or no such events.
 */
export async function pixelClickIdsOfOrders(db: Db, shopId: number, orderIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (orderIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ orderId: pixelEvents.orderId, clickId: pixelEvents.clickId })
    .from(pixelEvents)
    .where(
      and(
        eq(pixelEvents.shopId, shopId),
        eq(pixelEvents.name, "checkout_completed"),
        inArray(pixelEvents.orderId, [...new Set(orderIds)]),
        isNotNull(pixelEvents.clickId),
      ),
    );
  for (const row of rows) {
    if (row.orderId === null || row.clickId === null) continue;
    out.set(row.orderId, [...(out.get(row.orderId) ?? []), row.clickId].sort());
  }
  return out;
}

/**
 * The click id an earlier event of the same checkout carried (a completed checkout's event may
 * come without one when the click id lived only in the cart).
 *
 * @example await clickIdOfCheckout(db, shopId, "b1946ac9…"); // "c1"
 * @returns the most recent click id seen with that checkout token, or null.
 */
export async function clickIdOfCheckout(db: Db, shopId: number, checkoutToken: string): Promise<string | null> {
  const [row] = await db
    .select({ clickId: pixelEvents.clickId })
    .from(pixelEvents)
    .where(and(eq(pixelEvents.shopId, shopId), eq(pixelEvents.checkoutToken, checkoutToken), isNotNull(pixelEvents.clickId)))
    .orderBy(desc(pixelEvents.occurredAt))
    .limit(1);
  return row?.clickId ?? null;
}

/** Distinct clicks that reached each funnel step. */
export type FunnelStepCounts = Record<PixelEventName, number>;

/**
 * For one influencer, how many distinct clicks reached each event on the days `from`–`to`
 * (inclusive, calendar days in `timeZone`).
 *
 * @example await funnelStepCounts(db, shopId, influencerId, { from: "2026-11-01", to: "2026-11-30", timeZone: "UTC" });
 * @returns a count per event name; zeros when there are no events.
 */
export async function funnelStepCounts(
  db: Db,
  shopId: number,
  influencerId: string,
  range: { from: string; to: string; timeZone: string },
): Promise<FunnelStepCounts> {
  const localDay = sql`(${pixelEvents.occurredAt} at time zone ${range.timeZone})::date`;
  const rows = await db
    .select({ name: pixelEvents.name, n: count(sql`distinct ${pixelEvents.clickId}`) })
    .from(pixelEvents)
    .where(
      and(
        eq(pixelEvents.shopId, shopId),
        eq(pixelEvents.influencerId, influencerId),
        // A day either side in UTC keeps the index range tight; the local-day test decides.
        gte(pixelEvents.occurredAt, new Date(Date.parse(`${range.from}T00:00:00Z`) - 86_400_000)),
        lt(pixelEvents.occurredAt, new Date(Date.parse(`${range.to}T00:00:00Z`) + 2 * 86_400_000)),
        sql`${localDay} between ${range.from}::date and ${range.to}::date`,
      ),
    )
    .groupBy(pixelEvents.name);
  const counts: FunnelStepCounts = { page_viewed: 0, product_added_to_cart: 0, checkout_started: 0, checkout_completed: 0 };
  for (const row of rows) counts[row.name] = Number(row.n);
  return counts;
}

/**
 * The shop's most recent pixel events (for support and tests).
 *
 * @example await listPixelEvents(db, shopId, 50);
 * @returns up to `limit` events, oldest first among them; [] when there are none.
 */
export async function listPixelEvents(db: Db, shopId: number, limit = 100): Promise<(PixelEventInput & { receivedAt: Date })[]> {
  const rows = await db
    .select({
      eventId: pixelEvents.eventId,
      name: pixelEvents.name,
      clickId: pixelEvents.clickId,
      influencerId: pixelEvents.influencerId,
      checkoutToken: pixelEvents.checkoutToken,
      orderId: pixelEvents.orderId,
      occurredAt: pixelEvents.occurredAt,
      receivedAt: pixelEvents.receivedAt,
    })
    .from(pixelEvents)
    .where(eq(pixelEvents.shopId, shopId))
    .orderBy(desc(pixelEvents.id))
    .limit(limit);
  return rows.reverse();
}
