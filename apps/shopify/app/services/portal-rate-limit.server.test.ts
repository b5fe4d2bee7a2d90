import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./portal-rate-limit.server";

function limiter(capacity = 3, refillMs = 10_000, maxKeys = 100) {
  let now = 1_000_000;
  const l = new FailureLimiter({ capacity, refillMs, maxKeys }, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

describe("FailureLimiter", () => {
  it("allows a burst of failures, then refuses every lookup with the seconds to wait", () => {
    const { l } = limiter();
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter("203.0.113.7")).toBe(0);
      l.recordFailure("203.0.113.7");
    }
    expect(l.retryAfter("203.0.113.7")).toBe(10);
    l.recordFailure("203.0.113.7"); // a refused guess does not dig deeper than 0
    expect(l.retryAfter("203.0.113.7")).toBe(10);
  });

  it("refills one failure per period, up to the capacity", () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure("a");
    advance(4_000);
    expect(l.retryAfter("a")).toBe(6);
    advance(6_000);
    expect(l.retryAfter("a")).toBe(0);
    l.recordFailure("a");
    expect(l.retryAfter("a")).toBe(10);
    advance(1_000_000);
    for (let i = 0; i < 3; i++) l.recordFailure("a");
    expect(l.retryAfter("a")).toBe(10);
  });

  it("keeps addresses apart", () => {
    const { l } = limiter(1);
    l.recordFailure("a");
    expect(l.retryAfter("a")).toBeGreaterThan(0);
    expect(l.retryAfter("b")).toBe(0);
  });

  it("stays within its memory bound, forgetting refilled addresses first", () => {
    const { l, advance } = limiter(1, 10_000, 3);
    l.recordFailure("old");
    advance(20_000); // "old" is whole again
    l.recordFailure("x");
    l.recordFailure("y");
    l.recordFailure("z"); // 4 keys > 3: "old" goes, the blocked ones stay
    expect(l.retryAfter("x")).toBeGreaterThan(0);
    expect(l.retryAfter("y")).toBeGreaterThan(0);
    expect(l.retryAfter("z")).toBeGreaterThan(0);
    l.recordFailure("w"); // all blocked: the least recently failed ("x") is forgotten
    expect(l.retryAfter("x")).toBe(0);
    expect(l.retryAfter("w")).toBeGreaterThan(0);
  });
});
