/** Share-link clicks as recorded (bots and repeats included, flagged). */
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { ClassifiedClick } from "@icr/metrics";
import type { Db } from "../db.server";
import { clicks } from "../db/schema";

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
 *
 * @example await insertClicks(db, shopId, [click]);
 * @returns the ids actually inserted; [] for an empty batch.
 */
export async function insertClicks(db: Db, shopId: number, batch: StoredClick[]): Promise<string[]> {
  if (batch.length === 0) return [];
  const rows = await db
    .insert(clicks)
    .values(
      batch.map((c) => ({
        id: c.id,
        shopId,
        linkId: c.linkId,
        slug: c.link,
        influencerId: c.influencerId,
        campaign: c.campaign ?? null,
        at: new Date(c.at),
        visitorHash: c.visitor,
        method: c.method ?? "GET",
        bot: c.bot,
        counted: c.counted,
        country: c.country ?? null,
        device: c.device ?? null,
      })),
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

