/**
 * What the merchant published to the public metrics API: one row per widget, scope and target.
 * Nothing is public unless a row says so (no row, or `enabled = false`, means unpublished).
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db.server";
import { publications } from "../db/schema";

export type PublicationWidget = (typeof publications.$inferSelect)["widget"];
export type PublicationScope = (typeof publications.$inferSelect)["scope"];

export const PUBLICATION_WIDGETS: readonly PublicationWidget[] = ["rate", "leaderboard", "influencer-card", "trend"];
export const PUBLICATION_SCOPES: readonly PublicationScope[] = ["overall", "influencer", "campaign"];

/** One publish switch. `target` is "" for the overall scope, the influencer id or the campaign key otherwise. */
export interface Publication {
  widget: PublicationWidget;
  scope: PublicationScope;
  target: string;
  enabled: boolean;
}

function checkTarget(p: Pick<Publication, "scope" | "target">): void {
  if (p.scope === "overall" ? p.target !== "" : p.target === "") {
    throw new RangeError(
      p.scope === "overall" ? `the overall scope takes no target, got ${JSON.stringify(p.target)}` : `a ${p.scope} publication needs a target`,
    );
  }
}

/**
 * Turns one publish switch on or off (creating the row the first time).
 *
 * @example await setPublication(db, shopId, { widget: "rate", scope: "overall", target: "", enabled: true });
 * @returns nothing; throws RangeError (and writes nothing) for a target that does not fit the scope.
 */
export async function setPublication(db: Db, shopId: number, p: Publication): Promise<void> {
  checkTarget(p);
  await db
    .insert(publications)
    .values({ shopId, widget: p.widget, scope: p.scope, target: p.target, enabled: p.enabled })
    .onConflictDoUpdate({
      target: [publications.shopId, publications.widget, publications.scope, publications.target],
      set: { enabled: p.enabled, updatedAt: new Date() },
    });
}

/**
 * Every publish switch the shop has touched, on and off.
 *
 * @example const switches = await listPublications(db, shopId);
 * @returns the rows by widget, scope and target; [] for a shop that never published anything.
 */
export async function listPublications(db: Db, shopId: number): Promise<Publication[]> {
  return db
    .select({ widget: publications.widget, scope: publications.scope, target: publications.target, enabled: publications.enabled })
    .from(publications)
    .where(eq(publications.shopId, shopId))
    .orderBy(asc(publications.widget), asc(publications.scope), asc(publications.target));
}

/**
 * The switches that are on.
 *
 * @example const on = await listEnabledPublications(db, shopId);
 * @returns only enabled rows; [] when nothing is published.
 */
export async function listEnabledPublications(db: Db, shopId: number): Promise<Publication[]> {
  return db
    .select({ widget: publications.widget, scope: publications.scope, target: publications.target, enabled: publications.enabled })
    .from(publications)
    .where(and(eq(publications.shopId, shopId), eq(publications.enabled, true)))
    .orderBy(asc(publications.widget), asc(publications.scope), asc(publications.target));
}
