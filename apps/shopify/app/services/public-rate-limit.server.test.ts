import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "./public-rate-limit.server";

describe("TokenBucketLimiter", () => {
  it("allows a burst of `capacity`, then refuses with the seconds until the next token", () => {
    const limiter = new TokenBucketLimiter({ capacity: 3, refillPerSecond: 0.25 });
    for (let i = 0; i < 3; i++) expect(limiter.take("a", 0)).toEqual({ allowed: true });
    expect(limiter.take("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    expect(limiter.take("a", 1000)).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect(limiter.take("a", 4000)).toEqual({ allowed: true });
  });

  it("keeps one bucket per address", () => {
    const limiter = new TokenBucketLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0).allowed).toBe(false);
    expect(limiter.take("b", 0).allowed).toBe(true);
  });

  it("never refills beyond capacity, and says at least 1 second", () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 100 });
    limiter.take("a", 0);
    for (let i = 0; i < 2; i++) expect(limiter.take("a", 3_600_000).allowed).toBe(true);
    expect(limiter.take("a", 3_600_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("prunes full buckets first when tracking too many addresses", () => {
    const limiter = new TokenBucketLimiter({ capacity: 2, refillPerSecond: 1, maxAddresses: 3 });
    for (const address of ["a", "b", "c"]) limiter.take(address, 0);
    limiter.take("d", 10_000); // a, b, c are full again by now: forgotten
    expect(limiter.size).toBe(1);
  });

  it("refuses a capacity below 1 or a refill that is not positive", () => {
    expect(() => new TokenBucketLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity/);
    expect(() => new TokenBucketLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow(/refillPerSecond/);
  });
});
