/**
 * The portal's HTTP handling, shared by its routes (which stay thin):
 *
 * - `GET /portal/{token}`: rate-limited token check; a good token becomes a session cookie and a
 *   303 to `/portal` (the token leaves the address bar); anything else gets one and the same 404.
 * - `GET /portal`: the portal of the session's invite, checked again on every request.
 * - `POST /portal`: sign out. No form carries an influencer or shop id: they come from the session only.
 * - `GET /apps/icr/portal/{token}` (app proxy): signature verified, the token must belong to the
 *   proxy's shop; rendered directly, since Shopify's app proxy strips cookies.
 */
import type { Db } from "../db.server";
import { findShopByDomain } from "../models/shops.server";
import { verifyAppProxySignature } from "./app-proxy.server";
import { resolvePortalToken, resolvePortalTokenHash, type PortalAccess } from "./portal-invites.server";
import { portalHeaders, renderPortalMessage, renderPortalPage, type PortalPageOptions } from "./portal-page.server";
import type { FailureLimiter } from "./portal-rate-limit.server";
import { loadPortalView, parsePortalPeriod } from "./portal-read.server";
import { clearPortalSessionCookie, portalSessionCookie, readPortalSession } from "./portal-session.server";

export interface PortalDeps {
  db: Db;
  /** The app secret: signs the session cookie and verifies app-proxy signatures. */
  secret: string;
  /** The app's public origin, for share links and the embed snippet. */
  appUrl: string;
  limiter: FailureLimiter;
  now: () => number;
}

const BAD_LINK = {
  title: "This portal link does not work",
  message: "It may have expired, been replaced by a newer invitation, or been revoked. Ask the shop to send you a new link.",
};
const SIGNED_OUT = {
  title: "Open your portal link",
  message: "Open the link from your invitation to see your results on this device.",
};

function page(html: string, nonce: string, status: number, extra?: Record<string, string>): Response {
  const headers = portalHeaders(nonce);
  for (const [name, value] of Object.entries(extra ?? {})) headers.append(name, value);
  return new Response(html, { status, headers });
}

function message(text: { title: string; message: string }, status: number, extra?: Record<string, string>): Response {
  const { html, nonce } = renderPortalMessage(text.title, text.message);
  return page(html, nonce, status, extra);
}

function tooMany(retryAfter: number): Response {
  return message({ title: "Too many attempts", message: `Too many portal links that did not work came from your network. Try again in ${retryAfter} seconds.` }, 429, {
    "Retry-After": String(retryAfter),
  });
}

/**
 * The address a lookup is charged to: through the app proxy, the visitor address Shopify forwards
 * (the request is signed, so the header is Shopify's); otherwise the address the server saw
 * (`clientAddress` in the load context, Express's `req.ip`, which honours its `trust proxy` setting).
 *
 * @example portalClientAddress(request, context, false) // "203.0.113.7"
 * @returns the address, or "unknown" when none is known (all such requests then share one budget).
 */
export function portalClientAddress(request: Request, context: unknown, viaAppProxy: boolean): string {
  if (viaAppProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  if (typeof context === "object" && context !== null && "clientAddress" in context) {
    const address = (context as { clientAddress: unknown }).clientAddress;
    if (typeof address === "string" && address !== "") return address;
  }
  return "unknown";
}

async function renderFor(deps: PortalDeps, access: PortalAccess, request: Request, options: PortalPageOptions, status = 200): Promise<Response> {
  const days = parsePortalPeriod(new URL(request.url).searchParams.get("days"));
  const view = await loadPortalView(deps.db, access, { now: deps.now(), days, appUrl: deps.appUrl });
  if (!view) return message(BAD_LINK, 404);
  const { html, nonce } = renderPortalPage(view, options);
  return page(html, nonce, status);
}

/**
 * `GET /portal/{token}`.
 *
 * @example return openPortalLink(deps, request, params.token ?? "", address);
 * @returns 303 to /portal with the session cookie; 404 for any bad token; 429 (Retry-After) when
 *   the address has spent its budget of failed lookups.
 */
export async function openPortalLink(deps: PortalDeps, request: Request, token: string, address: string): Promise<Response> {
  const wait = deps.limiter.retryAfter(address);
  if (wait > 0) return tooMany(wait);
  const result = await resolvePortalToken(deps.db, token, { now: deps.now() });
  if (!result.ok) {
    deps.limiter.recordFailure(address);
    return message(BAD_LINK, 404);
  }
  return new Response(null, {
    status: 303,
    headers: {
      Location: "/portal",
      "Set-Cookie": await portalSessionCookie(request, deps.secret, result.access.tokenHash),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

/**
 * `GET /portal`.
 *
 * @example return showPortal(deps, request);
 * @returns the portal (200), or 401 asking to open the invitation link when there is no valid
 *   session (the stale cookie is cleared).
 */
export async function showPortal(deps: PortalDeps, request: Request): Promise<Response> {
  const tokenHash = await readPortalSession(request, deps.secret);
  const result = tokenHash ? await resolvePortalTokenHash(deps.db, tokenHash, { now: deps.now() }) : null;
  if (!result?.ok) {
    return message(tokenHash ? BAD_LINK : SIGNED_OUT, 401, tokenHash ? { "Set-Cookie": await clearPortalSessionCookie(request, deps.secret) } : undefined);
  }
  return renderFor(deps, result.access, request, { selfPath: "/portal", signOut: true });
}

/**
 * `POST /portal`: signs out (the only action; any other field, an influencer id included, is ignored).
 *
 * @example return portalAction(deps, request);
 * @returns 303 to /portal with the cookie cleared; 405 for methods other than POST.
 */
export async function portalAction(deps: PortalDeps, request: Request): Promise<Response> {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "GET, POST" } });
  return new Response(null, {
    status: 303,
    headers: { Location: "/portal", "Set-Cookie": await clearPortalSessionCookie(request, deps.secret), "Cache-Control": "no-store" },
  });
}

/**
 * `GET /apps/icr/portal/{token}` through the app proxy (arrives as `/proxy/portal/{token}?shop=…&signature=…`).
 *
 * @example return showProxyPortal(deps, request, params.token ?? "", address);
 * @returns the portal (200); 401 for a bad signature; 404 for a bad token or one of another shop;
 *   429 (Retry-After) when the address has spent its budget of failed lookups.
 */
export async function showProxyPortal(deps: PortalDeps, request: Request, token: string, address: string): Promise<Response> {
  const query = new URL(request.url).searchParams;
  if (!verifyAppProxySignature(query, deps.secret, deps.now())) return new Response("Invalid app proxy signature", { status: 401 });
  const wait = deps.limiter.retryAfter(address);
  if (wait > 0) return tooMany(wait);
  const shop = await findShopByDomain(deps.db, query.get("shop") ?? "");
  const result = shop ? await resolvePortalToken(deps.db, token, { now: deps.now(), shopId: shop.id }) : null;
  if (!result?.ok) {
    deps.limiter.recordFailure(address);
    return message(BAD_LINK, 404);
  }
  return renderFor(deps, result.access, request, { selfPath: `/apps/icr/portal/${token}`, signOut: false });
}
