/** Share-link clicks as recorded (bots and repeats included, flagged). */
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { ClassifiedClick } from "@icr/metrics";
import type { Db } from "../db.server";
import { pgArrayLiteral } from "../db/pg-array";
import { clicks, shops } from "../db/schema";

type Row = typeof clicks.$inferSelect;

/** A classified click with the id of the link row it came through. */
export interface StoredClick extends ClassifiedClick {
  linkId: string;
}

function toClick(row: Row): StoredClick {
  return {
    id: row.id,
    at: row.at.getTime(),
    link: row.slug,
    linkId: row.linkId,
    influencerId: row.influencerId,
    ...(row.campaign ? { campaign: row.campaign } : {}),
    visitor: row.visitorHash,
    method: row.method,
    ...(row.country ? { country: row.country } : {}),
    ...(row.device ? { device: row.device } : {}),
    bot: row.bot,
    counted: row.counted,
  };
}

/**
 * Stores a batch of clicks of one shop; a click id already stored is skipped (a retried flush).
 * One statement per batch whatever its size: the columns travel as 12 arrays (`unnest`), which
 * keeps the SQL text short and under PostgreSQL's parameter limit. The table has no foreign key
 * to shops (see the schema), so the statement checks the shop once and key-share locks its row:
 * a shop erased before or while the batch is written gets none of its clicks.
 *
 * @example await insertClicks(db, shopId, [click]);
 * @returns the ids actually inserted; [] for an empty batch or a shop that no longer exists.
 */
export async function insertClicks(db: Db, shopId: number, batch: StoredClick[]): Promise<string[]> {
  if (batch.length === 0) return [];
  const column = (pick: (c: StoredClick) => string | number | boolean | null) => pgArrayLiteral(batch.map(pick));
  // Columns in the table's order (the insert lists them all); the time travels as epoch ms and is
  // converted exactly (integer milliseconds), which is cheaper on both sides than ISO strings.
  const rows = await db
    .insert(clicks)
    .select(
      sql`select u.id, ${shopId}::int, u.link_id, u.slug, u.influencer_id, u.campaign,
          'epoch'::timestamptz + u.at_ms * interval '1 millisecond', u.visitor_hash, u.method, u.bot, u.counted, u.country, u.device
        from unnest(
          ${column((c) => c.id)}::text[],
          ${column((c) => c.linkId)}::text[],
          ${column((c) => c.link)}::text[],
          ${column((c) => c.influencerId)}::text[],
          ${column((c) => c.campaign ?? null)}::text[],
          ${column((c) => c.at)}::bigint[],
          ${column((c) => c.visitor)}::text[],
          ${column((c) => c.method ?? "GET")}::text[],
          ${column((c) => c.bot)}::boolean[],
          ${column((c) => c.counted)}::boolean[],
          ${column((c) => c.country ?? null)}::text[],
          ${column((c) => c.device ?? null)}::text[]
        ) as u(id, link_id, slug, influencer_id, campaign, at_ms, visitor_hash, method, bot, counted, country, device)
        where exists (select 1 from ${shops} where ${shops.id} = ${shopId} for key share)`,
    )
    .onConflictDoNothing()
    .returning({ id: clicks.id });
  return rows.map((r) => r.id);
}

/**
 * When this visitor's last counted click on this link happened (for the 60-minute de-duplication).
 *
 * @example await lastCountedAt(db, shopId, linkId, visitorHash, Date.now());
 * @returns epoch ms, or null when the visitor has no counted click on the link at or before `atOrBefore`.
 */
export async function lastCountedAt(
  db: Db,
  shopId: number,
  linkId: string,
  visitorHash: string,
  atOrBefore: number,
): Promise<number | null> {
  const [row] = await db
    .select({ at: clicks.at })
    .from(clicks)
    .where(
      and(
        eq(clicks.shopId, shopId),
        eq(clicks.linkId, linkId),
        eq(clicks.visitorHash, visitorHash),
        eq(clicks.counted, true),
        lte(clicks.at, new Date(atOrBefore)),
      ),
    )
    .orderBy(desc(clicks.at))
    .limit(1);
  return row ? row.at.getTime() : null;
}

/**
 * `lastCountedAt` for many link+visitor pairs in one query (a flush of new visitors).
 *
 * @example await lastCountedAtMany(db, shopId, [{ linkId, visitor }], Date.now());
 * @returns a map keyed `${linkId}\u0000${visitor}` holding epoch ms; pairs without a counted click are absent.
 */
export async function lastCountedAtMany(
  db: Db,
  shopId: number,
  pairs: { linkId: string; visitor: string }[],
  atOrBefore: number,
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (pairs.length === 0) return result;
  // Exactly the pairs asked for, each one index probe for its latest counted click: two IN lists
  // would make PostgreSQL probe every link × visitor combination.
  const rows = await db
    .select({ linkId: sql<string>`p.link_id`, visitor: sql<string>`p.visitor`, at: sql`c.at`.mapWith(clicks.at) })
    .from(
      sql`unnest(${pgArrayLiteral(pairs.map((p) => p.linkId))}::text[], ${pgArrayLiteral(pairs.map((p) => p.visitor))}::text[]) as p(link_id, visitor)
        cross join lateral (
          select ${clicks.at} as at from ${clicks}
          where ${clicks.shopId} = ${shopId} and ${clicks.linkId} = p.link_id and ${clicks.visitorHash} = p.visitor
            and ${clicks.counted} and ${clicks.at} <= ${new Date(atOrBefore).toISOString()}::timestamptz
          order by ${clicks.at} desc limit 1
        ) as c`,
    );
  for (const row of rows) result.set(`${row.linkId}\u0000${row.visitor}`, row.at.getTime());
  return result;
}

/**
 * The clicks with these ids (an order's `_icr_click` values).
 *
 * @example await findClicks(db, shopId, ["c_abc"]);
 * @returns the clicks found (unknown ids are skipped); [] for an empty list.
 */
export async function findClicks(db: Db, shopId: number, ids: string[]): Promise<StoredClick[]> {
  const wanted = [...new Set(ids)].filter(Boolean);
  if (wanted.length === 0) return [];
  const rows = await db
    .select()
    .from(clicks)
    .where(and(eq(clicks.shopId, shopId), inArray(clicks.id, wanted)));
  return rows.map(toClick);
}

/**
 * The ids of every click made through one link (to find the orders that name them).
 *
 * @example await clickIdsOfLink(db, shopId, linkId);
 * @returns the ids; [] when the link has no clicks.
 */
export async function clickIdsOfLink(db: Db, shopId: number, linkId: string): Promise<string[]> {
  const rows = await db
    .select({ id: clicks.id })
    .from(clicks)
    .where(and(eq(clicks.shopId, shopId), eq(clicks.linkId, linkId)));
  return rows.map((r) => r.id);
}

/**
 * Deletes every click of a shop (the shop's erasure: clicks carry no foreign key to cascade through).
 *
 * @example await deleteClicksOfShop(tx, shopId);
 * @returns once deleted (a shop can have millions of clicks: no ids are read back).
 */
export async function deleteClicksOfShop(db: Db, shopId: number): Promise<void> {
  await db.delete(clicks).where(eq(clicks.shopId, shopId));
}
