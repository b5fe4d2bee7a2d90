import { describe, expect, it } from "vitest";
import { Progress, PROGRESS_DELAY_MS } from "./progress.js";

function setup(enabled: boolean) {
  let now = 0;
  let written = "";
  const progress = new Progress({ write: (text: string) => (written += text) }, enabled, () => now);
  return {
    progress,
    advance: (ms: number) => (now += ms),
    written: () => written,
  };
}

describe("Progress", () => {
  it("stays silent during the first second", () => {
    const { progress, written } = setup(true);
    progress.phase("reading orders.csv", "rows");
    for (let i = 1; i <= 5000; i++) progress.update(i);
    progress.clear();
    expect(written()).toBe("");
  });

  it("draws a self-overwriting line once the run is slow, and erases it at the end", () => {
    const { progress, advance, written } = setup(true);
    progress.phase("reading orders.csv", "rows");
    advance(PROGRESS_DELAY_MS);
    for (let i = 1; i <= 120_000; i++) progress.update(i);
    expect(written()).toBe("\r\u001b[Kreading orders.csv… 1,024 rows");
    advance(200);
    progress.phase("attributing", "orders");
    expect(written().endsWith("\r\u001b[Kattributing…")).toBe(true);
    progress.clear();
    expect(written().endsWith("\r\u001b[K")).toBe(true);
    const cleared = written().length;
    progress.clear();
    expect(written()).toHaveLength(cleared);
  });

  it("redraws at most every 100 ms", () => {
    const { progress, advance, written } = setup(true);
    advance(PROGRESS_DELAY_MS);
    progress.phase("reading", "rows");
    for (let i = 1; i <= 10 * 1024; i++) progress.update(i);
    expect(written().split("\r").length - 1).toBe(1);
    advance(100);
    for (let i = 1; i <= 1024; i++) progress.update(i);
    expect(written().split("\r").length - 1).toBe(2);
  });

  it("never writes when disabled (stderr not a terminal, no --progress)", () => {
    const { progress, advance, written } = setup(false);
    advance(10 * PROGRESS_DELAY_MS);
    progress.phase("reading", "rows");
    for (let i = 1; i <= 5000; i++) progress.update(i);
    progress.clear();
    expect(written()).toBe("");
  });
});
