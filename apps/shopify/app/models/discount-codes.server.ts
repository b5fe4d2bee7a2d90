/** Discount codes assigned to influencers, matched case-insensitively. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { CodeAssignment } from "@icr/metrics";
import type { Db } from "../db.server";
import { discountCodes } from "../db/schema";

type Row = typeof discountCodes.$inferSelect;

export interface StoredCode extends CodeAssignment {
  shopifyId: string | null;
  origin: "created" | "adopted";
}

function toStoredCode(row: Row): StoredCode {
  return {
    code: row.code,
    influencerId: row.influencerId,
    ...(row.campaign ? { campaign: row.campaign } : {}),
    shopifyId: row.shopifyId,
    origin: row.origin,
  };
}

/**
 * Assigns a code to an influencer (re-assigning it when it already belongs to someone else).
 *
 * @example await assignCode(db, shopId, { code: "ALICE10", influencerId, origin: "created", shopifyId: gid });
 * @returns the stored assignment and the previous one (null when the code is new).
 */
export async function assignCode(
  db: Db,
  shopId: number,
  input: { code: string; influencerId: string; campaign?: string | null; shopifyId?: string | null; origin: "created" | "adopted" },
): Promise<{ current: StoredCode; previous: StoredCode | null }> {
  const code = input.code.trim();
  if (code === "") throw new Error("a discount code cannot be empty");
  const previous = await findCode(db, shopId, code);
  const values = {
    shopId,
    codeLower: code.toLowerCase(),
    code,
    influencerId: input.influencerId,
    campaign: input.campaign ?? null,
    shopifyId: input.shopifyId ?? null,
    origin: input.origin,
  };
  const [row] = await db
    .insert(discountCodes)
    .values(values)
    .onConflictDoUpdate({
      target: [discountCodes.shopId, discountCodes.codeLower],
      set: { code, influencerId: values.influencerId, campaign: values.campaign, shopifyId: values.shopifyId, origin: values.origin },
    })
    .returning();
  if (!row) throw new Error("code upsert returned no row");
  return { current: toStoredCode(row), previous };
}

/**
 * One code, case-insensitively.
 *
 * @example await findCode(db, shopId, "alice10");
 * @returns the assignment, or null when the code is not assigned in this shop.
 */
export async function findCode(db: Db, shopId: number, code: string): Promise<StoredCode | null> {
  const [row] = await db
    .select()
    .from(discountCodes)
    .where(and(eq(discountCodes.shopId, shopId), eq(discountCodes.codeLower, code.trim().toLowerCase())));
  return row ? toStoredCode(row) : null;
}

/**
 * The assigned codes among `codes` (an order's discount codes), case-insensitively.
 *
 * @example await findCodes(db, shopId, ["ALICE10", "WELCOME"]);
 * @returns the assignments found; [] for an empty list.
 */
export async function findCodes(db: Db, shopId: number, codes: string[]): Promise<StoredCode[]> {
  const wanted = [...new Set(codes.map((c) => c.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const rows = await db
    .select()
    .from(discountCodes)
    .where(and(eq(discountCodes.shopId, shopId), inArray(discountCodes.codeLower, wanted)));
  return rows.map(toStoredCode);
}

/**
 * Every code of the shop (or of one influencer).
 *
 * @example await listCodes(db, shopId, { influencerId });
 * @returns the assignments by code; [] when there are none.
 */
export async function listCodes(db: Db, shopId: number, filter: { influencerId?: string } = {}): Promise<StoredCode[]> {
  const where = filter.influencerId
    ? and(eq(discountCodes.shopId, shopId), eq(discountCodes.influencerId, filter.influencerId))
    : eq(discountCodes.shopId, shopId);
  const rows = await db.select().from(discountCodes).where(where).orderBy(asc(discountCodes.codeLower));
  return rows.map(toStoredCode);
}

/**
 * Unassigns a code (the Shopify discount itself is left alone).
 *
 * @example await removeCode(db, shopId, "ALICE10");
 * @returns the removed assignment, or null when it was not assigned.
 */
export async function removeCode(db: Db, shopId: number, code: string): Promise<StoredCode | null> {
  const [row] = await db
    .delete(discountCodes)
    .where(and(eq(discountCodes.shopId, shopId), eq(discountCodes.codeLower, code.trim().toLowerCase())))
    .returning();
  return row ? toStoredCode(row) : null;
}
