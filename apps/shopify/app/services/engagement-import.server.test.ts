import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db.server";
import { saveCampaign } from "../models/campaigns.server";
import { listEngagements } from "../models/engagements.server";
import { ensureShop } from "../models/shops.server";
import { importEngagementCsv, parseCsv, previewEngagementCsv } from "./engagement-import.server";
import { addInfluencer } from "./roster.server";
import { loadShopContext, type ShopContext } from "./shop-context.server";

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and keeps line numbers", () => {
    expect(parseCsv('a,b\r\n"x, ""y""",2\n\n"multi\nline",3')).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ['x, "y"', "2"] },
      { line: 4, cells: ["multi\nline", "3"] },
    ]);
  });

  it("skips a BOM and reports an unclosed quote with its line", () => {
    expect(parseCsv("\uFEFFa\n")).toEqual([{ line: 1, cells: ["a"] }]);
    expect(() => parseCsv('a\n"open,1\n')).toThrow(/line 2: a quoted field is not closed/);
  });
});

describe("engagement CSV import", () => {
  let database: Database;
  let shop: ShopContext;
  beforeAll(async () => {
    database = await openDatabase();
    shop = await loadShopContext(database.db, await ensureShop(database.db, "engage.myshopify.com"));
    await addInfluencer(database.db, shop, { handle: "alice" });
    await saveCampaign(database.db, shop.id, { key: "spring", name: "Spring", goal: "purchase" });
  });
  afterAll(async () => database.close());

  const header = "date,handle,campaign,engagements\n";

  it("previews per-row errors with their lines and writes nothing while any row is bad", async () => {
    const csv = header + "2026-03-01,Alice,spring,1200\n2026-02-30,alice,,5\n2026-03-02,bob,,7\n2026-03-03,alice,autumn,1\n2026-03-04,alice,,-3\n2026-03-01,alice,spring,9\n";
    const preview = await previewEngagementCsv(database.db, shop, csv);
    expect(preview.valid.map((r) => [r.line, r.handle, r.count])).toEqual([[2, "alice", 1200]]);
    expect(preview.errors).toEqual([
      { line: 3, message: "date is not a real day" },
      { line: 4, message: "no influencer with the handle bob" },
      { line: 5, message: "no campaign autumn (create it first, or leave the cell empty)" },
      { line: 6, message: "engagements must be a whole number ≥ 0" },
      { line: 7, message: "same date, handle and campaign as line 2" },
    ]);
    const result = await importEngagementCsv(database.db, shop, csv, { validOnly: false });
    expect(result.written).toBe(0);
    expect(await listEngagements(database.db, shop.id)).toEqual([]);
  });

  it("imports the valid rows only when asked", async () => {
    const csv = header + "2026-03-01,alice,spring,1200\n2026-03-02,bob,,7\n";
    const result = await importEngagementCsv(database.db, shop, csv, { validOnly: true });
    expect(result.written).toBe(1);
    expect(await listEngagements(database.db, shop.id)).toEqual([{ day: "2026-03-01", influencerId: expect.any(String), campaign: "spring", count: 1200 }]);
  });

  it("names file-level problems: empty, missing columns, header only", async () => {
    expect((await previewEngagementCsv(database.db, shop, "")).fileError).toMatch(/empty/);
    expect((await previewEngagementCsv(database.db, shop, "date,handle\n2026-03-01,alice\n")).fileError).toMatch(/missing columns campaign, engagements/);
    expect((await previewEngagementCsv(database.db, shop, header)).fileError).toMatch(/no rows/);
  });
});
