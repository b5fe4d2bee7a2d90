/**
 * A small least-recently-used cache with a time to live, for the public API's answers: a Map keeps
 * insertion order, so re-inserting on a hit moves an entry to the end and the first key is the
 * least recently used. Each entry remembers its shop, so publishing or unpublishing drops exactly
 * that shop's answers.
 */

interface Entry<V> {
  value: V;
  shopId: number | null;
  expiresAt: number;
}

export interface LruCacheOptions {
  /** Most entries kept; the least recently used goes first when full. */
  maxEntries: number;
  /** How long an entry is served, in milliseconds. */
  ttlMs: number;
}

export class LruCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;

  /**
   * @example const cache = new LruCache<string>({ maxEntries: 1000, ttlMs: 30_000 });
   * @returns an empty cache; throws RangeError for a size below 1 or a negative TTL.
   */
  constructor(options: LruCacheOptions) {
    if (!(Number.isInteger(options.maxEntries) && options.maxEntries >= 1)) {
      throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${options.maxEntries}`);
    }
    if (!(Number.isFinite(options.ttlMs) && options.ttlMs >= 0)) throw new RangeError(`ttlMs must be ≥ 0, got ${options.ttlMs}`);
    this.#maxEntries = options.maxEntries;
    this.#ttlMs = options.ttlMs;
  }

  /**
   * The fresh value under `key`, marking it most recently used.
   *
   * @example cache.get("pk_1|rate|scope=overall", Date.now());
   * @returns the value, or undefined when absent or expired (an expired entry is dropped).
   */
  get(key: string, now: number): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= now) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores a value for the TTL, evicting the least recently used entry when full.
   *
   * @example cache.set(key, answer, shop.id, Date.now());
   * @returns nothing.
   */
  set(key: string, value: V, shopId: number | null, now: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, shopId, expiresAt: now + this.#ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /**
   * Drops every entry of one shop (after its publications changed).
   *
   * @example cache.invalidateShop(shop.id);
   * @returns how many entries were dropped; 0 when the shop had none.
   */
  invalidateShop(shopId: number): number {
    let dropped = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.shopId === shopId) {
        this.#entries.delete(key);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** How many entries are held (fresh or not yet noticed as expired). */
  get size(): number {
    return this.#entries.size;
  }
}
