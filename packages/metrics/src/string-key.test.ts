import { describe, expect, it } from "vitest";
import { hashKey, isLatin1 } from "./string-key.js";

describe("hashKey", () => {
  it("is a deterministic 32-bit integer", () => {
    for (const key of ["", "a", "alice", "cAbC-_0123456789xyz", "\u{1F600}"]) {
      expect(hashKey(key)).toBe(hashKey(`${key}`));
      expect(Number.isInteger(hashKey(key)) && hashKey(key) === (hashKey(key) | 0)).toBe(true);
    }
  });

  it("spreads similar keys over the low bits a table probes", () => {
    // 4,096 sequential click ids into 8,192 slots: a poor hash would pile them up.
    const used = new Set(Array.from({ length: 4096 }, (_, i) => hashKey(`c${i}`) & 8191));
    expect(used.size).toBeGreaterThan(3000);
  });

  it("tells apart keys that differ only by order or by an odd last character", () => {
    expect(hashKey("ab")).not.toBe(hashKey("ba"));
    expect(hashKey("abc")).not.toBe(hashKey("abd"));
    expect(hashKey("a")).not.toBe(hashKey("a\u0000"));
  });
});

describe("isLatin1", () => {
  it.each([["", true], ["alice", true], ["caf\u00e9", true], ["\u0100", false], ["中文", false]])("%j -> %s", (key, expected) => {
    expect(isLatin1(key)).toBe(expected);
  });
});
