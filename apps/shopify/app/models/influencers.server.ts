/** Influencers on a shop's roster. Email and customer id are stored only as the shop's salted hashes. */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Influencer } from "@icr/metrics";
import type { Db } from "../db.server";
import { influencers } from "../db/schema";

type Row = typeof influencers.$inferSelect;

export interface InfluencerInput {
  handle: string;
  name?: string | null;
  emailHash?: string | null;
  customerIdHash?: string | null;
  utm?: string | null;
  defaultCampaign?: string | null;
  platform?: string | null;
  tags?: string[];
}

/** The stored row as `@icr/metrics` sees it (hashes in place of email and customer id). */
export function toInfluencer(row: Row): Influencer {
  return {
    id: row.id,
    handle: row.handle,
    ...(row.name ? { name: row.name } : {}),
    ...(row.emailHash ? { email: row.emailHash } : {}),
    ...(row.customerIdHash ? { customerId: row.customerIdHash } : {}),
    ...(row.utm ? { utm: row.utm } : {}),
    ...(row.defaultCampaign ? { campaign: row.defaultCampaign } : {}),
    ...(row.platform ? { platform: row.platform } : {}),
    tags: row.tags,
  };
}

/**
 * Adds an influencer; the handle is stored lower-cased and must be unique in the shop.
 *
 * @example const alice = await createInfluencer(db, shopId, { handle: "Alice" }); // handle "alice"
 * @returns the new influencer; throws (unique violation) when the handle is taken.
 */
export async function createInfluencer(db: Db, shopId: number, input: InfluencerInput): Promise<Influencer> {
  const [row] = await db
    .insert(influencers)
    .values({
      id: randomUUID(),
      shopId,
      handle: input.handle.trim().toLowerCase(),
      name: input.name ?? null,
      emailHash: input.emailHash ?? null,
      customerIdHash: input.customerIdHash ?? null,
      utm: input.utm?.trim().toLowerCase() || null,
      defaultCampaign: input.defaultCampaign ?? null,
      platform: input.platform?.trim().toLowerCase() || null,
      tags: input.tags ?? [],
    })
    .returning();
  if (!row) throw new Error("influencer insert returned no row");
  return toInfluencer(row);
}

/**
 * Changes an influencer's fields (those given).
 *
 * @example await updateInfluencer(db, shopId, id, { utm: "alice_ig" });
 * @returns the updated influencer, or null when the id is not in this shop.
 */
export async function updateInfluencer(
  db: Db,
  shopId: number,
  id: string,
  patch: Partial<InfluencerInput>,
): Promise<Influencer | null> {
  const set: Partial<typeof influencers.$inferInsert> = {};
  if (patch.handle !== undefined) set.handle = patch.handle.trim().toLowerCase();
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.emailHash !== undefined) set.emailHash = patch.emailHash;
  if (patch.customerIdHash !== undefined) set.customerIdHash = patch.customerIdHash;
  if (patch.utm !== undefined) set.utm = patch.utm?.trim().toLowerCase() || null;
  if (patch.defaultCampaign !== undefined) set.defaultCampaign = patch.defaultCampaign;
  if (patch.platform !== undefined) set.platform = patch.platform?.trim().toLowerCase() || null;
  if (patch.tags !== undefined) set.tags = patch.tags;
  if (Object.keys(set).length === 0) return getInfluencer(db, shopId, id);
  const [row] = await db
    .update(influencers)
    .set(set)
    .where(and(eq(influencers.shopId, shopId), eq(influencers.id, id)))
    .returning();
  return row ? toInfluencer(row) : null;
}

/**
 * One influencer of the shop.
 *
 * @example const alice = await getInfluencer(db, shopId, id);
 * @returns the influencer, or null when the id is not in this shop.
 */
export async function getInfluencer(db: Db, shopId: number, id: string): Promise<Influencer | null> {
  const [row] = await db
    .select()
    .from(influencers)
    .where(and(eq(influencers.shopId, shopId), eq(influencers.id, id)));
  return row ? toInfluencer(row) : null;
}

