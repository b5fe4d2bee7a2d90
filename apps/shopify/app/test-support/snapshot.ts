/** Every row a shop owns, sorted, so tests can compare whole final states. */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db.server";
import * as t from "../db/schema";

export async function shopSnapshot(db: Db, shopId: number) {
  return {
    orders: await db.select().from(t.orders).where(eq(t.orders.shopId, shopId)).orderBy(asc(t.orders.id)),
    refunds: await db.select().from(t.refunds).where(eq(t.refunds.shopId, shopId)).orderBy(asc(t.refunds.id)),
    attributions: (await db.select().from(t.attributions).where(eq(t.attributions.shopId, shopId)).orderBy(asc(t.attributions.orderId))).map(
      ({ attributedAt: _a, ...rest }) => rest,
    ),
    rollups: (
      await db
        .select()
        .from(t.rollups)
        .where(eq(t.rollups.shopId, shopId))
        .orderBy(asc(t.rollups.day), asc(t.rollups.influencerId), asc(t.rollups.campaign), asc(t.rollups.dimension), asc(t.rollups.value))
    ).filter((r) => [r.clicks, r.botClicks, r.engagements, r.purchaseCode, r.purchaseLink, r.purchaseUtm, r.signupCode, r.signupLink, r.signupUtm, r.revenue].some((n) => n !== 0)),
    clicks: await db.select().from(t.clicks).where(eq(t.clicks.shopId, shopId)).orderBy(asc(t.clicks.id)),
    deadLetters: await db.select().from(t.deadLetters).where(eq(t.deadLetters.shopId, shopId)),
    events: await db.select().from(t.webhookEvents).where(eq(t.webhookEvents.shopId, shopId)),
  };
}

/** Row counts of every table (all shops): "nothing stored" checks. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries({
    shops: t.shops,
    orders: t.orders,
    refunds: t.refunds,
    attributions: t.attributions,
    rollups: t.rollups,
    webhookEvents: t.webhookEvents,
    deadLetters: t.deadLetters,
    clicks: t.clicks,
    jobs: t.jobs,
  })) {
    counts[name] = (await db.select().from(table)).length;
  }
  return counts;
}
