/** The portal routes' dependencies in a running app: the shared database, the app's config, the process-wide limiter. */
import { appConfig } from "../config.server";
import { getDb } from "../db.server";
import type { PortalDeps } from "./portal-http.server";
import { portalLookupLimiter } from "./portal-rate-limit.server";

/**
 * The portal's dependencies.
 *
 * @example return showPortal(await portalDeps(), request);
 * @returns them; throws when the app's environment is incomplete (see `appConfig`).
 */
export async function portalDeps(): Promise<PortalDeps> {
  const config = appConfig();
  return { db: await getDb(), secret: config.SHOPIFY_API_SECRET, appUrl: config.SHOPIFY_APP_URL, limiter: portalLookupLimiter, now: Date.now };
}
