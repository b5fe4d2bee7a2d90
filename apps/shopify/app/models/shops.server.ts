/** Shops: one row per installed shop, with the salt that keys its hashes. */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db.server";
import { shops } from "../db/schema";
import { deleteClicksOfShop } from "./clicks.server";

export type Shop = typeof shops.$inferSelect;

const DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Whether a string is a `*.myshopify.com` domain (what Shopify sends in X-Shopify-Shop-Domain).
 *
 * @example isShopDomain("demo.myshopify.com") // true
 * @returns false for "" and anything else.
 */
export function isShopDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

/**
 * Returns the shop for a domain, creating it (with a fresh random salt) on first sight, and
 * clearing `uninstalledAt` when it comes back.
 *
 * @example const shop = await ensureShop(db, "demo.myshopify.com");
 * @returns the shop row; throws on a domain that is not `*.myshopify.com`.
 */
export async function ensureShop(db: Db, domain: string, options: { reinstall?: boolean } = {}): Promise<Shop> {
  if (!isShopDomain(domain)) throw new Error(`not a myshopify.com domain: ${JSON.stringify(domain)}`);
  // Read first: this runs on every webhook, and an upsert would write a row version each time.
  const existing = await findShopByDomain(db, domain);
  if (existing && !(options.reinstall && existing.uninstalledAt)) return existing;
  const [row] = await db
    .insert(shops)
    .values({ domain, salt: randomBytes(32).toString("hex") })
    .onConflictDoUpdate({
      target: shops.domain,
      set: options.reinstall ? { uninstalledAt: null } : { domain: sql`excluded.domain` },
    })
    .returning();
  if (!row) throw new Error("shop upsert returned no row");
  return row;
}

/**
 * The shop with this id.
 *
 * @example const shop = await getShop(db, 1);
 * @returns the row, or null when there is none.
 */
export async function getShop(db: Db, shopId: number): Promise<Shop | null> {
  const [row] = await db.select().from(shops).where(eq(shops.id, shopId));
  return row ?? null;
}

/**
 * The shop with this domain (no creation).
 *
 * @example const shop = await findShopByDomain(db, "demo.myshopify.com");
 * @returns the row, or null for an unknown domain.
 */
export async function findShopByDomain(db: Db, domain: string): Promise<Shop | null> {
  const [row] = await db.select().from(shops).where(eq(shops.domain, domain));
  return row ?? null;
}

/**
 * The installed shop named by its public key (the non-secret id in public API and pixel URLs).
 *
 * @example const shop = await findShopByPublicKey(db, "3f9c…");
 * @returns the row, or null for an unknown key or an uninstalled shop (its public numbers stop with it).
 */
export async function findShopByPublicKey(db: Db, publicKey: string): Promise<Shop | null> {
  const [row] = await db
    .select()
    .from(shops)
    .where(and(eq(shops.publicKey, publicKey), isNull(shops.uninstalledAt)));
  return row ?? null;
}

/**
 * Records the shop's time zone and currency (from the Admin API's `shop` query).
 *
 * @example await updateShopLocale(db, shop.id, { timezone: "Europe/Paris", currency: "EUR" });
 * @returns nothing; no row changes for an unknown id.
 */
export async function updateShopLocale(db: Db, shopId: number, locale: { timezone: string; currency: string }): Promise<void> {
  await db.update(shops).set(locale).where(eq(shops.id, shopId));
}

/**
 * Marks the shop uninstalled (data stays until `shop/redact`, 48 hours later).
 *
 * @example await markUninstalled(db, shop.id, new Date());
 * @returns nothing; idempotent (the first uninstall time is kept).
 */
export async function markUninstalled(db: Db, shopId: number, at: Date): Promise<void> {
  await db
    .update(shops)
    .set({ uninstalledAt: sql`coalesce(${shops.uninstalledAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(shops.id, shopId));
}

/**
 * Erases the shop and every row of every shop table: by cascade, and the clicks explicitly. The
 * shop row goes first: its lock makes a click batch being written wait, and the clicks delete
 * (a statement later) then sees that batch; a batch arriving after finds no shop and writes nothing.
 * Run it in a transaction, so the erasure is all or nothing.
 *
 * @example await db.transaction((tx) => deleteShop(tx, shop.id));
 * @returns true when a shop was deleted, false when it did not exist.
 */
export async function deleteShop(db: Db, shopId: number): Promise<boolean> {
  const deleted = await db.delete(shops).where(eq(shops.id, shopId)).returning({ id: shops.id });
  await deleteClicksOfShop(db, shopId);
  return deleted.length > 0;
}

/**
 * Shops that have the app installed (for the periodic reconciliation). Maintenance across shops:
 * it returns only the shops' own rows.
 *
 * @example for (const shop of await listInstalledShops(db)) { … }
 * @returns the installed shops by id; [] when there are none.
 */
export async function listInstalledShops(db: Db): Promise<Shop[]> {
  return db.select().from(shops).where(isNull(shops.uninstalledAt)).orderBy(shops.id);
}
