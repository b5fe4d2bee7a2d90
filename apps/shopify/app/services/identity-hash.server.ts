/**
 * Salted hashes of people: customers, influencers and visitors are stored only as HMAC-SHA256
 * under the shop's own salt, so equal inputs compare equal inside one shop and nowhere else.
 */
import { createHmac } from "node:crypto";
import { normalizeEmail } from "@icr/metrics";

function hmac(salt: string, purpose: string, value: string): string {
  return createHmac("sha256", salt).update(purpose).update("\u0000").update(value).digest("hex");
}

/**
 * Hash of an email after `normalizeEmail` (trim, lower-case, `+tag` removed), so an influencer's
 * email and a customer's compare equal for self-referral.
 *
 * @example hashEmail(shop.salt, " Alice+promo@Example.com ") === hashEmail(shop.salt, "alice@example.com") // true
 * @returns a 64-character hex hash, or undefined for an empty/blank/invalid email.
 */
export function hashEmail(salt: string, email: string | null | undefined): string | undefined {
  if (!email || email.trim() === "") return undefined;
  const normalized = normalizeEmail(email);
  return normalized ? hmac(salt, "email", normalized) : undefined;
}

/**
 * Hash of a Shopify customer id (numeric or gid form give the same hash).
 *
 * @example hashCustomerId(shop.salt, "gid://shopify/Customer/207119551") === hashCustomerId(shop.salt, "207119551") // true
 * @returns a 64-character hex hash, or undefined for an empty id.
 */
export function hashCustomerId(salt: string, id: string | number | null | undefined): string | undefined {
  if (id === null || id === undefined || String(id).trim() === "") return undefined;
  return hmac(salt, "customer", legacyId(String(id)));
}

/**
 * The visitor key of a click: IP and user agent, never stored raw.
 *
 * @example hashVisitor(shop.salt, "203.0.113.7", "Mozilla/5.0 …")
 * @returns a 64-character hex hash (an empty IP and user agent still hash, to one shared visitor).
 */
export function hashVisitor(salt: string, ip: string, userAgent: string): string {
  return hmac(salt, "visitor", `${ip}\u0000${userAgent}`);
}

/**
 * The numeric id inside a Shopify gid (`gid://shopify/Order/123` → `123`); other strings unchanged.
 *
 * @example legacyId("gid://shopify/Order/450789469") // "450789469"
 * @returns the input when it is not a gid; "" for "".
 */
export function legacyId(id: string): string {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/([^/?]+)/.exec(id);
  return match?.[1] ?? id;
}
