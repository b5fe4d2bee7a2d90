// Letters and digits of any script plus . _ - : what Instagram, TikTok and YouTube handles allow.
const HANDLE = /^[\p{L}\p{N}._-]+$/u;
// Slugs travel in /r/{slug} URLs unescaped, so they stay URL-safe.
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*$/u;

/**
 * An influencer handle as typed, trimmed and without the leading "@" people often write.
 *
 * @example
 * cleanHandle(" @alice "); // "alice"
 * cleanHandle("");         // ""
 */
export function cleanHandle(text: string): string {
  return text.trim().replace(/^@/u, "");
}

/**
 * Whether `handle` is usable as an influencer handle: letters, digits, ".", "_", "-" only.
 *
 * @example
 * isHandle("alice.b_1"); // true
 * isHandle("a b");       // false
 * isHandle("");          // false
 */
export function isHandle(handle: string): boolean {
  return HANDLE.test(handle);
}

/**
 * Whether `slug` is usable as a share-link slug in `/r/{slug}`: ASCII letters, digits, "-", "_",
 * starting with a letter or digit.
 *
 * @example
 * isSlug("alice-spring"); // true
 * isSlug("-x");           // false
 * isSlug("");             // false
 */
export function isSlug(slug: string): boolean {
  return SLUG.test(slug);
}
