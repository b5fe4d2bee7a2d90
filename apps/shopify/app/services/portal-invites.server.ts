/**
 * Inviting influencers to their portal, and checking the links they come back with.
 *
 * A link carries a fresh random token; only its SHA-256 is stored, with an expiry (30 days by
 * default). Re-inviting rotates the token (the old link stops working at once); revoking stops it
 * without a new one. Every portal request resolves its token (or the hash a portal cookie holds)
 * here, and gets back the shop and influencer it may show: nothing else names them.
 */
import type { Db } from "../db.server";
import { getInfluencer } from "../models/influencers.server";
import {
  findInviteByTokenHash,
  getInvite,
  markInviteRevoked,
  markInviteUsed,
  replaceInvite,
  type StoredInvite,
} from "../models/influencer-invites.server";
import { getShop } from "../models/shops.server";
import { hashInviteToken, isWellFormedToken, newInviteToken, sameTokenHash } from "./invite-tokens.server";

/** How long an invite link works unless the merchant says otherwise. */
export const DEFAULT_INVITE_DAYS = 30;
/** Longest validity a merchant may give a link. */
export const MAX_INVITE_DAYS = 365;

const DAY_MS = 86_400_000;

/** The influencer could not be invited: no such influencer in this shop, or a bad validity. */
export class InviteError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "bad_request",
  ) {
    super(message);
    this.name = "InviteError";
  }
}

/** A new invite: the only moment the token exists outside the influencer's hands. */
export interface PortalInvite {
  /** The secret; shown once to the merchant to copy, never stored. */
  token: string;
  /** `{appUrl}/portal/{token}`. */
  url: string;
  /** `https://{shop}/apps/icr/portal/{token}`: the same portal on the store's own domain (app proxy). */
  storeUrl: string;
  expiresAt: Date;
}

/** What the admin shows about an influencer's invite (never the token: it is not kept). */
export type InviteStatus =
  | { state: "none" }
  | {
      state: "active" | "expired" | "revoked";
      createdAt: Date;
      expiresAt: Date;
      revokedAt: Date | null;
      lastUsedAt: Date | null;
    };

/** Who a verified portal request is for. Taken from the token, never from the URL or a form. */
export interface PortalAccess {
  shopId: number;
  influencerId: string;
  /** The invite's token hash (what the portal cookie carries, so revocation applies to it at once). */
  tokenHash: string;
}

/** Why a token opened nothing; for logs and tests only: every failure looks the same to the visitor. */
export type PortalDenial = "malformed" | "unknown" | "expired" | "revoked" | "wrong_shop" | "shop_gone";

export type PortalResolution = { ok: true; access: PortalAccess } | { ok: false; reason: PortalDenial };

/**
 * Invites (or re-invites) an influencer: a new token replaces any earlier one.
 *
 * @example
 *   const invite = await inviteInfluencer(db, shopId, influencerId, { appUrl: "https://icr.example", shopDomain: "demo.myshopify.com" });
 *   invite.url; // "https://icr.example/portal/q3V0…"
 * @returns the invite with its one-time token; throws InviteError("not_found") when the influencer
 *   is not in this shop, InviteError("bad_request") for a validity outside 1–365 days.
 */
export async function inviteInfluencer(
  db: Db,
  shopId: number,
  influencerId: string,
  options: { appUrl: string; shopDomain: string; now?: number; validDays?: number },
): Promise<PortalInvite> {
  const validDays = options.validDays ?? DEFAULT_INVITE_DAYS;
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_INVITE_DAYS) {
    throw new InviteError(`an invite is valid for 1 to ${MAX_INVITE_DAYS} whole days, not ${String(validDays)}`, "bad_request");
  }
  // The invites table's foreign key only says the influencer exists somewhere: check it is this shop's.
  if (!(await getInfluencer(db, shopId, influencerId))) {
    throw new InviteError("no such influencer in this shop", "not_found");
  }
  const now = options.now ?? Date.now();
  const token = newInviteToken();
  const invite = await replaceInvite(db, shopId, {
    influencerId,
    tokenHash: hashInviteToken(token),
    createdAt: new Date(now),
    expiresAt: new Date(now + validDays * DAY_MS),
  });
  return { token, ...portalUrls(options.appUrl, options.shopDomain, token), expiresAt: invite.expiresAt };
}

/**
 * The two addresses of a portal link: on the app, and on the store's domain through the app proxy.
 *
 * @example portalUrls("https://icr.example/", "demo.myshopify.com", token).url // "https://icr.example/portal/…"
 * @returns both URLs; throws TypeError when `appUrl` is not an absolute URL.
 */
