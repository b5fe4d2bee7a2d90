import { describe, expect, it } from "vitest";
import { LeakyBucket } from "./leaky-bucket.server";

describe("LeakyBucket", () => {
  it("waits exactly as long as the restore rate needs (Shopify: 100 points/s on a 2000-point bucket)", () => {
    let now = 0;
    const bucket = new LeakyBucket({ maximumAvailable: 2000, currentlyAvailable: 50, restoreRate: 100 }, () => now);
    expect(bucket.delayFor(50)).toBe(0);
    expect(bucket.delayFor(250)).toBe(2000);
    now = 1000;
    expect(bucket.currentlyAvailable()).toBe(150);
    expect(bucket.delayFor(250)).toBe(1000);
  });

  it("never restores above the maximum, and a cost above it waits for a full bucket only", () => {
    let now = 0;
    const bucket = new LeakyBucket({ maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 }, () => now);
    now = 60_000;
    expect(bucket.currentlyAvailable()).toBe(1000);
    expect(bucket.delayFor(5000)).toBe(0);
  });

  it("spends optimistically and adopts the server's throttle status", () => {
    let now = 0;
    const bucket = new LeakyBucket(undefined, () => now);
    bucket.spend(1990);
    expect(bucket.currentlyAvailable()).toBe(10);
    bucket.update({ maximumAvailable: 2000, currentlyAvailable: 1500, restoreRate: 100 });
    expect(bucket.currentlyAvailable()).toBe(1500);
    now = 100;
    expect(bucket.currentlyAvailable()).toBe(1510);
  });
});
