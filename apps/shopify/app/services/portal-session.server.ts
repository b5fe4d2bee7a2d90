/**
 * The portal session cookie: after a link is opened, the token's hash moves into a signed,
 * HttpOnly, SameSite=Lax cookie and the visitor is redirected to `/portal`, so the token leaves the
 * address bar (and history, screenshots, shoulder-surfing). The cookie carries the hash, not the
 * shop or influencer: each request resolves it against the invite again, so revoking or rotating
 * an invite closes its sessions at once.
 */
import { createHmac } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";

export const PORTAL_COOKIE = "icr_portal";
/** A session lasts at most this long (the invite's own expiry usually ends it sooner). */
const MAX_AGE_SECONDS = 30 * 86_400;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function cookieFor(request: Request, secret: string): Cookie {
  if (!secret) throw new Error("the portal cookie needs a signing secret");
  // A key of its own, derived from the app secret, so this cookie's signatures mean nothing elsewhere.
  const key = createHmac("sha256", secret).update("icr portal session cookie v1").digest("base64url");
  const host = new URL(request.url).hostname;
  return createCookie(PORTAL_COOKIE, {
    httpOnly: true,
    // Secure everywhere but a loopback demo over plain http.
    secure: !LOOPBACK.has(host),
    sameSite: "lax",
    path: "/portal",
    maxAge: MAX_AGE_SECONDS,
    secrets: [key],
  });
}

/**
 * The `Set-Cookie` value that opens a portal session for this token hash.
 *
 * @example headers.append("Set-Cookie", await portalSessionCookie(request, secret, access.tokenHash));
 * @returns the header value; throws when `secret` is empty.
 */
export async function portalSessionCookie(request: Request, secret: string, tokenHash: string): Promise<string> {
  return cookieFor(request, secret).serialize({ h: tokenHash });
}

/**
 * The `Set-Cookie` value that ends the portal session.
 *
 * @example headers.append("Set-Cookie", await clearPortalSessionCookie(request, secret));
 * @returns the header value (an expired, empty cookie).
 */
export async function clearPortalSessionCookie(request: Request, secret: string): Promise<string> {
  return cookieFor(request, secret).serialize("", { maxAge: 0 });
}

/**
 * The token hash of the request's portal session.
 *
 * @example const tokenHash = await readPortalSession(request, secret);
 * @returns the hash, or null with no cookie, a cookie whose signature does not verify, or one of another shape.
 */
export async function readPortalSession(request: Request, secret: string): Promise<string | null> {
  const value: unknown = await cookieFor(request, secret).parse(request.headers.get("Cookie"));
  if (typeof value !== "object" || value === null || !("h" in value)) return null;
  const hash = (value as { h: unknown }).h;
  return typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}
