/**
 * What happens when a merchant installs (or re-installs, or re-authenticates): the shop row
 * exists, its time zone and currency are known, the web pixel reports to this app, and its order
 * history import has started.
 */
import type { Db } from "../db.server";
import { findUnfinishedJob, listJobs } from "../models/jobs.server";
import { findOfflineSession } from "../models/sessions.server";
import { ensureShop, updateShopLocale } from "../models/shops.server";
import { AdminGateway } from "./admin-gateway.server";
import { runBackfill } from "./backfill.server";
import { loadShopContext } from "./shop-context.server";

/**
 * Records the install and starts the backfill in the background when it never ran (or resumes one a crash interrupted).
 *
 * @example await onInstalled(db, "demo.myshopify.com", "https://icr.example");
 * @returns once the shop and its locale are stored; the backfill continues after it returns.
 */
export async function onInstalled(db: Db, shopDomain: string, appUrl: string, gatewayFor = defaultGateway): Promise<void> {
  const row = await ensureShop(db, shopDomain, { reinstall: true });
  const gateway = await gatewayFor(db, shopDomain);
  if (!gateway) return;
  const locale = await gateway.shopLocale();
  await updateShopLocale(db, row.id, { timezone: locale.ianaTimezone, currency: locale.currencyCode });
  const shop = await loadShopContext(db, { ...row, timezone: locale.ianaTimezone, currency: locale.currencyCode });
  // The funnel is a nice-to-have: a pixel Shopify refuses must not stop the install or the import.
  await gateway
    .connectWebPixel({ shopPublicKey: row.publicKey, appUrl })
    .catch((error: unknown) => console.error(`web pixel for ${shopDomain} not connected`, error));
  const pending = await findUnfinishedJob(db, shop.id, "backfill");
  const previous = await listJobs(db, shop.id, { kind: "backfill", limit: 1 });
  if (pending || previous.length === 0) {
    void runBackfill({ db, gateway }, shop).catch((error: unknown) => console.error(`backfill of ${shopDomain} interrupted`, error));
  }
}

async function defaultGateway(db: Db, shopDomain: string): Promise<AdminGateway | null> {
  const session = await findOfflineSession(db, shopDomain);
  return session ? new AdminGateway({ shop: session.shop, accessToken: session.accessToken }) : null;
}
