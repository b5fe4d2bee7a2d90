/**
 * Slows down token guessing: each client address has a small budget of failed portal lookups that
 * refills slowly; when it is spent, every lookup from that address is refused (429) until it
 * refills, whether the next guess would be right or not. Successful lookups cost nothing, so an
 * influencer opening their own link is never held back.
 *
 * The budget is per process (like the click de-duplication cache): with N instances an attacker
 * gets N budgets, which still leaves guessing a 256-bit token hopeless.
 */

export interface FailureLimiterOptions {
  /** Failures allowed in a burst. */
  capacity: number;
  /** One failure is forgiven every `refillMs`. */
  refillMs: number;
  /** Addresses remembered at most (memory bound); fully refilled ones are forgotten first. */
  maxKeys: number;
}

interface Budget {
  tokens: number;
  at: number;
}

export class FailureLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private readonly options: FailureLimiterOptions = { capacity: 10, refillMs: 60_000, maxKeys: 50_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Seconds the address must wait before its next lookup.
   *
   * @example if (limiter.retryAfter(ip) > 0) return new Response("Too many attempts", { status: 429 });
   * @returns 0 when a lookup is allowed (always for an address never seen).
   */
  retryAfter(key: string): number {
    const tokens = this.tokensOf(key);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * this.options.refillMs) / 1000);
  }

  /**
   * Spends one failure from the address's budget.
   *
   * @example limiter.recordFailure(ip);
   * @returns nothing; the budget never goes below 0.
   */
  recordFailure(key: string): void {
    const tokens = Math.max(0, this.tokensOf(key) - 1);
    this.budgets.delete(key); // re-insert: Map order is then least recently failed first
    this.budgets.set(key, { tokens, at: this.now() });
    if (this.budgets.size > this.options.maxKeys) this.evict();
  }

  private tokensOf(key: string): number {
    const budget = this.budgets.get(key);
    if (!budget) return this.options.capacity;
    const refilled = budget.tokens + (this.now() - budget.at) / this.options.refillMs;
    return Math.min(this.options.capacity, refilled);
  }

  private evict(): void {
    for (const key of this.budgets.keys()) {
      if (this.tokensOf(key) >= this.options.capacity) this.budgets.delete(key);
    }
    // Still full of blocked addresses: forget the least recently failed ones.
    for (const key of this.budgets.keys()) {
      if (this.budgets.size <= this.options.maxKeys) break;
      this.budgets.delete(key);
    }
  }
}

/** The process-wide limiter of portal token lookups. */
export const portalLookupLimiter = new FailureLimiter();
