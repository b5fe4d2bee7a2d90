/** Per-shop settings: the attribution overrides and how to read client IPs. */
import { eq, sql } from "drizzle-orm";
import type { AttributionSettings } from "@icr/metrics";
import type { Db } from "../db.server";
import { shopSettings } from "../db/schema";

export interface ShopSettings {
  /** Only what the merchant changed; `resolveSettings` fills the defaults. */
  attribution: Partial<AttributionSettings>;
  trustProxy: boolean;
}

const DEFAULTS: ShopSettings = { attribution: {}, trustProxy: false };

/**
 * The shop's settings.
 *
 * @example const { attribution } = await getShopSettings(db, shopId);
 * @returns the stored settings, or the defaults (`{ attribution: {}, trustProxy: false }`) when none are stored.
 */
export async function getShopSettings(db: Db, shopId: number): Promise<ShopSettings> {
  const [row] = await db.select().from(shopSettings).where(eq(shopSettings.shopId, shopId));
  return row ? { attribution: row.attribution, trustProxy: row.trustProxy } : { ...DEFAULTS };
}

/**
 * Replaces the given settings fields (others are kept).
 *
 * @example await saveShopSettings(db, shopId, { attribution: { windowDays: 7 } });
 * @returns the settings now stored.
 */
export async function saveShopSettings(db: Db, shopId: number, patch: Partial<ShopSettings>): Promise<ShopSettings> {
  const next = { ...(await getShopSettings(db, shopId)), ...patch };
  await db
    .insert(shopSettings)
    .values({ shopId, attribution: next.attribution, trustProxy: next.trustProxy })
    .onConflictDoUpdate({
      target: shopSettings.shopId,
      set: { attribution: next.attribution, trustProxy: next.trustProxy, updatedAt: sql`now()` },
    });
  return next;
}
