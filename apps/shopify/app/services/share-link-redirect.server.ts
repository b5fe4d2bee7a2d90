/**
 * The share-link redirect: `/r/{slug}` (and the same through the shop's app proxy) answers 302 to
 * the destination with the link's UTM parameters and a fresh `icr_click`, and queues the click.
 * No database write on this path; a lookup only on a cold cache.
 */
import { randomFillSync } from "node:crypto";
import { deviceFromUserAgent } from "@icr/metrics";
import { hashVisitor } from "./identity-hash.server";
import type { ClickRecorder } from "./click-recorder.server";
import type { ResolvedLink, ShareLinkResolver } from "./share-link-resolver.server";

export interface RedirectContext {
  resolver: ShareLinkResolver;
  recorder: ClickRecorder;
  now?: () => number;
}

/** What the redirect reads from a request, whatever server received it. */
export interface ShareLinkHit {
  slug: string;
  /** Set for app-proxy requests (the signature named the shop). */
  shopId?: number;
  method: string;
  userAgent: string;
  /** Lower-case header lookup. */
  header: (name: string) => string | undefined;
  /** The TCP peer address, when the server knows it. */
  socketAddress?: string;
  /** Came through Shopify's app proxy, which sets X-Forwarded-For to the visitor's address. */
  viaAppProxy: boolean;
}

export type RedirectAnswer = { status: 302; location: string } | { status: 404 };

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

// Click ids come from a pooled random buffer: one getrandom call per 512 clicks, not per click.
const pool = Buffer.alloc(12 * 512);
let poolOffset = pool.length;
function newClickId(): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const id = pool.toString("base64url", poolOffset, poolOffset + 12);
  poolOffset += 12;
  return "c" + id;
}

function clientAddress(hit: ShareLinkHit, trustProxy: boolean): string {
  if (hit.viaAppProxy || trustProxy) {
    const forwarded = hit.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return hit.socketAddress ?? "";
}

function country(hit: ShareLinkHit, trusted: boolean): string | undefined {
  if (!trusted) return undefined;
  const code = (hit.header("cf-ipcountry") ?? hit.header("x-country-code"))?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) && code !== "XX" ? code : undefined;
}

/**
 * Resolves a share-link hit: the 302 target, and the click queued (bots and HEAD requests too,
 * flagged, so they never enter the denominator but are still visible).
 *
 * @example const answer = await shareLinkRedirect(ctx, hit); // { status: 302, location: "https://…&icr_click=c…" }
 * @returns { status: 404 } for a malformed or unknown slug (nothing recorded).
 */
export async function shareLinkRedirect(ctx: RedirectContext, hit: ShareLinkHit): Promise<RedirectAnswer> {
  return shareLinkRedirectCached(ctx, hit) ?? answer(ctx, hit, await ctx.resolver.resolve(hit.slug, hit.shopId));
}

/**
 * `shareLinkRedirect` without waiting, when the slug's answer is cached (the usual case).
 *
 * @example const answer = shareLinkRedirectCached(ctx, hit) ?? (await shareLinkRedirect(ctx, hit));
 * @returns the answer, or undefined when the slug must be looked up first.
 */
export function shareLinkRedirectCached(ctx: RedirectContext, hit: ShareLinkHit): RedirectAnswer | undefined {
  if (!SLUG.test(hit.slug)) return { status: 404 };
  const cached = ctx.resolver.peek(hit.slug, hit.shopId);
  return cached === undefined ? undefined : answer(ctx, hit, cached);
}

function answer(ctx: RedirectContext, hit: ShareLinkHit, resolved: ResolvedLink | null): RedirectAnswer {
  if (!SLUG.test(hit.slug) || !resolved) return { status: 404 };
  const { link, shop } = resolved;
  const clickId = newClickId();
  const ip = clientAddress(hit, shop.trustProxy);
  const where = country(hit, hit.viaAppProxy || shop.trustProxy);
  const device = deviceOf(hit.userAgent);
  ctx.recorder.record(shop, {
    id: clickId,
    at: (ctx.now ?? Date.now)(),
    link: link.slug,
    linkId: link.id,
    influencerId: link.influencerId,
    ...(link.campaign ? { campaign: link.campaign } : {}),
    visitor: visitorOf(shop, ip, hit.userAgent),
    userAgent: hit.userAgent,
    method: hit.method.toUpperCase(),
    ...(where ? { country: where } : {}),
    ...(device ? { device } : {}),
  });
  return { status: 302, location: resolved.location.before + clickId + resolved.location.after };
}

// Visitors and user agents repeat: their hash and device class are computed once per process
// (bounded; cleared when full, which costs one recomputation each).
const CACHE_LIMIT = 20_000;
const visitors = new Map<string, string>();
const devices = new Map<string, ReturnType<typeof deviceFromUserAgent>>();

function visitorOf(shop: { id: number; salt: string }, ip: string, userAgent: string): string {
  const key = `${shop.id}\u0000${ip}\u0000${userAgent}`;
  let hash = visitors.get(key);
  if (hash === undefined) {
    if (visitors.size >= CACHE_LIMIT) visitors.clear();
    hash = hashVisitor(shop.salt, ip, userAgent);
    visitors.set(key, hash);
  }
  return hash;
}

function deviceOf(userAgent: string): ReturnType<typeof deviceFromUserAgent> {
  if (devices.has(userAgent)) return devices.get(userAgent);
  if (devices.size >= CACHE_LIMIT) devices.clear();
  const device = deviceFromUserAgent(userAgent);
  devices.set(userAgent, device);
  return device;
}

/** Headers of every redirect: never cached (each visit needs its own click id), never indexed. */
export const REDIRECT_HEADERS = {
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex",
  "referrer-policy": "strict-origin-when-cross-origin",
} as const;

/** The friendly page for an unknown or retired link. */
export const NOT_FOUND_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Link not found</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f6f7;color:#202223}
main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.4rem}</style></head>
<body><main><h1>This link isn't active</h1>
<p>The link you followed may have expired or been mistyped. The shop is still there: try its home page.</p></main></body></html>`;

/**
 * The redirect as a Fetch `Response` (Remix routes).
 *
 * @example return shareLinkResponse(ctx, { slug: params.slug, method: request.method, … });
 * @returns a 302 with Location, or a 404 HTML page.
 */
export async function shareLinkResponse(ctx: RedirectContext, hit: ShareLinkHit): Promise<Response> {
  const answer = await shareLinkRedirect(ctx, hit);
  if (answer.status === 404) {
    return new Response(NOT_FOUND_HTML, { status: 404, headers: { ...REDIRECT_HEADERS, "content-type": "text/html; charset=utf-8" } });
  }
  return new Response(null, { status: 302, headers: { ...REDIRECT_HEADERS, location: answer.location } });
}
