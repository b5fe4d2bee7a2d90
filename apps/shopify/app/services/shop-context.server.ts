/** What every per-shop service needs to know about the shop: id, salt, time zone, settings. */
import { resolveSettings, type AttributionSettings } from "@icr/metrics";
import type { Db } from "../db.server";
import { getShop, type Shop } from "../models/shops.server";
import { getShopSettings } from "../models/shop-settings.server";

export interface ShopContext {
  id: number;
  domain: string;
  salt: string;
  timezone: string;
  currency: string;
  settings: Readonly<AttributionSettings>;
  trustProxy: boolean;
}

/**
 * The shop with its resolved (defaults-filled, validated) attribution settings.
 *
 * @example const shop = await loadShopContext(db, shopRow);
 * @returns the context; throws RangeError when stored settings are invalid.
 */
export async function loadShopContext(db: Db, shop: Shop): Promise<ShopContext> {
  const stored = await getShopSettings(db, shop.id);
  return {
    id: shop.id,
    domain: shop.domain,
    salt: shop.salt,
    timezone: shop.timezone,
    currency: shop.currency,
    settings: resolveSettings(stored.attribution),
    trustProxy: stored.trustProxy,
  };
}

/**
 * The context of a shop by id.
 *
 * @example const shop = await loadShopContextById(db, 1);
 * @returns the context, or null when no shop has that id.
 */
export async function loadShopContextById(db: Db, shopId: number): Promise<ShopContext | null> {
  const shop = await getShop(db, shopId);
  return shop ? loadShopContext(db, shop) : null;
}
