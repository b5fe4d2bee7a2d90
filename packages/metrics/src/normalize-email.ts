/**
 * The comparable form of an email address, used to detect self-referral: trimmed, lower-cased, and
 * without a `+tag` in the local part (`Alice+promo@Example.com` and `alice@example.com` are one
 * person). Returns undefined for empty or invalid input (no single `@`, an empty local part or
 * domain, or whitespace inside), so a missing email never equals another missing email.
 *
 * @example
 * normalizeEmail("  Alice+IG@Example.COM "); // "alice@example.com"
 * normalizeEmail("not-an-email");           // undefined
 * normalizeEmail("");                       // undefined
 */
export function normalizeEmail(email: string | null | undefined): string | undefined {
  if (typeof email !== "string") return undefined;
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.indexOf("@");
  if (at <= 0 || at !== trimmed.lastIndexOf("@") || at === trimmed.length - 1) return undefined;
  if (/\s/.test(trimmed)) return undefined;
  const plus = trimmed.indexOf("+");
  const local = plus >= 0 && plus < at ? trimmed.slice(0, plus) : trimmed.slice(0, at);
  if (local === "") return undefined;
  const domain = trimmed.slice(at + 1);
  if (domain.startsWith(".") || domain.endsWith(".") || domain.includes("..")) return undefined;
  return `${local}@${domain}`;
}
