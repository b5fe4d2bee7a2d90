import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAYLOAD_INTS, StringTable } from "./string-table.js";

describe("StringTable", () => {
  it("is empty at first", () => {
    const table = new StringTable();
    expect(table.size).toBe(0);
    expect(table.find("a")).toBe(-1);
  });

  it("numbers keys from 0 in insertion order, once each", () => {
    const table = new StringTable();
    expect(["alice", "bob", "alice", "carol"].map((key) => table.insert(key))).toEqual([0, 1, 0, 2]);
    expect(table.size).toBe(3);
    expect(table.find("bob")).toBe(1);
    expect(table.key(2)).toBe("carol");
  });

  it("keeps a payload of five int32, or a float64 and three int32, per row", () => {
    const table = new StringTable();
    const row = table.insert("c1");
    table.setFloat(row, 1772378100123.5);
    for (let field = 2; field < PAYLOAD_INTS; field++) table.setInt(row, field, -field);
    expect(table.float(row)).toBe(1772378100123.5);
    expect([2, 3, 4].map((field) => table.int(row, field))).toEqual([-2, -3, -4]);
  });

  it("compares keys exactly: case, length and every character count", () => {
    const table = new StringTable();
    table.insert("Alice");
    for (const other of ["alice", "ALICE", "Alic", "Alice ", "Alicf", ""]) expect(table.find(other)).toBe(-1);
  });

  it("keeps long and non-Latin-1 keys too", () => {
    const table = new StringTable();
    const long = "k".repeat(37);
    const wide = "caf\u00e9-\u4e2d\u6587-\u{1F600}";
    table.insert(long);
    table.insert(wide);
    expect(table.find(long)).toBe(0);
    expect(table.find(wide)).toBe(1);
    expect(table.key(1)).toBe(wide);
    expect(table.find("k".repeat(36))).toBe(-1);
  });

  it("agrees with a Map on any keys, across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40, unit: "binary" }), { maxLength: 600 }), fc.array(fc.string(), { maxLength: 50 }), (keys, probes) => {
        const table = new StringTable();
        const map = new Map<string, number>();
        for (const key of keys) {
          if (!map.has(key)) map.set(key, map.size);
          expect(table.insert(key)).toBe(map.get(key));
        }
        expect(table.size).toBe(map.size);
        for (const key of [...keys, ...probes]) expect(table.find(key)).toBe(map.get(key) ?? -1);
        for (const [key, row] of map) expect(table.key(row)).toBe(key);
      }),
      { numRuns: 200 },
    );
  });
});
