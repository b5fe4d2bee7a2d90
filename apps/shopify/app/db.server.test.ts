import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "./db.server";
import { ensureShop, getShop } from "./models/shops.server";
import { testBackends } from "./test-support/databases";

describe.each(await testBackends())("database on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it("applies the migrations: every table exists and is empty", async () => {
    const shop = await ensureShop(database.db, "fresh.myshopify.com");
    expect(await getShop(database.db, shop.id)).toMatchObject({ domain: "fresh.myshopify.com", timezone: "UTC" });
  });

  it("gives each shop its own 256-bit salt and keeps it on re-install", async () => {
    const a = await ensureShop(database.db, "salt-a.myshopify.com");
    const b = await ensureShop(database.db, "salt-b.myshopify.com");
    expect(a.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    const again = await ensureShop(database.db, "salt-a.myshopify.com", { reinstall: true });
    expect(again.salt).toBe(a.salt);
    expect(again.id).toBe(a.id);
  });

  it("refuses a domain that is not *.myshopify.com", async () => {
    await expect(ensureShop(database.db, "evil.example.com")).rejects.toThrow(/myshopify/);
  });
});

describe("PGlite data folder", () => {
  it("creates the folder, keeps data across reopen, and migrating twice is harmless", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "icr-pglite-")), "nested", "data");
    try {
      const first = await openDatabase({ dataDir: dir });
      await ensureShop(first.db, "kept.myshopify.com");
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const [row] = await second.db.query.shops.findMany();
      expect(row?.domain).toBe("kept.myshopify.com");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