export function portalUrls(appUrl: string, shopDomain: string, token: string): { url: string; storeUrl: string } {
  return {
    url: new URL(`/portal/${token}`, appUrl).toString(),
    storeUrl: `https://${shopDomain}/apps/icr/portal/${token}`,
  };
}

/**
 * Revokes the influencer's invite: the link (and any portal session opened with it) stops working.
 *
 * @example await revokeInvite(db, shopId, influencerId);
 * @returns true when an active or expired invite was revoked, false when there was none or it was already revoked.
 */
export async function revokeInvite(db: Db, shopId: number, influencerId: string, now: number = Date.now()): Promise<boolean> {
  return markInviteRevoked(db, shopId, influencerId, new Date(now));
}

/**
 * The state of the influencer's invite, for the admin.
 *
 * @example const status = await getInviteStatus(db, shopId, influencerId); // { state: "active", expiresAt, … }
 * @returns `{ state: "none" }` when the influencer was never invited (or is not in this shop).
 */
export async function getInviteStatus(db: Db, shopId: number, influencerId: string, now: number = Date.now()): Promise<InviteStatus> {
  const invite = await getInvite(db, shopId, influencerId);
  if (!invite) return { state: "none" };
  return {
    state: invite.revokedAt ? "revoked" : invite.expiresAt.getTime() <= now ? "expired" : "active",
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    revokedAt: invite.revokedAt,
    lastUsedAt: invite.lastUsedAt,
  };
}

/**
 * Resolves a token from a portal link. With `shopId` (the app proxy's verified shop), a token of
 * another shop's influencer is refused.
 *
 * @example const result = await resolvePortalToken(db, params.token, { now: Date.now() });
 * @returns `{ ok: true, access }`, or `{ ok: false, reason }` for a malformed, unknown (never
 *   issued, rotated away), expired or revoked token, another shop's, or an uninstalled shop's.
 */
export async function resolvePortalToken(db: Db, token: string, options: { now: number; shopId?: number }): Promise<PortalResolution> {
  if (!isWellFormedToken(token)) return { ok: false, reason: "malformed" };
  return resolvePortalTokenHash(db, hashInviteToken(token), options);
}

/**
 * Resolves the token hash a portal cookie carries, with the same checks as a link: a revoked or
 * rotated invite closes the sessions opened with it.
 *
 * @example const result = await resolvePortalTokenHash(db, session.tokenHash, { now: Date.now() });
 * @returns as {@link resolvePortalToken}; "malformed" for a string that is not a SHA-256 hex digest.
 */
export async function resolvePortalTokenHash(db: Db, tokenHash: string, options: { now: number; shopId?: number }): Promise<PortalResolution> {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) return { ok: false, reason: "malformed" };
  const invite = await findInviteByTokenHash(db, tokenHash);
  // The index lookup found the row by equality; compare again in constant time before trusting it.
  if (!invite || !sameTokenHash(tokenHash, invite.tokenHash)) return { ok: false, reason: "unknown" };
  const denial = await checkInvite(db, invite, options);
  if (denial) return { ok: false, reason: denial };
  await markInviteUsed(db, invite.shopId, invite.influencerId, new Date(options.now));
  return { ok: true, access: { shopId: invite.shopId, influencerId: invite.influencerId, tokenHash: invite.tokenHash } };
}

async function checkInvite(db: Db, invite: StoredInvite, options: { now: number; shopId?: number }): Promise<PortalDenial | null> {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= options.now) return "expired";
  if (options.shopId !== undefined && options.shopId !== invite.shopId) return "wrong_shop";
  const shop = await getShop(db, invite.shopId);
  if (!shop || shop.uninstalledAt) return "shop_gone";
  // The influencer must still be the shop's (the foreign key alone does not bind it to the shop).
  if (!(await getInfluencer(db, invite.shopId, invite.influencerId))) return "unknown";
  return null;
}

/**
 * Demo seed hook: invites the demo influencer, valid for a year, so `npm run demo` can print a
 * portal link that works.
 *
 * @example const { path } = await createDemoPortalInvite(db, shopId, influencerId); // "/portal/q3V0…"
 * @returns the token and the portal path (join it to the demo server's origin); throws as {@link inviteInfluencer}.
 */
export async function createDemoPortalInvite(db: Db, shopId: number, influencerId: string): Promise<{ token: string; path: string }> {
  const shop = await getShop(db, shopId);
  if (!shop) throw new InviteError("no such shop", "not_found");
  const invite = await inviteInfluencer(db, shopId, influencerId, {
    appUrl: "http://localhost/",
    shopDomain: shop.domain,
    validDays: MAX_INVITE_DAYS,
  });
  return { token: invite.token, path: `/portal/${invite.token}` };
}
