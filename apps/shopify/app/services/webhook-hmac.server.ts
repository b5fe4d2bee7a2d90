/** Shopify webhook signatures: base64 HMAC-SHA256 of the raw body, keyed by the app's API secret. */
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signature Shopify sends in X-Shopify-Hmac-Sha256 for this body.
 *
 * @example signWebhookBody('{"id":1}', "secret") // base64 string, 44 characters
 * @returns the base64 digest; for an empty body, the digest of the empty string.
 */
export function signWebhookBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/**
 * Checks a webhook signature in constant time against the body exactly as received (re-serializing
 * parsed JSON would change the bytes and the digest).
 *
 * @example verifyWebhookHmac(body, request.headers.get("x-shopify-hmac-sha256"), secret)
 * @returns false for a missing, malformed or wrong signature, or an empty secret.
 */
export function verifyWebhookHmac(rawBody: string | Uint8Array, header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(header, "base64");
  // A wrong length would make timingSafeEqual throw; it reveals nothing the header does not already say.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
