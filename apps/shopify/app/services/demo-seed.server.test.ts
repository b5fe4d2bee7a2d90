import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db.server";
import { countOrders } from "../models/orders.server";
import { listInfluencers } from "../models/influencers.server";
import { listRollups } from "../models/rollups.server";
import { listAttributions } from "../models/attributions.server";
import { seedDemo, type DemoSeedResult } from "./demo-seed.server";

const NOW = Date.parse("2026-06-15T15:00:00Z");

describe("demo seed", () => {
  let database: Database;
  let result: DemoSeedResult;
  beforeAll(async () => {
    database = await openDatabase();
    result = await seedDemo(database.db, { now: NOW, log: (line) => console.log(line) });
    console.log("demo seed", JSON.stringify(result));
  }, 120_000);
  afterAll(async () => database.close());

  it("stores the roster and orders through the real services", async () => {
    expect((await listInfluencers(database.db, result.shopId)).length).toBe(20);
    expect(await countOrders(database.db, result.shopId)).toBeGreaterThan(500);
    expect((await listRollups(database.db, result.shopId)).length).toBeGreaterThan(1000);
  });

  it("covers every rule and every exclusion the story needs", async () => {
    const all = await listAttributions(database.db, result.shopId);
    const rules = new Set(all.filter((a) => a.status === "attributed").map((a) => a.rule));
    expect(rules).toEqual(new Set(["code", "link", "utm"]));
    const reasons = new Set(all.filter((a) => a.status === "excluded").map((a) => a.excludedReason));
    expect(reasons).toEqual(new Set(["test", "cancelled", "refunded", "selfReferral", "outsideWindow"]));
    expect(all.some((a) => a.status === "attributed" && a.overruled.some((e) => e.influencerId !== a.influencerId))).toBe(true);
    expect(all.some((a) => a.goal === "signup" && a.status === "attributed")).toBe(true);
    expect(all.some((a) => a.status === "unattributed")).toBe(true);
  });

  it("refuses to seed a shop twice", async () => {
    await expect(seedDemo(database.db, { now: NOW })).rejects.toThrow(/already seeded/);
  });
});
