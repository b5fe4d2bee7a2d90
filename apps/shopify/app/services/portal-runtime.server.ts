/**
 * The portal routes' dependencies in a running app: the shared database, the app secret and URL,
 * the process-wide limiter. In demo mode (no Shopify credentials, see demo-mode.server.ts) the
 * cookie is signed with a random per-process key and links are built on the request's origin.
 */
import { randomBytes } from "node:crypto";
import { getDb } from "../db.server";
import { assertDemoModeAllowed, isDemoMode } from "./demo-mode.server";
import type { PortalDeps } from "./portal-http.server";
import { portalLookupLimiter } from "./portal-rate-limit.server";

// Demo sessions need not survive a restart; a fresh key per process is the safest secret to have.
const demoSecret = randomBytes(32).toString("hex");

/**
 * The portal's dependencies for a request.
 *
 * @example return showPortal(await portalDeps(request), request);
 * @returns them; throws when the app's environment is incomplete (see `appConfig`), or when demo
 *   mode is asked for where it is not allowed.
 */
export async function portalDeps(request: Request): Promise<PortalDeps> {
  const db = await getDb();
  const base = { db, limiter: portalLookupLimiter, now: Date.now };
  if (isDemoMode()) {
    assertDemoModeAllowed();
    return { ...base, secret: demoSecret, appUrl: new URL(request.url).origin };
  }
  // Loaded on use, as shopify.server.ts does: the demo never reads the Shopify environment.
  const { appConfig } = await import("../config.server");
  const config = appConfig();
  return { ...base, secret: config.SHOPIFY_API_SECRET, appUrl: config.SHOPIFY_APP_URL };
}
