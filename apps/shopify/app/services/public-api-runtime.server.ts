/**
 * The process-wide public API context: one answer cache and one rate limiter, configured from the
 * environment, and the cache told to forget a shop whenever its publications change.
 *
 * - `ICR_PUBLIC_RATE_LIMIT`: requests per minute one address may make (a bucket of that many,
 *   refilled evenly over the minute); default 300. Tests set it low; the benchmark raises it.
 * - `ICR_PUBLIC_CACHE_TTL_MS`: how long a computed answer is reused; default 30,000 ms.
 */
import { getDb } from "../db.server";
import type { CachedAnswer, PublicApiContext } from "./public-api.server";
import { LruCache } from "./public-cache.server";
import { onPublicationsChanged } from "./public-publications.server";
import { TokenBucketLimiter } from "./public-rate-limit.server";

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * The limiter settings the environment asks for.
 *
 * @example publicRateLimitFromEnv(); // { capacity: 300, refillPerSecond: 5 }
 * @returns capacity and refill; throws an Error naming the variable when it is not a positive number.
 */
export function publicRateLimitFromEnv(): { capacity: number; refillPerSecond: number } {
  const perMinute = positive("ICR_PUBLIC_RATE_LIMIT", 300);
  return { capacity: perMinute, refillPerSecond: perMinute / 60 };
}

let shared: Promise<PublicApiContext> | undefined;

/**
 * The shared context (created on first use).
 *
 * @example const ctx = await publicApiContext();
 * @returns the context; its cache drops a shop's answers when `setPublished` changes them.
 */
export function publicApiContext(): Promise<PublicApiContext> {
  shared ??= (async () => {
    const cache = new LruCache<CachedAnswer>({ maxEntries: 5000, ttlMs: positive("ICR_PUBLIC_CACHE_TTL_MS", 30_000) });
    onPublicationsChanged((shopId) => cache.invalidateShop(shopId));
    return { db: await getDb(), cache, limiter: new TokenBucketLimiter(publicRateLimitFromEnv()), now: Date.now };
  })();
  return shared;
}
