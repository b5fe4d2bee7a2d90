/**
 * Per-address token buckets for the public endpoints: each address may burst up to `capacity`
 * requests, then `refillPerSecond` more each second. Buckets that have refilled completely carry
 * no information, so they are the ones dropped when too many addresses are tracked.
 */

export interface TokenBucketOptions {
  /** Requests an address may make at once. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Addresses tracked before idle buckets are pruned (default 50,000). */
  maxAddresses?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #maxAddresses: number;

  /**
   * @example const limiter = new TokenBucketLimiter({ capacity: 120, refillPerSecond: 2 });
   * @returns a limiter with no history; throws RangeError for a capacity below 1 or a refill ≤ 0.
   */
  constructor(options: TokenBucketOptions) {
    if (!(Number.isFinite(options.capacity) && options.capacity >= 1)) throw new RangeError(`capacity must be ≥ 1, got ${options.capacity}`);
    if (!(Number.isFinite(options.refillPerSecond) && options.refillPerSecond > 0)) {
      throw new RangeError(`refillPerSecond must be > 0, got ${options.refillPerSecond}`);
    }
    this.#capacity = options.capacity;
    this.#refillPerMs = options.refillPerSecond / 1000;
    this.#maxAddresses = options.maxAddresses ?? 50_000;
  }

  /**
   * Takes one token for `address`.
   *
   * @example limiter.take("203.0.113.7", Date.now()); // { allowed: true }
   * @returns allowed, or refused with the whole seconds until a token is back (at least 1).
   */
  take(address: string, now: number): RateDecision {
    const bucket = this.#buckets.get(address) ?? { tokens: this.#capacity, at: now };
    const tokens = Math.min(this.#capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.#refillPerMs);
    if (tokens < 1) {
      this.#buckets.set(address, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#refillPerMs / 1000)) };
    }
    if (!this.#buckets.has(address) && this.#buckets.size >= this.#maxAddresses) this.#prune(now);
    this.#buckets.set(address, { tokens: tokens - 1, at: now });
    return { allowed: true };
  }

  /** Forgets buckets that are full again; if none is, the oldest half (the Map's first keys). */
  #prune(now: number): void {
    for (const [address, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(address);
    }
    if (this.#buckets.size < this.#maxAddresses) return;
    let drop = Math.ceil(this.#buckets.size / 2);
    for (const address of this.#buckets.keys()) {
      if (drop-- <= 0) break;
      this.#buckets.delete(address);
    }
  }

  /** How many addresses are tracked. */
  get size(): number {
    return this.#buckets.size;
  }
}
