/**
 * Periodic work in the app process: reconcile each installed shop's recent orders (webhooks can be
 * missed) and forget webhook event ids older than the retention. One run at a time; a failing shop
 * is logged and skipped so it cannot stop the others.
 */
import type { Db } from "../db.server";
import { findOfflineSession } from "../models/sessions.server";
import { listInstalledShops } from "../models/shops.server";
import { pruneWebhookEvents } from "../models/webhook-events.server";
import { AdminGateway } from "./admin-gateway.server";
import { reconcileRecentOrders } from "./reconcile.server";
import { loadShopContext } from "./shop-context.server";

/** Orders updated in this window are re-read; it overlaps runs so nothing falls between two. */
export const RECONCILE_LOOKBACK_MS = 2 * 24 * 3600 * 1000;

/**
 * One pass over every installed shop.
 *
 * @example await runMaintenance(db, new Date());
 * @returns how many shops were reconciled and how many failed; zeros when no shop is installed.
 */
export async function runMaintenance(
  db: Db,
  now: Date,
  gatewayFor: (shop: string, accessToken: string) => Pick<AdminGateway, "ordersUpdatedSince"> = (shop, accessToken) =>
    new AdminGateway({ shop, accessToken }),
): Promise<{ reconciled: number; failed: number; prunedEvents: number }> {
  let reconciled = 0;
  let failed = 0;
  for (const row of await listInstalledShops(db)) {
    const session = await findOfflineSession(db, row.domain);
    if (!session) continue;
    try {
      await reconcileRecentOrders({ db, gateway: gatewayFor(session.shop, session.accessToken) }, await loadShopContext(db, row), new Date(now.getTime() - RECONCILE_LOOKBACK_MS));
      reconciled++;
    } catch (error) {
      failed++;
      console.error(`reconciliation of ${row.domain} failed:`, error instanceof Error ? error.message : error);
    }
  }
  return { reconciled, failed, prunedEvents: await pruneWebhookEvents(db, now) };
}

/**
 * Runs `runMaintenance` every `intervalMs` (default 15 minutes) until the returned stop is called.
 *
 * @example const stop = startMaintenance(db); onShutdown(stop);
 * @returns a function that stops the timer.
 */
export function startMaintenance(db: Db, intervalMs = 15 * 60 * 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runMaintenance(db, new Date())
      .catch((error: unknown) => console.error("maintenance failed:", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
