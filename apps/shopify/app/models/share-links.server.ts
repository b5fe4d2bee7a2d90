/** Share links: `/r/{slug}` redirects to a destination with the influencer's UTM parameters. */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { ShareLink } from "@icr/metrics";
import type { Db } from "../db.server";
import { shareLinks } from "../db/schema";

type Row = typeof shareLinks.$inferSelect;

export interface StoredLink extends ShareLink {
  id: string;
  shopId: number;
  destination: string;
}

function toStoredLink(row: Row): StoredLink {
  return {
    id: row.id,
    shopId: row.shopId,
    slug: row.slug,
    influencerId: row.influencerId,
    ...(row.campaign ? { campaign: row.campaign } : {}),
    ...(row.platform ? { platform: row.platform } : {}),
    destination: row.destination,
  };
}

/**
 * Stores a share link.
 *
 * @example await createLink(db, shopId, { slug: "alice-ig", influencerId, destination: "https://shop.example/" });
 * @returns the link; throws (unique violation) when the slug is taken by any shop.
 */
export async function createLink(
  db: Db,
  shopId: number,
  input: { slug: string; influencerId: string; destination: string; campaign?: string | null; platform?: string | null },
): Promise<StoredLink> {
  const [row] = await db
    .insert(shareLinks)
    .values({
      id: randomUUID(),
      shopId,
      slug: input.slug,
      influencerId: input.influencerId,
      destination: input.destination,
      campaign: input.campaign ?? null,
      platform: input.platform ?? null,
    })
    .returning();
  if (!row) throw new Error("link insert returned no row");
  return toStoredLink(row);
}

/**
 * Changes a link's influencer, campaign, platform or destination (past clicks keep who they were for).
 *
 * @example await updateLink(db, shopId, linkId, { campaign: "spring" });
 * @returns the updated link and the previous version, or null when the id is not in this shop.
 */
export async function updateLink(
  db: Db,
  shopId: number,
  id: string,
  patch: { influencerId?: string; destination?: string; campaign?: string | null; platform?: string | null },
): Promise<{ current: StoredLink; previous: StoredLink } | null> {
  const previous = await getLink(db, shopId, id);
  if (!previous) return null;
  const [row] = await db
    .update(shareLinks)
    .set(patch)
    .where(and(eq(shareLinks.shopId, shopId), eq(shareLinks.id, id)))
    .returning();
  return row ? { current: toStoredLink(row), previous } : null;
}

/**
 * One link of the shop by id.
 *
 * @example await getLink(db, shopId, linkId);
 * @returns the link, or null when the id is not in this shop.
 */
export async function getLink(db: Db, shopId: number, id: string): Promise<StoredLink | null> {
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.shopId, shopId), eq(shareLinks.id, id)));
  return row ? toStoredLink(row) : null;
}

/**
 * One link of the shop by slug (the app-proxy path, where the shop is known).
 *
 * @example await findLinkBySlug(db, shopId, "alice-ig");
 * @returns the link, or null when this shop has no such slug.
 */
export async function findLinkBySlug(db: Db, shopId: number, slug: string): Promise<StoredLink | null> {
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.shopId, shopId), eq(shareLinks.slug, slug)));
  return row ? toStoredLink(row) : null;
}

/**
 * The one lookup not scoped by shop: `/r/{slug}` on the app's domain names no shop, so the
 * globally unique slug decides it, and the link says which shop it belongs to.
 *
 * @example const link = await resolveSlug(db, "alice-ig"); // link.shopId
 * @returns the link, or null for an unknown slug.
 */
export async function resolveSlug(db: Db, slug: string): Promise<StoredLink | null> {
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.slug, slug));
  return row ? toStoredLink(row) : null;
}

/**
 * The shop's links (or one influencer's).
 *
 * @example await listLinks(db, shopId, { influencerId });
 * @returns the links by slug; [] when there are none.
 */
export async function listLinks(db: Db, shopId: number, filter: { influencerId?: string } = {}): Promise<StoredLink[]> {
  const where = filter.influencerId
    ? and(eq(shareLinks.shopId, shopId), eq(shareLinks.influencerId, filter.influencerId))
    : eq(shareLinks.shopId, shopId);
  const rows = await db.select().from(shareLinks).where(where).orderBy(asc(shareLinks.slug));
  return rows.map(toStoredLink);
}
