import { describe, expect, it } from "vitest";
import { ClickTable } from "./click-table.js";

const AT = Date.UTC(2026, 2, 1, 9, 30);

describe("ClickTable", () => {
  it("is empty at first", () => {
    const table = new ClickTable();
    expect(table.size).toBe(0);
    expect(table.get("c1")).toBeUndefined();
    expect(table.has("c1")).toBe(false);
    expect(table.slot("c1")).toBe(-1);
    expect([...table]).toEqual([]);
  });

  it("gives back each click as recorded, by id", () => {
    const table = new ClickTable();
    table.add("c1", { influencerId: "alice", campaign: null, at: AT, link: "alice-ig" });
    table.add("C1", { influencerId: "bob", campaign: "summer", at: AT + 1, link: "bob-tt" });
    expect(table.get("c1")).toEqual({ influencerId: "alice", campaign: null, at: AT, link: "alice-ig" });
    expect(table.get("C1")).toEqual({ influencerId: "bob", campaign: "summer", at: AT + 1, link: "bob-tt" });
    const slot = table.slot("C1");
    expect([table.at(slot), table.influencerId(slot), table.campaign(slot), table.link(slot)]).toEqual([AT + 1, "bob", "summer", "bob-tt"]);
    expect([...table].map(([id]) => id)).toEqual(["c1", "C1"]);
  });

  it("keeps the first record of an id", () => {
    const table = new ClickTable();
    expect(table.add("c1", { influencerId: "alice", campaign: null, at: AT, link: "a" })).toBe(true);
    expect(table.add("c1", { influencerId: "bob", campaign: null, at: AT, link: "b" })).toBe(false);
    expect(table.get("c1")?.influencerId).toBe("alice");
    expect(table.size).toBe(1);
  });

  it("grows past its initial capacity without losing a click", () => {
    const table = new ClickTable();
    for (let n = 0; n < 5000; n++) table.add(`c${n}`, { influencerId: `i${n % 7}`, campaign: n % 2 ? "x" : null, at: AT + n, link: `l${n % 3}` });
    expect(table.size).toBe(5000);
    expect(table.get("c4999")).toEqual({ influencerId: "i1", campaign: "x", at: AT + 4999, link: "l1" });
    expect(table.get("c0")).toEqual({ influencerId: "i0", campaign: null, at: AT, link: "l0" });
  });
});

describe("ClickTable keys", () => {
  const click = { influencerId: "alice", campaign: null, at: AT, link: "a" };

  it.each([
    ["an app click id", "cAbC-_0123456789xyz"],
    ["a UUID (36 characters, the most kept inline)", "3f2b8c1e-9d4a-4e6b-8f1a-2c3d4e5f6a7b"],
    ["a longer id", "c".repeat(37)],
    ["an id with characters above U+00FF", "clic-\u00e9t\u00e9-\u{1F600}"],
    ["an empty id", ""],
  ])("stores and finds %s exactly", (_label, id) => {
    const table = new ClickTable();
    table.add(id, click);
    table.add(`${id}x`, { ...click, influencerId: "bob" });
    expect(table.get(id)?.influencerId).toBe("alice");
    expect(table.get(`${id}x`)?.influencerId).toBe("bob");
    expect(table.has(id.toUpperCase() === id ? `${id}?` : id.toUpperCase())).toBe(false);
    expect([...table].map(([key]) => key)).toEqual([id, `${id}x`]);
  });

  it("tells apart ids that differ in one character only, at any position", () => {
    const table = new ClickTable();
    const base = "c0123456789abcdef";
    for (let i = 0; i < base.length; i++) table.add(`${base.slice(0, i)}Z${base.slice(i + 1)}`, { ...click, at: AT + i });
    for (let i = 0; i < base.length; i++) expect(table.get(`${base.slice(0, i)}Z${base.slice(i + 1)}`)?.at).toBe(AT + i);
    expect(table.has(base)).toBe(false);
  });

  it("pre-assigns influencer indexes from the constructor", () => {
    const table = new ClickTable(["alice", "bob"]);
    table.add("c1", { ...click, influencerId: "bob" });
    table.add("c2", { ...click, influencerId: "carol" });
    expect(table.influencerIndex(table.slot("c1"))).toBe(1);
    expect(table.influencerIndex(table.slot("c2"))).toBe(2);
  });
});
