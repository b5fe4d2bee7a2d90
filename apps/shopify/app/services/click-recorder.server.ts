/**
 * Click writes off the redirect's path: `record` queues a click in memory, and the queue goes to
 * the writer in batches (every `flushIntervalMs`, when `flushAt` clicks are waiting, and on
 * shutdown). A batch whose write failed is queued again, up to `maxBuffered` clicks.
 */
import type { ClickToRecord, ClickWriter, PendingClick, WriteOutcome } from "./click-batch-writer.server";

export interface ClickRecorderOptions {
  flushIntervalMs?: number;
  /** Clicks waiting that start a flush before the interval is up. */
  flushAt?: number;
  /** Clicks kept in memory while the database is failing, before the oldest are dropped (and logged). */
  maxBuffered?: number;
  onError?: (error: unknown) => void;
}

/** Buffers clicks and hands them to the writer in batches; `record` never waits for the database. */
export class ClickRecorder {
  private buffer: PendingClick[] = [];
  private flushing: Promise<number> = Promise.resolve(0);
  /** The flush queued behind the running one and not started yet, if any. */
  private waiting: Promise<number> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly flushAt: number;
  private readonly maxBuffered: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly writer: ClickWriter,
    options: ClickRecorderOptions = {},
  ) {
    this.flushAt = options.flushAt ?? 5_000;
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
   * Stops the timer, writes what is left and closes the writer (shutdown).
   *
   * @example onShutdown(() => recorder.close());
   * @returns once the last flush finished and the writer closed.
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.writer.close();
  }

  private async writeQueued(): Promise<number> {
    if (this.buffer.length === 0) return 0;
    const batch = this.buffer;
    this.buffer = [];
    let outcome: WriteOutcome;
    try {
      outcome = await this.writer.write(batch);
    } catch (error) {
      // The writer itself failed (a worker that died): nothing of the batch is known written.
      outcome = { written: 0, failed: batch, errors: [error] };
    }
    for (const error of outcome.errors) this.onError(error);
    if (outcome.failed.length > 0) this.requeue(outcome.failed);
    return outcome.written;
  }

  private requeue(pending: PendingClick[]): void {
    this.buffer = [...pending, ...this.buffer];
    const excess = this.buffer.length - this.maxBuffered;
    if (excess > 0) {
      this.buffer.splice(0, excess);
      this.onError(new Error(`click buffer full: dropped the ${excess} oldest clicks`));
    }
  }
}
