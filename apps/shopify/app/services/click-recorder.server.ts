/**
 * Click writes off the redirect's path: clicks wait in memory and are written in batches (every
 * `flushIntervalMs`, when `flushAt` clicks are waiting, and on shutdown). Each shop's part of a
 * batch is one transaction: classify (bot, 60-minute de-duplication against the visitor's last
 * counted click on the link, cached), insert in statements of `maxBatch` clicks (yielding to the
 * redirects in between), then add the rollup rows once for the whole batch. Fewer, larger batches
 * are what keeps the database's share of a click small: a popular link's rollup row is updated
 * once per flush, not once per statement.
 *
 * The de-duplication cache is per process: with several app instances behind a load balancer,
 * route a link's traffic sticky or accept that a repeat within the hour may count once per instance.
 */
import { classifyClick, clickRollup, type Click, type RollupRow } from "@icr/metrics";
import type { Db } from "../db.server";
import { insertClicks, lastCountedAtMany, type StoredClick } from "../models/clicks.server";
import { addRollups } from "../models/rollups.server";

export interface ClickToRecord extends Click {
  linkId: string;
}

export interface ClickRecorderOptions {
  flushIntervalMs?: number;
  /** Clicks waiting that start a flush before the interval is up. */
  flushAt?: number;
  /** Clicks per insert statement. */
  maxBatch?: number;
  /** Visitor+link entries kept for de-duplication before the oldest are dropped. */
  cacheSize?: number;
  /** Clicks kept in memory while the database is failing, before the oldest are dropped (and logged). */
  maxBuffered?: number;
  onError?: (error: unknown) => void;
}

interface Pending {
  shopId: number;
  timezone: string;
  click: ClickToRecord;
}

