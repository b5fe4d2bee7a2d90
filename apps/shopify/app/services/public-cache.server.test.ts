import { describe, expect, it } from "vitest";
import { LruCache } from "./public-cache.server";

describe("LruCache", () => {
  it("serves an entry until its TTL, then forgets it", () => {
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 1000 });
    cache.set("a", "A", 1, 0);
    expect(cache.get("a", 999)).toBe("A");
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("evicts the least recently used entry when full (a read counts as a use)", () => {
    const cache = new LruCache<string>({ maxEntries: 2, ttlMs: 1000 });
    cache.set("a", "A", 1, 0);
    cache.set("b", "B", 1, 0);
    cache.get("a", 1);
    cache.set("c", "C", 1, 2);
    expect([cache.get("a", 3), cache.get("b", 3), cache.get("c", 3)]).toEqual(["A", undefined, "C"]);
  });

  it("drops exactly one shop's entries", () => {
    const cache = new LruCache<string>({ maxEntries: 10, ttlMs: 1000 });
    cache.set("1|rate", "x", 1, 0);
    cache.set("1|board", "y", 1, 0);
    cache.set("2|rate", "z", 2, 0);
    cache.set("unknown", "404", null, 0);
    expect(cache.invalidateShop(1)).toBe(2);
    expect([cache.get("1|rate", 1), cache.get("2|rate", 1), cache.get("unknown", 1)]).toEqual([undefined, "z", "404"]);
    expect(cache.invalidateShop(3)).toBe(0);
  });

  it("refuses a size below 1 or a negative TTL", () => {
    expect(() => new LruCache({ maxEntries: 0, ttlMs: 1 })).toThrow(/maxEntries/);
    expect(() => new LruCache({ maxEntries: 1, ttlMs: -1 })).toThrow(/ttlMs/);
  });
});
