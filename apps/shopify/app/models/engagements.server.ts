/** Engagement counts the merchant imports per influencer, campaign and day. */
import { and, eq, sql } from "drizzle-orm";
import type { Engagement } from "@icr/metrics";
import type { Db } from "../db.server";
import { engagements } from "../db/schema";

/**
 * Stores the count for one day, influencer and campaign, replacing any earlier import of it.
 *
 * @example const previous = await setEngagement(db, shopId, { day: "2025-03-01", influencerId, count: 120 });
 * @returns the count stored before (0 when there was none), so the caller can roll up the difference.
 */
export async function setEngagement(db: Db, shopId: number, e: Engagement): Promise<number> {
  if (!Number.isInteger(e.count) || e.count < 0) throw new Error(`engagement count must be a non-negative integer, got ${e.count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.day)) throw new Error(`engagement day must be YYYY-MM-DD, got ${JSON.stringify(e.day)}`);
  const campaign = e.campaign ?? "";
  const [before] = await db
    .select({ count: engagements.count })
    .from(engagements)
    .where(
      and(
        eq(engagements.shopId, shopId),
        eq(engagements.day, e.day),
        eq(engagements.influencerId, e.influencerId),
        eq(engagements.campaign, campaign),
      ),
    )
    .for("update");
  await db
    .insert(engagements)
    .values({ shopId, day: e.day, influencerId: e.influencerId, campaign, count: e.count })
    .onConflictDoUpdate({
      target: [engagements.shopId, engagements.day, engagements.influencerId, engagements.campaign],
      set: { count: sql`excluded.count` },
    });
  return before?.count ?? 0;
}

/**
 * The shop's engagement rows.
 *
 * @example await listEngagements(db, shopId);
 * @returns the rows; [] when none were imported.
 */
export async function listEngagements(db: Db, shopId: number): Promise<Engagement[]> {
  const rows = await db.select().from(engagements).where(eq(engagements.shopId, shopId));
  return rows.map((r) => ({
    day: r.day,
    influencerId: r.influencerId,
    ...(r.campaign ? { campaign: r.campaign } : {}),
    count: r.count,
  }));
}
