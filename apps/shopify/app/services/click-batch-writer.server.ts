/**
 * Writes batches of queued clicks, one transaction per shop: classify (bot, 60-minute
 * de-duplication against the visitor's last counted click on the link, cached), insert in
 * statements of `maxBatch` clicks (yielding to the event loop in between), then add the rollup
 * rows once for the whole batch. Fewer, larger batches keep the database's share of a click
 * small: a popular link's rollup row is updated once per batch, not once per statement.
 *
 * The de-duplication cache is per writer: with several app instances behind a load balancer,
 * route a link's traffic sticky or accept that a repeat within the hour may count once per instance.
 */
import { classifyClick, clickRollup, type Click, type RollupRow } from "@icr/metrics";
import type { Db } from "../db.server";
import { insertClicks, lastCountedAtMany, type StoredClick } from "../models/clicks.server";
import { addRollups } from "../models/rollups.server";

export interface ClickToRecord extends Click {
  linkId: string;
}

/** A click waiting to be written, with the shop it belongs to. */
export interface PendingClick {
  shopId: number;
  timezone: string;
  click: ClickToRecord;
}

/** What writing a batch did: clicks written, and the clicks of the shops whose write failed. */
export interface WriteOutcome {
  written: number;
  failed: PendingClick[];
  errors: unknown[];
}

/** Where a recorder sends its batches: this writer in-process, or a worker thread running one. */
export interface ClickWriter {
  write(batch: PendingClick[]): Promise<WriteOutcome>;
  close(): Promise<void>;
}

export interface ClickBatchWriterOptions {
  /** Clicks per insert statement. */
  maxBatch?: number;
  /** Visitor+link entries kept for de-duplication before the oldest are dropped. */
  cacheSize?: number;
}

/** Writes click batches to the database in this thread. */
export class ClickBatchWriter implements ClickWriter {
  private readonly lastCounted = new Map<string, number>();
  private readonly maxBatch: number;
  private readonly cacheSize: number;

  constructor(
    private readonly db: Db,
    options: ClickBatchWriterOptions = {},
  ) {
    // 100 clicks per statement: with 500 the synchronous work around each statement (classify,
    // build the arrays, read the ids back) held the redirects long enough to double their p99.
    this.maxBatch = options.maxBatch ?? 100;
    this.cacheSize = options.cacheSize ?? 100_000;
  }

  /**
   * Writes a batch, each shop's clicks in their own transaction.
   *
   * @example const { written, failed } = await writer.write(batch);
   * @returns how many clicks were written (a retried click already stored is not counted again),
   *   and the clicks of every shop whose transaction failed, with the errors. Never rejects.
   */
  async write(batch: PendingClick[]): Promise<WriteOutcome> {
    const byShop = new Map<number, PendingClick[]>();
    for (const p of batch) {
      const list = byShop.get(p.shopId);
      if (list) list.push(p);
      else byShop.set(p.shopId, [p]);
    }
    const outcome: WriteOutcome = { written: 0, failed: [], errors: [] };
    for (const [shopId, pending] of byShop) {
      pending.sort((a, b) => a.click.at - b.click.at || (a.click.id < b.click.id ? -1 : 1));
      try {
        outcome.written += await this.writeShop(shopId, pending);
      } catch (error) {
        outcome.errors.push(error);
        outcome.failed.push(...pending);
      }
    }
    return outcome;
  }

  /** Nothing to release: the database belongs to the caller. */
  async close(): Promise<void> {}

  private async writeShop(shopId: number, sorted: PendingClick[]): Promise<number> {
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
