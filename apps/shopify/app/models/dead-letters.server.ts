/** Signed webhook deliveries the app could not parse, kept with their raw body. */
import { count, desc, eq } from "drizzle-orm";
import type { Db } from "../db.server";
import { deadLetters } from "../db/schema";

export type DeadLetter = typeof deadLetters.$inferSelect;

/**
 * Stores a delivery that failed to parse.
 *
 * @example await addDeadLetter(db, shopId, { topic: "orders/create", eventId, webhookId, rawBody, error: "…" });
 * @returns the new dead letter's id.
 */
export async function addDeadLetter(
  db: Db,
  shopId: number,
  input: { topic: string; eventId: string | null; webhookId: string | null; rawBody: string; error: string },
): Promise<number> {
  const [row] = await db
    .insert(deadLetters)
    .values({ shopId, ...input })
    .returning({ id: deadLetters.id });
  if (!row) throw new Error("dead letter insert returned no row");
  return row.id;
}

/**
 * The shop's dead letters, newest first.
 *
 * @example await listDeadLetters(db, shopId);
 * @returns the dead letters; [] when every delivery parsed.
 */
export async function listDeadLetters(db: Db, shopId: number): Promise<DeadLetter[]> {
  return db.select().from(deadLetters).where(eq(deadLetters.shopId, shopId)).orderBy(desc(deadLetters.receivedAt), desc(deadLetters.id));
}

/**
 * How many dead letters the shop has (the admin shows it as a warning).
 *
 * @example await countDeadLetters(db, shopId);
 * @returns the count; 0 when every delivery parsed.
 */
export async function countDeadLetters(db: Db, shopId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(deadLetters).where(eq(deadLetters.shopId, shopId));
  return Number(row?.n ?? 0);
}
