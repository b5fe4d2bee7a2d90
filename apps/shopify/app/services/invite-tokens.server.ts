/**
 * Portal invite tokens: 32 random bytes (256 bits) as base64url, given to the influencer once and
 * stored only as their SHA-256. A stolen database therefore holds nothing that opens a portal.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in a token (the brief asks for at least 128 bits; 256 leaves no doubt). */
export const INVITE_TOKEN_BYTES = 32;

// 32 bytes are 43 base64url characters (no padding).
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const HASH_SHAPE = /^[0-9a-f]{64}$/;

/**
 * A new random invite token.
 *
 * @example const token = newInviteToken(); // "q3V0…" (43 characters)
 * @returns 43 base64url characters; never the same twice (256 random bits).
 */
export function newInviteToken(): string {
  return randomBytes(INVITE_TOKEN_BYTES).toString("base64url");
}

/**
 * Whether a string has the shape of a token (before any lookup: junk never reaches the database).
 *
 * @example isWellFormedToken("not a token") // false
 * @returns false for "", wrong length, or characters outside base64url.
 */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * The stored form of a token: SHA-256, lower-case hex. A plain hash is enough (no salt, no
 * stretching) because the token is 256 random bits, not a password a person chose.
 *
 * @example hashInviteToken(token) // "9f86d0…" (64 hex characters)
 * @returns the hex digest; for "" the SHA-256 of the empty string (callers check the shape first).
 */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Compares two token hashes in constant time (the time taken says nothing about where they differ).
 *
 * @example sameTokenHash(hashInviteToken(token), stored) // true
 * @returns false when either is not a 64-hex-character hash, or they differ.
 */
export function sameTokenHash(a: string, b: string): boolean {
  if (!HASH_SHAPE.test(a) || !HASH_SHAPE.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
