/**
 * `POST /pixel/{shopPublicKey}`: the web pixel's beacon. The pixel sends `text/plain` JSON (a
 * beacon cannot set a JSON content type without a preflight), so the body is parsed whatever its
 * type. Answers are tiny; the sandboxed pixel ignores them except in tests.
 */
import type { Db } from "../db.server";
import { findShopByPublicKey } from "../models/shops.server";
import { pixelEventSchema, recordPixelEvent } from "./pixel.server";
import { TokenBucketLimiter } from "./public-rate-limit.server";
import { loadShopContext } from "./shop-context.server";

/** Largest body accepted: an event is about 250 bytes. */
export const PIXEL_MAX_BODY_BYTES = 2048;

export interface PixelEndpointContext {
  db: Db;
  limiter: TokenBucketLimiter;
  now(): number;
}

export interface PixelRequest {
  method: string;
  shopKey: string;
  body: string;
  clientAddress: string;
}

export interface PixelResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "Content-Type",
  "access-control-max-age": "86400",
};

function json(status: number, value: unknown, extra: Record<string, string> = {}): PixelResponse {
  return { status, headers: { ...CORS, "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extra }, body: JSON.stringify(value) };
}
const error = (status: number, code: string, message: string, extra?: Record<string, string>) => json(status, { error: { code, message } }, extra);

/**
 * Answers one pixel request.
 *
 * @example await answerPixel(ctx, { method: "POST", shopKey, body: '{"eventId":"e1",…}', clientAddress: "203.0.113.7" });
 * @returns 202 `{ stored }`, 204 for OPTIONS, or a JSON error: 400 (bad body), 404 (unknown key), 405, 413, 429.
 */
export async function answerPixel(ctx: PixelEndpointContext, request: PixelRequest): Promise<PixelResponse> {
  if (request.method === "OPTIONS") return { status: 204, headers: CORS, body: null };
  if (request.method !== "POST") return error(405, "bad_request", "The pixel endpoint takes POST only.", { allow: "POST, OPTIONS" });
  const now = ctx.now();
  const decision = ctx.limiter.take(request.clientAddress, now);
  if (!decision.allowed) {
    return error(429, "rate_limited", "Too many events from this address.", { "retry-after": String(decision.retryAfterSeconds) });
  }
  if (Buffer.byteLength(request.body) > PIXEL_MAX_BODY_BYTES) return error(413, "bad_request", `The body must be at most ${PIXEL_MAX_BODY_BYTES} bytes.`);
  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch {
    return error(400, "bad_request", "The body must be JSON.");
  }
  const parsed = pixelEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".");
    const message = issue?.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : (issue?.message ?? "invalid event");
    return error(400, "bad_request", field && !message.includes(field) ? `${field}: ${message}` : message);
  }
  const shop = /^[A-Za-z0-9_-]{6,64}$/.test(request.shopKey) ? await findShopByPublicKey(ctx.db, request.shopKey) : null;
  if (!shop) return error(404, "not_found", "Shop not found.");
  try {
    const outcome = await recordPixelEvent(ctx.db, await loadShopContext(ctx.db, shop), parsed.data, now);
    return json(202, { stored: outcome.stored });
  } catch (e) {
    if (e instanceof RangeError) return error(400, "bad_request", e.message);
    throw e;
  }
}

let shared: PixelEndpointContext | undefined;

/**
 * The process-wide pixel context: `ICR_PIXEL_RATE_LIMIT` events per minute per address (default 600).
 *
 * @example const ctx = pixelEndpointContext(await getDb());
 * @returns the shared context (created on first call with that database).
 */
export function pixelEndpointContext(db: Db): PixelEndpointContext {
  if (!shared) {
    const perMinute = Number(process.env.ICR_PIXEL_RATE_LIMIT || 600);
    if (!(perMinute > 0)) throw new Error(`ICR_PIXEL_RATE_LIMIT must be a positive number, got ${process.env.ICR_PIXEL_RATE_LIMIT}`);
    shared = { db, limiter: new TokenBucketLimiter({ capacity: perMinute, refillPerSecond: perMinute / 60 }), now: Date.now };
  }
  return shared;
}
