import type { TextSink } from "./cli-io.js";

/** How long a run may stay silent before progress appears: short runs never flicker a line. */
export const PROGRESS_DELAY_MS = 1000;
/** Minimum time between two redraws, so a fast loop does not flood the terminal. */
const REDRAW_INTERVAL_MS = 100;
/** Look at the clock once per this many updates: `update` is called once per row. */
const CLOCK_CHECK_EVERY = 1024;

const CLEAR_LINE = "\r\u001b[K";
const countFormat = new Intl.NumberFormat("en-US");

/**
 * One self-overwriting status line on stderr ("reading orders.csv… 120,000 rows"), drawn only when
 * enabled (stderr is a terminal, or `--progress`) and only once the run has taken longer than
 * {@link PROGRESS_DELAY_MS}. `clear()` erases it, so the terminal ends up with the output alone.
 *
 * @example
 * const progress = new Progress(process.stderr, process.stderr.isTTY === true);
 * progress.phase("reading orders.csv", "rows");
 * for (const row of rows) progress.update(++count);
 * progress.clear(); // nothing was drawn if the run took under a second
 */
export class Progress {
  private readonly startedAt: number;
  private label = "";
  private unit = "";
  private calls = 0;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly sink: TextSink,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Starts a new step; the next draw shows its label. Draws at once if the run is already slow. */
  phase(label: string, unit: string): void {
    this.label = label;
    this.unit = unit;
    this.calls = 0;
    this.lastDrawAt = Number.NEGATIVE_INFINITY;
    this.draw(0);
  }

  /** Reports `count` items done in the current step; cheap enough to call once per row. */
  update(count: number): void {
    if (!this.enabled) return;
    this.calls += 1;
    if (this.calls % CLOCK_CHECK_EVERY !== 0) return;
    this.draw(count);
  }

  private draw(count: number): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.startedAt < PROGRESS_DELAY_MS) return;
    if (now - this.lastDrawAt < REDRAW_INTERVAL_MS) return;
    this.lastDrawAt = now;
    this.drawn = true;
    const amount = count > 0 ? ` ${countFormat.format(count)} ${this.unit}` : "";
    this.sink.write(`${CLEAR_LINE}${this.label}…${amount}`);
  }

  /** Erases the status line if one was drawn; safe to call more than once. */
  clear(): void {
    if (!this.drawn) return;
    this.sink.write(CLEAR_LINE);
    this.drawn = false;
  }
}
