/** Daily rollups: additive counts per day, influencer, campaign and segment; every change is a delta. */
import { and, asc, eq, gte, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { rollupKey, type RollupRow } from "@icr/metrics";
import type { Db } from "../db.server";
import { pgArrayLiteral } from "../db/pg-array";
import { rollups } from "../db/schema";

type Row = typeof rollups.$inferSelect;

function toRollupRow(row: Row): RollupRow {
  return {
    day: row.day,
    influencerId: row.influencerId,
    campaign: row.campaign === "" ? null : row.campaign,
    dimension: row.dimension as RollupRow["dimension"],
    value: row.value,
    clicks: row.clicks,
    botClicks: row.botClicks,
    engagements: row.engagements,
    purchase: { code: row.purchaseCode, link: row.purchaseLink, utm: row.purchaseUtm },
    signup: { code: row.signupCode, link: row.signupLink, utm: row.signupUtm },
    revenue: row.revenue,
  };
}

/** The stored row's key: no campaign is stored as "", so null and "" are one row here. */
function keyOf(r: RollupRow): string {
  return rollupKey({ ...r, campaign: r.campaign ?? "" });
}

const COUNTERS = [
  "clicks",
  "botClicks",
  "engagements",
  "purchaseCode",
  "purchaseLink",
  "purchaseUtm",
  "signupCode",
  "signupLink",
  "signupUtm",
  "revenue",
] as const;

/**
 * Adds delta rows to the stored rollups (one statement; rows with the same key are combined first so
 * one statement never touches a row twice).
 *
 * @example await addRollups(db, shopId, attributionDelta(previous, next, tz));
 * @returns how many distinct rollup rows were touched; 0 for an empty list.
 */
export async function addRollups(db: Db, shopId: number, deltas: RollupRow[]): Promise<number> {
  const combined = new Map<string, Required<typeof rollups.$inferInsert>>();
  for (const d of deltas) {
    const key = keyOf(d);
    const row = combined.get(key) ?? {
      shopId,
      day: d.day,
      influencerId: d.influencerId,
      campaign: d.campaign ?? "",
      dimension: d.dimension,
      value: d.value,
      clicks: 0,
      botClicks: 0,
      engagements: 0,
      purchaseCode: 0,
      purchaseLink: 0,
      purchaseUtm: 0,
      signupCode: 0,
      signupLink: 0,
      signupUtm: 0,
      revenue: 0,
    };
    row.clicks += d.clicks;
    row.botClicks += d.botClicks;
    row.engagements += d.engagements;
    row.purchaseCode += d.purchase.code;
    row.purchaseLink += d.purchase.link;
    row.purchaseUtm += d.purchase.utm;
    row.signupCode += d.signup.code;
    row.signupLink += d.signup.link;
    row.signupUtm += d.signup.utm;
    row.revenue += d.revenue;
    combined.set(key, row);
  }
  const values = [...combined.values()].filter((row) => COUNTERS.some((c) => row[c] !== 0));
  if (values.length === 0) return 0;
  const set = Object.fromEntries(
    COUNTERS.map((c) => [c, sql`${rollups[c]} + excluded.${sql.identifier(rollups[c].name)}`]),
  ) as Record<(typeof COUNTERS)[number], SQL>;
  // The rows travel as one array per column (`unnest`): 16 parameters whatever the number of rows,
  // where a VALUES list would take 16 per row and cost Drizzle time per parameter to build.
  const column = (pick: (row: (typeof values)[number]) => string | number) => pgArrayLiteral(values.map(pick));
  await db
    .insert(rollups)
    .select(
      sql`select * from unnest(
        ${column((r) => r.shopId)}::int[], ${column((r) => r.day)}::text[], ${column((r) => r.influencerId)}::text[],
        ${column((r) => r.campaign)}::text[], ${column((r) => r.dimension)}::text[], ${column((r) => r.value)}::text[],
        ${column((r) => r.clicks)}::int[], ${column((r) => r.botClicks)}::int[], ${column((r) => r.engagements)}::int[],
        ${column((r) => r.purchaseCode)}::int[], ${column((r) => r.purchaseLink)}::int[], ${column((r) => r.purchaseUtm)}::int[],
        ${column((r) => r.signupCode)}::int[], ${column((r) => r.signupLink)}::int[], ${column((r) => r.signupUtm)}::int[],
        ${column((r) => r.revenue)}::bigint[]
      )`,
    )
    .onConflictDoUpdate({
      target: [rollups.shopId, rollups.day, rollups.influencerId, rollups.campaign, rollups.dimension, rollups.value],
      set,
    });
  return values.length;
}

/**
 * The shop's rollup rows in a day range (inclusive), base rows and segments; rows whose counts
 * are all zero are left out.
 *
 * @example await listRollups(db, shopId, { from: "2025-03-01", to: "2025-03-31" });
 * @returns the rows by day; [] when there are none.
 */
export async function listRollups(
  db: Db,
  shopId: number,
  range: { from?: string; to?: string; dimension?: RollupRow["dimension"] } = {},
): Promise<RollupRow[]> {
  const conditions: SQL[] = [eq(rollups.shopId, shopId)];
  if (range.from) conditions.push(gte(rollups.day, range.from));
  if (range.to) conditions.push(lte(rollups.day, range.to));
  if (range.dimension !== undefined) conditions.push(eq(rollups.dimension, range.dimension));
  // A row whose counts were all taken back (a cancelled order) says nothing.
  conditions.push(or(...COUNTERS.map((c) => ne(rollups[c], 0))) as SQL);
  const rows = await db
    .select()
    .from(rollups)
    .where(and(...conditions))
    .orderBy(asc(rollups.day), asc(rollups.influencerId), asc(rollups.campaign), asc(rollups.dimension), asc(rollups.value));
  return rows.map(toRollupRow);
}
