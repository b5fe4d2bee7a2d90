/** Tries to open portals it should not: tampered, expired, revoked, rotated and foreign tokens. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../db.server";
import { influencerInvites } from "../db/schema";
import { createInfluencer } from "../models/influencers.server";
import { getInvite } from "../models/influencer-invites.server";
import { ensureShop, markUninstalled } from "../models/shops.server";
import { testBackends } from "../test-support/databases";
import { hashInviteToken } from "./invite-tokens.server";
import {
  createDemoPortalInvite,
  getInviteStatus,
  inviteInfluencer,
  resolvePortalToken,
  resolvePortalTokenHash,
  revokeInvite,
} from "./portal-invites.server";

const DAY = 86_400_000;
const NOW = Date.parse("2026-03-10T12:00:00Z");
const APP = "https://icr.example";

describe.each(await testBackends())("portal invites on $name", (backend) => {
  let database: Database;
  let db: Db;
  let shopA: number;
  let shopB: number;
  let alice: string;
  let bob: string;
  let carol: string; // shop B's

  beforeAll(async () => {
    database = await backend.open();
    db = database.db;
    shopA = (await ensureShop(db, "invites-a.myshopify.com")).id;
    shopB = (await ensureShop(db, "invites-b.myshopify.com")).id;
    alice = (await createInfluencer(db, shopA, { handle: "alice" })).id;
    bob = (await createInfluencer(db, shopA, { handle: "bob" })).id;
    carol = (await createInfluencer(db, shopB, { handle: "carol" })).id;
  });
  afterAll(async () => {
    await database.close();
  });

  const invite = (shopId: number, influencerId: string, extra: { now?: number; validDays?: number } = {}) =>
    inviteInfluencer(db, shopId, influencerId, { appUrl: APP, shopDomain: "invites-a.myshopify.com", now: NOW, ...extra });

  it("issues a link whose token is stored only as its SHA-256, valid 30 days by default", async () => {
    const created = await invite(shopA, alice);
    expect(created.url).toBe(`${APP}/portal/${created.token}`);
    expect(created.storeUrl).toBe(`https://invites-a.myshopify.com/apps/icr/portal/${created.token}`);
    expect(created.expiresAt.getTime()).toBe(NOW + 30 * DAY);
    const stored = await getInvite(db, shopA, alice);
    expect(stored?.tokenHash).toBe(hashInviteToken(created.token));
    const everything = JSON.stringify(await db.select().from(influencerInvites));
    expect(everything).not.toContain(created.token);

    const resolved = await resolvePortalToken(db, created.token, { now: NOW + DAY });
    expect(resolved).toEqual({ ok: true, access: { shopId: shopA, influencerId: alice, tokenHash: hashInviteToken(created.token) } });
    expect((await getInvite(db, shopA, alice))?.lastUsedAt?.getTime()).toBe(NOW + DAY);
  });

  it("refuses a tampered token: one character changed, cut, extended, or junk", async () => {
    const { token } = await invite(shopA, alice);
    const flipped = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    expect(await resolvePortalToken(db, flipped, { now: NOW })).toEqual({ ok: false, reason: "unknown" });
    expect(await resolvePortalToken(db, token.slice(0, 42), { now: NOW })).toEqual({ ok: false, reason: "malformed" });
    expect(await resolvePortalToken(db, token + "x", { now: NOW })).toEqual({ ok: false, reason: "malformed" });
    expect(await resolvePortalToken(db, "' or 1=1 --", { now: NOW })).toEqual({ ok: false, reason: "malformed" });
    // The hash itself is not a token: a leaked database row opens nothing.
    expect(await resolvePortalToken(db, hashInviteToken(token), { now: NOW })).toEqual({ ok: false, reason: "malformed" });
    expect(await resolvePortalTokenHash(db, hashInviteToken(flipped), { now: NOW })).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses an expired token from the expiry instant on", async () => {
    const { token, expiresAt } = await invite(shopA, alice, { validDays: 2 });
    expect((await resolvePortalToken(db, token, { now: expiresAt.getTime() - 1 })).ok).toBe(true);
    expect(await resolvePortalToken(db, token, { now: expiresAt.getTime() })).toEqual({ ok: false, reason: "expired" });
    expect((await getInviteStatus(db, shopA, alice, expiresAt.getTime())).state).toBe("expired");
  });

  it("refuses a revoked token, and the cookie's hash with it", async () => {
    const { token } = await invite(shopA, alice);
    expect(await revokeInvite(db, shopA, alice, NOW + 1)).toBe(true);
    expect(await revokeInvite(db, shopA, alice, NOW + 2)).toBe(false);
    expect(await resolvePortalToken(db, token, { now: NOW + 3 })).toEqual({ ok: false, reason: "revoked" });
    expect(await resolvePortalTokenHash(db, hashInviteToken(token), { now: NOW + 3 })).toEqual({ ok: false, reason: "revoked" });
    const status = await getInviteStatus(db, shopA, alice, NOW + 3);
    expect(status).toMatchObject({ state: "revoked", revokedAt: new Date(NOW + 1) });
  });

  it("rotates on re-invite: the old token stops at once, the new one works", async () => {
    const first = await invite(shopA, alice);
    const second = await invite(shopA, alice, { now: NOW + 1000 });
    expect(second.token).not.toBe(first.token);
    expect(await resolvePortalToken(db, first.token, { now: NOW + 2000 })).toEqual({ ok: false, reason: "unknown" });
    expect((await resolvePortalToken(db, second.token, { now: NOW + 2000 })).ok).toBe(true);
    expect((await getInviteStatus(db, shopA, alice, NOW + 2000)).state).toBe("active");
  });

  it("each influencer's token opens only their own portal", async () => {
    const a = await invite(shopA, alice);
    const b = await invite(shopA, bob);
    const ra = await resolvePortalToken(db, a.token, { now: NOW });
    const rb = await resolvePortalToken(db, b.token, { now: NOW });
    expect(ra.ok && ra.access.influencerId).toBe(alice);
    expect(rb.ok && rb.access.influencerId).toBe(bob);
    // Revoking bob leaves alice alone.
    await revokeInvite(db, shopA, bob, NOW);
    expect((await resolvePortalToken(db, a.token, { now: NOW })).ok).toBe(true);
  });

  it("will not invite another shop's influencer, nor revoke or read their invite", async () => {
    await expect(invite(shopA, carol)).rejects.toMatchObject({ name: "InviteError", code: "not_found" });
    expect(await getInvite(db, shopA, carol)).toBeNull();
    const c = await inviteInfluencer(db, shopB, carol, { appUrl: APP, shopDomain: "invites-b.myshopify.com", now: NOW });
    expect(await revokeInvite(db, shopA, carol, NOW)).toBe(false);
    expect(await getInviteStatus(db, shopA, carol, NOW)).toEqual({ state: "none" });
    expect((await resolvePortalToken(db, c.token, { now: NOW })).ok).toBe(true);
    // Through shop A's app proxy, shop B's token is refused.
    expect(await resolvePortalToken(db, c.token, { now: NOW, shopId: shopA })).toEqual({ ok: false, reason: "wrong_shop" });
    expect((await resolvePortalToken(db, c.token, { now: NOW, shopId: shopB })).ok).toBe(true);
  });

  it("refuses bad validities and unknown influencers without writing anything", async () => {
    for (const validDays of [0, -1, 1.5, 366, Number.NaN]) {
      await expect(invite(shopA, bob, { validDays })).rejects.toMatchObject({ code: "bad_request" });
    }
    await expect(invite(shopA, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    expect(await getInvite(db, shopA, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });

  it("closes the portal when the shop uninstalls the app", async () => {
    const shopC = (await ensureShop(db, "invites-c.myshopify.com")).id;
    const dana = (await createInfluencer(db, shopC, { handle: "dana" })).id;
    const { token } = await inviteInfluencer(db, shopC, dana, { appUrl: APP, shopDomain: "invites-c.myshopify.com", now: NOW });
    await markUninstalled(db, shopC, new Date(NOW));
    expect(await resolvePortalToken(db, token, { now: NOW })).toEqual({ ok: false, reason: "shop_gone" });
  });

  it("creates the demo influencer's invite, valid for a year", async () => {
    const { token, path } = await createDemoPortalInvite(db, shopA, bob);
    expect(path).toBe(`/portal/${token}`);
    const status = await getInviteStatus(db, shopA, bob);
    expect(status.state).toBe("active");
    expect((await resolvePortalToken(db, token, { now: Date.now() })).ok).toBe(true);
  });
});
