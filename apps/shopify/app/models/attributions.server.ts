/** The current attribution of each order, with its winning, overruled and expired evidence. */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Attribution } from "@icr/metrics";
import type { Db } from "../db.server";
import { attributions } from "../db/schema";

type Row = typeof attributions.$inferSelect;

function toAttribution(row: Row): Attribution {
  return {
    orderId: row.orderId,
    orderName: row.orderName,
    goal: row.goal,
    createdAt: row.orderCreatedAt.getTime(),
    status: row.status,
    excludedReason: row.excludedReason,
    influencerId: row.influencerId,
    campaign: row.campaign,
    rule: row.rule,
    evidence: row.evidence,
    overruled: row.overruled,
    expired: row.expired,
    revenue: row.revenue,
    currency: row.currency,
    segments: row.segments,
  };
}

/**
 * The stored attribution of one order.
 *
 * @example const previous = await getAttribution(db, shopId, "450789469");
 * @returns the attribution, or null when the order was never attributed.
 */
export async function getAttribution(db: Db, shopId: number, orderId: string): Promise<Attribution | null> {
  const [row] = await db
    .select()
    .from(attributions)
    .where(and(eq(attributions.shopId, shopId), eq(attributions.orderId, orderId)));
  return row ? toAttribution(row) : null;
}

/**
 * The stored attributions of several orders (a re-attribution batch).
 *
 * @example const byOrder = await getAttributions(db, shopId, ["1", "2"]);
 * @returns a map from order id to attribution; empty for an empty list.
 */
export async function getAttributions(db: Db, shopId: number, orderIds: string[]): Promise<Map<string, Attribution>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(attributions)
    .where(and(eq(attributions.shopId, shopId), inArray(attributions.orderId, orderIds)));
  return new Map(rows.map((r) => [r.orderId, toAttribution(r)]));
}

/**
 * Stores (replaces) an order's attribution.
 *
 * @example await saveAttribution(db, shopId, attribution);
 * @returns nothing.
 */
export async function saveAttribution(db: Db, shopId: number, a: Attribution): Promise<void> {
  await saveAttributions(db, shopId, [a]);
}

/**
 * Stores (replaces) several orders' attributions in one statement (distinct orders).
 *
 * @example await saveAttributions(tx, shopId, attributions);
 * @returns nothing; no statement for an empty list.
 */
export async function saveAttributions(db: Db, shopId: number, list: Attribution[]): Promise<void> {
  if (list.length === 0) return;
  const values = list.map((a) => ({
    shopId,
    orderId: a.orderId,
    orderName: a.orderName,
    goal: a.goal,
    orderCreatedAt: new Date(a.createdAt),
    status: a.status,
    excludedReason: a.excludedReason,
    influencerId: a.influencerId,
    campaign: a.campaign,
    rule: a.rule,
    evidence: a.evidence,
    overruled: a.overruled,
    expired: a.expired,
    revenue: a.revenue,
    currency: a.currency,
    segments: a.segments,
  }));
  const excluded = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);
  await db
    .insert(attributions)
    .values(values)
    .onConflictDoUpdate({
      target: [attributions.shopId, attributions.orderId],
      set: {
        orderName: excluded(attributions.orderName),
        goal: excluded(attributions.goal),
        orderCreatedAt: excluded(attributions.orderCreatedAt),
        status: excluded(attributions.status),
        excludedReason: excluded(attributions.excludedReason),
        influencerId: excluded(attributions.influencerId),
        campaign: excluded(attributions.campaign),
        rule: excluded(attributions.rule),
        evidence: excluded(attributions.evidence),
        overruled: excluded(attributions.overruled),
        expired: excluded(attributions.expired),
        revenue: excluded(attributions.revenue),
        currency: excluded(attributions.currency),
        segments: excluded(attributions.segments),
        attributedAt: sql`now()`,
      },
    });
}

/**
 * The shop's attributions of one status (explanations, the influencer's receipts).
 *
 * @example await listAttributions(db, shopId, { influencerId });
 * @returns the attributions; [] when there are none.
 */
export async function listAttributions(
  db: Db,
  shopId: number,
  filter: { influencerId?: string; status?: Attribution["status"] } = {},
): Promise<Attribution[]> {
  const conditions = [eq(attributions.shopId, shopId)];
  if (filter.influencerId) conditions.push(eq(attributions.influencerId, filter.influencerId));
  if (filter.status) conditions.push(eq(attributions.status, filter.status));
  const rows = await db
    .select()
    .from(attributions)
    .where(and(...conditions))
    .orderBy(attributions.orderCreatedAt);
  return rows.map(toAttribution);
}

/**
 * Clears the evidence of redacted orders (customers/redact). The credit itself (influencer, rule,
 * revenue, segments) stays: it holds nothing about the customer and keeps the rollups explainable.
 *
 * @example await redactAttributionEvidence(db, shopId, ["450789469"]);
 * @returns how many attributions were redacted; 0 for an empty list.
 */
export async function redactAttributionEvidence(db: Db, shopId: number, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const rows = await db
    .update(attributions)
    .set({ evidence: [], overruled: [], expired: [] })
    .where(and(eq(attributions.shopId, shopId), inArray(attributions.orderId, orderIds)))
    .returning({ orderId: attributions.orderId });
  return rows.length;
}

/**
 * One page of an influencer's attributions (any status), newest order first, for receipts lists.
 *
 * @example const { items, total } = await pageAttributions(db, shopId, { influencerId, limit: 25, offset: 0 });
 * @returns the page and the total count; `{ items: [], total: 0 }` when there are none.
 */
export async function pageAttributions(
  db: Db,
  shopId: number,
  options: { influencerId: string; limit: number; offset: number },
): Promise<{ items: Attribution[]; total: number }> {
  const where = and(eq(attributions.shopId, shopId), eq(attributions.influencerId, options.influencerId));
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(attributions)
      .where(where)
      .orderBy(sql`${attributions.orderCreatedAt} desc`, sql`${attributions.orderId} desc`)
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(attributions).where(where),
  ]);
  return { items: rows.map(toAttribution), total: Number(counted?.n ?? 0) };
}
