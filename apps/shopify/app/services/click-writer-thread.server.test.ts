/**
 * The click writer thread against the PostgreSQL server (PGlite cannot be shared with a thread):
 * the bundled worker writes what the in-process writer writes, a thread that cannot reach the
 * database fails its batches without losing them, and a closed thread starts again when needed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db.server";
import { listRollups } from "../models/rollups.server";
import { ensureShop } from "../models/shops.server";
import { shopSnapshot } from "../test-support/snapshot";
import { testBackends } from "../test-support/databases";
// @ts-expect-error: a plain ES module script (no types), run by `npm run build` too
import { buildClickWriter, bundleForNode } from "../../scripts/build-click-writer.mjs";
import { ClickBatchWriter, type PendingClick } from "./click-batch-writer.server";
import { ClickRecorder } from "./click-recorder.server";
import { ClickWriterThread, clickWriterFor } from "./click-writer-thread.server";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const T0 = Date.parse("2026-03-10T15:00:00Z");
const APP_DIR = join(import.meta.dirname, "..", "..");
// Inside the app, so the bundle's package imports resolve as they do from build/server/.
const SCRIPT = join(APP_DIR, "node_modules", ".cache", "icr-test", `click-writer-${process.pid}.js`);
const postgres = (await testBackends()).find((backend) => backend.name === "postgres");

function pending(shopId: number, id: string, visitor: string, at = T0): PendingClick {
  return {
    shopId,
    timezone: "UTC",
    click: { id, at, link: "alice-ig", linkId: "l1", influencerId: "alice", visitor, userAgent: IPHONE, method: "GET", country: "FR" },
  };
}

describe.skipIf(!postgres)("click writer thread on PostgreSQL", () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    [database] = await Promise.all([postgres!.open(), buildClickWriter(SCRIPT)]);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    rmSync(SCRIPT, { force: true });
  });

  it("writes in the thread what the in-process writer writes: clicks, de-duplication, rollups", async () => {
    const inThread = await ensureShop(database.db, "thread.myshopify.com");
    const inProcess = await ensureShop(database.db, "inline.myshopify.com");
    const batch = (shopId: number) => [
      pending(shopId, `c${shopId}a`, "v1"),
      pending(shopId, `c${shopId}b`, "v1", T0 + 60_000), // a repeat within the hour
      pending(shopId, `c${shopId}c`, "v2"),
    ];
    const thread = new ClickWriterThread(SCRIPT, database.url!);
    try {
      expect(await thread.write(batch(inThread.id))).toEqual({ written: 3, failed: [], errors: [] });
      // The same batch again (a retried flush) writes nothing twice.
      expect((await thread.write(batch(inThread.id))).written).toBe(0);
    } finally {
      await thread.close();
    }
    await new ClickBatchWriter(database.db).write(batch(inProcess.id));

    const stored = (shopId: number) =>
      shopSnapshot(database.db, shopId).then((s) => s.clicks.map((c) => [c.id.slice(-1), c.counted, c.country]));
    expect(await stored(inThread.id)).toEqual([["a", true, "FR"], ["b", false, "FR"], ["c", true, "FR"]]);
    expect(await stored(inThread.id)).toEqual(await stored(inProcess.id));
    const rollups = (shopId: number) => listRollups(database.db, shopId).then((rows) => rows.map((r) => [r.dimension, r.value, r.clicks]));
    expect(await rollups(inThread.id)).toEqual([["", "", 2], ["country", "FR", 2]]);
    expect(await rollups(inThread.id)).toEqual(await rollups(inProcess.id));
  });

  it("keeps the clicks queued when the thread cannot reach the database, and starts a thread again after close", async () => {
    const errors: unknown[] = [];
    const unreachable = new URL(database.url!);
    unreachable.pathname = "/icr_no_such_database";
    const recorder = new ClickRecorder(new ClickWriterThread(SCRIPT, unreachable.toString()), { flushIntervalMs: 60_000, onError: (e) => errors.push(e) });
    recorder.record({ id: 1, timezone: "UTC" }, pending(1, "cLost?", "v").click);
    expect(await recorder.flush()).toBe(0);
    expect(recorder.pending).toBe(1);
    expect(String(errors[0])).toMatch(/icr_no_such_database/);
    expect(await recorder.flush()).toBe(0);
    expect(recorder.pending).toBe(1);
    await recorder.close();

    const shop = await ensureShop(database.db, "restart.myshopify.com");
    const thread = new ClickWriterThread(SCRIPT, database.url!);
    expect((await thread.write([pending(shop.id, "cFirst", "v1")])).written).toBe(1);
    await thread.close();
    expect((await thread.write([pending(shop.id, "cAfterClose", "v2")])).written).toBe(1);
    await thread.close();
  });

  it("finishes the last flush on shutdown even when nothing else keeps the process alive", async () => {
    const shop = await ensureShop(database.db, "shutdown.myshopify.com");
    // Plain node on a bundle of the child, so no test runner or loader holds the process open.
    const childScript = await bundleForNode(join(APP_DIR, "app", "test-support", "shutdown-flush-child.ts"), SCRIPT.replace(/\.js$/, "-child.js"));
    const child = spawnSync(process.execPath, [childScript, database.url!, SCRIPT, String(shop.id)], { encoding: "utf8", timeout: 60_000 });
    rmSync(childScript, { force: true });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}")).toEqual({ stored: 500 });
  }, 70_000);

  it("is chosen for PostgreSQL when the bundled script exists, the in-process writer otherwise", () => {
    expect(clickWriterFor(database.db, database.url, SCRIPT)).toBeInstanceOf(ClickWriterThread);
    expect(clickWriterFor(database.db, undefined, SCRIPT)).toBeInstanceOf(ClickBatchWriter);
    expect(clickWriterFor(database.db, database.url, join(SCRIPT, "..", "missing.js"))).toBeInstanceOf(ClickBatchWriter);
  });
});
