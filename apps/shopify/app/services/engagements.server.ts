/**
 * Engagement imports (the `engagements` denominator): a day's count for an influencer and campaign
 * replaces any earlier import of it, and the rollups move by the difference in the same transaction.
 */
import { engagementRollup, type Engagement } from "@icr/metrics";
import type { Db } from "../db.server";
import { getInfluencer } from "../models/influencers.server";
import { setEngagement } from "../models/engagements.server";
import { addRollups } from "../models/rollups.server";
import type { ShopContext } from "./shop-context.server";

/**
 * Stores imported engagement counts (all or nothing) and adjusts the rollups.
 *
 * @example await importEngagements(db, shop, [{ day: "2026-03-01", influencerId, campaign: "spring", count: 1200 }]);
 * @returns how many rows were stored; 0 for an empty list. Throws RangeError (nothing written) for
 *   an unknown influencer, a malformed day or a negative count.
 */
export async function importEngagements(db: Db, shop: ShopContext, rows: Engagement[]): Promise<number> {
  return db.transaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      if (!(await getInfluencer(tx, shop.id, row.influencerId))) throw new RangeError(`row ${i + 1}: no influencer ${row.influencerId} in this shop`);
      const next = engagementRollup(row);
      const previous = await setEngagement(tx, shop.id, row);
      const undo = engagementRollup({ ...row, count: previous }).map((r) => ({ ...r, engagements: -r.engagements }));
      await addRollups(tx, shop.id, [...undo, ...next]);
    }
    return rows.length;
  });
}
