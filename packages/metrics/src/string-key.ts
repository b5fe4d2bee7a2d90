/*
 * Hashing and storage helpers shared by the string tables of the attribution hot path.
 */

/**
 * A 32-bit hash of a string: FNV-1a over its UTF-16 code units, two at a time (half the dependent
 * multiplications on the hot path), mixed at the end so linear probing sees well-spread low bits.
 *
 * @example
 * hashKey("alice") === hashKey("alice"); // true
 * hashKey("");                           // a fixed number
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5 ^ key.length;
  const even = key.length & ~1;
  for (let j = 0; j < even; j += 2) h = Math.imul(h ^ (key.charCodeAt(j) | (key.charCodeAt(j + 1) << 16)), 0x01000193);
  if (even < key.length) h = Math.imul(h ^ key.charCodeAt(even), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/**
 * Whether every character fits in one byte (U+0000-U+00FF), so the key can be stored inline.
 *
 * @example
 * isLatin1("café"); // true
 * isLatin1("中文");  // false
 * isLatin1("");     // true
 */
export function isLatin1(key: string): boolean {
  for (let j = 0; j < key.length; j++) if (key.charCodeAt(j) > 0xff) return false;
  return true;
}
