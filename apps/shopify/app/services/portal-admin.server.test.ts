import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../db.server";
import { createInfluencer } from "../models/influencers.server";
import { getInvite } from "../models/influencer-invites.server";
import { ensureShop } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { runInviteAction } from "./portal-admin.server";
import { resolvePortalToken } from "./portal-invites.server";

const NOW = Date.parse("2026-03-10T12:00:00Z");
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe.each(await testBackends())("invite action on $name", (backend) => {
  let database: Database;
  let db: Db;
  let shop: { id: number; domain: string };
  let other: { id: number; domain: string };
  let alice: string;
  let carol: string;
  const options = { appUrl: "https://icr.example", now: NOW };

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    shop = await ensureShop(db, "admin-a.myshopify.com");
    other = await ensureShop(db, "admin-b.myshopify.com");
    alice = (await createInfluencer(db, shop.id, { handle: "alice" })).id;
    carol = (await createInfluencer(db, other.id, { handle: "carol" })).id;
  });
  afterAll(async () => {
    await database.close();
  });

  it("invites with a link to copy, re-invites with a new one, and revokes", async () => {
    const first = await runInviteAction(db, shop, alice, form({ intent: "invite" }), options);
    if (!first.ok || first.intent !== "invite") throw new Error("expected an invite");
    expect(first.url).toMatch(/^https:\/\/icr\.example\/portal\/[A-Za-z0-9_-]{43}$/);
    expect(first.storeUrl).toMatch(/^https:\/\/admin-a\.myshopify\.com\/apps\/icr\/portal\//);
    expect(first.expiresAt).toBe(new Date(NOW + 30 * 86_400_000).toISOString());
    expect(first.status.state).toBe("active");

    const second = await runInviteAction(db, shop, alice, form({ intent: "invite", validDays: "7" }), options);
    if (!second.ok || second.intent !== "invite") throw new Error("expected an invite");
    expect(second.expiresAt).toBe(new Date(NOW + 7 * 86_400_000).toISOString());
    const oldToken = first.url.split("/").pop() ?? "";
    expect(await resolvePortalToken(db, oldToken, { now: NOW })).toEqual({ ok: false, reason: "unknown" });

    const revoked = await runInviteAction(db, shop, alice, form({ intent: "revoke" }), options);
    expect(revoked).toMatchObject({ ok: true, intent: "revoke", revoked: true, status: { state: "revoked" } });
  });

  it("refuses a bad form and another shop's influencer, writing nothing", async () => {
    for (const fields of [{}, { intent: "delete" }, { intent: "invite", validDays: "0" }, { intent: "invite", validDays: "400" }, { intent: "invite", validDays: "x" }] as Record<string, string>[]) {
      const result = await runInviteAction(db, other, carol, form(fields), options);
      expect(result, JSON.stringify(fields)).toMatchObject({ ok: false, status: 400 });
    }
    expect(await getInvite(db, other.id, carol)).toBeNull();
    expect(await runInviteAction(db, shop, carol, form({ intent: "invite" }), options)).toMatchObject({ ok: false, status: 404 });
    expect(await getInvite(db, shop.id, carol)).toBeNull();
    expect(await runInviteAction(db, shop, carol, form({ intent: "revoke" }), options)).toMatchObject({ ok: true, revoked: false, status: { state: "none" } });
  });
});
