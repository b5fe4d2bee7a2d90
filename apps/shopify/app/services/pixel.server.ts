/**
 * The web pixel's events (extensions/web-pixel): checked, stored once, and used twice: the
 * per-influencer checkout funnel, and evidence for attribution (METRICS.md §4: the click id of a
 * completed checkout credits its order even when the cart attribute was lost).
 */
import { summarize } from "@icr/metrics";
import { z } from "zod";
import type { Db } from "../db.server";
import { findClicks } from "../models/clicks.server";
import { getOrder, upsertOrder, type StoredOrder } from "../models/orders.server";
import { clickIdOfCheckout, funnelStepCounts, insertPixelEvent, PIXEL_EVENT_NAMES, pixelClickIdsOfOrders } from "../models/pixel-events.server";
import { listRollups } from "../models/rollups.server";
import { getShop } from "../models/shops.server";
import { attributeOrderFacts, lockOrder } from "./attribution.server";
import { legacyId } from "./identity-hash.server";
import type { ShopContext } from "./shop-context.server";

const DAY_MS = 86_400_000;
const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * What the pixel sends, and nothing more: unknown fields are refused, so no customer data can slip in.
 */
export const pixelEventSchema = z
  .object({
    eventId: z.string().min(1, "eventId must not be empty").max(128, "eventId must be at most 128 characters"),
    event: z.enum(PIXEL_EVENT_NAMES as [string, ...string[]], {
      errorMap: () => ({ message: `event must be one of ${PIXEL_EVENT_NAMES.join(", ")}` }),
    }),
    clickId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "clickId must be 1–64 letters, digits, _ or -").nullish(),
    checkoutToken: z.string().max(128, "checkoutToken must be at most 128 characters").regex(TOKEN, "checkoutToken must be letters, digits, _ or -").nullish(),
    orderId: z.string().regex(/^(gid:\/\/shopify\/Order\/)?\d{1,20}$/, "orderId must be a Shopify order id").nullish(),
    occurredAt: z.string().datetime({ offset: true, message: "occurredAt must be an ISO 8601 time" }),
  })
  .strict();

export type PixelEvent = z.infer<typeof pixelEventSchema>;

export interface PixelOutcome {
  /** false for a repeated event id. */
  stored: boolean;
  /** The influencer of the event's click, when known. */
  influencerId: string | null;
  /** The order was re-attributed with the pixel's click id as new evidence. */
  reattributed: boolean;
}

/**
 * Stores one pixel event. A completed checkout with a click id and an order id adds the click id to
 * that order's evidence (when the order is stored and lacks it) and re-attributes the order, in the
 * same transaction. An event more than a day in the future or 30 days old is refused.
 *
 * @example await recordPixelEvent(db, shop, pixelEventSchema.parse(body), Date.now());
 * @returns what happened; throws RangeError for an implausible time (nothing stored).
 */
export async function recordPixelEvent(db: Db, shop: ShopContext, event: PixelEvent, now: number): Promise<PixelOutcome> {
  const occurredAt = Date.parse(event.occurredAt);
  if (occurredAt > now + DAY_MS || occurredAt < now - 30 * DAY_MS) {
    throw new RangeError(`occurredAt ${event.occurredAt} is not within the last 30 days`);
  }
  const checkoutToken = event.checkoutToken ?? null;
  const orderId = event.orderId ? legacyId(event.orderId) : null;
  return db.transaction(async (tx) => {
    const clickId = event.clickId ?? (checkoutToken ? await clickIdOfCheckout(tx, shop.id, checkoutToken) : null);
    const [click] = clickId ? await findClicks(tx, shop.id, [clickId]) : [];
    const influencerId = click?.influencerId ?? null;
    const stored = await insertPixelEvent(tx, shop.id, {
      eventId: event.eventId,
      name: event.event as (typeof PIXEL_EVENT_NAMES)[number],
      clickId,
      influencerId,
      checkoutToken,
      orderId,
      occurredAt: new Date(occurredAt),
    });
    let reattributed = false;
    if (stored && event.event === "checkout_completed" && orderId && clickId) {
      await lockOrder(tx, shop.id, orderId);
      const order = await getOrder(tx, shop.id, orderId);
      if (order && !order.clickIds.includes(clickId)) {
        const withClick: StoredOrder = { ...order, clickIds: [...order.clickIds, clickId] };
        await upsertOrder(tx, shop.id, withClick);
        await attributeOrderFacts(tx, shop, withClick);
        reattributed = true;
      }
    }
    return { stored, influencerId, reattributed };
  });
}

/**
 * Order snapshots with the click ids the pixel saw on their completed checkouts added, so a later
 * snapshot (orders/updated) keeps the pixel's evidence. Order ingest calls it, holding the orders'
 * locks, before storing them: one query for the whole list.
 *
 * @example const [stored] = await withPixelEvidence(tx, shop.id, [customerFacts(shop, order, refundIds)]);
 * @returns the orders in input order, each the same object when the pixel saw nothing new for it,
 *   otherwise a copy with the extra click ids; [] for [].
 */
export async function withPixelEvidence(db: Db, shopId: number, orders: StoredOrder[]): Promise<StoredOrder[]> {
  if (orders.length === 0) return [];
  const seen = await pixelClickIdsOfOrders(db, shopId, orders.map((order) => order.id));
  if (seen.size === 0) return orders;
  return orders.map((order) => {
    const extra = (seen.get(order.id) ?? []).filter((id) => !order.clickIds.includes(id));
    return extra.length === 0 ? order : { ...order, clickIds: [...order.clickIds, ...extra] };
  });
}

/** One influencer's checkout funnel over a period. */
export interface InfluencerFunnel {
  /** Human, de-duplicated clicks on the influencer's links (the rate's denominator). */
  clicks: number;
  /** Distinct clicks whose visitor added something to the cart (web pixel). */
  addToCarts: number;
  /** Distinct clicks that started a checkout (web pixel). */
  checkouts: number;
  /** Distinct clicks that completed a checkout (web pixel). */
  purchases: number;
}

/**
 * Click → add to cart → checkout → purchase for one influencer, on the days `from`–`to` (inclusive,
 * shop time zone). Clicks come from the rollups; the later steps count distinct clicks the web
 * pixel saw reach them, so each step is a subset of visits from the influencer's links.
 *
 * @example await influencerFunnel(db, shopId, influencerId, { from: "2026-11-01", to: "2026-11-30" });
 * @returns the four counts; all zero for an unknown shop or influencer, or a period without data.
 */
export async function influencerFunnel(db: Db, shopId: number, influencerId: string, range: { from: string; to: string }): Promise<InfluencerFunnel> {
  const shop = await getShop(db, shopId);
  if (!shop) return { clicks: 0, addToCarts: 0, checkouts: 0, purchases: 0 };
  const [rows, steps] = await Promise.all([
    listRollups(db, shopId, { from: range.from, to: range.to, dimension: "" }),
    funnelStepCounts(db, shopId, influencerId, { ...range, timeZone: shop.timezone }),
  ]);
  const clicks = summarize(
    rows.filter((row) => row.influencerId === influencerId),
    { by: "overall", from: range.from, to: range.to },
  ).totals.clicks;
  return { clicks, addToCarts: steps.product_added_to_cart, checkouts: steps.checkout_started, purchases: steps.checkout_completed };
}
