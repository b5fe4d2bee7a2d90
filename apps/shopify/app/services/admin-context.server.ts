/**
 * The auth seam of every admin page: who is asking (the shop), how to reach its Admin API, and
 * whether this is the demo. In normal mode Shopify's embedded auth decides; in demo mode (guarded
 * by `assertDemoModeAllowed` on every request) the seeded demo shop answers, with an Admin API
 * answered in-process.
 */
import { appConfig } from "../config.server";
import { getDb, type Db } from "../db.server";
import { ensureShop, findShopByDomain } from "../models/shops.server";
import { AdminGateway } from "./admin-gateway.server";
import { demoAdminTransport } from "./demo-admin-api.server";
import { DEMO_SHOP_DOMAIN, assertDemoModeAllowed, isDemoMode } from "./demo-mode.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";
import { authenticate } from "../shopify.server";

export interface AdminContext {
  db: Db;
  shop: ShopContext;
  gateway: AdminGateway;
  demo: boolean;
  /** The app's public origin (portal links are built on it). */
  appUrl: string;
}

let demoGateway: AdminGateway | undefined;

/**
 * Authenticates an admin request.
 *
 * @example const { db, shop, gateway } = await requireAdmin(request);
 * @returns the context; in normal mode Shopify's auth may throw a redirect Response (to log in);
 *   in demo mode it throws when demo mode is not allowed, and a 503 Response when the demo shop is not seeded.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  const db = await getDb();
  if (isDemoMode()) {
    assertDemoModeAllowed();
    const row = await findShopByDomain(db, DEMO_SHOP_DOMAIN);
    if (!row) throw new Response("The demo shop is not seeded yet: start the demo with `npm run demo`.", { status: 503 });
    demoGateway ??= new AdminGateway({ shop: DEMO_SHOP_DOMAIN, accessToken: "demo", transport: demoAdminTransport({ timezone: row.timezone, currency: row.currency }) });
    return { db, shop: await loadShopContext(db, row), gateway: demoGateway, demo: true, appUrl: new URL(request.url).origin };
  }
  const { session } = await authenticate.admin(request);
  const shop = await loadShopContext(db, await ensureShop(db, session.shop));
  return {
    db,
    shop,
    gateway: new AdminGateway({ shop: session.shop, accessToken: session.accessToken ?? "" }),
    demo: false,
    appUrl: appConfig().SHOPIFY_APP_URL,
  };
}