/**
 * The shop's whole roster, by handle.
 *
 * @example const roster = await listInfluencers(db, shopId);
 * @returns the influencers; [] for a shop with none.
 */
export async function listInfluencers(db: Db, shopId: number): Promise<Influencer[]> {
  const rows = await db.select().from(influencers).where(eq(influencers.shopId, shopId)).orderBy(asc(influencers.handle));
  return rows.map(toInfluencer);
}

/**
 * The influencers with these ids, or whose handle or utm value is one of `handles` (case-insensitive):
 * exactly what attributing one order needs.
 *
 * @example await findInfluencers(db, shopId, { ids: ["…"], handles: ["alice"] });
 * @returns the matching influencers; [] when both lists are empty.
 */
export async function findInfluencers(
  db: Db,
  shopId: number,
  keys: { ids?: string[]; handles?: string[] },
): Promise<Influencer[]> {
  const ids = [...new Set(keys.ids ?? [])];
  const handles = [...new Set((keys.handles ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0 && handles.length === 0) return [];
  const conditions = [];
  if (ids.length > 0) conditions.push(inArray(influencers.id, ids));
  if (handles.length > 0) {
    conditions.push(inArray(influencers.handle, handles), inArray(influencers.utm, handles));
  }
  const rows = await db
    .select()
    .from(influencers)
    .where(and(eq(influencers.shopId, shopId), or(...conditions)));
  return rows.map(toInfluencer);
}

/**
 * Removes an influencer with their codes and links (cascade); clicks and attributions keep their history.
 *
 * @example await deleteInfluencer(db, shopId, id);
 * @returns true when deleted, false when the id is not in this shop.
 */
export async function deleteInfluencer(db: Db, shopId: number, id: string): Promise<boolean> {
  const rows = await db
    .delete(influencers)
    .where(and(eq(influencers.shopId, shopId), eq(influencers.id, id)))
    .returning({ id: influencers.id });
  return rows.length > 0;
}

/** What the merchant pays an influencer: percent of net revenue in basis points, or fixed minor units per conversion. */
export interface CommissionRate {
  kind: "percent" | "fixed";
  /** Basis points (1250 = 12.5%) for "percent"; minor units per attributed purchase for "fixed". */
  value: number;
}

/**
 * The influencer's commission rate.
 *
 * @example const rate = await getInfluencerCommission(db, shopId, id); // { kind: "percent", value: 1000 }
 * @returns the rate, or null when the merchant set none (or the id is not in this shop).
 */
export async function getInfluencerCommission(db: Db, shopId: number, id: string): Promise<CommissionRate | null> {
  const [row] = await db
    .select({ kind: influencers.commissionKind, value: influencers.commissionValue })
    .from(influencers)
    .where(and(eq(influencers.shopId, shopId), eq(influencers.id, id)));
  return row?.kind && row.value !== null ? { kind: row.kind, value: row.value } : null;
}

/**
 * Sets (or, with null, clears) the influencer's commission rate.
 *
 * @example await setInfluencerCommission(db, shopId, id, { kind: "fixed", value: 500 }); // 5.00 per purchase
 * @returns true when saved, false when the id is not in this shop; throws RangeError for a
 *   negative or non-integer value, or a percent above 10,000 basis points (100%).
 */
export async function setInfluencerCommission(db: Db, shopId: number, id: string, rate: CommissionRate | null): Promise<boolean> {
  if (rate !== null) {
    if (rate.kind !== "percent" && rate.kind !== "fixed") throw new RangeError(`commission kind must be percent or fixed, not ${String(rate.kind)}`);
    if (!Number.isSafeInteger(rate.value) || rate.value < 0) throw new RangeError(`commission value must be a whole number ≥ 0, not ${String(rate.value)}`);
    if (rate.kind === "percent" && rate.value > 10_000) throw new RangeError(`a percent commission is at most 10000 basis points (100%), not ${rate.value}`);
  }
  const rows = await db
    .update(influencers)
    .set({ commissionKind: rate?.kind ?? null, commissionValue: rate?.value ?? null })
    .where(and(eq(influencers.shopId, shopId), eq(influencers.id, id)))
    .returning({ id: influencers.id });
  return rows.length > 0;
}
