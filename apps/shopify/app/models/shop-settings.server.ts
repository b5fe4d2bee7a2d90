/** Per-shop settings: the attribution overrides and how to read client IPs. */
import { eq, sql } from "drizzle-orm";
import type { AttributionSettings, LowSampleThresholds } from "@icr/metrics";
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

/** How the shop's rates are judged: its industry benchmark, edited ranges and low-sample thresholds. */
export interface RateDisplaySettings {
  /** An `INDUSTRY_BENCHMARKS` id (or one of the shop's own, in `benchmarks`). */
  industry: string;
  /** The merchant's edits of benchmark ranges, by industry id. */
  benchmarks: Record<string, { lowPct: number; highPct: number; source?: string }>;
  /** null means the metric's defaults. */
  lowSample: LowSampleThresholds | null;
}

/**
 * The shop's benchmark and low-sample settings (what public and admin rates are shown with).
 *
 * @example const { industry } = await getRateDisplaySettings(db, shopId); // "retail"
 * @returns the stored values, or the defaults (`retail`, no edits, default thresholds) when none are stored.
 */
export async function getRateDisplaySettings(db: Db, shopId: number): Promise<RateDisplaySettings> {
  const [row] = await db
    .select({ industry: shopSettings.industry, benchmarks: shopSettings.benchmarks, lowSample: shopSettings.lowSample })
    .from(shopSettings)
    .where(eq(shopSettings.shopId, shopId));
  return row ?? { industry: "retail", benchmarks: {}, lowSample: null };
}

/**
 * Replaces the given benchmark / low-sample fields (others are kept); creates the settings row when missing.
 *
 * @example await saveRateDisplaySettings(db, shopId, { industry: "fashion", lowSample: { minDenominator: 200, minConversions: 10 } });
 * @returns the values now stored.
 */
export async function saveRateDisplaySettings(db: Db, shopId: number, patch: Partial<RateDisplaySettings>): Promise<RateDisplaySettings> {
  const next = { ...(await getRateDisplaySettings(db, shopId)), ...patch };
  await db
    .insert(shopSettings)
    .values({ shopId, industry: next.industry, benchmarks: next.benchmarks, lowSample: next.lowSample })
    .onConflictDoUpdate({
      target: shopSettings.shopId,
      set: { industry: next.industry, benchmarks: next.benchmarks, lowSample: next.lowSample, updatedAt: sql`now()` },
    });
  return next;
}
