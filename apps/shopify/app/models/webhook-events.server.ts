/** Webhook deliveries already handled, keyed by X-Shopify-Event-Id, so duplicates change nothing. */
import { lt } from "drizzle-orm";
import type { Db } from "../db.server";
import { webhookEvents } from "../db/schema";

/** Shopify retries for up to 48 hours; ids are kept a week, so any duplicate still finds its twin. */
export const EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export interface WebhookEventInput {
  eventId: string;
  topic: string;
  webhookId: string | null;
  triggeredAt: Date | null;
  outcome: "processed" | "dead_letter";
}

/**
 * Records that an event is being handled. Run it inside the processing transaction: a second
 * delivery of the same event waits for the first to commit, then sees the record.
 *
 * @example if (!(await claimEvent(tx, shopId, event))) return "duplicate";
 * @returns true for a first delivery, false when the event was already recorded.
 */
export async function claimEvent(db: Db, shopId: number, event: WebhookEventInput): Promise<boolean> {
  const rows = await db
    .insert(webhookEvents)
    .values({ shopId, ...event })
    .onConflictDoNothing()
    .returning({ eventId: webhookEvents.eventId });
  return rows.length > 0;
}

/**
 * `claimEvent` for a batch of deliveries in one statement.
 *
 * @example const fresh = await claimEvents(tx, shopId, events); fresh.has(eventKey(e))
 * @returns the keys (`eventKey`) of the events recorded now; a repeat inside the batch or an
 *   earlier delivery is absent. Empty for an empty batch.
 */
export async function claimEvents(db: Db, shopId: number, events: WebhookEventInput[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await db
    .insert(webhookEvents)
    .values(events.map((e) => ({ shopId, ...e })))
    .onConflictDoNothing()
    .returning({ eventId: webhookEvents.eventId, topic: webhookEvents.topic });
  return new Set(rows.map((r) => eventKey(r)));
}

/** The identity of a delivery: duplicates share it. */
export function eventKey(e: { eventId: string; topic: string }): string {
  return `${e.topic}\u0000${e.eventId}`;
}

/**
 * Deletes event records older than the retention (at least 7 days). Maintenance across all shops:
 * it reads no shop's data and returns none.
 *
 * @example await pruneWebhookEvents(db, new Date());
 * @returns how many records were deleted; 0 when none were old enough.
 */
export async function pruneWebhookEvents(db: Db, now: Date, retentionMs: number = EVENT_RETENTION_MS): Promise<number> {
  if (retentionMs < EVENT_RETENTION_MS) throw new Error("webhook event ids must be kept at least 7 days");
  const rows = await db
    .delete(webhookEvents)
    .where(lt(webhookEvents.receivedAt, new Date(now.getTime() - retentionMs)))
    .returning({ eventId: webhookEvents.eventId });
  return rows.length;
}
