/**
 * Portal invitations: one row per influencer, holding the SHA-256 of the current token (never the
 * token), its expiry, and whether the merchant revoked it. Re-inviting replaces the row, so the old
 * token's hash is gone the moment the new one is stored.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db.server";
import { influencerInvites } from "../db/schema";

export type StoredInvite = typeof influencerInvites.$inferSelect;

/**
 * Stores the influencer's invite, replacing any earlier one (rotation: the old hash stops matching
 * in the same statement). The caller checks that the influencer belongs to the shop.
 *
 * @example await replaceInvite(db, shopId, { influencerId, tokenHash, expiresAt });
 * @returns the stored invite (not revoked, never used).
 */
export async function replaceInvite(
  db: Db,
  shopId: number,
  input: { influencerId: string; tokenHash: string; expiresAt: Date; createdAt: Date },
): Promise<StoredInvite> {
  const values = { shopId, ...input, revokedAt: null, lastUsedAt: null };
  const [row] = await db
    .insert(influencerInvites)
    .values(values)
    .onConflictDoUpdate({
      target: [influencerInvites.shopId, influencerInvites.influencerId],
      set: { tokenHash: input.tokenHash, expiresAt: input.expiresAt, createdAt: input.createdAt, revokedAt: null, lastUsedAt: null },
    })
    .returning();
  if (!row) throw new Error("invite upsert returned no row");
  return row;
}

/**
 * The influencer's invite.
 *
 * @example const invite = await getInvite(db, shopId, influencerId);
 * @returns the row, or null when the influencer was never invited (or is not in this shop).
 */
export async function getInvite(db: Db, shopId: number, influencerId: string): Promise<StoredInvite | null> {
  const [row] = await db
    .select()
    .from(influencerInvites)
    .where(and(eq(influencerInvites.shopId, shopId), eq(influencerInvites.influencerId, influencerId)));
  return row ?? null;
}

/**
 * The one lookup not scoped by shop: a portal link carries only the token, and its hash (unique
 * across shops) says which shop and influencer it opens. Callers still check expiry and revocation.
 *
 * @example const invite = await findInviteByTokenHash(db, hashInviteToken(token));
 * @returns the row, or null for a hash no invite has.
 */
export async function findInviteByTokenHash(db: Db, tokenHash: string): Promise<StoredInvite | null> {
  const [row] = await db.select().from(influencerInvites).where(eq(influencerInvites.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Revokes the influencer's invite (the row stays, so the admin can say when it was revoked).
 *
 * @example await markInviteRevoked(db, shopId, influencerId, new Date());
 * @returns true when an invite was revoked now, false when there is none or it was already revoked.
 */
export async function markInviteRevoked(db: Db, shopId: number, influencerId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(influencerInvites)
    .set({ revokedAt: at })
    .where(
      and(
        eq(influencerInvites.shopId, shopId),
        eq(influencerInvites.influencerId, influencerId),
        sql`${influencerInvites.revokedAt} is null`,
      ),
    )
    .returning({ influencerId: influencerInvites.influencerId });
  return rows.length > 0;
}

/**
 * Records that the portal was opened with the invite (shown to the merchant as "last opened").
 *
 * @example await markInviteUsed(db, shopId, influencerId, new Date());
 * @returns nothing; no row changes when there is no invite.
 */
export async function markInviteUsed(db: Db, shopId: number, influencerId: string, at: Date): Promise<void> {
  await db
    .update(influencerInvites)
    .set({ lastUsedAt: at })
    .where(and(eq(influencerInvites.shopId, shopId), eq(influencerInvites.influencerId, influencerId)));
}
