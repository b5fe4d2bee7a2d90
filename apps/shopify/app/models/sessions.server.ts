/** Shopify sessions (written by the session-storage adapter; removed here when a shop leaves). */
import { eq } from "drizzle-orm";
import type { Db } from "../db.server";
import { sessionTable } from "../db/schema";

/**
 * Deletes every session of a shop (app/uninstalled, shop/redact): its tokens are dead anyway.
 *
 * @example await deleteSessionsOfShop(db, "demo.myshopify.com");
 * @returns how many sessions were deleted; 0 when there were none.
 */
export async function deleteSessionsOfShop(db: Db, shopDomain: string): Promise<number> {
  const rows = await db.delete(sessionTable).where(eq(sessionTable.shop, shopDomain)).returning({ id: sessionTable.id });
  return rows.length;
}

/**
 * The offline session (its access token) the background jobs use to call the Admin API.
 *
 * @example const session = await findOfflineSession(db, "demo.myshopify.com");
 * @returns the shop domain and access token, or null when the shop has no offline session.
 */
export async function findOfflineSession(db: Db, shopDomain: string): Promise<{ shop: string; accessToken: string } | null> {
  const [row] = await db
    .select({ shop: sessionTable.shop, accessToken: sessionTable.accessToken })
    .from(sessionTable)
    .where(eq(sessionTable.id, `offline_${shopDomain}`));
  return row ?? null;
}
