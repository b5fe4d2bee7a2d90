/**
 * A client-side model of Shopify's GraphQL cost bucket (per shop): before a request, wait until
 * the bucket has restored enough points for its expected cost; after it, adopt the server's own
 * `throttleStatus`, which is the truth.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private maximum: number;
  private restoreRate: number;
  private at: number;

  constructor(
    status: ThrottleStatus = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 },
    private readonly now: () => number = Date.now,
  ) {
    this.maximum = status.maximumAvailable;
    this.available = status.currentlyAvailable;
    this.restoreRate = status.restoreRate;
    this.at = now();
  }

  /** Points available now, counting what has restored since the last update. */
  currentlyAvailable(): number {
    const elapsed = (this.now() - this.at) / 1000;
    return Math.min(this.maximum, this.available + elapsed * this.restoreRate);
  }

  /**
   * How long to wait before spending `cost` points.
   *
   * @example bucket.delayFor(50) // 0 when 50 points are available
   * @returns milliseconds (0 when available); a cost above the maximum waits for a full bucket.
   */
  delayFor(cost: number): number {
    const needed = Math.min(cost, this.maximum) - this.currentlyAvailable();
    return needed <= 0 ? 0 : Math.ceil((needed / this.restoreRate) * 1000);
  }

  /**
   * Takes `cost` points (optimistically, until the response says what was really spent).
   *
   * @example bucket.spend(50);
   * @returns nothing; the balance may go below 0 when requests overlap.
   */
  spend(cost: number): void {
    this.available = this.currentlyAvailable() - cost;
    this.at = this.now();
  }

  /**
   * Adopts the server's view from a response's `extensions.cost.throttleStatus`.
   *
   * @example bucket.update(body.extensions.cost.throttleStatus);
   * @returns nothing.
   */
  update(status: ThrottleStatus): void {
    this.maximum = status.maximumAvailable;
    this.available = status.currentlyAvailable;
    this.restoreRate = status.restoreRate > 0 ? status.restoreRate : this.restoreRate;
    this.at = this.now();
  }
}
