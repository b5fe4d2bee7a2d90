/**
 * App-proxy signatures: Shopify signs the query string it forwards. Remove `signature`, sort the
 * remaining parameters by name, write each as `name=value` (repeated names: values joined by ","),
 * concatenate with no separator, HMAC-SHA256 with the app secret, hex.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

function message(params: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  return [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${(grouped.get(key) ?? []).join(",")}`)
    .join("");
}

/**
 * The signature Shopify would send for these query parameters.
 *
 * @example signAppProxyQuery(new URLSearchParams("shop=demo.myshopify.com&timestamp=1"), secret)
 * @returns lower-case hex; for no parameters, the HMAC of the empty string.
 */
export function signAppProxyQuery(params: URLSearchParams, secret: string): string {
  return createHmac("sha256", secret).update(message(params)).digest("hex");
}

/**
 * Checks an app-proxy request's `signature` in constant time, and that it is recent when a
 * `timestamp` is present (replays of an old signed URL are refused).
 *
 * @example verifyAppProxySignature(new URL(request.url).searchParams, secret, Date.now())
 * @returns false for a missing or wrong signature, an empty secret, or a timestamp older than `maxAgeSeconds`.
 */
export function verifyAppProxySignature(params: URLSearchParams, secret: string, now: number, maxAgeSeconds = 24 * 3600): boolean {
  const given = params.get("signature");
  if (!given || !secret || !/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = Buffer.from(signAppProxyQuery(params, secret), "hex");
  if (!timingSafeEqual(Buffer.from(given.toLowerCase(), "hex"), expected)) return false;
  const timestamp = params.get("timestamp");
  if (timestamp === null) return true;
  const seconds = Number(timestamp);
  return Number.isFinite(seconds) && Math.abs(now / 1000 - seconds) <= maxAgeSeconds;
}