/** Buffers clicks and writes them in batches; `record` never waits for the database. */
export class ClickRecorder {
  private buffer: Pending[] = [];
  private readonly lastCounted = new Map<string, number>();
  private flushing: Promise<number> = Promise.resolve(0);
  /** The flush queued behind the running one and not started yet, if any. */
  private waiting: Promise<number> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly flushAt: number;
  private readonly maxBatch: number;
  private readonly cacheSize: number;
  private readonly maxBuffered: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Db,
    options: ClickRecorderOptions = {},
  ) {
    // 100 clicks per statement: with 500 the synchronous work around each statement (classify,
    // build the arrays, read the ids back) held the redirects long enough to double their p99.
    this.maxBatch = options.maxBatch ?? 100;
    this.flushAt = options.flushAt ?? 5_000;
    this.cacheSize = options.cacheSize ?? 100_000;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.onError = options.onError ?? ((error) => console.error("click flush failed:", String(error instanceof Error ? error.message : error).slice(0, 500)));
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 250);
    this.timer.unref();
  }

  /**
   * Queues a click (synchronously; the redirect answers right away).
   *
   * @example recorder.record({ id: shop.id, timezone: shop.timezone }, click);
   * @returns nothing; a full batch starts a flush in the background.
   */
  record(shop: { id: number; timezone: string }, click: ClickToRecord): void {
    this.buffer.push({ shopId: shop.id, timezone: shop.timezone, click });
    if (this.buffer.length >= this.flushAt) void this.flush();
  }

  /** Clicks waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /**
   * Writes everything queued so far (flushes run one at a time, in order).
   *
   * @example await recorder.flush();
   * @returns how many clicks were written; 0 when none were queued. Never rejects: failures are
   *   reported to `onError` and the clicks are queued again.
   */
  flush(): Promise<number> {
    // A flush that has not started yet takes everything queued by the time it starts, so callers
    // share it: under load every `record` past a full batch asks for a flush, and chaining one per
    // click would queue a promise per click behind the running flush.
    if (this.waiting) return this.waiting;
    const next = this.flushing.then(() => {
      this.waiting = undefined;
      return this.writeQueued();
    });
    this.waiting = next;
    this.flushing = next;
    return next;
  }

  /**
   * Stops the timer and writes what is left (shutdown).
   *
   * @example onShutdown(() => recorder.close());
   * @returns once the last flush finished.
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeQueued(): Promise<number> {
    if (this.buffer.length === 0) return 0;
    const batch = this.buffer;
    this.buffer = [];
    const byShop = new Map<number, Pending[]>();
    for (const p of batch) {
      const list = byShop.get(p.shopId);
      if (list) list.push(p);
      else byShop.set(p.shopId, [p]);
    }
    let written = 0;
    for (const [shopId, pending] of byShop) {
      pending.sort((a, b) => a.click.at - b.click.at || (a.click.id < b.click.id ? -1 : 1));
      try {
        written += await this.writeShop(shopId, pending);
      } catch (error) {
        this.onError(error);
        this.requeue(pending);
      }
    }
    return written;
  }

  private async writeShop(shopId: number, sorted: Pending[]): Promise<number> {
    const timezone = sorted[0]?.timezone ?? "UTC";
    const counted = new Map<string, number>();
    const inserted = await this.db.transaction(async (tx) => {
      // One query for every link+visitor the cache does not know yet.
      const keys = sorted.map(({ click }) => `${shopId}\u0000${click.linkId}\u0000${click.visitor}`);
      const unknown = new Map<string, { linkId: string; visitor: string }>();
      sorted.forEach(({ click }, i) => {
        const key = keys[i]!;
        if (!this.lastCounted.has(key)) unknown.set(key, { linkId: click.linkId, visitor: click.visitor });
      });
      const latest = sorted[sorted.length - 1]?.click.at ?? 0;
      const stored = await lastCountedAtMany(tx, shopId, [...unknown.values()], latest);
      const rollupRows: RollupRow[] = [];
      let fresh = 0;
      for (let start = 0; start < sorted.length; start += this.maxBatch) {
        // Statements of maxBatch clicks, each classified just before it, yielding in between: a
        // large flush must not hold up the redirects (PGlite runs a statement without yielding).
        await new Promise<void>((resolve) => setImmediate(resolve));
        const chunk: StoredClick[] = [];
        for (let i = start; i < Math.min(start + this.maxBatch, sorted.length); i++) {
          const { click } = sorted[i]!;
          const key = keys[i]!;
          const last = counted.get(key) ?? this.lastCounted.get(key) ?? stored.get(`${click.linkId}\u0000${click.visitor}`);
          const c = classifyClick(click, last);
          if (c.counted) counted.set(key, c.at);
          else if (last !== undefined) counted.set(key, last);
          chunk.push(c);
        }
        const ids = new Set(await insertClicks(tx, shopId, chunk));
        fresh += ids.size;
        // A retried batch re-inserts nothing and must not count twice in the rollups.
        rollupRows.push(...rollupOfClicks(chunk.filter((c) => ids.has(c.id)), timezone));
      }
      await addRollups(tx, shopId, rollupRows);
      return fresh;
    });
    for (const [key, at] of counted) this.remember(key, at);
    return inserted;
  }

  private remember(key: string, at: number): void {
    this.lastCounted.delete(key);
    this.lastCounted.set(key, at);
    if (this.lastCounted.size > this.cacheSize) {
      const oldest = this.lastCounted.keys().next().value;
      if (oldest !== undefined) this.lastCounted.delete(oldest);
    }
  }

  private requeue(pending: Pending[]): void {
    this.buffer = [...pending, ...this.buffer];
    const excess = this.buffer.length - this.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.onError(new Error(`click buffer full: dropped the ${excess} oldest clicks`));
    }
  }
}

/**
 * The rollup rows of many clicks, from `clickRollup` once per group of clicks that land in the same
 * rows, times the group's size (a flush's clicks share a few links, countries and devices). Clicks
 * of one minute share a day in every time zone in use (offsets are whole minutes).
 */
function rollupOfClicks(clicks: StoredClick[], timezone: string): RollupRow[] {
  const groups = new Map<string, { click: StoredClick; n: number }>();
  for (const c of clicks) {
    if (!c.bot && !c.counted) continue;
    const key = `${Math.floor(c.at / 60_000)}\u0000${c.influencerId}\u0000${c.campaign ?? ""}\u0000${c.country ?? ""}\u0000${c.device ?? ""}\u0000${c.bot}`;
    const group = groups.get(key);
    if (group) group.n++;
    else groups.set(key, { click: c, n: 1 });
  }
  const rows: RollupRow[] = [];
  for (const { click, n } of groups.values()) {
    for (const row of clickRollup(click, timezone)) rows.push({ ...row, clicks: row.clicks * n, botClicks: row.botClicks * n });
  }
  return rows;
}
