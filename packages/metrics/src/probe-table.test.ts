import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProbeTable } from "./probe-table.js";

describe("ProbeTable", () => {
  it("is empty at first", () => {
    const table = new ProbeTable();
    expect(table.size).toBe(0);
    expect(table.find("a")).toBe(-1);
    expect(table.find("")).toBe(-1);
  });

  it("keeps each key once with its payload, across growth", () => {
    const table = new ProbeTable();
    for (let i = 0; i < 1000; i++) table.setInt(table.insert(`creator${i}`), 0, i);
    table.insert("creator7");
    expect(table.size).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(table.int(table.find(`creator${i}`), 0)).toBe(i);
    expect(table.find("creator1000")).toBe(-1);
  });

  it("compares keys exactly, and keeps long, non-Latin-1 and empty keys", () => {
    const table = new ProbeTable();
    const keys = ["Alice", "k".repeat(37), "caf\u00e9-\u4e2d\u6587", ""];
    keys.forEach((key, i) => table.setInt(table.insert(key), 4, i + 1));
    keys.forEach((key, i) => expect(table.int(table.find(key), 4)).toBe(i + 1));
    for (const other of ["alice", "Alic", "k".repeat(36), "caf\u00e9"]) expect(table.find(other)).toBe(-1);
  });

  it("agrees with a Map on any keys", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40, unit: "binary" }), { maxLength: 300 }), fc.array(fc.string(), { maxLength: 30 }), (keys, probes) => {
        const table = new ProbeTable();
        const map = new Map<string, number>();
        for (const key of keys) {
          if (!map.has(key)) {
            map.set(key, map.size);
            table.setInt(table.insert(key), 0, map.size - 1);
          }
        }
        expect(table.size).toBe(map.size);
        for (const key of [...keys, ...probes]) {
          const position = table.find(key);
          expect(position < 0 ? undefined : table.int(position, 0)).toBe(map.get(key));
        }
      }),
      { numRuns: 200 },
    );
  });
});
