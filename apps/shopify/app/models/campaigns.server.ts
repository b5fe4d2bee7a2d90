/** Campaigns: a goal (purchase or sign-up), a free-text type and optional dates. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Campaign, Goal } from "@icr/metrics";
import type { Db } from "../db.server";
import { campaigns } from "../db/schema";

type Row = typeof campaigns.$inferSelect;

export interface CampaignInput {
  key: string;
  name: string;
  goal: Goal;
  type?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
}

/** The stored row as `@icr/metrics` sees it: the key is the campaign id. */
export function toCampaign(row: Row): Campaign {
  return {
    id: row.key,
    name: row.name,
    goal: row.goal,
    ...(row.type ? { type: row.type } : {}),
    ...(row.startsAt ? { startsAt: row.startsAt.getTime() } : {}),
    ...(row.endsAt ? { endsAt: row.endsAt.getTime() } : {}),
  };
}

/**
 * Creates or updates a campaign by key (lower-cased: it is the `utm_campaign` value).
 *
 * @example await saveCampaign(db, shopId, { key: "spring", name: "Spring", goal: "purchase" });
 * @returns the stored campaign; throws when `endsAt` is before `startsAt`.
 */
export async function saveCampaign(db: Db, shopId: number, input: CampaignInput): Promise<Campaign> {
  if (input.startsAt && input.endsAt && input.endsAt < input.startsAt) {
    throw new Error(`campaign ${input.key}: endsAt is before startsAt`);
  }
  const values = {
    shopId,
    key: input.key.trim().toLowerCase(),
    name: input.name,
    goal: input.goal,
    type: input.type ?? null,
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
  };
  const [row] = await db
    .insert(campaigns)
    .values(values)
    .onConflictDoUpdate({
      target: [campaigns.shopId, campaigns.key],
      set: { name: values.name, goal: values.goal, type: values.type, startsAt: values.startsAt, endsAt: values.endsAt },
    })
    .returning();
  if (!row) throw new Error("campaign upsert returned no row");
  return toCampaign(row);
}

/**
 * The shop's campaigns, by key.
 *
 * @example const all = await listCampaigns(db, shopId);
 * @returns the campaigns; [] for a shop with none.
 */
export async function listCampaigns(db: Db, shopId: number): Promise<Campaign[]> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.shopId, shopId)).orderBy(asc(campaigns.key));
  return rows.map(toCampaign);
}

/**
 * The campaigns with these keys.
 *
 * @example await findCampaigns(db, shopId, ["spring"]);
 * @returns the matches; [] for an empty list.
 */
export async function findCampaigns(db: Db, shopId: number, keys: string[]): Promise<Campaign[]> {
  const wanted = [...new Set(keys.map((k) => k.trim().toLowerCase()))];
  if (wanted.length === 0) return [];
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.shopId, shopId), inArray(campaigns.key, wanted)));
  return rows.map(toCampaign);
}
